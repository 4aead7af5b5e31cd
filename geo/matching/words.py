"""The words of a text as matching reads them (:class:`Words`): every capitalized word at once, the
words next to one only when asked for; and how common an English word is (:func:`word_frequency`)."""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterator, NamedTuple

from geo.normalize import APOSTROPHES, normalize_name

# A word: letters, with inner apostrophes (L'viv, Kam'yanets) and dots of abbreviations (U.S.).
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[" + APOSTROPHES + r"][^\W\d_]+)*", re.UNICODE)
# Glued words ("BuchaNear") split where three lower-case letters meet a capitalized word: a name's
# short prefix keeps its capital inside ("DeKalb", "McLean", "LaSalle", "MacArthur").
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
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
    if _PLAIN_LETTERS.fullmatch(word):
        return _plain_word_zipf(word)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


_PLAIN_LETTERS = re.compile(r"[a-z]+")


def _plain_word_zipf(word: str) -> float:
    """``zipf_frequency(word, "en")`` for a word of the letters a-z alone, which wordfreq's tokenizer
    leaves whole (one token): its table is read directly, then wordfreq's own arithmetic (the
    tokenizer is most of the cost of a word's first look-up, and most words are first looked up once)."""
    from wordfreq import freq_to_zipf, get_frequency_dict, zipf_to_freq

    minimum = zipf_to_freq(0.0)
    # (the arguments as wordfreq's own look-ups pass them, "best" too: its cache then holds one table,
    # built once, not a second one on the first word that goes through zipf_frequency)
    table_freq = get_frequency_dict("en", "best").get(word)
    if table_freq is None:
        freq = minimum
    else:   # (as wordfreq combines the frequencies of a word's tokens, then rounds to 3 significant digits)
        freq = max(1.0 / (1.0 / table_freq), minimum)
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(freq_to_zipf(freq), 2)


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

    __slots__ = ("text", "capitalized", "_index", "_next", "_quotes", "_titles", "title_lines")

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
        #: where a line starts -> whether it is a title-case line (filled by geo.matching.cues)
        self.title_lines: dict[int, bool] = {}

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
                k = (self._index or self.positions()).get(start)
                if k is not None:
                    found = self.capitalized[k]
                elif token.islower() and not (len(token) > 2 and token[-1] == "s" and token[-2] in APOSTROPHES):
                    end = start + len(token)   # (a plain word, no possessive 's: _without_possessive leaves it)
                    found = _make(_Word, (start, end, token, _norm_word(token), end, ()))
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
            at, to = plain.span(1)
            word_start, word_end = start - to, start - at
            token = text[word_start: word_end]
            return _make(_Word, (word_start, word_end, token, token, word_end, ()))   # (a-z alone: its own normal form)
        # A capitalized word, then no letters: the capitalized word before this one.
        k = (self._index or self.positions()).get(start)
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

