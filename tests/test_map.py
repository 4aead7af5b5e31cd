"""The map export: real gazetteer, real files, the real CLI (the browser side is in test_map_browser.py)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import GOLD, ROOT, run_geo
from gold_documents import gold_documents

from shapely import Point

from geo.document import Article, Document, Mention
from geo.errors import GeoError
from geo.map import MapOptions, render_map
from geo.map.places_layer import POPUP_SEPARATOR
from geo.map.recipe import load_recipe

MANIFEST = ROOT / "maps" / "samples" / "kharkiv-2022" / "manifest.jsonl"


@pytest.fixture(scope="module")
def gold_docs(gaz):
    return gold_documents(GOLD, MANIFEST, gaz)


def _popups(html: str) -> list[str]:
    """The popups of the places, in the page's inert block of popups (see places.js)."""
    store = re.search(r'<script type="text/x-geo-popups" id="geo-popups-places_layer_\d+">(.*?)</script>', html, re.DOTALL)
    assert store, "no popups in the page"
    return store.group(1).split(POPUP_SEPARATOR)


def _places_data(html: str) -> list[dict]:
    """The places the page's script draws (the JSON argument of places.js), each with its popup."""
    match = re.search(r"\}\)\(window\.geoMap, places_layer_\d+, (\[.*?\]), (?:true|false), (\[.*?\]),\n", html, re.DOTALL)
    assert match, "no places data in the page"
    places = json.loads(match.group(1))
    popups = _popups(html)
    assert len(popups) == len(places), "one popup per place"
    return [{**p, "popup": popup} for p, popup in zip(places, popups)]


def test_every_gold_place_is_drawn_once_with_its_articles(gaz, gold_docs, tmp_path):
    result = render_map(gold_docs, gaz, tmp_path / "ref.html", MapOptions(title="Reference", offline=True))
    html = result.path.read_text(encoding="utf-8")
    places = _places_data(html)
    ids = [p["id"] for p in places]
    assert len(ids) == len(set(ids)), "one marker per place, not per mention"
    gold = {m.geonameid for d in gold_docs for m in d.mentions}
    assert set(ids) == gold
    by_id = {p["id"]: p for p in places}
    kharkiv = by_id[706483]
    assert kharkiv["kind"] == "settlement" and kharkiv["n"] == len({d.article.id for d in gold_docs for m in d.mentions if m.geonameid == 706483})
    assert by_id[706482]["kind"] == "region" and by_id[706482]["shape"]["type"].endswith("Polygon")
    assert by_id[690791]["kind"] == "country" and by_id[514365]["kind"] == "river"
    assert "https://www.geonames.org/706483" in kharkiv["popup"]
    assert "<mark>Kharkiv</mark>" in kharkiv["popup"]


def test_article_pages_anchor_every_mention_and_link_back(gaz, gold_docs, tmp_path):
    result = render_map(gold_docs, gaz, tmp_path / "ref.html", MapOptions(offline=True))
    assert [p.name for p in result.pages] == [Path(d.article.id).stem + ".html" for d in gold_docs]
    for doc, page in zip(gold_docs, result.pages):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html
        for m in doc.mentions:
            anchor = re.search(rf'<a class="mention kind-\w+" id="m-{m.start}-{m.end}" data-geonameid="{m.geonameid}" '
                               rf'href="../../ref.html#place={m.geonameid}"[^>]*>([^<]*)</a>', html)
            assert anchor, (page.name, m.text)
            assert anchor.group(1) == m.text.replace("&", "&amp;")


def test_same_input_gives_the_same_bytes(gaz, gold_docs, tmp_path):
    first = render_map(gold_docs, gaz, tmp_path / "a" / "ref.html", MapOptions(offline=True))
    second = render_map(gold_docs, gaz, tmp_path / "b" / "ref.html", MapOptions(offline=True))
    assert first.path.read_bytes() == second.path.read_bytes()
    for a, b in zip(first.pages, second.pages):
        assert a.read_bytes() == b.read_bytes()


def test_offline_map_references_nothing_outside(gaz, gold_docs, tmp_path):
    html = render_map(gold_docs, gaz, tmp_path / "ref.html", MapOptions(offline=True)).path.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html)
    assert "tile.openstreetmap.org" not in html
    assert "img-src data:;" in html
    online = render_map(gold_docs, gaz, tmp_path / "online.html", MapOptions()).path.read_text(encoding="utf-8")
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in online and "OpenStreetMap" in online


HOSTILE = "<script>alert('text')</script> Kharkiv <img src=x onerror=alert('img')> javascript:alert(1)"


class _Tags(HTMLParser):
    """Every start tag with its attributes, and how many scripts, as a browser's parser sees them."""

    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, list]] = []
        self.scripts = 0
        self.inert = 0

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))
        inert = tag == "script" and dict(attrs).get("type") == "text/x-geo-popups"
        self.scripts += tag == "script" and not inert
        self.inert += inert


def test_hostile_text_and_manifest_are_escaped(gaz, tmp_path):
    (tmp_path / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    entry = {"path": "evil.txt", "title": "</script><script>alert('title')</script>", "source": "<b onmouseover=alert(2)>x</b>",
             "url": "javascript:alert('url')", "date": "2022-09-10"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "evil.html"
    result = run_geo("map", str(tmp_path / "manifest.jsonl"), "-o", str(out), "--offline")
    assert result.returncode == 0, result.stderr.decode()
    for path in [out, *sorted((tmp_path / "out" / "evil" / "articles").glob("*.html"))]:
        html = path.read_text(encoding="utf-8")
        tags = _Tags()
        tags.feed(html)
        assert not [a for _, attrs in tags.seen for a, _ in attrs if a.startswith("on")], path.name
        assert not [v for _, attrs in tags.seen for a, v in attrs if a in ("href", "src") and not (v or "").startswith(("http", "../", "#", "evil/"))]
        # Ours only: assets (2), the map's, and the map's inert block of popups; none from input.
        assert tags.scripts == (4 if path == out else 0), path.name
        assert tags.inert == (1 if path == out else 0), path.name
        assert "<script>alert" not in html and "<img src=x" not in html
        if path == out:
            # The popups, as the page makes them (innerHTML): no handler, no script, no link but ours.
            for popup in _popups(html):
                inner = _Tags()
                inner.feed(popup)
                assert inner.scripts == 0 and inner.inert == 0
                assert not [a for _, attrs in inner.seen for a, _ in attrs if a.startswith("on")]
                assert not [v for _, attrs in inner.seen for a, v in attrs if a in ("href", "src") and not (v or "").startswith(("https://www.geonames.org/", "evil/"))]
    page = next((tmp_path / "out" / "evil" / "articles").glob("*.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in page


def test_cli_errors_are_one_line_and_leave_no_file(tmp_path):
    out = tmp_path / "m.html"
    missing = run_geo("map", str(tmp_path / "nope.txt"), "-o", str(out))
    assert missing.returncode == 2 and missing.stderr.decode().startswith("geo: error:") and len(missing.stderr.splitlines()) == 1
    bad = tmp_path / "bad.toml"
    bad.write_text('[map]\narticles = ["x.txt"]\ncolour = "red"\n', encoding="utf-8")
    typo = run_geo("map", str(bad))
    assert typo.returncode == 2 and "unknown key 'colour'" in typo.stderr.decode()
    (tmp_path / "a.txt").write_text("Izium lies in Kharkiv region.", encoding="utf-8")
    not_html = run_geo("map", str(tmp_path / "a.txt"), "-o", str(tmp_path / "m.png"))
    assert not_html.returncode == 2 and "Traceback" not in not_html.stderr.decode()
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    unwritable = run_geo("map", str(tmp_path / "a.txt"), "-o", str(blocker / "m.html"))
    assert unwritable.returncode == 1 and unwritable.stderr.decode().startswith("geo: error:")
    assert "Traceback" not in unwritable.stderr.decode()
    assert not out.exists() and not list(tmp_path.glob("**/*.tmp"))


def test_a_failed_write_keeps_the_previous_map(gaz, tmp_path):
    doc = Document(Article("a.txt", "Izium lies in Kharkiv Oblast."),
                   [Mention("a.txt", 0, 5, "Izium", 707292, "Izyum", 49.21, 37.25, "PPLA2", "UA", "Kharkiv Oblast")])
    out = tmp_path / "m.html"
    render_map([doc], gaz, out)
    before = out.read_bytes()
    # The pages' folder replaced by a file: writing the pages fails, before the map is touched.
    pages = tmp_path / "m" / "articles"
    for page in pages.iterdir():
        page.unlink()
    pages.rmdir()
    pages.write_text("", encoding="utf-8")
    doc.article.text = "Izium changed."
    with pytest.raises(GeoError, match="cannot write the map"):
        render_map([doc], gaz, out)
    assert out.read_bytes() == before


def test_reference_recipe(tmp_path):
    recipe = load_recipe(ROOT / "maps" / "kharkiv-2022.toml")
    assert recipe.options.offline and recipe.output == ROOT / "maps" / "kharkiv-2022.html"
    assert recipe.articles == [MANIFEST]


def test_countries_and_continents_at_a_point_inside_their_land(gaz, gold_docs, tmp_path):
    html = render_map(gold_docs, gaz, tmp_path / "ref.html", MapOptions(offline=True)).path.read_text(encoding="utf-8")
    places = {p["id"]: p for p in _places_data(html)}
    countries = [p for p in places.values() if p["kind"] == "country"]
    assert {2017370, 690791} <= {p["id"] for p in countries}
    for p in countries:
        assert gaz.geometry(p["id"], "admin0").contains(Point(p["lon"], p["lat"])), p["name"]
    # Russia near the story (Kharkiv), not at GeoNames' point in Siberia (60 N, 100 E).
    russia = places[2017370]
    assert abs(russia["lon"] - 36.25) < 8 and abs(russia["lat"] - 50) < 6
    europe = places[6255148]
    assert (europe["lat"], europe["lon"]) != (gaz.place(6255148).lat, gaz.place(6255148).lon)


def test_a_river_is_drawn_by_its_natural_earth_line_found_by_name(gaz, tmp_path):
    # Natural Earth's "Dnieper" line carries no GeoNames id: it is found by the name the gazetteer knows.
    dnieper = gaz.place(565896)
    assert gaz.geometry(565896, "river") is None
    doc = Document(Article("a.txt", "The Dnieper river."),
                   [Mention("a.txt", 4, 11, "Dnieper", 565896, dnieper.name, dnieper.lat, dnieper.lon, "STM", "UA", "")])
    html = render_map([doc], gaz, tmp_path / "r.html", MapOptions(offline=True)).path.read_text(encoding="utf-8")
    (river,) = _places_data(html)
    assert river["kind"] == "river" and river["shape"]["type"] in ("LineString", "MultiLineString")


def test_the_first_view_is_the_story_without_outliers(gaz, gold_docs):
    from geo.map.placement import bounds_of, story_bounds
    from geo.map.places import aggregate_places

    places = aggregate_places(gold_docs, gaz)
    (south, west), (north, east) = story_bounds(places)
    by_id = {p.geonameid: p for p in places}
    for gid in (706483, 707292, 712926):    # Kharkiv, Izium, Balakliia: named by most articles
        assert south <= by_id[gid].lat <= north and west <= by_id[gid].lon <= east
    for gid in (456172, 2950159, 524901):   # Riga, Berlin, Moscow: outliers, left out of the fit
        assert not (south <= by_id[gid].lat <= north and west <= by_id[gid].lon <= east)
    (s2, w2), (n2, e2) = bounds_of(places)
    assert s2 < south and w2 < west and n2 > north


def test_popup_heads_with_the_articles_spelling(gaz, gold_docs, tmp_path):
    html = render_map(gold_docs, gaz, tmp_path / "ref.html", MapOptions(offline=True)).path.read_text(encoding="utf-8")
    kupiansk = {p["id"]: p for p in _places_data(html)}[703656]
    assert kupiansk["label"] == "Kupiansk" and kupiansk["name"] == "Kupyansk"
    assert '<h3 class="geo-popup-name">Kupiansk</h3>' in kupiansk["popup"]
    assert ">Kupyansk</a>" in kupiansk["popup"] and kupiansk["popup"].count("https://www.geonames.org/703656") == 1
    assert '<time class="geo-date">2022-09-' in kupiansk["popup"]


def test_article_pages_link_their_claims_to_the_map(gaz, gold_docs, tmp_path):
    result = render_map(gold_docs, gaz, tmp_path / "ref.html", MapOptions(offline=True))
    html = result.path.read_text(encoding="utf-8")
    panel = dict(re.findall(r'<li class="geo-claim-item[^"]*" id="geo-claim-(\d+)"[^>]*data-a="(\d+)"', html))
    linked = 0
    for doc, page in zip(gold_docs, result.pages):
        text = page.read_text(encoding="utf-8")
        numbers = re.findall(r'<a class="to-map" href="../../ref.html#claim=(\d+)">', text)
        assert len(numbers) == len(doc.claims)
        assert all(panel[n] == str(gold_docs.index(doc)) for n in numbers)
        linked += len(numbers)
    assert linked == len(panel) > 0


def test_a_broken_sidecar_is_one_line_of_error_and_no_map(tmp_path):
    (tmp_path / "a.txt").write_text("Izium lies in Kharkiv region.", encoding="utf-8")
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "m.html"
    result = run_geo("map", str(tmp_path / "a.txt"), "-o", str(out))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.startswith("geo: error:") and "a.json" in err and len(err.splitlines()) == 1
    assert "Traceback" not in err and not out.exists()
