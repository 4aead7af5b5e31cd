"""The standard geoparsing metrics, on plain numbers (Gritta et al. 2019's definitions).

- detection: precision, recall and F1, a predicted span matching a gold span when they overlap,
  each span matched at most once;
- resolution: exact GeoNames match, Acc@161km, mean and median error in km, and the AUC of the
  error curve. A mention left unresolved counts as wrong, at the largest possible error.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from itertools import pairwise

from geo.spherical import EARTH_RADIUS_KM, haversine_km  # noqa: F401 (the metrics' distance)

#: The largest error the metrics allow: half the Earth's circumference, rounded up as in the literature.
MAX_ERROR_KM = 20039.0
#: 100 miles, the usual "close enough" radius.
ACC_RADIUS_KM = 161.0


# -- detection --------------------------------------------------------------------------------


def match_spans(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair predicted spans with gold spans they overlap, one to one, as many pairs as possible.

    Returns (predicted index, gold index) pairs. Overlapping spans on both sides (a corpus may
    annotate "Paris" inside "Paris Hilton") make a greedy pairing miss some; this is a maximum
    bipartite matching (augmenting paths), trying the largest overlap first.

    >>> match_spans([(0, 5), (10, 20)], [(2, 4), (30, 35)])
    [(0, 0)]
    >>> match_spans([(0, 10), (0, 3)], [(0, 3), (6, 9)])
    [(0, 1), (1, 0)]
    """
    def overlap(p: tuple[int, int], g: tuple[int, int]) -> int:
        return min(p[1], g[1]) - max(p[0], g[0])

    options = [sorted((j for j, g in enumerate(gold) if overlap(p, g) > 0), key=lambda j: -overlap(p, gold[j]))
               for p in predicted]
    owner: dict[int, int] = {}       # gold index -> predicted index

    def claim(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or claim(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        claim(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass
class DetectionScore:
    """Counts of matched, spurious and missed spans, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: int, gold: int, matched: int) -> None:
        self.tp += matched
        self.fp += predicted - matched
        self.fn += gold - matched

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "matched": self.tp, "spurious": self.fp, "missed": self.fn}


# -- resolution -------------------------------------------------------------------------------


def accuracy_at(errors_km: list[float], radius_km: float = ACC_RADIUS_KM) -> float | None:
    """The share of errors within ``radius_km`` (Acc@161km by default); None for no errors.

    >>> accuracy_at([0.0, 160.9, 161.0, 500.0])
    0.75
    """
    return sum(e <= radius_km for e in errors_km) / len(errors_km) if errors_km else None


def error_auc(errors_km: list[float]) -> float | None:
    """The area under the error curve, in [0, 1], lower is better; None for no errors.

    The errors, sorted, are scaled to log(1 + km) / log(20039) and integrated with the trapezoid
    rule over the index scaled to [0, 1], so all-zero errors give 0 and all-maximal ones give 1
    (an error at or beyond the maximum scores 1). One error alone gives its own scaled value.

    >>> error_auc([0.0, 0.0]), error_auc([MAX_ERROR_KM] * 3)
    (0.0, 1.0)
    """
    if not errors_km:
        return None
    scaled = [min(1.0, math.log1p(e) / math.log(MAX_ERROR_KM)) for e in sorted(errors_km)]
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in pairwise(scaled))
    return area / (len(scaled) - 1)


def resolution_scores(errors_km: list[float], exact: list[bool]) -> dict:
    """The resolution metrics for one set of mentions.

    ``errors_km`` holds one error per mention with gold coordinates (MAX_ERROR_KM for an
    unresolved one); ``exact`` one flag per mention with a gold GeoNames id. Either may be empty
    (GeoVirus has no ids), which leaves its metrics None.
    """
    return {
        "exact_accuracy": sum(exact) / len(exact) if exact else None,
        "acc_161km": accuracy_at(errors_km),
        "mean_error_km": statistics.fmean(errors_km) if errors_km else None,
        "median_error_km": statistics.median(errors_km) if errors_km else None,
        "auc": error_auc(errors_km),
        "with_id": len(exact),
        "with_coordinates": len(errors_km),
    }


def calibration(scores: list[float], correct: list[bool], edges=(0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)) -> list[dict]:
    """A reliability table: for answers whose confidence falls in each bin, how many were right.

    A well calibrated resolver is right about 80% of the time on the answers it scores about 0.8.

    >>> calibration([0.85, 0.82, 0.3], [True, False, False])[4]
    {'bin': '0.8-0.9', 'answers': 2, 'mean_score': 0.835, 'accuracy': 0.5}
    """
    table = []
    for lo, hi in pairwise(edges):
        inside = [(s, c) for s, c in zip(scores, correct) if lo <= s < hi]
        table.append({
            "bin": f"{lo:.1f}-{min(hi, 1.0):.1f}",
            "answers": len(inside),
            "mean_score": round(statistics.fmean(s for s, _ in inside), 3) if inside else None,
            "accuracy": round(sum(c for _, c in inside) / len(inside), 3) if inside else None,
        })
    return table
