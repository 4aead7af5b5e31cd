"""Distances and directions: "37 miles east of Kharkiv", "north of Cairo", "the southern city of X",
"the west bank of the Dnipro".
"""
from __future__ import annotations

from dataclasses import replace

from shapely import Point

from geo.claims.geodesy import (COMPASS_WORDS, angle_difference, bearing, compass, direction_bearing, distance,
                                distance_between, largest_part, nearest)
from geo.claims.checks.result import (CONSISTENT, INCONSISTENT, UNVERIFIABLE, Result, bounded_error, name_of, range_error,
                                     rounded_km, rounded_mi, unverifiable, water_point, worst)
from geo.claims.records import (CENTRE, BankStated, DirectionStated, DistanceBearing, DistanceStated, PositionMeasured,
                                PositionStated)
from geo.claims.regions import Shape
from geo.claims.units import UNIT_LABELS, Length, format_number


class DistanceChecks:
    """Distances and directions: "37 miles east of Kharkiv", "north of Cairo", "the southern city of X", (a part of :class:`geo.claims.checks.Checker`)."""

    def distance_direction(self, subject: Shape, anchor: Shape, stated: DistanceStated) -> Result:
        water = water_point(subject) or water_point(anchor)
        if water is not None:
            return unverifiable("no polygon", f"{name_of(water)} is known only by a point in its middle, not its shores")
        return self._distance_direction(subject, anchor, stated)

    def _distance_direction(self, subject: Shape, anchor: Shape, stated: DistanceStated) -> Result:
        """"37 miles east of Kharkiv", "30 km from Izium": the geodesic distance and initial bearing
        from the anchor to the subject, against the stated distance (policy.distance_*) and
        direction (policy.bearing_degrees)."""
        between = self._between(subject, anchor, "distance")
        if isinstance(between, Result):
            return between
        origin, target, measured_length, measured = between
        stated_length = Length.of(stated.distance, stated.unit)
        tolerance = self.policy.distance_tolerance_km(stated_length.km)
        stated_to = Length.of(stated.distance_to, stated.unit) if stated.distance_to else None
        error = (range_error(measured_length.km, stated_length.km, stated_to.km) if stated_to is not None
                 else bounded_error(measured_length.km, stated_length.km, stated.qualifier))
        if stated_to is not None:
            tolerance = self.policy.distance_tolerance_km((stated_length.km + stated_to.km) / 2)
        verdict, margin = self._judge(error, tolerance)
        by_road = (verdict == INCONSISTENT and measured_length.km >= self.policy.road_min_km
                   and measured_length.km < stated_length.km <= self.policy.road_detour * measured_length.km)
        if by_road:
            verdict = UNVERIFIABLE   # longer than the straight line, as a road's length is: no evidence either way
        verdicts = [verdict]
        measured = replace(measured, distance_margin=margin, tolerance_km=round(tolerance, 1))
        unit = UNIT_LABELS.get(stated.unit, stated.unit)
        said = f"{format_number(stated.distance)} {unit}"
        if stated_to is not None:
            said = f"{format_number(stated.distance)}-{format_number(stated.distance_to)} {unit}"
        if stated.qualifier:
            said = f"{stated.qualifier} {said}"
        where = f"{measured_length} from {name_of(anchor)}"
        if stated.direction:
            direction, measured = self._direction(origin, target, measured_length, stated.direction, measured)
            verdicts.append(direction)
            said += f" {COMPASS_WORDS[stated.direction]}"
            if measured.compass is not None:
                where = f"{measured_length} {measured.compass} of {name_of(anchor)}"
        verdict = worst(verdicts)
        via = "" if subject.kind == "point" else f" (by {subject.source})"
        said = f"GeoNames puts {name_of(subject)}{via} {where}; the article says {said}"
        if by_road and verdict == UNVERIFIABLE:
            return Result(verdict, measured, said, f"a distance up to {self.policy.road_detour:g}x the straight line's may be "
                                                   f"by road", "road distance")
        return Result(verdict, measured, said)

    def direction(self, subject: Shape, anchor: Shape, stated: DirectionStated) -> Result:
        """"the city of Kupiansk farther north", "villages southeast of Kharkiv": the bearing from the
        anchor to the subject within policy.bearing_degrees of the stated compass point."""
        if anchor.is_area and not subject.is_area and anchor.geometry.intersects(subject.point):
            return self.position(subject, anchor, stated)         # "Perpignan, south of France": in its south
        region = subject if subject.is_area and not anchor.is_area else None
        if region is not None:
            # "the Artibonite region, north of Port-au-Prince": the region's own (GeoNames) point
            subject = Shape(subject.place, subject.point, "point", "its GeoNames point", subject.ids)
        between = self._between(subject, anchor, "direction")
        if isinstance(between, Result):
            return between
        origin, target, length, measured = between
        verdict, measured = self._direction(origin, target, length, stated.direction, measured)
        if measured.compass is None:
            return unverifiable("too close", f"{name_of(subject)} is only {length} from {name_of(anchor)}, too close for a direction",
                                measured)
        said = COMPASS_WORDS[stated.direction]
        if stated.relative:
            said = f"{stated.relative} {said}"
        result = Result(verdict, measured, f"GeoNames puts {name_of(subject)} {length} {measured.compass} of "
                                           f"{name_of(anchor)}; the article says {said}")
        if verdict == INCONSISTENT and region is not None and self._reaches(region, origin, stated.direction):
            # a region spans several directions: its point off by less than twice the tolerance and part of
            # it in the stated direction, the claim holds; farther off, it says too little to be wrong
            if measured.bearing_off_deg <= 2 * self.policy.bearing_degrees:
                return Result(CONSISTENT, replace(measured, bearing_margin=None, part_in_direction=True),
                              f"{result.said}; part of {name_of(region)} lies {said} of {name_of(anchor)}")
            return result.doubted("says little", f"part of {name_of(region)} lies {said} of {name_of(anchor)}: "
                                                 f"a region spans several directions")
        return result

    def _reaches(self, region: Shape, origin, code: str) -> bool:
        """Whether some of the region's outline lies within policy.bearing_degrees of the compass point
        ``code`` seen from ``origin`` ("the Kursk region lies north of Sumy": its centre is north-east,
        but it reaches due north)."""
        want = direction_bearing(code)
        part = largest_part(region.geometry)
        points = list(getattr(part, "exterior", part).coords)
        step = max(1, len(points) // max(1, int(self.policy.region_bearing_samples)))
        return any(angle_difference(bearing(origin, Point(x, y)), want) <= self.policy.bearing_degrees
                   for x, y in points[::step])

    def _reach(self, region: Shape, centre, azimuth: float) -> float | None:
        """How far (km) the region's outline lies from ``centre`` in the direction ``azimuth`` (the
        farthest of its outline points within policy.centre_reach_degrees of it), else None."""
        part = largest_part(region.geometry)
        points = list(getattr(part, "exterior", part).coords)
        step = max(1, len(points) // max(1, int(self.policy.region_bearing_samples)))
        reaches = [distance(centre, Point(x, y)).km for x, y in points[::step]
                   if angle_difference(bearing(centre, Point(x, y)), azimuth) <= self.policy.centre_reach_degrees]
        return max(reaches) if reaches else None

    def position(self, subject: Shape, anchor: Shape, stated: PositionStated | DirectionStated) -> Result:
        """"the southern city of Shiraz" (in Iran), "Redding, northern California": the bearing from the
        centre of the region (the centroid of its largest part) to the place, within
        policy.bearing_degrees of the stated direction. A place nearer the centre than
        policy.position_central_fraction of the region's radius has no direction in it; a place
        outside the region cannot be placed in it."""
        if not anchor.is_area:
            return unverifiable("no polygon", f"{name_of(anchor)} has no outline to find its "
                                              f"{COMPASS_WORDS.get(stated.direction, 'centre')} in")
        centre, radius = anchor.centre_and_radius_km
        target = subject.geometry.centroid if subject.is_area else subject.point
        if not anchor.geometry.intersects(target) and distance_between(target, anchor.geometry).km > self.policy.edge_km:
            return unverifiable("says little", f"{name_of(subject)} lies outside {name_of(anchor)}, so it has no place in it")
        length = distance(centre, target)
        measured = PositionMeasured(rounded_km(length), round(radius, 1))
        if stated.direction == CENTRE:
            # "X in central Y": near the region's centre, as a share of how far the region reaches that way
            # (a long region, the Gaza Strip, is central along its length farther than across it)
            reach = self._reach(anchor, centre, bearing(centre, target)) or radius
            limit = self.policy.position_centre_fraction * reach
            verdict, margin = self._judge(length.km, limit)
            return Result(verdict, replace(measured, margin=margin),
                          f"{name_of(subject)} lies {length} from the centre of {name_of(anchor)}, which reaches about "
                          f"{reach:,.0f} km that way; the article puts it in the centre, within {limit:,.0f} km")
        if length.km < self.policy.position_central_fraction * radius:
            return unverifiable("too close", f"{name_of(subject)} lies {length} from the centre of {name_of(anchor)}, too "
                                              f"central for a direction in it", measured)
        azimuth = bearing(centre, target)
        off = angle_difference(azimuth, direction_bearing(stated.direction))
        verdict, margin = self._judge(off, self.policy.position_degrees)
        measured = replace(measured, bearing_deg=round(azimuth, 1), compass=compass(azimuth), bearing_off_deg=round(off, 1),
                           margin=margin)
        said = COMPASS_WORDS[stated.direction]
        return Result(verdict, measured, f"{name_of(subject)} lies {length} {measured.compass} of the centre of "
                                         f"{name_of(anchor)}; the article puts it in the {said}")

    def bank(self, subject: Shape, river: Shape, stated: BankStated) -> Result:
        """"Kherson, on the west bank of the Dnipro": the bearing from the river's nearest point to the
        place within policy.bank_degrees of the stated side (90: the half-plane on that side)."""
        if river.kind not in ("line", "points"):
            return unverifiable("no polygon", f"{name_of(river)} has no course to measure a bank from")
        near = nearest(subject.point, river.geometry)
        measured = DistanceBearing(rounded_km(near.distance), rounded_mi(near.distance))
        if near.distance.km < self.policy.bank_min_km:
            return unverifiable("too close", f"{name_of(subject)} lies on {name_of(river)}'s course itself", measured)
        azimuth = bearing(near.point, subject.point)
        off = angle_difference(azimuth, direction_bearing(stated.direction))
        if near.distance.km < self.policy.bank_uncertain_km and off > self.policy.bank_degrees:
            # so near a generalized line (and its bends), the side that misses is no evidence (one that holds is)
            return unverifiable("too close", f"{name_of(subject)} lies {near.distance} from {name_of(river)}'s generalized "
                                              f"line, too near to tell its bank", measured)
        verdict, margin = self._judge(off, self.policy.bank_degrees)
        measured = replace(measured, bearing_deg=round(azimuth, 1), compass=compass(azimuth), bearing_off_deg=round(off, 1),
                           bearing_margin=margin)
        return Result(verdict, measured, f"{name_of(subject)} lies {near.distance} {measured.compass} of the nearest point of "
                                         f"{name_of(river)} ({river.source}); the article puts it on the "
                                         f"{COMPASS_WORDS[stated.direction]} bank")

    def _between(self, subject: Shape, anchor: Shape, what: str):
        """(origin, target, length, its DistanceBearing) of the line a distance or bearing runs along; an
        unverifiable Result when a region stands at either end (it has no single value)."""
        if subject.is_area or anchor.is_area:
            region = subject if subject.is_area else anchor
            return unverifiable("vague wording", f"a {what} to or from a region ({name_of(region)}) has no single value")
        origin, target = self._ends(subject, anchor)
        length = distance(origin, target)
        return origin, target, length, DistanceBearing(rounded_km(length), rounded_mi(length))

    def _ends(self, subject: Shape, anchor: Shape):
        """The two points a distance or bearing runs between: anchor to subject; a river by its nearest point."""
        anchor_point = anchor.point if anchor.kind == "point" else nearest(subject.point, anchor.geometry).point
        subject_point = subject.point if subject.kind == "point" else nearest(anchor_point, subject.geometry).point
        return anchor_point, subject_point

    def _direction(self, origin, target, length: Length, stated_code: str,
                   measured: DistanceBearing) -> tuple[str, DistanceBearing]:
        """The verdict on the bearing from ``origin`` to ``target``, and ``measured`` with the bearing
        (below policy.bearing_min_km a bearing that misses is unchanged and unverifiable: so close, a
        point a kilometre off turns the bearing; one that holds is a hit)."""
        azimuth = bearing(origin, target)
        off = angle_difference(azimuth, direction_bearing(stated_code))
        if length.km < self.policy.bearing_min_km and off > self.policy.bearing_degrees:
            return UNVERIFIABLE, measured
        verdict, margin = self._judge(off, self.policy.bearing_degrees)
        return verdict, replace(measured, bearing_deg=round(azimuth, 1), compass=compass(azimuth),
                                bearing_off_deg=round(off, 1), bearing_margin=margin)
