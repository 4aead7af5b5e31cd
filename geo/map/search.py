"""A search box for the map's places (search.js): by name or any spelling the articles use."""
from __future__ import annotations

from branca.element import MacroElement

from geo.map.templating import template


class PlaceSearch(MacroElement):
    """Type part of a name, pick a place: the map zooms to it and opens its popup."""

    _template = template("search.js")

    def __init__(self, limit: int = 12):
        super().__init__()
        self._name = "PlaceSearch"
        self.limit = limit
