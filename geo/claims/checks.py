"""Checking claims: one function per claim type, each measuring the geometry and judging the wording.

Every check returns a :class:`Result`: the verdict (consistent, inconsistent, unverifiable), what was
measured, and one plain sentence saying both, e.g.

    GeoNames puts Zaliznychne 52 km (32 mi) ESE of Kharkiv; the article says 37 miles east: consistent.

Regions are measured by their Natural Earth polygons and rivers by their lines (or, lacking one, by
their GeoNames points); towns by their GeoNames points (see :mod:`geo.claims.regions`). Tolerances
come from a :class:`~geo.claims.policy.Policy`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from geo.claims.geodesy import (COMPASS_WORDS, angle_difference, bearing, compass, direction_bearing, distance,
                                distance_between, equivalent_radius_km, largest_part, nearest, nearest_on_boundary, outline)
from geo.claims.policy import Policy
from geo.claims.regions import Regions, Shape
from geo.claims.units import OTHER_KIND, UNIT_LABELS, Length, format_number, kind_of, quantity, rounding_step
from geo.gazetteer import Place

CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"
# Qualifiers that make a stated number a bound rather than an estimate.
_AT_LEAST = {"more than", "over", "at least"}
_AT_MOST = {"less than", "fewer than", "under", "up to"}


@dataclass
class Result:
    """A verdict, what was measured, and the plain sentence saying it, composed from its parts (never
    edited afterwards): ``said`` states the measurement against the article's words; ``caveat`` says
    why a miss that was measured is not called inconsistent; the verdict and reason end it.

    >>> Result("consistent", {}, "Bucha is 25 km from Kyiv; 'near' allows up to 50 km").explanation
    "Bucha is 25 km from Kyiv; 'near' allows up to 50 km: consistent."
    >>> Result("unverifiable", {"reason": "resolution uncertain"}, "X is 900 km from Y", "'X' was matched by spelling").explanation
    "X is 900 km from Y; but 'X' was matched by spelling: unverifiable (resolution uncertain)."
    """

    verdict: str
    measured: dict = field(default_factory=dict)
    said: str = ""
    caveat: str | None = None

    @property
    def explanation(self) -> str:
        caveat = f"; but {self.caveat}" if self.caveat else ""
        if self.verdict == UNVERIFIABLE and self.measured.get("reason"):
            return f"{self.said}{caveat}: {self.verdict} ({self.measured['reason']})."
        if self.verdict == INCONSISTENT and self.measured.get("margin") == "borderline":
            return f"{self.said}{caveat}: {self.verdict} (just past the tolerance)."
        return f"{self.said}{caveat}: {self.verdict}."

    def doubted(self, reason: str, caveat: str) -> Result:
        """This measured result, not called inconsistent because of ``caveat``: unverifiable (``reason``)."""
        return Result(UNVERIFIABLE, {**self.measured, "reason": reason}, self.said, caveat)


#: Why a claim is unverifiable, as ``measured["reason"]`` gives it.
REASONS = ("vague wording", "anchor unresolved", "subject unresolved", "no polygon", "no data", "too close",
           "says little", "borderline", "sources disagree", "unknown unit", "resolution uncertain", "inferred place",
           "travel time")


def unverifiable(reason: str, detail: str, **measured) -> Result:
    """An unverifiable result: ``reason`` one of :data:`REASONS`, ``detail`` a plain clause about this claim."""
    return Result(UNVERIFIABLE, {**measured, "reason": reason}, f"{detail[:1].upper()}{detail[1:]}")


def worst(verdicts: list[str]) -> str:
    """Inconsistent if any part is, consistent if every part is, else unverifiable."""
    if INCONSISTENT in verdicts:
        return INCONSISTENT
    return CONSISTENT if verdicts and all(v == CONSISTENT for v in verdicts) else UNVERIFIABLE


def _km(length: Length) -> float:
    return round(length.km, 1)


def _mi(length: Length) -> float:
    return round(length.miles, 1)


def _name(shape: Shape) -> str:
    return shape.place.name


#: Water bodies (not rivers) whose GeoNames point is no measure of where their shores are.
_WATER_BODIES = {"SEA", "OCN", "GULF", "BAY", "STRT", "LK", "LKS", "RSV", "LGN", "SD", "COVE", "BGHT", "INLT"}


def _water_point(shape: Shape) -> Shape | None:
    return shape if shape.kind == "point" and shape.place.feature_code in _WATER_BODIES else None


def _range_error(measured: float, low: float, high: float) -> float:
    """How far ``measured`` falls outside the stated range [low, high] ("20-30 km")."""
    low, high = min(low, high), max(low, high)
    return max(0.0, low - measured, measured - high)


def _bounded_error(measured: float, stated: float, qualifier: str | None) -> float:
    """How far ``measured`` misses ``stated``, a bound when the qualifier makes it one ("more than 3,000")."""
    if qualifier in _AT_LEAST:
        return max(0.0, stated - measured)
    if qualifier in _AT_MOST:
        return max(0.0, measured - stated)
    return abs(measured - stated)


class Checker:
    """Checks claims against one gazetteer's geometry under one policy."""

    def __init__(self, regions: Regions, policy: Policy | None = None):
        self.regions = regions
        self.policy = policy or Policy()

    def shape(self, place: Place) -> Shape:
        return self.regions.shape(place)

    def _judge(self, error: float, tolerance: float, measured: dict) -> str:
        """The verdict for a miss of ``error`` against ``tolerance``; a miss within policy.borderline
        times the tolerance is marked ``measured["margin"] = "borderline"``."""
        verdict = self.policy.judge(error, tolerance)
        if verdict == INCONSISTENT and self.policy.is_borderline(error, tolerance):
            measured["margin"] = "borderline"
        return verdict

    # -- distance and direction ----------------------------------------------------------

    def distance_direction(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        water = _water_point(subject) or _water_point(anchor)
        if water is not None:
            return unverifiable("no polygon", f"{_name(water)} is known only by a point in its middle, not its shores")
        return self._distance_direction(subject, anchor, stated)

    def _distance_direction(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"37 miles east of Kharkiv", "30 km from Izium": the geodesic distance and initial bearing
        from the anchor to the subject, against the stated distance (policy.distance_*) and
        direction (policy.bearing_degrees)."""
        if subject.is_area or anchor.is_area:
            region = subject if subject.is_area else anchor
            return unverifiable("vague wording", f"a distance to or from a region ({_name(region)}) has no single value")
        origin, target = self._ends(subject, anchor)
        measured_length = distance(origin, target)
        measured = {"distance_km": _km(measured_length), "distance_mi": _mi(measured_length)}
        stated_length = Length.of(stated["distance"], stated.get("unit", "km"))
        tolerance = self.policy.distance_tolerance_km(stated_length.km)
        stated_to = Length.of(stated["distance_to"], stated.get("unit", "km")) if stated.get("distance_to") else None
        error = (_range_error(measured_length.km, stated_length.km, stated_to.km) if stated_to is not None
                 else _bounded_error(measured_length.km, stated_length.km, stated.get("qualifier")))
        if stated_to is not None:
            tolerance = self.policy.distance_tolerance_km((stated_length.km + stated_to.km) / 2)
        verdicts = [self._judge(error, tolerance, measured)]
        measured["tolerance_km"] = round(tolerance, 1)
        said = f"{format_number(stated['distance'])} {UNIT_LABELS.get(stated.get('unit', 'km'), stated.get('unit'))}"
        if stated_to is not None:
            said = (f"{format_number(stated['distance'])}-{format_number(stated['distance_to'])} "
                    f"{UNIT_LABELS.get(stated.get('unit', 'km'), stated.get('unit'))}")
        if stated.get("qualifier"):
            said = f"{stated['qualifier']} {said}"
        where = f"{measured_length} from {_name(anchor)}"
        if stated.get("direction"):
            direction = self._direction(origin, target, measured_length, stated["direction"], measured)
            verdicts.append(direction)
            said += f" {COMPASS_WORDS[stated['direction']]}"
            if "compass" in measured:
                where = f"{measured_length} {measured['compass']} of {_name(anchor)}"
        verdict = worst(verdicts)
        via = "" if subject.kind == "point" else f" (by {subject.source})"
        return Result(verdict, measured, f"GeoNames puts {_name(subject)}{via} {where}; the article says {said}")

    def direction(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"the city of Kupiansk farther north", "villages southeast of Kharkiv": the bearing from the
        anchor to the subject within policy.bearing_degrees of the stated compass point."""
        if anchor.is_area and not subject.is_area and anchor.geometry.intersects(subject.point):
            return self.position(subject, anchor, stated)         # "Perpignan, south of France": in its south
        if subject.is_area and not anchor.is_area:
            # "the Artibonite region, north of Port-au-Prince": the region's own (GeoNames) point
            subject = Shape(subject.place, subject.point, "point", "its GeoNames point", subject.ids)
        if subject.is_area or anchor.is_area:
            region = subject if subject.is_area else anchor
            return unverifiable("vague wording", f"a direction to or from a region ({_name(region)}) has no single value")
        origin, target = self._ends(subject, anchor)
        length = distance(origin, target)
        measured = {"distance_km": _km(length), "distance_mi": _mi(length)}
        verdict = self._direction(origin, target, length, stated["direction"], measured)
        if "compass" not in measured:
            return unverifiable("too close", f"{_name(subject)} is only {length} from {_name(anchor)}, too close for a direction",
                                **measured)
        said = COMPASS_WORDS[stated["direction"]]
        if stated.get("relative"):
            said = f"{stated['relative']} {said}"
        return Result(verdict, measured, f"GeoNames puts {_name(subject)} {length} {measured['compass']} of "
                                         f"{_name(anchor)}; the article says {said}")

    def position(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"the southern city of Shiraz" (in Iran), "Redding, northern California": the bearing from the
        centre of the region (the centroid of its largest part) to the place, within
        policy.bearing_degrees of the stated direction. A place nearer the centre than
        policy.position_central_fraction of the region's radius has no direction in it; a place
        outside the region cannot be placed in it."""
        if not anchor.is_area:
            return unverifiable("no polygon", f"{_name(anchor)} has no outline to find its {COMPASS_WORDS[stated['direction']]} in")
        region = largest_part(anchor.geometry)
        centre = region.centroid
        target = subject.geometry.centroid if subject.is_area else subject.point
        if not anchor.geometry.intersects(target) and distance_between(target, anchor.geometry).km > self.policy.edge_km:
            return unverifiable("says little", f"{_name(subject)} lies outside {_name(anchor)}, so it has no place in it")
        length = distance(centre, target)
        radius = equivalent_radius_km(region)
        measured = {"distance_from_centre_km": _km(length), "region_radius_km": round(radius, 1)}
        if length.km < self.policy.position_central_fraction * radius:
            return unverifiable("too close", f"{_name(subject)} lies {length} from the centre of {_name(anchor)}, too "
                                              f"central for a direction in it", **measured)
        azimuth = bearing(centre, target)
        off = angle_difference(azimuth, direction_bearing(stated["direction"]))
        measured.update(bearing_deg=round(azimuth, 1), compass=compass(azimuth), bearing_off_deg=round(off, 1))
        verdict = self._judge(off, self.policy.position_degrees, measured)
        said = COMPASS_WORDS[stated["direction"]]
        return Result(verdict, measured, f"{_name(subject)} lies {length} {measured['compass']} of the centre of "
                                         f"{_name(anchor)}; the article puts it in the {said}")

    def bank(self, subject: Shape, river: Shape, stated: dict) -> Result:
        """"Kherson, on the west bank of the Dnipro": the bearing from the river's nearest point to the
        place within policy.bank_degrees of the stated side (90: the half-plane on that side)."""
        if river.kind not in ("line", "points"):
            return unverifiable("no polygon", f"{_name(river)} has no course to measure a bank from")
        near = nearest(subject.point, river.geometry)
        measured = {"distance_km": _km(near.distance), "distance_mi": _mi(near.distance)}
        if near.distance.km < self.policy.bank_min_km:
            return unverifiable("too close", f"{_name(subject)} lies on {_name(river)}'s course itself", **measured)
        azimuth = bearing(near.point, subject.point)
        off = angle_difference(azimuth, direction_bearing(stated["direction"]))
        measured.update(bearing_deg=round(azimuth, 1), compass=compass(azimuth), bearing_off_deg=round(off, 1))
        verdict = self._judge(off, self.policy.bank_degrees, measured)
        return Result(verdict, measured, f"{_name(subject)} lies {near.distance} {measured['compass']} of the nearest point of "
                                         f"{_name(river)} ({river.source}); the article puts it on the "
                                         f"{COMPASS_WORDS[stated['direction']]} bank")

    def _ends(self, subject: Shape, anchor: Shape):
        """The two points a distance or bearing runs between: anchor to subject; a river by its nearest point."""
        anchor_point = anchor.point if anchor.kind == "point" else nearest(subject.point, anchor.geometry).point
        subject_point = subject.point if subject.kind == "point" else nearest(anchor_point, subject.geometry).point
        return anchor_point, subject_point

    def _direction(self, origin, target, length: Length, stated_code: str, measured: dict) -> str:
        if length.km < self.policy.bearing_min_km:
            return UNVERIFIABLE
        azimuth = bearing(origin, target)
        off = angle_difference(azimuth, direction_bearing(stated_code))
        measured.update(bearing_deg=round(azimuth, 1), compass=compass(azimuth), bearing_off_deg=round(off, 1))
        return self._judge(off, self.policy.bearing_degrees, measured)

    # -- nearness -------------------------------------------------------------------------

    def _town_gap(self, subject: Shape, anchor: Shape) -> tuple[Length, Length, str]:
        """The distance between two places, and between their edges when they are towns (whose
        built-up area is estimated from population, see Policy.town_radius_km); and words saying so."""
        gap = distance_between(subject.geometry, anchor.geometry)
        radii = sum(self.policy.town_radius_km(s.place.population) for s in (subject, anchor)
                    if s.kind == "point" and s.is_settlement)
        if radii < 0.5:
            return gap, gap, ""
        edges = Length(max(0.0, gap.km - radii))
        return gap, edges, f", about {edges.km:,.0f} km between their built-up areas"

    def near(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"Bucha, near Kyiv": within policy.near_km of a town's built-up area, policy.near_region_km
        of a region's edge. A sea or a lake known only by a point has no edge to measure to."""
        water = _water_point(subject) or _water_point(anchor)
        if water is not None:
            return unverifiable("no polygon", f"{_name(water)} is known only by a point in its middle, not its shores")
        if anchor.is_area:
            gap = distance_between(subject.geometry, anchor.geometry)
            limit = self.policy.near_region_km
            measured = {"distance_km": _km(gap), "distance_mi": _mi(gap), "limit_km": limit}
            if gap.km == 0:
                relation = "lies in" if subject.kind == "point" else "touches or overlaps"
                return Result(CONSISTENT, measured, f"{_name(subject)} {relation} {_name(anchor)}; the article says near it")
            verdict = self._judge(gap.km, limit, measured)
            return Result(verdict, measured, f"{_name(subject)} is {gap} from the edge of {_name(anchor)}; 'near' allows "
                                             f"up to {limit:g} km")
        gap, edges, said = self._town_gap(subject, anchor)
        limit = self.policy.near_km
        if subject.is_area and gap.km == 0:
            return Result(CONSISTENT, {"distance_km": 0.0, "distance_mi": 0.0, "limit_km": limit},
                          f"{_name(anchor)} lies in {_name(subject)}; the article says near it")
        measured = {"distance_km": _km(gap), "distance_mi": _mi(gap), "edge_distance_km": _km(edges), "limit_km": limit}
        verdict = self._judge(edges.km, limit, measured)
        return Result(verdict, measured, f"{_name(subject)} is {gap} from {_name(anchor)}{said}; 'near' allows up to "
                                         f"{limit:g} km")

    def proximity(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"the Oskil river on the outskirts of the Kherson region": inside the region within
        policy.outskirts_inside_km of its edge, or outside within policy.outskirts_outside_km; of a
        town, within policy.outskirts_town_km."""
        who = _name(subject) + ("" if subject.kind == "point" else f" (by {subject.source})")
        if stated.get("relation") in ("on the river", "on the coast"):
            return self._on_water(subject, anchor, stated["relation"])
        if not anchor.is_area:
            gap, edges, said = self._town_gap(subject, anchor)
            relation = stated.get("relation", "outskirts")
            limit = self.policy.outskirts_town_km if relation == "outskirts" else self.policy.suburb_km
            measured = {"distance_km": _km(gap), "distance_mi": _mi(gap), "edge_distance_km": _km(edges), "limit_km": limit}
            verdict = self._judge(edges.km, limit, measured)
            words = "on the outskirts" if relation == "outskirts" else relation
            return Result(verdict, measured,
                          f"{who} is {gap} from {_name(anchor)}{said}; '{words}' allows up to {limit:g} km")
        inside = subject.geometry.intersection(anchor.geometry)
        if not inside.is_empty:
            edge = distance_between(inside, outline(anchor.geometry))
            limit = self.policy.outskirts_inside_km
            measured = {"inside": True, "edge_distance_km": _km(edge), "edge_distance_mi": _mi(edge), "limit_km": limit}
            verdict = self._judge(edge.km, limit, measured)
            return Result(verdict, measured,
                          f"{who} lies inside {_name(anchor)}, {edge} from its edge; 'on the outskirts' allows up to "
                          f"{limit:g} km")
        gap = distance_between(subject.geometry, anchor.geometry)
        limit = self.policy.outskirts_outside_km
        measured = {"inside": False, "distance_km": _km(gap), "distance_mi": _mi(gap), "limit_km": limit}
        verdict = self._judge(gap.km, limit, measured)
        return Result(verdict, measured,
                      f"{who} lies {gap} outside {_name(anchor)}; 'on the outskirts' allows at most {limit:g} km "
                      f"outside it")

    def _on_water(self, subject: Shape, water: Shape, relation: str) -> Result:
        """"on the Oskil River": within policy.on_river_km of the river's line (or points), from the
        edge of a town's built-up area; "on the Black Sea coast": within policy.on_coast_km of the
        coastline (the edge of the land in Natural Earth's country polygons)."""
        radius = self.policy.town_radius_km(subject.place.population) if subject.is_settlement else 0.0
        if relation == "on the river":
            if water.kind == "point":
                return unverifiable("no polygon", f"{_name(water)} is known only by one point, not its course")
            gap, limit, what = distance_between(subject.point, water.geometry), self.policy.on_river_km, f"{_name(water)} ({water.source})"
        else:
            coast = self.regions.coast_distance(subject.point)
            if coast is None:
                return unverifiable("no polygon", f"no coastline is known near {_name(subject)}")
            gap, limit, what = coast, self.policy.on_coast_km, "the coastline"
        edge = Length(max(0.0, gap.km - radius))
        measured = {"distance_km": _km(gap), "distance_mi": _mi(gap), "edge_distance_km": _km(edge), "limit_km": limit}
        verdict = self._judge(edge.km, limit, measured)
        return Result(verdict, measured, f"{_name(subject)} is {gap} from {what}; '{relation}' allows up to {limit:g} km")

    def border_proximity(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"near the border with Ukraine": within policy.border_km of the anchor's border."""
        if not anchor.is_area:
            return unverifiable("no polygon", f"{_name(anchor)} has no border to measure to")
        if subject.kind == "point":
            gap = nearest_on_boundary(subject.point, anchor.geometry).distance
        else:
            gap = distance_between(subject.geometry, outline(anchor.geometry))
        return self._border_gap(subject, gap, f"the border of {_name(anchor)}", stated)

    def border_any(self, subject: Shape, stated: dict) -> Result:
        """"near the border", no country named: within policy.border_km of any other country's polygon."""
        found = self.regions.nearest_foreign_country(subject)
        if found is None:
            return unverifiable("no polygon", f"no country's outline is known near {_name(subject)}")
        country, gap = found
        result = self._border_gap(subject, gap, f"the border of {country.name}", stated)
        result.measured["border_of"] = country.name
        return result

    def _border_gap(self, subject: Shape, gap: Length, border: str, stated: dict) -> Result:
        if stated.get("distance") is not None:
            said = Length.of(stated["distance"], stated.get("unit", "km"))
            tolerance = self.policy.distance_tolerance_km(said.km)
            measured = {"distance_km": _km(gap), "distance_mi": _mi(gap), "tolerance_km": round(tolerance, 1)}
            verdict = self._judge(_bounded_error(gap.km, said.km, stated.get("qualifier")), tolerance, measured)
            return Result(verdict, measured, f"{_name(subject)} is {gap} from {border}; the article says "
                                             f"{format_number(stated['distance'])} {UNIT_LABELS.get(stated.get('unit', 'km'))}")
        limit = self.policy.border_km
        measured = {"distance_km": _km(gap), "distance_mi": _mi(gap), "limit_km": limit}
        verdict = self._judge(gap.km, limit, measured)
        return Result(verdict, measured, f"{_name(subject)} is {gap} from {border}; 'near the border' allows up to "
                                         f"{limit:g} km")

    def adjacency(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"the adjacent Donbas region": the subject region touches the anchor's polygon; a town lies
        within policy.adjacent_km of it, or in a division that touches it."""
        if not anchor.is_area:
            return unverifiable("no polygon", f"{_name(anchor)} is resolved to a point, not a region")
        gap = distance_between(subject.geometry, anchor.geometry)
        measured = {"distance_km": _km(gap), "distance_mi": _mi(gap)}
        if subject.is_area:
            if subject.geometry.intersection(anchor.geometry).area > 0.5 * subject.geometry.area:
                return unverifiable("says little", f"{_name(subject)} lies inside {_name(anchor)}, not next to it", **measured)
            verdict = self._judge(gap.km, self.policy.edge_km, measured)
            return Result(verdict, measured, f"{_name(subject)} and {_name(anchor)} are {gap} apart at their closest; "
                                             f"'adjacent' needs them to touch")
        if gap.km == 0:
            return unverifiable("says little", f"{_name(subject)} lies inside {_name(anchor)}, not next to it", **measured)
        division = self.regions.division_of(subject.place)
        division_shape = self.shape(division) if division is not None else None
        if division_shape is not None and division_shape.is_area:
            touching = distance_between(division_shape.geometry, anchor.geometry)
            measured["division"] = division.name
            measured["division_distance_km"] = _km(touching)
            if touching.km <= self.policy.edge_km:
                return Result(CONSISTENT, measured, f"{_name(subject)} is {gap} from {_name(anchor)}, and "
                                                    f"{division.name}, where it lies, borders it")
        limit = self.policy.adjacent_km
        measured["limit_km"] = limit
        verdict = self._judge(gap.km, limit, measured)
        return Result(verdict, measured, f"{_name(subject)} is {gap} from {_name(anchor)}; 'adjacent' allows up to "
                                         f"{limit:g} km")

    # -- containment ------------------------------------------------------------------------

    def containment(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"Izium in Kharkiv province", "Riga, Latvia": the anchor's polygon holds the subject, and
        GeoNames' country and admin codes agree. Within policy.edge_km of the edge the codes decide."""
        codes = self._codes_agree(subject.place, anchor)
        code_text = {True: "GeoNames' admin codes agree", False: "GeoNames' admin codes disagree", None: ""}[codes]
        if not anchor.is_area:
            if codes is None:
                return unverifiable("no polygon", f"{_name(anchor)} has no outline to test against, nor admin codes")
            verdict = CONSISTENT if codes else INCONSISTENT
            return Result(verdict, {"codes_agree": codes}, f"{_name(anchor)} has no polygon; {code_text} that "
                                                           f"{_name(subject)} is {'' if codes else 'not '}in it")
        measured: dict = {"codes_agree": codes}
        if subject.is_area:
            share = subject.geometry.intersection(anchor.geometry).area / subject.geometry.area if subject.geometry.area else 0.0
            measured["share_inside"] = round(share, 3)
            if 0 < share < 0.5:
                return unverifiable("borderline", f"only {share:.0%} of {_name(subject)} lies inside {_name(anchor)}", **measured)
            inside = share >= 0.5
            gap = Length(0.0) if inside else distance_between(subject.geometry, anchor.geometry)
            if not inside:
                measured.update(distance_km=_km(gap), distance_mi=_mi(gap))
        else:
            geometry = subject.geometry if subject.kind != "point" else subject.point
            inside = anchor.geometry.intersects(geometry)
            gap = Length(0.0) if inside else distance_between(geometry, anchor.geometry)
            measured["inside"] = inside
            if not inside:
                measured.update(distance_km=_km(gap), distance_mi=_mi(gap))
        name, where = _name(subject), _name(anchor)
        on_edge = self.policy.edge_km * self.policy.borderline
        if inside and codes is not False:
            return Result(CONSISTENT, measured, f"{name} lies inside {where}{f' ({code_text})' if codes else ''}")
        if inside:
            return unverifiable("sources disagree", f"{name} lies inside the outline of {where}, but {code_text}", **measured)
        if codes and gap.km <= on_edge:
            return Result(CONSISTENT, measured, f"{name} lies {gap} outside the generalized outline of {where}, "
                                                f"but {code_text}")
        if codes:
            return unverifiable("sources disagree", f"{name} lies {gap} outside {where}, but GeoNames' admin codes put it in",
                                **measured)
        if gap.km <= on_edge:
            return unverifiable("borderline", f"{name} lies {gap} outside {where}, on its edge", **measured)
        return Result(INCONSISTENT, measured, f"{name} lies {gap} outside {where}{f' ({code_text})' if code_text else ''}")

    # -- numbers --------------------------------------------------------------------------------

    def population(self, subject: Shape, stated: dict) -> Result:
        """"Kupiansk, a town of about 27,000 people": GeoNames' population within policy.population_fraction.
        Where GeoNames' files disagree (a full dump's current figure, the world file's older one), the
        figure nearest the stated one is measured, and the explanation gives both."""
        figures = self.regions.gazetteer.population_figures(subject.place.geonameid)
        said = stated["population"]
        candidates = [p for p, _ in figures] or [subject.place.population]
        have = min(candidates, key=lambda p: _bounded_error(p, said, stated.get("qualifier")))
        if not have:
            return unverifiable("no data", f"GeoNames gives no population for {_name(subject)}")
        error = _bounded_error(have, said, stated.get("qualifier")) / said
        measured = {"population": have, "off_fraction": round(error, 3)}
        if figures:
            measured["figures"] = {source: population for population, source in figures}
        verdict = self._judge(error, self.policy.population_fraction, measured)
        qualifier = f"{stated['qualifier']} " if stated.get("qualifier") else ""
        given = (" and ".join(f"{p:,} ({Path(source).name})" for p, source in figures) if figures else f"{have:,}")
        return Result(verdict, measured,
                      f"GeoNames gives {_name(subject)} a population of {given}; the article says {qualifier}"
                      f"{format_number(said)}")

    def rank(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"Ukraine's second-largest city": the place's rank by population among the country's
        settlements in the gazetteer, within policy.rank_slack of the stated rank."""
        if not subject.place.population:
            return unverifiable("no data", f"GeoNames gives no population for {_name(subject)}")
        larger = self.regions.gazetteer.settlements_larger_than(anchor.place.country_code, subject.place.population)
        rank = larger + 1
        measured = {"rank": rank, "population": subject.place.population}
        verdict = self._judge(abs(rank - stated["rank"]), self.policy.rank_slack, measured)
        return Result(verdict, measured, f"GeoNames ranks {_name(subject)} number {rank} by population in "
                                         f"{_name(anchor)}; the article says number {stated['rank']}")

    def unit_conversion(self, stated: dict) -> Result:
        """"3,000 square kilometers (1,864 miles)": the conversion holds within policy.conversion_fraction
        or the rounding of the written number. A conversion is arithmetic: there is no borderline.
        When the units measure different things, the second is read as its other kind ("miles" for
        square miles) if that fits; if instead the number converts the value taken as the other kind
        (3,000 km is 1,864 miles), the explanation says so."""
        value, unit, converted, to_unit = stated["value"], stated["unit"], stated["converted"], stated["converted_unit"]
        if kind_of(unit) is None or kind_of(to_unit) is None:
            return unverifiable("unknown unit", f"'{unit}' or '{to_unit}' is not a unit of length, area or speed")
        read_as = to_unit if kind_of(unit) == kind_of(to_unit) else OTHER_KIND.get(to_unit)
        if read_as is None or kind_of(read_as) != kind_of(unit):
            return unverifiable("unknown unit", f"{UNIT_LABELS[unit]} and {UNIT_LABELS[to_unit]} measure different things")
        expected = quantity(value, unit).in_unit(read_as)
        verdict = CONSISTENT if self._converts(expected, converted) else INCONSISTENT
        measured = {"expected": round(expected, 1), "expected_unit": read_as}
        wrote = f"the article says {format_number(converted)} {UNIT_LABELS[to_unit]}"
        if read_as != to_unit and verdict == CONSISTENT:
            wrote += f" (meaning {UNIT_LABELS[read_as]})"
        elif read_as != to_unit and unit in OTHER_KIND:
            other = OTHER_KIND[unit]
            as_other = quantity(value, other).in_unit(to_unit)
            if self._converts(as_other, converted):
                measured["other_kind_reading"] = round(as_other, 1)
                wrote += (f", which is {format_number(value)} {UNIT_LABELS[other]} converted as "
                          f"{'a length' if kind_of(other) == 'length' else 'an area'}")
        said = f"{format_number(value)} {UNIT_LABELS[unit]} is {format_number(expected)} {UNIT_LABELS[read_as]}"
        return Result(verdict, measured, f"{said}; {wrote}")

    def _converts(self, expected: float, written: float) -> bool:
        """Whether ``written`` is ``expected``, allowing policy.conversion_fraction (which covers
        truncation: 24.9 miles written "24") or half the written number's rounding step ("770")."""
        tolerance = max(self.policy.conversion_fraction * expected, rounding_step(str(written)) / 2)
        return abs(written - expected) <= tolerance

    def _codes_agree(self, subject: Place, anchor: Shape) -> bool | None:
        """Whether GeoNames' codes put ``subject`` in ``anchor`` (None when the anchor has no codes to
        compare); a composite region by its parts."""
        parts = [self.regions.gazetteer.place(i) for i in anchor.ids if i != anchor.place.geonameid]
        answers = [codes_hold(subject, region) for region in [anchor.place, *filter(None, parts)]]
        known = [a for a in answers if a is not None]
        return any(known) if known else None


def codes_hold(subject: Place, region: Place) -> bool | None:
    """Whether GeoNames' country and admin codes put ``subject`` in ``region`` (None: the region has no codes to compare)."""
    if region.is_country:
        return subject.country_code == region.country_code
    if region.feature_code == "ADM1":
        return (subject.country_code, subject.admin1_code) == (region.country_code, region.admin1_code)
    if region.feature_code == "ADM2":
        return ((subject.country_code, subject.admin1_code, subject.admin2_code)
                == (region.country_code, region.admin1_code, region.admin2_code))
    return None

