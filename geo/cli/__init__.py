"""The ``geo`` command line: one module per command group, registered on :data:`cli` when imported.

    common.py    where the data and the gazetteer are, writing output atomically
    data.py      geo data fetch, geo gazetteer build|lookup|info
    extract.py   geo extract (and --corpus on Dask)
    check.py     geo check
    maps.py      geo map
    evaluate.py  geo eval
    corpus.py    geo corpus generate

Every command prints a one-line ``geo: error: ...`` and exits non-zero on a problem the user can
fix (see :mod:`geo.errors` for the statuses); a traceback is shown only with GEO_DEBUG=1. Nothing
outside this package imports it.
"""
from __future__ import annotations

import os
import sys

import click

from geo import __version__
from geo.errors import GeoError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="geo")
def cli() -> None:
    """geo: maps of the places the news mentions.

    Finds the places articles name, resolves them against a local GeoNames extract, checks
    what the articles claim about geography, and exports Leaflet maps.

    Data: GeoNames (geonames.org, CC BY 4.0) and Natural Earth.
    """



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


# The command groups register themselves on `cli` (imported last: they import `cli` from here).
from geo.cli import check, corpus, data, evaluate, extract, maps  # noqa: E402,F401
