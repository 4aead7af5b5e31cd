"""`geo data fetch` and `geo gazetteer build|lookup|info`: the upstream files and the database built from them.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geo.cli import cli
from geo.cli.common import FORMATS_LOOKUP, open_gazetteer, source_dir
from geo.errors import InputError
from geo.output import format_table


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
    for path in fetch(spec, dest, source_dir(source), progress=sys.stderr.isatty()):
        click.echo(path)



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
    src_dir = source_dir(source)
    label = None
    if src_dir is None:
        src_dir = gdir / "downloads"
        if missing_sources(spec, src_dir):
            fetch(spec, src_dir, progress=sys.stderr.isatty())
        label = "upstream (" + ", ".join(sorted({s.url.split('/')[2] for s in spec.sources.values()})) + ")"
    elif not src_dir.is_dir():
        raise InputError(f"{src_dir}: source directory not found")
    log = (lambda _m: None) if quiet else (lambda m: click.echo(f"  {m}", err=True))
    report = build(spec, src_dir, db_path or default_db_path(), log=log, source_label=label)
    click.echo(f"built {report.path}: {report.counts['places']:,} places, {report.counts['names']:,} names, "
               f"{report.counts['geometries']:,} geometries, {report.size_bytes / 1e6:.0f} MB in {report.seconds:.1f} s")



@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", metavar="CC", help="Only places in this country (ISO 3166 alpha-2).")
@click.option("--format", "fmt", type=FORMATS_LOOKUP, default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many candidates.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help="Gazetteer database (env: GEO_GAZETTEER).")
def gazetteer_lookup(name: str, country: str | None, fmt: str, limit: int | None, db_path: Path | None) -> None:
    """List the places NAME may stand for, most important first."""
    with open_gazetteer(db_path) as gaz:
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
    with open_gazetteer(db_path) as gaz:
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

