"""Every claim type in one table: its stated and measured records, the finders that find it, and the
check each of its stated variants goes to.

A claim type is one row of :data:`CLAIM_TYPES`. The finders are modules of :mod:`geo.claims.finding`
(one per family of wordings, run in the order :data:`geo.claims.finding.FINDERS` gives, since a later
one looks at what earlier ones found); the checks are methods of :class:`geo.claims.checks.Checker`
(grouped by the kind of measurement: one module of :mod:`geo.claims.checks` measures distances and
bearings for three claim types). Wordings and measurements do not map one to one onto claim types
("37 miles east of" and "a few miles from" are found together; a river's bank is measured as a
bearing), so the two packages stay organised by what their code shares, and this table ties them to
the types. A claim measured in parts (two subjects; a region and a country) has a
:class:`~geo.claims.records.Parts` record, and one unverifiable before anything was measured none.

>>> CLAIM_TYPES["population"].checks[RankStated].__name__
'rank'
>>> sorted(t.name for t in CLAIM_TYPES.values() if not t.needs_anchor)
['border_proximity', 'population', 'unit_conversion']
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType

from geo.claims.checks import Checker, Result
from geo.claims.finding import (adjacency, border, containment, conversion, direction, distance, near, population,
                                position, proximity, water)
from geo.claims.records import (AdjacencyMeasured, AdjacencyStated, BankStated, BorderMeasured, BorderStated,
                                ContainmentMeasured, ContainmentStated, ConversionMeasured, ConversionStated,
                                DirectionStated, DistanceBearing, DistanceStated, Measured, NearnessMeasured,
                                OnWaterStated, PopulationMeasured, PopulationStated, PositionMeasured, PositionStated,
                                RankMeasured, RankStated, RelationStated, Stated, TravelTimeStated)
from geo.claims.regions import Shape

#: A check: (checker, subject shape, anchor shape or None, stated record) -> Result.
Check = Callable[[Checker, "Shape | None", "Shape | None", Stated], Result]


@dataclass(frozen=True)
class ClaimType:
    """Everything about one claim type."""

    name: str
    wordings: str                                  #: examples of what the articles say
    finders: tuple[ModuleType, ...]                #: the finding modules whose find() yields it
    checks: Mapping[type[Stated], Check | None]    #: each stated variant's check (None: never measured)
    measured: tuple[type[Measured], ...]           #: the records its checks make
    needs_anchor: bool = True                      #: without a place to measure from it is unverifiable
    measures_places: bool = True                   #: False: arithmetic on the stated numbers alone

    @property
    def stated(self) -> tuple[type[Stated], ...]:
        return tuple(self.checks)


#: Every claim type, by name (the ``type`` of a claim's JSON).
CLAIM_TYPES: dict[str, ClaimType] = {t.name: t for t in (
    ClaimType("distance_direction", '"37 miles east of Kharkiv", "20-30 km from", "an hour\'s drive from"', (distance,),
              # a travel time is found so that it is reported, never measured (it is vague)
              {DistanceStated: Checker.distance_direction, TravelTimeStated: None}, (DistanceBearing,)),
    ClaimType("direction", '"north of Cairo", "the southern city of X", "on the west bank of the Dnipro"',
              (direction, position, water),
              {DirectionStated: Checker.direction, PositionStated: Checker.position, BankStated: Checker.bank},
              (DistanceBearing, PositionMeasured)),
    ClaimType("near", '"Bucha, near Kyiv", "nearby", "a few miles from"', (near, distance),
              {RelationStated: Checker.near}, (NearnessMeasured,)),
    ClaimType("proximity", '"on the outskirts of", "outside", "a Houston suburb", "on the Oskil River"',
              (proximity, water), {RelationStated: Checker.proximity, OnWaterStated: Checker.on_water},
              (NearnessMeasured,)),
    ClaimType("containment", '"Izium in Kharkiv province", "Riga, Latvia", "Russia\'s Belgorod region"', (containment,),
              {ContainmentStated: Checker.containment}, (ContainmentMeasured,)),
    # with no country named, the nearest foreign country's border (Checker.border_proximity says so)
    ClaimType("border_proximity", '"near the border with Ukraine", "4 km from the border", "the border region"',
              (border,), {BorderStated: Checker.border_proximity}, (BorderMeasured,), needs_anchor=False),
    ClaimType("adjacency", '"the neighbouring Donbas region", "Y\'s western neighbour", "X, which borders Y"',
              (adjacency,), {AdjacencyStated: Checker.adjacency}, (AdjacencyMeasured,)),
    ClaimType("population", '"a town of about 27,000 people", "Ukraine\'s second-largest city"', (population,),
              {PopulationStated: Checker.population, RankStated: Checker.rank}, (PopulationMeasured, RankMeasured),
              needs_anchor=False),
    ClaimType("unit_conversion", '"40 km (25 miles)"', (conversion,), {ConversionStated: Checker.unit_conversion},
              (ConversionMeasured,), needs_anchor=False, measures_places=False),
)}


#: How many results a checker keeps (past it, it forgets them all and starts again).
MAX_KEPT_RESULTS = 50_000


def check(checker: Checker, claim_type: str, subject: Shape | None, anchor: Shape | None, stated: Stated) -> Result:
    """The one routing of a claim to its check: by its type and its stated record's variant. The
    checker keeps the result (records are frozen), so the same claim about the same places, in this
    article or a later one, is measured once."""
    key = (claim_type, subject and subject.place, anchor and anchor.place, stated)
    result = checker.results.get(key)
    if result is None:
        if len(checker.results) >= MAX_KEPT_RESULTS:
            checker.results.clear()
        result = checker.results[key] = CLAIM_TYPES[claim_type].checks[type(stated)](checker, subject, anchor, stated)
    return result
