"""Neighbours: "the adjacent Donbas region", "neighbouring Belarus", "X, which borders Y".
"""
from __future__ import annotations

from dataclasses import replace

from geo.claims.geodesy import distance_between
from geo.claims.checks.result import CONSISTENT, Result, rounded_km, rounded_mi, name_of, unverifiable
from geo.claims.records import AdjacencyMeasured, AdjacencyStated
from geo.claims.regions import Shape


class AdjacencyChecks:
    """Neighbours: "the adjacent Donbas region", "neighbouring Belarus", "X, which borders Y". (a part of :class:`geo.claims.checks.Checker`)."""

    def adjacency(self, subject: Shape, anchor: Shape, stated: AdjacencyStated) -> Result:
        """"the adjacent Donbas region": the subject region touches the anchor's polygon; a town lies
        within policy.adjacent_km of it, or in a division that touches it; a town neighbouring a town
        ("Sharjah, which neighbours Dubai") within policy.adjacent_km of its point."""
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
