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


POKROVSK, DNIPRO, DONETSK, KRAMATORSK = 704422, 709930, 709717, 704508


def test_a_modifier_after_a_comma_may_be_the_sentences_subjects(gaz):
    # "..., roughly 70 km north-west of Donetsk" follows Dnipro's comma but is said of the town (Pokrovsk):
    # of Dnipro (211 km off) it fails, of the sentence's subject it holds, so it is no error of the article
    text = ("Russian troops pressed toward Pokrovsk, a logistics hub. The town sits on a highway linking Donetsk with "
            "Dnipro, roughly 70 km (43 miles) northwest of the Russian-occupied city of Donetsk.")
    claim = one(gaz, text, ("Pokrovsk", POKROVSK), ("Donetsk", DONETSK), ("Dnipro", DNIPRO), ("Donetsk", DONETSK),
                type="distance_direction")
    assert claim.verdict == "consistent", claim.explanation
    assert [r.geonameid for r in claim.subject] == [POKROVSK] and "the sentence's subject" in claim.explanation


def test_a_modifier_false_of_every_reading_stays_inconsistent(gaz):
    text = "Kramatorsk lies on a road linking Donetsk with Dnipro, roughly 400 km north of Donetsk."
    claim = one(gaz, text, ("Kramatorsk", KRAMATORSK), ("Donetsk", DONETSK), ("Dnipro", DNIPRO), ("Donetsk", DONETSK),
                type="distance_direction")
    assert claim.verdict == "inconsistent", claim.explanation


RUSSIA, KURSK_OBLAST, BRYANSK_OBLAST = 2017370, 538555, 571473


def test_a_country_possessing_a_list_of_divisions(gaz):
    from test_claims import claims_of

    text = "Drones were launched from Russia's Kursk and Bryansk regions overnight."
    claims = claims_of(gaz, text, ("Russia", RUSSIA), ("Kursk", KURSK_OBLAST), ("Bryansk regions", BRYANSK_OBLAST),
                       type="containment")
    assert [(c.subject[0].geonameid, c.anchor[0].geonameid, c.verdict) for c in claims] == [
        (KURSK_OBLAST, RUSSIA, "consistent"), (BRYANSK_OBLAST, RUSSIA, "consistent")]
