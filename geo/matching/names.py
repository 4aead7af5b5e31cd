"""Finding the gazetteer's names in a text (:class:`NameMatcher`): exact, after normalization, the
longest at each capitalized word, with the qualifier written after it and its context cues."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING
from itertools import islice

from geo.document import Span
from geo.matching.cues import (OFFICE_KINDS, PLURAL_QUALIFIERS, QUALIFIERS, LIST_GAP, _MODIFIERS, _ORG_WORDS, context_cues, kind_after,
                               kind_before)
from geo.matching.words import Words, _Word, word_frequency, words

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

# What may stand between two words of one multi-word name.
_NAME_GAP = re.compile(r"[ \t\-‐‑–]{1,2}$|^[ \t\-‐‑–]{1,2}")
_MAX_NAME_WORDS = 6
# The fewest letters of each part of a hyphenated pair read joined: no initials ("D-W. Va.": a party and a state).
_JOINED_PART_CHARS = 3
# ...and each part rarer than this as an English word (Zipf): "Tri-State" is no Tristate (Laughlin's other name).
_JOINED_PART_ZIPF = 3.5
# A kind of place right after a name: "the Hunan city of", "the Donetsk region town of".
_KIND_AFTER = re.compile(r"\s+(?:city|town|village|region|province|oblast|district|county|state)\b", re.I)
# "of" and a name after a kind: the kind is that name's ("the Hunan city of Yueyang").
_KIND_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# An indefinite or demonstrative article and at most three words before a name: "a small ", "this northeast ".
# ("the southwestern Ontario city": a word between "the" and the name describes; "the Lviv city council" is Lviv's)
_DESCRIBED_BEFORE = re.compile(r"(?:\b(?:a|an|this|that|another|one)\s+(?:[\w’'-]+\s+){0,3}"
                               r"|\bthe\s+(?:(?!(?:of|in|on|at|near|from|to|for|by|with|and|or)\s)[\w’'-]+\s+){1,3})$", re.I)
# "County Offaly", "Co Donegal", "Co. Mayo": Ireland's and Britain's kind before the name.
_COUNTY_BEFORE_NAME = re.compile(r"(?:^|(?<=[^\w.]))(?:County|Co\.?) $")
# A list of names ending in their plural kind after a name: "the Western and Eastern regions" (a
# common word listed so is a place's name).
_LISTED_BEFORE_KIND = re.compile(r"\s+(?:and|or)\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)?\s+(?:"
                                 + "|".join(PLURAL_QUALIFIERS) + r")\b")
# A comma and a dotted abbreviation after a word: "Surprise, Ariz.".
_ABBREVIATION_AFTER = re.compile(r",\s+([A-Z][A-Za-z.]{0,5}\.)")
# A name listed before this one ("Kaduna and ", "Harvey, Harper and "): a plural qualifier after it is the list's.
_LISTED_BEFORE = re.compile(r"[A-Z][\w’'.\-]*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")

#: Zipf frequencies (wordfreq) above which a name is also a common English word, and above which
#: only a place of this importance, known by that very name, is taken for it (Washington, Texas).
COMMON_WORD_ZIPF = 4.0
STRONG_COMMON_ZIPF = 4.5
COMMON_NAME_IMPORTANCE = 0.75
#: wordfreq splits "New York" into words, so "york" counts as often as "nice": a word the name of a
#: place of BORROWING_IMPORTANCE holds after "New" (New York, New Jersey; not the Egyptian governorate
#: New Valley, whose name is rarely written) counts only as BORROWED_WORD_ZIPF when alone.
BORROWED_WORD_ZIPF = 3.5
BORROWING_IMPORTANCE = 0.95


def name_word_frequency(word: str, gazetteer: Gazetteer) -> float:
    """How common ``word`` is in English as a word of its own (see BORROWED_WORD_ZIPF).

    >>> from geo.gazetteer import Gazetteer
    >>> g = Gazetteer.open()
    >>> round(name_word_frequency("nice", g), 1), name_word_frequency("york", g)
    (5.4, 3.5)
    """
    zipf = word_frequency(word)
    if zipf > BORROWED_WORD_ZIPF and gazetteer.named_importance("new " + word) >= BORROWING_IMPORTANCE:
        return BORROWED_WORD_ZIPF
    return zipf


def name_zipf(norm: str, gazetteer: Gazetteer) -> float:
    """How common a name's rarest word is in English (a one-word name: as a word of its own, see
    name_word_frequency); none for an abbreviation written with its dot ("Ill." is no word)."""
    if not norm.strip() or "." in norm:
        return 0.0
    return min(word_frequency(w) for w in norm.split()) if " " in norm else name_word_frequency(norm, gazetteer)


class NameMatcher:
    """Finds gazetteer names (exact, after normalization) and marks their context."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.trie = gazetteer.name_trie()
        # Names known only as abbreviations (US, UK, U.S.) match only in capitals, as written.
        abbrevs = gazetteer.names_of_kind("abbrev")
        self.abbreviation_only = {n for n, kinds in abbrevs.items() if kinds == {"abbrev"}}
        self.written_abbreviations = gazetteer.written_names_of_kind("abbrev")   # ("Qld": no capitals, no dot)
        self.dotted_abbreviations = {n for n in abbrevs if n.endswith(".")}   # "ariz.", "n.y.": divisions' in news
        # Postal codes (IL, WV) are names only right after "Town, ": elsewhere IN, OR, ME are words.
        postal = gazetteer.names_of_kind("postal")
        self.postal_names = set(postal)
        self.postal_only = {n for n, kinds in postal.items() if kinds <= {"postal", "abbrev"}}
        self._plain_words: dict[str, bool] = {}
        self._known: dict[str, tuple[bool, bool, bool, bool]] = {}   # what the trie says of a key (see _name_facts)
        self._no_name: set[str] = set()   # keys of which the trie says nothing: no name is, or starts with, them
        self.demonyms = set(gazetteer.names_of_kind("demonym"))
        self.articles = gazetteer.definite_articles
        self._articles_in_order = tuple(sorted(self.articles))   # (tried in one order: the same name found each time)

    def _before_division(self, text: str, end: int) -> bool:
        """Whether a comma and a division's abbreviation follow ("Surprise, Ariz.", "Mobile, Ala.")."""
        after = _ABBREVIATION_AFTER.match(text, end)
        return after is not None and after.group(1).lower() in self.dotted_abbreviations

    def is_plain_word(self, norm: str) -> bool:
        """A common English word that no important place is called ("In", "We", "March"): never a
        place in running text, whatever surrounds it (resolution applies the same bar, with context)."""
        plain = self._plain_words.get(norm)
        if plain is None:
            # (an abbreviation written with its dot, "Ill.", is no word)
            plain = " " not in norm and "." not in norm and name_word_frequency(norm, self.gazetteer) >= STRONG_COMMON_ZIPF \
                and self.gazetteer.named_importance(norm) < COMMON_NAME_IMPORTANCE
            self._plain_words[norm] = plain
        return plain

    def stands_inside(self, surface: str, inner: Span) -> bool:
        """Whether a name found inside a longer name the gazetteer lacks (``surface``) stands for
        its place: "Colorado State University", "Bank of Mexico", "North London" are about
        Colorado, Mexico and London; "Middle East" is not East, nor "Korean Peninsula" Peninsula.

        The place comes first, after "of", or after words that only narrow it (north, greater);
        a name that ends a longer one after other words is that name's head, not the place; and a
        plain English word ("East") is no place inside a name.
        """
        if self.is_plain_word(inner.norm):
            return False
        before = surface[:inner.start].split()
        if not before or before[-1].lower() == "of" or all(w.lower() in _MODIFIERS for w in before):
            return True
        return surface[inner.end:].strip() != ""   # ("Smart Dubai Office": inside, not at the end)

    def find(self, text: str) -> list[Span]:
        """Every exact name match at a capitalized word, longest first, with qualifiers and cues."""
        ws = words(text)
        spans: list[Span] = []
        resume = 0  # words starting before this lie inside the last name found
        no_name, known = self._no_name, self._known
        for w in ws.capitalized:
            if w.start < resume:
                continue
            if w.norm in no_name:   # most capitalized words start no name at all: no walk to set up
                if text[w.end: w.end + 1] != "-" or (best := self._hyphen_joined(ws, w)) is None:
                    continue
            elif (facts := known.get(w.norm)) is not None and facts[0] and not (facts[1] or facts[2] or facts[3]) \
                    and text[w.end: w.end + 1] != "-":
                best = (w, w.norm)   # a name, and no longer or dotted one starts so: no walk (the usual case)
            else:
                best = self._start_at(ws, w)
            if best is None:
                continue
            last, norm = best
            end = last.end + (1 if norm.endswith(".") and not last.text.endswith(".") else 0)
            surface = text[w.start: end]
            method = "exact"
            if norm in self.postal_names:
                if _is_postal(text, w.start, surface):
                    method = "postal"
                elif norm in self.postal_only:
                    continue
            if norm in self.abbreviation_only and not _is_abbreviation(surface) and surface not in self.written_abbreviations \
                    or not surface.isupper() and self.is_plain_word(norm) and not self._before_division(text, end) \
                    and not _LISTED_BEFORE_KIND.match(text, end):
                continue   # (capitals may be a dateline; "Surprise, Ariz." a town: resolution decides)
            span = Span(w.start, end, surface, norm, method)
            span, last = self._with_qualifier(ws, last, span)
            first = w
            if span.qualifier is None and w.start >= 3 and "Co" in text[max(0, w.start - 7): w.start] \
                    and _COUNTY_BEFORE_NAME.search(text, max(0, w.start - 8), w.start):
                county = ws.before(w.start)
                if county is not None and county.norm.rstrip(".") in ("county", "co"):
                    # "County Offaly", "County Durham": Ireland's and Britain's kind before the name
                    first = county
                    span.start, span.text, span.qualifier, span.method = county.start, text[county.start: span.end], "county", "qualified"
            if span.qualifier is None and w.start >= 4 and text[w.start - 4: w.start].endswith("of "):
                span.qualifier = kind_before(text, w.start, self.trie)   # "the island of Java"
            if span.qualifier is None and text.startswith(",", span.end):
                span.qualifier = kind_after(text, span.end)   # "Córdoba, a city in central Veracruz"
            span.cues = context_cues(ws, first, last, self.trie)
            if "capital_before" in span.cues:
                adjective = ws.before(first.start)
                if adjective is not None and adjective.norm in self.demonyms and text[adjective.end: first.start] == " ":
                    # "the Algerian Sahara", "the Syrian Golan": a country's adjective is no part of the name
                    span.cues = tuple(c if c != "capital_before" else "demonym_before" for c in span.cues)
            if span.qualifier is None and w.start >= 4 and text[w.start - 4: w.start] == "the " \
                    and not ("organisation" in span.cues or "capital_after" in span.cues) \
                    and not text.startswith("-", span.end) \
                    and not _KIND_AFTER.match(text, span.end):   # ("the Kharkiv city of Kupiansk": no river)
                # "the west bank of the Dnipro", "on the Dnipro": a town is not written with "the",
                # a river is (resolution prefers a river of the name, where there is one); "the
                # Kharkiv Regional Police" is an organisation's name, "the Kharkiv-based charity" a
                # compound's modifier
                span.qualifier = "riverside"
            spans.append(span)
            resume = last.end
        return _plural_kind_before(text, _share_plural_qualifiers(text, spans))

    def _start_at(self, ws: Words, w: _Word) -> tuple[_Word, str] | None:
        """The last word and key of the longest name starting at ``w``, as written or read another way
        (another romanization of its article, a possessive's 's inside a name, two words hyphenated).
        (:meth:`find` takes the usual case, a name no longer one starts with, without calling this.)"""
        best = self._longest_name(ws, w)
        if w.norm in self.articles and (best is None or best[0] is w):
            best = self._with_other_article(ws, w) or best
        if w.token_end > w.end and (best is None or best[0] is w):
            # "Cox's Bazar", "Saint Ann's Bay": the 's was no possessive but part of a longer name
            # (only a longer name: "Canada's" alone is Canada, no Cañadas)
            joined = self._longest_name(ws, w, w.norm + "s")
            if joined is not None and joined[0] is not w:
                best = joined
        if (best is None or best[0] is w) and ws.text[w.end: w.end + 1] == "-":
            best = self._hyphen_joined(ws, w) or best
        return best

    def _hyphen_joined(self, ws: Words, w: _Word) -> tuple[_Word, str] | None:
        """"Pétion-Ville" where the gazetteer writes Pétionville: the two capitalized words joined, if a name."""
        following = ws.next_word(w)
        if following is not None and following.start == w.end + 1 and following.text[:1].isupper() \
                and min(len(w.norm), len(following.norm)) >= _JOINED_PART_CHARS and self._facts(w.norm + following.norm)[0] \
                and max(word_frequency(w.norm), word_frequency(following.norm)) < _JOINED_PART_ZIPF:
            return following, w.norm + following.norm
        return None

    def _with_other_article(self, ws: Words, article: _Word) -> tuple[_Word, str] | None:
        """"Al Fasher" where the gazetteer writes "El Fasher": the longest name that starts with
        another romanization of the same definite article (the extract's ``definite_articles``)."""
        found = [best for other in self._articles_in_order if other != article.norm
                 and (best := self._longest_name(ws, article, other)) is not None and best[0] is not article]
        return max(found, key=lambda best: best[0].end, default=None)

    def _longest_name(self, ws: Words, first: _Word, first_key: str | None = None) -> tuple[_Word, str] | None:
        """The last word and the key of the longest gazetteer name starting at ``first`` (read as
        ``first_key`` when given)."""
        text, known = ws.text, self._known
        key, best, w = first_key or first.norm, None, first
        longer = longer_dotted = False   # (what the last key's facts said: set before a word is added)
        for n in range(_MAX_NAME_WORDS):
            if n:
                previous, following = w, ws.next_word(w)
                if following is None:
                    break
                w = following
                # (after a first word read with its 's, the gap starts where its token ends)
                gap = text[previous.end if n > 1 or first_key is None else previous.token_end: w.start]
                if gap in _DOT_GAPS and longer_dotted:
                    key = f"{key}{gap}{w.norm}"   # "W.Va.", "W. Va.", "St. Louis": the dot is part of the name
                elif longer and (gap == " " or _NAME_GAP.fullmatch(gap or "x")):   # (a space: most gaps)
                    key = f"{key} {w.norm}"
                elif gap in _POSSESSIVE_GAPS and self._facts(key + "s")[2]:
                    key = f"{key}s {w.norm}"   # "Queen Anne's County": the 's inside a longer name
                else:
                    break
            facts = known.get(key)   # (the remembered facts read inline: this runs for every capitalized word)
            is_name, dotted, longer, longer_dotted = facts if facts is not None else self._facts(key)
            if is_name and (n == 0 or not w.text.islower()):
                # (a name ends on a capitalized word: "Panama by bus" is no Danish "Panama by";
                # lower-case words stand inside names only, "Rostov-on-Don", "Trinidad and Tobago")
                best = (w, key)
            if dotted and text[w.end: w.end + 1] == ".":
                best = (w, key + ".")  # "Ky.", "B.C.": the dot belongs to the name
            if not (longer or longer_dotted or w.token_end > w.end and n and self._facts(key + "s")[2]):
                break   # no longer name starts so (nor with the word's 's: "Queen Anne's County")
        return best

    def _facts(self, key: str) -> tuple[bool, bool, bool, bool]:
        """:meth:`_name_facts`, remembered."""
        facts = self._known.get(key)
        if facts is None:
            facts = self._known[key] = self._name_facts(key)
            if not any(facts):
                self._no_name.add(key)
        return facts

    def _name_facts(self, key: str) -> tuple[bool, bool, bool, bool]:
        """Whether ``key`` is a name, whether ``key.`` is one, whether a longer name starts with
        ``key`` and a space, and whether one starts with ``key.`` and goes on ("w." in "w.va.")."""
        trie = self.trie
        dotted = key + "."
        longer_dotted = any(k != dotted for k in islice(trie.iterkeys(dotted), 2))
        return key in trie, dotted in trie, next(trie.iterkeys(key + " "), None) is not None, longer_dotted

    def _with_qualifier(self, ws: Words, last: _Word, span: Span) -> tuple[Span, _Word]:
        """Extend "Kharkiv" to "Kharkiv region" / "Oskil River" and record what the word says."""
        norm = span.norm
        if " " in norm:
            tail = norm.rsplit(" ", 1)[-1]
            q = ws.next_word(last)
            if QUALIFIERS.get(tail) in ("water", "river") and q is not None and QUALIFIERS.get(q.norm) in ("division", "district") \
                    and q.norm not in PLURAL_QUALIFIERS and ws.text[last.end: q.start] == " " \
                    and not (q.norm in OFFICE_KINDS and (q.text[:1].isupper() or ws.text.startswith(" of ", q.end))):
                # "Egypt's Red Sea governorate", "Sudan's River Nile state": a division named after the water
                tail = None
            if tail in QUALIFIERS and tail not in PLURAL_QUALIFIERS:   # ("United States" is no list of states)
                # ("the Czech Republic", "the Dominican Republic": a republic may be a country)
                span.qualifier = "polity" if tail == "republic" else QUALIFIERS[tail]
                if span.qualifier in ("division", "district"):
                    # "Pokrovsk district" is one district's whole name (in Dnipropetrovsk Oblast) and
                    # every district of Pokrovsk's too (Pokrovsk Raion, in Donetsk): the name without
                    # its kind is read as well, and the places and the text choose
                    span.variants = (*span.variants, norm.rsplit(" ", 1)[0])
                elif span.qualifier == "settlement" and span.text.endswith(tail):
                    # a town's kind in lower case is no part of its name: "Valencia city" is Valencia
                    # (not the Philippines' Valencia City), "London city council" London's
                    span.norm, span.method = norm.rsplit(" ", 1)[0], "qualified"
                return span, last
        q = ws.next_word(last)
        if q is not None and q.norm in PLURAL_QUALIFIERS and not _LISTED_BEFORE.search(ws.text, max(0, span.start - 40), span.start):
            return span, last   # "Indiana counties", "U.S. states": the counties of a place, not a place of that kind
        if q is not None and QUALIFIERS.get(q.norm) == "settlement" and (_KIND_OF_NAME.match(ws.text, q.end) or (
                q.text.islower() and _DESCRIBED_BEFORE.search(ws.text, max(0, span.start - 40), span.start))):
            # "the Hunan city of Yueyang": the city is Yueyang, in Hunan; "this northeast Texas town", "a small
            # Georgia city": a town of the place named, not one called so ("the Palestine city limits" is the town's)
            return span, last
        if q is not None and q.norm in QUALIFIERS and ws.text[last.end: q.start] in (" ", "-") \
                and not (q.norm in OFFICE_KINDS and (q.text[:1].isupper() or ws.text.startswith(" of ", q.end))) \
                and not (QUALIFIERS[q.norm] == "settlement" and q.text[:1].isupper() and not _body_after(ws, q)):
            # ("Arthur City", capitalized, is a name of its own the gazetteer lacks, not Arthur's; "Oxford City
            # Council" is Oxford's)
            # ("the Oruro department" is a division; "the Texas Department of Health" an office)
            span.qualifier = QUALIFIERS[q.norm]
            span.end, span.text, span.method = q.end, ws.text[span.start: q.end], "qualified"
            return span, q
        if q is not None and q.norm == "people" and q.token_end > q.end and ws.text[last.end: q.start] == " ":
            republic = ws.next_word(q)
            if republic is not None and republic.norm == "republic" and ws.text[q.token_end: republic.start] == " ":
                # "the Donetsk People's Republic", "the Luhansk People's Republic": the region it claims
                span.qualifier = "division"
                span.end, span.text, span.method = republic.end, ws.text[span.start: republic.end], "qualified"
                return span, republic
        return span, last


def _share_plural_qualifiers(text: str, spans: list[Span]) -> list[Span]:
    """"Homs and Aleppo Governorates", "Kharkiv, Sumy and Chernihiv regions": the names listed
    before a plural qualifier take it too."""
    for k in range(len(spans) - 1, 0, -1):
        span = spans[k]
        if span.qualifier is None or span.text.rsplit(None, 1)[-1].lower() not in PLURAL_QUALIFIERS:
            continue
        j = k
        # ("the Western and Eastern regions": the "the" before the first name says no river)
        while j > 0 and spans[j - 1].qualifier in (None, "riverside") and LIST_GAP.fullmatch(text[spans[j - 1].end: spans[j].start]):
            spans[j - 1].qualifier = span.qualifier
            j -= 1
    return spans


def _plural_kind_before(text: str, spans: list[Span]) -> list[Span]:
    """"the regions of Geita, Shinyanga and Tabora", "the provinces of Homs and Hama": the names listed
    after a plural kind and "of" are of that kind. (Not "the districts of": as after the names, see
    PLURAL_QUALIFIERS.)"""
    k = 0
    while k < len(spans):
        start = spans[k].start   # ("of " just before, or "of the ": tested before the regex)
        near = text[max(0, start - 12): start]
        match = _PLURAL_KIND_OF.search(text, max(0, start - 30), start) \
            if "of " in near[-8:] or any(w in near for w in _LISTING_WORDS) else None
        if match is None or spans[k].qualifier not in (None, "riverside"):
            k += 1
            continue
        kind = "listed_" + PLURAL_QUALIFIERS[match.group(1).lower()]   # (a preference: "other regions of Italy")
        spans[k].qualifier = kind
        while k + 1 < len(spans) and spans[k + 1].qualifier in (None, "riverside") \
                and LIST_GAP.fullmatch(text[spans[k].end: spans[k + 1].start]):
            k += 1
            spans[k].qualifier = kind
        k += 1
    return spans


# A plural kind and "of" before a name: "the regions of", "the Tanzanian provinces of".
_LISTING_WORDS = ("were ", "are ", "includ", "as ")   # (a cheap test before the regex: most names have none before them)
# Also a plural kind and a verb that lists: "the worst-affected districts were", "counties, including".
_PLURAL_KIND_OF = re.compile(r"\b(" + "|".join(k for k in PLURAL_QUALIFIERS if k not in ("rivers",))
                             + r")(?:\s+of\s+(?:the\s+)?|,?\s+(?:were|are|include|included|including|such\s+as),?\s+)$", re.I)


def _body_after(ws: Words, word: _Word) -> bool:
    """Whether an organisation's word follows ``word`` ("City Council", "City Hall")."""
    nxt = ws.next_word(word)
    return nxt is not None and nxt.norm in _ORG_WORDS and ws.text[word.end: nxt.start] == " "


def _is_abbreviation(surface: str) -> bool:
    return surface.isupper() or surface.endswith(".")


# What may stand between the parts of a dotted abbreviation: "W.Va.", "W. Va.", "St. Louis".
_DOT_GAPS = frozenset({".", ". "})
_POSSESSIVE_GAPS = frozenset({"'s ", "’s "})
# "Dayton, OH": a capitalized word, a comma and a space, then the code (and no letter after it).
_POSTAL_BEFORE = re.compile(r"[^\W\d_][.’']?,\s$")


def _is_postal(text: str, start: int, surface: str) -> bool:
    """Whether a two-letter code stands where news writes a postal code: "Dayton, OH"."""
    return len(surface) == 2 and surface.isupper() and _POSTAL_BEFORE.search(text, max(0, start - 4), start) is not None

