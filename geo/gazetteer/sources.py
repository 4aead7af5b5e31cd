"""Getting the upstream files and reading them with checks.

``fetch`` downloads each file of the extract definition from its upstream address (HTTPS, with
a progress bar) or copies it from a local mirror. The ``read_*`` functions parse one file kind
each and stop at the first problem with a :class:`~geo.errors.DataError` naming the file, the
line and what is wrong, so a bad download never turns into a half-right gazetteer.
"""
from __future__ import annotations

import gzip
import io
import os
import shutil
import tempfile
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.errors import DataError
from geo.gazetteer.definition import ExtractDefinition, Source

#: Environment variable naming a local mirror of the upstream files (same layout as the URLs' names).
SOURCE_ENV = "GEO_DATA_SOURCE"
GEONAMES_COLUMNS = 19


@dataclass(frozen=True)
class GeoNamesRow:
    """One row of a GeoNames dump (``geoname`` table), with the columns the gazetteer keeps."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int
    timezone: str


def source_file(source_dir: Path, source: Source) -> Path:
    return source_dir / source.path


def missing_sources(definition: ExtractDefinition, source_dir: Path) -> list[Source]:
    return [s for s in definition.sources.values() if not source_file(source_dir, s).is_file()]


def fetch(definition: ExtractDefinition, dest: Path, mirror: Path | None = None, *, progress: bool = True) -> list[Path]:
    """Put every upstream file of ``definition`` under ``dest``: copied from ``mirror`` or downloaded.

    Each file is written to a temporary name and renamed into place, so an interrupted fetch
    leaves no partial file behind.
    """
    written = []
    for source in definition.sources.values():
        target = source_file(dest, source)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                if mirror is not None:
                    origin = source_file(mirror, source)
                    if not origin.is_file():
                        raise DataError(f"{origin}: not found in the mirror {mirror}")
                    with origin.open("rb") as f:
                        shutil.copyfileobj(f, out)
                else:
                    _download(source, out, progress=progress)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        written.append(target)
    return written


def _download(source: Source, out: io.BufferedWriter, *, progress: bool) -> None:
    import click

    if not source.url.startswith("https://"):
        raise DataError(f"{source.key}: refusing a non-HTTPS address {source.url}")
    # Natural Earth's GeoJSON is published plain; the extract keeps it gzipped, as the mirror does.
    sink = gzip.GzipFile(fileobj=out, mode="wb", mtime=0) if source.path.endswith(".gz") and not source.url.endswith(".gz") else out
    try:
        request = urllib.request.Request(source.url, headers={"User-Agent": "geo-gazetteer-build"})
        with urllib.request.urlopen(request, timeout=60) as response:
            total = int(response.headers.get("Content-Length") or 0) or None
            with click.progressbar(length=total, label=Path(source.path).name, file=None if progress else io.StringIO()) as bar:
                while chunk := response.read(1 << 16):
                    sink.write(chunk)
                    bar.update(len(chunk))
    except OSError as exc:
        raise DataError(f"{source.url}: download failed ({exc})") from None
    finally:
        if sink is not out:
            sink.close()


def _open_zip_member(path: Path, member: str) -> tuple[zipfile.ZipFile, io.TextIOWrapper]:
    try:
        archive = zipfile.ZipFile(path)
        handle = archive.open(member)
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except zipfile.BadZipFile as exc:
        raise DataError(f"{path}: not a valid zip archive ({exc})") from None
    except KeyError:
        raise DataError(f"{path}: the archive has no member {member}") from None
    return archive, io.TextIOWrapper(handle, encoding="utf-8", newline="\n")


def read_geonames_dump(path: Path, member: str) -> Iterator[GeoNamesRow]:
    """Yield the rows of a zipped GeoNames dump, checking columns, numbers and the zip's CRC."""
    archive, text = _open_zip_member(path, member)
    where = f"{path.name}:{member}"
    line_no = 0
    try:
        with archive, text:
            for line_no, line in enumerate(text, 1):
                if not line.endswith("\n"):  # every GeoNames dump ends its last row with a newline
                    raise DataError(f"{where} line {line_no}: the last row is cut off (truncated dump)")
                cols = line[:-1].split("\t")
                if len(cols) != GEONAMES_COLUMNS:
                    raise DataError(f"{where} line {line_no}: {len(cols)} columns, expected {GEONAMES_COLUMNS} (truncated or not a GeoNames dump)")
                try:
                    lat, lon = float(cols[4]), float(cols[5])
                    geonameid = int(cols[0])
                    population = int(cols[14] or 0)
                except ValueError:
                    raise DataError(f"{where} line {line_no}: id, coordinates or population are not numbers") from None
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise DataError(f"{where} line {line_no}: coordinates out of range ({lat}, {lon})")
                yield GeoNamesRow(geonameid, cols[1], cols[2], cols[3], lat, lon, cols[6], cols[7], cols[8],
                                  cols[10], cols[11], population, cols[17])
    except zipfile.BadZipFile as exc:  # raised at the member's end when its CRC does not match
        raise DataError(f"{path}: corrupt zip archive after line {line_no} ({exc})") from None
    except (EOFError, zipfile.error, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: corrupt or truncated archive after line {line_no} ({exc})") from None
    if line_no == 0:
        raise DataError(f"{where}: empty dump")


def _read_text_lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                yield n, line.rstrip("\n")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


@dataclass(frozen=True)
class AdminCode:
    code: str  # "UA.07" or "UA.07.6312"
    name: str
    asciiname: str
    geonameid: int


def read_admin_codes(path: Path) -> list[AdminCode]:
    """Read admin1CodesASCII.txt or admin2Codes.txt: code, name, ascii name, geonameid."""
    rows = []
    for n, line in _read_text_lines(path):
        if not line:
            continue
        cols = line.split("\t")
        if len(cols) != 4 or not cols[3].isdigit():
            raise DataError(f"{path.name} line {n}: expected code, name, ascii name and a numeric geonameid")
        rows.append(AdminCode(cols[0], cols[1], cols[2], int(cols[3])))
    if not rows:
        raise DataError(f"{path.name}: empty file")
    return rows


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    iso3: str
    name: str
    capital: str
    population: int
    continent: str
    geonameid: int
    neighbours: str
    languages: str = ""   #: comma-separated, the main one first ("ar-SY,ku,hy")


def read_country_info(path: Path) -> list[CountryInfo]:
    """Read countryInfo.txt ('#' lines are comments; the geonameid is column 17)."""
    rows = []
    for n, line in _read_text_lines(path):
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 18 or not cols[16].isdigit():
            raise DataError(f"{path.name} line {n}: expected at least 18 columns with a numeric geonameid in column 17")
        rows.append(CountryInfo(cols[0], cols[1], cols[4], cols[5], int(cols[7] or 0), cols[8], int(cols[16]), cols[17], cols[15]))
    if not rows:
        raise DataError(f"{path.name}: no countries")
    return rows


def read_vector(path: Path, *, kind: str):
    """Read a Natural Earth layer (gzipped GeoJSON or a zipped shapefile) as a GeoDataFrame."""
    import geopandas
    import pyogrio.errors

    if not path.is_file():
        raise DataError(f"{path}: file not found")
    if kind == "shapefile_zip":
        uri = f"zip://{path}"
    elif path.name.endswith(".gz"):
        uri = f"/vsigzip/{path}"
    else:
        uri = str(path)
    try:
        frame = geopandas.read_file(uri)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError, OSError) as exc:
        raise DataError(f"{path}: cannot read as {kind} ({str(exc).splitlines()[0]})") from None
    if frame.empty:
        raise DataError(f"{path}: no features")
    return frame
