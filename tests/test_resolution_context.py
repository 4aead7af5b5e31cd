"""What the article says about where it is: containers, states beside their towns, a name's own
mentions, plural qualifiers. Real text, the real gazetteer built from the mirror."""
from __future__ import annotations

import pytest

from geo.document import Article

OKLAHOMA, PRAGUE_OK, GEORGIA_STATE, ALEXANDRIA_VA = 4544379, 4548393, 4197000, 4744091


@pytest.fixture(scope="module")
def pipeline(gaz):
    from geo.pipeline import Pipeline

    return Pipeline(gaz, check_claims=False)


def resolved(pipeline, text: str) -> dict[str, int]:
    return {m.text: m.geonameid for m in pipeline.locate(Article("t.txt", text)).mentions}


def test_state_container_binds_though_a_city_shares_its_name(pipeline):
    found = resolved(pipeline, "I visited family in Prague, Oklahoma.")
    assert found == {"Prague": PRAGUE_OK, "Oklahoma": OKLAHOMA}   # not the Czech capital, not Oklahoma City


def test_a_list_of_states_is_no_container(pipeline, gaz):
    found = resolved(pipeline, "Storms crossed Texas, Oklahoma and Kansas overnight.")
    assert gaz.place(found["Texas"]).name == "Texas" and found["Oklahoma"] == OKLAHOMA   # not Texas County, Oklahoma


def test_state_beside_its_towns_is_the_state_not_the_country(pipeline):
    text = "Officials in Atlanta and Athens said Georgia would open more shelters, and Georgia's governor agreed."
    assert resolved(pipeline, text)["Georgia"] == GEORGIA_STATE
    assert resolved(pipeline, "Russia and Georgia fought in 2008 over South Ossetia.")["Georgia"] != GEORGIA_STATE


def test_a_name_is_no_evidence_for_itself(pipeline):
    # Alexandria, Egypt outranks Alexandria, Virginia on its own; the article's Virginia decides,
    # however often Alexandria itself is named.
    text = ("Alexandria council met on Monday. Alexandria residents spoke. In Alexandria, the mayor said "
            "Virginia would help. Alexandria will vote again, Virginia officials said.")
    found = pipeline.locate(Article("t.txt", text)).mentions
    assert {m.geonameid for m in found if m.text == "Alexandria"} == {ALEXANDRIA_VA}


def test_plural_qualifier_qualifies_the_names_listed_before_it(pipeline, gaz):
    found = resolved(pipeline, "Fighting went on in Homs and Aleppo Governorates.")
    assert {gaz.place(g).feature_code for g in found.values()} == {"ADM1"}
    assert set(found) == {"Homs", "Aleppo Governorates"}


def test_the_dnipro_is_the_river_and_dnipro_the_city(pipeline, gaz):
    text = "Troops crossed to the west bank of the Dnipro near Kherson. Shelling hit Dnipro overnight."
    found = pipeline.locate(Article("t.txt", text)).mentions
    river, city = [m for m in found if m.text == "Dnipro"]
    assert river.feature_code == "STM" and city.feature_code == "PPLA"
    # "the" before a name without a river, or before an organisation's name, changes nothing
    assert not [m for m in pipeline.locate(Article("t.txt", "He spoke at the Yalta European Strategy Summit.")).mentions]
