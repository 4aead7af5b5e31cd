"""A map of a whole corpus: ``geo map --from NAME.parquet`` (the output of ``geo extract --corpus``).

Per place rather than per article: one marker per place sized by the articles naming it, a popup with
its counts and top articles, a heat layer of the mentions and, when articles have dates, a time slider
by week or month. The corpus is reduced first (:mod:`geo.map.corpus_data`), so the page's size grows
with the number of places, not of mentions. Everything else is the article map's: the Natural Earth
basemap (offline) or tiles, the search box, the legend, the inlined assets and the page's
Content-Security-Policy; there are no article pages (a dataset holds mentions, not texts).

>>> summary = summarize(Path("news.parquet"))                                           # doctest: +SKIP
>>> render_corpus_map(summary, gazetteer, Path("maps/news.html"), CorpusMapOptions(offline=True))  # doctest: +SKIP
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import folium

from geo import atomic
from geo.errors import GeoError
from geo.gazetteer import Gazetteer
from geo.map.assets import load_assets
from geo.map.core import Startup
from geo.map.corpus_data import CorpusPlace, CorpusSummary, summarize
from geo.map.corpus_layers import CorpusPlacesLayer, HeatLayer, Timeline, corpus_popup
from geo.map.legend import Legend
from geo.gazetteer.kinds import feature_class_of
from geo.map.places import place_kind
from geo.map.render import base_map_page, number_elements, view_bounds, with_security_policy
from geo.map.search import PlaceSearch

__all__ = ["CorpusMapOptions", "CorpusMapResult", "render_corpus_map", "summarize"]


@dataclass
class CorpusMapOptions:
    """How a corpus map is drawn (the ``geo map --from`` options)."""

    title: str = "Places in the news"
    offline: bool = False     #: no tiles: nothing is fetched when the page is viewed
    cluster: bool = True      #: cluster nearby markers
    heat: bool = True         #: add the heat layer of mentions


@dataclass
class CorpusMapResult:
    """What was written."""

    path: Path
    places: int
    mentions: int
    articles: int
    periods: int              #: stops of the time slider (0: no dates, no slider)
    unit: str | None          #: "week" or "month"
    size_bytes: int

    def summary(self) -> str:
        """The line ``geo map --from`` prints."""
        time = f", a time slider of {self.periods} {self.unit}{'s' if self.periods != 1 else ''}" if self.periods else ", no dates"
        return (f"wrote {self.path} ({self.size_bytes / 1e6:.1f} MB): {self.places:,} places, {self.mentions:,} mentions "
                f"in {self.articles:,} articles{time}")


def place_details(places: Sequence[CorpusPlace], gazetteer: Gazetteer) -> list[CorpusPlace]:
    """The places with the gazetteer's name, position, kind, division and country (as an article map
    draws them); a place the gazetteer does not hold (another build) keeps the dataset's, its kind
    guessed from the feature code. Most articles first, then by name, then id."""
    for p in places:
        found = gazetteer.place(p.geonameid)
        if found is not None:
            p.name, p.lat, p.lon, p.feature_code = found.name, found.lat, found.lon, found.feature_code
            p.admin1, p.country, p.country_code = found.admin1 or "", found.country or "", found.country_code or ""
            p.kind = place_kind(found.feature_class, found.feature_code)
        else:
            p.kind = place_kind(feature_class_of(p.feature_code), p.feature_code)
    return sorted(places, key=lambda p: (-p.articles, p.name, p.geonameid))


def period_totals(summary: CorpusSummary) -> list[int]:
    """The mentions of each period, over every place (the time slider's bar chart)."""
    totals = [0] * (len(summary.periods.starts) if summary.periods else 0)
    for p in summary.places:
        for index, mentions, _articles in p.periods:
            totals[index] += mentions
    return totals


def main_countries(places: Sequence[CorpusPlace], share: float = 0.1, most: int = 6) -> set[str]:
    """The countries whose divisions the basemap draws: those holding at least ``share`` of the mentions
    (at most ``most``). An article map draws the divisions of every country it names; a corpus names
    most of the world, and every country's divisions would add megabytes for little.

    >>> ua = CorpusPlace(1, "Izium", 49.2, 37.3, "PPLA2", "UA", "", 90, 9)
    >>> sorted(main_countries([ua, CorpusPlace(2, "Riga", 56.9, 24.1, "PPLC", "LV", "", 10, 5)], share=0.2))
    ['UA']
    """
    mentions: dict[str, int] = {}
    for p in places:
        if p.country_code:
            mentions[p.country_code] = mentions.get(p.country_code, 0) + p.mentions
    total = sum(mentions.values())
    ranked = sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))
    return {code for code, n in ranked[:most] if n >= share * total}


def build_corpus_figure(summary: CorpusSummary, gazetteer: Gazetteer, options: CorpusMapOptions) -> folium.Figure:
    """The corpus map page as a folium Figure (not yet rendered); ``summary.places`` already detailed."""
    places = summary.places
    figure, m = base_map_page(options.title, load_assets("heat"), places, main_countries(places),
                              gazetteer, offline=options.offline)

    dated = summary.periods is not None
    m.add_child(CorpusPlacesLayer(places, popup_of=lambda p: corpus_popup(p, dated=dated), cluster=options.cluster))
    if options.heat:
        m.add_child(HeatLayer())
    if dated:
        m.add_child(Timeline(summary.periods, period_totals(summary), summary.undated_articles))
    folium.LayerControl(collapsed=True).add_to(m)
    m.add_child(PlaceSearch())
    notes = ["The heat map: where the mentions are, each place weighted by the logarithm of its mentions."] if options.heat else []
    if dated:
        notes.append(f"The slider shows one {summary.periods.unit} at a time (leftmost: all dates), the markers counting its articles.")
    m.add_child(Legend(claims=False, shapes=False, notes=notes))
    m.add_child(Startup(view_bounds(places)))
    number_elements(figure)
    return figure


def render_corpus_map(summary: CorpusSummary, gazetteer: Gazetteer, output: Path, options: CorpusMapOptions | None = None) -> CorpusMapResult:
    """Write the corpus map ``output`` (one self-contained HTML file), atomically; the same dataset and
    options give the same bytes."""
    options = options or CorpusMapOptions()
    output = Path(output)
    atomic.check_writable(output)
    summary.places = place_details(summary.places, gazetteer)
    html = with_security_policy(build_corpus_figure(summary, gazetteer, options).render(), options.offline)
    try:
        atomic.write_atomic(output, html)
    except OSError as exc:
        raise GeoError(f"cannot write the map: {exc.filename or output}: {exc.strerror or exc}") from None
    periods = len(summary.periods.starts) if summary.periods else 0
    return CorpusMapResult(output, len(summary.places), summary.mentions, summary.articles, periods,
                           summary.periods.unit if summary.periods else None, len(html.encode("utf-8")))
