"""`geo corpus generate`: a synthetic corpus with known gold, for testing at scale.
"""
from __future__ import annotations

from pathlib import Path

import click

from geo.cli import cli
from geo.cli.common import open_gazetteer


@cli.group("corpus")
def corpus_group() -> None:
    """Synthetic corpora for tests and benchmarks."""


@corpus_group.command("generate")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("-n", "--articles", "count", type=click.IntRange(min=1), default=100, show_default=True, help="How many articles.")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed (and gazetteer) gives the same corpus.")
@click.option("--reference", type=click.Path(file_okay=False, path_type=Path),
              help="The articles whose sentences are reused (default: ../shared/articles; env: GEO_SHARED).")
@click.option("--gold", "gold_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Their gold, seeds.json-shaped (default: ../shared/gold/seeds.json).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
def corpus_generate(out: Path, count: int, seed: int, reference: Path | None, gold_path: Path | None, db_path: Path | None) -> None:
    """Write OUT/: articles made of the reference sentences with their places swapped for others of
    the same kind, a manifest.jsonl, and gold.json (for ../shared/tools/score.py)."""
    from geo.corpus.generate import generate
    from geo.pipeline import Pipeline

    with open_gazetteer(db_path) as gaz:
        made = generate(out, count, seed, pipeline=Pipeline(gaz, check_claims=False), articles_dir=reference, gold_path=gold_path)
    click.echo(f"wrote {made.out}: {made.articles:,} articles, {made.mentions:,} gold mentions in {made.out / 'gold.json'}")

