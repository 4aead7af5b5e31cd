"""Claim checker benchmark (run on demand; not a test).

Reports, with mentions already resolved by the pipeline: the time the claims stage takes per
article on the five reference articles and on the news benchmark corpora (TR-News, GeoWebNews),
the first-call cost of building the geometry lookups, and how many claims of each verdict it finds.
Target: the claims stage costs under 10 ms per article once warm.
"""
from __future__ import annotations

import os
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GEO_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from geo.claims import find_and_check  # noqa: E402
from geo.claims.regions import Regions  # noqa: E402
from geo.document import Article  # noqa: E402
from geo.gazetteer import Gazetteer  # noqa: E402
from geo.pipeline import Pipeline  # noqa: E402
from geo.text import collect_articles  # noqa: E402


def corpus(name: str) -> list[Article]:
    root = ET.parse(SHARED / "benchmarks" / name).getroot()
    texts = [a.findtext("text") or "" for a in root.iter("article")]
    return [Article(f"{name}#{i}", t) for i, t in enumerate(texts) if t.strip()]


def main() -> None:
    with Gazetteer.open() as gaz:
        t = time.perf_counter()
        regions = Regions.of(gaz)
        regions.containing(regions.shape(gaz.place(706483)).point)
        print(f"first containment lookup (builds the admin1 STRtree): {time.perf_counter() - t:.2f} s")
        pipeline = Pipeline(gaz, check_claims=False)
        sets = {"reference articles": collect_articles([SHARED / "articles"]),
                "TR-News": corpus("TR-News.xml"), "GeoWebNews": corpus("GWN.xml")}
        for label, articles in sets.items():
            documents = [pipeline.process(a) for a in articles]
            verdicts: Counter = Counter()
            t = time.perf_counter()
            for doc in documents:
                verdicts.update(c.verdict for c in find_and_check(doc, gaz))
            seconds = time.perf_counter() - t
            print(f"{label}: {len(documents)} articles, claims stage {seconds:.2f} s "
                  f"({1000 * seconds / max(1, len(documents)):.1f} ms/article); {sum(verdicts.values())} claims: "
                  + ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))


if __name__ == "__main__":
    main()
