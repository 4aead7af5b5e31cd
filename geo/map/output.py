"""Writing a map's files: atomically (see geo.atomic), checked early, stale pages pruned."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from geo import atomic
from geo.errors import GeoError


def prune(folder: Path, keep: Iterable[str], pattern: str = "*.html") -> None:
    """Remove the files matching ``pattern`` in ``folder`` that are not in ``keep`` (pages of articles no longer mapped)."""
    names = set(keep)
    for path in folder.glob(pattern):
        if path.name not in names and path.is_file():
            path.unlink()


def check_map_writable(path: Path) -> None:
    """Fail early, with one line, when ``path`` cannot be written (before any work is done)."""
    if path.exists() and path.is_dir():
        raise GeoError(f"{path}: is a folder, not a file to write the map to")
    try:
        atomic.check_writable(path)
        atomic.check_writable(path.parent / path.stem / "articles" / "page.html")  # where its pages go
    except GeoError as exc:
        raise GeoError(f"cannot write the map: {exc}") from None
