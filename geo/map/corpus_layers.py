"""The parts of a corpus map (``geo map --from``) that the article maps do not have.

- :class:`CorpusPlacesLayer`: one marker per place, sized and numbered by its articles (corpus_places.js);
- :class:`HeatLayer`: the mentions as a heat map (Leaflet.heat, inlined: assets.PLUGINS);
- :class:`Timeline`: a time slider, by week or month, that the markers and the heat follow (timeline.js);
- :func:`corpus_popup`: a place's popup, its counts and top articles (corpus_popup.html, autoescaped).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from branca.element import MacroElement
from folium.map import Layer

from geo.map.corpus_data import CorpusPlace, Periods
from geo.map.places_layer import marker_size
from geo.map.templating import static_text, template


def corpus_popup(place: CorpusPlace, *, dated: bool) -> str:
    """The popup HTML of ``place``; ``dated``: the map has a time slider (the popup says it covers all dates)."""
    return template("corpus_popup.html").render(place=place, dated=dated, more=max(0, place.articles - len(place.top)))


def place_record(place: CorpusPlace) -> dict:
    """What the page's scripts need of a place (search.js and core.js read the same keys as for an article
    map; the popup is apart, in a <template>)."""
    return {"id": place.geonameid, "name": place.name, "kind": place.kind, "lat": round(place.lat, 5), "lon": round(place.lon, 5),
            "n": place.articles, "m": place.mentions, "size": marker_size(place.articles),
            "where": ", ".join(x for x in (place.admin1, place.country) if x and x != place.name),
            "terms": [place.name, *place.spellings], "groups": [],
            "t": [x for period in place.periods for x in period]}


class CorpusPlacesLayer(Layer):
    """Every place of the corpus as a clustered marker, an overlay of the layer control."""

    _template = template("corpus_places.js")

    def __init__(self, places: Sequence[CorpusPlace], *, popup_of: Callable[[CorpusPlace], str], cluster: bool = True,
                 name: str = "Places"):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "CorpusPlacesLayer"
        self.cluster = cluster
        self.css = static_text("corpus.css")
        self.data = [place_record(p) for p in places]
        self.popups = [(p.geonameid, popup_of(p)) for p in places]


class HeatLayer(Layer):
    """The heat map of mentions; must come after the places layer (it reads the places registered)."""

    _template = template("heat.js")

    def __init__(self, name: str = "Heat map of mentions", show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "HeatLayer"
        self.options = {"radius": 18, "blur": 14, "minOpacity": 0.3}


class Timeline(MacroElement):
    """The time slider; ``totals`` are the mentions of each period (its bar chart), ``undated`` the
    articles with no date (counted under all dates only)."""

    _template = template("timeline.js")

    def __init__(self, periods: Periods, totals: Sequence[int], undated: int):
        super().__init__()
        self._name = "Timeline"
        self.labels = periods.labels
        self.unit = periods.unit
        self.totals = list(totals)
        self.undated = undated
