"""Nearness to a border: "near the border with Ukraine", "5 km from the Russian border", "near the
border" (any foreign country's).
"""
from __future__ import annotations

from dataclasses import replace

from geo.claims.geodesy import distance_between, nearest_on_boundary, outline
from geo.claims.checks.result import Result, bounded_error, rounded_km, rounded_mi, name_of, unverifiable
from geo.claims.records import BorderMeasured, BorderStated
from geo.claims.regions import Shape
from geo.claims.units import UNIT_LABELS, Length, format_number


class BorderChecks:
    """Nearness to a border: "near the border with Ukraine", "5 km from the Russian border", "near the (a part of :class:`geo.claims.checks.Checker`)."""

    def border_proximity(self, subject: Shape, anchor: Shape | None, stated: BorderStated) -> Result:
        """"near the border with Ukraine": within policy.border_km of the anchor's border; with no country
        named (``anchor`` None), of the nearest foreign country's (:meth:`border_any`)."""
        if anchor is None:
            return self.border_any(subject, stated)
        if not anchor.is_area:
            return unverifiable("no polygon", f"{name_of(anchor)} has no border to measure to")
        if subject.kind == "point":
            gap = nearest_on_boundary(subject.point, anchor.geometry).distance
        else:
            gap = distance_between(subject.geometry, outline(anchor.geometry))
        return self._border_gap(subject, gap, f"the border of {name_of(anchor)}", stated)

    def border_any(self, subject: Shape, stated: BorderStated) -> Result:
        """"near the border", no country named: within policy.border_km of any other country's polygon."""
        found = self.regions.nearest_foreign_country(subject)
        if found is None:
            return unverifiable("no polygon", f"no country's outline is known near {name_of(subject)}")
        country, gap = found
        return self._border_gap(subject, gap, f"the border of {country.name}", stated, border_of=country.name)

    def _border_gap(self, subject: Shape, gap: Length, border: str, stated: BorderStated,
                    border_of: str | None = None) -> Result:
        """The verdict on ``gap`` to ``border`` (its country's name ``border_of`` when the article named none)."""
        measured = BorderMeasured(rounded_km(gap), rounded_mi(gap), border_of=border_of)
        if stated.distance is not None and subject.is_area and gap.km < self.policy.edge_km:
            # "Nabatieh, 12 km north of the border" read as the governorate, which reaches the border
            return unverifiable("says little", f"{name_of(subject)} is a region reaching {border}: a distance from it "
                                               f"is a place's within it", measured)
        if stated.distance is not None:
            said = Length.of(stated.distance, stated.unit or "km")
            tolerance = self.policy.distance_tolerance_km(said.km)
            verdict, margin = self._judge(bounded_error(gap.km, said.km, stated.qualifier), tolerance)
            return Result(verdict, replace(measured, tolerance_km=round(tolerance, 1), margin=margin),
                          f"{name_of(subject)} is {gap} from {border}; the article says "
                          f"{format_number(stated.distance)} {UNIT_LABELS.get(stated.unit or 'km')}")
        limit = self.policy.border_km
        verdict, margin = self._judge(gap.km, limit)
        return Result(verdict, replace(measured, limit_km=limit, margin=margin),
                      f"{name_of(subject)} is {gap} from {border}; 'near the border' allows up to "
                      f"{limit:g} km")
