"""Checking claims: one module per kind of claim, each measuring the geometry and judging the wording,
composed into one :class:`Checker`, whose :meth:`Checker.check` is the one place a claim type (and
its variants: a position in a region, a river's bank, a rank) is routed to its check.

    result.py       Result (verdict, measured, the sentence saying both), unverifiable(), worst()
    distance.py     distance and direction, a place's position in a region, a river's bank
    nearness.py     near, outskirts, outside, suburbs, on a river or a coast
    border.py       near a border, named or not
    adjacency.py    neighbours
    containment.py  containment, by Natural Earth polygons and GeoNames' admin codes
    numbers.py      populations, ranks, unit conversions

Every check returns a :class:`Result`: the verdict (consistent, inconsistent, unverifiable), what was
measured, and one plain sentence saying both, e.g.

    GeoNames puts Zaliznychne 52 km (32 mi) ESE of Kharkiv; the article says 37 miles east: consistent.

Regions are measured by their Natural Earth polygons and rivers by their lines (or, lacking one, by
their GeoNames points); towns by their GeoNames points (see :mod:`geo.claims.regions`). Tolerances
come from a :class:`~geo.claims.policy.Policy`.
"""
from __future__ import annotations

from geo.claims.checks.adjacency import AdjacencyChecks
from geo.claims.checks.border import BorderChecks
from geo.claims.checks.containment import ContainmentChecks
from geo.claims.checks.distance import DistanceChecks
from geo.claims.checks.nearness import NearnessChecks
from geo.claims.checks.numbers import NumberChecks
from geo.claims.checks.result import CONSISTENT, INCONSISTENT, REASONS, UNVERIFIABLE, Result, unverifiable, worst
from geo.claims.policy import Policy
from geo.claims.regions import Regions, Shape
from geo.gazetteer import Place

__all__ = ["CONSISTENT", "INCONSISTENT", "REASONS", "UNVERIFIABLE", "Checker", "Result", "unverifiable",
           "worst"]


class Checker(DistanceChecks, NearnessChecks, BorderChecks, AdjacencyChecks, ContainmentChecks, NumberChecks):
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

    def check(self, claim_type: str, subject: Shape, anchor: Shape | None, stated: dict) -> Result:
        """The one routing of a claim to its check: by type, and by what was stated (a position in a
        region, a river's bank, a rank, a border with no country named)."""
        if claim_type == "population":
            return self.rank(subject, anchor, stated) if "rank" in stated else self.population(subject, stated)
        if claim_type == "border_proximity" and anchor is None:
            return self.border_any(subject, stated)
        if claim_type == "direction" and stated.get("relation") == "bank":
            return self.bank(subject, anchor, stated)
        if claim_type == "direction" and "within" in stated:
            return self.position(subject, anchor, stated)
        return _CHECKS[claim_type](self, subject, anchor, stated)


#: Each claim type's check (variants are routed in Checker.check).
_CHECKS = {
    "distance_direction": Checker.distance_direction, "direction": Checker.direction, "near": Checker.near,
    "proximity": Checker.proximity, "containment": Checker.containment, "border_proximity": Checker.border_proximity,
    "adjacency": Checker.adjacency,
}
