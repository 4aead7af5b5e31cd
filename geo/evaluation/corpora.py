"""Readers for the public toponym-resolution corpora (see ``shared/benchmarks/README.md``).

Three XML formats, told apart by what an article's annotations hold:

- ``trnews``: TR-News and LGL. ``<article docid>`` with ``<text>`` and
  ``<toponyms><toponym><start><end><phrase><gaztag geonameid><lat><lon>``.
- ``gwn``: GeoWebNews. ``<toponym>`` with ``<extractedName><type><nonLocational><start><end>
  <geonamesID><latitude><longitude>``; every annotation carries a pragmatic type.
- ``geovirus``: GeoVirus. ``<locations><location><name><start><end><lat><lon><page>``: coordinates
  (Wikipedia's), no GeoNames ids. One ``<location>`` there has three others nested inside it;
  all four are read (2,170 locations, where the README counts 2,167).

What counts as a gold toponym:

- GeoWebNews annotates some things that are not places: its ``Non_Toponym``, ``Literal_Expression``
  and ``Non_Lit_Expression`` types (and anything flagged ``nonLocational``) are left out. Every other
  type is kept, demonyms ("Kenyan") and metonymic uses ("Moscow said") included, because the
  corpus counts them as toponyms: recall on GWN therefore asks for them. Each keeps its type so a
  report can break detection down by it.
- A toponym without a GeoNames id still counts for detection, and for the distance metrics when
  it has coordinates.

Offsets: some gold offsets are off (every GeoVirus span by one; about 9% of TR-News spans by an
amount that grows through an article). Each toponym is placed where its phrase occurs nearest
the stated offset, carrying the drift found so far to the next one; one whose phrase is nowhere
near is dropped and counted.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from geo.document import Article
from geo.errors import InputError

#: GeoWebNews types that are not places (the corpus README's list).
GWN_NOT_PLACES = frozenset({"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"})

#: How far (characters) from the expected offset a phrase is looked for.
ALIGN_WINDOW = 16

FORMAT_NAMES = {"trnews": "TR-News/LGL", "gwn": "GeoWebNews", "geovirus": "GeoVirus"}


@dataclass(frozen=True)
class GoldToponym:
    """One annotated place mention: where it is, and the place it stands for when known."""

    start: int
    end: int
    phrase: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    type: str | None = None          #: GeoWebNews's pragmatic type (Literal, Demonym, ...); None elsewhere

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass
class GoldArticle:
    """An article and its gold toponyms, offsets referring to ``article.text``."""

    article: Article
    toponyms: list[GoldToponym]


@dataclass
class Corpus:
    """A corpus file read: its articles and what reading it had to fix or leave out."""

    path: Path
    format: str                      #: trnews, gwn or geovirus
    articles: list[GoldArticle]
    realigned: int = 0               #: toponyms whose stated offsets were off and were fixed
    skipped: Counter = field(default_factory=Counter)  #: annotations left out, by reason

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def toponym_count(self) -> int:
        return sum(len(a.toponyms) for a in self.articles)


def read_corpus(path: Path | str, limit: int | None = None) -> Corpus:
    """Read a corpus file in any of the three formats; ``limit`` keeps its first articles.

    Raises InputError, with a one-line reason, for a missing file, malformed XML, or XML that is
    none of these formats.
    """
    path = Path(path)
    root = _parse(path)
    articles = root.findall("article")
    fmt = detect_format(root)
    if fmt is None:
        raise InputError(f"{path}: not a TR-News/LGL, GeoWebNews or GeoVirus corpus "
                         f"(expected <articles> of <article> with <text> and <toponyms> or <locations>)")
    corpus = Corpus(path=path, format=fmt, articles=[])
    for index, element in enumerate(articles[:limit] if limit is not None else articles):
        try:
            corpus.articles.append(_READERS[fmt](element, index, corpus))
        except (TypeError, ValueError) as exc:
            raise InputError(f"{path}: article {index + 1}: bad annotation ({exc})") from None
    return corpus


def detect_format(root: ET.Element) -> str | None:
    """The format of a parsed corpus (trnews, gwn, geovirus), or None when it is none of them."""
    if root.tag != "articles":
        return None
    articles = root.findall("article")
    if not articles or any(a.find("text") is None for a in articles):
        return None
    if root.find("article/toponyms/toponym/phrase") is not None:
        return "trnews"
    if root.find("article/toponyms/toponym/extractedName") is not None:
        return "gwn"
    if root.find("article/locations") is not None:
        return "geovirus"
    return None


def _parse(path: Path) -> ET.Element:
    try:
        return SafeET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a corpus file") from None
    except ET.ParseError as exc:
        raise InputError(f"{path}: not well-formed XML ({exc})") from None
    except DefusedXmlException as exc:  # entity expansion, external entities, DTDs
        raise InputError(f"{path}: refused unsafe XML ({type(exc).__name__})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from None


# -- the three formats ------------------------------------------------------------------------


def _read_trnews(element: ET.Element, index: int, corpus: Corpus) -> GoldArticle:
    article = _article(element, index, id_attr="docid", url_tag="url")
    article.source = _child_text(element, "domain")
    article.date = _iso_date(_child_text(element, "dltime"))
    stated = []
    for node in element.iterfind("toponyms/toponym"):
        gaztag = node.find("gaztag")
        gid = _int(gaztag.get("geonameid")) if gaztag is not None else None
        lat = _float(_child_text(gaztag, "lat")) if gaztag is not None else None
        lon = _float(_child_text(gaztag, "lon")) if gaztag is not None else None
        stated.append(GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                                  node.findtext("phrase") or "", gid, lat, lon))
    return GoldArticle(article, _align_all(article.text, stated, corpus))


def _read_gwn(element: ET.Element, index: int, corpus: Corpus) -> GoldArticle:
    article = _article(element, index, id_attr="file", url_tag="link")
    stated = []
    for node in element.iterfind("toponyms/toponym"):
        kind = (node.findtext("type") or "").strip()
        if kind in GWN_NOT_PLACES:
            corpus.skipped[f"GWN type {kind} (not a place)"] += 1
            continue
        if (node.findtext("nonLocational") or "").strip().lower() == "yes":
            corpus.skipped["flagged nonLocational"] += 1
            continue
        stated.append(GoldToponym(int(node.findtext("start")), int(node.findtext("end")),
                                  node.findtext("extractedName") or "",
                                  _int(node.findtext("geonamesID")),
                                  _float(node.findtext("latitude")), _float(node.findtext("longitude")),
                                  kind or None))
    return GoldArticle(article, _align_all(article.text, stated, corpus))


def _read_geovirus(element: ET.Element, index: int, corpus: Corpus) -> GoldArticle:
    article = _article(element, index, id_attr=None, url_tag="source")
    stated = [GoldToponym(int(node.findtext("start")), int(node.findtext("end")), node.findtext("name") or "",
                          None, _float(node.findtext("lat")), _float(node.findtext("lon")))
              for node in element.iter("location")]  # iter: one <location> has others nested in it
    return GoldArticle(article, _align_all(article.text, stated, corpus))


_READERS = {"trnews": _read_trnews, "gwn": _read_gwn, "geovirus": _read_geovirus}


def _article(element: ET.Element, index: int, *, id_attr: str | None, url_tag: str) -> Article:
    """The Article of a corpus entry; its id is the corpus's own (docid, file) or its 1-based position."""
    ident = (element.get(id_attr) if id_attr else None) or str(index + 1)
    return Article(id=ident, text=element.findtext("text") or "",
                   title=_child_text(element, "title"), url=_child_text(element, url_tag))


# -- offsets ----------------------------------------------------------------------------------


def _align_all(text: str, stated: list[GoldToponym], corpus: Corpus) -> list[GoldToponym]:
    """Move each toponym to where its phrase really is, in stated order; drop the ones not found.

    The drift seen so far is carried forward, because an off-by-n offset is off for every later
    toponym too (characters the published text lost).
    """
    aligned, drift = [], 0
    for gold in sorted(stated, key=lambda g: (g.start, g.end)):
        if not gold.phrase.strip():
            corpus.skipped["empty phrase"] += 1
            continue
        start = locate_phrase(text, gold.phrase, gold.start + drift)
        if start is None and drift:
            start = locate_phrase(text, gold.phrase, gold.start)
        if start is None:
            corpus.skipped["phrase not found near its offset"] += 1
            continue
        drift = start - gold.start
        if start != gold.start or start + len(gold.phrase) != gold.end:
            corpus.realigned += 1
        aligned.append(GoldToponym(start, start + len(gold.phrase), gold.phrase, gold.geonameid,
                                   gold.lat, gold.lon, gold.type))
    return aligned


def locate_phrase(text: str, phrase: str, expected: int, window: int = ALIGN_WINDOW) -> int | None:
    """Where ``phrase`` occurs in ``text`` nearest to ``expected``, at most ``window`` away, or None.

    >>> locate_phrase("in Kyiv and Kharkiv", "Kharkiv", 13)
    12
    >>> locate_phrase("in Kyiv and Kharkiv", "Lviv", 13) is None
    True
    """
    if expected < -window:
        return None
    best = None
    lo, hi = max(0, expected - window), min(len(text), expected + window + len(phrase))
    at = text.find(phrase, lo, hi)
    while at != -1:
        if best is None or abs(at - expected) < abs(best - expected):
            best = at
        at = text.find(phrase, at + 1, hi)
    return best


# -- values -----------------------------------------------------------------------------------


def _child_text(element: ET.Element | None, tag: str) -> str | None:
    """The stripped text of ``element``'s child ``tag``; None when missing or blank."""
    value = element.findtext(tag) if element is not None else None
    return (value or "").strip() or None


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip() else None


def _float(value: str | None) -> float | None:
    return float(value) if value is not None and value.strip() else None


def _iso_date(value: str | None) -> str | None:
    """The ISO date at the start of a corpus timestamp ("2009-03-20 12:24:52-05" -> "2009-03-20")."""
    match = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else None
