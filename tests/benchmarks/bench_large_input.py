"""Large-input benchmark (run on demand; not a test): one very long article through the real CLI.

The five reference articles, each ending a paragraph, are repeated into one plain-text file of
1, 5, 20 and 50 MB (sizes as arguments: ``bench_large_input.py 1 50``); for each, the wall time and
the peak memory (maximum resident set size) of a `geo extract` run (JSON Lines, unresolved names
too) and of a `geo check` run, each in a fresh process, as `make bench` would see them; `geo map`
only up to 5 MB (its page and popups grow with the text). A long text is resolved in parts of at
most 1,000,000 characters (geo.pipeline.PART_CHARS), so time and memory should grow linearly.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GEO_SHARED", ROOT.parent / "shared"))
MEASURE = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")
MAP_UP_TO_MB = 5


def run(*args: str) -> tuple[float, float]:
    """(seconds, peak MB) of one `geo` command in a fresh process."""
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "geo", *args], capture_output=True, cwd=ROOT)
    seconds = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"geo {args[0]} failed: {done.stderr.decode().strip()}")
    return seconds, int(done.stdout) / 1024


def main(sizes: list[int]) -> None:
    unit = b"".join(p.read_bytes().rstrip() + b"\n\n" for p in sorted((SHARED / "articles").glob("*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_bytes(unit)
        seconds, peak = run("extract", str(small), "--format", "jsonl", "-o", str(Path(tmp) / "small.jsonl"))
        print(f"baseline: the five articles ({len(unit) / 1e3:.0f} kB): extract {seconds:.1f} s, peak {peak:.0f} MB")
        for mb in sizes:
            big = Path(tmp) / f"big{mb}.txt"
            big.write_bytes(unit * -(-mb * 1_000_000 // len(unit)))
            out = Path(tmp) / "out.jsonl"
            seconds, peak = run("extract", str(big), "--format", "jsonl", "--unresolved", "-o", str(out))
            lines = sum(1 for _ in out.open(encoding="utf-8"))
            line = f"{mb:>3} MB: extract {seconds:6.1f} s, peak {peak:5.0f} MB, {lines:,} mentions"
            seconds, peak = run("check", str(big), "--format", "jsonl", "-o", str(Path(tmp) / "claims.jsonl"))
            line += f"; check {seconds:6.1f} s, peak {peak:5.0f} MB"
            if mb <= MAP_UP_TO_MB:
                seconds, peak = run("map", str(big), "--offline", "-o", str(Path(tmp) / "m.html"))
                line += f"; map {seconds:6.1f} s, peak {peak:5.0f} MB"
            print(line, flush=True)
            big.unlink()


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1, 5, 20, 50])
