"""What the words around a name say about it being a place (:func:`context_cues`), and the vocabulary
they are read with: qualifiers (region, river...), organisations' words, roles, prepositions."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice

from geo.matching.words import Words, _QUOTE_CLOSE, _Word, _norm_word, word_frequency

#: Words after a name that make it a division, a river... (normalized) -> kind of place.
QUALIFIERS = {
    "region": "division", "oblast": "division", "province": "division", "republic": "division",
    "krai": "division", "kray": "division", "governorate": "division", "state": "division", "prefecture": "division",
    "district": "district", "raion": "district", "rayon": "district", "county": "district", "parish": "district",
    "regency": "district",   # (Indonesia's kabupaten: "Sleman regency")
    "territory": "division", "department": "division", "division": "division",
    "river": "river", "lake": "water", "sea": "water",
    "city": "settlement", "town": "settlement", "village": "settlement",
}
#: Plural qualifiers, which also qualify the names listed before them ("Homs and Aleppo governorates").
#: ("districts" only where every name listed has a district of its name: "the Balaklia and Izyum
#: districts" read as the towns' surroundings, as the reference gold has it, Balakliia's raion being
#: merged away; resolution decides, see geo.resolution.agreement.plural_kinds_hold.)
PLURAL_QUALIFIERS = {
    "regions": "division", "oblasts": "division", "provinces": "division", "governorates": "division", "prefectures": "division",
    "departments": "division", "divisions": "division", "rivers": "river",
    "states": "division", "counties": "district", "districts": "district", "regencies": "district",
}
QUALIFIERS.update(PLURAL_QUALIFIERS)
#: Kinds that are also offices' or units' names: a kind only in lower case and not before "of" ("the Oruro
#: department", "Sylhet division"; "the Ohio Department of Health", "Lima's Department of Transport" are
#: offices, "the Premier Division" a league).
OFFICE_KINDS = frozenset({"department", "departments", "division", "divisions"})
#: Kinds written before a name with "of" ("the province of Cagayan", "the island of Java", "the State of
#: Israel") -> the kind of place the name must be: "polity" a division or a country, "island" an island
#: (or a country or division that is one).
KIND_OF_QUALIFIERS = {
    "province": "division", "region": "division", "oblast": "division", "governorate": "division", "prefecture": "division",
    "department": "division", "county": "district", "district": "district", "state": "polity", "republic": "polity", "island": "island",
    "city": "settlement", "town": "settlement", "village": "settlement", "hamlet": "settlement", "port": "settlement",
    # ("the Gulf of Tadjourah", "the Bay of Bengal": the water, which the gazetteer may lack, not the town)
    "gulf": "water", "bay": "water", "sea": "water", "strait": "water", "straits": "water",
}
_KIND_OF_BEFORE = re.compile(r"\bthe\s+(?P<words>(?:[\w’'-]+\s+){0,2}?)(?P<kind>" + "|".join(KIND_OF_QUALIFIERS)
                             + r")\s+of\s+(?:the\s+)?$", re.I)


def kind_before(text: str, start: int, trie=None) -> str | None:
    """The kind of place "the province of", "the Dutch island of" before ``start`` makes the name there,
    or None (also where a place's name stands before the kind: "the Kharkiv region of Ukraine" says
    nothing of Ukraine's kind).

    >>> kind_before("Floods hit the northern province of Cagayan", 36)
    'division'
    >>> kind_before("Fighting in the Kharkiv region of Ukraine", 34) is None
    True
    """
    match = _KIND_OF_BEFORE.search(text, max(0, start - 60), start)
    if match is None:
        return None
    if match.group("kind").lower() in OFFICE_KINDS and not match.group("kind").islower():
        return None   # "the Department of Defense" is an office
    words = match.group("words").split()
    if any(w[:1].isupper() and (trie is None or _norm_word(w) in trie) for w in words):
        return None
    return KIND_OF_QUALIFIERS[match.group("kind").lower()]


#: Kinds an appositive gives the name before it ("Córdoba, a city in central Veracruz", "Surkhet, the
#: capital of Karnali Province", "Luzon, the country's main island") -> the kind of place it must be.
KIND_AFTER_QUALIFIERS = {**{k: v for k, v in KIND_OF_QUALIFIERS.items() if v != "polity" and k not in OFFICE_KINDS},
                         "capital": "settlement"}   # ("Sylvester, a spokesman for the Department of...")
# (the kind word ends the appositive's noun phrase: "Volgograd, on the Volga, the city administration
# said" makes no city of the Volga)
# (the words before the kind are its modifiers, no preposition: "Berdyansk, a port on the Sea of Azov" is no sea)
_KIND_AFTER = re.compile(r",\s*(?:an?|the)\s+(?:(?!(?:on|in|at|of|near|by|the|an?|to|from|off)\s)[\w’'-]+\s+){0,3}?(?P<kind>" + "|".join(KIND_AFTER_QUALIFIERS)
                         + r")(?=\s*(?:[,.;:!?)—–]|$|(?:of|in|on|near|at|by|about|some|with|that|which|where|and|or|not|"
                         r"home|known|close|just|north|south|east|west|across|along|outside|inside|from|famous|best|"
                         r"worst|hardest|most|least|where|whose)\b))", re.I)   # ("Hatay, the province worst hit")


def kind_after(text: str, end: int) -> str | None:
    """The kind of place an appositive after ``end`` says the name before it is, or None.

    >>> kind_after("In Córdoba, a city in central Veracruz, a polling station burned", 10)
    'settlement'
    >>> kind_after("Kharkiv, the region's capital, was shelled", 7), kind_after("Kharkiv, the regional police said", 7)
    ('settlement', None)
    >>> kind_after("In Volgograd, on the Volga, the city administration opened shelters", 26) is None
    True
    """
    match = _KIND_AFTER.match(text, end)
    return None if match is None else KIND_AFTER_QUALIFIERS[match.group("kind").lower()]


# What joins the names of a list that a plural qualifier ends: ", ", " and ", ", and ", " or ".
LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# Words after a name that make it part of an organisation, event or title, not a place.
_ORG_WORDS = frozenset("""
police post times journal herald tribune news university institute academy school college
ministry army navy council committee court airport airlines airline club fc united summit forum
strategy agency service services group bank company corporation party church cathedral
station stadium hospital museum theatre theater street avenue square hotel radio tv television
independent daily gazette review telegraph broadcasting declaration accords agreement process
forces guard command office embassy administration parliament department directorate intelligence
brigade regiment battalion
utilities library libraries patrol division commission authority board center centre foundation
association society federation league assembly senate legislature chamber corps trust fund
laboratory laboratories observatory clinic zoo bureau
courthouse sheriff schools prosecutors prosecutor jail prison penitentiary
open cup games marathon
petroleum energy mining railway railways airways holdings industries telecom international corridor pipeline
fair fairgrounds festival expo
cartel fleet alliance
""".split())
# Lower-case words after a name that make it a dam's or a reservoir's, which GeoNames files apart from
# the town it is named after ("the Toktogul dam", "the Kakhovka reservoir").
_WATERWORKS = frozenset("dam dams reservoir barrage".split())
# ...or a facility's that the place names: "near Karachi airport", "the Sakarya gas field" (a place as a modifier).
_FACILITIES = frozenset("airport airfield airbase refinery mine mines".split())
_FACILITY_HEADS = {"power": ("plant", "station"), "nuclear": ("plant", "station"), "gas": ("field", "fields"),
                   "oil": ("field", "fields", "refinery"), "air": ("base",)}
# The kinds of water and coast that end their names ("China Bay", "Georgia Strait", "Nile Delta"): a
# place's name before one is the feature's, which the gazetteer (knowing the whole name) would have matched.
_COAST_HEADS = frozenset("bay strait straits gulf sound harbour harbor lagoon delta peninsula".split())
# Romance "of" and the compass words that end divisions' names after it ("Lanao del Sur", "Rio Grande do Sul").
_ROMANCE_OF = frozenset("de del do da di du".split())
_ROMANCE_COMPASS = frozenset("sur norte este oeste sul nord sud est ouest centro".split())
# Particles of family names between a given name and a surname ("Lula da Silva", "Vincent van Gogh",
# "Ursula von der Leyen", "Mohammed bin Salman"): a capitalized word after one is a surname.
_SURNAME_PARTICLES = frozenset("da dos das van von der bin ibn".split())
# Roles that make "Belgorod governor Vyacheslav Gladkov" a title, not a mention of the place.
_ROLES = frozenset("""
governor mayor president minister premier commander chief spokesman spokeswoman spokesperson
leader head official officials prosecutor ombudsman envoy ambassador patriarch gov. gov sen. sen senator rep.
""".split())
# Adjectives after a name that make the body it names the division's ("the Sumy regional council").
_REGIONAL = frozenset({"regional", "provincial", "oblast"})
# Offices of a division, not of a town, after a name: "New York Gov. Andrew Cuomo", "Kharkiv Governor Oleh
# Syniehubov" are the state's and the oblast's (a mayor is the town's).
_DIVISION_OFFICES = frozenset({"gov.", "gov", "governor", "governors", "sen.", "senator"})
#: Lower-case particles written inside a longer proper name, between its capitalized words: Arabic
#: articles as romanized ("Maarat al-Numan", "Ras al-Ain"), Dutch and German ones ("Van der Bellen"),
#: patronymics ("Mohammed bin Salman"). Not the forms that are English words ("as", "at", "an":
#: "Thursday as Los Angeles officials"), nor Romance "de", "del", "di": like "of", they put the place
#: inside the name ("Tour de France", "Banco de México").
NAME_PARTICLES = frozenset("""
al el ad adh ar ash ath az ed er es et ez en van der von bin ibn
""".split())
#: Adjectives of direction ("Eastern Ukraine"): the one list matching and resolution share.
COMPASS_ADJECTIVES = frozenset("""
northern southern eastern western central northeastern northwestern southeastern southwestern
""".split())
# Words that may precede a place name and still leave it the place (Eastern Ukraine).
_MODIFIERS = COMPASS_ADJECTIVES | frozenset("""
north south east west northeast northwest southeast southwest north-east north-west south-east
south-west greater upper lower occupied liberated russian-occupied free the in of
""".split())
# Kinds of feature written before their name ("Lake Urmia", "Mount Kenya", "Cape Horn"): the name after
# one is the feature's, not the town's or country's of that name, even at a sentence's start.
FEATURE_HEADS = frozenset("lake mount mt cape gulf bay river isle lac monte".split())
# Determiners: capitalized at a sentence's start, no part of the name after them ("Another Gainesville business").
_DETERMINERS = frozenset("""
a an another any both each every few many most much no one our several some such that these this those
their his her its my your all either neither
""".split())
# Words that put the next name in a place context.
_PLACE_PREPOSITIONS = frozenset("""
in near from to into outside around towards toward across at through via between of
""".split())
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|near|from|to|into|outside|around|towards?|across|at|through|via|of|beyond|behind|inside|between)"
    r"\s+(?:the\s+)?(?:[a-z\-]+ed\s+|recently\s+\w+\s+|(?:north|south|east|west)(?:ern)?\s+)?$", re.I)
# The same pattern spelt backwards, matched at the start of the reversed text before a name: a
# regex search for "...$" tries every starting position, a match on the reversed text only one.
# (tests/test_matching.py checks that the two agree.)
_PREPOSITIONS_REVERSED = "|".join(w[::-1] for w in (
    "in near from to into outside around towards toward across at through via of beyond behind inside between").split())
_PREPOSITION_BEFORE_REVERSED = re.compile(
    r"(?:\s+de[a-z\-]+|\s+\w+\s+yltnecer|\s+(?:nre)?(?:htron|htuos|tsae|tsew))?(?:\s+eht)?\s+"
    r"(?:" + _PREPOSITIONS_REVERSED + r")\b", re.I)
_LIST_BEFORE = re.compile(r"([A-Z][\w’'\-]+)(?:,\s+|,?\s+(?:and|or)\s+)$")
_LIST_AFTER = re.compile(r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([A-Z][\w’'\-]+)")
_PLACE_NOUNS = frozenset("""
village villages town towns city cities settlement settlements region regions oblast province
capital districts district hamlet port area
""".split())
#: Cues that say a place is meant: what context_cues(..., positive_only=True) looks for.
POSITIVE_CUES = frozenset({"dateline", "place_preposition", "place_noun", "appositive", "list", "in_after"})
_DATELINE_HEAD = re.compile(r"[A-Z\s/,.'’\-]*")
_DATELINE_AFTER = re.compile(r"\s*(?:/|,\s*[A-Z])")
# A dateline's name alone before a news agency ("GENEVA (Reuters) -", "BEIRUT (AP) —") or, at a
# line's start, a dash ("BEIRUT —"). A wire service writes a town alone only where it is the world's
# (or its country's) best-known place of the name.
_DATELINE_ALONE_AFTER = re.compile(r"\s*(?P<agency>\([A-Z][\w .&]{0,30}\)\s*)?[—–-]+\s")
_NOUN_OF_BEFORE = re.compile(r"\b(?:villages?|towns?|townships?|cities|city|settlements?|regions?|provinces?|districts?|"
                             r"capital|hamlets?)\s*,?\s+(?:of|such as|including|like)\s*$", re.I)
# A possessive and a government's word after a name: "Quebec's government", "Bavaria's premier".
_GOVERNMENT_AFTER = re.compile(r"['’]s\s+(?:(?:provincial|state|regional|territorial)\s+)?"
                               r"(?:government|premier|legislature|parliament|governor)\b")
# A division's office and "of" before a name: "the governor of Puebla", "the Governor of Lagos" (a
# state's, the name stays the city's where the city is its country's capital: "the government of").
_GOVERNOR_OF_BEFORE = re.compile(r"\b(?:[Gg]overnor|[Gg]overnorship|[Pp]remier)\s+of\s+(?:the\s+)?$")
_APPOSITIVE_AFTER = re.compile(r",\s*(?:an?|the)\s+(?:\w+\s+){0,3}?"
                               r"(?:village|town|city|settlement|region|province|country|capital|river)\b", re.I)
_IN_AFTER = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
_COMMA_CAPITAL_AFTER = re.compile(r",\s+[A-Z]")
_SENTENCE_BEFORE_PREV = re.compile(r"(?:^|[.!?…:]\s*|[\n“\"«(]\s*)$")
# A title's abbreviation: its dot ends no sentence ("Sen. Annette Cleveland", "Gov. Mike DeWine").
_TITLE_DOT_BEFORE = re.compile(r"(?-i:\b(?:Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|Cmdr|Adm|Dr|Mr|Mrs|Ms|Prof|Rev|Supt|Insp|Det|Atty|Sec|Pres)\.\s*)$")
_HEAD_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")
# People a place's name follows with "of" when they speak: "residents of Zalingei said".
_PEOPLE_OF = r"(?-i:residents|people|inhabitants|citizens|villagers|officials|authorities|mayor|governor|leaders)\s+of"
# "in Dublin, Columbus and ", "residents of Jabalia and ": the last name of a list of places after a
# word that places it (see _LOCATIVE_TAIL) is no speaker.
_IN_LIST_BEFORE = re.compile(r"\b(?:in|near|around|outside|across|" + _PEOPLE_OF + r")\s+(?:[a-z]+\s+)?"
                             r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?(?:,\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)*,?\s+and\s+$")
#: A preposition of location ending the words before a name: the name is where the speaker is.
#: Also a group of people "of" it ("residents of Zalingei said": the residents speak; "the wife of
#: Jackson said" stays a person's), and a verb in the past tense, whose object it is ("Residents who
#: reached El Obeid said"; not "named", "called", which name people too).
_LOCATIVE_TAIL = re.compile(r"(?:^|\s)(?:(?:in|near|around|outside|inside|across|throughout)"
                            r"(?:\s+(?:the\s+)?(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?)?"
                            r"|" + _PEOPLE_OF +
                            r"|(?!named$|called$)(?-i:[a-z]+ed))$", re.I)
_SAID_AFTER = re.compile(r"\s+(?:said|says|told|added|noted|wrote|asked|stated)\b")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?…]\s+|\n\s*|[“\"«(]\s*)$")


_LINE_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")
#: A title-case line (a headline): at most this long, with at least this many words of four letters or
#: more, at least this share of them capitalized.
TITLE_LINE_CHARS = 200
TITLE_LINE_WORDS = 4
TITLE_LINE_SHARE = 0.85
#: A word ending in -ing this common (wordfreq's Zipf scale: "losing" 4.9, "defending" 4.3; the names
#: "Irving" 3.7, "Ewing" 3.3 are rarer) that opens a sentence before a name is a verb, no part of the name.
GERUND_ZIPF = 4.0
#: In a title-case line, a capitalized neighbour this common a word ("Pounds", "Near") marks no longer name.
TITLE_WORD_ZIPF = 3.5


@lru_cache(maxsize=4096)
def _title_line(line: str) -> bool:
    words = _LINE_WORD.findall(line)
    return len(words) >= TITLE_LINE_WORDS and sum(w[0].isupper() for w in words) >= TITLE_LINE_SHARE * len(words) \
        and not line.isupper()


def _in_title_line(ws: Words, pos: int) -> bool:
    """Whether the line holding ``pos`` is written in title case (a headline), where a capital marks
    no name (an all-capitals line is a dateline or a shout, not a title). Known once per line of
    the text (the names of a line all ask)."""
    text = ws.text
    start = text.rfind("\n", max(0, pos - TITLE_LINE_CHARS), pos) + 1
    if start == 0 and pos > TITLE_LINE_CHARS:
        return False
    end = text.find("\n", pos, pos + TITLE_LINE_CHARS)
    if end < 0:
        end = len(text) if len(text) - pos <= TITLE_LINE_CHARS else -1
    if end < 0 or end - start > TITLE_LINE_CHARS:
        return False
    # (a line found here starts at ``start`` and ends at its own line break or the text's end:
    # the same (start, end) for every position on it)
    lines = ws.title_lines
    titled = lines.get(start)
    if titled is None:
        titled = lines[start] = _title_line(text[start:end])
    return titled


def context_cues(ws: Words, first: _Word, last: _Word, trie=None, *, positive_only: bool = False) -> tuple[str, ...]:
    """What the words around ``first`` .. ``last`` say about it being a place.

    Positive: dateline (and wire_dateline: a wire service's dateline of a town alone, "GENEVA (Reuters) -"),
    place_preposition, place_noun, list, appositive (", Ukraine"), in_after.
    Negative: organisation, person, role (a title), quoted_title, sentence_start.
    Neutral: lower_after (a lower-case word follows: "Somali leaders", "Kharkiv police").
    ``positive_only`` stops after the positive ones (all a caller deciding whether to look further needs).

    The cheap tests on the characters next to the name come first: most regular expressions
    below can only match when such a character is there, and most names have none. (Called for
    every name found: the words next to it are unpacked once, and tests that share a condition
    are taken under it.)
    """
    text = ws.text
    cues = []
    append = cues.append
    start, end = first.start, last.end
    before = text[max(0, start - 40): start]
    after = text[end: end + 40]
    prev = ws.before(start)
    nxt = ws.next_word(last)
    if prev is not None:
        prev_start, prev_end, prev_text, prev_norm, _, _ = prev
        gap_before = text[prev_end: start]
    else:
        gap_before = ""
    if nxt is not None:
        next_start, next_end, next_text, next_norm, _, _ = nxt
        gap_after = text[end: next_start]
    else:
        gap_after = ""
    tail = before.rstrip()        # the words just before, without the spaces
    opens = after[:1]             # the character right after
    space_before = before[-1:].isspace()
    space_after = opens.isspace()
    comma_after = opens == ","

    surface = text[start:end]
    if surface.isupper() and len(surface) > 2:
        alone = None if _DATELINE_AFTER.match(after) else _DATELINE_ALONE_AFTER.match(after)
        if alone is not None or _DATELINE_AFTER.match(after):
            # (looked for in the last 200 characters only: an unbounded search is quadratic on a text without line breaks)
            line_start = text.rfind("\n", max(0, start - 200), start) + 1 or max(0, start - 200)
            head = text[line_start: start]
            if not head.strip() or alone is None and _DATELINE_HEAD.fullmatch(head):
                append("dateline")
                if alone is not None and alone.group("agency"):
                    append("wire_dateline")
    # (_PREPOSITION_BEFORE.search(before), faster; it needs a space at the end)
    if space_before and _PREPOSITION_BEFORE_REVERSED.match(before[::-1]):
        append("place_preposition")
    if (tail[-2:].lower() in ("of", "as", "ke", "ng") and _NOUN_OF_BEFORE.search(before)) \
            or (prev is not None and prev_norm in _PLACE_NOUNS and gap_before.strip() == ""):
        append("place_noun")
    if comma_after and _APPOSITIVE_AFTER.match(after):
        append("appositive")
    if last.token_end > end and _GOVERNMENT_AFTER.match(text, end):
        append("government_after")   # "Quebec's government": a polity's
    elif tail[-2:] == "of" and _GOVERNOR_OF_BEFORE.search(before):
        append("government_after")   # "the governor of Puebla": the same
    # (_LIST_BEFORE needs a comma, "and" or "or", then spaces, at the end: a search for it tries every capital)
    listed = (_LIST_BEFORE.search(before) if space_before and tail.endswith((",", "and", "or")) else None) \
        or (_LIST_AFTER.match(after) if comma_after or space_after else None)
    if listed and not word_frequency(listed.group(1).lower()) >= 4.0:  # "Valor and Russian Mistakes" is no list of places
        append("list")
    if space_after and _IN_AFTER.match(after):
        append("in_after")
    if positive_only:
        return tuple(cues)
    title_line = _in_title_line(ws, start)
    if title_line:
        append("title_line")   # "Army Withdrew From Eastern Village Near Key Town": capitals say nothing
    if comma_after and _COMMA_CAPITAL_AFTER.match(after):
        append("comma_capital_after")

    if nxt is not None:
        # (in a title-case line a common word's capital is the title's, no sign of a longer name: "Russia Pounds")
        # ("Long Island, N.Y. The U.S. Navy": a name ending in an abbreviation's dot may end its sentence)
        if gap_after == " " and next_text[0].isupper() and (next_norm not in QUALIFIERS or next_norm in OFFICE_KINDS) \
                and text[end - 1] != ".":
            # "Kharkiv Regional Police", "The Washington Post": a run of capitalized words after the
            # name that holds an organisation's word makes the whole run an organisation.
            following, previous = [], None
            for w in islice(ws.after(last), 4):
                if not w.text[0].isupper() or (previous is not None and text[previous.end: w.start] != " "):
                    break
                following.append(w.norm)
                previous = w
            # (two place names side by side are written with a comma or a slash, not a space)
            if any(f in _ORG_WORDS for f in following):
                append("organisation")
            elif not (title_line and word_frequency(next_norm) >= TITLE_WORD_ZIPF):
                append("capital_after")
                if next_norm in _COAST_HEADS and not title_line:
                    append("feature_after")   # "China Bay", "Georgia Strait": a water's or coast's name the gazetteer lacks
        if next_norm in _WORDS_AFTER_READ:   # (most words after a name are none of these)
            if next_norm in NAME_PARTICLES and next_text.islower() and gap_after in (" ", "-"):
                # "Ain al-Asad", "Tal al-Hawa": a particle and a capitalized word after the name go on with it
                # (the gazetteer lacks the longer name: the first word alone is no place)
                after_particle = ws.next_word(nxt)
                if after_particle is not None and after_particle.text[0].isupper() \
                        and text[next_end: after_particle.start] in (" ", "-"):
                    append("capital_after")
            if (next_norm in _REGIONAL or next_norm in _DIVISION_OFFICES) and gap_after.strip() == "":
                append("regional_after")   # "the Sumy regional council", "Odesa Regional Administration": the oblast's
            if gap_after.strip() == "" and next_norm in _ROLES:
                after_role = ws.next_word(nxt)
                if after_role is not None and after_role.text[0].isupper():
                    append("role")
    if prev is not None:
        if gap_before == " " and prev_text[0].isupper() and prev_norm not in _MODIFIERS \
                and prev_norm not in _DETERMINERS \
                and prev_norm not in _PLACE_PREPOSITIONS and not (trie is not None and prev_norm in trie and prev_text.isupper()) \
                and not (prev_text.endswith(".") and trie is not None and prev_norm in trie) \
                and not (title_line and word_frequency(prev_norm) >= TITLE_WORD_ZIPF):
            sentence_start = (prev_start == 0 or _SENTENCE_BEFORE_PREV.search(text[max(0, prev_start - 4): prev_start])) \
                and not _TITLE_DOT_BEFORE.search(text, max(0, prev_start - 8), prev_start)
            # ("Lake Urmia has shrunk": a feature's kind starting the sentence still heads the name;
            # "Losing Pokrovsk would", "Holding Kupiansk": a verb's -ing form opening it heads none)
            if not (sentence_start and prev_norm.endswith("ing") and word_frequency(prev_norm) >= GERUND_ZIPF):
                append("capital_before_at_start" if sentence_start and prev_norm not in FEATURE_HEADS else "capital_before")
        elif prev_norm in _SURNAME_PARTICLES and prev_text.islower() and gap_before == " " \
                and (given := ws.before(prev_start)) is not None and given.text[0].isupper() \
                and text[given.end: prev_start] == " " and given.norm not in _PLACE_PREPOSITIONS:
            append("capital_before")   # "Lula da Silva": a surname after a given name and its particle
        elif prev_norm in _ROMANCE_OF and first.norm in _ROMANCE_COMPASS and gap_before == " ":
            # "Maguindanao del Sur", "Lanao del Norte", "Rio Grande do Sul": a compass word after "del"
            # ends a longer name (that the gazetteer may lack), no place of its own (Sur, Oman)
            head = ws.before(prev_start)
            if head is not None and head.text[0].isupper():
                append("capital_before")
        elif prev_norm in NAME_PARTICLES and prev_text.islower() and gap_before in (" ", "-"):
            # "Maarat al-Numan", "Ciudad del Este": the particle joins the name to the capitalized word before it
            head = ws.before(prev_start)
            if head is not None and head.text[0].isupper() and text[head.end: prev_start] in (" ", "-"):
                append("capital_before")
    if tail.endswith(("of", "the")):
        head_of = _HEAD_OF_BEFORE.search(before)
        if head_of and head_of.group(1).lower() in _ORG_WORDS:
            append("organisation_of")  # "State Security Service of Ukraine", "Bank of America"
    if nxt is not None and gap_after == " " and next_text[0].islower() and next_norm not in QUALIFIERS:
        append("lower_after")   # "Somali leaders": an adjective (resolution asks whether the name is a demonym)
        if next_norm in _WATERWORKS:
            append("waterworks_after")   # "the Toktogul dam": the dam, named after the town
        elif next_norm in _FACILITIES or next_norm in _FACILITY_HEADS and (
                (kind := ws.next_word(nxt)) is not None and kind.norm in _FACILITY_HEADS[next_norm]
                and text[next_end: kind.start] == " "):
            append("facility_after")     # "near Karachi airport", "the Sakarya gas field": a facility named after the place
    if space_after and _SAID_AFTER.match(after) and not _LOCATIVE_TAIL.search(tail) \
            and not _IN_LIST_BEFORE.search(text, max(0, start - 80), start):
        append("person")   # "Lavrov said"; not "officials in Artemovsk said", "farmers around Lleida said",
                           # "in Dublin, Columbus and Richmond said" ("from", "at" and "of" may be a person's
                           # or a firm's: "a letter from Johnson said", "analysts at Barclays said")
    if start == 0 or _SENTENCE_BEFORE.search(text[max(0, start - 3): start]):
        append("sentence_start")
    quotes = ws.quote_opens()
    if quotes:
        k = bisect.bisect_left(quotes, start)  # the last opening quote before the name, within 200 characters
        q_open = quotes[k - 1] if k and quotes[k - 1] >= start - 200 else -1
        if q_open >= 0 and ws.opens_title(q_open):
            q_close = min((k for k in (text.find(c, q_open + 1) for c in _QUOTE_CLOSE) if k >= 0), default=-1)
            if q_close < 0 or q_close >= end:
                append("quoted_title")
    return tuple(cues)


# The words after a name that the tests above read (particles, divisions' adjectives and offices, roles).
_WORDS_AFTER_READ = NAME_PARTICLES | _REGIONAL | _DIVISION_OFFICES | _ROLES
