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
from typing import TYPE_CHECKING, Iterator, NamedTuple
from functools import lru_cache
from itertools import islice

from geo.document import Span
from geo.normalize import APOSTROPHES, normalize_name

from geo.transliteration import FuzzyNames

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

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
#: Plural qualifiers, which also qualify the names listed before them ("Homs and Aleppo governorates").
#: (Not "districts": "the Balaklia and Izyum districts" reads as the towns' surroundings, as the
#: reference gold has it.)
PLURAL_QUALIFIERS = {
    "regions": "division", "oblasts": "division", "provinces": "division", "governorates": "division", "rivers": "river",
}
QUALIFIERS.update(PLURAL_QUALIFIERS)
# What joins the names of a list that a plural qualifier ends: ", ", " and ", ", and ", " or ".
_LIST_GAP = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
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
# Adjectives after a name that make the body it names the division's ("the Sumy regional council").
_REGIONAL = frozenset({"regional", "provincial", "oblast"})
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
# Titles of programmes, books, newspapers: a quotation right after these names something.
_TITLE_BEFORE = re.compile(r"\b(?:program|programme|show|series|film|movie|documentary|book|newspaper|channel|titled|called)[,:]?\s*[“\"«]$", re.I)
_QUOTE_OPEN, _QUOTE_CLOSE = "“\"«", "”\"»"
_QUOTE_OPEN_CHAR = re.compile("[" + _QUOTE_OPEN + "]")


class _Word(NamedTuple):  # a NamedTuple: made per capitalized word and per neighbour looked at, cheaply
    start: int
    end: int
    text: str
    norm: str
    token_end: int                 #: where the token it was cut from ends (after a possessive 's)
    rest: tuple = ()               #: the pieces after it of the same glued token ("BuchaNear": Near)


@lru_cache(maxsize=50_000)
def word_frequency(word: str) -> float:
    """How common an English word is (wordfreq's Zipf scale: 7 "the", 5 "war", 0 unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@lru_cache(maxsize=200_000)
def _norm_word(word: str) -> str:
    return normalize_name(word)


_make = tuple.__new__   # skips the NamedTuple's Python-level __new__: words are made per word looked at
_NOT_LOOKED_FOR = _Word(-1, -1, "", "", -1)   # (Words.next_word's cache: no word looked for there yet)


def _without_possessive(token: str) -> str:
    """``token`` without a possessive 's ("Russia's": Russia)."""
    return token[:-2] if len(token) > 2 and token[-1] == "s" and token[-2] in APOSTROPHES else token


def _is_glued(word: str) -> bool:
    """Whether ``word`` holds glued words to split ("BuchaNear"; not "KYIV", "kyiv", "Kyiv")."""
    return not (word.islower() or word.isupper()) and _CAMEL.search(word) is not None


def _pieces(start: int, token: str, token_end: int, cut_possessive: bool = True) -> tuple[_Word, ...]:
    """The words of one token: possessive 's cut off, glued words ("BuchaNear") split."""
    if cut_possessive:
        token = _without_possessive(token)
    if not _is_glued(token):
        return (_make(_Word, (start, start + len(token), token, _norm_word(token), token_end, ())),)
    parts = _CAMEL.split(token)
    offsets = [start]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    out: tuple[_Word, ...] = ()
    for k in range(len(parts) - 1, -1, -1):  # from the right: each piece holds the ones after it
        out = (_Word(offsets[k], offsets[k + 1], parts[k], _norm_word(parts[k]), token_end, out),) + out
    return out


# A token that may hold a capitalized word: it starts with a letter other than a-z, where _WORD
# would start one (not after a letter, nor after a letter and an inner apostrophe), and is cut as
# _WORD cuts it ("U.S.", "L'viv"). That first letter is matched first, the lookbehinds after it: a
# pattern that starts with a set of characters lets the regex engine skip quickly to the next one,
# the faster the simpler the set (A-Z or not ASCII; the lookbehind after it keeps the letters).
_CAPITAL_TOKEN = re.compile(r"[A-Z\u0080-\U0010FFFF](?<=[^\W\d_])(?<![^\W\d_].)(?<![^\W\d_][" + APOSTROPHES + r"].)"
                            r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|[^\W\d_]*(?:[" + APOSTROPHES + r"][^\W\d_]+)*)")
_BEFORE_WINDOW = 48
# Where a glued token may hide a capitalized word: a lower-case letter, then a capitalized word.
_GLUED_LOWER = re.compile(r"[a-z][A-Z][a-z]")
# Whether a text has any: the same test, found faster (the engine skips ahead to capitals).
_HAS_GLUED_LOWER = re.compile(r"[A-Z](?<=[a-z][A-Z])[a-z]")
# Characters that are neither letters nor apostrophes, then a whole lower-case token, in the reversed
# text before a word (whole as _WORD would cut it: no letter, nor an apostrophe and a letter, before it).
_PLAIN_BEFORE_REVERSED = re.compile(r"(?:[^\w" + APOSTROPHES + r"]|[\d_])+([a-z]+)(?![^\W\d_]|[" + APOSTROPHES + r"][^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")

# What Words needs of a token _CAPITAL_TOKEN found, by token (the same tokens recur across articles):
# () when it starts with a letter that is no capital, _GLUED when it holds glued words to split,
# else the length, text and normalized form of its one word (a possessive 's cut off).
_TOKEN_INFO: dict[str, tuple] = {}
_GLUED: tuple = ("glued",)


def _token_info(token: str) -> tuple:
    if len(_TOKEN_INFO) > 200_000:
        _TOKEN_INFO.clear()
    word = _without_possessive(token)
    info: tuple
    if _is_glued(word):
        info = _GLUED  # (as _pieces would split it)
    elif word[0].isupper():
        info = (len(word), word, _norm_word(word))
    else:
        info = ()
    _TOKEN_INFO[token] = info
    return info


class Words:
    """The words of a text as matching needs them: every capitalized word, found at once, and the
    words next to any of them, tokenized only when asked for.

    Tokenizing every word of every article is most of a plain matcher's time, and only
    capitalized words start a name: the lower-case words between them are read only where a
    name's context needs them (a qualifier, a preposition, a role).

    >>> ws = Words("Fighting near BuchaNear Kyiv's edge.")
    >>> [w.text for w in ws.capitalized]
    ['Fighting', 'Bucha', 'Near', 'Kyiv']
    >>> ws.before(ws.capitalized[1].start).text, next(ws.after(ws.capitalized[3])).text
    ('near', 'edge')
    """

    __slots__ = ("text", "capitalized", "_index", "_next", "_quotes", "_titles")

    def __init__(self, text: str) -> None:
        self.text = text
        caps: list[_Word] = []
        append = caps.append
        info_of = _TOKEN_INFO
        for m in _CAPITAL_TOKEN.finditer(text):
            token = m.group()
            info = info_of.get(token)
            if info is None:
                info = _token_info(token)
            if not info:
                continue  # (starts with a letter that is no capital)
            start, token_end = m.span()
            if info is _GLUED:
                caps += [w for w in _pieces(start, token, token_end) if w.text[0].isupper()]
            else:
                append(_make(_Word, (start, start + info[0], info[1], info[2], token_end, ())))
        if _HAS_GLUED_LOWER.search(text) is not None:
            glued = self._glued_after_lower_case()
            if glued:
                caps = sorted(caps + glued, key=lambda w: w.start)
        self.capitalized: list[_Word] = caps
        self._index: dict[int, int] | None = None
        self._next: dict[int, _Word | None] = {}
        self._quotes: list[int] | None = None
        self._titles: dict[int, bool] = {}

    def quote_opens(self) -> list[int]:
        """Where the text has a character that may open a quotation, in order (found once per text)."""
        if self._quotes is None:
            self._quotes = [m.start() for m in _QUOTE_OPEN_CHAR.finditer(self.text)]
        return self._quotes

    def opens_title(self, quote: int) -> bool:
        """Whether the quotation opening at ``quote`` names something ("the show “Servant of the People”";
        asked once per quote, however many names follow it)."""
        titled = self._titles.get(quote)
        if titled is None:
            titled = self._titles[quote] = _TITLE_BEFORE.search(self.text[max(0, quote - 30): quote + 1]) is not None
        return titled

    def _glued_after_lower_case(self) -> list[_Word]:
        """The capitalized pieces of tokens that start in lower case ("stateIndiana's": Indiana)."""
        text, out, seen = self.text, [], set()
        for m in _GLUED_LOWER.finditer(text):
            lo = max(0, m.start() - _BEFORE_WINDOW)
            while True:  # the token holding the glue: the last one to start in a window before it
                token = None
                for token in _WORD.finditer(text, lo, m.start() + 1):
                    pass
                if token is None or token.start() > lo or lo == 0:
                    break
                lo = max(0, lo - 4 * _BEFORE_WINDOW)
            if token is None or token.start() in seen or not "a" <= text[token.start()] <= "z":
                continue  # (a token starting with a capital is among the capitalized ones already)
            seen.add(token.start())
            whole = _WORD.match(text, token.start())
            assert whole is not None   # (the token _WORD found there)
            out += [w for w in _pieces(whole.start(), whole.group(), whole.end()) if w.text[0].isupper()]
        return out

    def index_at(self, start: int) -> int | None:
        """The position in :attr:`capitalized` of the capitalized word starting at ``start``."""
        return (self._index or self.positions()).get(start)

    def positions(self) -> dict[int, int]:
        """Where each capitalized word starts -> its position in :attr:`capitalized`."""
        if self._index is None:
            self._index = {w.start: k for k, w in enumerate(self.capitalized)}
        return self._index

    def after(self, word: _Word) -> Iterator[_Word]:
        """The words after ``word``, in order, lazily."""
        following = self.next_word(word)
        while following is not None:
            yield following
            following = self.next_word(following)

    def next_word(self, word: _Word) -> _Word | None:
        """The word after ``word`` (tokenized once per text: the names and cues next to it all ask)."""
        if word.rest:
            return word.rest[0]
        found = self._next.get(word.token_end, _NOT_LOOKED_FOR)
        if found is _NOT_LOOKED_FOR:
            m = _WORD.search(self.text, word.token_end)
            if m is None:
                found = None
            else:
                start, token = m.start(), m.group()
                k = self.index_at(start)
                if k is not None:
                    found = self.capitalized[k]
                elif token.islower() and _without_possessive(token) == token:
                    found = _make(_Word, (start, m.end(), token, _norm_word(token), m.end(), ()))  # a plain word
                else:
                    found = _pieces(start, token, m.end())[0]
            self._next[word.token_end] = found
        return found

    def before(self, start: int) -> _Word | None:
        """The word ending before ``start`` (a word's start), when only spaces or punctuation lie between
        (a word further away than a short window is reported as none: no cue reads a distant one)."""
        text = self.text
        lo = max(0, start - _BEFORE_WINDOW)
        reversed_before = text[lo:start][::-1]
        # Two shortcuts for the usual cases, then the window tokenized. A lower-case word, then no letters:
        plain = _PLAIN_BEFORE_REVERSED.match(reversed_before)
        if plain is not None and (lo == 0 or plain.end() <= len(reversed_before) - 2):  # (the window cut no word)
            word_start, word_end = start - plain.end(1), start - plain.start(1)
            token = text[word_start: word_end]
            return _make(_Word, (word_start, word_end, token, _norm_word(token), word_end, ()))
        # A capitalized word, then no letters: the capitalized word before this one.
        k = self.index_at(start)
        if k:
            previous = self.capitalized[k - 1]
            if not previous.rest and previous.token_end > lo and not _LETTER.search(text, previous.token_end, start):
                return previous
        while True:
            last = None
            for last in _WORD.finditer(text, lo, start):
                pass
            if last is None:
                if lo == 0 or not text[lo:start].isspace():
                    return None
            elif last.start() > lo or lo == 0:
                # a token cut by ``start`` (a glued word's first part) keeps a trailing 's
                cut = last.end() == start and start < len(text) and text[start].isalpha()
                return _pieces(last.start(), last.group(), last.end(), cut_possessive=not cut)[-1]
            lo = max(0, lo - 4 * _BEFORE_WINDOW)  # the window may have cut the word: look further back


@lru_cache(maxsize=2)
def words(text: str) -> Words:
    """The :class:`Words` of ``text``, cached for the last few texts: every stage of one article asks for them."""
    return Words(text)


class NameMatcher:
    """Finds gazetteer names (exact, after normalization) and marks their context."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.trie = gazetteer.name_trie()
        # Names known only as abbreviations (US, UK, U.S.) match only in capitals, as written.
        abbrevs = gazetteer.names_of_kind("abbrev")
        self.abbreviation_only = {n for n, kinds in abbrevs.items() if kinds == {"abbrev"}}
        # Postal codes (IL, WV) are names only right after "Town, ": elsewhere IN, OR, ME are words.
        postal = gazetteer.names_of_kind("postal")
        self.postal_names = set(postal)
        self.postal_only = {n for n, kinds in postal.items() if kinds <= {"postal", "abbrev"}}
        self._plain_words: dict[str, bool] = {}
        self._known: dict[str, tuple[bool, bool, bool, bool]] = {}   # what the trie says of a key (see _name_facts)
        self._no_name: set[str] = set()   # keys of which the trie says nothing: no name is, or starts with, them

    def is_plain_word(self, norm: str) -> bool:
        """A common English word that no important place is called ("In", "We", "March"): never a
        place in running text, whatever surrounds it (resolution applies the same bar, with context)."""
        plain = self._plain_words.get(norm)
        if plain is None:
            # (an abbreviation written with its dot, "Ill.", is no word)
            plain = " " not in norm and "." not in norm and word_frequency(norm) >= STRONG_COMMON_ZIPF \
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
        no_name = self._no_name
        for w in ws.capitalized:
            if w.norm in no_name or w.start < resume:
                continue  # most capitalized words start no name at all: no walk to set up
            best = self._longest_name(ws, w)
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
            if norm in self.abbreviation_only and not _is_abbreviation(surface) \
                    or not surface.isupper() and self.is_plain_word(norm):  # (capitals may be a dateline)
                continue
            span = Span(w.start, end, surface, norm, method)
            span, last = self._with_qualifier(ws, last, span)
            span.cues = context_cues(ws, w, last, self.trie)
            if span.qualifier is None and w.start >= 4 and text[w.start - 4: w.start] == "the " \
                    and not ("organisation" in span.cues or "capital_after" in span.cues):
                # "the west bank of the Dnipro", "on the Dnipro": a town is not written with "the",
                # a river is (resolution prefers a river of the name, where there is one); "the
                # Kharkiv Regional Police" is an organisation's name
                span.qualifier = "riverside"
            spans.append(span)
            resume = last.end
        return _share_plural_qualifiers(text, spans)

    def _longest_name(self, ws: Words, first: _Word) -> tuple[_Word, str] | None:
        """The last word and the key of the longest gazetteer name starting at ``first``."""
        text, known = ws.text, self._known
        key, best, w = first.norm, None, first
        longer = longer_dotted = False   # (what the last key's facts said: set before a word is added)
        for n in range(_MAX_NAME_WORDS):
            if n:
                previous, following = w, ws.next_word(w)
                if following is None:
                    break
                w = following
                gap = text[previous.end: w.start]
                if gap in _DOT_GAPS and longer_dotted:
                    key = f"{key}{gap}{w.norm}"   # "W.Va.", "W. Va.", "St. Louis": the dot is part of the name
                elif _NAME_GAP.fullmatch(gap or "x") and longer:
                    key = f"{key} {w.norm}"
                else:
                    break
            facts = known.get(key)
            if facts is None:
                facts = known[key] = self._name_facts(key)
                if not any(facts):
                    self._no_name.add(key)
            is_name, dotted, longer, longer_dotted = facts
            if is_name:
                best = (w, key)
            if dotted and text[w.end: w.end + 1] == ".":
                best = (w, key + ".")  # "Ky.", "B.C.": the dot belongs to the name
            if not (longer or longer_dotted):  # no longer name starts so
                break
        return best

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
            if tail in QUALIFIERS:
                span.qualifier = QUALIFIERS[tail]
                return span, last
        q = ws.next_word(last)
        if q is not None and q.norm in QUALIFIERS and ws.text[last.end: q.start] in (" ", "-"):
            span.qualifier = QUALIFIERS[q.norm]
            span.end, span.text, span.method = q.end, ws.text[span.start: q.end], "qualified"
            return span, q
        return span, last


def _share_plural_qualifiers(text: str, spans: list[Span]) -> list[Span]:
    """"Homs and Aleppo Governorates", "Kharkiv, Sumy and Chernihiv regions": the names listed
    before a plural qualifier take it too."""
    for k in range(len(spans) - 1, 0, -1):
        span = spans[k]
        if span.qualifier is None or span.text.rsplit(None, 1)[-1].lower() not in PLURAL_QUALIFIERS:
            continue
        j = k
        while j > 0 and spans[j - 1].qualifier is None and _LIST_GAP.fullmatch(text[spans[j - 1].end: spans[j].start]):
            spans[j - 1].qualifier = span.qualifier
            j -= 1
    return spans


def _is_abbreviation(surface: str) -> bool:
    return surface.isupper() or surface.endswith(".")


# What may stand between the parts of a dotted abbreviation: "W.Va.", "W. Va.", "St. Louis".
_DOT_GAPS = frozenset({".", ". "})
# "Dayton, OH": a capitalized word, a comma and a space, then the code (and no letter after it).
_POSTAL_BEFORE = re.compile(r"[^\W\d_][.’']?,\s$")


def _is_postal(text: str, start: int, surface: str) -> bool:
    """Whether a two-letter code stands where news writes a postal code: "Dayton, OH"."""
    return len(surface) == 2 and surface.isupper() and _POSTAL_BEFORE.search(text, max(0, start - 4), start) is not None


#: Cues that say a place is meant: what context_cues(..., positive_only=True) looks for.
POSITIVE_CUES = frozenset({"dateline", "place_preposition", "place_noun", "appositive", "list", "in_after"})
_DATELINE_HEAD = re.compile(r"[A-Z\s/,.'’\-]*")
_DATELINE_AFTER = re.compile(r"\s*(?:/|,\s*[A-Z])")
_NOUN_OF_BEFORE = re.compile(r"\b(?:villages?|towns?|cities|city|settlements?|regions?|capital|hamlets?)\s+"
                             r"(?:of|such as|including|like)\s*$", re.I)
_APPOSITIVE_AFTER = re.compile(r",\s*(?:an?|the)\s+(?:\w+\s+){0,3}?"
                               r"(?:village|town|city|settlement|region|province|country|capital|river)\b", re.I)
_IN_AFTER = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
_COMMA_CAPITAL_AFTER = re.compile(r",\s+[A-Z]")
_SENTENCE_BEFORE_PREV = re.compile(r"(?:^|[.!?…:]\s*|[\n“\"«(]\s*)$")
_HEAD_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")
_SAID_AFTER = re.compile(r"\s+(?:said|says|told|added|noted|wrote|asked|stated)\b")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?…]\s+|\n\s*|[“\"«(]\s*)$")


_LINE_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")
#: A title-case line (a headline): at most this long, with at least this many words of four letters or
#: more, at least this share of them capitalized.
TITLE_LINE_CHARS = 200
TITLE_LINE_WORDS = 4
TITLE_LINE_SHARE = 0.85
#: In a title-case line, a capitalized neighbour this common a word ("Pounds", "Near") marks no longer name.
TITLE_WORD_ZIPF = 3.5


@lru_cache(maxsize=4096)
def _title_line(line: str) -> bool:
    words = _LINE_WORD.findall(line)
    return len(words) >= TITLE_LINE_WORDS and sum(w[0].isupper() for w in words) >= TITLE_LINE_SHARE * len(words) \
        and not line.isupper()


def _in_title_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is written in title case (a headline), where a capital marks
    no name (an all-capitals line is a dateline or a shout, not a title)."""
    start = text.rfind("\n", max(0, pos - TITLE_LINE_CHARS), pos) + 1
    if start == 0 and pos > TITLE_LINE_CHARS:
        return False
    end = text.find("\n", pos, pos + TITLE_LINE_CHARS)
    if end < 0:
        end = len(text) if len(text) - pos <= TITLE_LINE_CHARS else -1
    return end >= 0 and end - start <= TITLE_LINE_CHARS and _title_line(text[start:end])


def context_cues(ws: Words, first: _Word, last: _Word, trie=None, *, positive_only: bool = False) -> tuple[str, ...]:
    """What the words around ``first`` .. ``last`` say about it being a place.

    Positive: dateline, place_preposition, place_noun, list, appositive (", Ukraine"), in_after.
    Negative: organisation, person, role (a title), quoted_title, sentence_start.
    ``positive_only`` stops after the positive ones (all a caller deciding whether to look further needs).

    The cheap tests on the characters next to the name come first: most regular expressions
    below can only match when such a character is there, and most names have none.
    """
    text = ws.text
    cues = []
    start, end = first.start, last.end
    before = text[max(0, start - 40): start]
    after = text[end: end + 40]
    prev = ws.before(start)
    nxt = ws.next_word(last)
    # (read only next to a word: no slice of the whole text when there is none)
    gap_before = text[prev.end: start] if prev is not None else ""
    gap_after = text[end: nxt.start] if nxt is not None else ""
    tail = before.rstrip()        # the words just before, without the spaces
    opens = after[:1]             # the character right after

    surface = text[start:end]
    if surface.isupper() and len(surface) > 2 and _DATELINE_AFTER.match(after):
        # (looked for in the last 200 characters only: an unbounded search is quadratic on a text without line breaks)
        line_start = text.rfind("\n", max(0, start - 200), start) + 1 or max(0, start - 200)
        head = text[line_start: start]
        if not head.strip() or _DATELINE_HEAD.fullmatch(head):
            cues.append("dateline")
    # (_PREPOSITION_BEFORE.search(before), faster; it needs a space at the end)
    if before[-1:].isspace() and _PREPOSITION_BEFORE_REVERSED.match(before[::-1]):
        cues.append("place_preposition")
    if (tail[-2:].lower() in ("of", "as", "ke", "ng") and _NOUN_OF_BEFORE.search(before)) \
            or (prev is not None and prev.norm in _PLACE_NOUNS and gap_before.strip() == ""):
        cues.append("place_noun")
    if opens == "," and _APPOSITIVE_AFTER.match(after):
        cues.append("appositive")
    # (_LIST_BEFORE needs a comma, "and" or "or", then spaces, at the end: a search for it tries every capital)
    listed = (_LIST_BEFORE.search(before) if before[-1:].isspace() and tail.endswith((",", "and", "or")) else None) \
        or (_LIST_AFTER.match(after) if opens == "," or opens.isspace() else None)
    if listed and not word_frequency(listed.group(1).lower()) >= 4.0:  # "Valor and Russian Mistakes" is no list of places
        cues.append("list")
    if opens.isspace() and _IN_AFTER.match(after):
        cues.append("in_after")
    if positive_only:
        return tuple(cues)
    title_line = _in_title_line(text, start)
    if title_line:
        cues.append("title_line")   # "Army Withdrew From Eastern Village Near Key Town": capitals say nothing
    if opens == "," and _COMMA_CAPITAL_AFTER.match(after):
        cues.append("comma_capital_after")

    # (in a title-case line a common word's capital is the title's, no sign of a longer name: "Russia Pounds")
    if nxt is not None and gap_after == " " and nxt.text[0].isupper() and nxt.norm not in QUALIFIERS:
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
            cues.append("organisation")
        elif not (title_line and word_frequency(nxt.norm) >= TITLE_WORD_ZIPF):
            cues.append("capital_after")
    if nxt is not None and nxt.norm in _REGIONAL and gap_after.strip() == "":
        cues.append("regional_after")   # "the Sumy regional council", "Odesa Regional Administration": the oblast's
    if nxt is not None and gap_after.strip() == "" and nxt.norm in _ROLES:
        after_role = ws.next_word(nxt)
        if after_role is not None and after_role.text[0].isupper():
            cues.append("role")
    if prev is not None and gap_before == " " and prev.text[0].isupper() and prev.norm not in _MODIFIERS \
            and prev.norm not in _PLACE_PREPOSITIONS and not (trie is not None and prev.norm in trie and prev.text.isupper()) \
            and not (title_line and word_frequency(prev.norm) >= TITLE_WORD_ZIPF):
        sentence_start = prev.start == 0 or _SENTENCE_BEFORE_PREV.search(text[max(0, prev.start - 4): prev.start])
        cues.append("capital_before_at_start" if sentence_start else "capital_before")
    if tail.endswith(("of", "the")):
        head_of = _HEAD_OF_BEFORE.search(before)
        if head_of and head_of.group(1).lower() in _ORG_WORDS:
            cues.append("organisation_of")  # "State Security Service of Ukraine", "Bank of America"
    if opens.isspace() and _SAID_AFTER.match(after):
        cues.append("person")
    if start == 0 or _SENTENCE_BEFORE.search(text[max(0, start - 3): start]):
        cues.append("sentence_start")
    quotes = ws.quote_opens()
    k = bisect.bisect_left(quotes, start)  # the last opening quote before the name, within 200 characters
    q_open = quotes[k - 1] if k and quotes[k - 1] >= start - 200 else -1
    if q_open >= 0 and ws.opens_title(q_open):
        q_close = min((k for k in (text.find(c, q_open + 1) for c in _QUOTE_CLOSE) if k >= 0), default=-1)
        if q_close < 0 or q_close >= end:
            cues.append("quoted_title")
    return tuple(cues)


_VARIANT_RUN = re.compile(r"[A-Z][^\W\d_]+(?:[ \-][A-Z][^\W\d_]+){0,2}")
RARE_WORD_ZIPF = 3.0


@lru_cache(maxsize=100_000)
def _rare_norm(run: str) -> str | None:
    """The normalized form of a run of capitalized words, or None if it holds a common word."""
    norm = _norm_word(run)
    return None if any(word_frequency(part) >= RARE_WORD_ZIPF for part in norm.split()) else norm


class VariantMatcher:
    """Finds capitalized words in a place context that the gazetteer knows under another spelling."""

    def __init__(self, gazetteer: Gazetteer, matcher: NameMatcher) -> None:
        self.gazetteer = gazetteer
        self.matcher = matcher
        self.fuzzy = FuzzyNames(gazetteer)   # (its index is the gazetteer's: nothing to build)

    def find(self, text: str, known: list[Span]) -> list[Span]:
        """Spans for unknown names in a place context: Kendrashevka -> kindrashivka (fuzzy)."""
        from rapidfuzz.distance import JaroWinkler

        starts = sorted((s.start, s.end) for s in known)
        ws = words(text)
        caps = ws.capitalized
        out = []
        positions = ws.positions()
        for m in _VARIANT_RUN.finditer(text):
            i = positions.get(m.start())
            if i is None:
                continue
            run = m.group()
            norm = _rare_norm(run)
            if norm is None:
                continue  # English words and common names are not misspelt places
            k = bisect.bisect_left(starts, (m.start(), -1))
            inside = [(a, b) for a, b in starts[max(0, k - 1): k + 4] if a < m.end() and m.start() < b]
            if any(a < m.start() or b > m.end() or (a, b) == (m.start(), m.end()) for a, b in inside):
                continue  # a known name covers it (a longer run may still hold "Velyki [Komyshuvakha]")
            if inside and " " not in run:
                continue
            # the run's words are all capitalized, so they follow each other among the capitalized words
            j = i + run.count(" ") + run.count("-")
            if j >= len(caps) or caps[j].end != m.end():
                continue
            nxt = ws.next_word(caps[j])
            follows_qualifier = nxt is not None and nxt.norm in QUALIFIERS
            if not (follows_qualifier or context_cues(ws, caps[i], caps[j], positive_only=True)):
                continue  # no place context: a capitalized word the gazetteer lacks is not guessed at
            cues = context_cues(ws, caps[i], caps[j], self.matcher.trie)
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
