"""Gazetteer benchmark (run on demand: `make bench`; not a test).

Reports: build time from the mirror, database size, time from a cold process start to the
first lookup's answer, and lookups per second. Targets: build < 60 s, first lookup < 0.3 s.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GEODATA = Path(os.environ.get("GEO_SHARED", ROOT.parent / "shared")) / "geodata"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "geo.sqlite"
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geo", "gazetteer", "build", "--source", str(GEODATA), "--db", str(db), "--quiet"],
                       check=True, capture_output=True)
        build_s = time.perf_counter() - t
        print(f"build from mirror: {build_s:.1f} s (target < 60 s)")
        print(f"database size: {db.stat().st_size / 1e6:.0f} MB")

        # Cold process: interpreter start, import, open, one lookup (what `geo gazetteer lookup` costs).
        probe = ("import time, sys; t=time.perf_counter(); from geo.gazetteer import Gazetteer; "
                 f"g=Gazetteer.open({str(db)!r}); r=g.lookup('Izium'); "
                 "print(time.perf_counter()-t, r[0].place.geonameid)")
        inproc, wall = [], []
        for _ in range(5):
            t = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split()
            wall.append(time.perf_counter() - t)
            inproc.append(float(out[0]))
        print(f"first lookup, cold process: {min(wall):.3f} s wall incl. interpreter start "
              f"({min(inproc):.3f} s import+open+lookup) (target < 0.3 s)")

        from geo.gazetteer import Gazetteer

        with Gazetteer.open(db) as gaz:
            names = [n for n, _ in gaz.names()]
            random.seed(1)
            sample = random.sample(names, 20_000)
            t = time.perf_counter()
            for n in sample:
                gaz.candidates(n)
            rate = len(sample) / (time.perf_counter() - t)
        print(f"lookups per second (random names, full candidate rows): {rate:,.0f}")


if __name__ == "__main__":
    main()
