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
def data_fetch(source: Path | None, dest: Path | None, definition: Path | None) -> None:
    """Download the upstream files over HTTPS (or copy them from a mirror)."""
    from geo.gazetteer import project_gazetteer_dir
    from geo.gazetteer.definition import load_definition
    from geo.gazetteer.sources import fetch

    gdir = project_gazetteer_dir()
    spec = load_definition(definition or gdir / "extract.toml")
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
def gazetteer_build(source: Path | None, definition: Path | None, db_path: Path | None, quiet: bool) -> None:
    """Build the gazetteer database from the extract definition."""
    from geo.gazetteer import default_db_path, project_gazetteer_dir
    from geo.gazetteer.build import build
    from geo.gazetteer.definition import load_definition
    from geo.gazetteer.sources import fetch, missing_sources

    gdir = project_gazetteer_dir()
    spec = load_definition(definition or gdir / "extract.toml")
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


# -- helpers --------------------------------------------------------------------------------


def format_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Left-aligned plain-text columns."""
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip() for r in (header, *rows)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning errors into one line and an exit status."""
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
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except Exception as exc:  # a bug: still one line, with a way to see more
        if os.environ.get("GEO_DEBUG"):
            raise
        click.echo(f"geo: internal error: {type(exc).__name__}: {exc} (set GEO_DEBUG=1 for a traceback)", err=True)
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)
