"""The local article pages: each article's repaired text with every mention highlighted and anchored.

A map ``maps/NAME.html`` has its pages in ``maps/NAME/articles/``; a mention's anchor is
``#m-START-END`` (offsets into the repaired text) and links back to ``NAME.html#place=GEONAMEID``.
The pages carry no script at all.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from geo.document import Claim, Document, Mention
from geo.map.safety import file_slug
from geo.text.articles import http_address
from geo.map.templating import static_text, template


@dataclass(frozen=True)
class ArticleEntry:
    """What the map shows of one article, all of it untrusted text (escaped where it is used)."""

    index: int
    id: str
    title: str
    source: str | None
    date: str | None
    url: str | None      #: the original address, only when it is http(s)
    page: str            #: the local page's file name


def article_entries(documents: Sequence[Document]) -> list[ArticleEntry]:
    """One entry per document, with unique page names derived from the article ids."""
    used: set[str] = set()
    entries = []
    for i, doc in enumerate(documents):
        a = doc.article
        stem = base = file_slug(a.id or "")
        n = 2
        while stem.lower() in used:
            stem, n = f"{base}-{n}", n + 1
        used.add(stem.lower())
        title = (a.title or "").strip() or a.id or f"article {i + 1}"
        entries.append(ArticleEntry(i, a.id, title, (a.source or "").strip() or None, (a.date or "").strip() or None,
                                    http_address(a.url), f"{stem}.html"))
    return entries


def mention_anchor(m: Mention) -> str:
    """The fragment id of a mention on its article page."""
    return f"m-{m.start}-{m.end}"


def claim_anchor(c: Claim) -> str:
    """The fragment id of a claim in its article page's list of claims."""
    return f"c-{c.start}-{c.end}"


@dataclass(frozen=True)
class Segment:
    text: str
    mention: Mention | None = None
    kind: str = ""


def segments(text: str, mentions: Sequence[Mention], kinds: Mapping[int, str]) -> list[Segment]:
    """``text`` cut into plain runs and mentions (overlapping or out-of-range mentions are skipped).

    ``kinds`` maps a geonameid to its map kind; a mention of a place the map does not show is "unresolved".
    """
    out: list[Segment] = []
    pos = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end > len(text) or m.start >= m.end:
            continue
        if m.start > pos:
            out.append(Segment(text[pos:m.start]))
        out.append(Segment(text[m.start:m.end], m, kinds.get(m.geonameid, "unresolved") if m.resolved else "unresolved"))
        pos = m.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def render_page(doc: Document, entry: ArticleEntry, *, kinds: Mapping[int, str], map_title: str, map_href: str,
                claim_numbers: Mapping[tuple[int, int, str], int] | None = None) -> str:
    """The HTML of one article page; ``claim_numbers`` maps a claim's (start, end, type) to its number on
    the map (``#claim=N``), which its item links to."""
    numbers = claim_numbers or {}
    return template("article.html").render(
        article=doc.article, entry=entry, segments=segments(doc.article.text, doc.mentions, kinds),
        claims=sorted(doc.claims, key=lambda c: (c.start, c.end)), map_title=map_title, map_href=map_href,
        anchor=mention_anchor, claim_anchor=claim_anchor, css=static_text("article.css"),
        claim_number=lambda c: numbers.get((c.start, c.end, c.type)))


def map_href_from_page(map_file_name: str) -> str:
    """The map's address relative to its pages (``NAME/articles/x.html`` -> ``../../NAME.html``)."""
    return "../../" + quote(map_file_name)
