"""The page's plumbing: the map without folium's CDN links, shared state, and the last steps.

- :class:`GeoMap`: folium's Map with no external script or stylesheet (assets.InlineAssets supplies them);
- :class:`MapCore`: the stylesheet, panes, attribution and the ``window.geoMap`` registry (core.js);
- :class:`Startup`: fits the view, follows ``#place=ID`` and marks the page ready (startup.js).
"""
from __future__ import annotations

import folium
from branca.element import MacroElement

from geo.map.templating import static_text, template

#: Credits shown on every map, whatever the base layer (HTML: these are ours, not input).
ATTRIBUTION = (
    'Place data &copy; <a href="https://www.geonames.org/">GeoNames</a> '
    '(<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>)',
    'Made with <a href="https://www.naturalearthdata.com/">Natural Earth</a>',
)


class GeoMap(folium.Map):
    """A folium Map that links no external asset: everything it needs is inlined."""

    default_js: list = []
    default_css: list = []


class MapCore(MacroElement):
    """Shared state and style; must be the map's first child."""

    _template = template("core.js")

    def __init__(self, title: str):
        super().__init__()
        self._name = "MapCore"
        self.css = static_text("map.css")
        self.options = {"title": title, "attribution": list(ATTRIBUTION)}


class Startup(MacroElement):
    """Fit the view to ``bounds`` ([[south, west], [north, east]]: the story), offer to fit ``everything``
    (every place), lay the controls out for a small screen, follow the address's #fragment."""

    _template = template("startup.js")

    def __init__(self, bounds: list[list[float]] | None, everything: list[list[float]] | None = None):
        super().__init__()
        self._name = "Startup"
        self.bounds = bounds
        self.everything = everything or bounds
