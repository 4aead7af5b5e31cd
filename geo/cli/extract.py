"""`geo extract`: the place mentions of articles, or of a large corpus on Dask (`--corpus`).
"""
from __future__ import annotations

from pathlib import Path

import click

from geo.cli import cli
from geo.cli.common import check_output, emit, open_gazetteer
from geo.errors import InputError
from geo.output import render_mentions


@cli.command("extract")
@click.argument("inputs", nargs=-1, required=False, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "geojson", "csv"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
@click.option("--unresolved", is_flag=True, help="Also list the names found in a place context that could not be resolved, with why.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
@click.option("--corpus", type=click.Path(path_type=Path), metavar="DIR|MANIFEST",
              help="A large corpus: run on Dask, in partitions, into GeoParquet (--out); instead of FILES.")
@click.option("--out", "corpus_out", type=click.Path(path_type=Path), metavar="OUT.parquet",
              help="With --corpus: the mentions' folder of part-NNNNN.parquet files (claims go to OUT.claims.parquet). "
                   "A rerun skips the partitions already written.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="With --corpus: local worker processes (default: one a core).")
@click.option("--scheduler", metavar="ADDRESS", help="With --corpus: an existing Dask cluster's scheduler, e.g. tcp://host:8786.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None, metavar="N",
              help="With --corpus: articles a partition (default: 200).")
@click.option("--claims/--no-claims", default=True, show_default=True, help="With --corpus: also check claims (OUT.claims.parquet).")
def extract_cmd(inputs: tuple[Path, ...], fmt: str, output: Path | None, unresolved: bool, db_path: Path | None,
                corpus: Path | None, corpus_out: Path | None, workers: int | None, scheduler: str | None,
                partition_size: int | None, claims: bool) -> None:
    """Find and resolve the place mentions in articles (FILES, a DIR or a MANIFEST).

    With --corpus DIR|MANIFEST --out OUT.parquet: the same on a Dask cluster, written as GeoParquet.
    """
    if corpus is not None or corpus_out is not None:
        _extract_corpus(inputs, output, corpus, corpus_out, unresolved, db_path, workers, scheduler, partition_size, claims)
        return
    if not inputs:
        raise click.UsageError("Missing argument 'INPUTS...' (FILES, a DIR or a MANIFEST; or --corpus).")
    if workers is not None or scheduler is not None or partition_size is not None:
        raise InputError("--workers, --scheduler and --partition-size go with --corpus")
    from geo.pipeline import Pipeline
    from geo.text import collect_articles

    check_output(output)
    articles = collect_articles(list(inputs))
    with open_gazetteer(db_path) as gaz:
        mentions = []
        for doc in Pipeline(gaz, check_claims=False).documents(articles):
            found = doc.mentions + doc.modifiers + (doc.unresolved if unresolved else [])
            mentions += sorted(found, key=lambda m: m.start)
    emit(render_mentions(mentions, fmt), output)



def _extract_corpus(inputs: tuple[Path, ...], output: Path | None, corpus: Path | None, out: Path | None, unresolved: bool,
                    db_path: Path | None, workers: int | None, scheduler: str | None, partition_size: int | None,
                    claims: bool) -> None:
    """`geo extract --corpus`: the run on Dask (geo.corpus), and its summary line."""
    from geo.corpus import DEFAULT_PARTITION_SIZE, run_corpus

    if inputs or output is not None:
        raise InputError("--corpus takes no FILES and no --output (the output is --out OUT.parquet)")
    if corpus is None or out is None:
        raise InputError("--corpus DIR|MANIFEST and --out OUT.parquet go together")
    report = run_corpus(corpus, out, workers=workers, scheduler=scheduler, partition_size=partition_size or DEFAULT_PARTITION_SIZE,
                        claims=claims, unresolved=unresolved, db_path=db_path)
    skipped = f", {report.skipped} already done" if report.skipped else ""
    wrote = f"{report.mentions:,} mentions" + (f" and {report.claims:,} claims (in {report.claims_out})" if claims else "")
    click.echo(f"wrote {report.out}: {wrote} of {report.articles:,} articles in {report.partitions} partitions{skipped}")
    if report.processed:
        peak = max(report.worker_peak_rss.values(), default=0)
        click.echo(f"processed {report.processed:,} articles in {report.seconds:.1f} s on {report.workers} worker(s): "
                   f"{report.rate:,.1f} articles/s after {report.startup_seconds:.1f} s of start-up; "
                   f"peak memory per worker {peak / 2**20:,.0f} MB")

