"""Nearness: "Bucha, near Kyiv", "on the outskirts of", "a Houston suburb", "on the Oskil River", "on
the Black Sea coast".
"""
from __future__ import annotations

from dataclasses import replace

from geo.claims.geodesy import distance_between, outline
from geo.claims.checks.result import (CONSISTENT, Result, rounded_km, rounded_mi, name_of, water_point, unverifiable)
from geo.claims.records import NearnessMeasured, OnWaterStated, RelationStated
from geo.claims.regions import Shape, is_lake
from geo.claims.units import Length


class NearnessChecks:
    """Nearness: "Bucha, near Kyiv", "on the outskirts of", "a Houston suburb", "on the Oskil River", "on (a part of :class:`geo.claims.checks.Checker`)."""

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

    def near(self, subject: Shape, anchor: Shape, stated: RelationStated) -> Result:
        """"Bucha, near Kyiv": within policy.near_km of a town's built-up area, policy.near_region_km
        of a region's edge. A sea or a lake known only by a point has no edge to measure to."""
        water = water_point(subject) or water_point(anchor)
        if water is not None:
            return unverifiable("no polygon", f"{name_of(water)} is known only by a point in its middle, not its shores")
        if anchor.is_area:
            gap = distance_between(subject.geometry, anchor.geometry)
            limit = self.policy.near_region_km
            measured = NearnessMeasured(distance_km=rounded_km(gap), distance_mi=rounded_mi(gap), limit_km=limit)
            if gap.km == 0:
                relation = "lies in" if subject.kind == "point" else "touches or overlaps"
                return Result(CONSISTENT, measured, f"{name_of(subject)} {relation} {name_of(anchor)}; the article says near it")
            verdict, margin = self._judge(gap.km, limit)
            return Result(verdict, replace(measured, margin=margin),
                          f"{name_of(subject)} is {gap} from the edge of {name_of(anchor)}; 'near' allows "
                          f"up to {limit:g} km")
        gap, edges, said = self._town_gap(subject, anchor)
        limit = self.policy.near_km
        if subject.is_area and gap.km == 0:
            return Result(CONSISTENT, NearnessMeasured(distance_km=0.0, distance_mi=0.0, limit_km=limit),
                          f"{name_of(anchor)} lies in {name_of(subject)}; the article says near it")
        verdict, margin = self._judge(edges.km, limit)
        measured = NearnessMeasured(distance_km=rounded_km(gap), distance_mi=rounded_mi(gap), edge_distance_km=rounded_km(edges),
                                    limit_km=limit, margin=margin)
        return Result(verdict, measured, f"{name_of(subject)} is {gap} from {name_of(anchor)}{said}; 'near' allows up to "
                                         f"{limit:g} km")

    def proximity(self, subject: Shape, anchor: Shape, stated: RelationStated) -> Result:
        """"the Oskil river on the outskirts of the Kherson region": inside the region within
        policy.outskirts_inside_km of its edge, or outside within policy.outskirts_outside_km; of a
        town, within policy.outskirts_town_km."""
        who = name_of(subject) + ("" if subject.kind == "point" else f" (by {subject.source})")
        if not anchor.is_area:
            gap, edges, said = self._town_gap(subject, anchor)
            relation = stated.relation
            limit = self.policy.outskirts_town_km if relation == "outskirts" else self.policy.suburb_km
            verdict, margin = self._judge(edges.km, limit)
            measured = NearnessMeasured(distance_km=rounded_km(gap), distance_mi=rounded_mi(gap),
                                        edge_distance_km=rounded_km(edges), limit_km=limit, margin=margin)
            words = "on the outskirts" if relation == "outskirts" else relation
            return Result(verdict, measured,
                          f"{who} is {gap} from {name_of(anchor)}{said}; '{words}' allows up to {limit:g} km")
        inside = subject.geometry.intersection(anchor.geometry)
        if not inside.is_empty:
            edge = distance_between(inside, outline(anchor.geometry))
            limit = self.policy.outskirts_inside_km
            verdict, margin = self._judge(edge.km, limit)
            measured = NearnessMeasured(inside=True, edge_distance_km=rounded_km(edge), edge_distance_mi=rounded_mi(edge),
                                        limit_km=limit, margin=margin)
            return Result(verdict, measured,
                          f"{who} lies inside {name_of(anchor)}, {edge} from its edge; 'on the outskirts' allows up to "
                          f"{limit:g} km")
        gap = distance_between(subject.geometry, anchor.geometry)
        limit = self.policy.outskirts_outside_km
        verdict, margin = self._judge(gap.km, limit)
        measured = NearnessMeasured(inside=False, distance_km=rounded_km(gap), distance_mi=rounded_mi(gap), limit_km=limit,
                                    margin=margin)
        return Result(verdict, measured,
                      f"{who} lies {gap} outside {name_of(anchor)}; 'on the outskirts' allows at most {limit:g} km "
                      f"outside it")

    def on_water(self, subject: Shape, water: Shape, stated: OnWaterStated) -> Result:
        """"on the Oskil River": within policy.on_river_km of the river's line (or points), from the
        edge of a town's built-up area; "on the Black Sea coast": within policy.on_coast_km of the
        coastline (the edge of the land in Natural Earth's country polygons)."""
        relation = stated.relation
        radius = self.policy.town_radius_km(subject.place.population) if subject.is_settlement else 0.0
        if relation == "on the river" or is_lake(water.place):
            # a lake's shore is its own, not the sea's coastline; a lake or a river known by one point (its
            # middle, its mouth) is checked against that point: near it the claim holds, far from it, the
            # water may still pass the place
            if water.kind == "point" and not is_lake(water.place):
                return unverifiable("no polygon", f"{name_of(water)} is known only by one point, not its course")
            gap = distance_between(subject.point, water.geometry)
            limit = self.policy.on_river_km if relation == "on the river" else self.policy.on_coast_km
            what = f"{name_of(water)} ({water.source})"
            if water.one_point and gap.km - radius > limit:
                shores = "its shores" if is_lake(water.place) else "its course"
                return unverifiable("no polygon", f"{name_of(subject)} is {gap} from {what}; a water known only by "
                                                  f"one point does not tell {shores}")
        else:
            coast = self.regions.coast_distance(subject.point, self.policy.offshore_km)
            if coast is None:
                return unverifiable("no polygon", f"no coastline is known near {name_of(subject)}")
            gap, limit, what = coast, self.policy.on_coast_km, "the coastline"
        edge = Length(max(0.0, gap.km - radius))
        verdict, margin = self._judge(edge.km, limit)
        measured = NearnessMeasured(distance_km=rounded_km(gap), distance_mi=rounded_mi(gap), edge_distance_km=rounded_km(edge),
                                    limit_km=limit, margin=margin)
        return Result(verdict, measured, f"{name_of(subject)} is {gap} from {what}; '{relation}' allows up to {limit:g} km")
