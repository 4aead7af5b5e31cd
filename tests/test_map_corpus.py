"""Corpus maps, `geo map --from NAME.parquet`: a generated corpus through the real `geo extract --corpus`
(Dask), its map checked against the dataset's rows aggregated independently with pandas, hostile manifest
fields, bad input, and the page in a real headless Chromium, offline."""
from __future__ import annotations

import html as htmllib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from conftest import run_geo
from test_map_browser import ARTIFACTS, browser, open_map  # noqa: F401  (browser: the module's fixture)

from geo.map.places_layer import marker_size

N_ARTICLES = 40
PARTITION = 10
SEED = 7
TOP = 10
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
# Braces: folium renders the page's parts a second time as Jinja templates (see geo.map.safety).
HOSTILE_SOURCE = "<b onmouseover=alert(2)>{{ 7*7 }}</b> {# x"


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


# -- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dataset(tmp_path_factory, gazetteer_path) -> Path:
    """A generated corpus, its manifest made hostile for article 0 and undated for article 1, through
    the real `geo extract --corpus` on a local Dask cluster (four partitions)."""
    root = tmp_path_factory.mktemp("corpus_map")
    corpus = root / "news"
    _ok(run_geo("corpus", "generate", str(corpus), "-n", str(N_ARTICLES), "--seed", str(SEED), "--db", str(gazetteer_path)))
    manifest = corpus / "manifest.jsonl"
    entries = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    entries[0].update(title=HOSTILE_TITLE, source=HOSTILE_SOURCE, url="javascript:alert('url')")
    del entries[1]["date"]
    manifest.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    out = root / "news.parquet"
    _ok(run_geo("extract", "--corpus", str(corpus), "--out", str(out), "--workers", "1", "--partition-size", str(PARTITION),
                "--no-claims", "--db", str(gazetteer_path)))
    assert len(list(out.glob("part-*.parquet"))) == N_ARTICLES // PARTITION
    return out


@pytest.fixture(scope="module")
def corpus_map(dataset, gazetteer_path) -> tuple[Path, str]:
    out = dataset.parent / "maps" / "news.html"
    stdout = _ok(run_geo("map", "--from", str(dataset), "-o", str(out), "--offline", "--title", "News <corpus>",
                         "--db", str(gazetteer_path)))
    return out, stdout


@pytest.fixture(scope="module")
def rows(dataset) -> pd.DataFrame:
    """The dataset's resolved mentions, read whole with pandas (independently of geo.map); names that
    modify an office or body (a "role") are no places on the map."""
    frame = pd.read_parquet(dataset, columns=["article", "title", "date", "geonameid", "text", "role"])
    frame = frame[frame["role"].isna()]
    return frame[frame["geonameid"].notna()].astype({"geonameid": "int64"}).drop(columns="role")


def _places(html: str) -> dict[int, dict]:
    """The places the page's script draws (the JSON argument of corpus_places.js), by id, each with its
    popup (the HTML of its <template>)."""
    match = re.search(r"\}\)\(window\.geoMap, corpus_places_layer_\d+, (\[.*?\]), (?:true|false)\);", html, re.DOTALL)
    assert match, "no places data in the page"
    popups = {int(gid): popup for gid, popup in re.findall(r'<template id="geo-popup-(\d+)">(.*?)</template>', html, re.DOTALL)}
    places = {p["id"]: p for p in json.loads(match.group(1))}
    assert set(popups) == set(places), "one popup per place"
    return {gid: {**p, "popup": popups[gid]} for gid, p in places.items()}


def _listed(popup: str) -> list[tuple[str, int]]:
    """(title, mentions) of each article a popup lists, unescaped."""
    found = re.findall(r'<li class="geo-popup-article" data-mentions="(\d+)">\n<p class="geo-popup-title">(.*?)</p>', popup)
    return [(htmllib.unescape(title), int(n)) for n, title in found]


def _weeks(rows: pd.DataFrame) -> pd.Series:
    """Each row's week (Monday-based) as an index from the first dated week; NaN when undated."""
    day = pd.to_datetime(rows["date"], format="%Y-%m-%d", errors="coerce")
    monday = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    return (monday - monday.min()).dt.days // 7


# -- the aggregates -----------------------------------------------------------------------------


def test_places_and_counts_are_those_of_the_parquet_rows(corpus_map, rows):
    path, stdout = corpus_map
    places = _places(path.read_text(encoding="utf-8"))
    mentions = rows.groupby("geonameid").size()
    articles = rows.groupby("geonameid")["article"].nunique()
    assert set(places) == set(mentions.index), "one marker per resolved place"
    for gid, p in places.items():
        assert (p["m"], p["n"], p["size"]) == (mentions[gid], articles[gid], marker_size(articles[gid])), p["name"]
        assert f'data-articles="{articles[gid]}" data-mentions="{mentions[gid]}"' in p["popup"]
        assert f"https://www.geonames.org/{gid}" in p["popup"]
    assert f"{len(places):,} places, {len(rows):,} mentions in {rows['article'].nunique()} articles" in stdout
    assert "a time slider of 7 weeks" in stdout          # 2022-01-01 (a Saturday) to 2022-02-09


def _ranked(rows: pd.DataFrame) -> pd.DataFrame:
    """Every (place, article) pair with its mentions, each place's articles in the popup's order:
    naming it most, then the most recent (undated last), then by id."""
    pairs = rows.groupby(["geonameid", "article"]).size().rename("n").reset_index()
    meta = rows.drop_duplicates("article").set_index("article")
    pairs["day"] = pd.to_datetime(pairs["article"].map(meta["date"]), errors="coerce")
    pairs["title"] = pairs["article"].map(meta["title"])
    return pairs.sort_values(["geonameid", "n", "day", "article"], ascending=[True, False, False, True], na_position="last")


def test_popups_list_the_articles_naming_the_place_most(corpus_map, rows):
    places = _places(corpus_map[0].read_text(encoding="utf-8"))
    for gid, group in _ranked(rows).groupby("geonameid"):
        expected = list(zip(group["title"], group["n"]))
        assert _listed(places[gid]["popup"]) == expected[:TOP], places[gid]["name"]
        more = len(expected) - TOP
        assert (f"and {more} more article" in places[gid]["popup"]) == (more > 0)


def test_each_place_carries_its_mentions_and_articles_per_week(corpus_map, rows):
    places = _places(corpus_map[0].read_text(encoding="utf-8"))
    dated = rows.assign(week=_weeks(rows)).dropna(subset=["week"]).astype({"week": "int64"})
    per_week = dated.groupby(["geonameid", "week"]).agg(m=("article", "size"), a=("article", "nunique")).reset_index()
    expected = {gid: [] for gid in places}
    for r in per_week.itertuples(index=False):
        expected[r.geonameid] += [r.week, r.m, r.a]
    assert {gid: p["t"] for gid, p in places.items()} == expected
    undated = rows[rows["article"] == "000001.txt"]["geonameid"].unique()
    assert len(undated) and all(sum(places[g]["t"][1::3]) < places[g]["m"] for g in undated)


def test_reducing_file_by_file_changes_nothing(dataset, rows, monkeypatch):
    """Each file reduced alone and the partial tables merged every few rows, as a large corpus has them:
    the same summary as the four files read as one batch, and the same top articles as pandas finds
    on the whole table (three a place, so that most places have more than that)."""
    from geo.map import corpus_data

    monkeypatch.setattr(corpus_data, "TOP_ARTICLES", 3)
    whole = corpus_data.summarize(dataset)
    monkeypatch.setattr(corpus_data, "BATCH_ROWS", 1)
    monkeypatch.setattr(corpus_data, "MERGE_ROWS", 40)
    merged = corpus_data.summarize(dataset)
    assert merged.places == whole.places and merged.periods == whole.periods
    assert (whole.articles, whole.undated_articles) == (N_ARTICLES, 1)
    ranked = _ranked(rows)
    assert (ranked.groupby("geonameid").size() > 3).sum() >= 10
    expected = {gid: list(zip(g["article"], g["n"]))[:3] for gid, g in ranked.groupby("geonameid")}
    assert {p.geonameid: [(a.id, a.mentions) for a in p.top] for p in merged.places} == expected


def test_the_same_dataset_gives_the_same_bytes(corpus_map, dataset, gazetteer_path, tmp_path):
    again = tmp_path / "again.html"
    _ok(run_geo("map", "--from", str(dataset), "-o", str(again), "--offline", "--title", "News <corpus>", "--db", str(gazetteer_path)))
    assert again.read_bytes() == corpus_map[0].read_bytes()
    assert not list(corpus_map[0].parent.glob(".*.tmp"))


# -- escaping -----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser sees them."""

    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))


def test_hostile_manifest_fields_stay_text(corpus_map, rows):
    html = corpus_map[0].read_text(encoding="utf-8")
    assert "<img src=x" not in html and "<b onmouseover" not in html and "javascript:" not in html
    page = _Tags()
    page.feed(html)
    assert [tag for tag, _ in page.seen].count("script") == 5     # Leaflet, markercluster, Leaflet.heat, folium's, the map's
    assert "<title>News &lt;corpus&gt;</title>" in html
    places = _places(html)
    first = set(rows[rows["article"] == "000000.txt"]["geonameid"])
    shown = [gid for gid in first if HOSTILE_TITLE in [t for t, _ in _listed(places[gid]["popup"])]]
    assert shown, "article 0 should be among the top articles of one of its places"
    for gid, p in places.items():
        tags = _Tags()
        tags.feed(p["popup"])
        assert not [a for _, attrs in tags.seen for a, _ in attrs if a.startswith("on")], p["name"]
        assert all(v.startswith("https://") for _, attrs in tags.seen for a, v in attrs if a == "href"), p["name"]
    popup = places[shown[0]]["popup"]
    item = popup[popup.index(htmllib.escape(HOSTILE_TITLE, quote=False)):].split("</li>")[0]
    assert f"<span>{HOSTILE_SOURCE}</span>" in htmllib.unescape(item) and "49" not in item
    assert "<a " not in item     # no link from a javascript: url


# -- bad input ------------------------------------------------------------------------------------


def _not_ours(tmp: Path, dataset: Path) -> Path:
    pd.DataFrame({"id": [1, 2], "value": ["a", "b"]}).to_parquet(tmp / "other.parquet")
    return tmp / "other.parquet"


def _not_parquet(tmp: Path, dataset: Path) -> Path:
    (tmp / "text.parquet").mkdir()
    (tmp / "text.parquet" / "part-00000.parquet").write_text("id,value\n1,a\n", encoding="utf-8")
    return tmp / "text.parquet"


def _truncated(tmp: Path, dataset: Path) -> Path:
    copy = tmp / "cut.parquet"
    shutil.copytree(dataset, copy)
    part = copy / "part-00002.parquet"
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    return copy


def _claims(tmp: Path, dataset: Path) -> Path:
    pd.DataFrame({"article": ["a"], "quote": ["q"], "verdict": ["consistent"]}).to_parquet(tmp / "news.claims.parquet")
    return tmp / "news.claims.parquet"


@pytest.mark.parametrize("make, words", [
    (lambda tmp, dataset: tmp / "nowhere.parquet", "no such dataset"),
    (_not_ours, "not a dataset of `geo extract --corpus`"),
    (_not_parquet, "not a readable Parquet file"),
    (_truncated, "part-00002.parquet"),
    (_claims, "a dataset of claims"),
], ids=["missing", "not-ours", "not-parquet", "truncated", "claims"])
def test_bad_datasets_are_one_line_errors_and_write_nothing(dataset, tmp_path, make, words):
    source = make(tmp_path, dataset)
    out = tmp_path / "maps" / "m.html"
    result = run_geo("map", "--from", str(source), "-o", str(out))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.startswith("geo: error: ") and err.count("\n") == 1, err
    assert words in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize("args, words", [
    (("--from", "{dataset}", "{dataset}/part-00000.parquet"), "--from maps a corpus dataset alone"),
    (("--from", "{dataset}", "--layer-by", "source"), "--from maps a corpus dataset alone"),
    (("--from", "{dataset}", "-o", "{tmp}/m.png"), "must be a .html file"),
    ((), "give a RECIPE.toml"),
])
def test_bad_options_with_from_are_one_line_errors(dataset, tmp_path, args, words):
    result = run_geo("map", *[a.format(dataset=dataset, tmp=tmp_path) for a in args])
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and words in err, err
    assert not list(tmp_path.iterdir())


def test_a_dataset_without_dates_has_no_slider(dataset, gazetteer_path, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    undated = tmp_path / "undated.parquet"
    undated.mkdir()
    for part in sorted(dataset.glob("part-*.parquet")):
        table = pq.read_table(part)
        table = table.set_column(table.schema.get_field_index("date"), "date", pa.nulls(table.num_rows, pa.large_string()))
        pq.write_table(table, undated / part.name)
    out = tmp_path / "undated.html"
    assert "no dates" in _ok(run_geo("map", "--from", str(undated), "-o", str(out), "--offline", "--db", str(gazetteer_path)))
    html = out.read_text(encoding="utf-8")
    assert "new Timeline()" not in html and all(p["t"] == [] for p in _places(html).values())
    assert "L.heatLayer" in html


# -- in the browser -------------------------------------------------------------------------------


def test_corpus_map_in_chromium_offline(browser, corpus_map, rows):  # noqa: F811
    path = corpus_map[0]
    places = _places(path.read_text(encoding="utf-8"))
    context, page, watch = open_map(browser, path)
    shown = "Object.values(geoMap.places).filter(function (e) { return e.container.hasLayer(e.layer); }).length"
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    assert page.evaluate("document.documentElement.dataset.geoHeatPoints") == str(len(places))
    assert page.evaluate(shown) == len(places)
    slider = page.locator(".geo-timeline-input")
    assert slider.get_attribute("max") == "7" and page.locator(".geo-timeline-bar").count() == 7

    # The third week: only the places named that week, numbered by its articles; the heat follows.
    weeks = rows.assign(week=_weeks(rows))
    third = weeks[weeks["week"] == 2].groupby("geonameid")["article"].nunique()
    slider.fill("3")
    assert page.evaluate("document.documentElement.dataset.geoPeriod") == "3"
    assert page.evaluate(shown) == len(third)
    assert page.evaluate("document.documentElement.dataset.geoHeatPoints") == str(len(third))
    assert page.locator(".geo-timeline-label").inner_text().startswith("week of 10 Jan 2022")
    numbers = page.evaluate(f"""Object.values(geoMap.places).filter(function (e) {{ return e.container.hasLayer(e.layer); }})
        .map(function (e) {{ return [e.data.id, e.layer.options.icon.options.html.textContent]; }})""")
    assert {gid: text for gid, text in numbers} == {gid: str(n) if n > 1 else "" for gid, n in third.items()}

    # A place of article 0 (hostile title) not named that week: search shows it, back to all dates.
    first = set(rows[rows["article"] == "000000.txt"]["geonameid"]) - set(third.index)
    gid = min(g for g in first if HOSTILE_TITLE in [t for t, _ in _listed(places[g]["popup"])])
    page.locator(".geo-search-input").fill(places[gid]["name"])
    page.locator(f'.geo-search-results button[data-geonameid="{gid}"]').click()
    popup = page.locator(f'.leaflet-popup .geo-popup[data-geonameid="{gid}"]')
    popup.wait_for(timeout=10_000)
    assert page.evaluate("document.documentElement.dataset.geoPeriod") == "0" and slider.input_value() == "0"
    assert HOSTILE_TITLE in popup.locator(".geo-popup-title").all_inner_texts()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-corpus.png"))

    # The heat layer can be switched off and on again while the slider moves.
    page.locator(".leaflet-control-layers").hover()
    heat = page.locator(".leaflet-control-layers-overlays label", has_text="Heat map of mentions").locator("input")
    heat.uncheck()
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 0
    slider.fill("5")
    heat.check()
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    assert watch.errors == [] and watch.requests == [] and watch.dialogs == []
    context.close()
