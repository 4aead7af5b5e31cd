"""The places layer: one marker per resolved place, or its shape for a region or river.

A marker's size grows with the number of articles that name the place, its colour and shape show the
kind (map.css); markers are clustered (Leaflet.markercluster). A region with a Natural Earth polygon
is drawn as that polygon and a river with a line as that line, each with the same popup a marker has.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from folium.map import Layer

from geo.gazetteer import Gazetteer
from geo.map.geometry import to_geojson
from geo.map.places import MappedPlace
from geo.map.templating import template

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
        geom = gazetteer.geometry(place.geonameid, "river")
    else:
        return None
    return to_geojson(geom, tolerance=SHAPE_TOLERANCE)


def place_record(place: MappedPlace, groups: list[str], popup: str, shape: dict | None) -> dict:
    """What the page's script needs of a place."""
    return {"id": place.geonameid, "name": place.name, "kind": place.kind, "lat": round(place.lat, 5),
            "lon": round(place.lon, 5), "n": len(place.mentions), "size": marker_size(len(place.mentions)),
            "where": ", ".join(x for x in (place.admin1, place.country) if x and x != place.name),
            "terms": [place.name, *place.spellings], "groups": groups, "popup": popup, "shape": shape}


class PlacesLayer(Layer):
    """Every place of the map, an overlay of the layer control."""

    _template = template("places.js")

    def __init__(self, places: Sequence[MappedPlace], *, groups_of: Callable[[MappedPlace], list[str]],
                 popup_of: Callable[[MappedPlace], str], gazetteer: Gazetteer, cluster: bool = True, name: str = "Places"):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "PlacesLayer"
        self.cluster = cluster
        self.data = [place_record(p, groups_of(p), popup_of(p), place_shape(p, gazetteer)) for p in places]
