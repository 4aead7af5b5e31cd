"""Numbers: populations ("a town of about 27,000 people"), ranks ("Ukraine's second-largest city") and
unit conversions ("40 km (24 miles)").
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from geo.claims.units import OTHER_KIND, kind_of, quantity, rounding_step
from geo.claims.checks.result import CONSISTENT, INCONSISTENT, Result, bounded_error, name_of, unverifiable
from geo.claims.records import (ConversionMeasured, ConversionStated, PopulationMeasured, PopulationStated, RankMeasured,
                                RankStated)
from geo.claims.regions import Shape
from geo.claims.units import UNIT_LABELS, format_number
from geo.gazetteer import Place


def rank_division(place: Place) -> str | None:
    """The first-level division whose settlements a rank among ``place``'s is counted over: the
    division's own code for a first-level division ("Manitoba's second-largest city"), else None
    (the whole country)."""
    return place.admin1_code if place.feature_code == "ADM1" and place.admin1_code else None


class NumberChecks:
    """Numbers: populations ("a town of about 27,000 people"), ranks ("Ukraine's second-largest city") and (a part of :class:`geo.claims.checks.Checker`)."""

    def population(self, subject: Shape, anchor: None, stated: PopulationStated) -> Result:
        """"Kupiansk, a town of about 27,000 people": GeoNames' population within policy.population_fraction.
        Where GeoNames' files disagree (a full dump's current figure, the world file's older one), the
        figure nearest the stated one is measured, and the explanation gives both."""
        figures = self.regions.gazetteer.population_figures(subject.place.geonameid)
        said = stated.population
        candidates = [p for p, _ in figures] or [subject.place.population]
        have = min(candidates, key=lambda p: bounded_error(p, said, stated.qualifier))
        if not have:
            return unverifiable("no data", f"GeoNames gives no population for {name_of(subject)}")
        error = bounded_error(have, said, stated.qualifier) / said
        verdict, margin = self._judge(error, self.policy.population_fraction)
        measured = PopulationMeasured(have, round(error, 3), margin=margin,
                                      figures={source: population for population, source in figures} if figures else None)
        qualifier = f"{stated.qualifier} " if stated.qualifier else ""
        given = (" and ".join(f"{p:,} ({Path(source).name})" for p, source in figures) if figures else f"{have:,}")
        return Result(verdict, measured,
                      f"GeoNames gives {name_of(subject)} a population of {given}; the article says {qualifier}"
                      f"{format_number(said)}")

    def rank(self, subject: Shape, anchor: Shape, stated: RankStated) -> Result:
        """"Ukraine's second-largest city", "Manitoba's second-largest city": the place's rank by
        population among the country's (the first-level division's) settlements in the gazetteer,
        within policy.rank_slack of the stated rank."""
        if not subject.place.population:
            return unverifiable("no data", f"GeoNames gives no population for {name_of(subject)}")
        larger = self.regions.gazetteer.settlements_larger_than(anchor.place.country_code, subject.place.population,
                                                                 rank_division(anchor.place))
        rank = larger + 1
        verdict, margin = self._judge(abs(rank - stated.rank), self.policy.rank_slack)
        return Result(verdict, RankMeasured(rank, subject.place.population, margin),
                      f"GeoNames ranks {name_of(subject)} number {rank} by population in "
                      f"{name_of(anchor)}; the article says number {stated.rank}")

    def unit_conversion(self, subject: None, anchor: None, stated: ConversionStated) -> Result:
        """"3,000 square kilometers (1,864 miles)": the conversion holds within policy.conversion_fraction
        or the rounding of the written number. A conversion is arithmetic: there is no borderline.
        When the units measure different things, the second is read as its other kind ("miles" for
        square miles) if that fits; if instead the number converts the value taken as the other kind
        (3,000 km is 1,864 miles), the explanation says so."""
        value, unit, converted, to_unit = stated.value, stated.unit, stated.converted, stated.converted_unit
        if kind_of(unit) is None or kind_of(to_unit) is None:
            return unverifiable("unknown unit", f"'{unit}' or '{to_unit}' is not a unit of length, area or speed")
        read_as = to_unit if kind_of(unit) == kind_of(to_unit) else OTHER_KIND.get(to_unit)
        if read_as is None or kind_of(read_as) != kind_of(unit):
            return unverifiable("unknown unit", f"{UNIT_LABELS[unit]} and {UNIT_LABELS[to_unit]} measure different things")
        expected = quantity(value, unit).in_unit(read_as)
        verdict = CONSISTENT if self._converts(expected, converted) else INCONSISTENT
        measured = ConversionMeasured(round(expected, 1), read_as)
        wrote = f"the article says {format_number(converted)} {UNIT_LABELS[to_unit]}"
        if read_as != to_unit and verdict == CONSISTENT:
            wrote += f" (meaning {UNIT_LABELS[read_as]})"
        elif read_as != to_unit and unit in OTHER_KIND:
            other = OTHER_KIND[unit]
            as_other = quantity(value, other).in_unit(to_unit)
            if self._converts(as_other, converted):
                measured = replace(measured, other_kind_reading=round(as_other, 1))
                wrote += (f", which is {format_number(value)} {UNIT_LABELS[other]} converted as "
                          f"{'a length' if kind_of(other) == 'length' else 'an area'}")
        said = f"{format_number(value)} {UNIT_LABELS[unit]} is {format_number(expected)} {UNIT_LABELS[read_as]}"
        return Result(verdict, measured, f"{said}; {wrote}")

    def _converts(self, expected: float, written: float) -> bool:
        """Whether ``written`` is ``expected``, allowing policy.conversion_fraction (which covers
        truncation: 24.9 miles written "24") or half the written number's rounding step ("770")."""
        tolerance = max(self.policy.conversion_fraction * expected, rounding_step(str(written)) / 2)
        return abs(written - expected) <= tolerance
