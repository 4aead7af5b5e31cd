"""The places layer: one marker per resolved place, or its shape for a region or river.

A marker's size grows with the number of articles that name the place, its colour and shape show the
kind (map.css); markers are clustered (Leaflet.markercluster). A region with a Natural Earth polygon
is drawn as that polygon and a river with a line as that line, each with the same popup a marker has.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from folium.map import Layer
from markupsafe import Markup

from geo.gazetteer import Gazetteer
from geo.map.geometry import to_geojson
from geo.map.placement import river_line
from geo.map.places import MappedPlace
from geo.map.templating import template

#: Between two popups in the page's block of popups: a tag, which escaped text can never hold.
POPUP_SEPARATOR = "<geo-popup-end>"
#: Simplification of a drawn region or river (degrees, about 500 m).
SHAPE_TOLERANCE = 0.005


def marker_size(article_count: int) -> int:
    """The marker's diameter in pixels: 16 for one article, growing with the logarithm of the count.

    >>> marker_size(1), marker_size(2), marker_size(5), marker_size(1000)
    (16, 22, 30, 44)
    """
    return min(44, round(16 + 6 * math.log2(max(article_count, 1))))


def place_shape(place: MappedPlace, gazetteer: Gazetteer) -> dict | None:
    """The polygon of a region or the line of a river, as GeoJSON, when the gazetteer has one."""
    if place.kind == "region":
        geom = gazetteer.geometry(place.geonameid, "admin1")
    elif place.kind == "river":
        geom = river_line(place, gazetteer)
    else:
        return None
    return to_geojson(geom, tolerance=SHAPE_TOLERANCE)


def place_record(place: MappedPlace, shape: dict | None, conflicts: Sequence[int] = ()) -> dict:
    """What the page's script needs of a place: ``a`` the articles naming it (the filter counts them),
    ``ms`` its mentions as [article, start, end, k] with their spelling ``texts[k]`` (the mentions download), ``label`` the name as
    the articles write it, ``conflicts`` the cross-article conflicts about it (their panel indices)."""
    texts = list(dict.fromkeys(m.text for i in place.articles for m in place.mentions[i]))
    at = {t: k for k, t in enumerate(texts)}
    return {"id": place.geonameid, "name": place.name, "label": place.label, "kind": place.kind, "code": place.feature_code,
            "lat": round(place.lat, 5), "lon": round(place.lon, 5), "n": len(place.mentions), "size": marker_size(len(place.mentions)),
            "where": ", ".join(x for x in (place.admin1, place.country) if x and x != place.name),
            "terms": [place.label, *[t for t in (place.name, *place.spellings) if t != place.label]],
            "a": place.articles, "texts": texts, "ms": [[i, m.start, m.end, at[m.text]] for i in place.articles for m in place.mentions[i]],
            "conflicts": list(conflicts), "shape": shape}


class PlacesLayer(Layer):
    """Every place of the map, an overlay of the layer control. The popups are inert ``<template>``s of
    escaped HTML (popups.py), copied when one opens and trimmed to the articles the filter shows."""

    _template = template("places.js")

    def __init__(self, places: Sequence[MappedPlace], *, popup_of: Callable[[MappedPlace], str], gazetteer: Gazetteer,
                 conflicts_of: Callable[[MappedPlace], Sequence[int]] = lambda p: (),
                 conflict_articles: Sequence[Sequence[int]] = (), cluster: bool = True, name: str = "Places"):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "PlacesLayer"
        self.cluster = cluster
        self.data = [place_record(p, place_shape(p, gazetteer), conflicts_of(p)) for p in places]
        popups = [popup_of(p) for p in places]
        if any(POPUP_SEPARATOR in x or "</script" in x.lower() or "<!--" in x for x in popups):
            raise ValueError("a popup holds markup it must not (escaping failed)")
        self.popup_text = Markup(POPUP_SEPARATOR.join(popups))
        self.separator = POPUP_SEPARATOR
        self.conflicts = [list(a) for a in conflict_articles]   #: conflict index -> the articles of its two claims
