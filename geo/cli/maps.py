"""`geo map`: a Leaflet map of articles' places and claims, from files, a recipe or a corpus dataset.
"""
from __future__ import annotations

from pathlib import Path

import click

from geo.cli import cli
from geo.cli.common import open_gazetteer
from geo.errors import InputError


@cli.command("map")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--from", "dataset", type=click.Path(path_type=Path),
              help="Map a corpus instead: the GeoParquet of `geo extract --corpus` (NAME.parquet), per place, with a heat layer "
                   "and a time slider.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The map to write (NAME.html; its article pages go to NAME/articles/). Default: the recipe's, else map.html.")
@click.option("--title", help="The map's title (default: the recipe's).")
@click.option("--offline/--online", default=None,
              help="Offline: no tiles, nothing fetched when the map is viewed (the Natural Earth basemap only). Default: the recipe's, else online.")
@click.option("--layer-by", type=click.Choice(["auto", "article", "source"]), default=None,
              help="Layer control entries per article or per source (auto: articles up to 40).")
@click.option("--no-cluster", is_flag=True, default=None, help="Do not cluster nearby markers.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
def map_cmd(inputs: tuple[Path, ...], dataset: Path | None, output: Path | None, title: str | None, offline: bool | None,
            layer_by: str | None, no_cluster: bool | None, db_path: Path | None) -> None:
    """Export a Leaflet map of the places articles mention: RECIPE.toml, or FILES, a DIR or a MANIFEST.

    One marker per place, with popups quoting each article that names it; local article pages
    with every mention highlighted; the articles' claims drawn and listed by verdict.
    With --from NAME.parquet: a map of a whole corpus, per place (counts and top articles).
    """
    from dataclasses import replace

    if dataset is not None:
        if inputs or layer_by:
            raise InputError("--from maps a corpus dataset alone: give no RECIPE, FILES or --layer-by with it")
        from geo.map.corpus_map import CorpusMapOptions, render_corpus_map, summarize

        output = output or Path("map.html")
        if output.suffix.lower() != ".html":
            raise InputError(f"{output}: the map must be a .html file")
        from geo.atomic import check_writable

        check_writable(output)      # before the work, not after it
        summary = summarize(dataset)
        options = CorpusMapOptions(**{k: v for k, v in (("title", title), ("offline", offline)) if v is not None},
                                   cluster=not no_cluster)
        with open_gazetteer(db_path) as gaz:
            click.echo(render_corpus_map(summary, gaz, output, options).summary())
        return
    if not inputs:
        raise InputError("give a RECIPE.toml, FILES, a DIR or a MANIFEST to map (or --from NAME.parquet)")

    from geo.map import MapOptions, render_map
    from geo.map.recipe import is_recipe, load_recipe
    from geo.pipeline import Pipeline
    from geo.text import collect_articles

    if len(inputs) == 1 and is_recipe(inputs[0]):
        recipe = load_recipe(inputs[0])
        sources, options, target = recipe.articles, recipe.options, recipe.output
    elif any(p.suffix.lower() == ".toml" and is_recipe(p) for p in inputs):
        raise InputError("a recipe must be the only input")
    else:
        sources, options, target = list(inputs), MapOptions(), Path("map.html")
    changes = {k: v for k, v in (("title", title), ("offline", offline), ("layer_by", layer_by)) if v is not None}
    if no_cluster:
        changes["cluster"] = False
    options = replace(options, **changes)
    output = output or target
    if output.suffix.lower() != ".html":
        raise InputError(f"{output}: the map must be a .html file")
    from geo.map.output import check_map_writable

    check_map_writable(output)     # before the work, not after it
    articles = collect_articles(sources)
    with open_gazetteer(db_path) as gaz:
        pipeline = Pipeline(gaz)
        documents = [pipeline.process(a) for a in articles]
        result = render_map(documents, gaz, output, options)
    click.echo(f"wrote {result.path} ({result.size_bytes / 1e6:.1f} MB): {result.places} places, {result.mentions} mentions, "
               f"{result.claims} claims, {len(result.pages)} article pages in {result.path.parent / result.path.stem / 'articles'}")

