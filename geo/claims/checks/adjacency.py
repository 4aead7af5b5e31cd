"""Neighbours: "the adjacent Donbas region", "neighbouring Belarus", "X, which borders Y".
"""
from __future__ import annotations

from dataclasses import replace

from geo.claims.geodesy import COMPASS_WORDS, angle_difference, bearing, compass, direction_bearing, distance_between
from geo.claims.checks.result import CONSISTENT, INCONSISTENT, Result, rounded_km, rounded_mi, name_of, unverifiable
from geo.claims.records import AdjacencyMeasured, AdjacencyStated
from geo.claims.regions import Shape


class AdjacencyChecks:
    """Neighbours: "the adjacent Donbas region", "neighbouring Belarus", "X, which borders Y". (a part of :class:`geo.claims.checks.Checker`)."""

    def adjacency(self, subject: Shape, anchor: Shape, stated: AdjacencyStated) -> Result:
        """"the adjacent Donbas region": the subject region touches the anchor's polygon; a town lies
        within policy.adjacent_km of it, or in a division that touches it; a town neighbouring a town
        ("Sharjah, which neighbours Dubai") within policy.adjacent_km of its point. A side stated too
        must hold as a position does: the bearing from the anchor's centre to the subject ("Ethiopia's
        neighbour to the west"), or from the subject's to the anchor where the side is the subject's
        ("Chad, which shares its eastern border with Sudan"), within policy.position_degrees of it."""
        result = self._touching(subject, anchor, stated)
        own_side = stated.relation in ("border", "neighbours")    # "X, which shares its eastern border with Y"
        origin, target = (subject, anchor) if own_side else (anchor, subject)
        if stated.direction is None or result.verdict != CONSISTENT or not origin.is_area:
            return result
        centre, _ = origin.centre_and_radius_km
        azimuth = bearing(centre, target.geometry.centroid if target.is_area else target.point)
        off = angle_difference(azimuth, direction_bearing(stated.direction))
        verdict, margin = self._judge(off, self.policy.position_degrees)
        measured = replace(result.measured, bearing_deg=round(azimuth, 1), compass=compass(azimuth),
                           bearing_off_deg=round(off, 1), bearing_margin=margin)
        side = f"{result.said}; {name_of(target)} lies {compass(azimuth)} of the centre of {name_of(origin)}, the article " \
               f"says to the {COMPASS_WORDS[stated.direction]}"
        return Result(verdict if verdict == INCONSISTENT else CONSISTENT, measured, side)

    def _touching(self, subject: Shape, anchor: Shape, stated: AdjacencyStated) -> Result:
        if not anchor.is_area and (stated.relation != "neighbours" or subject.is_area
                                   or subject.place.feature_class != "P" or anchor.place.feature_class != "P"):
            # (a town is said to neighbour a town only with the verb: "neighbouring Donetsk" after a
            # town may be the region the city stands for)
            return unverifiable("no polygon", f"{name_of(anchor)} is resolved to a point, not a region")
        gap = distance_between(subject.geometry, anchor.geometry)
        measured = AdjacencyMeasured(rounded_km(gap), rounded_mi(gap))
        if not anchor.is_area:
            limit = self.policy.adjacent_km
            verdict, margin = self._judge(gap.km, limit)
            return Result(verdict, replace(measured, limit_km=limit, margin=margin),
                          f"{name_of(subject)} is {gap} from {name_of(anchor)}; neighbouring towns lie within {limit:g} km")
        if subject.is_area:
            if subject.geometry.intersection(anchor.geometry).area > 0.5 * subject.geometry.area:
                return unverifiable("says little", f"{name_of(subject)} lies inside {name_of(anchor)}, not next to it", measured)
            verdict, margin = self._judge(gap.km, self.policy.edge_km)
            return Result(verdict, replace(measured, margin=margin),
                          f"{name_of(subject)} and {name_of(anchor)} are {gap} apart at their closest; "
                          f"'adjacent' needs them to touch")
        if gap.km == 0:
            return unverifiable("says little", f"{name_of(subject)} lies inside {name_of(anchor)}, not next to it", measured)
        division = self.regions.division_of(subject.place)
        division_shape = self.shape(division) if division is not None else None
        if division_shape is not None and division_shape.is_area:
            touching = distance_between(division_shape.geometry, anchor.geometry)
            measured = replace(measured, division=division.name, division_distance_km=rounded_km(touching))
            if touching.km <= self.policy.edge_km:
                return Result(CONSISTENT, measured, f"{name_of(subject)} is {gap} from {name_of(anchor)}, and "
                                                    f"{division.name}, where it lies, borders it")
        limit = self.policy.adjacent_km
        verdict, margin = self._judge(gap.km, limit)
        return Result(verdict, replace(measured, limit_km=limit, margin=margin),
                      f"{name_of(subject)} is {gap} from {name_of(anchor)}; 'adjacent' allows up to "
                      f"{limit:g} km")
