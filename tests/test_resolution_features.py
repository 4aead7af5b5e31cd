"""Curated features (gazetteer/features.toml) and names the gazetteer lacks, with the real gazetteer."""
from __future__ import annotations

import pytest

from geo.document import Article


@pytest.fixture(scope="module")
def pipeline(gaz):
    from geo.pipeline import Pipeline

    return Pipeline(gaz, check_claims=False)


def test_curated_seas_and_regions_are_places(gaz):
    from geo.gazetteer.build import LOCAL_ID_BASE, local_id

    black_sea = [c.place for c in gaz.candidates("black sea")]
    assert [p.feature_code for p in black_sea] == ["SEA"]
    assert black_sea[0].geonameid == 6640396             # its GeoNames id, which the mirror holds no row for
    hormuz = [c.place for c in gaz.candidates("strait of hormuz")]
    assert [p.geonameid for p in hormuz] == [local_id("Strait of Hormuz")] and hormuz[0].geonameid >= LOCAL_ID_BASE
    assert 40 < black_sea[0].lat < 47 and 27 < black_sea[0].lon < 42
    assert {c.place.feature_code for c in gaz.candidates("mideast")} == {"RGN"}   # an everyday other name


def test_curated_features_found_in_text(pipeline):
    doc = pipeline.locate(Article("t.txt", "Tensions in the Middle East rose as ships crossed the Black Sea and the Strait of Hormuz."))
    assert {m.text: m.feature_code for m in doc.mentions} == {"Middle East": "RGN", "Black Sea": "SEA", "Strait of Hormuz": "STRT"}


def test_a_longer_name_is_not_read_through_its_last_word(pipeline):
    text = "Talks on the Korean Peninsula and the Foo Peninsula, and a game at Colorado State University."
    spans = [(text.index("Foo Peninsula"), text.index("Foo Peninsula") + len("Foo Peninsula")),
             (text.index("Colorado State University"), text.index("Colorado State University") + len("Colorado State University"))]
    foo, university = pipeline.resolve_spans(Article("t.txt", text), spans)
    assert foo.geonameid is None                 # not Peninsula, Ohio
    assert university.name == "Colorado"         # the place an organisation is named after


def test_a_bad_feature_code_stops_the_build_with_one_line(tmp_path):
    from geo.errors import DataError
    from geo.gazetteer.build import _add_features
    from geo.gazetteer.definition import ExtractDefinition, Feature

    definition = ExtractDefinition(path=tmp_path / "extract.toml", digest="", sources={}, full_dumps=[], world="",
                                   feature_classes=frozenset(), exclude_feature_codes=frozenset(), scripts=["Latin"],
                                   division_suffixes=[], continents=[], features=[Feature("Nowhere Sea", "XXX", 0.0, 0.0)])
    with pytest.raises(DataError, match="unknown feature code 'XXX'"):
        _add_features({}, None, definition)


def test_a_feature_id_outside_geonames_or_taken_stops_the_build(tmp_path):
    from geo.errors import DataError
    from geo.gazetteer.build import LOCAL_ID_BASE, _add_features
    from geo.gazetteer.definition import ExtractDefinition, Feature

    def build(feature, places):
        definition = ExtractDefinition(path=tmp_path / "extract.toml", digest="", sources={}, full_dumps=[], world="",
                                       feature_classes=frozenset(), exclude_feature_codes=frozenset(), scripts=["Latin"],
                                       division_suffixes=[], continents=[], features=[feature])
        _add_features(places, None, definition)

    with pytest.raises(DataError, match="outside GeoNames' range"):
        build(Feature("Nowhere Sea", "SEA", 0.0, 0.0, geonameid=LOCAL_ID_BASE + 1), {})
    with pytest.raises(DataError, match="has the id of 'Kharkiv'"):
        build(Feature("Nowhere Sea", "SEA", 0.0, 0.0, geonameid=706483), {706483: type("P", (), {"name": "Kharkiv"})()})


def test_regions_of_conflicts_in_the_curated_layer(gaz):
    # South Ossetia and Nagorno-Karabakh hold no row of their own in the mirror: curated, in their country
    from geo.normalize import normalize_name

    for name, country in [("South Ossetia", "GE"), ("Nagorno-Karabakh", "AZ"), ("Karabakh", "AZ"), ("Bekaa Valley", "LB")]:
        best = max(gaz.candidates(normalize_name(name)), key=lambda c: c.place.importance)
        assert best.place.feature_code == "RGN" and best.place.country_code == country, name


def test_the_siverskyi_donets_and_its_other_spellings(gaz):
    # the river of the Kharkiv front: no GeoNames row in the mirror, curated; linked to Natural Earth's "Donets"
    import shapely
    from geo.normalize import normalize_name

    for name in ["Siverskyi Donets", "Seversky Donets"]:
        river = next(c.place for c in gaz.candidates(normalize_name(name)) if c.place.kind == "river")
        assert river.name == "Siverskyi Donets"
    line = gaz.geometry(river.geonameid, "river")
    assert line is not None and line.distance(shapely.Point(37.2768, 49.2070)) < 0.05   # Izium lies on it


def test_a_sea_named_once_as_one_is_that_sea_throughout(pipeline):
    # "in the Atlantic" is the ocean by its wording; so are the article's bare Atlantics, though a US
    # story's context favours Atlantic, Iowa
    text = ("FORT COLLINS, Colo. - Colorado State University forecasts an above-average season. The Atlantic "
            "hurricane season lasts from June through November, and the tropical Atlantic is warmer than usual. "
            "Most storms form in the Atlantic between August and October, forecasters in Miami, Florida, said.")
    doc = pipeline.locate(Article("t.txt", text))
    assert {(m.start, m.feature_code) for m in doc.mentions if m.text == "Atlantic"} == {
        (text.index("Atlantic"), "OCN"), (text.index("tropical Atlantic") + 9, "OCN"), (text.index("the Atlantic") + 4, "OCN")}


def test_the_before_a_name_prefers_a_region_to_a_division(pipeline):
    # "the Sahel" is the region (curated), not Burkina Faso's Sahel province, though the story names
    # Burkina Faso
    doc = pipeline.locate(Article("t.txt", "JNIM, al Qaeda's affiliate in the Sahel, attacked Bamako, Mali, and towns in Burkina Faso."))
    assert {m.text: m.feature_code for m in doc.mentions}["Sahel"] == "RGN"


def test_a_river_written_without_its_kind_after_the(pipeline):
    # "the Mississippi" is the river (the build indexes "Mississippi" for the Mississippi River), a
    # bare "Mississippi" the state; "on the Volga, the city administration said": no city of the Volga
    doc = pipeline.locate(Article("t.txt", "Barges stopped at Cairo, Illinois, where the Ohio River meets the Mississippi. "
                                          "Officials in Mississippi said."))
    assert [m.feature_code for m in doc.mentions if m.text == "Mississippi"] == ["STM", "ADM1"]
    doc = pipeline.locate(Article("t.txt", "In Volgograd, on the Volga, the city administration opened shelters."))
    assert {m.text: m.feature_code for m in doc.mentions}["Volga"] == "STM"


def test_the_japan_sea_is_the_sea_of_japan(gaz):
    # features.toml: "Japan Sea" among the Sea of Japan's names (else "Japan" alone is read, the country)
    assert {c.place.name for c in gaz.candidates("japan sea")} == {"Sea of Japan"}
