"""Finding where a text may name a place: Article text in, a list of :class:`~geo.document.Span` out.

Names come from the gazetteer (a marisa-trie of every normalized name, prefix-searched at each
capitalized word) and, for names the gazetteer lacks in that spelling, from a transliteration-aware
fuzzy match (:mod:`geo.transliteration`). Matching finds; it does not decide: each span carries
the cues its context gives (a dateline, "in", "region", a person's name next to it...), and the
resolution stage weighs them.

>>> from geo.gazetteer import Gazetteer                          # doctest: +SKIP
>>> matcher = NameMatcher(Gazetteer.open())                      # doctest: +SKIP
>>> [(s.text, s.qualifier) for s in matcher.find("Izium in Kharkiv province fell.")]  # doctest: +SKIP
[('Izium', None), ('Kharkiv province', 'division')]
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple
from functools import lru_cache

from geo.document import Span
from geo.normalize import APOSTROPHES, normalize_name

# A word: letters, with inner apostrophes (L'viv, Kam'yanets) and dots of abbreviations (U.S.).
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[" + APOSTROPHES + r"][^\W\d_]+)*", re.UNICODE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# What may stand between two words of one multi-word name.
_NAME_GAP = re.compile(r"[ \t\-‐‑–]{1,2}$|^[ \t\-‐‑–]{1,2}")
_MAX_NAME_WORDS = 6

#: Zipf frequencies (wordfreq) above which a name is also a common English word, and above which
#: only a place of this importance, known by that very name, is taken for it (Washington, Texas).
COMMON_WORD_ZIPF = 4.0
STRONG_COMMON_ZIPF = 4.5
COMMON_NAME_IMPORTANCE = 0.75

#: Words after a name that make it a division, a river... (normalized) -> kind of place.
QUALIFIERS = {
    "region": "division", "oblast": "division", "province": "division", "republic": "division",
    "krai": "division", "kray": "division", "governorate": "division", "state": "division",
    "district": "district", "raion": "district", "rayon": "district", "county": "district",
    "river": "river", "lake": "water", "sea": "water",
    "city": "settlement", "town": "settlement", "village": "settlement",
}
# Words after a name that make it part of an organisation, event or title, not a place.
_ORG_WORDS = frozenset("""
police post times journal herald tribune news university institute academy school college
ministry army navy council committee court airport airlines airline club fc united summit forum
strategy agency service services group bank company corporation party church cathedral
station stadium hospital museum theatre theater street avenue square hotel radio tv television
independent daily gazette review telegraph broadcasting declaration accords agreement process
forces guard command office embassy administration parliament department directorate intelligence
brigade regiment battalion
""".split())
# Roles that make "Belgorod governor Vyacheslav Gladkov" a title, not a mention of the place.
_ROLES = frozenset("""
governor mayor president minister premier commander chief spokesman spokeswoman spokesperson
leader head official officials prosecutor ombudsman envoy ambassador patriarch
""".split())
# Words that may precede a place name and still leave it the place (Eastern Ukraine).
_MODIFIERS = frozenset("""
northern southern eastern western central north south east west northeast northwest southeast
southwest north-east north-west south-east south-west greater upper lower occupied liberated
russian-occupied free the in of
""".split())
# Words that put the next name in a place context.
_PLACE_PREPOSITIONS = frozenset("""
in near from to into outside around towards toward across at through via between of
""".split())
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|near|from|to|into|outside|around|towards?|across|at|through|via|of|beyond|behind|inside|between)"
    r"\s+(?:the\s+)?(?:[a-z\-]+ed\s+|recently\s+\w+\s+|(?:north|south|east|west)(?:ern)?\s+)?$", re.I)
_LIST_BEFORE = re.compile(r"([A-Z][\w’'\-]+)(?:,\s+|,?\s+(?:and|or)\s+)$")
_LIST_AFTER = re.compile(r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([A-Z][\w’'\-]+)")
_PLACE_NOUNS = frozenset("""
village villages town towns city cities settlement settlements region regions oblast province
capital districts district hamlet port area
""".split())
# Titles of programmes, books, newspapers: a quotation right after these names something.
_TITLE_BEFORE = re.compile(r"\b(?:program|programme|show|series|film|movie|documentary|book|newspaper|channel|titled|called)[,:]?\s*[“\"«]$", re.I)
_QUOTE_OPEN, _QUOTE_CLOSE = "“\"«", "”\"»"


class _Word(NamedTuple):  # a NamedTuple: thousands are made per article, and cheaply
    start: int
    end: int
    text: str
    norm: str


@lru_cache(maxsize=50_000)
def word_frequency(word: str) -> float:
    """How common an English word is (wordfreq's Zipf scale: 7 "the", 5 "war", 0 unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=200_000)
def _norm_word(word: str) -> str:
    return normalize_name(word)


@lru_cache(maxsize=2)
def words(text: str) -> tuple[_Word, ...]:
    """The words of ``text`` with offsets; possessive 's cut off, glued words ("BuchaNear") split.

    Cached for the last few texts: every stage of one article asks for the same words.
    """
    out = []
    append = out.append
    make = tuple.__new__  # skips the NamedTuple's Python-level __new__: this loop runs per word
    for m in _WORD.finditer(text):
        start, token = m.start(), m.group()
        if len(token) > 2 and token[-1] == "s" and token[-2] in APOSTROPHES:
            token = token[:-2]
        if token.islower() or token.isupper() or not _CAMEL.search(token):
            append(make(_Word, (start, start + len(token), token, _norm_word(token))))
            continue
        offset = start
        for piece in _CAMEL.split(token):
            append(make(_Word, (offset, offset + len(piece), piece, _norm_word(piece))))
            offset += len(piece)
    return tuple(out)


class NameMatcher:
    """Finds gazetteer names (exact, after normalization) and marks their context."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.trie = gazetteer.name_trie()
        # Names known only as abbreviations (US, UK, U.S.) match only in capitals, as written.
        abbrevs = gazetteer.names_of_kind("abbrev")
        self.abbreviation_only = {n for n, kinds in abbrevs.items() if kinds == {"abbrev"}}
        self._plain_words: dict[str, bool] = {}

    def is_plain_word(self, norm: str) -> bool:
        """A common English word that no important place is called ("In", "We", "March"): never a
        place in running text, whatever surrounds it (resolution applies the same bar, with context)."""
        plain = self._plain_words.get(norm)
        if plain is None:
            plain = " " not in norm and word_frequency(norm) >= STRONG_COMMON_ZIPF \
                and self.gazetteer.named_importance(norm) < COMMON_NAME_IMPORTANCE
            self._plain_words[norm] = plain
        return plain

    def find(self, text: str) -> list[Span]:
        """Every exact name match at a capitalized word, longest first, with qualifiers and cues."""
        ws = words(text)
        spans: list[Span] = []
        i = 0
        while i < len(ws):
            w = ws[i]
            if not w.text[0].isupper():
                i += 1
                continue
            best = self._longest_name(text, ws, i)
            if best is None:
                i += 1
                continue
            j, norm = best
            end = ws[j].end + (1 if norm.endswith(".") and not ws[j].text.endswith(".") else 0)
            surface = text[w.start: end]
            if norm in self.abbreviation_only and not _is_abbreviation(surface) \
                    or not surface.isupper() and self.is_plain_word(norm):  # (capitals may be a dateline)
                i += 1
                continue
            span = Span(w.start, end, surface, norm)
            span, j = self._with_qualifier(text, ws, j, span)
            span.cues = context_cues(text, ws, i, j, self.trie)
            spans.append(span)
            i = j + 1
        return spans

    def _longest_name(self, text: str, ws: list[_Word], i: int) -> tuple[int, str] | None:
        key, best = "", None
        for j in range(i, min(i + _MAX_NAME_WORDS, len(ws))):
            if j > i and not _NAME_GAP.fullmatch(text[ws[j - 1].end: ws[j].start] or "x"):
                break
            key = ws[j].norm if j == i else f"{key} {ws[j].norm}"
            if key in self.trie:
                best = (j, key)
            if text[ws[j].end: ws[j].end + 1] == "." and key + "." in self.trie:
                best = (j, key + ".")  # "Ky.", "B.C.": the dot belongs to the name
            if next(self.trie.iterkeys(key + " "), None) is None:  # no longer name starts so
                break
        return best

    def _with_qualifier(self, text: str, ws: list[_Word], j: int, span: Span) -> tuple[Span, int]:
        """Extend "Kharkiv" to "Kharkiv region" / "Oskil River" and record what the word says."""
        last = span.norm.rsplit(" ", 1)[-1]
        if last in QUALIFIERS and " " in span.norm:
            span.qualifier = QUALIFIERS[last]
            return span, j
        if j + 1 < len(ws) and ws[j + 1].norm in QUALIFIERS and text[ws[j].end: ws[j + 1].start] in (" ", "-"):
            q = ws[j + 1]
            span.qualifier = QUALIFIERS[q.norm]
            span.end, span.text, span.method = q.end, text[span.start: q.end], "qualified"
            return span, j + 1
        return span, j


def _is_abbreviation(surface: str) -> bool:
    return surface.isupper() or surface.endswith(".")


def context_cues(text: str, ws: tuple[_Word, ...], i: int, j: int, trie=None) -> tuple[str, ...]:
    """What the words around ``ws[i..j]`` say about it being a place.

    Positive: dateline, place_preposition, place_noun, list, appositive (", Ukraine").
    Negative: organisation, person, role (a title), quoted_title, sentence_start.
    """
    cues = []
    start, end = ws[i].start, ws[j].end
    before = text[max(0, start - 40): start]
    after = text[end: end + 40]
    prev = ws[i - 1] if i > 0 else None
    nxt = ws[j + 1] if j + 1 < len(ws) else None
    gap_before = text[prev.end: start] if prev else text[:start]
    gap_after = text[end: nxt.start] if nxt else text[end:]

    # (looked for in the last 200 characters only: an unbounded search is quadratic on a text without line breaks)
    line_start = text.rfind("\n", max(0, start - 200), start) + 1 or max(0, start - 200)
    head = text[line_start: start]
    surface = text[start:end]
    if surface.isupper() and len(surface) > 2 and (not head.strip() or re.fullmatch(r"[A-Z\s/,.'’\-]*", head)) \
            and re.match(r"\s*(?:/|,\s*[A-Z])", after):
        cues.append("dateline")
    if _PREPOSITION_BEFORE.search(before):
        cues.append("place_preposition")
    if re.search(r"\b(?:villages?|towns?|cities|city|settlements?|regions?|capital|hamlets?)\s+(?:of|such as|including|like)\s*$", before, re.I) \
            or (prev is not None and prev.norm in _PLACE_NOUNS and gap_before.strip() == ""):
        cues.append("place_noun")
    if re.match(r",\s*(?:an?|the)\s+(?:\w+\s+){0,3}?(?:village|town|city|settlement|region|province|country|capital|river)\b", after, re.I):
        cues.append("appositive")
    listed = _LIST_BEFORE.search(before) or _LIST_AFTER.match(after)
    if listed and not word_frequency(listed.group(1).lower()) >= 4.0:  # "Valor and Russian Mistakes" is no list of places
        cues.append("list")
    if re.match(r"\s+in\s+(?:the\s+)?[A-Z]", after):
        cues.append("in_after")
    if re.match(r",\s+[A-Z]", after):
        cues.append("comma_capital_after")

    if nxt is not None and gap_after == " " and nxt.text[0].isupper() and nxt.norm not in QUALIFIERS:
        # "Kharkiv Regional Police", "The Washington Post": a run of capitalized words after the
        # name that holds an organisation's word makes the whole run an organisation.
        run = ws[j + 1: j + 5]
        following = []
        for k, w in enumerate(run):
            if not w.text[0].isupper() or (k and text[run[k - 1].end: w.start] != " "):
                break
            following.append(w.norm)
        # (two place names side by side are written with a comma or a slash, not a space)
        cues.append("organisation" if any(f in _ORG_WORDS for f in following) else "capital_after")
    if nxt is not None and gap_after.strip() == "" and nxt.norm in _ROLES and j + 2 < len(ws) and ws[j + 2].text[0].isupper():
        cues.append("role")
    if prev is not None and gap_before == " " and prev.text[0].isupper() and prev.norm not in _MODIFIERS \
            and prev.norm not in _PLACE_PREPOSITIONS and not (trie is not None and prev.norm in trie and prev.text.isupper()):
        sentence_start = prev.start == 0 or re.search(r"(?:^|[.!?…:]\s*|[\n“\"«(]\s*)$", text[max(0, prev.start - 4): prev.start])
        cues.append("capital_before_at_start" if sentence_start else "capital_before")
    head_of = re.search(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$", before)
    if head_of and head_of.group(1).lower() in _ORG_WORDS:
        cues.append("organisation_of")  # "State Security Service of Ukraine", "Bank of America"
    if re.match(r"\s+(?:said|says|told|added|noted|wrote|asked|stated)\b", after):
        cues.append("person")
    if re.search(r"(?:^|[.!?…]\s+|\n\s*|[“\"«(]\s*)$", text[max(0, start - 3): start]) or start == 0:
        cues.append("sentence_start")
    q_open = max(text.rfind(c, max(0, start - 200), start) for c in _QUOTE_OPEN)
    if q_open >= 0 and _TITLE_BEFORE.search(text[max(0, q_open - 30): q_open + 1]):
        q_close = min((k for k in (text.find(c, q_open + 1) for c in _QUOTE_CLOSE) if k >= 0), default=-1)
        if q_close < 0 or q_close >= end:
            cues.append("quoted_title")
    return tuple(cues)


# Countries whose names reach English text through transliteration (where spellings drift).
FUZZY_COUNTRIES = ("UA", "RU", "BY", "MD", "GE", "KZ")
_VARIANT_RUN = re.compile(r"[A-Z][^\W\d_]+(?:[ \-][A-Z][^\W\d_]+){0,2}")
_VARIANT_CUES = frozenset({"dateline", "place_preposition", "place_noun", "list", "appositive", "in_after"})
RARE_WORD_ZIPF = 3.0


class VariantMatcher:
    """Finds capitalized words in a place context that the gazetteer knows under another spelling."""

    def __init__(self, gazetteer, matcher: NameMatcher):
        self.gazetteer = gazetteer
        self.matcher = matcher
        self._fuzzy = None

    @property
    def fuzzy(self):
        if self._fuzzy is None:
            from geo.transliteration import FuzzyNames

            self._fuzzy = FuzzyNames(self.gazetteer, FUZZY_COUNTRIES)
        return self._fuzzy

    def find(self, text: str, known: list[Span]) -> list[Span]:
        """Spans for unknown names in a place context: Kendrashevka -> kindrashivka (fuzzy)."""
        from rapidfuzz.distance import JaroWinkler

        starts = sorted((s.start, s.end) for s in known)
        ws = words(text)
        index = {w.start: k for k, w in enumerate(ws)}
        out = []
        for m in _VARIANT_RUN.finditer(text):
            if m.start() not in index:
                continue
            norm = normalize_name(m.group())
            if any(word_frequency(part) >= RARE_WORD_ZIPF for part in norm.split()):
                continue  # English words and common names are not misspelt places
            k = bisect.bisect_left(starts, (m.start(), -1))
            inside = [(a, b) for a, b in starts[max(0, k - 1): k + 4] if a < m.end() and m.start() < b]
            if any(a < m.start() or b > m.end() or (a, b) == (m.start(), m.end()) for a, b in inside):
                continue  # a known name covers it (a longer run may still hold "Velyki [Komyshuvakha]")
            if inside and " " not in m.group():
                continue
            i = index[m.start()]
            j = i + m.group().count(" ") + m.group().count("-")
            if j >= len(ws) or ws[j].end != m.end():
                continue
            cues = context_cues(text, ws, i, j, self.matcher.trie)
            follows_qualifier = j + 1 < len(ws) and ws[j + 1].norm in QUALIFIERS
            if not (set(cues) & _VARIANT_CUES or follows_qualifier):
                continue
            span = Span(m.start(), m.end(), m.group(), norm, method="fuzzy", cues=cues)
            if "dateline" in cues:
                # A dateline names the place the article reports from, which it usually names
                # again: first the closest spelling among the article's own names.
                names = {s.norm for s in known if " " not in s.norm}
                scored = sorted(((JaroWinkler.similarity(norm, n), n) for n in names if n[:1] == norm[:1]), reverse=True)
                if scored and scored[0][0] >= 0.65:
                    span.norm, span.similarity, span.method = scored[0][1], round(scored[0][0], 3), "fuzzy_dateline"
                    out.append(span)
                    continue
            found = self.fuzzy.lookup(norm)
            if found:
                span.norm, span.similarity = found[0]
                span.variants = tuple(name for name, score in found[1:] if score >= found[0][1] - 0.05)
                out.append(span)
                continue
            span.norm, span.similarity = norm, 0.0
            out.append(span)  # reported as unresolved: a place context, but no name close enough
        return out
