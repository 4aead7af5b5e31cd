"""The extract's polygons and lines (:func:`geometry_rows`): Natural Earth's countries and first-level
divisions linked to their GeoNames rows, divisions Natural Earth draws only in finer units, composite
regions (the Donbas), and river lines linked to the GeoNames streams of their names."""
from __future__ import annotations

import math
from collections import defaultdict

from geo.gazetteer.kinds import place_kind
from geo.normalize import normalize_name


def _text(rec: dict, *fields: str) -> str:
    """The first of ``fields`` that holds a non-empty string (Natural Earth leaves NaN for none)."""
    for fld in fields:
        value = rec.get(fld)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def geometry_rows(places, names, countries, admin0_by_iso, ne_admin1, ne_rivers, curated_source: str,
                  composites: dict[int, tuple[int, ...]] | None = None) -> list[tuple]:
    """(geonameid or None, layer, label, code, bounds..., WKB) of every shape the extract keeps;
    ``curated_source`` is the source the curated features' rows name (their rivers link farther)."""
    import shapely

    rows = []
    country_ids = {c.iso2: c.geonameid for c in countries}
    for iso, rec in admin0_by_iso.items():
        geom = rec.get("geometry")
        if geom is not None:
            rows.append((country_ids.get(iso), "admin0", rec["NAME"], iso, geom))
    for rec, geom in zip(ne_admin1.drop(columns="geometry").to_dict("records"), ne_admin1.geometry):
        gn = rec.get("gn_id")
        gid = int(gn) if isinstance(gn, (int, float)) and not math.isnan(gn) and int(gn) in places else None
        rows.append((gid, "admin1", _text(rec, "name_en", "name"), _text(rec, "iso_3166_2"), geom))
    rows += _unit_rows(places, ne_admin1, {gid for gid, layer, *_ in rows if layer == "admin1"})
    rows += _region_rows(places, ne_admin1, {gid for gid, layer, *_ in rows if layer == "admin1"})
    # A composite region: the union of its parts' polygons, named after them, its code the parts' ids.
    admin1 = {gid: geom for gid, layer, _, _, geom in rows if layer == "admin1" and gid is not None and geom is not None}
    for gid, parts in (composites or {}).items():
        if gid in places and all(part in admin1 and part in places for part in parts):
            rows.append((gid, "composite", " and ".join(places[part].name for part in parts),
                         ",".join(map(str, parts)), shapely.union_all([admin1[part] for part in parts])))
    rows += _river_rows(places, names, ne_rivers, curated_source)
    out = []
    for gid, layer, name, code, geom in rows:
        if geom is None or geom.is_empty:
            continue
        minx, miny, maxx, maxy = geom.bounds
        out.append((gid, layer, name, code, minx, miny, maxx, maxy, shapely.to_wkb(geom)))
    return out


def _unit_rows(places, ne_admin1, drawn: set[int | None]) -> list[tuple]:
    """First-level divisions Natural Earth draws only in finer parts: the union of the parts whose
    unit (``geonunit``) bears the division's name, for a division with no polygon of its own
    (England, Scotland, Wales and Northern Ireland are the United Kingdom's units of its counties)."""
    import shapely

    units: dict[tuple[str, str], list] = defaultdict(list)
    for rec, geom in zip(ne_admin1.drop(columns="geometry").to_dict("records"), ne_admin1.geometry):
        unit, iso = rec.get("geonunit"), rec.get("iso_a2")
        if isinstance(unit, str) and isinstance(iso, str) and unit != rec.get("admin") and geom is not None:
            units[(iso, normalize_name(unit))].append(geom)
    if not units:
        return []
    rows = []
    for p in places.values():
        if p.feature_code == "ADM1" and p.geonameid not in drawn:
            parts = units.get((p.country_code, normalize_name(p.name)))
            if parts:
                rows.append((p.geonameid, "admin1", p.name, "", shapely.union_all(parts)))
    return rows


def _region_rows(places, ne_admin1, drawn: set[int | None]) -> list[tuple]:
    """First-level divisions Natural Earth draws as their provinces (Italy's regions, Spain's
    communities, France's regions): the union of the features of a Natural Earth ``region`` whose
    linked GeoNames rows are second-level divisions of one first-level division, for a division with
    no polygon of its own (Sicily: Trapani, Palermo, Catania... provinces, all in GeoNames' IT.15)."""
    import shapely

    groups: dict[tuple[str, str], list] = defaultdict(list)       # (country, NE region) -> its features' geometries
    holders: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)   # ... -> the ADM1 codes its linked rows lie in
    for rec, geom in zip(ne_admin1.drop(columns="geometry").to_dict("records"), ne_admin1.geometry):
        region, iso, gn = _text(rec, "region"), _text(rec, "iso_a2"), rec.get("gn_id")
        if not region or not iso or geom is None:
            continue
        groups[(iso, region)].append(geom)
        p = places.get(int(gn)) if isinstance(gn, (int, float)) and not math.isnan(gn) else None
        holders[(iso, region)].add((p.country_code, p.admin1_code) if p is not None and p.feature_code == "ADM2" else ("", ""))
    by_code = {(p.country_code, p.admin1_code): p for p in places.values() if p.feature_code == "ADM1" and p.geonameid not in drawn}
    rows = []
    for key, codes in holders.items():
        division = by_code.get(next(iter(codes))) if len(codes) == 1 else None   # (every feature linked, to one division)
        if division is not None:
            rows.append((division.geonameid, "admin1", division.name, "", shapely.union_all(groups[key])))
            drawn = drawn | {division.geonameid}
    return rows


#: How near (degrees) a river line must pass a GeoNames stream's point to be that stream's line; a
#: curated river's point is a rough centre of a long river, so its nearest line of its names within
#: RIVER_CURATED_DEGREES is its line; and how near a line must come to a linked one to continue it.
RIVER_LINK_DEGREES = 0.3
RIVER_CURATED_DEGREES = 4.0
RIVER_CHAIN_DEGREES = 0.02


def _river_rows(places, names, ne_rivers, curated_source: str) -> list[tuple]:
    """Rivers carry no GeoNames id: link a line to the GeoNames streams of the same name it passes
    near (the Oskol line to both GeoNames Oskil rows), then the lines of the same name that continue
    a linked one, however far from the stream's point (Natural Earth draws the Euphrates in Syria as
    "Al Furat", in Iraq as "Euphrates": both are the river's, end to end)."""
    import shapely

    streams: dict[str, list] = defaultdict(list)
    for (norm, gid) in names.entries:
        p = places.get(gid)
        if p is not None and place_kind(p.feature_class, p.feature_code) == "river":
            streams[norm].append(p)
    lines = []   # (label, geometry, the streams its names match)
    for rec, geom in zip(ne_rivers.drop(columns="geometry").to_dict("records"), ne_rivers.geometry):
        if geom is None:
            continue
        candidates = {}
        for fld in ("name", "name_en", "name_alt"):
            if isinstance(rec.get(fld), str):
                for p in streams.get(normalize_name(rec[fld]), ()):
                    candidates[p.geonameid] = p
        lines.append((_text(rec, "name_en", "name"), geom, candidates))
    linked = [{gid for gid, p in candidates.items() if geom.distance(shapely.Point(p.lon, p.lat)) < RIVER_LINK_DEGREES}
              for _, geom, candidates in lines]
    curated = {gid: p for _, _, candidates in lines for gid, p in candidates.items() if p.source == curated_source}
    for gid, p in curated.items():
        if not any(gid in found for found in linked):
            here = shapely.Point(p.lon, p.lat)
            near = [(geom.distance(here), i) for i, (_, geom, candidates) in enumerate(lines) if gid in candidates]
            gap, i = min(near)
            if gap < RIVER_CURATED_DEGREES:
                linked[i].add(gid)
    grown = True
    while grown:   # (a river is a few segments: this settles in as many rounds)
        grown = False
        for i, (_, geom, candidates) in enumerate(lines):
            for gid in candidates.keys() - linked[i]:
                if any(gid in linked[j] and geom.distance(other) < RIVER_CHAIN_DEGREES
                       for j, (_, other, _) in enumerate(lines) if j != i and linked[j]):
                    linked[i].add(gid)
                    grown = True
    return [(gid, "river", label, "", geom) for (label, geom, _), gids in zip(lines, linked) for gid in sorted(gids) or [None]]
