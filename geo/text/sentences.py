"""Sentence boundaries, by rule: fast, and right for the cases news text is full of.

A sentence ends at . ! ? or … (with any closing quotes or brackets after it) followed by
space and a word that does not start in lower case; but not after a title (Mr., Gen., St.),
an initial (Robyn F. Dixon), a month before a day (Sept. 10), a dotted abbreviation (U.S.)
unless a word that usually starts a sentence follows. Blank lines always end a sentence
(headlines have no full stop); so does a line break, unless the next line goes on in lower
case (text wrapped at a fixed width).

>>> text = "Gen. Valery Zaluzhny said U.S. aid helped. Izium fell on Sept. 10, 2022.\\n\\nRussia retreats"
>>> [text[s:e] for s, e in sentences(text)]
['Gen. Valery Zaluzhny said U.S. aid helped.', 'Izium fell on Sept. 10, 2022.', 'Russia retreats']
"""
from __future__ import annotations

import bisect
import re

# Words that come before a name or a number, never at the end of a sentence.
TITLES = {"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm",
          "cmdr", "brig", "gov", "sen", "rep", "pres", "rev", "hon", "st", "mt", "ft", "no", "nos", "vs", "approx",
          "fig", "vol", "pp", "ca", "cf"}
MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Abbreviations that may end a sentence too: they do when a typical sentence opener follows.
AMBIGUOUS = {"etc", "inc", "ltd", "co", "corp", "jr", "sr", "bros", "dept", "est", "govt", "km", "sq", "mi"}
OPENERS = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this",
           "that", "these", "those", "there", "its", "his", "her", "their", "our", "as", "after", "when", "while",
           "if", "so", "yet", "for", "since", "meanwhile", "however", "still", "some", "many", "most", "no"}

_BLOCK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")       # a blank line (and what follows it)
_END = re.compile(r"(?:[.!?…]+|\.\s\.\s\.)[\"'”’»)\]]*(?=\s)|\n")
# The word before a full stop, matched on the text before it reversed: a search for "...$" would try
# every position of the window.
_WORD_BEFORE_REVERSED = re.compile(r"[\w.'’-]+")
LOOK = 80                   # how far the rules look before and after a full stop
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")       # U.S (its final stop is the candidate end)
# A quotation ending in ! or ? goes on with who said it: “Keep running!” Yermak wrote.
_ATTRIBUTION = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+(?:said|says|wrote|writes|told|asked|asks|added|"
                          r"adds|tweeted|posted|shouted|replied|explained|insisted|declared)\b")


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the sentences of ``text``, in order, without surrounding space."""
    spans: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        _split_block(text, start, end, spans)
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the blocks of ``text`` between blank lines, which no sentence crosses
    (their sentences: :func:`sentences_of`)."""
    out, start = [], 0
    for block in _BLOCK.finditer(text + "\n\n"):
        out.append((start, min(block.start(), len(text))))
        start = block.end()
    return out


def sentences_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph text[start:end] (one of :func:`paragraphs`), as :func:`sentences` gives them."""
    spans: list[tuple[int, int]] = []
    _split_block(text, start, end, spans)
    return spans


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the sentences of text[start:end] (a paragraph, no blank lines in it)."""
    begin = start
    for match in _END.finditer(text, start, end):
        if _ends_sentence(text, match, end):
            _append(text, begin, match.end() if match.group() != "\n" else match.start(), spans)
            begin = match.end()
    _append(text, begin, end, spans)


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append text[start:end] without its surrounding whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _ends_sentence(text: str, match: re.Match, block_end: int) -> bool:
    """Whether the candidate ``match`` (terminal punctuation or a line break) ends a sentence."""
    rest = text[match.end():min(block_end, match.end() + LOOK)].lstrip()
    if not rest:
        return True
    following = rest[0]
    if following.islower():
        return False
    if match.group() == "\n":
        return True
    if match.group()[-1] in "”\"'»" and _ATTRIBUTION.match(rest):
        return False
    if not match.group().startswith(".") or match.group().startswith(".."):
        return True
    word = _WORD_BEFORE_REVERSED.match(text[max(0, match.start() - LOOK): match.start()][::-1])
    word = word.group()[::-1] if word else ""
    key = word.lower().lstrip("'’")
    if key in TITLES:
        return False
    if key in MONTHS:
        return not following.isdigit()
    if len(word) == 1 and word.isupper():                  # an initial
        return False
    if key in AMBIGUOUS or _DOTTED.fullmatch(word):
        next_word = re.match(r"[\w’']+", rest)
        return next_word is not None and next_word.group().lower() in OPENERS
    return True


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence (from :func:`sentences`) that holds ``offset``, None if it falls between two.

    >>> spans = sentences("Izium fell. Kupiansk too.")
    >>> sentence_at(spans, 13), sentence_at(spans, 11)
    ((12, 25), None)
    """
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return None
