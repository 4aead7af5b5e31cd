"""Writing a map's files: each one atomically (a temporary file in the same folder, then a rename)."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from geo.errors import GeoError


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that a reader sees the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def prune(folder: Path, keep: Iterable[str], pattern: str = "*.html") -> None:
    """Remove the files matching ``pattern`` in ``folder`` that are not in ``keep`` (pages of articles no longer mapped)."""
    names = set(keep)
    for path in folder.glob(pattern):
        if path.name not in names and path.is_file():
            path.unlink()


def check_writable(path: Path) -> None:
    """Fail early, with one line, when ``path`` cannot be written (before any work is done)."""
    if path.exists() and path.is_dir():
        raise GeoError(f"{path}: is a folder, not a file to write the map to")
    parent = path.parent if str(path.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise GeoError(f"{parent}: not a folder")
