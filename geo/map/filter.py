"""The articles filter (filter.js): which articles (or sources, or dates) the map shows, and downloads.

A compact control listing the articles' titles grouped by source, with all/none and, when the articles
have dates, a date range. Choosing changes the markers and their numbers, the popups, the claim lines
and the claims panel together (core.js holds the selection). The downloads take what is shown: the
places and the mentions as GeoJSON, the claims as CSV.
"""
from __future__ import annotations

from collections.abc import Sequence

from branca.element import MacroElement

from geo.map.pages import ArticleEntry
from geo.map.templating import template

#: Above this many articles, ``by="auto"`` lists sources only.
MAX_ARTICLE_ROWS = 400


def article_record(e: ArticleEntry, pages_href: str) -> dict:
    """What the page's scripts need of an article (all of it untrusted text, set as text)."""
    return {"i": e.index, "id": e.id, "t": e.title, "s": e.source or "", "d": e.date or "", "u": e.url or "",
            "p": f"{pages_href}/{e.page}"}


class ArticleFilter(MacroElement):
    """The filter control; ``by``: "article" (titles grouped by source), "source" (sources only) or
    "auto" (titles up to :data:`MAX_ARTICLE_ROWS` articles)."""

    _template = template("filter.js")

    def __init__(self, entries: Sequence[ArticleEntry], pages_href: str, *, by: str = "auto", name: str = "map"):
        super().__init__()
        self._name = "ArticleFilter"
        if by == "auto":
            by = "article" if len(entries) <= MAX_ARTICLE_ROWS else "source"
        self.by = by
        self.articles = [article_record(e, pages_href) for e in entries]
        self.file_stem = name
