"""What a check returns: a verdict, what was measured, and the sentence that says it.

>>> unverifiable("no data", "GeoNames gives no population for X").explanation
'GeoNames gives no population for X: unverifiable (no data).'
>>> worst(["consistent", "unverifiable"]), worst(["consistent", "inconsistent"])
('unverifiable', 'inconsistent')
"""
from __future__ import annotations

from dataclasses import dataclass, field

from geo.claims.regions import Shape
from geo.claims.units import Length

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


def rounded_km(length: Length) -> float:
    return round(length.km, 1)


def rounded_mi(length: Length) -> float:
    return round(length.miles, 1)


def name_of(shape: Shape) -> str:
    return shape.place.name


def water_point(shape: Shape) -> Shape | None:
    """The shape when it is a water body (a sea, a lake) known only by a point, whose shores it does not tell."""
    return shape if shape.kind == "point" and shape.place.kind == "water body" else None


def range_error(measured: float, low: float, high: float) -> float:
    """How far ``measured`` falls outside the stated range [low, high] ("20-30 km")."""
    low, high = min(low, high), max(low, high)
    return max(0.0, low - measured, measured - high)


def bounded_error(measured: float, stated: float, qualifier: str | None) -> float:
    """How far ``measured`` misses ``stated``, a bound when the qualifier makes it one ("more than 3,000")."""
    if qualifier in _AT_LEAST:
        return max(0.0, stated - measured)
    if qualifier in _AT_MOST:
        return max(0.0, measured - stated)
    return abs(measured - stated)
