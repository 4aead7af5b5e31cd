"""Synthetic corpora of any size whose gold is known, for tests and benchmarks.

Each generated article is a run of sentences of the reference articles (``../shared/articles``, split
with :func:`geo.text.sentences`), with every place mention the reference gold marks
(``../shared/gold/seeds.json``) swapped for another gazetteer place of the same kind: a country
for a country, an ADM1 for an ADM1, a PPLA2 for a PPLA2, a river for a river. Within an article one
reference place always becomes the same new place, so names repeat as they do in news. The gold of
the new article (offsets, text, geonameid) follows from the swaps; it is written beside the articles
in the shape of seeds.json, so ``../shared/tools/score.py`` scores a run on it.

Which places may stand in: the gold says where the places are, not whether the resolver can tell
them apart, so replacements are chosen to be resolvable, from two tests:

* the name (its GeoNames name) is unambiguous: no other place of the gazetteer is known by it, so
  no context can make another reading likelier (countries and continents need only be the most
  important bearer of their name: Georgia, Niger). This also keeps out the Parises of Texas, and with
  them most capitals: few capitals' names are unique;
* the pipeline itself, in two neutral sentences, finds that name and resolves it to that place
  (this drops names the matcher does not take as places, such as common words).

Unambiguous names rather than only checking with the resolver: the check sees one sentence, and a
name that several places share may still be read otherwise in an article's context (the first
version, which let the most important bearer of any name in, had 1% of mentions resolved to a
namesake: Santo Domingo, Cockburn Town). With unique names, what the pipeline gets wrong on a
generated corpus are misses of detection (a name it does not take for a place in that sentence),
not confusions, and the gold is right by construction.

Candidates of each kind are drawn in a random order from the whole gazetteer (so the pool is a mix
of famous and obscure places) until a pool of ``POOL_SIZE`` is found. Everything is drawn from
``random.Random(seed)``: the same seed and gazetteer give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from geo.document import Article
from geo.errors import GeoError, InputError
from geo.normalize import normalize_name

POOL_SIZE = 120              # replacement places kept per kind
MAX_CHECKS = 8 * POOL_SIZE   # candidates tried per kind before settling for a smaller pool
SENTENCES = (30, 80)         # sentences an article: about the reference articles' 56 on average
PARAGRAPH = (1, 4)           # sentences a paragraph
SOURCES = ("Reuters", "Associated Press", "The Kyiv Independent", "BBC News", "Le Monde", "Deutsche Welle")
CARRIERS = ("The fighting near {} went on through the night.",
            "Residents of {} returned home on Sunday, officials said.")
# A name is used only if it looks like a name in running text (no digits, brackets, commas or slashes).
_PLAIN_NAME = re.compile(r"^[^\W\d_][^\d(),/;:]*[^\W\d_]$")
FIRST_DATE = dt.date(2022, 1, 1)
# Kinds whose places outrank anything sharing their names (Georgia the country, Mexico before the
# towns named after it): for them the most important bearer of the name will do, not only the only one.
ALWAYS_FIRST = {"PCL", "CONT"}


@dataclass(frozen=True)
class Slot:
    """A gold mention inside a reference sentence: where, what it says, and what kind of place it is."""

    start: int
    end: int
    surface: str
    geonameids: tuple[int, ...]
    kind: str


@dataclass(frozen=True)
class Template:
    """A reference sentence and the place mentions in it."""

    text: str
    slots: tuple[Slot, ...]


def kind_of(feature_code: str) -> str:
    """The kind a replacement must share: the feature code, countries (PCLI, PCLF...) as one kind."""
    return "PCL" if feature_code.startswith("PCL") else feature_code


def default_reference() -> tuple[Path, Path]:
    """The reference articles and their gold: $GEO_SHARED, else ../shared beside the project."""
    from geo.gazetteer import project_gazetteer_dir

    shared = Path(os.environ.get("GEO_SHARED") or project_gazetteer_dir().parent.parent / "shared")
    return shared / "articles", shared / "gold" / "seeds.json"


def load_templates(articles_dir: Path, gold_path: Path) -> list[Template]:
    """Every sentence of the reference articles, with the gold mentions that lie inside it."""
    from geo.text import collect_articles, sentences

    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        places, mentions = gold["places"], gold["mentions"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{gold_path}: not a readable gold file of places and mentions ({exc})") from None
    by_article: dict[str, list[dict]] = {}
    for mention in mentions:
        by_article.setdefault(mention["article"], []).append(mention)
    templates = []
    for article in collect_articles([Path(articles_dir)]):
        gold_here = by_article.get(article.id, [])
        for start, end in sentences(article.text):
            inside = [m for m in gold_here if start <= m["start"] and m["end"] <= end]
            if any(m["start"] < end and m["end"] > start for m in gold_here if m not in inside):
                continue                # a mention across a sentence boundary: its gold would be cut
            slots = []
            for m in sorted(inside, key=lambda m: m["start"]):
                if article.text[m["start"]:m["end"]] != m["text"]:
                    raise InputError(f"{gold_path}: the gold's offsets do not fit {article.id} at {m['start']} ({m['text']!r})")
                code = places.get(str(m["geonameids"][0]), {}).get("feature_code", "")
                slots.append(Slot(m["start"] - start, m["end"] - start, m["text"], tuple(m["geonameids"]), kind_of(code)))
            templates.append(Template(article.text[start:end], tuple(slots)))
    if not templates:
        raise InputError(f"{articles_dir}: no sentences to build articles from")
    return templates


class Replacements:
    """Pools of resolvable stand-in places, one pool per kind (see the module's docstring)."""

    def __init__(self, pipeline, rng: random.Random):
        self.pipeline = pipeline
        self.gazetteer = pipeline.gazetteer
        self.rng = rng
        self.pools: dict[str, list] = {}

    def pool(self, kind: str) -> list:
        """The kind's pool (Places), drawn on first use; empty if the gazetteer has none that pass."""
        if kind not in self.pools:
            self.pools[kind] = self._draw(kind) if kind else []
        return self.pools[kind]

    def _draw(self, kind: str) -> list:
        ids = self._ids_of_kind(kind)
        self.rng.shuffle(ids)
        pool = []
        for geonameid in ids[:MAX_CHECKS]:
            place = self.gazetteer.place(geonameid)
            if place is not None and self._resolvable(place):
                pool.append(place)
                if len(pool) == POOL_SIZE:
                    break
        return pool

    def _ids_of_kind(self, kind: str) -> list[int]:
        # The places table by feature code: a plain read-only query of the documented schema.
        where, params = ("feature_code LIKE 'PCL%'", ()) if kind == "PCL" else ("feature_code = ?", (kind,))
        con = sqlite3.connect(f"{Path(self.gazetteer.path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return [row[0] for row in con.execute(f"SELECT geonameid FROM places WHERE {where} ORDER BY geonameid", params)]
        finally:
            con.close()

    def _first(self, place) -> bool:
        """Whether the place is clearly the most important of those sharing its name."""
        found = self.gazetteer.candidates(normalize_name(place.name))
        return found[0].place.geonameid == place.geonameid and (len(found) == 1 or found[1].place.importance < found[0].place.importance)

    def _resolvable(self, place) -> bool:
        if not _PLAIN_NAME.match(place.name):
            return False
        found = {c.place.geonameid for c in self.gazetteer.candidates(normalize_name(place.name))}
        if found != {place.geonameid} and not (kind_of(place.feature_code) in ALWAYS_FIRST and self._first(place)):
            return False
        for carrier in CARRIERS:
            text = carrier.format(place.name)
            start = text.index(place.name)
            mentions = self.pipeline.locate(Article("check", text)).mentions
            if [(m.start, m.end, m.geonameid) for m in mentions] != [(start, start + len(place.name), place.geonameid)]:
                return False
        return True


def compose(templates: list[Template], replacements: Replacements, rng: random.Random, article_id: str) -> tuple[str, list[dict]]:
    """One article's text and gold mentions."""
    chosen = [rng.choice(templates) for _ in range(rng.randint(*SENTENCES))]
    swaps: dict[int, object] = {}          # reference place -> its stand-in, for the whole article
    parts: list[str] = []
    gold: list[dict] = []
    offset = 0
    left_in_paragraph = rng.randint(*PARAGRAPH)
    for n, template in enumerate(chosen):
        if n:
            left_in_paragraph -= 1
            separator = " " if left_in_paragraph else "\n\n"
            if not left_in_paragraph:
                left_in_paragraph = rng.randint(*PARAGRAPH)
            parts.append(separator)
            offset += len(separator)
        cursor = 0
        for slot in template.slots:
            key = slot.geonameids[0]
            if key not in swaps:
                pool = replacements.pool(slot.kind)
                swaps[key] = rng.choice(pool) if pool else None
            place = swaps[key]
            surface = slot.surface if place is None else (place.name.upper() if slot.surface.isupper() else place.name)
            before = template.text[cursor:slot.start]
            parts.append(before)
            offset += len(before)
            gold.append({"article": article_id, "start": offset, "end": offset + len(surface), "text": surface,
                         "geonameids": list(slot.geonameids) if place is None else [place.geonameid]})
            parts.append(surface)
            offset += len(surface)
            cursor = slot.end
        rest = template.text[cursor:]
        parts.append(rest)
        offset += len(rest)
    return "".join(parts) + "\n", gold


@dataclass
class Generated:
    out: Path
    articles: int
    mentions: int
    pools: dict[str, int]


def generate(out: Path, count: int, seed: int, *, pipeline, articles_dir: Path | None = None, gold_path: Path | None = None) -> Generated:
    """Write ``count`` articles to the folder ``out``: NNNNNN.txt files, ``manifest.jsonl`` (their
    titles, sources, dates and addresses) and ``gold.json`` (seeds.json's shape). The folder is
    assembled under a temporary name and renamed into place, so it is never half there."""
    out = Path(out)
    if count < 1:
        raise InputError("the corpus needs at least one article")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(f"{out}: exists and is not an empty folder")
    reference_articles, reference_gold = default_reference()
    templates = load_templates(articles_dir or reference_articles, gold_path or reference_gold)
    rng = random.Random(seed)
    replacements = Replacements(pipeline, random.Random(f"pools-{seed}"))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
    except OSError as exc:
        raise GeoError(f"{out}: cannot create it ({exc.strerror or exc})") from None
    try:
        width = max(6, len(str(count - 1)))
        used: set[int] = set()
        written = 0
        # Both lists are written as they grow, so memory does not grow with the corpus; gold.json has
        # its mentions first, as the places they use are known only at the end.
        with open(tmp / "manifest.jsonl", "w", encoding="utf-8") as manifest, open(tmp / "gold.json", "w", encoding="utf-8") as gold:
            gold.write('{"mentions": [')
            for i in range(count):
                name = f"{i:0{width}d}.txt"
                text, mentions = compose(templates, replacements, rng, name)
                (tmp / name).write_text(text, encoding="utf-8")
                for mention in mentions:
                    gold.write(("\n" if not written else ",\n") + json.dumps(mention, ensure_ascii=False))
                    used.update(mention["geonameids"])
                    written += 1
                manifest.write(json.dumps({"path": name, "title": f"Generated article {i}", "source": rng.choice(SOURCES),
                                           "date": (FIRST_DATE + dt.timedelta(days=i % 1000)).isoformat(),
                                           "url": f"https://example.org/geo-corpus/{seed}/{name}"}, ensure_ascii=False) + "\n")
            places = _places(replacements, used, gold_path or reference_gold)
            about = {"seed": seed, "articles": count, "pools": {k: len(v) for k, v in sorted(replacements.pools.items())}}
            gold.write('\n],\n"claims": [],\n"places": ' + json.dumps(places, ensure_ascii=False, indent=1) +
                       ',\n"about": ' + json.dumps(about, ensure_ascii=False) + "}\n")
        if out.exists():
            out.rmdir()                 # empty (checked above)
        os.replace(tmp, out)
    except OSError as exc:
        raise GeoError(f"{out}: cannot write it ({exc.strerror or exc})") from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return Generated(out, count, written, about["pools"])


def _places(replacements: Replacements, used: set[int], reference_gold: Path) -> dict:
    """The gold's record of every place the mentions use: the stand-ins', and the reference gold's for
    mentions that kept their place (a kind with no stand-ins)."""
    reference = json.loads(Path(reference_gold).read_text(encoding="utf-8"))["places"]
    places = {}
    for pool in replacements.pools.values():
        for p in pool:
            places[p.geonameid] = {"name": p.name, "lat": p.lat, "lon": p.lon, "feature_code": p.feature_code,
                                   "country": p.country_code}
    return {str(gid): places.get(gid) or reference[str(gid)] for gid in sorted(used) if gid in places or str(gid) in reference}
