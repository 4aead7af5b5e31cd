-- The gazetteer database. Built by geo.gazetteer.build, read by geo.gazetteer.database.
-- Bump SCHEMA_VERSION in build.py when this changes.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Every place geo can resolve a mention to: GeoNames rows, and the countries, divisions and
-- continents that the dumps lack as rows (with coordinates from Natural Earth or their places).
CREATE TABLE places (
    geonameid     INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    asciiname     TEXT NOT NULL,
    lat           REAL NOT NULL,
    lon           REAL NOT NULL,
    feature_class TEXT NOT NULL,
    feature_code  TEXT NOT NULL,
    country_code  TEXT NOT NULL,
    admin1_code   TEXT NOT NULL,
    admin2_code   TEXT NOT NULL,
    population    INTEGER NOT NULL,
    timezone      TEXT NOT NULL,
    importance    REAL NOT NULL,   -- in [0, 1]: population, feature code, capital (see build.importance)
    source        TEXT NOT NULL    -- which upstream file the row comes from
);

-- normalized name -> place. kind: official, ascii, alternate, everyday (a country's common
-- name), news (what English news calls the place bare, from the extract definition), abbrev (written in capitals or with dots: matched case-sensitively), stem (a division's
-- name without "Oblast", "Region"...).
CREATE TABLE names (
    norm      TEXT NOT NULL,
    geonameid INTEGER NOT NULL REFERENCES places(geonameid),
    kind      TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (norm, geonameid)
) WITHOUT ROWID;

-- A place's population as each upstream file gives it, where the files disagree (a full country
-- dump's current figure and the world file's older one); places.population holds the first.
CREATE TABLE population_figures (
    geonameid  INTEGER NOT NULL,
    population INTEGER NOT NULL,
    source     TEXT NOT NULL,
    PRIMARY KEY (geonameid, source)
) WITHOUT ROWID;

CREATE TABLE countries (
    iso2       TEXT PRIMARY KEY,
    iso3       TEXT NOT NULL,
    name       TEXT NOT NULL,
    capital    TEXT NOT NULL,
    population INTEGER NOT NULL,
    continent  TEXT NOT NULL,
    geonameid  INTEGER NOT NULL,
    neighbours TEXT NOT NULL
);

-- First- and second-level divisions: code "UA.07" (level 1) or "UA.07.6312" (level 2).
CREATE TABLE admin_divisions (
    code      TEXT PRIMARY KEY,
    level     INTEGER NOT NULL,
    name      TEXT NOT NULL,
    asciiname TEXT NOT NULL,
    geonameid INTEGER NOT NULL
);

-- Natural Earth geometry (WKB, WGS84) linked to GeoNames ids where the layer allows:
-- admin0 by ISO code, admin1 by its gn_id, rivers by name to GeoNames streams they pass.
CREATE TABLE geometries (
    id        INTEGER PRIMARY KEY,
    geonameid INTEGER,
    layer     TEXT NOT NULL,       -- admin0, admin1, river, composite (a region drawn as its divisions)
    name      TEXT NOT NULL,
    code      TEXT NOT NULL,       -- ISO 3166 code for admin0/admin1, '' for rivers, the parts' ids for a composite
    minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL,
    wkb       BLOB NOT NULL
);

-- The skeleton (geo.transliteration.skeleton: the consonants of a romanization-folded name) of
-- each name of a place in the countries whose names reach English through transliteration
-- (the extract's transliterated countries, in meta): where the fuzzy matcher looks up variant spellings.
CREATE TABLE name_skeletons (
    skeleton TEXT NOT NULL,
    norm     TEXT NOT NULL,
    PRIMARY KEY (skeleton, norm)
) WITHOUT ROWID;

-- Prebuilt lookup structures, so that opening the gazetteer stays fast:
-- "names.marisa" is a marisa-trie of every normalized name (the mention matcher's automaton).
CREATE TABLE blobs (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
