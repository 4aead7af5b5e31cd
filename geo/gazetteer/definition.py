"""The extract definition: which upstream files a gazetteer is built from and what it keeps.

It lives in ``gazetteer/extract.toml`` (committed); see that file for the meaning of each key.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import InputError


@dataclass(frozen=True)
class Source:
    """One upstream file: where a mirror holds it (``path``) and where it lives online (``url``)."""

    key: str
    path: str
    url: str
    kind: str
    member: str | None = None


@dataclass(frozen=True)
class Continent:
    geonameid: int
    name: str
    code: str
    lat: float
    lon: float
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractDefinition:
    path: Path
    digest: str
    sources: dict[str, Source]
    full_dumps: list[str]
    world: str
    feature_classes: frozenset[str]
    exclude_feature_codes: frozenset[str]
    scripts: list[str]
    division_suffixes: list[str]
    continents: list[Continent]
    #: kinds written before a division's name, with their particles, in the languages GeoNames names
    #: them in ("Provincia de Alicante", "Departamento del Cauca"), normalized
    division_prefixes: list[str] = field(default_factory=list)
    #: romanized kinds of settlement GeoNames writes after a town's name ("Fukui-shi"), normalized
    settlement_suffixes: list[str] = field(default_factory=list)
    #: by language code, the forms of its definite article that news drops ("Al Qamishli" is "Qamishli")
    definite_articles: dict[str, list[str]] = field(default_factory=dict)
    #: ISO codes of countries countryInfo lists that no longer exist (Serbia and Montenegro)
    exclude_countries: frozenset[str] = frozenset()
    #: by language code, the generic words its place names start with ("tel", "ain", "ras")
    name_heads: dict[str, list[str]] = field(default_factory=dict)
    #: countries whose names reach English news through transliteration, where spellings drift: the
    #: fuzzy matcher looks for variant spellings of their places' names only ("Kindrashivka")
    transliterated_countries: frozenset[str] = frozenset()
    #: ...and every country whose main language (countryInfo's first) is one of these
    transliterated_languages: frozenset[str] = frozenset()
    #: countries that write a county's kind before its name ("County Antrim", "Co Mayo"): where the
    #: gazetteer lacks such a county, the town of its name stands for it, in these countries only
    county_first_countries: frozenset[str] = frozenset()
    everyday_country_names: dict[str, list[str]] = field(default_factory=dict)
    #: by GeoNames id, what English news calls a place that GeoNames lists by that name only as a short form
    everyday_names: dict[int, list[str]] = field(default_factory=dict)
    #: admin1 code ("US.WV") -> the abbreviations news writes for it ("W.Va.", "W. Va.")
    division_abbreviations: dict[str, list[str]] = field(default_factory=dict)
    #: admin1 code -> its two-letter postal code ("WV"), matched only after "Town, "
    postal_codes: dict[str, str] = field(default_factory=dict)
    #: abbreviations other sources give that are never indexed ("Sen.": a title, not Sudan's Sinnar)
    dropped_abbreviations: frozenset[str] = frozenset()
    #: curated features that are not populated places (seas, regions, rivers...): see features.toml
    features: list[Feature] = field(default_factory=list)
    #: the prior weight of a curated feature
    feature_importance: float = 0.85
    #: admin1 code ("GB.ENG") -> the demonyms of a first-level division that is a nation of its own
    #: ("English"), looked up for annotated spans like a country's
    division_demonyms: dict[str, list[str]] = field(default_factory=dict)
    #: a region without a polygon of its own -> the first-level divisions it is made of (the Donbas)
    composite_regions: dict[int, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Feature:
    """A curated place that no dump of the extract holds (the Black Sea, the Middle East)."""

    name: str
    code: str
    lat: float
    lon: float
    names: tuple[str, ...] = ()
    country: str = ""
    #: its GeoNames id where GeoNames has the feature (the mirror holds none of these rows); else the
    #: build gives it a local id
    geonameid: int | None = None


#: Where GeoNames publishes each country's complete dump.
COUNTRY_DUMP_URL = "https://download.geonames.org/export/dump/{code}.zip"


def with_countries(definition: ExtractDefinition, codes: list[str] | tuple[str, ...]) -> ExtractDefinition:
    """The definition with the complete GeoNames dump of each country in ``codes`` (ISO alpha-2:
    "RU", "LB") read as a full dump too, so the villages of those countries are found. A country
    already read in full is not added twice; a code that is no ISO alpha-2 code is an InputError."""
    from dataclasses import replace

    sources, full = dict(definition.sources), list(definition.full_dumps)
    dumped = {sources[k].path for k in full}
    for raw in codes:
        code = raw.strip().upper()
        if not code:
            continue
        if len(code) != 2 or not code.isascii() or not code.isalpha():
            raise InputError(f"{raw!r}: not a two-letter ISO country code (e.g. UA, RU, LB)")
        path = f"geonames/{code}.zip"
        if path in dumped:
            continue
        key = f"geonames_{code.lower()}"
        sources[key] = Source(key=key, path=path, url=COUNTRY_DUMP_URL.format(code=code), kind="geonames_dump", member=f"{code}.txt")
        full.append(key)
        dumped.add(path)
    return replace(definition, sources=sources, full_dumps=full)


def _read_data_file(definition_path: Path, name: str) -> tuple[bytes, dict]:
    """A TOML data file named by the definition, beside it: its bytes (for the digest) and content."""
    path = definition_path.parent / name
    try:
        raw = path.read_bytes()
        return raw, tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: data file named in {definition_path.name} not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid TOML data file ({exc})") from None


def load_definition(path: Path) -> ExtractDefinition:
    """Read and check an extract definition (TOML)."""
    try:
        raw = path.read_bytes()
        doc = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: extract definition not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid TOML extract definition ({exc})") from None
    try:
        sources = {
            key: Source(key=key, path=s["path"], url=s["url"], kind=s["kind"], member=s.get("member"))
            for key, s in doc["sources"].items()
        }
        places, names = doc["places"], doc["names"]
        digest = hashlib.sha256(raw)
        abbreviations: dict = {}
        if names.get("division_abbreviations"):
            data_raw, abbreviations = _read_data_file(path, names["division_abbreviations"])
            digest.update(data_raw)
        features: dict = {}
        if places.get("curated_features"):
            data_raw, features = _read_data_file(path, places["curated_features"])
            digest.update(data_raw)
        definition = ExtractDefinition(
            path=path,
            digest=digest.hexdigest()[:16],
            sources=sources,
            full_dumps=list(places["full_dumps"]),
            world=places["world"],
            feature_classes=frozenset(places["feature_classes"]),
            exclude_feature_codes=frozenset(places.get("exclude_feature_codes", [])),
            exclude_countries=frozenset(str(c).upper() for c in places.get("exclude_countries", [])),
            scripts=list(names.get("scripts", ["Latin"])),
            division_suffixes=sorted(set(names.get("division_suffixes", [])), key=len, reverse=True),
            division_prefixes=[str(p) for p in names.get("division_prefixes", [])],
            settlement_suffixes=[str(p) for p in names.get("settlement_suffixes", [])],
            definite_articles={str(k): [str(a) for a in v] for k, v in names.get("definite_articles", {}).items()},
            name_heads={str(k): [str(a) for a in v] for k, v in names.get("name_heads", {}).items()},
            transliterated_countries=frozenset(str(c).upper() for c in names.get("transliterated_countries", ())),
            transliterated_languages=frozenset(str(c).lower() for c in names.get("transliterated_languages", ())),
            county_first_countries=frozenset(str(c).upper() for c in names.get("county_first_countries", ())),
            continents=[Continent(**{**c, "names": tuple(c.get("names", ())), "demonyms": tuple(c.get("demonyms", ()))})
                        for c in doc.get("continents", [])],
            everyday_country_names={k.upper(): list(v) for k, v in doc.get("everyday_country_names", {}).items()},
            everyday_names={int(k): [str(n) for n in v] for k, v in doc.get("everyday_names", {}).items()},
            division_abbreviations={k: [str(a) for a in v] for k, v in abbreviations.get("abbreviations", {}).items()},
            postal_codes={k: str(v) for k, v in abbreviations.get("postal", {}).items()},
            dropped_abbreviations=frozenset(str(a) for a in abbreviations.get("drop", [])),
            features=[Feature(name=str(f["name"]), code=str(f["code"]), lat=float(f["lat"]), lon=float(f["lon"]),
                              names=tuple(str(n) for n in f.get("names", ())), country=str(f.get("country", "")),
                              geonameid=int(f["geonameid"]) if "geonameid" in f else None)
                      for f in features.get("feature", [])],
            feature_importance=float(features.get("importance", 0.85)),
            composite_regions={int(r["geonameid"]): tuple(int(p) for p in r["parts"]) for r in doc.get("composite_regions", [])},
            division_demonyms={str(k): [str(d) for d in v] for k, v in doc.get("division_demonyms", {}).items()},
        )
    except (KeyError, TypeError) as exc:
        raise InputError(f"{path}: extract definition lacks or misuses key {exc}") from None
    for key in [*definition.full_dumps, definition.world]:
        if key not in sources:
            raise InputError(f"{path}: places refer to unknown source {key!r}")
    # [places] countries = ["RU", "LB"]: those countries' complete dumps too (as --countries)
    countries = doc["places"].get("countries", [])
    if not isinstance(countries, list):
        raise InputError(f"{path}: places.countries must be a list of country codes")
    return with_countries(definition, [str(c) for c in countries]) if countries else definition
