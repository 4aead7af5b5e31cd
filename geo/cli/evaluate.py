"""`geo eval`: detection and resolution measured on an annotated corpus.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geo.cli import cli
from geo.cli.common import FORMATS_LOOKUP, open_gazetteer
from geo.errors import GeoError


@cli.command("eval")
@click.argument("corpus", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--gold-spans", is_flag=True, help="Resolution alone, on the annotated spans (as published tables report).")
@click.option("--format", "fmt", type=FORMATS_LOOKUP, default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles (quick runs).")
@click.option("--cases", "cases_path", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Also write one JSON line per gold toponym (gold, prediction, error) to this file.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
def eval_corpus(corpus: Path, gold_spans: bool, fmt: str, limit: int | None, cases_path: Path | None, db_path: Path | None) -> None:
    """Score detection and resolution on a gold corpus: TR-News, LGL, GeoWebNews or GeoVirus XML.

    Detection: precision, recall and F1 by span overlap. Resolution: exact GeoNames match,
    Acc@161km, mean and median error (km) and AUC, over the mentions whose place the gazetteer
    holds and over all of them.
    """
    from geo.evaluation import case_records, evaluate, read_corpus, render_text, summarize

    gold = read_corpus(corpus, limit=limit)  # bad input fails here, before the pipeline loads
    from geo.pipeline import Pipeline

    with open_gazetteer(db_path) as gaz:
        pipeline = Pipeline(gaz, check_claims=False)  # claims are not scored here
        with click.progressbar(length=len(gold.articles), label=f"evaluating {gold.name}", show_pos=True, file=sys.stderr) as bar:
            result = evaluate(gold, pipeline, gaz, gold_spans=gold_spans, on_article=lambda _a: bar.update(1))
    if cases_path is not None:
        try:
            with cases_path.open("w", encoding="utf-8") as out:
                out.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in case_records(result))
        except OSError as exc:
            raise GeoError(f"{cases_path}: cannot write ({exc.strerror})") from None
    summary = summarize(result)
    click.echo(json.dumps(summary, ensure_ascii=False, indent=1) if fmt == "json" else render_text(summary))

