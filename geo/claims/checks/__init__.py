"""Checking claims: one module per kind of claim, each measuring the geometry and judging the wording,
composed into one :class:`Checker`. Which check a claim type (and each of its variants: a position in
a region, a river's bank, a rank) goes to is said in one place, :data:`geo.claims.types.CLAIM_TYPES`.

    result.py       Result (verdict, measured, the sentence saying both), unverifiable(), worst()
    distance.py     distance and direction, a place's position in a region, a river's bank
    nearness.py     near, outskirts, outside, suburbs, on a river or a coast
    border.py       near a border, named or not
    adjacency.py    neighbours
    containment.py  containment, by Natural Earth polygons and GeoNames' admin codes
    numbers.py      populations, ranks, unit conversions

Every check takes the subject's and the anchor's shapes and the :class:`~geo.claims.records.Stated`
record, and returns a :class:`Result`: the verdict (consistent, inconsistent, unverifiable), the
:class:`~geo.claims.records.Measured` record, and one plain sentence saying both, e.g.

    GeoNames puts Zaliznychne 52 km (32 mi) ESE of Kharkiv; the article says 37 miles east: consistent.

Regions are measured by their Natural Earth polygons and rivers by their lines (or, lacking one, by
their GeoNames points); towns by their GeoNames points (see :mod:`geo.claims.regions`). Tolerances
come from a :class:`~geo.claims.policy.Policy`.
"""
from __future__ import annotations

import weakref

from geo.claims.checks.adjacency import AdjacencyChecks
from geo.claims.checks.border import BorderChecks
from geo.claims.checks.containment import ContainmentChecks
from geo.claims.checks.distance import DistanceChecks
from geo.claims.checks.nearness import NearnessChecks
from geo.claims.checks.numbers import NumberChecks
from geo.claims.checks.result import CONSISTENT, INCONSISTENT, REASONS, UNVERIFIABLE, Result, unverifiable, worst
from geo.claims.policy import Policy
from geo.claims.records import BORDERLINE
from geo.claims.regions import Regions, Shape
from geo.gazetteer import Place

__all__ = ["CONSISTENT", "INCONSISTENT", "REASONS", "UNVERIFIABLE", "Checker", "Result", "unverifiable",
           "worst"]


#: The checkers made by Checker.of, by regions and policy.
_CHECKERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class Checker(DistanceChecks, NearnessChecks, BorderChecks, AdjacencyChecks, ContainmentChecks, NumberChecks):
    """Checks claims against one gazetteer's geometry under one policy."""

    def __init__(self, regions: Regions, policy: Policy | None = None):
        self.regions = regions
        self.policy = policy or Policy()
        #: the results given, by claim type, places and stated record (see geo.claims.types.check)
        self.results: dict[tuple, Result] = {}

    @classmethod
    def of(cls, regions: Regions, policy: Policy | None = None) -> Checker:
        """The one checker of ``regions`` under ``policy``: a check's result is a function of the claim
        type, the places and the stated record, so what it keeps serves every later article (a place
        pair many articles name is measured once)."""
        policy = policy or Policy()
        checkers = _CHECKERS.setdefault(regions, {})
        if policy not in checkers:
            checkers[policy] = cls(regions, policy)
        return checkers[policy]

    def shape(self, place: Place) -> Shape:
        return self.regions.shape(place)

    def _judge(self, error: float, tolerance: float) -> tuple[str, str | None]:
        """The verdict for a miss of ``error`` against ``tolerance``, and its margin: BORDERLINE for a miss
        within policy.borderline times the tolerance (the measured record keeps it), else None."""
        verdict = self.policy.judge(error, tolerance)
        return verdict, BORDERLINE if verdict == INCONSISTENT and self.policy.is_borderline(error, tolerance) else None
