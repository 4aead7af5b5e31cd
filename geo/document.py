"""The records that pass between the pipeline's stages.

    text        -> Article            (repaired text; every offset below refers to Article.text)
    matching    -> list[Span]         (where a place name may be, with its candidate names)
    resolution  -> list[Mention]      (each span resolved to one GeoNames place, or left with a reason)
    claims      -> list[Claim]        (spatial and numeric claims, checked against geometry)
    map         <- list[Document]     (an article with its mentions and claims)

Plain dataclasses: each stage takes what the one before it made and returns something new.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Article:
    """One article, its text repaired and decoded."""

    id: str                          #: the file's name, reported as ``article`` in every output
    text: str                        #: the repaired text; all offsets refer to it
    path: str | None = None
    url: str | None = None           #: the original address, when a manifest or the HTML gives it
    title: str | None = None
    source: str | None = None        #: publisher, e.g. "Reuters"
    date: str | None = None          #: ISO 8601 date, when known
    encoding: str | None = None      #: how the bytes were decoded
    repairs: list[str] = field(default_factory=list)  #: what intake repaired, e.g. "mojibake: utf-8 read as gbk"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Span:
    """A stretch of text that may name a place (matching's output, resolution's input)."""

    start: int
    end: int
    text: str
    norm: str                        #: the normalized name looked up in the gazetteer
    method: str = "exact"            #: exact, qualified (e.g. "Kharkiv region"), fuzzy, dateline, ...
    qualifier: str | None = None     #: the kind word that came with it: region, oblast, river, republic...
    similarity: float = 1.0          #: 1.0 for exact matches, the fuzzy score otherwise
    variants: tuple[str, ...] = ()   #: other normalized names it may be a spelling of (fuzzy matches)
    cues: tuple[str, ...] = ()       #: what the context says: dateline, place_preposition, list, person, ...


@dataclass
class Mention:
    """A place mention: a span of an article and the place it was resolved to (or why not)."""

    article: str
    start: int
    end: int
    text: str
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_code: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    score: float = 0.0               #: confidence in [0, 1] that geonameid is right
    method: str = "exact"
    reason: str | None = None        #: why it is unresolved, when geonameid is None
    #: "modifier" for a place name that modifies an office or body ("Gainesville police", "the Ohio
    #: Supreme Court", "Odesa regional governor"): about the place, not a mention of it as such
    role: str | None = None

    @property
    def resolved(self) -> bool:
        return self.geonameid is not None

    def to_dict(self) -> dict:
        d = asdict(self)
        if d["role"] is None:
            del d["role"]   # (a plain mention's record is as it always was)
        return d


#: The fields of a mention record, in the order every output lists them (JSONL, CSV, Parquet).
MENTION_FIELDS = ("article", "start", "end", "text", "geonameid", "name", "lat", "lon", "feature_code", "country_code",
                  "admin1", "score", "method", "reason", "role")


@dataclass
class PlaceRef:
    geonameid: int
    name: str


@dataclass
class Claim:
    """A spatial or numeric claim an article makes, and what the geometry says of it."""

    article: str
    start: int
    end: int
    quote: str
    type: str                        #: distance_direction, direction, near, proximity, containment,
                                     #: border_proximity, adjacency, population, unit_conversion
    subject: list[PlaceRef] = field(default_factory=list)
    anchor: list[PlaceRef] = field(default_factory=list)
    stated: dict = field(default_factory=dict)
    measured: dict = field(default_factory=dict)
    verdict: str = "unverifiable"    #: consistent, inconsistent, unverifiable
    explanation: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Document:
    """An article with everything the pipeline found in it."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)      #: resolved place mentions
    claims: list[Claim] = field(default_factory=list)
    unresolved: list[Mention] = field(default_factory=list)    #: names it could not resolve, with the reason
    #: resolved place names that modify an office or body (role "modifier"), kept apart from the mentions
    modifiers: list[Mention] = field(default_factory=list)
