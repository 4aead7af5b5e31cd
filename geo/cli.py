"""The ``geo`` command line.

Every command prints a one-line ``geo: error: ...`` and exits non-zero on a problem the user can
fix (see :mod:`geo.errors` for the statuses); a traceback is shown only with GEO_DEBUG=1.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from geo import __version__
from geo.errors import GeoError, InputError

FORMATS_LOOKUP = click.Choice(["table", "json"])


def _source_dir(source: Path | None) -> Path | None:
    from geo.gazetteer.sources import SOURCE_ENV

    if source is not None:
        return source
    env = os.environ.get(SOURCE_ENV)
    return Path(env) if env else None


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="geo")
def cli() -> None:
    """geo: maps of the places the news mentions.

    Finds the places articles name, resolves them against a local GeoNames extract, checks
    what the articles claim about geography, and exports Leaflet maps.

    Data: GeoNames (geonames.org, CC BY 4.0) and Natural Earth.
    """


# -- data -----------------------------------------------------------------------------------


@cli.group()
def data() -> None:
    """Get the upstream GeoNames and Natural Earth files the gazetteer is built from."""


@data.command("fetch")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path),
              help="Copy from this local mirror instead of downloading (env: GEO_DATA_SOURCE).")
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path),
              help="Where to put the files (default: gazetteer/downloads).")
@click.option("--definition", type=click.Path(dir_okay=False, path_type=Path), help="Extract definition (default: gazetteer/extract.toml).")
@click.option("--countries", default="", help="Also the complete GeoNames dumps of these countries, e.g. RU,LB.")
def data_fetch(source: Path | None, dest: Path | None, definition: Path | None, countries: str) -> None:
    """Download the upstream files over HTTPS (or copy them from a mirror)."""
    from geo.gazetteer import project_gazetteer_dir
    from geo.gazetteer.definition import load_definition, with_countries
    from geo.gazetteer.sources import fetch

    gdir = project_gazetteer_dir()
    spec = with_countries(load_definition(definition or gdir / "extract.toml"), countries.split(","))
    dest = dest or gdir / "downloads"
    for path in fetch(spec, dest, _source_dir(source), progress=sys.stderr.isatty()):
        click.echo(path)


# -- gazetteer ------------------------------------------------------------------------------


@cli.group()
def gazetteer() -> None:
    """Build and query the local GeoNames gazetteer (SQLite)."""


@gazetteer.command("build")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path),
              help="Read upstream files from this mirror directory (env: GEO_DATA_SOURCE); "
                   "default: gazetteer/downloads, fetched first if missing.")
@click.option("--definition", type=click.Path(dir_okay=False, path_type=Path), help="Extract definition (default: gazetteer/extract.toml).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Database to write (default: gazetteer/geo.sqlite; env: GEO_GAZETTEER).")
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
@click.option("--countries", default="", help="Also index the complete GeoNames dumps of these countries, e.g. RU,LB "
                                              "(every village; the extract's own full dumps are read anyway).")
def gazetteer_build(source: Path | None, definition: Path | None, db_path: Path | None, quiet: bool, countries: str) -> None:
    """Build the gazetteer database from the extract definition."""
    from geo.gazetteer import default_db_path, project_gazetteer_dir
    from geo.gazetteer.build import build
    from geo.gazetteer.definition import load_definition, with_countries
    from geo.gazetteer.sources import fetch, missing_sources

    gdir = project_gazetteer_dir()
    spec = with_countries(load_definition(definition or gdir / "extract.toml"), countries.split(","))
    source_dir = _source_dir(source)
    label = None
    if source_dir is None:
        source_dir = gdir / "downloads"
        if missing_sources(spec, source_dir):
            fetch(spec, source_dir, progress=sys.stderr.isatty())
        label = "upstream (" + ", ".join(sorted({s.url.split('/')[2] for s in spec.sources.values()})) + ")"
    elif not source_dir.is_dir():
        raise InputError(f"{source_dir}: source directory not found")
    log = (lambda _m: None) if quiet else (lambda m: click.echo(f"  {m}", err=True))
    report = build(spec, source_dir, db_path or default_db_path(), log=log, source_label=label)
    click.echo(f"built {report.path}: {report.counts['places']:,} places, {report.counts['names']:,} names, "
               f"{report.counts['geometries']:,} geometries, {report.size_bytes / 1e6:.0f} MB in {report.seconds:.1f} s")


def _open_gazetteer(db_path: Path | None):
    from geo.gazetteer import Gazetteer

    return Gazetteer.open(db_path)


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", metavar="CC", help="Only places in this country (ISO 3166 alpha-2).")
@click.option("--format", "fmt", type=FORMATS_LOOKUP, default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many candidates.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
def gazetteer_lookup(name: str, country: str | None, fmt: str, limit: int | None, db_path: Path | None) -> None:
    """List the places NAME may stand for, most important first."""
    with _open_gazetteer(db_path) as gaz:
        found = gaz.lookup(name, country=country, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([{**c.place.to_dict(), "matched_name": c.name, "name_kind": c.kind} for c in found],
                              ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo(f"no place named {name!r}" + (f" in {country.upper()}" if country else ""))
        return
    rows = [(str(c.place.geonameid), c.place.name, c.place.feature_code, c.place.admin1, c.place.country_code,
             f"{c.place.population:,}", f"{c.place.lat:.4f}", f"{c.place.lon:.4f}", c.kind) for c in found]
    click.echo(format_table(("id", "name", "code", "admin1", "cc", "population", "lat", "lon", "as"), rows))


@gazetteer.command("info")
@click.option("--format", "fmt", type=FORMATS_LOOKUP, default="table", show_default=True)
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
def gazetteer_info(fmt: str, db_path: Path | None) -> None:
    """What the database holds, and from which source and date."""
    with _open_gazetteer(db_path) as gaz:
        info = gaz.info()
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=1))
        return
    click.echo(f"{info['path']} ({info['size_bytes'] / 1e6:.0f} MB), built {info['built_at']} by geo {info['geo_version']}")
    click.echo(f"extract: {info['extract']} ({info['extract_digest']}); source: {info['source']}")
    click.echo("counts: " + ", ".join(f"{k} {v:,}" for k, v in info["counts"].items()))
    click.echo("places by feature class: " + ", ".join(f"{k} {v:,}" for k, v in info["places_by_feature_class"].items()))
    click.echo("names by kind: " + ", ".join(f"{k} {v:,}" for k, v in info["names_by_kind"].items()))
    for name, fp in info["files"].items():
        click.echo(f"  {name}: {fp}")
    click.echo(f"data: {info['attribution']}")


# -- extract --------------------------------------------------------------------------------


MENTION_COLUMNS = ("article", "start", "end", "text", "geonameid", "name", "lat", "lon", "feature_code",
                   "country_code", "admin1", "score", "method", "reason")


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

    _check_output(output)
    articles = collect_articles(list(inputs))
    with _open_gazetteer(db_path) as gaz:
        pipeline = Pipeline(gaz, check_claims=False)
        mentions = []
        for article in articles:
            doc = pipeline.process(article)
            found = doc.mentions + doc.modifiers + (doc.unresolved if unresolved else [])
            mentions += sorted(found, key=lambda m: m.start)
    _emit(render_mentions(mentions, fmt), output)


def render_mentions(mentions, fmt: str) -> str:
    if fmt == "jsonl":  # one record at a time: a long text has hundreds of thousands
        return "".join(json.dumps(m.to_dict(), ensure_ascii=False) + "\n" for m in mentions)
    rows = [m.to_dict() for m in mentions]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "geojson":
        features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                     "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}} for r in rows if r["geonameid"]]
        return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=MENTION_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    table = [(r["article"], f"{r['start']}-{r['end']}", r["text"], str(r["geonameid"] or "-"), r["name"] or (r["reason"] or ""),
              r["feature_code"] or "", r["country_code"] or "", f"{r['score']:.2f}") for r in rows]
    return format_table(("article", "span", "text", "id", "place", "code", "cc", "score"), table) + "\n" if table else "no place mentions found\n"


def _check_output(output: Path | None) -> None:
    """Fail before the work when the output cannot be written (a read-only folder, a file in the way)."""
    if output is not None:
        from geo.atomic import check_writable

        check_writable(output)


def _emit(text: str, output: Path | None) -> None:
    """Print, or write to ``output`` through a temporary file so it is never half-written."""
    if output is None:
        click.echo(text, nl=False)
        return
    from geo.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise GeoError(f"{exc.filename or output}: cannot write ({exc.strerror or exc})") from None


# -- extract --corpus -------------------------------------------------------------------------


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

    with _open_gazetteer(db_path) as gaz:
        made = generate(out, count, seed, pipeline=Pipeline(gaz, check_claims=False), articles_dir=reference, gold_path=gold_path)
    click.echo(f"wrote {made.out}: {made.articles:,} articles, {made.mentions:,} gold mentions in {made.out / 'gold.json'}")


# -- eval -----------------------------------------------------------------------------------


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

    with _open_gazetteer(db_path) as gaz:
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


# -- check ----------------------------------------------------------------------------------


@cli.command("check")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default="table", show_default=True,
              help="table: for reading; jsonl: one claim a line; json: claims, conflicts and the tolerances used.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here (atomically) instead of stdout.")
@click.option("--policy", "policy_path", type=click.Path(dir_okay=False, path_type=Path),
              help="TOML file of tolerances (keys as in `geo.claims.policy.Policy`, optionally under [claims]).")
@click.option("--tolerance", "tolerances", multiple=True, metavar="NAME=VALUE",
              help="Override one tolerance, e.g. --tolerance near_km=30 (repeatable; applied after --policy).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
def check_cmd(inputs: tuple[Path, ...], fmt: str, output: Path | None, policy_path: Path | None,
              tolerances: tuple[str, ...], db_path: Path | None) -> None:
    """Find the spatial and numeric claims in articles (FILES, a DIR or a MANIFEST) and check them
    against GeoNames and Natural Earth geometry: consistent, inconsistent or unverifiable, and why.
    Also reports places that two articles describe in incompatible ways."""
    from geo.claims import Policy, conflicts, find_and_check
    from geo.pipeline import Pipeline
    from geo.text import collect_articles

    policy = Policy.from_toml(policy_path) if policy_path else Policy()
    policy = policy.replace(**_parse_tolerances(tolerances))
    _check_output(output)
    articles = collect_articles(list(inputs))
    with _open_gazetteer(db_path) as gaz:
        pipeline = Pipeline(gaz, check_claims=False)
        documents = []
        for article in articles:
            doc = pipeline.process(article)
            doc.claims = find_and_check(doc, gaz, policy)
            documents.append(doc)
        disagreements = conflicts(documents, policy)
    claims = [c for d in documents for c in d.claims]
    if fmt == "jsonl":
        _emit("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in claims), output)
        if disagreements:
            click.echo(f"geo: {len(disagreements)} conflict(s) between articles; see --format table or json", err=True)
    elif fmt == "json":
        _emit(json.dumps({"claims": [c.to_dict() for c in claims], "conflicts": [k.to_dict() for k in disagreements],
                          "policy": policy.to_dict()}, ensure_ascii=False, indent=1) + "\n", output)
    else:
        _emit(render_claims(documents, disagreements), output)


def _parse_tolerances(items: tuple[str, ...]) -> dict[str, float]:
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            values[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise InputError(f"--tolerance {item!r}: expected NAME=NUMBER, e.g. near_km=30")
    return values


def render_claims(documents, disagreements) -> str:
    """Claims article by article: verdict, type and quote, with the explanation below; then conflicts."""
    import shutil
    import textwrap

    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))
    lines: list[str] = []
    counts: dict[str, int] = {}
    for doc in documents:
        if not doc.claims:
            continue
        lines.append(f"{doc.article.id}")
        for claim in doc.claims:
            counts[claim.verdict] = counts.get(claim.verdict, 0) + 1
            head = f"  {claim.verdict:<13} {claim.type:<18} "
            quote = textwrap.shorten(" ".join(claim.quote.split()), width - len(head) - 2, placeholder=" …")
            lines.append(f"{head}“{quote}”")
            lines.extend(textwrap.wrap(claim.explanation, width, initial_indent=" " * 16, subsequent_indent=" " * 16))
        lines.append("")
    total = sum(counts.values())
    if not total:
        return "no claims found\n"
    summary = ", ".join(f"{counts[v]} {v}" for v in ("consistent", "inconsistent", "unverifiable") if counts.get(v))
    lines.append(f"{total} claim{'s' if total != 1 else ''} in {sum(1 for d in documents if d.claims)} article(s): {summary}")
    if disagreements:
        lines += ["", f"Conflicts between articles ({len(disagreements)}):"]
        for conflict in disagreements:
            lines.extend(textwrap.wrap(conflict.explanation, width, initial_indent="  ", subsequent_indent="    "))
    return "\n".join(lines) + "\n"


# -- map ------------------------------------------------------------------------------------


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
        with _open_gazetteer(db_path) as gaz:
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
    from geo.map.output import check_writable

    check_writable(output)     # before the work, not after it
    articles = collect_articles(sources)
    with _open_gazetteer(db_path) as gaz:
        pipeline = Pipeline(gaz)
        documents = [pipeline.process(a) for a in articles]
        result = render_map(documents, gaz, output, options)
    click.echo(f"wrote {result.path} ({result.size_bytes / 1e6:.1f} MB): {result.places} places, {result.mentions} mentions, "
               f"{result.claims} claims, {len(result.pages)} article pages in {result.path.parent / result.path.stem / 'articles'}")


# -- helpers --------------------------------------------------------------------------------


def format_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Left-aligned plain-text columns."""
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip() for r in (header, *rows)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


class _Terminated(BaseException):
    """SIGTERM received (a BaseException, like KeyboardInterrupt: no ``except Exception`` swallows it)."""


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning errors into one line and an exit status."""
    import signal

    def terminated(signum, _frame):
        raise _Terminated(signum)

    # SIGTERM (kill, a timeout) unwinds like Ctrl-C, so that temporary files are removed on the way out.
    signal.signal(signal.SIGTERM, terminated)
    try:
        status = cli.main(args=argv, prog_name="geo", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("geo: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"geo: error: {exc.format_message()}", err=True)
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            click.echo(f"Try '{exc.ctx.command_path} --help'.", err=True)
        sys.exit(exc.exit_code)
    except GeoError as exc:
        click.echo(f"geo: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("geo: interrupted", err=True)
        sys.exit(130)
    except _Terminated as exc:
        click.echo("geo: terminated", err=True)
        sys.exit(128 + exc.args[0])
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except Exception as exc:  # a bug: still one line, with a way to see more
        if os.environ.get("GEO_DEBUG"):
            raise
        click.echo(f"geo: internal error: {type(exc).__name__}: {exc} (set GEO_DEBUG=1 for a traceback)", err=True)
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)
