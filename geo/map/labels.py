"""Labels (labels.js): the names of the most-named places, and the larger towns of the area for orientation.

The page places them beside their markers where they collide with nothing, the most-named first, more as
one zooms in. The towns come from the gazetteer (capitals and the most populous settlements of the area);
an offline map has no tiles to name them otherwise.
"""
from __future__ import annotations

import sqlite3

from branca.element import MacroElement

from geo.gazetteer import Gazetteer
from geo.map.templating import template

#: Towns labelled on the basemap, at most (the most populous of the area first).
MAX_TOWNS = 60
#: Settlements smaller than this are never basemap labels.
MIN_POPULATION = 50_000


def area_towns(gazetteer: Gazetteer, bbox: tuple[float, float, float, float], limit: int = MAX_TOWNS) -> list[list]:
    """[name, lat, lon] of the capitals and most populous settlements in ``bbox`` (minx, miny, maxx, maxy)."""
    minx, miny, maxx, maxy = bbox
    try:
        with sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True) as db:
            rows = db.execute(
                "SELECT name, lat, lon FROM places WHERE feature_class = 'P' AND (population >= ? OR feature_code = 'PPLC') "
                "AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? "
                "ORDER BY feature_code = 'PPLC' DESC, population DESC, geonameid LIMIT ?",
                (MIN_POPULATION, minx, maxx, miny, maxy, limit)).fetchall()
    except sqlite3.Error:
        return []
    return [[name, round(lat, 4), round(lon, 4)] for name, lat, lon in rows]


class Labels(MacroElement):
    """The labels of places and towns; must come after the places layer (it reads the places registered)."""

    _template = template("labels.js")

    def __init__(self, towns: list[list] = (), *, least: int = 8, most: int = 60):
        super().__init__()
        self._name = "Labels"
        self.towns = list(towns)
        self.options = {"min": least, "max": most}
