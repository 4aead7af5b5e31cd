"""The typed record of a claim: what the article stated, and what the geometry measured.

A finder makes one :class:`Stated` record per claim; a check makes one :class:`Measured` record per
measurement. Records are frozen: a later step that knows more (the border a claim was measured to,
the margin of a miss) makes a new record with :func:`dataclasses.replace`, it never edits one.

Each record serialises (``to_dict``) to the ``stated`` or ``measured`` object of a claim's JSON: its
fields in the order they are declared, a field left at None absent (a field declared ``always``
is written even when None: containment's ``codes_agree`` is null when GeoNames has no codes), and a
field may be written under another key (two judgements of one distance-and-bearing claim may each
be ``margin``; the first set is the one written).

>>> DistanceStated(37, "mi", direction="E").to_dict()
{'distance': 37, 'unit': 'mi', 'direction': 'E'}
>>> ContainmentStated((("region", "Kharkiv Oblast"), ("country", "Ukraine"))).to_dict()
{'region': 'Kharkiv Oblast', 'country': 'Ukraine'}
>>> DistanceBearing(52.1, 32.4, tolerance_km=14.9, bearing_deg=101.2, compass="ESE", bearing_off_deg=11.2).to_dict()
{'distance_km': 52.1, 'distance_mi': 32.4, 'tolerance_km': 14.9, 'bearing_deg': 101.2, 'compass': 'ESE', 'bearing_off_deg': 11.2}
>>> ContainmentMeasured(None).to_dict()
{'codes_agree': None}
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

#: The margin of a miss past the tolerance but within Policy.borderline times it (still inconsistent).
BORDERLINE = "borderline"


def _key(name: str) -> dict:
    """Field metadata: serialise the field under ``name``."""
    return {"key": name}


_ALWAYS = {"always": True}


class Record:
    """A frozen record that serialises to the dict a claim's JSON holds (see the module docstring)."""

    def to_dict(self) -> dict:
        out: dict = {}
        for f in fields(self):
            value = getattr(self, f.name)
            key = f.metadata.get("key", f.name)
            if (value is not None or f.metadata.get("always")) and key not in out:
                out[key] = dict(value) if isinstance(value, dict) else value     # each claim its own copy
        return out


# -- what was stated -------------------------------------------------------------------------------


class Stated(Record):
    """What an article states, as a finder read it."""


@dataclass(frozen=True)
class DistanceStated(Stated):
    """"37 miles east of", "about 20-30 km from": a distance, or a range, perhaps a direction."""

    distance: float               #: the number written (the low end of a range)
    unit: str = "km"              #: its unit's code (units.UNIT_LABELS)
    distance_to: float | None = None  #: the high end of a range ("20-30 km")
    qualifier: str | None = None  #: "about", "more than" (a bound: checks.result.bounded_error)
    direction: str | None = None  #: the compass point's code ("E", "SSW")


@dataclass(frozen=True)
class TravelTimeStated(Stated):
    """"an hour's drive from": a travel time, which is not a distance (never measured)."""

    duration: str


@dataclass(frozen=True)
class DirectionStated(Stated):
    """"north of Cairo", "farther north": a compass point from the anchor."""

    direction: str
    relative: str | None = None   #: "farther": a direction relative to the place said before


#: The stated "direction" of a place in the middle of a region ("in central Gaza").
CENTRE = "C"


@dataclass(frozen=True)
class PositionStated(Stated):
    """"the southern city of X", "X in northern Y", "X in central Y": a compass point (or CENTRE) within a region."""

    direction: str
    within: str                   #: the region's words, or "its country" when it is implied


@dataclass(frozen=True)
class BankStated(Stated):
    """"on the west bank of the Dnipro": a side of a river."""

    direction: str
    relation: str = field(default="bank", init=False)


@dataclass(frozen=True)
class RelationStated(Stated):
    """"near", "nearby", "a few miles from", "on the outskirts of", "outside", "suburb": a relation
    with no number in it, measured against the policy's limit for it."""

    relation: str


@dataclass(frozen=True)
class OnWaterStated(Stated):
    """"on the Oskil River", "on the Black Sea coast"."""

    relation: str                 #: "on the river" or "on the coast"


@dataclass(frozen=True)
class BorderStated(Stated):
    """"near the border with Y", "4 km from the border", "the border region"."""

    relation: str                 #: "near the border", "within the border", "across the border", ...
    distance: float | None = None
    unit: str | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class AdjacencyStated(Stated):
    """"the neighbouring Y", "Y's western neighbour", "X, which borders Y"."""

    relation: str                 #: "neighbouring", "neighbour", "shared border", "border", ...
    direction: str | None = None  #: "Y's western neighbour"


@dataclass(frozen=True)
class ContainmentStated(Stated):
    """"Izium in Kharkiv province, Ukraine": the containers named, as ("region" or "country", the
    words), in text order; one key each (a second region replaces the first's words, in its place)."""

    containers: tuple[tuple[str, str], ...]
    capital: bool = False    #: said to be the container's capital ("Quetta, the provincial capital")
    #: ...where the kind word may name a second level ("the provincial capital" in Spain): any seat will do
    any_seat: bool = False

    def to_dict(self) -> dict:
        return {**dict(self.containers), **({"capital": True} if self.capital else {})}


@dataclass(frozen=True)
class PopulationStated(Stated):
    """"a town of about 27,000 people"."""

    population: float
    qualifier: str | None = None


@dataclass(frozen=True)
class RankStated(Stated):
    """"Ukraine's second-largest city": a rank by population in the anchor (1 for "largest")."""

    rank: int


@dataclass(frozen=True)
class ConversionStated(Stated):
    """"40 km (25 miles)": a value and its conversion as written."""

    value: float
    unit: str
    converted: float
    converted_unit: str


# -- what was measured -----------------------------------------------------------------------------
# Distances are rounded to 0.1 km or mi and angles to 0.1 degree when the record is made.


class Measured(Record):
    """What a check measured."""


@dataclass(frozen=True)
class DistanceBearing(Measured):
    """The line from an anchor's point to a subject's (or a river's nearest point to a place): a
    distance_direction, direction or bank claim."""

    distance_km: float | None = None
    distance_mi: float | None = None
    #: BORDERLINE when the distance missed by little
    distance_margin: str | None = field(default=None, metadata=_key("margin"))
    tolerance_km: float | None = None    #: how far the stated distance may be off
    bearing_deg: float | None = None     #: the initial bearing, degrees from north
    compass: str | None = None           #: the bearing's 16-point compass code
    bearing_off_deg: float | None = None  #: how far the bearing is from the stated direction
    #: BORDERLINE when the bearing missed by little (written as ``margin`` unless the distance's is)
    bearing_margin: str | None = field(default=None, metadata=_key("margin"))
    #: a region said to lie in a direction: part of it does, and its point nearly does
    part_in_direction: bool | None = None


@dataclass(frozen=True)
class PositionMeasured(Measured):
    """A place's position within a region: from the centre of the region's largest part."""

    distance_from_centre_km: float
    region_radius_km: float              #: the radius of a disc of the region's area
    bearing_deg: float | None = None
    compass: str | None = None
    bearing_off_deg: float | None = None
    margin: str | None = None


@dataclass(frozen=True)
class NearnessMeasured(Measured):
    """Near, on the outskirts, outside, a suburb, on a river or a coast: a gap against a limit."""

    inside: bool | None = None           #: outskirts of a region: whether the subject lies in it
    distance_km: float | None = None
    distance_mi: float | None = None
    edge_distance_km: float | None = None  #: between built-up areas, or to the region's edge
    edge_distance_mi: float | None = None
    limit_km: float | None = None
    margin: str | None = None


@dataclass(frozen=True)
class BorderMeasured(Measured):
    """The gap to a border, against a stated distance or the policy's limit."""

    distance_km: float
    distance_mi: float
    tolerance_km: float | None = None    #: when a distance was stated
    limit_km: float | None = None        #: when none was
    margin: str | None = None
    border_of: str | None = None         #: the country whose border, when the article named none


@dataclass(frozen=True)
class AdjacencyMeasured(Measured):
    """The gap between neighbours, or between a town's division and the neighbour."""

    distance_km: float
    distance_mi: float
    division: str | None = None          #: the division a town lies in
    division_distance_km: float | None = None
    limit_km: float | None = None
    margin: str | None = None
    bearing_deg: float | None = None     #: from the anchor's centre, where the neighbour's side is stated
    compass: str | None = None
    bearing_off_deg: float | None = None
    bearing_margin: str | None = None


@dataclass(frozen=True)
class ContainmentMeasured(Measured):
    """Whether a polygon holds the subject, and whether GeoNames' codes agree."""

    codes_agree: bool | None = field(default=None, metadata=_ALWAYS)  #: None: no codes to compare
    share_inside: float | None = None    #: a region: the share of its area inside
    inside: bool | None = None           #: a place: whether it lies inside
    distance_km: float | None = None     #: how far outside
    distance_mi: float | None = None


@dataclass(frozen=True)
class PopulationMeasured(Measured):
    """GeoNames' population nearest the stated one, and every figure its files give."""

    population: int
    off_fraction: float
    figures: dict | None = None          #: {source file: population}, when GeoNames' files give figures
    margin: str | None = None


@dataclass(frozen=True)
class RankMeasured(Measured):
    """A place's rank by population among its country's settlements."""

    rank: int
    population: int
    margin: str | None = None


@dataclass(frozen=True)
class ConversionMeasured(Measured):
    """The stated value converted to the unit the conversion was read in."""

    expected: float
    expected_unit: str
    #: the stated number converts the value taken as the unit's other kind (km as km²)
    other_kind_reading: float | None = None


@dataclass(frozen=True)
class Parts(Measured):
    """A claim measured in parts (two places, or a place in a region and a country): each part's result."""

    parts: tuple  #: the parts' checks.Result records

    def to_dict(self) -> dict:
        return {"parts": [part.measured_dict() for part in self.parts]}


@dataclass(frozen=True)
class Switch(Record):
    """A mention a claim re-resolved: from the place the context chose to one that satisfies the claim."""

    text: str
    from_id: int = field(metadata=_key("from"))
    from_name: str
    to: int
    to_name: str
    mentions: int                        #: how many mentions of the name were switched

    @property
    def sentence(self) -> str:
        return f"'{self.text}' to {self.to_name} ({self.to}), not {self.from_name} ({self.from_id})"
