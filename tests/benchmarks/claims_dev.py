"""Score `geo check` on the claims development set, in two halves: the half rules are written from
(A) and the half kept aside (B). The split is by article, fixed by a hash of the file name, so a
rule never sees the held-out half's sentences.

    python tests/benchmarks/claims_dev.py [--shared ../shared] [--show A|B|all]

Prints recall and verdict accuracy for each half and for all, then (with --show) the missed claims,
the wrong verdicts and every extra claim judged inconsistent.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def half(article: str) -> str:
    """'A' (rules are written from it) or 'B' (kept aside), by a stable hash of the file name."""
    return "A" if hashlib.sha1(article.encode()).digest()[0] % 2 == 0 else "B"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[3] / "shared"))
    ap.add_argument("--show", choices=["A", "B", "all"], help="list the misses, wrong verdicts and inconsistent extras")
    ap.add_argument("--pred", help="score this JSONL instead of running geo check")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    sys.path.insert(0, str(shared / "tools"))
    import score  # the shared scorer (standard library only)

    gold = json.loads((shared / "gold" / "claims-dev.json").read_text(encoding="utf-8"))
    if args.pred:
        pred = score.load(args.pred)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "claims.jsonl"
            subprocess.run([str(Path(sys.executable).parent / "geo"), "check", str(shared / "articles" / "claims-dev"),
                            "--format", "jsonl", "-o", str(out)], check=True)
            pred = score.load(out)
    for name in ("A", "B", "all"):
        keep = (lambda a: True) if name == "all" else (lambda a, n=name: half(a) == n)
        g = {**gold, "claims": [c for c in gold["claims"] if keep(c["article"])]}
        p = [x for x in pred if keep(x["article"])]
        r = score.claims(g, p)
        bad = [e for e in r["extra"] if e[3] == "inconsistent"]
        print(f"{name:>3}: gold {r['gold']:3}  found {r['found']:3}  recall {r['recall']:.3f}  "
              f"verdicts {r['verdict_accuracy']:.3f}  extra {len(r['extra'])} (inconsistent {len(bad)})")
        if args.show == name:
            for m in r["missed"]:
                print("   missed", m)
            for w in r["wrong"]:
                print("   wrong ", w)
            for e in bad:
                print("   extra ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
