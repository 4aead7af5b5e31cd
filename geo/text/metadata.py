"""What a plain-text article says about itself without a manifest: a ``NAME.json`` sidecar, a headline.

- ``NAME.json`` beside ``NAME.txt``, as news scrapers write it: ``title`` (or ``headline``), ``source``
  (or ``sitename``, ``publisher``), ``date`` (or ``publish_date``, ``published``; ISO 8601), ``url``;
- else a headline on the first line: a line of 3 to 25 words, no sentence's end, a blank line after it.

A manifest's fields, read after, still win.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from geo.document import Article
from geo.errors import InputError

#: A sidecar's fields (first found wins) -> the Article's.
ALIASES = {
    "title": ("title", "headline"),
    "source": ("source", "sitename", "site_name", "publisher"),
    "date": ("date", "publish_date", "published", "date_publish"),
    "url": ("url",),
}
MAX_SIDECAR_BYTES = 1_000_000
_HEADLINE = re.compile(r"\A[ \t]*([^\n]{3,200}?)[ \t]*\r?\n[ \t]*\r?\n")


def sidecar_path(path: Path) -> Path:
    return path.with_suffix(".json")


def read_sidecar(path: Path) -> dict | None:
    """The fields of the article's ``NAME.json`` (strings, stripped), None when there is none; a sidecar
    that is not a JSON object is an InputError naming it."""
    sidecar = sidecar_path(path)
    if sidecar == path or not sidecar.is_file():
        return None
    try:
        data = sidecar.read_bytes()[:MAX_SIDECAR_BYTES + 1]
    except OSError as exc:
        raise InputError(f"{sidecar}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > MAX_SIDECAR_BYTES:
        raise InputError(f"{sidecar}: too large for an article's metadata")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{sidecar}: not valid JSON ({exc})") from None
    if not isinstance(document, dict):
        raise InputError(f"{sidecar}: expected a JSON object with title, source, date, url")
    fields = {}
    for name, keys in ALIASES.items():
        for key in keys:
            value = document.get(key)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
                fields[name] = " ".join(str(value).split())
                break
    return fields


def iso_date(value: str) -> str | None:
    """``value`` when it is an ISO 8601 date or date-time, else None.

    >>> iso_date("2022-09-10"), iso_date("2022-09-10T08:00:00Z"), iso_date("10/09/2022")
    ('2022-09-10', '2022-09-10T08:00:00Z', None)
    """
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value


def headline(text: str) -> str | None:
    """The first line when it reads as a headline.

    >>> headline("Russian forces retreat from crucial areas\\n\\nKYIV - Russian forces ...")
    'Russian forces retreat from crucial areas'
    >>> headline("ADVERTISEMENT\\n\\nText"), headline("It rained. Then it stopped.\\n\\nMore")
    (None, None)
    """
    found = _HEADLINE.match(text)
    if not found:
        return None
    line = found.group(1)
    words = line.split()
    if not 3 <= len(words) <= 25 or line[-1] in ".,;:" or line.isupper():
        return None
    return line


def apply_text_metadata(article: Article, path: Path) -> None:
    """Fill a plain-text article's title, source, date and address from its sidecar, else its headline."""
    from geo.text.articles import http_url

    fields = read_sidecar(path) or {}
    if "title" in fields:
        article.title = fields["title"]
    else:
        article.title = headline(article.text)
    if "source" in fields:
        article.source = fields["source"]
    if "date" in fields:
        article.date = iso_date(fields["date"])
        if article.date is None:
            article.repairs.append(f"date dropped: {fields['date'][:40]!r} is not an ISO 8601 date")
    if "url" in fields:
        article.url, note = http_url(fields["url"])
        if note:
            article.repairs.append(note)
