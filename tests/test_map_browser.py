"""The reference map in a real headless Chromium (Debian's), offline: all external network blocked."""
from __future__ import annotations

import json
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


def open_map(browser, path: Path):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    watch = Watch(page)
    page.goto(path.as_uri())
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
