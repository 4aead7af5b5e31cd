"""Where a place is drawn when its GeoNames point misleads, and the view a map opens on.

- a country at a point inside its land near the story (GeoNames puts Russia in Siberia, far outside a
  map of Kharkiv), a continent at a label point inside its land rather than its GeoNames point;
- a river by the Natural Earth line of the same name near it when the line is not linked to its id;
- :func:`story_bounds`: the area most articles are about, outliers left out (still drawn).
"""
from __future__ import annotations

import statistics
from collections.abc import Sequence

import shapely
from shapely.geometry import box

from geo.gazetteer import Gazetteer
from geo.map.places import MappedPlace

#: Continents (GeoNames ids) -> a label point inside their land (lat, lon), after Natural Earth's
#: geography region label points.
CONTINENT_POINTS = {
    6255146: (7.2, 21.1),      # Africa
    6255147: (47.0, 87.0),     # Asia
    6255148: (50.5, 22.0),     # Europe
    6255149: (46.0, -100.0),   # North America
    6255150: (-12.0, -58.0),   # South America
    6255151: (-24.5, 134.0),   # Oceania
    6255152: (-80.5, 30.0),    # Antarctica
}
#: How far around a river's GeoNames point (its mouth, often) a Natural Earth line of its name may lie (degrees).
RIVER_SEARCH = 3.0


def country_point(geom, near: tuple[float, float, float, float] | None) -> tuple[float, float] | None:
    """(lat, lon) of a point inside ``geom``: inside the part within ``near`` (minx, miny, maxx, maxy) when
    the country reaches into it, else inside its largest polygon."""
    if geom is None or geom.is_empty:
        return None
    part = None
    if near is not None:
        clipped = geom.intersection(box(*near))
        polygons = [g for g in getattr(clipped, "geoms", [clipped]) if g.geom_type == "Polygon" and not g.is_empty]
        if polygons:
            part = max(polygons, key=lambda g: g.area)
    if part is None:
        polygons = list(getattr(geom, "geoms", [geom]))
        part = max(polygons, key=lambda g: g.area)
    point = part.representative_point()
    return point.y, point.x


def river_line(place: MappedPlace, gazetteer: Gazetteer):
    """The Natural Earth line of a river: linked by its id, else the unlinked lines near it whose name
    the gazetteer knows as this river's; None when there is none."""
    geom = gazetteer.geometry(place.geonameid, "river")
    if geom is not None:
        return geom
    near = (place.lon - RIVER_SEARCH, place.lat - RIVER_SEARCH, place.lon + RIVER_SEARCH, place.lat + RIVER_SEARCH)
    lines = []
    for gid, name, _code, line in gazetteer.geometries("river", near):
        if gid is None and name and any(c.place.geonameid == place.geonameid for c in gazetteer.lookup(name, limit=20)):
            lines.append(line)
    if not lines:
        return None
    merged = shapely.line_merge(shapely.union_all(lines)) if len(lines) > 1 else lines[0]
    return merged


def place_at_label_points(places: Sequence[MappedPlace], gazetteer: Gazetteer,
                          near: tuple[float, float, float, float] | None) -> None:
    """Move countries and continents to a point inside their land (in place)."""
    for p in places:
        if p.feature_code == "CONT" and p.geonameid in CONTINENT_POINTS:
            p.lat, p.lon = CONTINENT_POINTS[p.geonameid]
        elif p.kind == "country":
            found = country_point(gazetteer.geometry(p.geonameid, "admin0"), near)
            if found:
                p.lat, p.lon = found


def _local(places: Sequence[MappedPlace]) -> list[MappedPlace]:
    return [p for p in places if p.kind != "country" and p.feature_code != "CONT"]


def story_places(places: Sequence[MappedPlace]) -> list[MappedPlace]:
    """The places the story is about: of the settlements, regions and features (not countries or
    continents), those the most articles name (two or more when at least three such exist), less the
    outliers: those farther from the weighted middle than three times the typical distance.

    >>> p = lambda i, lat, lon, n: MappedPlace(i, str(i), lat, lon, "settlement", mentions={k: [] for k in range(n)})
    >>> [x.geonameid for x in story_places([p(1, 50, 36, 3), p(2, 49.5, 37, 2), p(3, 49, 36.5, 2), p(4, 52, 13, 2), p(5, 40, 20, 1)])]
    [1, 2, 3]
    """
    local = _local(places) or list(places)
    if not local:
        return []
    named = [p for p in local if len(p.mentions) >= 2]
    core = named if len(named) >= 3 else local
    weights = [len(p.mentions) for p in core]
    lat = _weighted_median([p.lat for p in core], weights)
    lon = _weighted_median([p.lon for p in core], weights)
    dist = [((p.lat - lat) ** 2 + (p.lon - lon) ** 2) ** 0.5 for p in core]
    typical = statistics.median(dist)
    limit = max(3 * typical, 0.5)
    kept = [p for p, d in zip(core, dist) if d <= limit]
    return kept or core


def _weighted_median(values: list[float], weights: list[int]) -> float:
    pairs = sorted(zip(values, weights))
    half, total = sum(weights) / 2, 0
    for value, weight in pairs:
        total += weight
        if total >= half:
            return value
    return pairs[-1][0]


def bounds_of(places: Sequence[MappedPlace]) -> list[list[float]] | None:
    """[[south, west], [north, east]] of ``places``."""
    if not places:
        return None
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def story_bounds(places: Sequence[MappedPlace]) -> list[list[float]] | None:
    """The bounds the map opens on: :func:`story_places`."""
    return bounds_of(story_places(places))
