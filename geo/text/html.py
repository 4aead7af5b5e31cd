"""The article in a web page: main text, title, address, date and publisher.

trafilatura finds the main text (no navigation, scripts or footers) and the metadata;
the address is taken from ``<link rel=canonical>``, else ``og:url``, else trafilatura's.
Paragraphs are separated by a blank line, as in the plain-text articles, and the title
heads the text when the page's text does not already start with it (headlines name places).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
import trafilatura

from geo.errors import InputError

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL)


@dataclass
class Page:
    """What a web page holds for an Article."""

    text: str
    title: str | None = None
    url: str | None = None           #: as the page states it; not yet checked to be http(s)
    date: str | None = None
    source: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` near its start.

    >>> declared_charset(b'<html><head><meta charset="windows-1251">')
    'windows-1251'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    'ISO-8859-1'
    """
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def looks_like_html(text: str) -> bool:
    """Whether text (of a file without a telling extension) is a web page.

    >>> looks_like_html("<!DOCTYPE html><html><body>Kyiv</body></html>"), looks_like_html("Kyiv <b>is</b>")
    (True, False)
    """
    return _HTML_START.match(text) is not None


def extract_page(markup: str) -> Page:
    """The main text and metadata of an HTML document; InputError if it has no text."""
    try:
        tree = lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"not a readable web page ({exc})") from None
    url = _page_url(tree)           # read before trafilatura, which prunes the tree it is given
    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False)
    body = found.text if found is not None else None
    if not body:    # too short for trafilatura's main-text heuristics: all the page's visible text
        body = trafilatura.baseline(markup)[1]
    if not body or not body.strip():
        raise InputError("the web page has no text")
    title = _clean(found.title) if found is not None else None
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if title and not paragraphs[0].startswith(title):
        paragraphs.insert(0, title)
    if found is None:
        return Page(text="\n\n".join(paragraphs), url=url)
    return Page(text="\n\n".join(paragraphs), title=title, url=url or found.url, date=found.date,
                source=_clean(found.sitename))


def _page_url(tree) -> str | None:
    """<link rel=canonical>, else og:url; a relative canonical address is read against og:url."""
    canonical = _first(tree.xpath("//link[contains(concat(' ', normalize-space(translate(@rel, 'CANONICAL', "
                                  "'canonical')), ' '), ' canonical ')]/@href"))
    og_url = _first(tree.xpath("//meta[@property='og:url' or @name='og:url']/@content"))
    if canonical and og_url and "://" not in canonical:
        canonical = urljoin(og_url, canonical)
    return canonical or og_url


def _first(values: list) -> str | None:
    return next((str(v).strip() for v in values if str(v).strip()), None)


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None
