"""Benchmark (on demand): a corpus map, `geo map --from`, of 20,000 generated articles' mentions. Prints figures.

    .venv/bin/python tests/benchmarks/bench_map_corpus.py [--articles 20000] [--workdir DIR]

Generates the corpus and runs `geo extract --corpus` on it (2 local workers, no claims) unless the
work folder holds them already (the corpus is bench_corpus.py's `generated-N`; a finished dataset is
only checked), then maps it in a fresh process: the time to read and aggregate the dataset, to render
and write the page, the page's size and what it is made of, the peak memory, and in Chromium the time
to load the page and to show one period of the time slider.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def map_only(dataset: Path, out: Path) -> None:
    """Map the dataset in this process and print its figures as JSON (run as a fresh process)."""
    import resource

    from geo.gazetteer import Gazetteer
    from geo.map.corpus_map import CorpusMapOptions, render_corpus_map, summarize

    t = time.perf_counter()
    summary = summarize(dataset)
    read = time.perf_counter() - t
    with Gazetteer.open() as gaz:
        t = time.perf_counter()
        result = render_corpus_map(summary, gaz, out, CorpusMapOptions(title="benchmark", offline=True))
        render = time.perf_counter() - t
    print(json.dumps({"read": read, "render": render, "places": result.places, "mentions": result.mentions,
                      "articles": result.articles, "periods": result.periods, "unit": result.unit, "bytes": result.size_bytes,
                      "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


def page_parts(html: str) -> dict[str, int]:
    """Bytes of the page's main parts: the inlined assets, the basemap, the places' data, their popups, the rest."""
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    main = scripts[-1]
    basemap = re.search(r"var basemap_\d+ = .*?\n", main)
    places = re.search(r"\}\)\(window\.geoMap, corpus_places_layer_\d+, (\[.*?\]), (?:true|false)\);", main, re.DOTALL)
    parts = {"assets": sum(len(s) for s in scripts[:-2]), "basemap": len(basemap.group(0)) if basemap else 0,
             "places": len(places.group(1)) if places else 0,
             "popups": sum(len(t) for t in re.findall(r'<template id="geo-popup-\d+">.*?</template>', html, re.DOTALL))}
    parts["rest"] = len(html) - sum(parts.values())
    return parts


def in_chromium(path: Path) -> tuple[float, float, int]:
    """Seconds to load the page (until it says it is ready), and to show the slider's busiest period; places shown then."""
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-geo-ready]", state="attached", timeout=120_000)
        load = time.perf_counter() - start
        seconds, shown = page.evaluate("""() => {
            const bars = [...document.querySelectorAll('.geo-timeline-bar')].map(b => parseFloat(b.style.height));
            const input = document.querySelector('.geo-timeline-input');
            input.value = String(bars.indexOf(Math.max(...bars)) + 1);
            const t = performance.now();
            input.dispatchEvent(new Event('input'));
            return [(performance.now() - t) / 1000, Number(document.documentElement.dataset.geoHeatPoints)];
        }""")
        browser.close()
    if errors:
        print("page errors:", errors, file=sys.stderr)
    return load, seconds, shown


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--workdir", type=Path, help="where the corpus, dataset and map go (default: a temporary folder, kept)")
    ap.add_argument("--map-only", nargs=2, type=Path, metavar=("DATASET", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.map_only:
        map_only(*args.map_only)
        return

    from geo.corpus import run_corpus
    from geo.corpus.generate import generate
    from geo.gazetteer import Gazetteer
    from geo.pipeline import Pipeline

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_map_corpus."))
    work.mkdir(parents=True, exist_ok=True)
    corpus, dataset, out = work / f"generated-{args.articles}", work / f"generated-{args.articles}.parquet", work / "corpus-map.html"
    if not corpus.is_dir():
        t = time.perf_counter()
        with Gazetteer.open() as gaz:
            generate(corpus, args.articles, 1, pipeline=Pipeline(gaz, check_claims=False))
        print(f"generated {args.articles:,} articles in {time.perf_counter() - t:.0f} s", flush=True)
    report = run_corpus(corpus, dataset, workers=2, claims=False, progress=False)
    print(f"dataset: {report.mentions:,} mentions of {report.articles:,} articles in {report.partitions} partitions "
          f"({sum(p.stat().st_size for p in dataset.glob('*.parquet')) / 1e6:.1f} MB; {report.processed:,} articles "
          f"extracted now, in {report.seconds:.0f} s)", flush=True)

    run = subprocess.run([sys.executable, __file__, "--map-only", str(dataset), str(out)], capture_output=True, text=True, check=True)
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"read and aggregated: {figures['read']:.2f} s; rendered and written: {figures['render']:.2f} s; "
          f"peak memory {figures['rss'] / 1e6:.0f} MB")
    print(f"map: {figures['places']:,} places, {figures['mentions']:,} mentions, {figures['articles']:,} articles, "
          f"a slider of {figures['periods']} {figures['unit']}s")
    parts = page_parts(out.read_text(encoding="utf-8"))
    print(f"html size: {figures['bytes'] / 1e6:.2f} MB (" + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in parts.items()) + ")")
    load, period, shown = in_chromium(out)
    print(f"chromium: loaded in {load:.2f} s; the busiest {figures['unit']} shown in {period:.2f} s ({shown:,} places)")
    print(f"(the map: {out})")


if __name__ == "__main__":
    main()
