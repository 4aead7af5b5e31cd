"""A place's popup: what it is, where, and each article that names it with the sentences that do.

Popups are HTML built here by an autoescaping template, so article text can only appear as text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geo.document import Document, Mention
from geo.map.pages import ArticleEntry, mention_anchor
from geo.map.places import MappedPlace
from geo.map.templating import template
from geo.text import sentence_at, sentences

#: A popup lists at most this many articles (the most recent first) and quotes per article:
#: a place named by hundreds of articles still opens a readable popup (the list scrolls).
MAX_ARTICLES = 30
MAX_QUOTES = 3
_WHITESPACE = re.compile(r"\s+")
#: Characters of context kept either side of the mentions in a long sentence.
CONTEXT = 140


@dataclass(frozen=True)
class Quote:
    """A sentence (or part of one) with mentions of the place marked."""

    before_ellipsis: bool
    parts: tuple[tuple[str, bool], ...]     #: (text, is the mention)
    after_ellipsis: bool
    href: str                               #: the article page at the first marked mention


class SentenceIndex:
    """Sentence bounds of each document's text, computed once."""

    def __init__(self, documents: Sequence[Document]):
        self._documents = documents
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def sentence(self, index: int, m: Mention) -> tuple[int, int]:
        """The sentence of document ``index`` that holds mention ``m``."""
        if index not in self._spans:
            self._spans[index] = sentences(self._documents[index].article.text)
        found = sentence_at(self._spans[index], m.start)
        if found and m.end <= found[1]:
            return found
        # A mention across a sentence break (a splitting slip): the mention itself, with context.
        return m.start, m.end


def quotes(text: str, mentions: Sequence[Mention], sentence_of, href_of) -> list[Quote]:
    """One quote per sentence holding any of ``mentions`` (in text order), each mention marked."""
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(sentence_of(m), []).append(m)
    out = []
    for (s, e), ms in by_sentence.items():
        ms = sorted(ms, key=lambda m: m.start)
        lo = max(s, ms[0].start - CONTEXT)
        hi = min(e, ms[-1].end + CONTEXT)
        # Cut at a space so that no word is split.
        if lo > s:
            lo = text.find(" ", lo, ms[0].start) + 1 or lo
        if hi < e:
            cut = text.rfind(" ", ms[-1].end, hi)
            hi = cut if cut > 0 else hi
        parts, pos = [], lo
        for m in ms:
            if m.start < pos:
                continue
            parts.append((text[pos:m.start], False))
            parts.append((text[m.start:m.end], True))
            pos = m.end
        parts.append((text[pos:hi], False))
        parts = [(_WHITESPACE.sub(" ", t), marked) for t, marked in parts]
        out.append(Quote(lo > s, tuple(p for p in parts if p[0]), hi < e, href_of(ms[0])))
    return out


def render_popup(place: MappedPlace, entries: Sequence[ArticleEntry], documents: Sequence[Document],
                 sentences: SentenceIndex, pages_href: str, conflicts: Sequence = ()) -> str:
    """The popup HTML of ``place``; ``pages_href`` is the folder of the article pages, relative to the map;
    ``conflicts``: the :class:`~geo.map.claims_layer.MappedConflict` s about the place.

    Each article is an item ``data-a="INDEX"`` and the counts are elements the page updates: the page
    hides the articles its filter leaves out."""
    # Most recent first, undated last; the order is fixed so an unchanged input gives the same bytes.
    order = sorted(place.articles, key=lambda i: (entries[i].date is None, _neg(entries[i].date or ""), entries[i].title, i))
    shown = []
    for i in order[:MAX_ARTICLES]:
        entry = entries[i]
        text = documents[i].article.text

        def href(m: Mention, entry=entry) -> str:
            return f"{pages_href}/{entry.page}#{mention_anchor(m)}"

        qs = quotes(text, place.mentions[i], lambda m, i=i: sentences.sentence(i, m), href)
        shown.append((entry, qs[:MAX_QUOTES], len(qs) - MAX_QUOTES if len(qs) > MAX_QUOTES else 0))
    return template("popup.html").render(place=place, shown=shown, more=order[MAX_ARTICLES:],
                                         mention_count=place.mention_count, article_count=len(order), conflicts=conflicts,
                                         label=place.label)


def _neg(date: str) -> tuple[int, ...]:
    # Dates sort descending as strings would ascending: negate each character's code.
    return tuple(-ord(c) for c in date)
