"""Claims about one place that disagree from one article to another.

Two claims conflict when they are about the same place (their subjects share a GeoNames id) and

- relate it to different places in the same way, and the geometry bears out one but not the other
  (the Oskil "on the outskirts of the Kherson region" in one article, "of the Kharkiv region" in
  another); or put it in two different regions or countries of the same level; or
- state its distance from, or direction to, the same anchor, or its population, differently beyond
  the policy's tolerances.

>>> conflicts([])
[]
"""
from __future__ import annotations

from dataclasses import dataclass
from collections import defaultdict

from geo.claims.geodesy import angle_difference, direction_bearing
from geo.claims.policy import Policy
from geo.claims.units import Length
from geo.document import Claim, Document

_RELATIONS = {"proximity", "containment", "near", "adjacency", "border_proximity"}


@dataclass
class Conflict:
    """Two articles saying incompatible things about one place."""

    type: str
    subject: list            #: PlaceRefs the claims share
    claims: tuple[Claim, Claim]
    explanation: str

    def to_dict(self) -> dict:
        return {"type": self.type, "subject": [{"geonameid": r.geonameid, "name": r.name} for r in self.subject],
                "claims": [c.to_dict() for c in self.claims], "explanation": self.explanation}


def conflicts(documents: list[Document], policy: Policy | None = None) -> list[Conflict]:
    """Every pair of claims, from different articles, that cannot both be right."""
    policy = policy or Policy()
    claims = [c for d in documents for c in d.claims if c.subject]
    # Only claims of one type about one place can disagree: each claim meets those (later ones, in
    # order) through an index, not every other claim of the corpus.
    said_of: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for gid in _ids(c.subject):
            said_of[c.type, gid].append(i)
    found = []
    for i, a in enumerate(claims):
        for b in (claims[j] for j in sorted({j for gid in _ids(a.subject) for j in said_of[a.type, gid] if j > i})):
            if a.article == b.article:
                continue
            why = _disagreement(a, b, policy)
            if why:
                shared = [r for r in a.subject if r.geonameid in {s.geonameid for s in b.subject}]
                found.append(Conflict(a.type, shared, (a, b), f"{_place_names(shared)}: {why}"))
    return found


def _ids(refs) -> set[int]:
    return {r.geonameid for r in refs}


def _place_names(refs) -> str:
    return refs[0].name


def _disagreement(a: Claim, b: Claim, policy: Policy) -> str | None:
    if a.type in _RELATIONS:
        if _ids(a.anchor) & _ids(b.anchor) or not a.anchor or not b.anchor:
            return None
        verdicts = {a.verdict, b.verdict}
        if verdicts == {"consistent", "inconsistent"}:
            right = a if a.verdict == "consistent" else b
            return f"{_said(a, b)}; the geometry supports {right.article}."
        if a.type == "containment" and verdicts != {"consistent"} and _same_level(a, b):
            return f"{_said(a, b)}; it cannot lie in both."
        return None
    if _ids(a.anchor) != _ids(b.anchor):
        return None
    if a.type == "population":
        x, y = a.stated.get("population"), b.stated.get("population")
        if x and y and abs(x - y) > policy.population_fraction * max(x, y):
            return f"{_said(a, b)}; the figures differ by more than {policy.population_fraction:.0%}."
    if a.type in ("distance_direction", "direction"):
        if "distance" in a.stated and "distance" in b.stated:
            x = Length.of(a.stated["distance"], a.stated.get("unit", "km")).km
            y = Length.of(b.stated["distance"], b.stated.get("unit", "km")).km
            if abs(x - y) > policy.distance_tolerance_km(max(x, y)):
                return f"{_said(a, b)}; the distances differ by {abs(x - y):,.0f} km."
        if "direction" in a.stated and "direction" in b.stated:
            off = angle_difference(direction_bearing(a.stated["direction"]), direction_bearing(b.stated["direction"]))
            if off > 2 * policy.bearing_degrees:
                return f"{_said(a, b)}; the directions differ by {off:.0f} degrees."
    return None


def _said(a: Claim, b: Claim) -> str:
    """What the two articles say, and the verdicts on it."""
    return f"{a.article} says '{a.quote}' ({a.verdict}), {b.article} says '{b.quote}' ({b.verdict})"


def _same_level(a: Claim, b: Claim) -> bool:
    """Whether both claims name their anchor with the same key ("region" or "country")."""
    return set(a.stated) == set(b.stated)
