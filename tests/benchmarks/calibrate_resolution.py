"""Fit the resolver's confidence calibration (on demand; prints the constants to put in geo/resolution/scoring.py).

    .venv/bin/python tests/benchmarks/calibrate_resolution.py [CORPUS.xml]

Runs resolution on the gold spans of LGL (by default: a corpus the reported benchmarks do not
include) with the calibration switched off, then fits p(right) = sigmoid(A * logit(share) + B) by
logistic regression (a grid search on the log loss) and prints A, B and the reliability table before and after.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    import geo.resolution.scoring as resolution
    from geo.evaluation import evaluate, read_corpus
    from geo.evaluation.metrics import calibration
    from geo.gazetteer import Gazetteer
    from geo.pipeline import Pipeline

    corpus_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "benchmarks" / "lgl.xml"
    resolution.CALIBRATION_A, resolution.CALIBRATION_B = 1.0, 0.0
    with Gazetteer.open() as gaz:
        result = evaluate(read_corpus(corpus_path), Pipeline(gaz, check_claims=False), gaz, gold_spans=True)
    cases = [c for c in result.cases if c.resolved and c.exact is not None]
    share = np.clip(np.array([c.predicted.score for c in cases]), 1e-6, 1 - 1e-6)
    y = np.array([1.0 if c.exact else 0.0 for c in cases])
    x = np.log(share / (1 - share))  # shares clipped to [1e-6, 1 - 1e-6]: |x| <= 13.8
    # A grid search on the log loss: two parameters, and robust where Newton's method runs off
    # (lone candidates sit at the clip, x = 13.8, and are nearly always right).
    best = None
    for a in np.linspace(0.02, 2.0, 100):
        for b in np.linspace(-4.0, 4.0, 161):
            p = np.clip(1 / (1 + np.exp(-(a * x + b))), 1e-9, 1 - 1e-9)
            loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
            if best is None or loss < best[0]:
                best = (loss, a, b)
    _, a, b = best
    print(f"{corpus_path.name}: {len(cases)} resolved answers with a gold id")
    print(f"CALIBRATION_A, CALIBRATION_B = {a:.3f}, {b:.3f}")
    after = [1 / (1 + math.exp(-(a * v + b))) for v in x]
    for name, scores in (("before", list(share)), ("after", after)):
        print(name, [(r["bin"], r["answers"], r["mean_score"], r["accuracy"]) for r in calibration(scores, list(y.astype(bool)))])


if __name__ == "__main__":
    main()
