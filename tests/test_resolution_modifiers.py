"""Place names that modify an office or body ("Gainesville police"): resolved, with the role
"modifier", kept apart from the mentions (and so off the map), listed by `geo extract`."""
from __future__ import annotations

import json

import pytest

from conftest import run_geo
from geo.document import Article


@pytest.fixture(scope="module")
def pipeline(gaz):
    from geo.pipeline import Pipeline

    return Pipeline(gaz, check_claims=False)


def test_modifiers_are_resolved_apart_from_the_mentions(pipeline, gaz):
    text = "Gainesville Police Officer Shawn Barnes said the Texas Department of Transportation was told. He studied at the University of Kentucky."
    doc = pipeline.locate(Article("t.txt", text))
    assert doc.mentions == []
    assert {m.text: (m.role, gaz.place(m.geonameid).feature_code) for m in doc.modifiers} == {
        "Gainesville": ("modifier", "PPLA2"), "Texas": ("modifier", "ADM1"), "Kentucky": ("modifier", "ADM1")}


def test_a_person_named_like_a_place_is_no_modifier(pipeline):
    doc = pipeline.locate(Article("t.txt", "Paris Hilton arrived on Monday."))
    assert doc.mentions == [] and doc.modifiers == []


def test_extract_lists_modifiers_with_their_role_and_plain_mentions_without(tmp_path, gazetteer_path):
    article = tmp_path / "a.txt"
    article.write_text("Flooding hit Kharkiv, the Kharkiv Regional Police said.", encoding="utf-8")
    result = run_geo("extract", str(article), "--format", "jsonl", env={"GEO_GAZETTEER": str(gazetteer_path)})
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["text"], r.get("role")) for r in records] == [("Kharkiv", None), ("Kharkiv", "modifier")]
    assert "role" not in records[0]   # a plain mention's record is as it was


def test_regional_bodies_are_the_oblasts(pipeline, gaz):
    text = "The Sumy regional council said shelling hit Sumy. The WHO Europe regional office and the Asia regional desk agreed."
    found = [(m.text, gaz.place(m.geonameid).feature_code) for m in pipeline.locate(Article("t.txt", text)).mentions]
    assert found[:2] == [("Sumy", "ADM1"), ("Sumy", "PPLA")]   # the council's oblast, then the city
    assert ("Asia", "CONT") in found                            # a place in no division stays itself


def test_a_governors_title_after_a_name_makes_the_division_a_modifier(gaz):
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz, check_claims=False)
    text = "Former New York Gov. Mario Cuomo died. Kharkiv Governor Oleh Syniehubov said the city was shelled."
    document = pipeline.locate(Article("t.txt", text))
    found = {m.text: (gaz.place(m.geonameid).feature_code, m.role) for m in [*document.mentions, *document.modifiers]}
    assert found["New York"] == ("ADM1", "modifier") and found["Kharkiv"] == ("ADM1", "modifier")


def test_institutions_named_after_a_place(pipeline, gaz):
    # utilities, libraries, a highway patrol, a state agency's division: bodies of the place they name
    text = ("According to the Gainesville Public Utilities department, the spill was reported to the Georgia "
            "Environmental Protection Division. The Paris Public Library and the Florida Highway Patrol helped.")
    doc = pipeline.locate(Article("t.txt", text))
    assert {m.text for m in doc.modifiers} == {"Gainesville", "Georgia", "Paris", "Florida"}
    assert all(m.role == "modifier" for m in doc.modifiers) and doc.mentions == []


def test_a_companys_words_after_a_place_make_it_a_modifier(gaz):
    # "Kuwait Petroleum International", "the Hudson Bay Railway": companies named after the place
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz, check_claims=False)
    document = pipeline.process(Article("t.txt", "Kuwait Petroleum International will buy crude, and the Hudson Bay Railway will carry grain."))
    assert not {m.text for m in document.mentions} & {"Kuwait", "Hudson Bay"}
    assert {m.text for m in document.modifiers} >= {"Kuwait"}


def test_cartels_fleets_and_alliances_are_bodies_named_after_places(pipeline):
    from geo.document import Article

    text = "Members of the Sinaloa Cartel were arrested. The Black Sea Fleet moved ships. The Alliance of Sahel States met."
    document = pipeline.process(Article("t.txt", text))
    assert {m.text for m in document.modifiers} == {"Sinaloa", "Black Sea", "Sahel"}
    assert not document.mentions       # (modifiers are kept off the places the document names)
