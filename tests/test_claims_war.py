"""Claims in war reports outside Ukraine (Syria, Gaza): a river drawn in several named pieces, and
bearings between neighbouring towns. Sentences written for the purpose; real GeoNames rows and
Natural Earth geometry; mentions resolved by hand (see test_claims.document)."""
from __future__ import annotations

from test_claims import one

GAZA, JABALIA, RAQQA = 281133, 281129, 172955


def euphrates(gaz) -> int:
    return next(c.place.geonameid for c in gaz.candidates("euphrates") if c.place.kind == "river")


def test_a_river_natural_earth_names_otherwise_upstream(gaz):
    # Natural Earth draws the Euphrates in Syria as "Al Furat": Raqqa is on the river all the same
    claim = one(gaz, "Raqqa, on the Euphrates, was the group's capital.", ("Raqqa", RAQQA), ("Euphrates", euphrates(gaz)),
                type="proximity")
    assert claim.verdict == "consistent", claim.explanation
    assert claim.measured["distance_km"] < 5


def test_a_short_bearing_that_holds_is_consistent(gaz):
    claim = one(gaz, "Jabalia lies about 3 kilometers north of Gaza City.", ("Jabalia", JABALIA), ("Gaza City", GAZA),
                type="distance_direction")
    assert claim.verdict == "consistent", claim.explanation
    assert claim.measured["compass"] == "NNE"


def test_a_short_bearing_that_misses_is_no_evidence(gaz):
    # 3 km apart, a point a kilometre off turns the bearing: a miss is not called inconsistent
    claim = one(gaz, "Jabalia lies about 3 kilometers south of Gaza City.", ("Jabalia", JABALIA), ("Gaza City", GAZA),
                type="distance_direction")
    assert claim.verdict == "unverifiable", claim.explanation
