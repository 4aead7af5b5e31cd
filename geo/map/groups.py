"""Layer control entries per article or per source: untick one to hide what only it mentions."""
from __future__ import annotations

from collections.abc import Sequence

from folium.map import Layer
from geo.map.pages import ArticleEntry
from geo.map.safety import escape_html
from geo.map.templating import template

#: Above this many articles, "auto" lists sources rather than articles in the layer control.
MAX_ARTICLE_SWITCHES = 40


def group_keys(entries: Sequence[ArticleEntry], by: str) -> list[str]:
    """The switch each article belongs to: ``a<index>`` per article, ``s:<source>`` per source."""
    if by == "auto":
        by = "article" if len(entries) <= MAX_ARTICLE_SWITCHES else "source"
    if by == "article":
        return [f"a{e.index}" for e in entries]
    return [f"s:{e.source or ''}" for e in entries]


def switch_label(key: str, entries: Sequence[ArticleEntry], keys: Sequence[str]) -> str:
    """The layer control's label for a switch, as HTML (Leaflet inserts it as markup: all of it escaped, braces too)."""
    members = [e for e, k in zip(entries, keys) if k == key]
    if key.startswith("a"):
        e = members[0]
        meta = " · ".join(x for x in (e.source, e.date) if x)
        return f'{escape_html(e.title)} <span class="geo-layer-meta">{escape_html(meta)}{" · " if meta else ""}{escape_html(e.id)}</span>'
    source = key[2:] or "unknown source"
    return f'{escape_html(source)} <span class="geo-layer-meta">{len(members)} article{"s" if len(members) != 1 else ""}</span>'


class GroupSwitch(Layer):
    """An empty overlay standing for one article or source; core.js filters by which are ticked."""

    _template = template("switches.js")

    def __init__(self, group: str, label: str):
        super().__init__(name=label, overlay=True, control=True, show=True)
        self._name = "GroupSwitch"
        self.group = group
