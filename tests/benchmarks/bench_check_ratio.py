"""CPU of `geo check` against `geo extract` on the same articles (run on demand; not a test).

    python tests/benchmarks/bench_check_ratio.py [--copies 20] [--rounds 3]

The five reference articles, copied ``--copies`` times into a temporary folder (100 articles by
default), are run through both commands ``--rounds`` times, alternating; the CPU time (user + system)
of each run is read from the child's resource usage. Prints each round and the median ratio (the
machine is shared and noisy: compare ratios, not seconds). Target: check at most 1.5x extract.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GEO_SHARED", ROOT.parent / "shared"))
GEO = str(Path(sys.executable).parent / "geo")


def cpu(*args: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([GEO, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(args.copies):
            for path in sorted((SHARED / "articles").glob("*.txt")):
                shutil.copy(path, folder / f"{i:03d}_{path.name}")
        n = len(list(folder.iterdir()))
        ratios = []
        for r in range(args.rounds):
            extract = cpu("extract", str(folder), "--format", "jsonl", "-o", str(Path(tmp) / "m.jsonl"))
            check = cpu("check", str(folder), "--format", "jsonl", "-o", str(Path(tmp) / "c.jsonl"))
            ratios.append(check / extract)
            print(f"round {r + 1}: {n} articles, extract {extract:.2f} s CPU, check {check:.2f} s CPU, ratio {check / extract:.2f}")
        print(f"median ratio check/extract: {statistics.median(ratios):.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
