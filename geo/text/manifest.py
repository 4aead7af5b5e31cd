"""Manifests: lists of articles with what their files do not say (address, title, publisher, date).

Three formats, told by extension:

* JSON Lines (``.jsonl``, or a ``manifest.json`` holding one JSON array or JSON lines):
  ``{"path": "004.txt", "url": "https://www.reuters.com/...", "source": "Reuters", "date": "2022-09-10"}``
* CSV (``.csv``) with a header row naming the same fields;
* TOML (``.toml``): ``[[article]]`` tables.

``path`` is required and relative to the manifest's folder, which it may not leave. The other
fields are optional and override what the article itself says. A non-http(s) url is dropped
(noted in the Article's repairs); a date must be ISO 8601.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tomllib
from pathlib import Path

from geo.document import Article
from geo.errors import InputError
from geo.text.articles import http_url, read_article, read_limited
from geo.text.decoding import decode_bytes

FIELDS = ("path", "url", "title", "source", "date")
MANIFEST_SUFFIXES = {".jsonl", ".csv", ".toml"}


def is_manifest(path: Path) -> bool:
    """Whether a file is a manifest, by its extension or a ``manifest.*`` name.

    >>> is_manifest(Path("run/list.jsonl")), is_manifest(Path("manifest.json")), is_manifest(Path("004.txt"))
    (True, True, False)
    """
    return path.suffix.lower() in MANIFEST_SUFFIXES or path.stem.lower() == "manifest"


def read_manifest(path: Path) -> list[Article]:
    """Read a manifest and every article it names, in its order."""
    path = Path(path)
    entries = manifest_entries(path)
    if not entries:
        raise InputError(f"{path}: the manifest names no articles")
    return [entry_article(path, where, entry) for where, entry in entries]


def manifest_entries(path: Path) -> list[tuple[str, dict]]:
    """The manifest's entries as (where, fields), ``where`` naming the line or table for errors."""
    if not path.exists():
        raise InputError(f"{path}: no such manifest")
    data = read_limited(path)
    try:
        text = decode_bytes(data)[0]
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_entries(path, text)
    if suffix == ".toml":
        return _toml_entries(path, text)
    return _json_entries(path, text)


def _json_entries(path: Path, text: str) -> list[tuple[str, dict]]:
    if text.lstrip().startswith("["):       # a manifest.json holding one array
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
        return [(f"item {i}", item) for i, item in enumerate(items, 1)]
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entries.append((f"line {number}", json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: line {number}: not valid JSON ({exc.msg})") from None
    return entries


def _csv_entries(path: Path, text: str) -> list[tuple[str, dict]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "path" not in [name.strip() for name in reader.fieldnames]:
        raise InputError(f"{path}: the first row must be a header naming the columns, among them 'path'")
    entries = []
    for row in reader:
        if None in row:
            raise InputError(f"{path}: line {reader.line_num}: more cells than the header has columns")
        fields = {key.strip(): value for key, value in row.items() if value is not None and value.strip()}
        if fields:
            entries.append((f"line {reader.line_num}", fields))
    return entries


def _toml_entries(path: Path, text: str) -> list[tuple[str, dict]]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    tables = document.get("article", [])
    if not isinstance(tables, list):
        raise InputError(f"{path}: articles must be [[article]] tables")
    return [(f"[[article]] {i}", table) for i, table in enumerate(tables, 1)]


def entry_article(manifest: Path, where: str, entry) -> Article:
    """Read the article an entry names and apply the entry's fields to it."""
    at = f"{manifest}: {where}"
    if not isinstance(entry, dict):
        raise InputError(f"{at}: expected a table of fields ({', '.join(FIELDS)})")
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        raise InputError(f"{at}: unknown field {unknown[0]!r} (known: {', '.join(FIELDS)})")
    if not isinstance(entry.get("path"), str) or not entry["path"].strip():
        raise InputError(f"{at}: no 'path' naming the article's file")
    article = read_article(article_path(manifest, where, entry["path"].strip()))
    if "url" in entry:
        article.url, note = http_url(str(entry["url"]))
        if note:
            article.repairs.append(note)
    for name in ("title", "source"):
        if entry.get(name) is not None and str(entry[name]).strip():
            setattr(article, name, str(entry[name]).strip())
    if entry.get("date") is not None and str(entry["date"]).strip():
        article.date = _iso_date(at, entry["date"])
    return article


def article_path(manifest: Path, where: str, name: str) -> Path:
    """The article's path, which must stay inside the manifest's folder (symbolic links included)."""
    folder = manifest.parent
    path = folder / name
    if not path.resolve().is_relative_to(folder.resolve()):
        raise InputError(f"{manifest}: {where}: path {name!r} leads out of the manifest's folder")
    return path


def _iso_date(at: str, value) -> str:
    """An ISO 8601 date or date-time, as given (TOML gives date objects: their ISO form)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    text = str(value).strip()
    try:
        dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"{at}: date {text!r} is not an ISO 8601 date (e.g. 2022-09-10)") from None
    return text
