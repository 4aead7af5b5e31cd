"""An evaluation's scores as a dict (``--format json``), as text tables, and case by case.

Resolution is reported twice, side by side: over the mentions whose gold place the gazetteer
holds (what the resolver could have got right) and over all of them, each with its counts.
"""
from __future__ import annotations

from geo.evaluation.corpora import FORMAT_NAMES
from geo.evaluation.metrics import calibration, resolution_scores
from geo.evaluation.run import Case, Evaluation


def summarize(evaluation: Evaluation) -> dict:
    """Every figure of a run, JSON-ready (fractions in [0, 1], distances in km)."""
    corpus, cases = evaluation.corpus, evaluation.cases
    with_id = sum(c.gold.geonameid is not None for c in cases)
    held = sum(c.held for c in cases)
    gradable = [c for c in cases if c.gradable]
    return {
        "corpus": corpus.name,
        "format": corpus.format,
        "mode": "gold_spans" if evaluation.gold_spans else "end_to_end",
        "articles": len(corpus.articles),
        "gold": {
            "toponyms": len(cases),
            "with_id": with_id,
            "with_coordinates": sum(c.lat is not None for c in cases),
            "held": held,
            "held_share": held / with_id if with_id else None,
            "realigned_offsets": corpus.realigned,
            "left_out": dict(corpus.skipped),
        },
        "detection": None if evaluation.detection is None else {
            **evaluation.detection.to_dict(),
            "recall_by_type": {kind: {"recall": evaluation.found_by_type[kind] / total, "gold": total}
                               for kind, total in evaluation.total_by_type.most_common()},
        },
        "resolution": {
            "held": _scores([c for c in gradable if c.held]),
            "all": _scores(gradable),
            # end to end, papers often score resolution on the detected toponyms alone
            **({} if evaluation.gold_spans else {"detected": _scores([c for c in gradable if c.predicted is not None])}),
        },
        # of the resolved answers with a gold id: confidence bins against exact correctness
        "calibration": calibration([c.predicted.score for c in cases if c.resolved and c.exact is not None],
                                   [bool(c.exact) for c in cases if c.resolved and c.exact is not None]),
    }


def _scores(cases: list[Case]) -> dict:
    errors = [c.error_km for c in cases if c.error_km is not None]
    exact = [c.exact for c in cases if c.exact is not None]
    return {"mentions": len(cases), "resolved": sum(c.resolved for c in cases), **resolution_scores(errors, exact)}


def case_records(evaluation: Evaluation):
    """One JSON-ready record per gold toponym, for error analysis (``--cases FILE``)."""
    for c in evaluation.cases:
        m = c.predicted
        yield {
            "article": c.article, "start": c.gold.start, "end": c.gold.end, "phrase": c.gold.phrase,
            "type": c.gold.type, "gold_geonameid": c.gold.geonameid, "gold_lat": c.lat, "gold_lon": c.lon,
            "held": c.held, "detected": m is not None,
            "geonameid": m.geonameid if m else None, "name": m.name if m else None,
            "lat": c.predicted_lat, "lon": c.predicted_lon, "method": m.method if m else None,
            "reason": m.reason if m else None,
            "error_km": None if c.error_km is None else round(c.error_km, 1), "exact": c.exact,
        }


# -- text ---------------------------------------------------------------------------------------

_RESOLUTION_ROWS = (
    ("mentions", "mentions", "{:,}"),
    ("  with a GeoNames id", "with_id", "{:,}"),
    ("  with coordinates", "with_coordinates", "{:,}"),
    ("  resolved", "resolved", "{:,}"),
    ("exact GeoNames match", "exact_accuracy", "pct"),
    ("Acc@161km", "acc_161km", "pct"),
    ("mean error km", "mean_error_km", "{:,.1f}"),
    ("median error km", "median_error_km", "{:,.1f}"),
    ("AUC (lower is better)", "auc", "{:.3f}"),
)


def render_text(summary: dict) -> str:
    """The summary as the readable report ``geo eval`` prints by default."""
    from geo.output import format_table

    gold = summary["gold"]
    mode = "resolution given the gold spans" if summary["mode"] == "gold_spans" else "end to end"
    lines = [f"{summary['corpus']} ({FORMAT_NAMES[summary['format']]}), {mode}: {summary['articles']:,} articles",
             f"gold: {gold['toponyms']:,} toponyms, {gold['with_coordinates']:,} with coordinates, "
             + (f"{gold['with_id']:,} with a GeoNames id, of which the gazetteer holds {gold['held']:,} "
                f"({_pct(gold['held_share'])})" if gold["with_id"] else "no GeoNames ids (what the gazetteer holds: n/a)")]
    fixes = [f"offsets realigned: {gold['realigned_offsets']:,}"] if gold["realigned_offsets"] else []
    fixes += [f"left out: {n:,} {reason}" for reason, n in gold["left_out"].items()]
    lines += fixes

    detection = summary["detection"]
    if detection is not None:
        lines += ["", "detection (span overlap, one to one)",
                  format_table(("precision", "recall", "F1", "matched", "spurious", "missed"),
                               [(_pct(detection["precision"]), _pct(detection["recall"]), _pct(detection["f1"]),
                                 f"{detection['matched']:,}", f"{detection['spurious']:,}", f"{detection['missed']:,}")])]
        if detection["recall_by_type"]:
            lines += ["recall by gold type: " + ", ".join(f"{kind} {_pct(v['recall'])} of {v['gold']:,}"
                                                          for kind, v in detection["recall_by_type"].items())]

    columns = {"held": "gazetteer holds the place", "all": "all", "detected": "detected only"}
    scores = [(title, summary["resolution"][key]) for key, title in columns.items() if key in summary["resolution"]]
    rows = [(label, *(_fmt(s[key], spec) for _, s in scores)) for label, key, spec in _RESOLUTION_ROWS]
    lines += ["", "resolution", format_table(("", *(title for title, _ in scores)), rows),
              "(an unresolved mention counts as wrong, at the maximum error of 20,039 km"
              + (")" if summary["mode"] == "gold_spans" else "; so does a missed one, except in 'detected only')")]
    bins = [b for b in summary.get("calibration", []) if b["answers"]]
    if bins:
        lines += ["", "calibration (resolved answers with a gold id: confidence against exact match)",
                  format_table(("score", "answers", "mean score", "right"),
                               [(b["bin"], f"{b['answers']:,}", f"{b['mean_score']:.2f}", _pct(b["accuracy"])) for b in bins])]
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _fmt(value, spec: str) -> str:
    if value is None:
        return "n/a"
    return _pct(value) if spec == "pct" else spec.format(value)
