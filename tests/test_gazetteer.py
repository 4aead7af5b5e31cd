"""The gazetteer on real mirror data: lookups, the CLI, bad upstream files, rebuilds."""
from __future__ import annotations

import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from conftest import run_geo


def ids(gaz, name, **kw):
    return [c.place.geonameid for c in gaz.lookup(name, **kw)]


@pytest.mark.parametrize("name, geonameid", [
    ("Izium", 707292), ("Izyum", 707292), ("Chkalovske", 710429), ("Prolisne", 710429), ("Valuyki", 477192),
    ("Kupiansk", 703656), ("Kharkiv Oblast", 706482), ("Kharkiv", 706483), ("Kharkiv", 706482),
    ("Balakliia", 712926), ("Zaliznychne", 8664320), ("Kindrashivka", 705175), ("Hrakove", 708200),
])
def test_lookup_finds_the_reference_places(gaz, name, geonameid):
    assert geonameid in ids(gaz, name)


@pytest.mark.parametrize("name, first", [
    ("Moscow", 524901),            # the capital, not the federal city's division or Moscow, Idaho
    ("Washington", 4140963),       # Washington, D.C. over the state
    ("Kharkiv", 706483),           # the city before the oblast
    ("Kyiv", 703448),
    ("America", 6252001), ("U.S.", 6252001), ("USA", 6252001), ("United States", 6252001),
    ("UK", 2635167), ("Britain", 2635167), ("Holland", 2750405),
    ("Russia", 2017370), ("Russian Federation", 2017370), ("Ukraine", 690791),
    ("Europe", 6255148), ("Asia", 6255147),
    ("Belgorod Oblast", 578071), ("Chechnya", 569665),
])
def test_lookup_ranks_the_expected_place_first(gaz, name, first):
    assert ids(gaz, name)[0] == first


def test_lookup_is_normalized(gaz):
    assert ids(gaz, "Kyiv")[:3] == ids(gaz, "KYIV")[:3] == ids(gaz, "Kyïv")[:3]


def test_lookup_by_country(gaz):
    found = ids(gaz, "Valuyki", country="ru")
    assert found == [477192]


def test_names_without_a_dropped_definite_article(gaz):
    # In a country whose main language is Arabic (countryInfo), "Ar Raqqah" is also found as "Raqqah"
    raqqah = {c.place.geonameid: c.kind for c in gaz.lookup("Raqqah")}
    assert raqqah.get(172955) == "everyday"
    assert 172955 in ids(gaz, "Ar Raqqah")
    # ...but not where the article is part of the name in the country's language (El Paso, Texas)
    assert 5520993 in ids(gaz, "El Paso") and 5520993 not in ids(gaz, "Paso")


def test_country_neighbours_come_from_country_info(gaz):
    assert gaz.neighbours("UA") >= {"RU", "BY", "PL", "MD"} and "LT" not in gaz.neighbours("UA")
    assert gaz.neighbours("XX") == set()


def test_divisions_and_countries_have_coordinates_and_names(gaz):
    belgorod = gaz.place(578071)
    assert belgorod.feature_code == "ADM1" and 49 < belgorod.lat < 52 and 35 < belgorod.lon < 40
    valuyki = gaz.place(477192)
    assert valuyki.admin1 == "Belgorod Oblast" and valuyki.country == "Russia"
    assert gaz.admin_division("RU.09").geonameid == 578071
    assert gaz.country("UA").geonameid == 690791


def test_polygons_are_linked_to_geonames_ids(gaz):
    import shapely

    kharkiv_oblast = gaz.geometry(706482, "admin1")
    ukraine = gaz.geometry(690791, "admin0")
    assert kharkiv_oblast.contains(shapely.Point(37.2768, 49.2070))      # Izium
    assert not kharkiv_oblast.contains(shapely.Point(30.5238, 50.4547))  # Kyiv
    assert ukraine.contains(shapely.Point(36.2548, 49.9818))
    # the German point of view draws Crimea inside Ukraine
    assert ukraine.contains(shapely.Point(34.1, 44.95))


def test_cli_lookup_json(gazetteer_path):
    for name, expected in [("Izium", {707292}), ("Chkalovske", {710429}), ("Valuyki", {477192}),
                           ("Kupiansk", {703656}), ("Kharkiv Oblast", {706482}), ("Kharkiv", {706483, 706482})]:
        result = run_geo("gazetteer", "lookup", name, "--format", "json", "--db", str(gazetteer_path))
        assert result.returncode == 0, result.stderr
        found = {row["geonameid"] for row in json.loads(result.stdout)}
        assert expected <= found, name


def test_cli_lookup_table_and_info(gazetteer_path):
    table = run_geo("gazetteer", "lookup", "Izium", "--db", str(gazetteer_path))
    assert table.returncode == 0 and b"707292" in table.stdout and b"Kharkiv Oblast" in table.stdout
    info = run_geo("gazetteer", "info", "--format", "json", "--db", str(gazetteer_path))
    data = json.loads(info.stdout)
    assert data["counts"]["places"] > 200_000
    assert "CC BY 4.0" in data["attribution"]
    assert any(name.endswith("UA.zip") for name in data["files"])


def test_missing_database_is_a_one_line_error(tmp_path):
    result = run_geo("gazetteer", "lookup", "Kyiv", "--db", str(tmp_path / "none.sqlite"))
    assert result.returncode == 3
    assert result.stderr.decode().count("\n") == 1 and b"geo gazetteer build" in result.stderr


@pytest.mark.parametrize("content", [b"this is not sqlite at all" * 100, b""])
def test_corrupt_database_is_a_one_line_error(tmp_path, content):
    db = tmp_path / "bad.sqlite"
    db.write_bytes(content)
    result = run_geo("gazetteer", "lookup", "Kyiv", "--db", str(db))
    assert result.returncode == 3
    assert result.stderr.decode().count("\n") == 1 and b"Traceback" not in result.stderr


def test_truncated_database_is_a_one_line_error(tmp_path, gazetteer_path):
    db = tmp_path / "cut.sqlite"
    with gazetteer_path.open("rb") as f:
        db.write_bytes(f.read(gazetteer_path.stat().st_size // 3))
    result = run_geo("gazetteer", "lookup", "Kyiv", "--db", str(db))
    assert result.returncode == 3, result.stderr
    assert result.stderr.decode().count("\n") == 1 and b"Traceback" not in result.stderr


def mirror_with(tmp_path: Path, geodata: Path, replace: dict[str, bytes]) -> Path:
    """A copy of the mirror (symlinks) with some files replaced by the given bytes."""
    mirror = tmp_path / "mirror"
    for src in geodata.rglob("*"):
        if src.is_file():
            rel = src.relative_to(geodata)
            dst = mirror / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            if str(rel) in replace:
                dst.write_bytes(replace[str(rel)])
            else:
                dst.symlink_to(src)
    return mirror


def assert_failed_cleanly(result, db: Path, *needles: str):
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, err
    assert not db.exists()
    assert not [p for p in db.parent.iterdir() if p.name.startswith(f".{db.name}")], "temporary file left behind"


def test_corrupt_zip_fails_cleanly(tmp_path, geodata):
    raw = bytearray((geodata / "geonames/UA.zip").read_bytes())
    for i in range(len(raw) // 2, len(raw) // 2 + 64):  # damage compressed data in the middle
        raw[i] ^= 0xFF
    mirror = mirror_with(tmp_path, geodata, {"geonames/UA.zip": bytes(raw)})
    db = tmp_path / "out" / "geo.sqlite"
    db.parent.mkdir()
    result = run_geo("gazetteer", "build", "--source", str(mirror), "--db", str(db), "--quiet")
    assert_failed_cleanly(result, db, "UA.zip")


def test_cut_off_zip_fails_cleanly(tmp_path, geodata):
    raw = (geodata / "geonames/cities500.zip").read_bytes()
    mirror = mirror_with(tmp_path, geodata, {"geonames/cities500.zip": raw[: len(raw) // 2]})
    db = tmp_path / "out" / "geo.sqlite"
    db.parent.mkdir()
    result = run_geo("gazetteer", "build", "--source", str(mirror), "--db", str(db), "--quiet")
    assert_failed_cleanly(result, db, "cities500.zip", "zip")


def test_truncated_dump_fails_cleanly(tmp_path, geodata):
    with zipfile.ZipFile(geodata / "geonames/UA.zip") as z:
        text = z.read("UA.txt")
    cut = text[: len(text) // 2]  # ends in the middle of a row
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("UA.txt", cut)
    mirror = mirror_with(tmp_path, geodata, {"geonames/UA.zip": buf.getvalue()})
    db = tmp_path / "out" / "geo.sqlite"
    db.parent.mkdir()
    result = run_geo("gazetteer", "build", "--source", str(mirror), "--db", str(db), "--quiet")
    assert_failed_cleanly(result, db, "UA.zip", "truncated")


def test_non_numeric_coordinates_fail_cleanly(tmp_path, geodata):
    with zipfile.ZipFile(geodata / "geonames/UA.zip") as z:
        lines = z.read("UA.txt").decode().split("\n")
    cols = lines[10].split("\t")
    cols[4] = "north"
    lines[10] = "\t".join(cols)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("UA.txt", "\n".join(lines))
    mirror = mirror_with(tmp_path, geodata, {"geonames/UA.zip": buf.getvalue()})
    db = tmp_path / "out" / "geo.sqlite"
    db.parent.mkdir()
    result = run_geo("gazetteer", "build", "--source", str(mirror), "--db", str(db), "--quiet")
    assert_failed_cleanly(result, db, "UA.zip", "line 11")


def test_missing_source_file_fails_cleanly(tmp_path, geodata):
    mirror = mirror_with(tmp_path, geodata, {})
    (mirror / "geonames/admin2Codes.txt").unlink()
    db = tmp_path / "out" / "geo.sqlite"
    db.parent.mkdir()
    result = run_geo("gazetteer", "build", "--source", str(mirror), "--db", str(db), "--quiet")
    assert_failed_cleanly(result, db, "admin2Codes.txt", "not found")


@pytest.mark.slow
def test_rebuild_replaces_the_database_and_a_failed_build_keeps_it(tmp_path, geodata):
    db = tmp_path / "geo.sqlite"
    db.write_bytes(b"an old, broken database")
    first = run_geo("gazetteer", "build", "--source", str(geodata), "--db", str(db), "--quiet")
    assert first.returncode == 0, first.stderr
    con = sqlite3.connect(db)
    built_at = dict(con.execute("SELECT key, value FROM meta"))["built_at"]
    assert con.execute("SELECT geonameid FROM names WHERE norm = 'izium'").fetchone() == (707292,)
    con.close()

    broken = mirror_with(tmp_path, geodata, {"geonames/countryInfo.txt": b"AD\tAND\n"})
    before = db.read_bytes()
    failed = run_geo("gazetteer", "build", "--source", str(broken), "--db", str(db))
    assert failed.returncode == 2 and b"countryInfo.txt" in failed.stderr
    assert db.read_bytes() == before  # the previous build survives a failed one

    lookup = run_geo("gazetteer", "info", "--format", "json", "--db", str(db))
    assert json.loads(lookup.stdout)["built_at"] == built_at


def test_fetch_from_mirror_copies_every_file(tmp_path, geodata):
    dest = tmp_path / "downloads"
    result = run_geo("data", "fetch", "--source", str(geodata), "--dest", str(dest))
    assert result.returncode == 0, result.stderr
    for name in ["geonames/UA.zip", "geonames/cities500.zip", "naturalearth/ne_10m_admin_0_countries_deu.zip"]:
        assert (dest / name).read_bytes() == (geodata / name).read_bytes()


def test_help_and_version():
    for args in (["--help"], ["gazetteer", "--help"], ["gazetteer", "build", "--help"], ["gazetteer", "lookup", "--help"],
                 ["gazetteer", "info", "--help"], ["data", "fetch", "--help"]):
        result = run_geo(*args)
        assert result.returncode == 0 and b"Usage:" in result.stdout, args
    version = run_geo("--version")
    assert version.returncode == 0 and version.stdout.startswith(b"geo, version")


def test_bad_option_is_a_one_line_usage_error():
    result = run_geo("gazetteer", "lookup", "Kyiv", "--format", "xml")
    assert result.returncode == 2 and b"Traceback" not in result.stderr


def test_a_division_natural_earth_draws_in_finer_units(gaz):
    # England, Scotland and Wales: no polygon of their own in Natural Earth, the union of their counties
    import shapely

    england, scotland = gaz.geometry(6269131, "admin1"), gaz.geometry(2638360, "admin1")
    assert england.contains(shapely.Point(-1.7946, 51.0688))       # Salisbury
    assert not england.contains(shapely.Point(-3.1883, 55.9533))   # Edinburgh
    assert scotland.contains(shapely.Point(-3.1883, 55.9533))
    # Italy's regions: Natural Earth draws their provinces (each linked to a GeoNames second-level division)
    sicily = gaz.geometry(2523119, "admin1")
    assert sicily.contains(shapely.Point(15.0704, 37.4922))        # Catania
    assert not sicily.contains(shapely.Point(15.6613, 38.1105))    # Reggio Calabria, across the strait


def test_demonyms_of_nations_within_a_country(gaz):
    # looked up for annotated spans only: "English" is England (not English, Indiana), "Welsh" Wales
    for demonym, geonameid in [("English", 6269131), ("Welsh", 2634895), ("Scottish", 2638360)]:
        assert any(c.kind == "demonym" and c.place.geonameid == geonameid for c in gaz.candidates(demonym.lower()))


def test_names_written_after_a_lower_case_the_and_provinces_called_pradesh(gaz):
    # "the Scottish Borders" (GeoNames: The Scottish Borders); Nepal's "Karnali Province" (Karnali Pradesh)
    assert 2655192 in {c.place.geonameid for c in gaz.candidates("scottish borders")}
    assert {c.place.geonameid for c in gaz.candidates("karnali") if c.kind == "stem"} == {12095452}


def test_countries_that_no_longer_exist_are_left_out(gaz):
    # countryInfo still lists Serbia and Montenegro (CS); as a country it swallowed "Croatia, Serbia and Montenegro"
    assert not [c for c in gaz.candidates("serbia and montenegro") if c.place.is_country]
    assert {c.place.country_code for c in gaz.candidates("montenegro") if c.place.is_country} == {"ME"}


def test_everyday_names_the_definition_gives(gaz):
    # extract.toml: "PNG" for Papua New Guinea, "Gaza" as the Strip's everyday name (GeoNames: a short form)
    assert {(c.place.geonameid, c.kind) for c in gaz.candidates("png")} >= {(2088628, "abbrev")}
    assert (281132, "news") in {(c.place.geonameid, c.kind) for c in gaz.candidates("gaza")}
