"""What the commands share: where the data and the gazetteer are, and writing output safely."""
from __future__ import annotations

import os
from pathlib import Path

import click

from geo.errors import GeoError

FORMATS_LOOKUP = click.Choice(["table", "json"])


def source_dir(source: Path | None) -> Path | None:
    from geo.gazetteer.sources import SOURCE_ENV

    if source is not None:
        return source
    env = os.environ.get(SOURCE_ENV)
    return Path(env) if env else None



def open_gazetteer(db_path: Path | None):
    from geo.gazetteer import Gazetteer

    return Gazetteer.open(db_path)



def check_output(output: Path | None) -> None:
    """Fail before the work when the output cannot be written (a read-only folder, a file in the way)."""
    if output is not None:
        from geo.atomic import check_writable

        check_writable(output)


def emit(text: str, output: Path | None) -> None:
    """Print, or write to ``output`` through a temporary file so it is never half-written."""
    if output is None:
        click.echo(text, nl=False)
        return
    from geo.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise GeoError(f"{exc.filename or output}: cannot write ({exc.strerror or exc})") from None

