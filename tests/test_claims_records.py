"""The typed records of claims (geo/claims/records.py) and the table of claim types (geo/claims/types.py):
a claim's JSON is its records serialised, its explanation is made from its result record, and every
claim type's finders, records and checks are named in one place. Real GeoNames rows and Natural Earth
geometry, with mentions resolved by hand (see test_claims.document)."""
from __future__ import annotations

import dataclasses

import pytest

from geo.claims import CLAIM_TYPES, checked
from geo.claims.checks import Checker, Result
from geo.claims.finding import FINDERS
from geo.claims.policy import Policy
from geo.claims.records import (BORDERLINE, BorderMeasured, DistanceBearing, DistanceStated, Measured, Parts, Stated,
                                Switch)
from test_claims import document

KHARKIV, IZIUM, VOVCHANSK, ZALIZNYCHNE, ZALIZNYCHNE_ODESA = 706483, 707292, 689304, 8664320, 687797
UKRAINE, KHARKIV_OBLAST, KUPIANSK, BUCHA, KYIV = 690791, 706482, 703656, 711350, 703448
KURSK_OBLAST, SUMY = 538555, 692194

#: One sentence per claim type and variant, with its mentions resolved.
SENTENCES = [
    ("Izium lies 120 km south-east of Kharkiv.", ("Izium", IZIUM), ("Kharkiv", KHARKIV)),
    ("Izium lies 90 km from Kharkiv.", ("Izium", IZIUM), ("Kharkiv", KHARKIV)),
    ("Vovchansk lies north-east of Kharkiv.", ("Vovchansk", VOVCHANSK), ("Kharkiv", KHARKIV)),
    ("Bucha, near Kyiv, was quiet.", ("Bucha", BUCHA), ("Kyiv", KYIV)),
    ("Izium, in the Kharkiv region, fell.", ("Izium", IZIUM), ("Kharkiv region", KHARKIV_OBLAST)),
    ("Vovchansk, near the border, was shelled.", ("Vovchansk", VOVCHANSK)),
    ("Kupiansk, a town of about 27,000 people, was shelled.", ("Kupiansk", KUPIANSK)),
    ("Kharkiv is Ukraine's second-largest city.", ("Kharkiv", KHARKIV), ("Ukraine", UKRAINE)),
    ("The road runs 40 km (25 miles).",),
    ("The northeastern Kharkiv region of Ukraine was shelled.", ("Kharkiv region", KHARKIV_OBLAST), ("Ukraine", UKRAINE)),
]


def records(gaz, text, *names, policy=None):
    return checked(document(gaz, text, *names), gaz, policy)


@pytest.mark.parametrize("sentence", SENTENCES, ids=[s[0][:30] for s in SENTENCES])
def test_a_claim_is_its_records_serialised(gaz, sentence):
    found = records(gaz, *sentence)
    assert found
    for finding, result, claim in found:
        kind = CLAIM_TYPES[claim.type]
        assert isinstance(finding.stated, Stated) and type(finding.stated) in kind.stated
        assert claim.stated == finding.stated.to_dict() and claim.measured == result.measured_dict()
        assert result.measured is None or isinstance(result.measured, (*kind.measured, Parts))
        assert claim.explanation == result.explanation and claim.verdict == result.verdict


def test_a_stated_record_serialises_as_the_finder_wrote_it():
    assert DistanceStated(120, "km", qualifier="about", direction="SE").to_dict() == \
        {"distance": 120, "unit": "km", "qualifier": "about", "direction": "SE"}
    assert list(DistanceStated(20, "km", 30).to_dict()) == ["distance", "unit", "distance_to"]


def test_a_borderline_miss_is_in_the_record_where_it_was_judged(gaz):
    [(_, result, claim)] = records(gaz, "Izium lies 90 km from Kharkiv.", ("Izium", IZIUM), ("Kharkiv", KHARKIV))
    assert result.measured.distance_margin == BORDERLINE and result.margin == BORDERLINE
    assert list(claim.measured) == ["distance_km", "distance_mi", "margin", "tolerance_km"]
    assert claim.explanation.endswith("inconsistent (just past the tolerance).")
    # the margin of a bearing comes after the bearing; one margin is written however many missed
    both = DistanceBearing(1.0, 0.6, BORDERLINE, 5.0, 10.0, "N", 60.0, BORDERLINE)
    assert list(both.to_dict()) == ["distance_km", "distance_mi", "margin", "tolerance_km", "bearing_deg", "compass",
                                    "bearing_off_deg"]
    bearing_only = dataclasses.replace(both, distance_margin=None)
    assert list(bearing_only.to_dict())[-1] == "margin"


def test_records_are_frozen_and_a_doubt_makes_a_new_result(gaz):
    [(_, result, _)] = records(gaz, "Izium lies 90 km from Kharkiv.", ("Izium", IZIUM), ("Kharkiv", KHARKIV))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.measured.distance_km = 0.0
    doubted = result.doubted("resolution uncertain", "'Izium' was matched by spelling only")
    assert result.verdict == "inconsistent" and result.reason is None
    assert doubted.verdict == "unverifiable" and doubted.measured is result.measured
    assert doubted.measured_dict() == {**result.measured_dict(), "reason": "resolution uncertain"}
    assert doubted.explanation == (f"{result.said}; but 'Izium' was matched by spelling only: unverifiable "
                                   f"(resolution uncertain).")


def test_the_border_a_claim_was_measured_to_is_set_when_the_record_is_made(gaz):
    [(_, result, claim)] = records(gaz, "Vovchansk, near the border, was shelled.", ("Vovchansk", VOVCHANSK))
    assert isinstance(result.measured, BorderMeasured) and result.measured.border_of == "Russia"
    assert list(claim.measured) == ["distance_km", "distance_mi", "limit_km", "border_of"]


def test_a_re_resolution_is_part_of_the_result_and_its_explanation(gaz):
    text = "ZALIZNYCHNE, Ukraine - Calm returned. In Zaliznychne, a tiny agricultural village 37 miles east of Kharkiv, people slept."
    found = records(gaz, text, ("ZALIZNYCHNE", ZALIZNYCHNE_ODESA), ("Ukraine", UKRAINE),
                    ("Zaliznychne", ZALIZNYCHNE_ODESA), ("Kharkiv", KHARKIV))
    [(_, result, claim)] = [f for f in found if f[2].type == "distance_direction"]
    [switch] = result.switches
    assert isinstance(switch, Switch) and (switch.from_id, switch.to, switch.mentions) == (ZALIZNYCHNE_ODESA, ZALIZNYCHNE, 2)
    assert claim.measured["resolved_by_claim"] == [switch.to_dict()]
    assert list(switch.to_dict()) == ["text", "from", "from_name", "to", "to_name", "mentions"]
    assert claim.explanation.endswith(f" The claim resolved {switch.sentence}.")


def test_every_claim_type_is_registered_once_with_its_finders_and_checks():
    assert set(CLAIM_TYPES) == {"distance_direction", "direction", "near", "proximity", "containment", "border_proximity",
                                "adjacency", "population", "unit_conversion"}
    finders = {module.find for kind in CLAIM_TYPES.values() for module in kind.finders}
    assert finders == set(FINDERS)
    for kind in CLAIM_TYPES.values():
        assert kind.stated and all(issubclass(s, Stated) for s in kind.stated)
        assert kind.measured and all(issubclass(m, Measured) for m in kind.measured)
        for check in filter(None, kind.checks.values()):
            assert getattr(Checker, check.__name__) is check


def test_the_region_bearing_samples_are_a_policy_field(gaz):
    sentence = ("The Kursk region lies north of Sumy.", ("Kursk region", KURSK_OBLAST), ("Sumy", SUMY))
    assert Policy().region_bearing_samples == 200 and Policy().replace(region_bearing_samples=50).region_bearing_samples == 50
    [(_, result, claim)] = records(gaz, *sentence)
    assert claim.verdict == "consistent" and result.measured.part_in_direction, claim.explanation
    [(_, fewer, _)] = records(gaz, *sentence, policy=Policy().replace(region_bearing_samples=0))   # one point at least
    assert isinstance(fewer, Result)
