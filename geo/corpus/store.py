"""Where a corpus run's output goes, and which partitions of it are done.

    OUT.parquet/                  the mentions: part-00000.parquet, part-00001.parquet, ...
    OUT.parquet/_geo/run.json     what the run was made with (corpus, partition size, claims, gazetteer)
    OUT.parquet/_geo/part-00000.json   "done" marker: the partition's input digest and counts
    OUT.claims.parquet/           the claims: part-00000.parquet, ... (when claims are checked)

A partition's files are each written to a hidden temporary name and renamed into place; its marker
is written last, the same way. A partition counts as done only when its marker names the same input
digest and its files are there, so a crash or Ctrl-C at any point leaves at worst a partition to redo.
Parquet readers skip names starting with '_' or '.', so ``geopandas.read_parquet("OUT.parquet")``
reads just the mentions.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from geo.atomic import write_atomic
from geo.errors import GeoError, InputError

RUN_FILE = "run.json"
_PART = re.compile(r"part-(\d{5,})\.(parquet|json)$")


def part_name(index: int, suffix: str = "parquet") -> str:
    return f"part-{index:05d}.{suffix}"


class Store:
    """The output folders of one corpus run."""

    def __init__(self, out: Path, *, claims: bool):
        self.out = Path(out)
        if self.out.suffix != ".parquet":
            raise InputError(f"{self.out}: the output must be a folder named *.parquet")
        self.claims_dir = self.out.with_name(self.out.stem + ".claims.parquet") if claims else None
        self.meta = self.out / "_geo"

    def dirs(self) -> list[Path]:
        return [self.out] + ([self.claims_dir] if self.claims_dir else [])

    def mentions_part(self, index: int) -> Path:
        return self.out / part_name(index)

    def claims_part(self, index: int) -> Path | None:
        return self.claims_dir / part_name(index) if self.claims_dir else None

    def marker(self, index: int) -> Path:
        return self.meta / part_name(index, "json")

    # -- starting or resuming ----------------------------------------------------------

    def check(self, settings: dict) -> None:
        """Refuse an output folder that is something else, or a run's made with other settings."""
        run_file = self.meta / RUN_FILE
        if self.out.exists():
            if not self.out.is_dir():
                raise InputError(f"{self.out}: exists and is not a folder")
            if not run_file.is_file():
                if any(self.out.iterdir()):
                    raise InputError(f"{self.out}: exists and is not the output of `geo extract --corpus`; choose another --out")
            else:
                before = _read_json(run_file)
                changed = [k for k in settings if before.get(k) != settings[k]]
                if changed:
                    raise InputError(f"{self.out}: written with another {', '.join(changed)} ({before.get(changed[0])!r}, now "
                                     f"{settings[changed[0]]!r}); remove it or choose another --out")

    def open(self, settings: dict) -> None:
        """Create the folders (once checked) and record the settings."""
        try:
            for folder in [*self.dirs(), self.meta]:
                folder.mkdir(parents=True, exist_ok=True)
            write_json_atomically(self.meta / RUN_FILE, settings)
        except OSError as exc:
            raise GeoError(f"{self.out}: cannot create the output folder ({exc.strerror or exc})") from None

    def done(self, index: int, digest: str) -> dict | None:
        """The marker of a finished partition with this input digest, or None if it must be (re)done."""
        marker = self.marker(index)
        if not marker.is_file():
            return None
        try:
            record = _read_json(marker)
        except InputError:                # a marker cut short: redo the partition
            return None
        parts = [self.mentions_part(index), self.claims_part(index)]
        if record.get("digest") != digest or not all(p.is_file() for p in parts if p is not None):
            return None
        return record

    def tidy(self, partitions: int) -> None:
        """Remove what an interrupted run left (hidden temporary files) and the parts of partitions
        the corpus no longer has (it shrank since the last run)."""
        for folder in [*self.dirs(), self.meta]:
            for path in (folder.iterdir() if folder.is_dir() else ()):
                match = _PART.match(path.name)
                stale = match is not None and int(match.group(1)) >= partitions
                if (path.name.startswith(".") and path.name.endswith(".tmp")) or stale:
                    path.unlink(missing_ok=True)


def write_json_atomically(path: Path, record: dict) -> None:
    write_atomic(path, json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def _read_json(path: Path) -> dict:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: unreadable ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(f"{path}: not a JSON object")
    return record
