"""Writing outputs so that a reader (or the next run) sees the old file or the whole new one, never a part.

Each file is written to a temporary file beside it, ``.NAME.PID.XXXX.tmp``, and renamed over it.
A run that fails (a full disk, a read-only folder) or is interrupted (Ctrl-C, SIGTERM) removes its
temporary files; one killed outright (SIGKILL, a power cut) may leave one, which the next write
to the same folder removes once no live process has that PID. Two runs writing the same file at
once each rename a complete file into place: the last one wins.

:class:`Staged` writes several files (a map and its article pages) and renames them only when all
of them were written: a failure while writing changes none of them.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Callable

# The mode a plain open() would give a new file (the umask read once, at import, before any threads).
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_TEMP = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically. An OSError names ``path``, not the temporary file."""
    write_atomic_with(path, lambda tmp: _write_text(tmp, text))


def write_atomic_with(path: Path, write: Callable[[Path], None]) -> None:
    """Make ``path`` atomically with ``write(temporary_path)`` (e.g. a DataFrame's ``to_parquet``).

    >>> write_atomic_with(Path("part-00000.parquet"), lambda tmp: frame.to_parquet(tmp))   # doctest: +SKIP
    """
    path = Path(path)
    tmp = _write_temp(path, write)
    try:
        os.replace(tmp, path)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError):
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def check_writable(path: Path) -> None:
    """Raise GeoError (one line) when ``path`` cannot be written: called before the work, not after it."""
    from geo.errors import GeoError

    path = Path(path)
    if path.is_dir():
        raise GeoError(f"{path}: is a folder, not a file to write to")
    folder = path.parent if str(path.parent) else Path(".")
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent          # the missing folders will be made in the nearest one that exists
    if not folder.is_dir():
        raise GeoError(f"{folder}: not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        try:
            read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
        except OSError:
            read_only = False
        raise GeoError(f"{path}: cannot write ({'read-only file system' if read_only else 'permission denied'}: {folder})")


class Staged:
    """Files written to temporary files first, renamed into place together by :meth:`commit`.

    >>> with Staged() as staged:                           # doctest: +SKIP
    ...     staged.write(Path("m/articles/a.html"), page)
    ...     staged.write(Path("m.html"), html)
    ...     staged.commit()                                # in the order written
    """

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []     # (temporary, target)
        self._cleaned: set[Path] = set()                # folders whose stale temporary files are gone

    def write(self, path: Path, text: str) -> None:
        path = Path(path)
        tmp = _write_temp(path, lambda tmp: _write_text(tmp, text), clean=path.parent not in self._cleaned)
        self._pending.append((tmp, path))
        self._cleaned.add(path.parent)

    def commit(self) -> None:
        while self._pending:
            tmp, path = self._pending[0]
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(path)) from None
            self._pending.pop(0)

    def discard(self) -> None:
        for tmp, _ in self._pending:
            _unlink(tmp)
        self._pending.clear()

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, *exc) -> None:
        self.discard()          # whatever was not committed (an error or an interruption on the way)


def _write_text(tmp: Path, text: str) -> None:
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def _write_temp(path: Path, write: Callable[[Path], None], clean: bool = True) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if clean:
            remove_stale_temps(folder)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(exc.filename or path)) from None
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        try:
            mode = os.stat(path).st_mode & 0o7777       # a replaced file keeps its mode
        except OSError:
            mode = 0o666 & ~_UMASK
        os.chmod(tmp, mode)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError):
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise
    return tmp


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files of writers that no longer run (killed before they could clean up)."""
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMP.match(name)
        if match and not _alive(int(match.group(1))):
            try:
                os.unlink(folder / name)
                removed.append(folder / name)
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True     # someone else's process, or not a PID: leave its file alone
    return True


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
