"""Nearness to a border: "near the border with Ukraine", "5 km from the Russian border", "near the
border" (any foreign country's).
"""
from __future__ import annotations

from geo.claims.geodesy import distance_between, nearest_on_boundary, outline
from geo.claims.checks.result import Result, bounded_error, rounded_km, rounded_mi, name_of, unverifiable
from geo.claims.regions import Shape
from geo.claims.units import UNIT_LABELS, Length, format_number


class BorderChecks:
    """Nearness to a border: "near the border with Ukraine", "5 km from the Russian border", "near the (a part of :class:`geo.claims.checks.Checker`)."""

    def border_proximity(self, subject: Shape, anchor: Shape, stated: dict) -> Result:
        """"near the border with Ukraine": within policy.border_km of the anchor's border."""
        if not anchor.is_area:
            return unverifiable("no polygon", f"{name_of(anchor)} has no border to measure to")
        if subject.kind == "point":
            gap = nearest_on_boundary(subject.point, anchor.geometry).distance
        else:
            gap = distance_between(subject.geometry, outline(anchor.geometry))
        return self._border_gap(subject, gap, f"the border of {name_of(anchor)}", stated)

    def border_any(self, subject: Shape, stated: dict) -> Result:
        """"near the border", no country named: within policy.border_km of any other country's polygon."""
        found = self.regions.nearest_foreign_country(subject)
        if found is None:
            return unverifiable("no polygon", f"no country's outline is known near {name_of(subject)}")
        country, gap = found
        result = self._border_gap(subject, gap, f"the border of {country.name}", stated)
        result.measured["border_of"] = country.name
        return result

    def _border_gap(self, subject: Shape, gap: Length, border: str, stated: dict) -> Result:
        if stated.get("distance") is not None and subject.is_area and gap.km < self.policy.edge_km:
            # "Nabatieh, 12 km north of the border" read as the governorate, which reaches the border
            return unverifiable("says little", f"{name_of(subject)} is a region reaching {border}: a distance from it is a "
                                               f"place's within it", distance_km=rounded_km(gap))
        if stated.get("distance") is not None:
            said = Length.of(stated["distance"], stated.get("unit", "km"))
            tolerance = self.policy.distance_tolerance_km(said.km)
            measured = {"distance_km": rounded_km(gap), "distance_mi": rounded_mi(gap), "tolerance_km": round(tolerance, 1)}
            verdict = self._judge(bounded_error(gap.km, said.km, stated.get("qualifier")), tolerance, measured)
            return Result(verdict, measured, f"{name_of(subject)} is {gap} from {border}; the article says "
                                             f"{format_number(stated['distance'])} {UNIT_LABELS.get(stated.get('unit', 'km'))}")
        limit = self.policy.border_km
        measured = {"distance_km": rounded_km(gap), "distance_mi": rounded_mi(gap), "limit_km": limit}
        verdict = self._judge(gap.km, limit, measured)
        return Result(verdict, measured, f"{name_of(subject)} is {gap} from {border}; 'near the border' allows up to "
                                         f"{limit:g} km")
