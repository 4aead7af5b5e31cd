"""Documents to GeoParquet tables: one row per mention, one per claim, the article's metadata beside each.

Every partition file has the same columns and types, however many rows it has (an empty partition
too), so that the files of a dataset read back as one table. Nested values (a claim's places, what
it states and what was measured) are JSON text for the same reason.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from geo.atomic import write_atomic_with
from geo.document import MENTION_FIELDS, Article, Document

#: The article's fields written beside each row (``article`` is its id, as in every other output).
ARTICLE_COLUMNS = {"article": "str", "path": "str", "url": "str", "title": "str", "source": "str", "date": "str"}
#: The Parquet type of each mention field (geo.document.MENTION_FIELDS, in that order).
_MENTION_TYPES = {"start": "int64", "end": "int64", "geonameid": "Int64", "lat": "float64", "lon": "float64", "score": "float64"}
MENTION_COLUMNS = {**ARTICLE_COLUMNS, **{f: _MENTION_TYPES.get(f, "str") for f in MENTION_FIELDS if f != "article"}}
CLAIM_COLUMNS = {**ARTICLE_COLUMNS, "start": "int64", "end": "int64", "quote": "str", "type": "str",
                 "subject_id": "Int64", "anchor_id": "Int64", "subject": "str", "anchor": "str", "stated": "str",
                 "measured": "str", "verdict": "str", "explanation": "str"}
CRS = "EPSG:4326"


def _article_fields(article: Article) -> dict:
    return {"article": article.id, "path": article.path, "url": article.url, "title": article.title,
            "source": article.source, "date": article.date}


def mention_rows(documents: list[Document], *, unresolved: bool = False) -> list[dict]:
    """One row per mention (a name modifying an office or body too, with its role), in article order and
    then text order (as ``geo extract`` lists them)."""
    rows = []
    for doc in documents:
        meta = _article_fields(doc.article)
        found = doc.mentions + doc.modifiers + (doc.unresolved if unresolved else [])
        for mention in sorted(found, key=lambda m: m.start):
            rows.append({**meta, **{f: getattr(mention, f) for f in MENTION_FIELDS if f != "article"}})
    return rows


def claim_rows(documents: list[Document]) -> list[dict]:
    """One row per claim; its places as JSON lists of {geonameid, name}, the first of each also as an id."""
    rows = []
    for doc in documents:
        meta = _article_fields(doc.article)
        for claim in doc.claims:
            c = claim.to_dict()
            rows.append({**meta, "start": c["start"], "end": c["end"], "quote": c["quote"], "type": c["type"],
                         "subject_id": c["subject"][0]["geonameid"] if c["subject"] else None,
                         "anchor_id": c["anchor"][0]["geonameid"] if c["anchor"] else None,
                         "subject": _json(c["subject"]), "anchor": _json(c["anchor"]), "stated": _json(c["stated"]),
                         "measured": _json(c["measured"]), "verdict": c["verdict"], "explanation": c["explanation"]})
    return rows


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def mentions_frame(rows: list[dict]):
    """A GeoDataFrame of mention rows, each a point at its place (none for an unresolved name)."""
    import geopandas as gpd
    import shapely

    frame = _frame(rows, MENTION_COLUMNS)
    points = [shapely.Point(r["lon"], r["lat"]) if r["geonameid"] is not None else None for r in rows]
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(points, crs=CRS))


def claims_frame(rows: list[dict], coordinates):
    """A GeoDataFrame of claim rows: a line from the anchor to the subject when both are placed, the
    subject's point when only it is, else no geometry. ``coordinates(geonameid)`` gives (lon, lat) or None."""
    import geopandas as gpd
    import shapely

    frame = _frame(rows, CLAIM_COLUMNS)
    shapes = []
    for row in rows:
        subject = coordinates(row["subject_id"]) if row["subject_id"] is not None else None
        anchor = coordinates(row["anchor_id"]) if row["anchor_id"] is not None else None
        if subject and anchor and subject != anchor:
            shapes.append(shapely.LineString([anchor, subject]))
        else:
            shapes.append(shapely.Point(subject) if subject else None)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(shapes, crs=CRS))


def _frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly these columns and types (so empty partitions match full ones)."""
    return pd.DataFrame({name: pd.Series([r[name] for r in rows], dtype=dtype) for name, dtype in columns.items()})


def write_atomically(frame, path: Path) -> None:
    """Write a GeoDataFrame to GeoParquet at ``path`` through a hidden temporary file in the same
    folder, renamed into place: readers (which skip names starting with '.') never see half a file."""
    write_atomic_with(path, lambda tmp: frame.to_parquet(tmp, index=False, compression="zstd"))
