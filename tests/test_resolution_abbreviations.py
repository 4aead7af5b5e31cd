"""Division abbreviations and postal codes (gazetteer/division_abbreviations.toml) on real text,
with the real gazetteer built from the mirror."""
from __future__ import annotations

import pytest

from geo.document import Article

WEST_VIRGINIA, VIRGINIA, ILLINOIS, KANSAS, OHIO, INDIANA = 4826850, 6254928, 4896861, 4273857, 5165418, 4921868
CHARLESTON_WV = 4801859


@pytest.fixture(scope="module")
def pipeline(gaz):
    from geo.pipeline import Pipeline

    return Pipeline(gaz, check_claims=False)


def mentions(pipeline, text: str) -> list[tuple[str, int]]:
    doc = pipeline.locate(Article("t.txt", text))
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.geonameid) for m in doc.mentions]


@pytest.mark.parametrize("written", ["W.Va.", "W. Va."])
def test_west_virginia_abbreviation_is_one_name_and_binds_its_town(pipeline, written):
    found = mentions(pipeline, f"CHARLESTON, {written} — The river rose overnight, officials said.")
    assert found == [("CHARLESTON", CHARLESTON_WV), (written, WEST_VIRGINIA)]   # not "Va." (Virginia) inside it


def test_virginia_alone_is_virginia(pipeline):
    assert ("Va.", VIRGINIA) in mentions(pipeline, "The company moved to Arlington, Va. last year.")


def test_state_abbreviations_that_are_words_are_found_with_their_dot(pipeline):
    found = dict(mentions(pipeline, "Flooding hit Peoria, Ill. and Topeka, Kan. on Monday."))
    assert found["Ill."] == ILLINOIS and found["Kan."] == KANSAS


def test_postal_code_only_after_a_town(pipeline):
    found = mentions(pipeline, "Officials in Dayton, OH, and Gary, IN, said schools would close.")
    assert ("OH", OHIO) in found and ("IN", INDIANA) in found
    # the same letters elsewhere are words
    assert not any(text in ("OH", "IN") for text, _ in mentions(pipeline, "OH NO: FLOODS IN THE VALLEY. Oh, it rained."))


def test_dropped_abbreviation_is_a_title_not_sudan(pipeline):
    found = mentions(pipeline, "Sen. John McCain spoke in Phoenix on Tuesday.")
    assert not any(text.startswith("Sen") for text, _ in found)


def test_canadian_abbreviation(pipeline, gaz):
    found = dict(mentions(pipeline, "The fire near Kelowna, B.C. forced evacuations."))
    assert gaz.place(found["B.C."]).name == "British Columbia"


def test_build_indexes_curated_forms_as_abbreviations(gaz):
    kinds = {c.kind for c in gaz.candidates("ill.") if c.place.geonameid == ILLINOIS}
    assert kinds == {"abbrev"}   # not an alternate name: never taken for the word "ill"
    assert {c.place.geonameid for c in gaz.candidates("w.va.")} == {WEST_VIRGINIA}
    assert {c.place.geonameid for c in gaz.candidates("w. va.")} == {WEST_VIRGINIA}
    assert not gaz.candidates("sen.")
    # "S.C." is South Carolina, not Brazil's Santa Catarina (Natural Earth's abbreviation)
    assert {c.place.country_code for c in gaz.candidates("s.c.")} == {"US"}


def test_a_first_level_container_makes_a_common_word_a_place(pipeline):
    # "Falling Waters" alone is common words with no important place so called: not a place...
    assert mentions(pipeline, "Storms struck Falling Waters on Tuesday.") == []
    # ...but ", W.Va." after it says a place is meant, and West Virginia holds one
    found = mentions(pipeline, "Storms struck Falling Waters, W.Va., on Tuesday.")
    assert found == [("Falling Waters", 4805596), ("W.Va.", WEST_VIRGINIA)]


def test_a_container_that_holds_no_place_of_the_name_makes_nothing_a_place(pipeline):
    # Ohio holds no Falling Waters: the comma may join anything
    assert ("Falling Waters", 4805596) not in mentions(pipeline, "Storms struck Falling Waters, Ohio, on Tuesday.")
