"""Reading the gazetteer database: places, names, divisions and geometry.

>>> gaz = Gazetteer.open()                                    # doctest: +SKIP
>>> [c.place.geonameid for c in gaz.lookup("Izium")][:1]      # doctest: +SKIP
[707292]
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path

from geo.errors import GazetteerError
from geo.gazetteer.build import SCHEMA_VERSION
from geo.gazetteer.kinds import place_kind
from geo.normalize import normalize_name

#: How much of the database file a connection reads through a memory map (all of it).
MMAP_BYTES = 1 << 31
#: Environment variable naming the gazetteer database file.
DB_ENV = "GEO_GAZETTEER"
_PROJECT = Path(__file__).resolve().parents[2]


def project_gazetteer_dir() -> Path:
    """``gazetteer/`` of the project checkout geo runs from, else of the current directory."""
    if (_PROJECT / "gazetteer" / "extract.toml").is_file():
        return _PROJECT / "gazetteer"
    return Path.cwd() / "gazetteer"


def default_db_path() -> Path:
    return Path(os.environ[DB_ENV]) if os.environ.get(DB_ENV) else project_gazetteer_dir() / "geo.sqlite"


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer, with the names of its first-level division and country.

    (Slots: the resolver keeps tens of thousands of places, and a place without a ``__dict__`` is
    one object for the garbage collector to walk, not two.)"""

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
    importance: float
    admin1: str
    country: str

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL") or self.feature_code == "TERR"

    @property
    def is_division(self) -> bool:
        return self.feature_class == "A" and not self.is_country

    @property
    def is_capital(self) -> bool:
        """Whether GeoNames makes this place a country's capital (PPLC) or a first-level division's seat (PPLA)."""
        return self.feature_code in ("PPLA", "PPLC")

    def lies_in(self, region: Place) -> bool | None:
        """Whether GeoNames' country and admin codes put this place in ``region`` (a country, a first-
        or second-level division); None when either has no codes to compare (a region of no division,
        a sea in no one country): the one containment-by-codes rule of resolution and claims."""
        if not self.country_code:
            return None
        if region.is_country:
            return self.country_code == region.country_code
        if region.feature_code == "ADM1":
            return (self.country_code, self.admin1_code) == (region.country_code, region.admin1_code)
        if region.feature_code == "ADM2":
            return ((self.country_code, self.admin1_code, self.admin2_code)
                    == (region.country_code, region.admin1_code, region.admin2_code))
        return None

    @property
    def kind(self) -> str:
        """settlement, division, country, continent, river, water body or other (geo.gazetteer.kinds)."""
        return place_kind(self.feature_class, self.feature_code)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may stand for, and how the name is known to the gazetteer."""

    place: Place
    name: str
    kind: str


_PLACE_FIELDS = tuple(f.name for f in fields(Place))
_new = object.__new__
# The slots' own setters, by field (what a frozen dataclass's __init__ reaches through object.__setattr__)
_PLACE_SETTERS = tuple(Place.__dict__[name].__set__ for name in _PLACE_FIELDS)
_SET_PLACE, _SET_NAME, _SET_KIND = (Candidate.__dict__[name].__set__ for name in ("place", "name", "kind"))


def _candidate(row: tuple) -> Candidate:
    """``Candidate(Place(*row[:15]), row[15], row[16])``, the same objects made faster: a frozen
    dataclass's __init__ sets each field through object.__setattr__, and a name's first look-up
    makes one per row."""
    place = _new(Place)
    for set_field, value in zip(_PLACE_SETTERS, row):
        set_field(place, value)
    candidate = _new(Candidate)
    _SET_PLACE(candidate, place)
    _SET_NAME(candidate, row[15])
    _SET_KIND(candidate, row[16])
    return candidate


_PLACE_COLUMNS = ("p.geonameid, p.name, p.asciiname, p.lat, p.lon, p.feature_class, p.feature_code, p.country_code, "
                  "p.admin1_code, p.admin2_code, p.population, p.timezone, p.importance, "
                  "COALESCE(ap.name, a.name, ''), COALESCE(cp.name, c.name, '')")
# The division's and country's names as their own place rows give them ("Kharkiv Oblast"), else
# as the code lists do ("Kharkivs'ka Oblast'").
_DIVISION_JOINS = ("LEFT JOIN admin_divisions a ON a.code = p.country_code || '.' || p.admin1_code "
                   "LEFT JOIN places ap ON ap.geonameid = a.geonameid "
                   "LEFT JOIN countries c ON c.iso2 = p.country_code "
                   "LEFT JOIN places cp ON cp.geonameid = c.geonameid")
_PLACE_JOIN = "places p " + _DIVISION_JOINS


class Gazetteer:
    """A read-only connection to a built gazetteer database."""

    def __init__(self, path: Path, connection: sqlite3.Connection, meta: dict[str, str]):
        self.path = path
        self._con = connection
        self.meta = meta

    @classmethod
    def open(cls, path: Path | str | None = None) -> Gazetteer:
        """Open the database at ``path`` (default: $GEO_GAZETTEER or ``gazetteer/geo.sqlite``)."""
        path = Path(path) if path is not None else default_db_path()
        hint = "build it with `geo gazetteer build --source DIR` (or `make gazetteer`)"
        if not path.is_file():
            raise GazetteerError(f"gazetteer database not found at {path}: {hint}")
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(con.execute("SELECT key, value FROM meta"))
            # pages read through a memory map, not a read() into sqlite's page cache each: a name's
            # first look-up (a few pages of the names and places tables) costs a fifth less
            con.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"{path}: not a readable gazetteer database ({exc}); re{hint}") from None
        if meta.get("schema_version") != SCHEMA_VERSION or "count:places" not in meta:
            raise GazetteerError(f"{path}: gazetteer from an incompatible or incomplete build; re{hint}")
        return cls(path, con, meta)

    def close(self) -> None:
        self._con.close()

    @cached_property
    def transliterated_countries(self) -> frozenset[str]:
        """The countries whose names the fuzzy matcher looks up variant spellings of (extract.toml)."""
        return frozenset(filter(None, self.meta.get("transliterated_countries", "").split(",")))

    @cached_property
    def county_first_countries(self) -> frozenset[str]:
        """The countries that write "County X" (extract.toml): a town stands for a county the gazetteer lacks there."""
        return frozenset(filter(None, self.meta.get("county_first_countries", "").split(",")))

    @cached_property
    def definite_articles(self) -> frozenset[str]:
        """The romanized forms of the definite articles the extract knows ("al", "el", "ez"...)."""
        return frozenset(filter(None, self.meta.get("definite_articles", "").split(",")))

    @cached_property
    def name_heads(self) -> frozenset[str]:
        """The generic words transliterated place names start with ("tel", "ain", "ras": extract.toml)."""
        return frozenset(filter(None, self.meta.get("name_heads", "").split(",")))

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self._con.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"{self.path}: gazetteer database is corrupt ({exc}); rebuild it with `geo gazetteer build`") from None

    # -- places ---------------------------------------------------------------------------

    def lookup(self, name: str, *, country: str | None = None, limit: int | None = None) -> list[Candidate]:
        """Every place known by ``name`` (normalized), most important first; stems rank last."""
        return self.candidates(normalize_name(name), country=country, limit=limit)

    def candidates(self, norm: str, *, country: str | None = None, limit: int | None = None) -> list[Candidate]:
        """Like :meth:`lookup` for an already normalized name."""
        sql = (f"SELECT {_PLACE_COLUMNS}, n.name, n.kind FROM names n JOIN places p ON p.geonameid = n.geonameid "
               f"{_DIVISION_JOINS} WHERE n.norm = ?")
        params: tuple = (norm,)
        if country:
            sql += " AND p.country_code = ?"
            params += (country.upper(),)
        sql += " ORDER BY (n.kind = 'stem'), p.importance DESC, p.population DESC, p.geonameid"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [_candidate(row) for row in self._query(sql, params)]

    def place(self, geonameid: int) -> Place | None:
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM {_PLACE_JOIN} WHERE p.geonameid = ?", (geonameid,))
        return Place(*rows[0]) if rows else None

    def names(self) -> Iterator[tuple[str, str]]:
        """Every (normalized name, kind) pair, for building a name matcher."""
        return iter(self._query("SELECT norm, kind FROM names"))

    def name_trie(self):
        """A marisa-trie of every normalized name, for finding names in text."""
        import marisa_trie

        rows = self._query("SELECT value FROM blobs WHERE key = 'names.marisa'")
        if not rows:
            raise GazetteerError(f"{self.path}: the name index is missing; rebuild it with `geo gazetteer build`")
        try:
            return marisa_trie.Trie().frombytes(rows[0][0])
        except RuntimeError as exc:   # marisa's own check of the index's structure
            raise GazetteerError(f"{self.path}: the name index is corrupt ({str(exc).rsplit(': ', 1)[-1]}); "
                                 "rebuild it with `geo gazetteer build`") from None

    def named_importance(self, norm: str) -> float:
        """The importance of the most important place whose own name (not an alternate) is ``norm``
        (not a postal code either: "In" is no name of Indiana's but after "Gary, ")."""
        rows = self._query("SELECT MAX(p.importance) FROM names n JOIN places p ON p.geonameid = n.geonameid "
                           "WHERE n.norm = ? AND n.kind NOT IN ('alternate', 'demonym', 'stem', 'postal')", (norm,))
        return rows[0][0] or 0.0

    def names_of_kind(self, kind: str) -> dict[str, set[str]]:
        """Normalized name -> every kind it is known as, for names that have ``kind`` among them."""
        out: dict[str, set[str]] = {}
        for norm, k in self._query("SELECT n.norm, n2.kind FROM names n JOIN names n2 ON n2.norm = n.norm WHERE n.kind = ?", (kind,)):
            out.setdefault(norm, set()).add(k)
        return out

    def written_names_of_kind(self, kind: str) -> frozenset[str]:
        """The names of that kind as the sources write them ("Qld", "W.Va.")."""
        return frozenset(row[0] for row in self._query("SELECT DISTINCT name FROM names WHERE kind = ?", (kind,)))

    def names_with_skeleton(self, skeleton: str) -> list[str]:
        """The names of the places of the transliterated countries whose skeleton is ``skeleton``
        (:func:`geo.transliteration.skeleton`; for fuzzy matching)."""
        return [row[0] for row in self._query("SELECT norm FROM name_skeletons WHERE skeleton = ?", (skeleton,))]

    def settlements_larger_than(self, country_code: str, population: int, admin1_code: str | None = None) -> int:
        """How many populated places of a country (of one of its first-level divisions, with
        ``admin1_code``) have more people than ``population`` (cities and seats only: PPL, PPLA*,
        PPLC; their sections PPLX are parts of a city, not cities)."""
        division = " AND admin1_code = ?" if admin1_code else ""
        rows = self._query("SELECT COUNT(*) FROM places WHERE country_code = ? AND population > ? AND feature_class = 'P' "
                           "AND (feature_code = 'PPL' OR feature_code = 'PPLC' OR feature_code LIKE 'PPLA%')" + division,
                           (country_code, population, admin1_code) if admin1_code else (country_code, population))
        return rows[0][0]

    def countries_named_from(self, prefix: str) -> list[Place]:
        """The countries one of whose names (normalized, not a demonym or a stem) starts with ``prefix``
        (a normalized stem: "kyrgyz" gives Kyrgyzstan)."""
        rows = self._query("SELECT DISTINCT p.geonameid FROM names n JOIN places p ON p.geonameid = n.geonameid "
                           "WHERE n.norm >= ? AND n.norm < ? AND n.kind NOT IN ('demonym', 'stem') "
                           "AND p.feature_code IN ('PCLI', 'PCLD', 'PCLF', 'PCLS', 'PCLIX', 'PCL')",
                           (prefix, prefix + "\uffff"))
        return [self.place(gid) for (gid,) in rows]

    def population_figures(self, geonameid: int) -> list[tuple[int, str]]:
        """Every (population, file) the upstream files give a place, where they disagree; else []."""
        return [tuple(r) for r in self._query("SELECT population, source FROM population_figures WHERE geonameid = ? "
                                               "ORDER BY population", (geonameid,))]

    def capital(self, iso2: str) -> Place | None:
        """The seat of government (PPLC) of a country, the most populous if GeoNames lists several."""
        rows = self._query("SELECT geonameid FROM places WHERE country_code = ? AND feature_code = 'PPLC' "
                           "ORDER BY population DESC LIMIT 1", (iso2.upper(),))
        return self.place(rows[0][0]) if rows else None

    def seat(self, iso2: str, admin1_code: str) -> Place | None:
        """The seat (PPLA) of a first-level division, the most populous if GeoNames lists several.

        >>> Gazetteer.open().seat("UA", "26").name
        'Zaporizhzhya'
        """
        rows = self._query("SELECT geonameid FROM places WHERE country_code = ? AND admin1_code = ? AND feature_code = 'PPLA' "
                           "ORDER BY population DESC LIMIT 1", (iso2.upper(), admin1_code))
        return self.place(rows[0][0]) if rows else None

    def country(self, iso2: str) -> Place | None:
        rows = self._query("SELECT geonameid FROM countries WHERE iso2 = ?", (iso2.upper(),))
        return self.place(rows[0][0]) if rows else None

    def neighbours(self, iso2: str) -> set[str]:
        """The ISO codes of the countries GeoNames' countryInfo lists as sharing a land border with ``iso2``.

        >>> sorted(Gazetteer.open().neighbours("TN"))
        ['DZ', 'LY']
        """
        rows = self._query("SELECT neighbours FROM countries WHERE iso2 = ?", (iso2.upper(),))
        return {code for code in (rows[0][0] or "").split(",") if code} if rows else set()

    def admin_division(self, code: str) -> Place | None:
        """The division with code ``CC.A1`` or ``CC.A1.A2``."""
        rows = self._query("SELECT geonameid FROM admin_divisions WHERE code = ?", (code,))
        return self.place(rows[0][0]) if rows else None

    # -- geometry -------------------------------------------------------------------------

    def geometry(self, geonameid: int, layer: str | None = None):
        """The Natural Earth geometry of a place (a shapely geometry), or None.

        A river may be drawn as several lines: they are merged into one MultiLineString.
        """
        sql = "SELECT wkb FROM geometries WHERE geonameid = ?"
        params: tuple = (geonameid,)
        if layer:
            sql += " AND layer = ?"
            params += (layer,)
        return _merge_wkb(tuple(row[0] for row in self._query(sql, params)))

    def composite(self, geonameid: int) -> tuple[str, tuple[int, ...], object] | None:
        """(the names of its parts, their ids, the union of their polygons) of a region the extract
        draws as the divisions that make it up (``composite_regions``), else None.

        >>> name, parts, _ = Gazetteer.open().composite(709718)
        >>> name, parts
        ('Donetska Oblast and Luhanska Oblast', (709716, 702657))
        """
        import shapely

        rows = self._query("SELECT name, code, wkb FROM geometries WHERE geonameid = ? AND layer = 'composite'", (geonameid,))
        if not rows:
            return None
        name, code, wkb = rows[0]
        return name, tuple(int(part) for part in code.split(",")), shapely.from_wkb(wkb)

    def geometries(self, layer: str, bbox: tuple[float, float, float, float] | None = None) -> list[tuple[int | None, str, str, object]]:
        """(geonameid, name, code, geometry) of one layer, optionally only those touching ``bbox``."""
        import shapely

        sql = "SELECT geonameid, name, code, wkb FROM geometries WHERE layer = ?"
        params: tuple = (layer,)
        if bbox:
            sql += " AND maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?"
            params += (bbox[0], bbox[2], bbox[1], bbox[3])
        return [(gid, name, code, shapely.from_wkb(wkb)) for gid, name, code, wkb in self._query(sql, params)]

    # -- about ----------------------------------------------------------------------------

    def info(self) -> dict:
        counts = {k.split(":", 1)[1]: int(v) for k, v in self.meta.items() if k.startswith("count:")}
        files = {k.split(":", 1)[1]: v for k, v in self.meta.items() if k.startswith("file:")}
        by_class = dict(self._query("SELECT feature_class, COUNT(*) FROM places GROUP BY feature_class ORDER BY 2 DESC"))
        by_kind = dict(self._query("SELECT kind, COUNT(*) FROM names GROUP BY kind ORDER BY 2 DESC"))
        return {
            "path": str(self.path),
            "size_bytes": self.path.stat().st_size,
            "built_at": self.meta.get("built_at"),
            "geo_version": self.meta.get("geo_version"),
            "extract": self.meta.get("extract"),
            "extract_digest": self.meta.get("extract_digest"),
            "source": self.meta.get("source"),
            "attribution": self.meta.get("attribution"),
            "counts": counts,
            "places_by_feature_class": by_class,
            "names_by_kind": by_kind,
            "files": files,
        }


@lru_cache(maxsize=4096)
def _merge_wkb(blobs: tuple[bytes, ...]):
    import shapely

    if not blobs:
        return None
    geoms = [shapely.from_wkb(b) for b in blobs]
    if len(geoms) == 1:
        return geoms[0]
    return shapely.union_all(geoms)
