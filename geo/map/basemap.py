"""A vector basemap from the gazetteer's Natural Earth geometries, so a map reads with no tiles.

Country borders and rivers around the mapped places, and the first-level divisions of the countries
the places are in; simplified to the scale of the area and clipped to it. Drawn in its own pane below
every overlay, and not interactive: clicks reach the places.
"""
from __future__ import annotations

from collections.abc import Iterable

from folium.map import Layer

from geo.gazetteer import Gazetteer
from geo.map.geometry import expand, to_geojson
from geo.map.templating import template


#: Leaflet path styles per layer (a canvas is not styled by CSS, so they live here rather than in map.css).
STYLES = {
    "admin0": {"color": "#7d7d7d", "weight": 1.2, "fillColor": "#f4f1e8", "fillOpacity": 1},
    "admin1": {"color": "#b4aea0", "weight": 0.8, "dashArray": "3 3", "fill": False},
    "river": {"color": "#7fb3d5", "weight": 1.2, "fill": False},
}


def basemap_features(gazetteer: Gazetteer, bbox: tuple[float, float, float, float], country_codes: Iterable[str]) -> list[dict]:
    """GeoJSON features (``properties.layer``: admin0, admin1, river) for the area around ``bbox``."""
    area = expand(bbox, 0.6, 4.0)
    # About a thousandth of the area's width: invisible at the zoom that shows the whole area.
    tolerance = max(area[2] - area[0], area[3] - area[1]) / 1200
    codes = {c.upper() for c in country_codes if c}
    features = []
    for layer in ("admin0", "admin1", "river"):
        rows = sorted(gazetteer.geometries(layer, area), key=lambda r: (r[2], r[1], r[0] or 0))
        for _gid, name, code, geom in rows:
            if layer == "admin1" and code.split("-", 1)[0].upper() not in codes:
                continue
            shape = to_geojson(geom, tolerance=tolerance, clip=area)
            if shape is not None:
                features.append({"type": "Feature", "geometry": shape, "properties": {"layer": layer, "name": name}})
    return features


class Basemap(Layer):
    """The Natural Earth basemap, a base layer of the layer control."""

    _template = template("basemap.js")

    def __init__(self, features: list[dict], *, name: str = "Natural Earth (offline)", show: bool = True):
        super().__init__(name=name, overlay=False, control=True, show=show)
        self._name = "Basemap"
        self.data = {"type": "FeatureCollection", "features": features}
        self.styles = STYLES
