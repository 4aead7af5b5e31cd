"""Containment: "Izium in Kharkiv province", "Riga, Latvia", "Russia's Belgorod region".
"""
from __future__ import annotations

from dataclasses import replace

from geo.claims.geodesy import distance_between
from geo.gazetteer import Place
from geo.claims.checks.result import (CONSISTENT, INCONSISTENT, Result, rounded_km, rounded_mi, name_of,
                                     unverifiable)
from geo.claims.records import ContainmentMeasured, ContainmentStated
from geo.claims.regions import Shape
from geo.claims.units import Length


class ContainmentChecks:
    """Containment: "Izium in Kharkiv province", "Riga, Latvia", "Russia's Belgorod region". (a part of :class:`geo.claims.checks.Checker`)."""

    def containment(self, subject: Shape, anchor: Shape, stated: ContainmentStated) -> Result:
        """"Izium in Kharkiv province", "Riga, Latvia": the anchor's polygon holds the subject, and
        GeoNames' country and admin codes agree. Within policy.edge_km of the edge the codes decide.
        A place said to be the capital ("Kozhikode, the state capital") is also its country's PPLC or
        its division's PPLA."""
        result = self._containment(subject, anchor)
        if stated.capital and result.verdict == CONSISTENT:
            seat = self._seat(anchor.place)
            seats = ("PPLC",) if anchor.place.is_country else ("PPLA", "PPLA2", "PPLC") if stated.any_seat else ("PPLA", "PPLC")
            if seat is not None and subject.place.feature_code not in seats and seat.geonameid != subject.place.geonameid:
                return Result(INCONSISTENT, result.measured, f"{result.said}, but GeoNames' capital of "
                                                             f"{name_of(anchor)} is {seat.name}")
        return result

    def _seat(self, region: Place) -> Place | None:
        """The capital GeoNames gives a country (PPLC) or a first-level division (PPLA), else None."""
        gazetteer = self.regions.gazetteer
        if region.is_country:
            return gazetteer.capital(region.country_code)
        return gazetteer.seat(region.country_code, region.admin1_code) if region.feature_code == "ADM1" else None

    def _containment(self, subject: Shape, anchor: Shape) -> Result:
        codes = self._codes_agree(subject.place, anchor)
        code_text = {True: "GeoNames' admin codes agree", False: "GeoNames' admin codes disagree", None: ""}[codes]
        if not anchor.is_area:
            if codes is None:
                return unverifiable("no polygon", f"{name_of(anchor)} has no outline to test against, nor admin codes")
            verdict = CONSISTENT if codes else INCONSISTENT
            said = f"GeoNames' admin codes agree that {name_of(subject)} is in it" if codes \
                else f"GeoNames' admin codes put {name_of(subject)} outside it"
            return Result(verdict, ContainmentMeasured(codes), f"{name_of(anchor)} has no polygon; {said}")
        if subject.is_area:
            share = subject.geometry.intersection(anchor.geometry).area / subject.geometry.area if subject.geometry.area else 0.0
            measured = ContainmentMeasured(codes, share_inside=round(share, 3))
            if 0 < share < 0.5:
                return unverifiable("borderline", f"only {share:.0%} of {name_of(subject)} lies inside {name_of(anchor)}", measured)
            inside = share >= 0.5
            gap = Length(0.0) if inside else distance_between(subject.geometry, anchor.geometry)
        else:
            geometry = subject.geometry if subject.kind != "point" else subject.point
            inside = anchor.geometry.intersects(geometry)
            gap = Length(0.0) if inside else distance_between(geometry, anchor.geometry)
            measured = ContainmentMeasured(codes, inside=inside)
        if not inside:
            measured = replace(measured, distance_km=rounded_km(gap), distance_mi=rounded_mi(gap))
        name, where = name_of(subject), name_of(anchor)
        on_edge = self.policy.edge_km * self.policy.borderline
        if inside and codes is not False:
            return Result(CONSISTENT, measured, f"{name} lies inside {where}{f' ({code_text})' if codes else ''}")
        if inside:
            return unverifiable("sources disagree", f"{name} lies inside the outline of {where}, but {code_text}", measured)
        if codes and gap.km <= on_edge:
            return Result(CONSISTENT, measured, f"{name} lies {gap} outside the generalized outline of {where}, "
                                                f"but {code_text}")
        if codes:
            return unverifiable("sources disagree", f"{name} lies {gap} outside {where}, but GeoNames' admin codes put it in",
                                measured)
        if gap.km <= on_edge and (codes is None or subject.is_area):
            # (a town on the edge: the codes decide, and where they disagree too it is outside; a region
            # touching the outline is a neighbour read in a list, as often as not: "Georgia and Nassau
            # and Baker counties in Florida")
            return unverifiable("borderline", f"{name} lies {gap} outside {where}, on its edge", measured)
        return Result(INCONSISTENT, measured, f"{name} lies {gap} outside {where}{f' ({code_text})' if code_text else ''}")

    def _codes_agree(self, subject: Place, anchor: Shape) -> bool | None:
        """Whether GeoNames' codes put ``subject`` in ``anchor`` (None when the anchor has no codes to
        compare); a composite region by its parts."""
        parts = [self.regions.gazetteer.place(i) for i in anchor.ids if i != anchor.place.geonameid]
        answers = [subject.lies_in(region) for region in [anchor.place, *filter(None, parts)]]
        known = [a for a in answers if a is not None]
        return any(known) if known else None
