"""Distances, bearings and compass points on the WGS84 ellipsoid: the one :data:`GEOD` every check uses.

Coordinates are shapely geometries in longitude/latitude (x = lon, y = lat). Distances to lines and
polygons are found in an azimuthal equidistant projection centred on the point measured from, in
which every distance from the centre is the geodesic one; the kilometres reported are then measured
again with :data:`GEOD` between the point and the nearest point found. Degrees are never used as a
distance.

>>> from shapely import Point
>>> kharkiv, zaliznychne = Point(36.25475, 49.98177), Point(36.86525, 49.72856)
>>> round(distance(kharkiv, zaliznychne).km, 1), round(bearing(kharkiv, zaliznychne)), compass(bearing(kharkiv, zaliznychne))
(52.2, 122, 'ESE')
>>> direction_bearing("north-east"), direction_bearing("NE"), direction_bearing("northeast")
(45.0, 45.0, 45.0)
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely import Point
from shapely.ops import nearest_points

from geo.claims.units import Length

#: The one ellipsoid model: WGS84, as GeoNames and Natural Earth coordinates are.
GEOD = Geod(ellps="WGS84")

#: The 16 compass points, clockwise from north, 22.5 degrees apart.
COMPASS_16 = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")
#: Their names as words, for explanations.
COMPASS_WORDS = {"N": "north", "NE": "north-east", "E": "east", "SE": "south-east", "S": "south", "SW": "south-west",
                 "W": "west", "NW": "north-west", "NNE": "north-north-east", "ENE": "east-north-east",
                 "ESE": "east-south-east", "SSE": "south-south-east", "SSW": "south-south-west",
                 "WSW": "west-south-west", "WNW": "west-north-west", "NNW": "north-north-west"}

# Segments longer than this (degrees) are split before projecting, so that a long straight edge
# in longitude/latitude stays close to its projected image.
_DENSIFY_DEGREES = 0.05


def distance(a: Point, b: Point) -> Length:
    """The geodesic distance between two points."""
    _, _, metres = GEOD.inv(a.x, a.y, b.x, b.y)
    return Length(m=metres)


def bearing(a: Point, b: Point) -> float:
    """The initial bearing (forward azimuth) from ``a`` to ``b``, in degrees clockwise from north, in [0, 360).

    Across the antimeridian the short way round is taken:

    >>> round(bearing(Point(179.5, 0), Point(-179.5, 0)))
    90
    """
    azimuth, _, _ = GEOD.inv(a.x, a.y, b.x, b.y)
    return azimuth % 360.0


def compass(degrees: float, points: int = 16) -> str:
    """The compass point (8 or 16) nearest a bearing.

    >>> compass(122), compass(122, points=8), compass(359), compass(23.6, points=8)
    ('ESE', 'SE', 'N', 'NE')
    """
    if points not in (8, 16):
        raise ValueError("points must be 8 or 16")
    step = 360.0 / points
    index = int(((degrees % 360.0) + step / 2) // step) % points
    return COMPASS_16[index * (16 // points)]


def angle_difference(a: float, b: float) -> float:
    """The smaller angle between two bearings, in [0, 180].

    >>> angle_difference(350, 10), angle_difference(90, 270)
    (20.0, 180.0)
    """
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


_ABBREVIATION = re.compile(r"^[NESW]{1,3}$")
_WORD = {"north": "N", "south": "S", "east": "E", "west": "W"}


def direction_bearing(text: str) -> float | None:
    """The bearing of a compass direction as articles write it; None if it is not one.

    Accepts words with or without hyphens or spaces ("north-east", "northeast", "north east"),
    16-point words ("east-north-east"), and upper-case abbreviations ("NE", "ENE").

    >>> direction_bearing("South-West"), direction_bearing("east-northeast"), direction_bearing("ESE")
    (225.0, 67.5, 112.5)
    >>> direction_bearing("ne") is None, direction_bearing("up") is None
    (True, True)
    """
    text = text.strip()
    if _ABBREVIATION.match(text):
        code = text
    else:
        words = re.findall(r"north|south|east|west", text.lower())
        if not words or re.sub(r"north|south|east|west|[\s\-‐–]", "", text.lower()):
            return None
        code = "".join(_WORD[w] for w in words)
    if code not in COMPASS_16:
        return None
    return COMPASS_16.index(code) * 22.5


@dataclass(frozen=True)
class Nearest:
    """The point of a geometry nearest an origin, and the geodesic distance to it."""

    point: Point
    distance: Length


@lru_cache(maxsize=256)
def _aeqd(lon: float, lat: float) -> tuple[Transformer, Transformer]:
    """Transformers to and from an azimuthal equidistant projection centred on (lon, lat), in metres."""
    proj = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs"
    return (Transformer.from_crs("EPSG:4326", proj, always_xy=True),
            Transformer.from_crs(proj, "EPSG:4326", always_xy=True))


def _project(geometry, transformer: Transformer):
    def apply(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, apply)


def nearest(origin: Point, geometry) -> Nearest:
    """The point of ``geometry`` (point, line, polygon or a collection) nearest ``origin``.

    A polygon's interior counts: a point inside is at distance 0 from it (use
    :func:`nearest_on_boundary` for the distance to its edge).

    >>> from shapely import LineString
    >>> n = nearest(Point(30.0, 50.0), LineString([(31.0, 49.0), (31.0, 51.0)]))
    >>> round(n.distance.km, 1), round(n.point.y, 2)
    (71.7, 50.0)
    """
    if geometry is None or geometry.is_empty:
        raise ValueError("no geometry to measure to")
    if isinstance(geometry, (shapely.Point, shapely.MultiPoint)):
        points = list(getattr(geometry, "geoms", [geometry]))
        _, _, metres = GEOD.inv(np.full(len(points), origin.x), np.full(len(points), origin.y),
                                np.array([p.x for p in points]), np.array([p.y for p in points]))
        i = int(np.argmin(metres))
        return Nearest(points[i], Length(m=float(metres[i])))
    if geometry.intersects(origin):
        return Nearest(origin, Length(0.0))
    geometry = _within_reach(geometry, origin.bounds, nearest_points(origin, geometry))
    forward, backward = _aeqd(round(origin.x, 6), round(origin.y, 6))
    projected = _project(shapely.segmentize(geometry, _DENSIFY_DEGREES), forward)
    _, near = nearest_points(Point(0.0, 0.0), projected)
    lon, lat = backward.transform(near.x, near.y)
    point = Point(lon, lat)
    return Nearest(point, distance(origin, point))


# Slack (km) around the reach within which the geodesic-nearest point must lie.
_REACH_MARGIN_KM = 5.0

# Data sets split polygons that cross the antimeridian (Russia, Fiji) along it; those cuts are not edges.
_ANTIMERIDIAN = shapely.MultiLineString([[(180.0, -90.0), (180.0, 90.0)], [(-180.0, -90.0), (-180.0, 90.0)]]).buffer(1e-6)


def outline(geometry):
    """A polygon's edge (boundary), without the cuts along the antimeridian that split it in the data.

    >>> from shapely import box
    >>> round(outline(box(170, 60, 180, 70)).length)       # three real sides; the side on 180 is a cut
    30
    """
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        return geometry
    edge = geometry.boundary
    if edge.intersects(_ANTIMERIDIAN):
        edge = edge.difference(_ANTIMERIDIAN)
    return edge


def _within_reach(geometry, bounds: tuple[float, float, float, float], planar: tuple[Point, Point]):
    """The part of ``geometry`` that may hold the point geodesically nearest to what has ``bounds``:
    nothing farther than the two planar-nearest points are from each other can be nearer, so the
    rest is clipped off before the costly projection (a country's whole outline for one town)."""
    reach_km = distance(planar[0], planar[1]).km + _REACH_MARGIN_KM
    minx, miny, maxx, maxy = bounds
    dlat = reach_km / 110.0
    top = min(89.0, max(abs(miny), abs(maxy)) + dlat)
    dlon = min(360.0, reach_km / (111.32 * max(math.cos(math.radians(top)), 0.01)))
    window = shapely.box(minx - dlon, miny - dlat, maxx + dlon, maxy + dlat)
    if window.contains(shapely.box(*geometry.bounds)):
        return geometry
    clipped = geometry.intersection(window)
    return geometry if clipped.is_empty else clipped


def nearest_on_boundary(origin: Point, geometry) -> Nearest:
    """The point of a polygon's edge (its :func:`outline`) nearest ``origin``, from inside or outside it."""
    return nearest(origin, outline(geometry))


def distance_between(a, b) -> Length:
    """The geodesic distance between two geometries (0 when they touch or overlap).

    Points (and collections of points) are measured from each point; lines and polygons in an
    equidistant projection centred on ``a``, which is exact for regional distances.
    """
    if a.intersects(b):
        return Length(0.0)
    if isinstance(a, (shapely.Point, shapely.MultiPoint)):
        return min((nearest(p, b).distance for p in getattr(a, "geoms", [a])), key=lambda d: d.km)
    if isinstance(b, (shapely.Point, shapely.MultiPoint)):
        return distance_between(b, a)
    near = nearest_points(a, b)
    a, b = _within_reach(a, b.bounds, near), _within_reach(b, a.bounds, near)
    centre = a.representative_point()
    forward, backward = _aeqd(round(centre.x, 6), round(centre.y, 6))
    pa = _project(shapely.segmentize(a, _DENSIFY_DEGREES), forward)
    pb = _project(shapely.segmentize(b, _DENSIFY_DEGREES), forward)
    na, nb = nearest_points(pa, pb)
    (lon1, lon2), (lat1, lat2) = backward.transform([na.x, nb.x], [na.y, nb.y])
    return distance(Point(lon1, lat1), Point(lon2, lat2))


def largest_part(geometry):
    """The largest polygon of a (multi)polygon: a country's mainland, whose centre stands for the country's.

    >>> from shapely import MultiPolygon, box
    >>> largest_part(MultiPolygon([box(0, 0, 1, 1), box(5, 5, 8, 8)])).bounds
    (5.0, 5.0, 8.0, 8.0)
    """
    parts = getattr(geometry, "geoms", None)
    if not parts:
        return geometry
    return max(parts, key=lambda g: g.area)


def equivalent_radius_km(geometry) -> float:
    """The radius (km) of a disc with the geodesic area of ``geometry``.

    >>> from shapely import box
    >>> round(equivalent_radius_km(box(0, 0, 1, 1)))
    63
    """
    area, _ = GEOD.geometry_area_perimeter(geometry)
    return math.sqrt(abs(area) / 1e6 / math.pi)
