"""How far a measurement may stray from what an article states before the claim is judged wrong.

Every tolerance is a field of :class:`Policy` with a documented default; override them in code
(``Policy(near_km=30)``), or from a TOML file whose keys are the field names, at the top level or
under a ``[claims]`` table::

    [claims]
    distance_fraction = 0.2
    near_km = 30

A measurement within the tolerance is *consistent*; beyond it, *inconsistent*. A miss within
``borderline`` times the tolerance is still inconsistent (it was measured), and says so:
``measured["margin"] = "borderline"``. *Unverifiable* is kept for what cannot be measured.

>>> p = Policy()
>>> p.distance_tolerance_km(59.5)
14.875
>>> p.replace(near_km=30).near_km
30.0
"""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from geo.errors import InputError


@dataclass(frozen=True)
class Policy:
    """Tolerances for checking claims (distances in km, angles in degrees, shares as fractions)."""

    #: A stated distance holds if the measured one is within this share of it...
    distance_fraction: float = 0.25
    #: ...or within this many kilometres, whichever is larger (short distances are rough).
    distance_floor_km: float = 10.0
    #: A stated direction holds if the measured bearing is within this many degrees of it
    #: (45 = the neighbouring 8-point directions' midpoints: "east" covers NE to SE).
    bearing_degrees: float = 45.0
    #: Below this distance a bearing means little (a suburb "north of" a town, GeoNames' points a
    #: kilometre off): a bearing within tolerance still holds, a miss is not judged inconsistent.
    bearing_min_km: float = 5.0
    #: "X near Y", Y a town or city: at most this far apart (from the edge of its built-up area, below).
    near_km: float = 50.0
    #: "near Y", Y a region or country: at most this far outside its edge.
    near_region_km: float = 50.0
    #: "on the outskirts of" a town: at most this far from the edge of its built-up area.
    outskirts_town_km: float = 10.0
    #: A town is a point in GeoNames; its built-up area is taken as a disc holding its population at
    #: this density (people per km²): Kyiv's 2.95 million give a radius of 18 km, a town of 27,000 2 km.
    town_density_per_km2: float = 3000.0
    #: "on the outskirts of" a region: inside it and at most this far from its edge...
    outskirts_inside_km: float = 60.0
    #: ...or outside it and at most this far from its edge.
    outskirts_outside_km: float = 25.0
    #: "near the border with Y": at most this far from Y's border.
    border_km: float = 50.0
    #: "the adjacent/neighbouring Y": the subject (or the region it lies in) at most this far from Y.
    adjacent_km: float = 50.0
    #: A place within this distance of a region's edge counts as on the edge: containment is then
    #: settled by GeoNames' admin codes, not by Natural Earth's generalized line.
    edge_km: float = 5.0
    #: A stated population holds within this share of GeoNames' figure (wider than a census error:
    #: the article's figure and GeoNames' may be years apart).
    population_fraction: float = 0.2
    #: Where the gazetteer holds a country only in part, its figures are often a decade or two old
    #: (Hama's 460,602 is the 2004 census): a stated figure above GeoNames' by up to this factor (15
    #: years' growth at 3% a year) may be growth, so it is not called wrong (unverifiable, saying so).
    #: Beyond it the figure is wrong by GeoNames' ("Bukhara, a city of about 600,000": 280,187).
    population_growth: float = 1.5
    #: ...nor is a rank the city would have with its figure this many times larger: a rank sets one
    #: figure against a country's others, each of its own date ("Haiti's second-largest city":
    #: GeoNames' Cap-Haïtien of 2003 ranks 7th among communes counted later).
    rank_growth: float = 2.5
    #: A figure below this share of a country's or a division's population is a town's, said of the area
    #: only by a misreading of the sentence ("a town in eastern Ukraine that had 15,000"): not inconsistent.
    area_figure_share: float = 0.02
    #: A stated unit conversion holds within this share, or within the rounding of the written number.
    conversion_fraction: float = 0.05
    #: A miss beyond the tolerance but within this multiple of it is marked "borderline" (still inconsistent).
    borderline: float = 1.5
    #: "a town on the Oskil River": at most this far from the river's course (from a town's built-up edge;
    #: Natural Earth's lines are generalized, and follow one branch of a delta: Izmail's Danube is another).
    on_river_km: float = 20.0
    #: "on the west bank of the Dnipro": the bearing from the river's nearest point within this many degrees
    #: of the stated side (90 = anywhere on that side of the river)...
    bank_degrees: float = 90.0
    #: ...for a place at least this far from the river's line (nearer, it lies on the river itself).
    bank_min_km: float = 0.5
    #: Nearer a river's Natural Earth line than this (about twice the line's generalization at 1:10m, and
    #: its bends), a bank that holds is consistent and one that misses is unverifiable ("Wad Madani, on the
    #: western bank of the Blue Nile", 2 km off the line's bend).
    bank_uncertain_km: float = 2.5
    #: "Odesa, on the Black Sea coast": at most this far from the coastline (from a town's built-up edge).
    on_coast_km: float = 15.0
    #: A point this far (or less) off Natural Earth's generalized land polygons is still on the shore
    #: (Ochakiv's point lies just off it); farther, it is at sea and has no coast distance.
    offshore_km: float = 5.0
    #: "outside Y", "a Y suburb": at most this far from the edge of Y's built-up area.
    suburb_km: float = 50.0
    #: "the southern city of X", "in northern Y": the bearing from the region's centre within this many
    #: degrees of the stated direction; 90 = the half of the region on that side (a region's "south" is
    #: wider than the direction from one town to another).
    position_degrees: float = 90.0
    #: "the Kursk region lies north of Sumy": how many points of a region's outline (evenly spaced along
    #: its largest part) are looked at for the directions it spans from a place.
    region_bearing_samples: float = 200.0
    #: "the southern city of X": a place nearer its region's centre than this share of the region's
    #: radius (that of a disc of its area) is central, with no direction in it: unverifiable.
    position_central_fraction: float = 0.25
    #: "X in central Y": the place lies within this share of the way from the region's centre to its
    #: outline in the place's direction (the farthest outline point within centre_reach_degrees of it).
    position_centre_fraction: float = 0.75
    centre_reach_degrees: float = 15.0
    #: "the second-largest city": the rank by population may be off by this many places.
    rank_slack: float = 1.0
    #: A place with none of the article's other places within this distance is a doubtful reading
    #: ("Eastern" in a headline read as a town in Ghana in a story about Ukraine): a claim resting on
    #: it is unverifiable, never inconsistent.
    isolated_km: float = 1500.0
    #: A resolution this confident or more is the context's clear choice: a claim may not move it to a
    #: namesake so that the claim holds (below it, a claim may choose among close candidates).
    claim_may_resolve_below: float = 0.6
    #: ...or, however confident, when its place is a small town (fewer people than this) and the namesake
    #: that satisfies the claim is comparable (at least ``comparable_share`` of its population): "the
    #: Cincinnati suburb of West Chester" is the Ohio one. A well-known town is never moved.
    well_known_population: float = 100_000.0
    comparable_share: float = 0.5
    #: Below this population a place is a village, whose namesakes are all comparable (GeoNames gives
    #: many villages no population, or one decades old).
    village_population: float = 5000.0
    #: Outside the countries the gazetteer holds in full (full_dumps) it lists towns of 500+ people and no
    #: townships: a settlement smaller than this there may share its name with one it lacks, so a claim
    #: resting on it is never inconsistent ("the Cincinnati suburb of West Chester": a township in Ohio;
    #: the Pennsylvania West Chester counts 18,000). A town of more is the one a reporter names: no hamlet
    #: of its name is measured from a capital ("Baracoa, roughly 500 km east of Havana": 872 km).
    thin_population: float = 20_000.0
    #: ...unless the claim places it: a town (village_population or more) within this distance of
    #: another place of the claim is the one the article means, however thin the gazetteer ("Carlisle,
    #: about 18 miles south of Penrith": Carlisle lies 28 km from Penrith, north of it; a hamlet of
    #: the name the gazetteer lacks is not what a reporter measures from a town).
    placed_within_km: float = 300.0
    #: A village is placed so only this near ("Orbost, about 50 km west of Bairnsdale": 76 km east of it; a
    #: hamlet of the name the gazetteer lacks would have to lie beside it too).
    village_placed_within_km: float = 100.0
    #: A name this common as an English word (wordfreq's Zipf scale: 4 "village", 3.9 "marines") that
    #: resolved to a place of fewer than well_known_population people (a division ranked below a town of
    #: that size) is a doubtful reading (unless the
    #: claim places it: see placed_within_km).
    common_word_zipf: float = 3.5
    #: A resolution less confident than this is doubtful: a claim resting on it is never inconsistent.
    doubtful_below: float = 0.4

    #: A stated distance longer than the straight line by up to this factor (a road's detour: roads run
    #: 1.2-1.6x the straight line) is not called wrong, for distances of road_min_km or more: "Mekele
    #: lies about 780 km north of Addis Ababa" is the road's 780, the straight line's 501 (unverifiable).
    #: A distance shorter than the straight line is no road's.
    road_detour: float = 1.6
    road_min_km: float = 20.0

    def distance_tolerance_km(self, stated_km: float) -> float:
        """How far (km) a measured distance may differ from a stated one."""
        return max(self.distance_fraction * stated_km, self.distance_floor_km)

    def town_radius_km(self, population: int) -> float:
        """The radius (km) of a town's built-up area, estimated from its population.

        >>> round(Policy().town_radius_km(2_952_301), 1)
        17.7
        """
        if population <= 0 or self.town_density_per_km2 <= 0:
            return 0.0
        return math.sqrt(population / self.town_density_per_km2 / math.pi)

    def judge(self, error: float, tolerance: float) -> str:
        """The verdict for a measurement off by ``error`` (>= 0) against ``tolerance``.

        >>> Policy().judge(10, 15), Policy().judge(20, 15), Policy().judge(30, 15)
        ('consistent', 'inconsistent', 'inconsistent')
        """
        return "consistent" if error <= tolerance else "inconsistent"

    def is_borderline(self, error: float, tolerance: float) -> bool:
        """Whether a miss is past the tolerance but within ``borderline`` times it.

        >>> Policy().is_borderline(20, 15), Policy().is_borderline(30, 15)
        (True, False)
        """
        return tolerance < error <= tolerance * self.borderline

    def replace(self, **overrides) -> Policy:
        """A copy with some tolerances changed; unknown names or non-numbers raise InputError."""
        known = {f.name for f in fields(self)}
        clean = {}
        for key, value in overrides.items():
            if key not in known:
                raise InputError(f"unknown claim tolerance {key!r}; known: {', '.join(sorted(known))}")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise InputError(f"claim tolerance {key} must be a non-negative number, not {value!r}")
            clean[key] = float(value)
        return replace(self, **clean)

    @classmethod
    def from_toml(cls, path: Path | str) -> Policy:
        """The default policy with the tolerances a TOML file sets (top level or ``[claims]``)."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"{path}: cannot read the tolerance file ({exc.strerror or exc})") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: not a valid TOML file ({exc})") from None
        table = data.get("claims", data)
        if not isinstance(table, dict):
            raise InputError(f"{path}: [claims] must be a table")
        return cls().replace(**table)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}
