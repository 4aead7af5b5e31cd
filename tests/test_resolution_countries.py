"""Full country dumps on demand (`geo gazetteer build --countries`, `[places] countries`): the
mechanism on the mirror's UA.zip and on a small dump the test writes itself."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from conftest import GEODATA, run_geo

# One row in GeoNames' dump format (19 tab-separated columns): a village written for this test,
# with an id outside GeoNames' range so it can be no real place.
_ROW = ["990000001", "Aytarun Test", "Aytarun Test", "Aytarun Test,Aitaroun Test", "33.1167", "35.4667", "P", "PPL",
        "LB", "", "08", "", "", "", "0", "", "600", "Asia/Beirut", "2024-01-01"]


def test_with_countries_adds_each_dump_once_and_refuses_bad_codes():
    from geo.errors import InputError
    from geo.gazetteer.definition import load_definition, with_countries

    spec = load_definition(Path(__file__).resolve().parents[1] / "gazetteer" / "extract.toml")
    more = with_countries(spec, ["ua", " lb", "RU", ""])
    assert [more.sources[k].path for k in more.full_dumps] == ["geonames/UA.zip", "geonames/LB.zip", "geonames/RU.zip"]
    assert more.sources["geonames_lb"].url.endswith("/LB.zip") and more.sources["geonames_lb"].member == "LB.txt"
    with pytest.raises(InputError, match="not a two-letter ISO country code"):
        with_countries(spec, ["LBN"])


def test_build_indexes_a_country_dump_given_on_the_command_line(tmp_path):
    if not GEODATA.is_dir():
        pytest.skip("no mirror")
    mirror = tmp_path / "mirror"
    for sub in ("geonames", "naturalearth"):
        (mirror / sub).mkdir(parents=True)
        for f in (GEODATA / sub).iterdir():
            (mirror / sub / f.name).symlink_to(f)
    with zipfile.ZipFile(mirror / "geonames" / "LB.zip", "w") as z:
        z.writestr("LB.txt", "\t".join(_ROW) + "\n")
    db = tmp_path / "geo.sqlite"
    built = run_geo("gazetteer", "build", "--source", str(mirror), "--db", str(db), "--countries", "LB", "--quiet")
    assert built.returncode == 0, built.stderr.decode()
    looked = run_geo("gazetteer", "lookup", "Aitaroun Test", "--format", "json", env={"GEO_GAZETTEER": str(db)})
    assert looked.returncode == 0, looked.stderr.decode()
    assert [r["geonameid"] for r in json.loads(looked.stdout)] == [990000001]
    # a country whose dump the mirror lacks stops the build with one line
    bad = run_geo("gazetteer", "build", "--source", str(mirror), "--db", str(tmp_path / "x.sqlite"), "--countries", "QQ", "--quiet")
    assert bad.returncode != 0 and b"QQ.zip: not found" in bad.stderr and b"Traceback" not in bad.stderr


def test_a_short_form_is_no_own_name_against_a_country(gaz):
    # GeoVirus article 99 (swine flu): "Mexico" is a short form of Mexico City's name, which the article
    # also names; every "Mexico" is still the country
    from conftest import corpus_article
    from geo.pipeline import Pipeline

    article = corpus_article("GeoVirus.xml", "99")
    mentions = Pipeline(gaz, check_claims=False).locate(article).mentions
    assert "Mexico City" in {m.text for m in mentions}
    assert {m.geonameid for m in mentions if m.text == "Mexico"} == {3996063}


def test_a_container_is_the_state_holding_the_town_not_the_country_of_its_name(gaz):
    # GeoVirus article 114: "from Atlanta, Georgia to Wichita, Kansas": the country Georgia holds no
    # Atlanta; the state does
    from conftest import corpus_article
    from geo.pipeline import Pipeline

    article = corpus_article("GeoVirus.xml", "114")
    found = {m.text: m.geonameid for m in Pipeline(gaz, check_claims=False).locate(article).mentions}
    assert found["Georgia"] == 4197000 and found["Atlanta"] == 4180439
