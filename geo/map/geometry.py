"""Shapely geometries to the small GeoJSON a page embeds: simplified, clipped, coordinates rounded."""
from __future__ import annotations

import shapely
from shapely.geometry import mapping

#: Decimal places kept: 4 is about 10 m, far below what a simplified border shows.
PRECISION = 4


def to_geojson(geom, *, tolerance: float = 0.0, clip: tuple[float, float, float, float] | None = None) -> dict | None:
    """``geom`` as a GeoJSON geometry dict, or None when nothing of it is left.

    >>> to_geojson(shapely.Point(36.254834, 49.981812))
    {'type': 'Point', 'coordinates': [36.2548, 49.9818]}
    """
    if geom is None or geom.is_empty:
        return None
    if clip is not None:
        geom = shapely.clip_by_rect(geom, *clip)
    if tolerance:
        geom = geom.simplify(tolerance, preserve_topology=True)
    if geom.is_empty:
        return None
    return _rounded(mapping(geom))


def _rounded(obj):
    if isinstance(obj, float):
        return round(obj, PRECISION)
    if isinstance(obj, (list, tuple)):
        return [_rounded(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    return obj


def expand(bbox: tuple[float, float, float, float], share: float, minimum: float) -> tuple[float, float, float, float]:
    """``bbox`` (minx, miny, maxx, maxy) grown on every side by ``share`` of its size, at least ``minimum`` degrees.

    >>> expand((30.0, 45.0, 40.0, 50.0), 0.5, 2.0)
    (25.0, 42.5, 45.0, 52.5)
    """
    minx, miny, maxx, maxy = bbox
    dx = max((maxx - minx) * share, minimum)
    dy = max((maxy - miny) * share, minimum)
    return max(minx - dx, -180.0), max(miny - dy, -85.0), min(maxx + dx, 180.0), min(maxy + dy, 85.0)
