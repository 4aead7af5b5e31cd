"""The reference map in a real headless Chromium (Debian's), offline: all external network blocked."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import GOLD, ROOT, run_geo

from geo.pipeline import Pipeline
from geo.text import collect_articles

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def reference_map(gazetteer_path, tmp_path_factory) -> Path:
    """The reference recipe through the real CLI and pipeline, into a temporary folder."""
    out = tmp_path_factory.mktemp("map") / "kharkiv-2022.html"
    result = run_geo("map", str(ROOT / "maps" / "kharkiv-2022.toml"), "-o", str(out), "--db", str(gazetteer_path))
    assert result.returncode == 0, result.stderr.decode()
    return out


class Watch:
    """What a page does that it should not: console errors, uncaught exceptions, dialogs, requests out."""

    def __init__(self, page):
        self.errors, self.requests, self.dialogs = [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()


DESKTOP, PHONE = (1400, 900), (390, 844)
SIZES = pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])


def open_map(browser, path: Path, size: tuple[int, int] = DESKTOP, fragment: str = ""):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, reduced_motion="reduce", accept_downloads=True)
    page = context.new_page()
    watch = Watch(page)
    page.goto(path.as_uri() + fragment)
    page.wait_for_selector("html[data-geo-ready]", state="attached", timeout=20_000)
    return context, page, watch


def expected_places(gaz) -> dict[int, str]:
    """The gold places the real pipeline resolved on the reference articles: id -> name."""
    gold = {int(k) for k in json.loads(GOLD.read_text(encoding="utf-8"))["places"]}
    pipeline = Pipeline(gaz, check_claims=False)
    found = {}
    for article in collect_articles([ROOT / "maps" / "samples" / "kharkiv-2022" / "manifest.jsonl"]):
        for m in pipeline.process(article).mentions:
            if m.geonameid in gold:
                found[m.geonameid] = gaz.place(m.geonameid).name
    return found


def test_reference_map_offline(browser, reference_map, gaz):
    places = expected_places(gaz)
    assert len(places) >= 25, "the pipeline should resolve most gold places"
    context, page, watch = open_map(browser, reference_map)
    search = page.locator(".geo-search-input")
    for geonameid, name in sorted(places.items()):
        search.fill(name)
        page.locator(f'.geo-search-results button[data-geonameid="{geonameid}"]').click()
        popup = page.locator(f'.leaflet-popup .geo-popup[data-geonameid="{geonameid}"]')
        popup.wait_for(timeout=10_000)
        assert popup.locator(f'a[href="https://www.geonames.org/{geonameid}"]').count() == 1
        feature = page.locator(f'.geo-marker[data-geonameid="{geonameid}"], path[data-geonameid="{geonameid}"]')
        assert feature.count() >= 1, f"no marker or shape on the map for {name} ({geonameid})"

    # The claims panel: every claim listed, the two inconsistent ones first.
    verdicts = page.locator(".geo-claim-item").evaluate_all("items => items.map(i => i.dataset.verdict)")
    assert verdicts[:2] == ["inconsistent", "inconsistent"] and verdicts.count("inconsistent") == 2
    first_two = page.locator(".geo-claim-item").nth(0).inner_text() + page.locator(".geo-claim-item").nth(1).inner_text()
    assert "Kherson region" in first_two and "1,864" in first_two

    # Kharkiv's popup, screenshot, then its first quote's link to the article page.
    search.fill("Kharkiv")
    page.locator('.geo-search-results button[data-geonameid="706483"]').click()
    popup = page.locator('.leaflet-popup .geo-popup[data-geonameid="706483"]')
    popup.wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-reference.png"))
    link = popup.locator("a.geo-to-article").first
    quote_mark = link.locator("xpath=preceding-sibling::q[1]/mark").first.inner_text()
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/articles/*.html#m-*")
    target = page.locator(":target")
    assert target.get_attribute("data-geonameid") == "706483"
    assert target.inner_text() == quote_mark == "Kharkiv"
    assert "mention" in target.get_attribute("class")
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 210, 77)"   # the :target highlight
    assert href.split("#")[1] == target.get_attribute("id")
    page.screenshot(path=str(ARTIFACTS / "map-reference-article.png"))

    # ... and from the article page back to its place on the map.
    izium = page.locator('a.mention[data-geonameid="707292"]').first
    assert izium.get_attribute("href") == "../../kharkiv-2022.html#place=707292"
    izium.click()
    page.wait_for_url("**/kharkiv-2022.html#place=707292")
    page.wait_for_selector("html[data-geo-ready]", state="attached")
    try:
        page.locator('.leaflet-popup .geo-popup[data-geonameid="707292"]').wait_for(timeout=10_000)
    finally:
        page.screenshot(path=str(ARTIFACTS / "map-reference-back.png"))

    assert watch.errors == [] and watch.requests == [] and watch.dialogs == []
    context.close()


def test_hostile_input_runs_no_script(browser, tmp_path):
    (tmp_path / "evil.txt").write_text("<script>alert('text')</script> Kharkiv <img src=x onerror=alert('img')>", encoding="utf-8")
    entry = {"path": "evil.txt", "title": "</script><script>alert('title')</script><img src=x onerror=alert(1)>",
             "source": "<b onmouseover=alert(2)>x</b>", "url": "javascript:alert('url')"}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    out = tmp_path / "evil.html"
    assert run_geo("map", str(tmp_path / "manifest.jsonl"), "-o", str(out), "--offline").returncode == 0
    context, page, watch = open_map(browser, out)
    page.locator(".geo-search-input").fill("Kharkiv")
    page.locator('.geo-search-results button[data-geonameid="706483"]').click()
    page.locator('.leaflet-popup .geo-popup[data-geonameid="706483"]').wait_for()
    assert "</script><script>alert('title')" in page.locator(".leaflet-popup .geo-popup-title").inner_text()
    page.locator(".leaflet-popup a.geo-to-article").first.click()
    page.wait_for_url("**/articles/*.html#m-*")
    assert "<script>alert('text')</script>" in page.locator("article.text").inner_text()
    assert watch.dialogs == [] and watch.requests == [] and watch.errors == []
    context.close()


# -- what a reader sees: claims, layout, first view, filters, popups, labels, downloads ------------------


def shot(page, name: str, size: tuple[int, int]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"map-{name}-{'phone' if size == PHONE else 'desktop'}.png"))


def boxes(page) -> list[dict]:
    """The rectangles of every control shown (a corner's children), with a name."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.leaflet-control-container .leaflet-control'))
        .filter(el => el.offsetParent !== null && el.getBoundingClientRect().width > 0)
        .map(el => { const r = el.getBoundingClientRect();
                     return {name: el.className.split(' ').filter(c => c !== 'leaflet-control').join('.') || el.tagName,
                             x: r.left, y: r.top, w: r.width, h: r.height}; })""")


def overlapping(rects: list[dict]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            if a["x"] < b["x"] + b["w"] - 0.5 and b["x"] < a["x"] + a["w"] - 0.5 and a["y"] < b["y"] + b["h"] - 0.5 and b["y"] < a["y"] + a["h"] - 0.5:
                out.append((a["name"], b["name"]))
    return out


def inside_view(page, lat: float, lon: float) -> bool:
    return page.evaluate(f"() => window.geoMap.map.getBounds().contains([{lat}, {lon}])")


def shown_places(page) -> dict[int, int]:
    """geonameid -> the count its marker shows, for the places shown."""
    return {int(k): v for k, v in page.evaluate(
        "() => Object.fromEntries(Object.entries(window.geoMap.places).filter(([, e]) => e.count > 0 && e.container.hasLayer(e.layer))"
        ".map(([id, e]) => [id, e.count]))").items()}


def open_popup(page, geonameid: int, name: str):
    page.locator(".geo-search-input").fill(name)
    page.locator(f'.geo-search-results button[data-geonameid="{geonameid}"]').click()
    popup = page.locator(f'.leaflet-popup .geo-popup[data-geonameid="{geonameid}"]')
    popup.wait_for(timeout=10_000)
    return popup


@SIZES
def test_claims_are_lines_and_outlines_and_the_conflict_is_shown(browser, reference_map, size):
    context, page, watch = open_map(browser, reference_map, size)
    regions = page.locator("path.geo-claim-region")
    assert regions.count() >= 3
    fills = regions.evaluate_all("ps => ps.map(p => getComputedStyle(p).fill)")
    assert set(fills) == {"none"}, "a claim's region is an outline, never a filled area"
    # Inconsistent outlines drawn after (on top of) every other claim.
    order = page.locator(".leaflet-geoClaims-pane path").evaluate_all(
        "ps => ps.map(p => p.classList.contains('verdict-inconsistent'))")
    assert True in order and order[order.index(True):] == [True] * (len(order) - order.index(True))
    # The conflict between articles (Oskil: the Kharkiv region in one, the Kherson region in the other).
    conflict = page.locator("#geo-claims-panel .geo-conflict-item")
    assert conflict.count() == 1 and "Oskil" in conflict.text_content()
    assert "Kherson" in conflict.text_content() and "Kharkiv" in conflict.text_content()
    popup = open_popup(page, 514365, "Oskil")
    assert page.locator('.geo-marker.geo-conflict[data-geonameid="514365"]').count() == 1
    assert popup.locator(".geo-popup-conflict").is_visible()
    assert "Articles disagree" in popup.locator(".geo-popup-conflict").inner_text()
    shot(page, "conflict", size)
    assert watch.errors == [] and watch.requests == []
    context.close()


@SIZES
def test_layout_panels_do_not_overlap_and_fit_the_screen(browser, reference_map, size):
    context, page, watch = open_map(browser, reference_map, size)
    shot(page, "start", size)
    rects = boxes(page)
    names = " ".join(r["name"] for r in rects)
    for part in ("geo-title", "leaflet-control-zoom", "geo-search", "geo-fit", "geo-panel-control"):
        assert part in names
    assert overlapping(rects) == []
    for r in rects:
        assert r["x"] >= 0 and r["y"] >= 0 and r["x"] + r["w"] <= size[0] + 0.5 and r["y"] + r["h"] <= size[1] + 0.5, r
    title = next(r for r in rects if "geo-title" in r["name"])
    zoom = next(r for r in rects if "leaflet-control-zoom" in r["name"])
    assert title["y"] + title["h"] <= zoom["y"], "the title is above the zoom control, not over it"
    covered = sum(r["w"] * r["h"] for r in rects)
    if size == PHONE:
        assert covered <= 0.25 * size[0] * size[1], f"controls cover {covered / (size[0] * size[1]):.0%} of the screen"
        assert page.locator("details.geo-collapsible[open]").count() == 0, "panels start closed on a phone"
        # Each panel opened in turn: the others close, nothing overlaps, all on the screen.
        for panel in ("geo-claims-panel", "geo-legend", "geo-filter"):
            page.locator(f"#{panel} > summary").click()
            # (<details> fires its toggle event, which closes the others, as a task after the click: wait for it)
            page.wait_for_function("id => { const open = [...document.querySelectorAll('details.geo-collapsible[open]')];"
                                   " return open.length === 1 && open[0].id === id; }", arg=panel, timeout=5000)
            assert page.locator("details.geo-collapsible[open]").evaluate_all("ds => ds.map(d => d.id)") == [panel]
            opened = boxes(page)
            assert overlapping(opened) == [], panel
            box = page.locator(f"#{panel}").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= size[0] and box["y"] >= 0 and box["y"] + box["height"] <= size[1]
            if panel == "geo-claims-panel":
                shot(page, "claims-panel", size)
        page.locator("#geo-filter > summary").click()
    else:
        assert page.locator("#geo-claims-panel").evaluate("d => d.open") and page.locator("#geo-legend").evaluate("d => d.open")
        page.locator("#geo-filter > summary").click()
        assert overlapping(boxes(page)) == [], "the filter opened overlaps another panel"
        page.locator("#geo-filter > summary").click()
    # A popup fits the screen, its long list scrolls inside it.
    popup = open_popup(page, 706483, "Kharkiv")
    page.wait_for_timeout(300)
    box = page.locator(".leaflet-popup-content-wrapper").bounding_box()
    assert box["width"] <= size[0] - 20 and box["height"] <= size[1] * 0.7
    content = page.locator(".leaflet-popup-content")
    assert content.evaluate("c => c.scrollHeight > c.clientHeight ? getComputedStyle(c).overflowY : 'fits'") in ("auto", "scroll", "fits")
    dates = popup.locator(".geo-date")
    assert dates.count() >= 1 and all(d["height"] < 24 for d in (dates.nth(i).bounding_box() for i in range(dates.count()))), "dates on one line"
    shot(page, "popup", size)
    assert watch.errors == [] and watch.requests == []
    context.close()


@SIZES
def test_first_view_is_the_story_and_fit_all_shows_every_place(browser, reference_map, size):
    context, page, watch = open_map(browser, reference_map, size)
    for lat, lon in ((49.98177, 36.25475), (49.20697, 37.27679), (49.45595, 36.84433)):    # Kharkiv, Izium, Balakliia
        assert inside_view(page, lat, lon)
    for lat, lon in ((56.946, 24.10589), (52.52437, 13.41053)):     # Riga, Berlin: outliers, still on the map
        assert not inside_view(page, lat, lon)
    zoom = page.evaluate("() => window.geoMap.map.getZoom()")
    assert zoom >= 6
    page.locator(".geo-fit-all").click()
    page.wait_for_function("() => window.geoMap.map.getBounds().contains([56.946, 24.10589])", timeout=5_000)
    assert page.evaluate("""() => Object.values(window.geoMap.places).every(e =>
        window.geoMap.map.getBounds().pad(0.01).contains([e.data.lat, e.data.lon]))""")
    page.locator(".geo-fit-story").click()
    page.wait_for_function("() => !window.geoMap.map.getBounds().contains([56.946, 24.10589])", timeout=5_000)
    assert watch.errors == [] and watch.requests == []
    context.close()


@SIZES
def test_filters_change_markers_counts_popups_claims_and_labels_together(browser, reference_map, size):
    context, page, watch = open_map(browser, reference_map, size)
    data = page.evaluate("() => Object.values(window.geoMap.places).map(e => [e.data.id, e.data.a])")
    everything = shown_places(page)
    assert everything[706483] == 4 and len(everything) == len(data)
    claims_all = page.locator(".geo-claim-item:visible").count() if size == DESKTOP else None
    page.locator("#geo-filter > summary").click()
    page.locator(".geo-filter-none").click()
    assert shown_places(page) == {} and page.locator(".geo-claim-item").evaluate_all("ls => ls.every(l => l.hidden)")
    # One article: article 3 ("Russian forces retreat ...").
    page.locator('.geo-filter-article input[data-a="3"]').check()
    expected = {gid: 1 for gid, articles in data if 3 in articles}
    assert shown_places(page) == expected
    assert page.locator("#geo-filter .geo-filter-count").inner_text() == "1 of 5"
    visible = page.locator(".geo-claim-item").evaluate_all("ls => ls.filter(l => !l.hidden).map(l => l.dataset.a)")
    assert visible and set(visible) == {"3"}
    counts = page.locator(".geo-claims-counts").inner_text()
    assert str(len(visible)) in counts or sum(int(n) for n in re.findall(r"(\d+) (?:in|un|con)", counts)) == len(visible)
    drawn = page.evaluate("() => window.geoMap.claims.filter(Boolean).filter(e => e.container.hasLayer(e.layer)).map(e => e.data.a)")
    assert set(drawn) <= {3}
    assert page.locator(".geo-conflict-item:visible").count() == 0    # the conflict is between articles 0 and 1
    if size == DESKTOP:
        assert len(visible) < claims_all
    # The marker's number and the popup follow: Kharkiv named by 4 articles, 1 of them shown.
    if size == PHONE:
        page.locator("#geo-filter > summary").click()
    popup = open_popup(page, 706483, "Kharkiv")
    assert popup.locator(".geo-popup-article:visible").count() == 1
    assert popup.locator('.geo-popup-article[data-a="3"]').is_visible()
    assert popup.locator(".geo-popup-count").inner_text().startswith("1 of 4 articles")
    assert page.locator('.geo-marker[data-geonameid="706483"]').inner_text() == ""      # one article: no number
    labels = page.locator(".geo-label").evaluate_all("ls => ls.map(l => Number(l.dataset.geonameid))")
    assert labels and set(labels) <= set(expected)
    shot(page, "filter-one-article", size)
    # A date range: the last day only (2022-09-13: articles 3 and 4).
    page.keyboard.press("Escape")
    if size == PHONE:
        page.locator("#geo-filter > summary").click()
    page.locator(".geo-filter-all").click()
    assert shown_places(page) == everything
    dates = page.evaluate("() => Array.from(new Set(Object.values(window.geoMap.places).length ? [] : []))")
    del dates
    last = page.locator(".geo-filter-dates input[type=range]").first
    last.evaluate("(el) => { el.value = el.max; el.dispatchEvent(new Event('input', {bubbles: true})); }")
    shown = int(page.evaluate("() => document.documentElement.dataset.geoShown"))
    assert 0 < shown < 5
    assert page.locator(".geo-filter-range").inner_text().count("2022-09-") == 2
    assert len(shown_places(page)) < len(everything)
    assert watch.errors == [] and watch.requests == []
    context.close()


@SIZES
def test_labels_colours_and_legend(browser, reference_map, size):
    context, page, watch = open_map(browser, reference_map, size)
    labels = page.locator(".geo-label")
    assert labels.count() >= 3
    rects = labels.evaluate_all("ls => ls.map(l => { const r = l.getBoundingClientRect(); return {name: l.textContent, x: r.left, y: r.top, w: r.width, h: r.height}; })")
    assert overlapping(rects) == [], "labels collide"
    texts = " ".join(r["name"] for r in rects)
    assert "Kharkiv" in texts or "Izyum" in texts
    towns = page.locator(".geo-label-town")
    assert towns.count() >= 1, "the offline basemap names some larger towns"
    verdicts = {"rgb(192, 57, 43)", "rgb(46, 139, 87)", "rgb(127, 140, 141)"}
    kinds = page.locator(".geo-legend-kinds .geo-marker").evaluate_all("ms => ms.map(m => getComputedStyle(m).backgroundColor)")
    assert len(set(kinds)) == len(kinds) and not set(kinds) & verdicts
    clusters = page.locator(".geo-cluster").evaluate_all(
        "cs => cs.flatMap(c => [getComputedStyle(c).backgroundColor, getComputedStyle(c).borderTopColor])")
    assert clusters and not set(clusters) & verdicts
    if size == PHONE:
        page.locator("#geo-legend > summary").click()
    assert "cluster" in page.locator("#geo-legend").inner_text()
    assert watch.errors == [] and watch.requests == []
    context.close()


def test_downloads_take_what_is_shown(browser, reference_map):
    context, page, watch = open_map(browser, reference_map)
    page.locator("#geo-filter > summary").click()

    def download(kind: str) -> str:
        with page.expect_download() as info:
            page.locator(f'.geo-download[data-download="{kind}"]').click()
        return Path(info.value.path()).read_text(encoding="utf-8")

    places = json.loads(download("places"))
    assert places["type"] == "FeatureCollection" and len(places["features"]) == len(shown_places(page))
    mentions = json.loads(download("mentions"))
    assert len(mentions["features"]) == page.evaluate("() => Object.values(window.geoMap.places).reduce((n, e) => n + e.data.ms.length, 0)")
    kupiansk = next(f for f in mentions["features"] if f["properties"]["geonameid"] == 703656)
    assert kupiansk["properties"]["text"] == "Kupiansk" and kupiansk["properties"]["title"]
    claims = list(csv.DictReader(io.StringIO(download("claims"))))
    assert len(claims) == page.locator(".geo-claim-item").count()
    page.locator(".geo-filter-none").click()
    page.locator('.geo-filter-article input[data-a="1"]').check()
    assert {f["properties"]["article"] for f in json.loads(download("mentions"))["features"]} == {"001_de4934e4de4b21cf.txt"}
    only = list(csv.DictReader(io.StringIO(download("claims"))))
    assert only and {c["article"] for c in only} == {"001_de4934e4de4b21cf.txt"} and len(only) < len(claims)
    assert watch.errors == [] and watch.requests == []
    context.close()


@SIZES
def test_article_page_claims_link_to_the_claim_on_the_map(browser, reference_map, size):
    page_path = reference_map.parent / "kharkiv-2022" / "articles" / "001_de4934e4de4b21cf.html"
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, reduced_motion="reduce")
    page = context.new_page()
    watch = Watch(page)
    page.goto(page_path.as_uri())
    link = page.locator("section.claims li", has_text="Kherson region").locator("a.to-map")
    number = link.get_attribute("href").rsplit("=", 1)[1]
    link.click()
    page.wait_for_url(f"**/kharkiv-2022.html#claim={number}")
    page.wait_for_selector("html[data-geo-ready]", state="attached")
    page.locator(".leaflet-popup .geo-claim-popup").wait_for(timeout=10_000)
    assert "Kherson region" in page.locator(".leaflet-popup .geo-claim-popup").inner_text()
    assert page.locator(f"#geo-claim-{number}").get_attribute("class").count("geo-claim-current") == 1
    shot(page, "claim-from-article", size)
    assert watch.errors == [] and watch.requests == []
    context.close()


@SIZES
def test_a_folder_with_sidecars_shows_their_titles_sources_and_dates(browser, tmp_path, gazetteer_path, size):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "01.txt").write_text("Shelling reported overnight in Kharkiv and Izium.\n", encoding="utf-8")
    (folder / "01.json").write_text(json.dumps({"title": "Night of shelling <b>in</b> the east", "source": "Kyiv Wire",
                                                "date": "2022-09-08", "url": "https://news.example/1"}), encoding="utf-8")
    (folder / "02.txt").write_text("Counter-offensive reaches Balakliia\n\nUkrainian troops entered Balakliia near Kharkiv.\n",
                                   encoding="utf-8")
    (folder / "02.json").write_text(json.dumps({"headline": "Troops enter Balakliia", "sitename": "Eastern Post",
                                                "publish_date": "2022-09-09T10:00:00"}), encoding="utf-8")
    (folder / "03.txt").write_text("Kupiansk, a rail hub\n\nKupiansk lies east of Kharkiv.\n", encoding="utf-8")
    out = tmp_path / "folder.html"
    result = run_geo("map", str(folder), "-o", str(out), "--offline", "--db", str(gazetteer_path))
    assert result.returncode == 0, result.stderr.decode()
    context, page, watch = open_map(browser, out, size)
    page.locator("#geo-filter > summary").click()
    titles = page.locator(".geo-filter-title").all_inner_texts()
    assert titles == ["Troops enter Balakliia", "Night of shelling <b>in</b> the east", "Kupiansk, a rail hub"]
    sources = page.locator(".geo-filter-source-name").all_inner_texts()
    assert sources == ["Eastern Post", "Kyiv Wire", "unknown source"]
    assert page.locator(".geo-filter-dates").count() == 1       # dated articles: a date range
    if size == PHONE:
        page.locator("#geo-filter > summary").click()
    popup = open_popup(page, 706483, "Kharkiv")
    meta = popup.locator(".geo-popup-article").all_inner_texts()
    assert any("Night of shelling <b>in</b> the east" in m and "Kyiv Wire" in m and "2022-09-08" in m for m in meta)
    assert popup.locator('a[href="https://news.example/1"]').count() == 1
    assert not any("01.txt" in m for m in meta)
    shot(page, "sidecars", size)
    assert watch.errors == [] and watch.requests == [] and watch.dialogs == []
    context.close()
