"""Corpus benchmark (on demand, not a test): `geo extract --corpus` on Dask over a generated corpus.

    .venv/bin/python tests/benchmarks/bench_corpus.py [--articles 20000] [--partition-size 200]
                                                      [--claims-articles 1000] [--workdir DIR]

Prints: the generator's speed; articles per second with 1 and 2 local workers (wall time after
start-up, and per worker CPU-second, which a shared machine does not skew) and the scaling ratio;
start-up time and peak memory per worker; the time to resume when half the partitions are done
and when all are; and the throughput with claims checked, on a smaller corpus.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--partition-size", type=int, default=200)
    ap.add_argument("--claims-articles", type=int, default=1000, help="0 to skip the run with claims")
    ap.add_argument("--workdir", type=Path, help="where the corpora and outputs go (default: a temporary folder, removed)")
    args = ap.parse_args()

    from geo.corpus import run_corpus
    from geo.corpus.generate import generate
    from geo.gazetteer import Gazetteer
    from geo.pipeline import Pipeline

    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench_corpus."))
    work.mkdir(parents=True, exist_ok=True)
    try:
        corpus = work / f"generated-{args.articles}"
        if not corpus.is_dir():
            t = time.perf_counter()
            with Gazetteer.open() as gaz:
                made = generate(corpus, args.articles, 1, pipeline=Pipeline(gaz, check_claims=False))
            seconds = time.perf_counter() - t
            size = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
            print(f"generated {made.articles:,} articles ({size:.0f} MB, {made.mentions:,} gold mentions) in {seconds:.1f} s: "
                  f"{made.articles / seconds:,.0f} articles/s", flush=True)

        rates = {}
        for workers in (1, 2):
            out = work / f"w{workers}.parquet"
            shutil.rmtree(out, ignore_errors=True)
            report = run_corpus(corpus, out, workers=workers, partition_size=args.partition_size, claims=False, progress=False)
            rates[workers] = report.rate
            _print_run(f"{workers} worker(s), no claims", report)

        print(f"scaling 1 -> 2 workers: x{rates[2] / rates[1]:.2f} (wall, after start-up)", flush=True)

        out = work / "w2.parquet"
        markers = sorted((out / "_geo").glob("part-*.json"))
        for marker in markers[len(markers) // 2:]:          # the second half was "not done yet"
            marker.unlink()
        t = time.perf_counter()
        report = run_corpus(corpus, out, workers=2, partition_size=args.partition_size, claims=False, progress=False)
        print(f"resume with {report.skipped} of {report.partitions} partitions done: {time.perf_counter() - t:.1f} s "
              f"({report.processed:,} articles redone, {report.startup_seconds:.1f} s of it start-up)", flush=True)
        t = time.perf_counter()
        report = run_corpus(corpus, out, workers=2, partition_size=args.partition_size, claims=False, progress=False)
        print(f"rerun with all {report.partitions} partitions done: {time.perf_counter() - t:.2f} s (no cluster started)", flush=True)

        if args.claims_articles:
            small = work / f"generated-{args.claims_articles}"
            if not small.is_dir():
                with Gazetteer.open() as gaz:
                    generate(small, args.claims_articles, 2, pipeline=Pipeline(gaz, check_claims=False))
            out = work / "claims.parquet"
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(work / "claims.claims.parquet", ignore_errors=True)
            partition = max(1, min(args.partition_size, args.claims_articles // 20))
            report = run_corpus(small, out, workers=2, partition_size=partition, claims=True, progress=False)
            _print_run(f"2 workers, with claims ({report.claims:,} claims)", report)
        print(f"client peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def _print_run(label: str, report) -> None:
    busy = report.seconds - report.startup_seconds
    peaks = ", ".join(f"{v / 2**20:.0f}" for v in sorted(report.worker_peak_rss.values()))
    per_cpu = report.processed / report.cpu_seconds if report.cpu_seconds else 0.0
    print(f"{label}: {report.processed:,} articles, {report.mentions:,} mentions in {report.partitions} partitions; "
          f"start-up {report.startup_seconds:.1f} s, then {busy:.1f} s: {report.rate:,.1f} articles/s "
          f"({per_cpu:,.1f} articles per worker CPU-second); peak memory per worker {peaks} MB", flush=True)


if __name__ == "__main__":
    main()
