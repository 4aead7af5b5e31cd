"""What a place is on the map: a point, a region's polygon, a river's line, and lookups over them.

A claim about a region or a river is checked against its Natural Earth geometry, not its GeoNames
point: :meth:`Regions.shape` gives each place its best geometry, saying where it came from.
:meth:`Regions.containing` finds the first-level divisions or countries that hold a point with an
STRtree over the whole layer.

>>> from geo.gazetteer import Gazetteer
>>> gaz = Gazetteer.open()
>>> regions = Regions.of(gaz)
>>> regions.shape(gaz.place(706482)).source
'its Natural Earth polygon'
>>> [name for _, name, _ in regions.containing(Point(36.25, 49.98))]
['Kharkiv']
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import cached_property

import shapely
from shapely import Point
from shapely.strtree import STRtree

from geo.claims.geodesy import distance, distance_between, equivalent_radius_km, largest_part, nearest
from geo.gazetteer import Gazetteer, Place
from geo.normalize import normalize_name

# A river line or a same-named river point farther than this from the place's own point belongs to
# another river of the same name.
_SAME_RIVER_KM = 400.0
# How many gazetteer rows Regions.place keeps before starting afresh.
_PLACE_CACHE = 100_000
# How far (degrees) to look for a foreign country's polygon around a place "near the border".
_FOREIGN_SEARCH_DEGREES = 3.0
# How far (degrees) around a place the land is gathered to find its coastline.
_COAST_SEARCH_DEGREES = 1.5


@dataclass(frozen=True)
class Shape:
    """A place and the geometry a check measures it by."""

    place: Place
    geometry: object                    #: a shapely geometry, lon/lat
    kind: str                           #: "point", "area" (a polygon), "line", "points" (a river known only by points)
    source: str                         #: where the geometry came from, read after "by": "its Natural Earth polygon"
    ids: tuple[int, ...] = ()           #: every GeoNames id the geometry stands for (a composite's parts, a river's points)

    @property
    def one_point(self) -> bool:
        """Whether the place is known by a single point only (a river with no line and one GeoNames row:
        its mouth or some point of its course, which says nothing of where else it runs)."""
        return self.kind == "point" or (self.kind == "points" and len(self.ids) <= 1)

    @property
    def is_area(self) -> bool:
        return self.kind == "area"

    @property
    def is_settlement(self) -> bool:
        return self.place.feature_class == "P"

    @property
    def point(self) -> Point:
        """The GeoNames point of the place."""
        return Point(self.place.lon, self.place.lat)

    @cached_property
    def centre_and_radius_km(self) -> tuple[Point, float]:
        """An area's centre (the centroid of its largest part) and the radius (km) of a disc of that
        part's geodesic area: what a position in it is measured from (computed once per shape, and
        shapes are kept per place: a country's outline has thousands of points)."""
        region = largest_part(self.geometry)
        return region.centroid, equivalent_radius_km(region)


def is_stream(place: Place) -> bool:
    return place.kind == "river"


def is_lake(place: Place) -> bool:
    """A lake or reservoir: a water body with shores of its own, not a sea's coastline."""
    return place.feature_code.startswith("LK") or place.feature_code.startswith("RSV")


_RIVER_WORD = re.compile(r"\briver\b")


def river_name(name: str) -> str:
    """A river's name without the word "river", as Natural Earth writes it: GeoNames' (and the curated
    rows') "Congo River" is Natural Earth's "Congo".

    >>> river_name("Congo River"), river_name("Congo")
    ('congo', 'congo')
    """
    return " ".join(_RIVER_WORD.sub(" ", normalize_name(name)).split())


class Regions:
    """Geometry lookups over one gazetteer (trees are built on first use, once per gazetteer)."""

    _cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._trees: dict[str, tuple[STRtree, list[tuple[int | None, str, str, object]]]] = {}
        self._shapes: dict[int, Shape] = {}
        self._places: dict[int, Place | None] = {}

    @classmethod
    def of(cls, gazetteer: Gazetteer) -> Regions:
        """The shared instance for ``gazetteer``."""
        regions = cls._cache.get(gazetteer)
        if regions is None:
            regions = cls._cache[gazetteer] = cls(gazetteer)
        return regions

    # -- one place ----------------------------------------------------------------------

    def place(self, geonameid: int) -> Place | None:
        """The gazetteer's row for ``geonameid``, read once per process (claims ask for the same few
        places many times: each mention's, each anchor's, each candidate's)."""
        if geonameid not in self._places:
            if len(self._places) > _PLACE_CACHE:
                self._places.clear()
            self._places[geonameid] = self.gazetteer.place(geonameid)
        return self._places[geonameid]

    def shape(self, place: Place) -> Shape:
        """The geometry a check uses for ``place``.

        Countries and first-level divisions: their Natural Earth polygon; composite regions (the
        Donbas): the union of their parts' polygons; rivers: their Natural Earth line, else the
        points GeoNames gives for the river's name nearby; everything else: its GeoNames point.
        """
        shape = self._shapes.get(place.geonameid)
        if shape is None or shape.place != place:
            shape = self._shapes[place.geonameid] = self._shape(place)
            if shape.kind != "point":
                shapely.prepare(shape.geometry)   # (kept: each later intersects/contains test on it is fast)
        return shape

    def _shape(self, place: Place) -> Shape:
        gaz = self.gazetteer
        gid = place.geonameid
        composite = gaz.composite(gid) if place.feature_class != "P" else None
        if composite is not None:             # a region drawn as its divisions (the extract's composite_regions)
            names, parts, polygon = composite
            return Shape(place, polygon, "area", f"the Natural Earth polygons of {names}", (gid, *parts))
        if place.is_country or place.feature_code == "ADM1":
            polygon = gaz.geometry(gid, "admin0" if place.is_country else "admin1")
            if polygon is not None:
                return Shape(place, polygon, "area", "its Natural Earth polygon", (gid,))
        if is_stream(place):
            return self._river(place)
        return Shape(place, Point(place.lon, place.lat), "point", "its GeoNames point", (gid,))

    def _river(self, place: Place) -> Shape:
        gaz = self.gazetteer
        here = Point(place.lon, place.lat)
        line = gaz.geometry(place.geonameid, "river")
        if line is None:
            norm = river_name(place.name)
            lines = [g for _, name, _, g in gaz.geometries("river", bbox=_around(here, 4.0))
                     if river_name(name) == norm]
            lines = [g for g in lines if _km_to(here, g) <= _SAME_RIVER_KM]
            line = shapely.union_all(lines) if lines else None
        if line is not None:
            return Shape(place, line, "line", "its Natural Earth river line", (place.geonameid,))
        # No line: every point GeoNames gives a river of this name nearby stands for the river.
        same = {place.geonameid: place}
        for candidate in gaz.candidates(normalize_name(place.name)):
            other = candidate.place
            if is_stream(other) and distance(here, Point(other.lon, other.lat)).km <= _SAME_RIVER_KM:
                same.setdefault(other.geonameid, other)
        ids = tuple(sorted(same))
        points = shapely.MultiPoint([(same[i].lon, same[i].lat) for i in ids])
        count = f"{len(ids)} GeoNames points" if len(ids) > 1 else "its GeoNames point"
        return Shape(place, points, "points", f"{count}, no river line", ids)

    # -- lookups over a layer ------------------------------------------------------------

    def tree(self, layer: str):
        """The STRtree over one layer's geometries and the rows it indexes, built on first use."""
        if layer not in self._trees:
            rows = self.gazetteer.geometries(layer)
            self._trees[layer] = (STRtree([g for *_, g in rows]), rows)
        return self._trees[layer]

    def containing(self, point: Point, layer: str = "admin1") -> list[tuple[int | None, str, str]]:
        """(geonameid, name, code) of every polygon of ``layer`` that holds ``point``; [] at sea."""
        tree, rows = self.tree(layer)
        return [rows[i][:3] for i in sorted(tree.query(point, predicate="intersects"))]

    def coast_distance(self, point: Point, offshore_km: float):
        """The distance (a Length) from a point on land to the coastline: the edge of the union of the
        country polygons around it (borders with countries farther than the search window away are
        farther than any coast claim allows); a point just off the land (up to ``offshore_km``), the
        distance to it. None at sea or where no country is near."""
        tree, rows = self.tree("admin0")
        near = [rows[i][3] for i in tree.query(point.buffer(_COAST_SEARCH_DEGREES))]
        if not near:
            return None
        land = shapely.union_all(near)
        if not land.intersects(point):
            # a shore town's point may lie just off the generalized coastline (Ochakiv): still on the coast
            offshore = distance_between(point, land)
            return offshore if offshore.km <= offshore_km else None
        return distance_between(point, land.boundary)

    def nearest_foreign_country(self, subject: Shape) -> tuple[Place, object] | None:
        """(the nearest country the subject is not in, the distance to its polygon), looked up among
        the country polygons within a few degrees; None when none is that near."""
        tree, rows = self.tree("admin0")
        here = subject.geometry
        own = subject.place.country_code
        best = None
        for i in tree.query(here.buffer(_FOREIGN_SEARCH_DEGREES)):
            gid, _, code, geometry = rows[i]
            country = self.gazetteer.place(gid) if gid is not None else None
            if country is None or country.country_code == own or country.geonameid == subject.place.geonameid:
                continue
            gap = distance_between(here, geometry)
            if best is None or gap.km < best[1].km:
                best = (country, gap)
        return best

    def division_of(self, place: Place) -> Place | None:
        """The first-level division a place lies in: GeoNames' admin1 code, else the polygon holding it."""
        if place.admin1_code and place.admin1_code != "00":
            division = self.gazetteer.admin_division(f"{place.country_code}.{place.admin1_code}")
            if division is not None and division.geonameid != place.geonameid:
                return division
        for gid, _, _ in self.containing(Point(place.lon, place.lat)):
            if gid is not None and gid != place.geonameid:
                return self.gazetteer.place(gid)
        return None


def _around(point: Point, degrees: float) -> tuple[float, float, float, float]:
    return (point.x - degrees, point.y - degrees, point.x + degrees, point.y + degrees)


def _km_to(point: Point, geometry) -> float:
    return nearest(point, geometry).distance.km
