"""One file on disk to one :class:`~geo.document.Article`."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from geo.document import Article
from geo.errors import InputError
from geo.text.decoding import decode_bytes
from geo.text.html import declared_charset, extract_page, looks_like_html
from geo.text.metadata import apply_text_metadata
from geo.text.mojibake import repair_mojibake

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
#: The largest article (or manifest) read, in bytes: far above any article, it keeps a mistaken
#: input (a disk image, /dev/zero, a never-ending pipe) from filling the memory.
MAX_BYTES = 100_000_000
# Control characters other than tab and line breaks: junk in an article, refused by the HTML
# parser and able to rewrite a terminal (ESC sequences) when the text is printed.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_text(data: bytes, hint: str | None = None) -> tuple[str, str, list[str]]:
    """Decode an article's bytes and repair mojibake: (text, encoding, repairs).

    Byte-order marks, then strict UTF-8, then the legacy codec that reads best; then the
    mojibake repairs (see geo.text.mojibake). Raises InputError("<problem>") for empty,
    binary or undecodable data; :func:`read_article` adds the file's name.

    >>> decode_text("Russia’s".encode("utf-8").decode("gbk", "ignore").encode("utf-8"))
    ('Russia’s', 'utf-8', ['mojibake: utf-8 read as gbk (1 run)'])
    >>> decode_text(b"\\xff\\xfeK\\x00y\\x00i\\x00v\\x00")
    ('Kyiv', 'utf-16-le', [])
    """
    text, encoding, notes = decode_bytes(data, hint)
    text, repairs = repair_mojibake(text)
    text, controls = _CONTROLS.subn(" ", text)      # a space each: the text keeps its length
    if controls:
        repairs.append(f"{controls} control character{'s' * (controls != 1)} replaced by spaces")
    return text, encoding, notes + repairs


def http_url(url: str | None) -> tuple[str | None, str | None]:
    """(the address if it is http(s), else None; a note saying why it was dropped).

    >>> http_url(" https://example.com/a ")
    ('https://example.com/a', None)
    >>> http_url("javascript:alert(1)")
    (None, "url dropped: 'javascript:alert(1)' is not an http(s) address")
    """
    if url is None or not str(url).strip():
        return None, None
    url = str(url).strip()
    if http_address(url) is None:
        shown = url if len(url) <= 60 else url[:57] + "..."
        return None, f"url dropped: {shown!r} is not an http(s) address"
    return url, None


def http_address(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) address with a host, else None (never ``javascript:``):
    the one rule for what becomes a link, in intake and on maps.

    >>> http_address("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> http_address("javascript:alert(1)") is None, http_address("//evil.example") is None, http_address(" http://x") is None
    (True, True, True)
    """
    if not url or url != url.strip() or any(ord(c) < 32 or c == "\x7f" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def read_article(path: Path) -> Article:
    """Read one article: plain text in any encoding, or a web page (.html/.htm, or sniffed).

    The Article's id is the file's name; its text is the repaired text every later offset
    refers to. Problems with the file raise InputError("<file>: <problem>").
    """
    path = Path(path)
    data = _read_bytes(path)
    as_html = path.suffix.lower() in HTML_SUFFIXES
    try:
        text, encoding, repairs = decode_text(data, declared_charset(data) if as_html else None)
        if not as_html and path.suffix.lower() not in TEXT_SUFFIXES and looks_like_html(text):
            as_html = True
            text, encoding, repairs = decode_text(data, declared_charset(data))
        article = Article(id=path.name, text=text, path=str(path), encoding=encoding, repairs=repairs)
        if as_html:
            _fill_from_page(article, text)
        else:
            apply_text_metadata(article, path)     # a NAME.json beside it, else a headline
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    return article


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article")
    return read_limited(path)


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file (or a pipe), InputError when it cannot be read or holds more than ``limit``."""
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)    # (not the size stat gives: a device or a pipe has none)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(f"{path}: too large (over {limit / 1e6:,.0f} MB); split it into articles")
    return data


def _fill_from_page(article: Article, markup: str) -> None:
    """Replace the article's text (the markup) with the page's main text and metadata."""
    page = extract_page(markup)
    # Mojibake was repaired in the markup already; the page's text is what offsets refer to.
    article.text, article.title, article.date, article.source = page.text, page.title, page.date, page.source
    article.url, note = http_url(page.url)
    if note:
        article.repairs.append(note)
