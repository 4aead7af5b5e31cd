"""What a check returns: a verdict, what was measured, and the sentence that says it.

>>> unverifiable("no data", "GeoNames gives no population for X").explanation
'GeoNames gives no population for X: unverifiable (no data).'
>>> worst(["consistent", "unverifiable"]), worst(["consistent", "inconsistent"])
('unverifiable', 'inconsistent')
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from geo.claims.records import BORDERLINE, Measured, Switch
from geo.claims.regions import Shape
from geo.claims.units import Length

CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"
# Qualifiers that make a stated number a bound rather than an estimate.
_AT_LEAST = {"more than", "over", "at least", "well over", "well above"}
_AT_MOST = {"less than", "fewer than", "under", "up to", "well under", "well below"}


@dataclass(frozen=True)
class Result:
    """A check's record: the verdict, what was measured, and the parts of the plain sentence saying it.
    The explanation is composed from these fields, never edited afterwards: ``said`` states the
    measurement against the article's words; ``caveat`` says why a miss that was measured is not
    called inconsistent; the verdict, and the reason or the margin, end it; a claim read as its
    sentence's subject's says so (``read_as``), and one that re-resolved its places says so last (``switches``).

    >>> Result("consistent", said="Bucha is 25 km from Kyiv; 'near' allows up to 50 km").explanation
    "Bucha is 25 km from Kyiv; 'near' allows up to 50 km: consistent."
    >>> Result("unverifiable", None, "X is 900 km from Y", "'X' was matched by spelling", "resolution uncertain").explanation
    "X is 900 km from Y; but 'X' was matched by spelling: unverifiable (resolution uncertain)."
    """

    verdict: str
    measured: Measured | None = None
    said: str = ""
    caveat: str | None = None
    reason: str | None = None            #: why it is unverifiable, one of REASONS
    switches: tuple[Switch, ...] = ()    #: the mentions the claim re-resolved
    read_as: str | None = None           #: how the claim came to be read as its sentence's subject's, when it was

    @property
    def margin(self) -> str | None:
        return self.measured.to_dict().get("margin") if self.measured is not None else None

    @property
    def explanation(self) -> str:
        caveat = f"; but {self.caveat}" if self.caveat else ""
        if self.verdict == UNVERIFIABLE and self.reason:
            sentence = f"{self.said}{caveat}: {self.verdict} ({self.reason})."
        elif self.verdict == INCONSISTENT and self.margin == BORDERLINE:
            sentence = f"{self.said}{caveat}: {self.verdict} (just past the tolerance)."
        else:
            sentence = f"{self.said}{caveat}: {self.verdict}."
        if self.read_as:
            sentence += f" Read as {self.read_as}."
        if self.switches:
            sentence += " The claim resolved " + " and ".join(s.sentence for s in self.switches) + "."
        return sentence

    def measured_dict(self) -> dict:
        """What the claim's JSON holds as ``measured``: the record's fields, then the reason and the switches."""
        out = self.measured.to_dict() if self.measured is not None else {}
        if self.reason is not None:
            out["reason"] = self.reason
        if self.read_as:
            out["read_otherwise"] = self.read_as
        if self.switches:
            out["resolved_by_claim"] = [s.to_dict() for s in self.switches]
        return out

    def doubted(self, reason: str, caveat: str) -> Result:
        """This measured result, not called inconsistent because of ``caveat``: unverifiable (``reason``)."""
        return replace(self, verdict=UNVERIFIABLE, reason=reason, caveat=caveat)


#: Why a claim is unverifiable, as ``measured["reason"]`` gives it.
REASONS = ("vague wording", "anchor unresolved", "subject unresolved", "no polygon", "no data", "too close",
           "says little", "borderline", "sources disagree", "unknown unit", "resolution uncertain", "inferred place",
           "travel time", "road distance")


def unverifiable(reason: str, detail: str, measured: Measured | None = None) -> Result:
    """An unverifiable result: ``reason`` one of :data:`REASONS`, ``detail`` a plain clause about this claim,
    ``measured`` what was measured before it proved unverifiable."""
    return Result(UNVERIFIABLE, measured, f"{detail[:1].upper()}{detail[1:]}", reason=reason)


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
