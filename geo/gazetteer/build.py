"""Building the gazetteer database from the upstream files.

Every source is read and checked before anything is written; the database is then written to
a temporary file beside its destination and renamed into place, so a failed or interrupted
build leaves the previous database (or none) behind, never a broken one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import sqlite3
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from geo.errors import DataError, GeoError
from geo.gazetteer.definition import ExtractDefinition
from geo.gazetteer.derived_names import (add_article_romanizations, add_articleless_names, add_demonym_plurals,
                                         add_division_stems, add_final_h_variants, add_names_without_the, add_river_stems,
                                         add_settlement_stems)
from geo.gazetteer.geometries import geometry_rows
from geo.gazetteer.sources import (
    AdminCode,
    CountryInfo,
    missing_sources,
    read_admin_codes,
    read_country_info,
    read_geonames_dump,
    read_vector,
    source_file,
)
from geo.normalize import normalize_name
from geo.transliteration import skeleton_rows

SCHEMA_VERSION = "6"

# Name kinds, best first: when one place has a name twice, the better kind is kept.
# "postal": a two-letter postal code (IL, WV), which matching takes only right after "Town, ".
NAME_KINDS = ("news", "official", "ascii", "everyday", "alternate", "abbrev", "postal", "stem", "demonym")
_KIND_RANK = {k: i for i, k in enumerate(NAME_KINDS)}

# Importance floors by feature code: a country with no population figure is still a country.
_IMPORTANCE_FLOOR = {
    "CONT": 1.0, "PCLI": 0.95, "PCLF": 0.95, "PCL": 0.95, "PCLD": 0.85, "PCLS": 0.85, "PCLIX": 0.8,
    "TERR": 0.8, "ADM1": 0.8, "ADM2": 0.45, "ADM3": 0.2, "RGN": 0.3, "PEN": 0.3, "STM": 0.25,
}
# Bonuses for seats of government: the capital beats a same-named division (Moscow, Washington).
# A first-level division is known beyond its population, as a seat is: Oklahoma the state over
# Oklahoma City, whose people it also counts.
_SEAT_BONUS = {"PPLC": 0.25, "PPLG": 0.15, "PPLA": 0.15, "PPLA2": 0.08, "PPLA3": 0.04, "ADM1": 0.1}


# GeoNames gives 0 for a village whose population it does not know: count it as a small village.
UNKNOWN_VILLAGE_POPULATION = 200


def importance(feature_code: str, population: int, feature_class: str = "") -> float:
    """A place's prior weight in [0, 1], from its population, feature code and capital status.

    >>> importance("PPLC", 10_381_222) > importance("ADM1", 0)   # Moscow the city over the region
    True
    >>> importance("PPL", 500) < importance("PPLA2", 27_000)
    True
    """
    if population <= 0 and feature_class == "P":
        population = UNKNOWN_VILLAGE_POPULATION
    score = min(1.0, math.log10(max(population, 0) + 1) / 8) + _SEAT_BONUS.get(feature_code, 0.0)
    return round(min(1.0, max(_IMPORTANCE_FLOOR.get(feature_code, 0.0), score)), 4)


@dataclass
class BuildReport:
    path: Path
    seconds: float
    size_bytes: int
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Place:
    geonameid: int
    name: str
    asciiname: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int
    timezone: str
    source: str
    #: for a place without a population figure, the one its importance is reckoned from (a
    #: division's summed places); never stored as its population, which claims check against
    weight_population: int = 0
    #: an importance given by the extract's data (a curated feature's), instead of one reckoned
    fixed_importance: float | None = None

    def row(self) -> tuple:
        weight = self.population if self.population > 0 else self.weight_population
        reckoned = importance(self.feature_code, weight, self.feature_class) if self.fixed_importance is None else self.fixed_importance
        return (self.geonameid, self.name, self.asciiname, self.lat, self.lon, self.feature_class,
                self.feature_code, self.country_code, self.admin1_code, self.admin2_code,
                self.population, self.timezone, reckoned, self.source)


def _is_script(text: str, scripts: list[str]) -> bool:
    if text.isascii():
        return True
    wanted = tuple(s.upper() for s in scripts)
    return all(not c.isalpha() or unicodedata.name(c, "").startswith(wanted) for c in text)


class _NameIndex:
    """Collects (normalized name, place) pairs, keeping the best kind of each."""

    def __init__(self, scripts: list[str]):
        self.scripts = scripts
        self.entries: dict[tuple[str, int], tuple[int, str, str]] = {}

    def add(self, name: str, geonameid: int, kind: str) -> str | None:
        norm = normalize_name(name)
        if len(norm) < 2 or not any(c.isalpha() for c in norm) or not _is_script(norm, self.scripts):
            return None
        key = (norm, geonameid)
        rank = _KIND_RANK[kind]
        old = self.entries.get(key)
        if old is None or rank < old[0]:
            self.entries[key] = (rank, kind, name)
        return norm

    def add_alternates(self, field_value: str, geonameid: int) -> None:
        for alt in field_value.split(","):
            # GeoNames mixes airport and other codes (HRK, UKHH) and links into this column.
            if not alt or "http" in alt or (alt.isupper() and alt.isascii() and len(alt) <= 4):
                continue
            self.add(alt, geonameid, "alternate")

    def rows(self) -> Iterable[tuple]:
        for (norm, gid), (_, kind, name) in self.entries.items():
            yield norm, gid, kind, name


def _file_fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    stat = path.stat()
    return f"sha256={digest.hexdigest()[:16]} bytes={stat.st_size} mtime={dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC):%Y-%m-%d}"


def build(definition: ExtractDefinition, source_dir: Path, db_path: Path,
          *, log: Callable[[str], None] = lambda _msg: None, source_label: str | None = None) -> BuildReport:
    """Build the gazetteer described by ``definition`` from files under ``source_dir`` into ``db_path``."""
    started = time.perf_counter()
    missing = missing_sources(definition, source_dir)
    if missing:
        raise DataError(f"{source_file(source_dir, missing[0])}: not found (run `geo data fetch` or pass --source DIR)")
    src = {key: source_file(source_dir, s) for key, s in definition.sources.items()}
    names = _NameIndex(definition.scripts)
    places: dict[int, _Place] = {}
    # Where two files give one place different populations (a full dump's current figure, the world
    # file's older one: Kherson 66,000 and 283,649), both, for claims to weigh ("a city of about
    # 280,000 before the war"): (geonameid, population, file).
    figures: list[tuple[int, int, str]] = []

    # 1. GeoNames rows: full country dumps first (newer, complete), then the world's towns.
    for key in [*definition.full_dumps, definition.world]:
        source = definition.sources[key]
        log(f"reading {source.path}")
        full = key in definition.full_dumps
        for r in read_geonames_dump(src[key], source.member or Path(source.path).stem + ".txt"):
            if r.geonameid in places:
                kept = places[r.geonameid]
                if r.population > 0 and kept.population > 0 and r.population != kept.population:
                    figures += [(r.geonameid, kept.population, definition.sources[kept.source].path),
                                (r.geonameid, r.population, source.path)]
                continue
            if full and (r.feature_class not in definition.feature_classes or r.feature_code in definition.exclude_feature_codes):
                continue
            places[r.geonameid] = _Place(r.geonameid, r.name, r.asciiname, r.lat, r.lon, r.feature_class, r.feature_code,
                                         r.country_code, r.admin1_code, r.admin2_code, r.population, r.timezone, key)
            names.add(r.name, r.geonameid, "official")
            names.add(r.asciiname, r.geonameid, "ascii")
            names.add_alternates(r.alternatenames, r.geonameid)

    log("reading countries and divisions")
    countries = [c for c in read_country_info(src["countries"]) if c.iso2 not in definition.exclude_countries]
    admin1 = read_admin_codes(src["admin1"])
    admin2 = read_admin_codes(src["admin2"])
    ne_admin0 = read_vector(src["ne_admin0"], kind=definition.sources["ne_admin0"].kind)
    ne_admin1 = read_vector(src["ne_admin1"], kind=definition.sources["ne_admin1"].kind)
    ne_rivers = read_vector(src["ne_rivers"], kind=definition.sources["ne_rivers"].kind)

    admin0_by_iso = _admin0_by_iso(ne_admin0)
    part_demonyms = _add_countries(places, names, countries, admin0_by_iso, definition)
    _add_divisions(places, names, admin1, admin2, ne_admin1)
    _add_division_demonyms(places, names, admin1, part_demonyms, definition.division_demonyms)
    for c in definition.continents:
        places.setdefault(c.geonameid, _Place(c.geonameid, c.name, c.name, c.lat, c.lon, "L", "CONT", "", "", "", 0, "", "extract.toml"))
        names.add(c.name, c.geonameid, "official")
        for value in c.names:
            names.add(value, c.geonameid, "abbrev" if value.isupper() else "everyday")
        for value in c.demonyms:
            names.add(value, c.geonameid, "demonym")
    for gid, values in definition.everyday_names.items():
        for value in values if gid in places else ():
            names.add(value, gid, "news")
    _add_division_abbreviations(places, names, admin1, definition)
    _add_features(places, names, definition)
    add_demonym_plurals(names)
    add_division_stems(places, names, definition.division_suffixes, definition.division_prefixes)
    add_articleless_names(places, names, countries, definition.definite_articles)
    add_names_without_the(names)
    add_settlement_stems(places, names, definition.settlement_suffixes)
    add_river_stems(places, names)
    add_article_romanizations(places, names, countries, definition.definite_articles)
    add_final_h_variants(places, names, countries, definition.definite_articles)

    geometries = geometry_rows(places, names, countries, admin0_by_iso, ne_admin1, ne_rivers, CURATED_SOURCE,
                               definition.composite_regions)

    log(f"writing {len(places):,} places and {len(names.entries):,} names")
    meta = {
        "schema_version": SCHEMA_VERSION,
        "built_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "geo_version": _geo_version(),
        "extract": str(definition.path),
        "extract_digest": definition.digest,
        "source": source_label or str(source_dir),
        "attribution": "GeoNames (geonames.org), CC BY 4.0; Made with Natural Earth (public domain)",
        "transliterated_countries": ",".join(sorted(_transliterated_countries(definition, countries))),
        "definite_articles": ",".join(sorted({a for forms in definition.definite_articles.values() for a in forms})),
        "name_heads": ",".join(sorted({h for heads in definition.name_heads.values() for h in heads})),
        "county_first_countries": ",".join(sorted(definition.county_first_countries)),
    }
    for key, path in src.items():
        meta[f"file:{definition.sources[key].path}"] = _file_fingerprint(path)
    counts = _write(db_path, places, names, countries, admin1, admin2, geometries, meta, figures)
    return BuildReport(db_path, time.perf_counter() - started, db_path.stat().st_size, counts)


def _transliterated_countries(definition: ExtractDefinition, countries: list[CountryInfo]) -> set[str]:
    """The extract's transliterated countries, and those whose main language is a transliterated one."""
    by_language = {c.iso2 for c in countries
                   if c.languages.split(",")[0].split("-")[0].lower() in definition.transliterated_languages}
    return set(definition.transliterated_countries) | by_language


def _geo_version() -> str:
    from geo import __version__

    return __version__


def _admin0_by_iso(frame) -> dict[str, dict]:
    out = {}
    for rec in frame.drop(columns="geometry").to_dict("records"):
        iso = rec["ISO_A2"] if rec["ISO_A2"] not in ("-99", None) else rec["ISO_A2_EH"]
        if iso and iso != "-99":
            out.setdefault(iso, rec)
    for iso, geom in zip(frame["ISO_A2"].where(frame["ISO_A2"] != "-99", frame["ISO_A2_EH"]), frame.geometry):
        if iso in out and "geometry" not in out[iso]:
            out[iso]["geometry"] = geom
    return out


_NE_COUNTRY_NAME_FIELDS = ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_EN", "BRK_NAME", "NAME_CIAWF", "NAME_SORT", "NAME_ALT")


def _country_facts() -> tuple[dict[str, tuple[list[float] | None, str | None]], list[tuple[str, str, str]]]:
    """ISO alpha-2 -> (lat/lon, demonym) from the countryinfo package (mledoze/countries data),
    and (iso, name, demonym) of the parts it lists under a country's code (England, Wales...)."""
    import countryinfo

    facts, parts = {}, []
    for c in countryinfo.all_countries():
        try:
            iso = c.iso(2)
        except Exception:  # a few entries have no ISO code
            continue
        try:
            latlng = c.latlng()
        except Exception:
            latlng = None
        try:
            demonym = c.demonym()
        except Exception:
            demonym = None
        if not iso:
            continue
        if iso.upper() in facts:  # the first entry of a code is the country itself, later ones its parts
            if demonym:
                parts.append((iso.upper(), c.name(), demonym))
        else:
            facts[iso.upper()] = (latlng if latlng and len(latlng) == 2 else None, demonym or None)
    return facts, parts


def _add_division_demonyms(places, names, admin1, parts: list[tuple[str, str, str]],
                           curated: dict[str, list[str]]) -> None:
    """The demonyms of first-level divisions that are nations of their own: those the countryinfo
    package lists as parts of a country ("Welsh" -> Wales) and the extract's ("English" -> England).
    (After the divisions are read: their rows come from the code lists.)"""
    by_name = {(a.code.split(".")[0], a.name): a.geonameid for a in admin1}
    by_code = {a.code: a.geonameid for a in admin1}
    for iso, part, demonym in parts:
        gid = by_name.get((iso, part))
        if gid in places:
            names.add(demonym, gid, "demonym")
    for code, demonyms in curated.items():
        gid = by_code.get(code)
        if gid in places:
            for demonym in demonyms:
                names.add(demonym, gid, "demonym")


def _add_countries(places, names, countries: list[CountryInfo], admin0_by_iso,
                   definition: ExtractDefinition) -> list[tuple[str, str, str]]:
    """The countries, their names and demonyms; returns the (iso, part, demonym) of the parts the
    countryinfo package lists under a country (for :func:`_add_division_demonyms`)."""
    import pycountry

    facts, parts = _country_facts()
    for c in countries:
        ne = admin0_by_iso.get(c.iso2)
        latlng, demonym = facts.get(c.iso2, (None, None))
        if c.geonameid not in places:
            if latlng is not None:  # the conventional centre GeoNames also uses (Russia: 60, 100)
                lat, lon = float(latlng[0]), float(latlng[1])
            elif ne is not None:
                lat, lon = float(ne["LABEL_Y"]), float(ne["LABEL_X"])
            else:
                lat, lon = _centroid(p for p in places.values() if p.country_code == c.iso2)
                if lat is None:
                    continue
            places[c.geonameid] = _Place(c.geonameid, c.name, normalize_ascii(c.name), lat, lon, "A", "PCLI",
                                         c.iso2, "00", "", c.population, "", "countryInfo.txt")
        elif places[c.geonameid].population == 0:
            places[c.geonameid].population = c.population
        names.add(c.name, c.geonameid, "official")
        if ne is not None:
            for fld in _NE_COUNTRY_NAME_FIELDS:
                value = ne.get(fld)
                if isinstance(value, str) and value:
                    names.add(value, c.geonameid, "everyday")
            if isinstance(ne.get("ABBREV"), str) and "." in ne["ABBREV"] and len(ne["ABBREV"]) <= 6 and ne["ABBREV"].isupper():
                names.add(ne["ABBREV"], c.geonameid, "abbrev")
        pc = pycountry.countries.get(alpha_2=c.iso2)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None)
                if value and "," not in value:  # "Korea, Republic of" is an index form, not a name
                    names.add(value, c.geonameid, "everyday")
        if demonym:  # "Ukrainian": not a mention of a place, but benchmarks annotate it as one
            names.add(demonym, c.geonameid, "demonym")
        for value in definition.everyday_country_names.get(c.iso2, []):
            names.add(value, c.geonameid, "abbrev" if not any(ch.islower() for ch in value) else "everyday")
    return parts


def normalize_ascii(name: str) -> str:
    from geo.normalize import strip_diacritics

    return strip_diacritics(name).encode("ascii", "ignore").decode()


def _centroid(points: Iterable[_Place]) -> tuple[float | None, float | None]:
    lats, lons = [], []
    for p in points:
        lats.append(p.lat)
        lons.append(p.lon)
    if not lats:
        return None, None
    return round(sum(lats) / len(lats), 5), round(sum(lons) / len(lons), 5)


def _add_divisions(places, names, admin1: list[AdminCode], admin2: list[AdminCode], ne_admin1) -> None:
    ne_by_gn = {}
    for rec in ne_admin1.drop(columns="geometry").to_dict("records"):
        gn = rec.get("gn_id")
        if gn is not None and not (isinstance(gn, float) and math.isnan(gn)) and gn > 0:
            ne_by_gn.setdefault(int(gn), rec)
    members: dict[str, list[_Place]] = defaultdict(list)
    town_names: dict[str, set[str]] = defaultdict(set)   # a settlement's name -> the countries with one so named
    for norm, gid in names.entries:
        p = places.get(gid)
        if p is not None and p.feature_class == "P":
            town_names[norm].add(p.country_code)
    for p in places.values():
        if p.feature_class == "P":
            members[f"{p.country_code}.{p.admin1_code}"].append(p)
            members[f"{p.country_code}.{p.admin1_code}.{p.admin2_code}"].append(p)
    for level, codes in ((1, admin1), (2, admin2)):
        for a in codes:
            parts = a.code.split(".")
            if a.geonameid not in places:
                ne = ne_by_gn.get(a.geonameid)   # (Natural Earth's first level is GeoNames' second in some countries)
                if ne is not None and ne.get("latitude") is not None:
                    lat, lon = round(float(ne["latitude"]), 5), round(float(ne["longitude"]), 5)
                else:
                    lat, lon = _centroid(members.get(a.code, ()))
                if lat is None:
                    continue  # a division with no known place and no polygon cannot be put on a map
                places[a.geonameid] = _Place(a.geonameid, a.name, a.asciiname, lat, lon, "A", f"ADM{level}", parts[0],
                                             parts[1], parts[2] if level == 2 else "", 0, "", f"admin{level}Codes")
            division = places[a.geonameid]
            if division.population <= 0:
                # No population figure (only full dumps give divisions one): its importance from the
                # summed populations of its places in the extract, a lower bound that ranks a
                # populous county over a village of its name.
                division.weight_population = sum(p.population for p in members.get(a.code, ()))
            names.add(a.name, a.geonameid, "official")
            names.add(a.asciiname, a.geonameid, "ascii")
            ne = ne_by_gn.get(a.geonameid)
            if ne is not None and level == 2:
                # Natural Earth's first-level units are GeoNames' second level in some countries (Ireland's
                # counties: "Offaly" for GeoNames' Uíbh Fhailí). Only their own names: the others may be
                # the region's ("Marches" for the province of Ancona). A county town's name is the
                # county's as a stem ("Galway": the city first).
                for fld in ("name_en", "name"):
                    if isinstance(ne.get(fld), str):
                        towns = town_names.get(normalize_name(ne[fld]), ())
                        names.add(ne[fld], a.geonameid, "stem" if parts[0] in towns else "alternate")
            elif ne is not None:
                for fld in ("name_en", "name", "gn_name", "woe_name"):
                    if isinstance(ne.get(fld), str):
                        names.add(ne[fld], a.geonameid, "alternate")
                if isinstance(ne.get("name_alt"), str):
                    for alt in ne["name_alt"].split("|"):
                        names.add(alt, a.geonameid, "alternate")
                if isinstance(ne.get("abbrev"), str) and "." in ne["abbrev"]:  # news style: Ky., B.C., N.Y.
                    names.add(ne["abbrev"], a.geonameid, "abbrev")


def _add_division_abbreviations(places, names: _NameIndex, admin1: list[AdminCode], definition: ExtractDefinition) -> None:
    """The abbreviations and postal codes news writes for first-level divisions (Ill., W.Va., B.C.;
    IL), from the extract's data file; abbreviations it drops (titles, other sources' clashes) go."""
    dropped = {normalize_name(a) for a in definition.dropped_abbreviations}
    for key in [k for k in names.entries if k[0] in dropped and names.entries[k][1] in ("abbrev", "alternate")]:
        del names.entries[key]
    by_code = {a.code: a.geonameid for a in admin1}
    for code, forms in definition.division_abbreviations.items():
        gid = by_code.get(code)
        if gid is None or gid not in places:
            raise DataError(f"{definition.path}: division abbreviations name unknown division {code!r}")
        for form in [*forms, *(f.replace(". ", ".") for f in forms if ". " in f)]:   # "W. Va." also as "W.Va."
            norm = normalize_name(form)
            # an abbreviation here is one whatever another source calls it ("Ill." is an alternate
            # name in GeoNames): matching takes it as written, and never for the word "ill"
            names.entries[(norm, gid)] = (_KIND_RANK["abbrev"], "abbrev", form)
    for code, postal in definition.postal_codes.items():
        gid = by_code.get(code)
        if gid is None or gid not in places:
            raise DataError(f"{definition.path}: postal codes name unknown division {code!r}")
        names.entries[(normalize_name(postal), gid)] = (_KIND_RANK["postal"], "postal", postal)


# GeoNames feature class of each feature code a curated feature may have.
_FEATURE_CLASS = {"OCN": "H", "SEA": "H", "GULF": "H", "BAY": "H", "STRT": "H", "CHN": "H", "CNL": "H", "LK": "H",
                  "LKS": "H", "STM": "H", "RGN": "L", "PEN": "T", "DSRT": "T", "MTS": "T", "MT": "T", "ISL": "T",
                  "PLAT": "T", "FRST": "V"}
#: Curated features get local ids from here up (GeoNames' own ids are below 100 million).
LOCAL_ID_BASE = 100_000_000


def local_id(name: str) -> int:
    """A curated feature's stable id: from its name, above GeoNames' range."""
    import zlib

    return LOCAL_ID_BASE + zlib.crc32(normalize_name(name).encode()) % LOCAL_ID_BASE


CURATED_SOURCE = "features.toml"   # (the source a curated feature row names)


def _add_features(places, names: _NameIndex, definition: ExtractDefinition) -> None:
    """The curated features (features.toml): seas, regions, rivers... that no dump of the extract holds."""
    for f in definition.features:
        feature_class = _FEATURE_CLASS.get(f.code)
        if feature_class is None:
            raise DataError(f"{definition.path}: curated feature {f.name!r} has unknown feature code {f.code!r}")
        gid = local_id(f.name) if f.geonameid is None else f.geonameid
        if f.geonameid is not None and not 0 < gid < LOCAL_ID_BASE:
            raise DataError(f"{definition.path}: curated feature {f.name!r} has geonameid {gid}, outside GeoNames' range")
        if gid in places:
            raise DataError(f"{definition.path}: curated feature {f.name!r} has the id of {places[gid].name!r}"
                            f"{'' if f.geonameid is not None else '; rename one'}")
        place = _Place(gid, f.name, normalize_ascii(f.name), f.lat, f.lon, feature_class, f.code, f.country, "", "", 0, "",
                       CURATED_SOURCE)
        place.fixed_importance = definition.feature_importance
        places[gid] = place
        names.add(f.name, gid, "official")
        for other in f.names:
            names.add(other, gid, "everyday")


def _name_trie(names: _NameIndex) -> bytes:
    import marisa_trie

    # demonyms are looked up (for annotated spans) but never matched in text: "Ukrainian" is no place
    return marisa_trie.Trie({norm for (norm, _), (_, kind, _) in names.entries.items() if kind != "demonym"}).tobytes()


def _name_skeletons(con: sqlite3.Connection, meta: dict[str, str]) -> list[tuple[str, str]]:
    """(skeleton, name) of the names of the places in the transliterated countries (the fuzzy matcher's index)."""
    countries = meta["transliterated_countries"].split(",")
    marks = ",".join("?" * len(countries))
    rows = con.execute(f"SELECT DISTINCT n.norm FROM names n JOIN places p ON p.geonameid = n.geonameid "
                       f"WHERE p.country_code IN ({marks}) AND p.feature_class IN ('P', 'A', 'H', 'L')", countries)
    return skeleton_rows((norm for (norm,) in rows), frozenset(filter(None, meta["definite_articles"].split(","))))


def _write(db_path: Path, places, names: _NameIndex, countries, admin1, admin2, geometries, meta,
           figures: list[tuple[int, int, str]] = ()) -> dict[str, int]:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.parent / f".{db_path.name}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;")
            con.executescript(resources.files("geo.gazetteer").joinpath("schema.sql").read_text())
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (p.row() for p in places.values()))
            con.executemany("INSERT INTO names VALUES (?,?,?,?)", sorted(names.rows()))
            con.executemany("INSERT INTO countries VALUES (?,?,?,?,?,?,?,?)",
                            [(c.iso2, c.iso3, c.name, c.capital, c.population, c.continent, c.geonameid, c.neighbours) for c in countries])
            con.executemany("INSERT INTO admin_divisions VALUES (?,?,?,?,?)",
                            [(a.code, lvl, a.name, a.asciiname, a.geonameid) for lvl, rows in ((1, admin1), (2, admin2)) for a in rows])
            con.executemany("INSERT OR IGNORE INTO population_figures VALUES (?,?,?)", figures)
            con.executemany("INSERT INTO geometries (geonameid, layer, name, code, minx, miny, maxx, maxy, wkb) VALUES (?,?,?,?,?,?,?,?,?)", geometries)
            con.executescript(resources.files("geo.gazetteer").joinpath("indexes.sql").read_text())
            con.execute("INSERT INTO blobs VALUES ('names.marisa', ?)", (_name_trie(names),))
            con.executemany("INSERT INTO name_skeletons VALUES (?,?)", _name_skeletons(con, meta))
            counts = {
                "places": len(places), "names": len(names.entries), "countries": len(countries),
                "admin1": len(admin1), "admin2": len(admin2), "geometries": len(geometries),
            }
            meta = {**meta, **{f"count:{k}": str(v) for k, v in counts.items()}}
            con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
            con.commit()
            con.execute("ANALYZE")
            con.commit()
        finally:
            con.close()
        os.replace(tmp, db_path)
    except sqlite3.Error as exc:
        raise GeoError(f"{db_path}: could not write the gazetteer ({exc})") from None
    except OSError as exc:
        raise GeoError(f"{db_path}: could not write the gazetteer ({exc.strerror or exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return counts
