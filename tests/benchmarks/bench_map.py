"""Benchmark: a map of 10,000 mentions over 1,000 articles. Prints figures; asserts nothing.

Targets (issues 5, 14): rendered in under 10 s, loaded in Chromium in under 2 s; the HTML size is reported.
Run: .venv/bin/python tests/benchmarks/bench_map.py  (needs the gazetteer, `make assets` and Debian's chromium)
"""
from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from geo.document import Article, Claim, Document, Mention, PlaceRef
from geo.gazetteer import Gazetteer, default_db_path
from geo.map import MapOptions, render_map

ARTICLES, MENTIONS_PER_ARTICLE, PLACES, CLAIMS = 1000, 10, 2000, 200
SOURCES = ["Reuters", "AP", "AFP", "BBC", "Kyiv Independent", "Al Jazeera", "The Guardian", "DW", "Meduza", "CNN"]


def synthetic_documents(gaz: Gazetteer, seed: int = 5) -> list[Document]:
    rng = random.Random(seed)
    with sqlite3.connect(f"file:{default_db_path()}?mode=ro", uri=True) as db:
        ids = [r[0] for r in db.execute("SELECT geonameid FROM places WHERE country_code = 'UA' AND feature_class IN ('P', 'A', 'H') "
                                        "ORDER BY population DESC, geonameid LIMIT ?", (PLACES,))]
    places = [gaz.place(i) for i in ids]
    docs = []
    for n in range(ARTICLES):
        text, mentions = "", []
        for place in rng.sample(places, MENTIONS_PER_ARTICLE):
            prefix = f"Officials said fighting continued near the town. Reports from "
            start = len(text) + len(prefix)
            text += f"{prefix}{place.name} described shelling overnight. "
            mentions.append(Mention(f"a{n}.txt", start, start + len(place.name), place.name, place.geonameid, place.name, place.lat,
                                    place.lon, place.feature_code, place.country_code, place.admin1, 0.9))
        docs.append(Document(Article(f"a{n}.txt", text, title=f"Report {n}", source=SOURCES[n % len(SOURCES)],
                                     date=f"2022-09-{1 + n % 28:02d}", url=f"https://example.org/{n}"), mentions))
    for c in range(CLAIMS):
        doc = docs[rng.randrange(ARTICLES)]
        a, b = rng.sample(doc.mentions, 2)
        doc.claims.append(Claim(doc.article.id, a.start, b.end, doc.article.text[a.start:b.end], "distance_direction",
                                [PlaceRef(b.geonameid, b.name)], [PlaceRef(a.geonameid, a.name)], {"distance": 30, "unit": "km", "direction": "E"},
                                {}, rng.choice(["consistent", "inconsistent", "unverifiable"])))
    return docs


def load_seconds(path: Path) -> float:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-geo-ready]", state="attached", timeout=60_000)
        seconds = time.perf_counter() - start
        markers = page.evaluate("Object.keys(window.geoMap.places).length")
        browser.close()
    if errors:
        print("page errors:", errors, file=sys.stderr)
    print(f"  {markers:,} places registered in the page")
    return seconds


def main() -> None:
    with Gazetteer.open() as gaz:
        t = time.perf_counter()
        docs = synthetic_documents(gaz)
        print(f"built {ARTICLES:,} articles, {sum(len(d.mentions) for d in docs):,} mentions, "
              f"{sum(len(d.claims) for d in docs)} claims in {time.perf_counter() - t:.1f} s")
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "bench.html"
            t = time.perf_counter()
            result = render_map(docs, gaz, out, MapOptions(title="benchmark", offline=True))
            render = time.perf_counter() - t
            print(f"render: {render:.2f} s (target < 10 s): {result.places:,} places, {len(result.pages):,} article pages")
            print(f"html size: {result.size_bytes / 1e6:.2f} MB; article pages: "
                  f"{sum(p.stat().st_size for p in result.pages) / 1e6:.2f} MB")
            print(f"load in chromium: {load_seconds(out):.2f} s (target < 2 s)")


if __name__ == "__main__":
    main()
