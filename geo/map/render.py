"""Assemble the map page from its parts and write it with its article pages.

    places.py        mentions -> one MappedPlace per resolved place
    pages.py         the local article pages (and the entries every part shows of an article)
    popups.py        a place's popup
    places_layer.py  markers and shapes          claims_layer.py  claims drawn, conflicts, and the panel
    basemap.py       Natural Earth, offline      filter.py        articles, sources, dates shown; downloads
    placement.py     label points, first view    labels.py        place and town names
    search.py, legend.py, core.py                assets.py        Leaflet, inlined
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import folium
from branca.element import Element
from folium.utilities import JsCode

from geo.atomic import Staged
from geo.document import Document
from geo.errors import GeoError, InputError
from geo.gazetteer import Gazetteer
from geo.map.assets import InlineAssets, load_assets
from geo.map.basemap import Basemap, basemap_features
from geo.map.claims_layer import ClaimsLayer, ClaimsPanel, MappedClaim, map_claims, map_conflicts
from geo.map.core import GeoMap, MapCore, Startup
from geo.map.filter import ArticleFilter
from geo.map.geometry import expand
from geo.map.labels import Labels, area_towns
from geo.map.legend import Legend
from geo.map.output import check_map_writable, prune
from geo.map.pages import ArticleEntry, article_entries, map_href_from_page, render_page
from geo.map.placement import bounds_of, place_at_label_points, story_bounds
from geo.map.places import MappedPlace, aggregate_places
from geo.map.places_layer import PlacesLayer
from geo.map.popups import SentenceIndex, render_popup
from geo.map.safety import escape_html
from geo.map.search import PlaceSearch

LAYER_BY = ("auto", "article", "source")
#: The tiles shown online (never in an --offline map).
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


@dataclass
class MapOptions:
    """How a map is drawn (a recipe's ``[map]`` keys, the ``geo map`` options)."""

    title: str = "Places in the news"
    offline: bool = False        #: no tiles: nothing is fetched when the page is viewed
    cluster: bool = True         #: cluster nearby markers
    layer_by: str = "auto"       #: the filter lists titles grouped by source ("article"), sources ("source"), or "auto"

    def __post_init__(self):
        if self.layer_by not in LAYER_BY:
            raise InputError(f"layer_by must be one of {', '.join(LAYER_BY)}, not {self.layer_by!r}")


@dataclass
class MapResult:
    """What was written."""

    path: Path
    pages: list[Path] = field(default_factory=list)
    places: int = 0
    mentions: int = 0
    claims: int = 0
    size_bytes: int = 0


def view_bounds(places: Sequence[MappedPlace], trim: bool = True) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the places the view fits.

    Countries and continents are left out (their points are centroids, often far from what the
    articles are about), and with ten places or more only the middle 80% of latitudes and
    longitudes count, so that one capital far away does not zoom the map out to a continent.
    """
    local = [p for p in places if p.kind != "country" and p.feature_code != "CONT"] or list(places)
    if not local:
        return None
    lats, lons = sorted(p.lat for p in local), sorted(p.lon for p in local)
    cut = len(local) // 10 if trim and len(local) >= 10 else 0
    lats, lons = lats[cut:len(lats) - cut], lons[cut:len(lons) - cut]
    return [[lats[0], lons[0]], [lats[-1], lons[-1]]]


def base_map_page(title: str, assets, places, countries: set[str], gazetteer: Gazetteer, *,
                  offline: bool) -> tuple[folium.Figure, GeoMap]:
    """The page and map every geo map starts from: inlined assets, the map core, the Natural Earth
    basemap around ``places`` (division borders of ``countries``) and, online, OpenStreetMap tiles."""
    figure = folium.Figure(title=str(escape_html(title)))
    figure.header.add_child(InlineAssets(assets), name="geo_assets")
    m = GeoMap(location=[0, 0], zoom_start=2, tiles=None, control_scale=True)
    # With no tile layer Leaflet knows no zoom range, and the marker clusters need one.
    m.options.update(min_zoom=1, max_zoom=18)
    # Readers who ask their system for reduced motion get no zoom and fade animations.
    motion = JsCode("!window.matchMedia('(prefers-reduced-motion: reduce)').matches")
    m.options.update(zoom_animation=motion, fade_animation=motion, marker_zoom_animation=motion)
    figure.add_child(m)
    m.add_child(MapCore(title))

    extent = view_bounds(places, trim=False)
    features = []
    if extent:
        bbox = (extent[0][1], extent[0][0], extent[1][1], extent[1][0])
        features = basemap_features(gazetteer, bbox, countries)
    m.add_child(Basemap(features, show=offline))
    if not offline:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap", max_zoom=19).add_to(m)
    return figure, m


def build_figure(documents: Sequence[Document], gazetteer: Gazetteer, options: MapOptions, pages_href: str, *,
                 entries: Sequence[ArticleEntry], places: Sequence[MappedPlace], stem: str = "map",
                 claims: Sequence[MappedClaim] | None = None) -> folium.Figure:
    """The map page as a folium Figure (not yet rendered)."""
    if claims is None:
        claims = map_claims(documents, entries, gazetteer)
    conflicts = map_conflicts(documents, claims)
    sentences = SentenceIndex(documents)
    about: dict[int, list] = {}
    for c in conflicts:
        for gid in dict.fromkeys(c.places):
            about.setdefault(gid, []).append(c)

    figure, m = base_map_page(options.title, load_assets(), places, {p.country_code for p in places},
                              gazetteer, offline=options.offline)

    def popup_of(place: MappedPlace) -> str:
        return render_popup(place, entries, documents, sentences, pages_href, about.get(place.geonameid, ()))

    m.add_child(PlacesLayer(places, popup_of=popup_of, gazetteer=gazetteer, cluster=options.cluster,
                            conflicts_of=lambda p: [c.index for c in about.get(p.geonameid, ())],
                            conflict_articles=[c.articles for c in conflicts]))
    m.add_child(ClaimsLayer(claims, pages_href))
    folium.LayerControl(collapsed=True).add_to(m)
    m.add_child(PlaceSearch())
    m.add_child(ArticleFilter(entries, pages_href, by=options.layer_by, name=stem))
    m.add_child(Legend(clusters=options.cluster, conflicts=bool(conflicts)))
    m.add_child(ClaimsPanel(claims, pages_href, conflicts))
    story = story_bounds(places)
    m.add_child(Labels(_towns(gazetteer, story, places) if options.offline else []))
    m.add_child(Startup(story, bounds_of(places)))
    number_elements(figure)
    return figure


def _towns(gazetteer: Gazetteer, story, places: Sequence[MappedPlace]) -> list[list]:
    """The basemap's town labels: the larger towns around the story, less those the articles name."""
    if not story:
        return []
    area = expand((story[0][1], story[0][0], story[1][1], story[1][0]), 1.0, 2.0)
    named = {n.casefold() for p in places for n in (p.name, p.label)}
    return [t for t in area_towns(gazetteer, area) if t[0].casefold() not in named]


def number_elements(root: Element) -> None:
    """Give every element a sequential id: folium's random ones would change the bytes on every run."""
    counter = 0

    def visit(el: Element) -> None:
        nonlocal counter
        counter += 1
        el._id = f"{counter:04d}"
        for attr in ("header", "html", "script"):
            part = getattr(el, attr, None)
            if isinstance(part, Element) and part is not el:
                visit(part)
        for child in list(el._children.values()):
            visit(child)

    visit(root)


_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def with_security_policy(html: str, offline: bool) -> str:
    """Add a Content-Security-Policy that lets only this page's own scripts run (by their hashes).

    Defence in depth: input is escaped everywhere already; with this even an escaping slip could not
    run a script, and an offline map cannot fetch anything.
    """
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
                     for s in _SCRIPT.findall(html)})
    images = "data:" if offline else "data: https://tile.openstreetmap.org"
    policy = (f"default-src 'none'; script-src {' '.join(hashes)}; style-src 'unsafe-inline'; img-src {images}; "
              "base-uri 'none'; form-action 'none'")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n<meta name="referrer" content="no-referrer">\n'
    head = html.index("<head>") + len("<head>\n")
    return html[:head] + meta + html[head:]


def render_map(documents: Sequence[Document], gazetteer: Gazetteer, output: Path, options: MapOptions | None = None) -> MapResult:
    """Write the map ``output`` (``NAME.html``) and its article pages (``NAME/articles/*.html``).

    Every file is written to a temporary file first; then the pages are renamed into place, then
    the map (which never links to a page not yet there); the same documents and options give the
    same bytes.
    """
    options = options or MapOptions()
    output = Path(output)
    check_map_writable(output)
    stem = output.stem
    pages_dir = output.parent / stem / "articles"
    pages_href = quote(stem) + "/articles"

    entries = article_entries(documents)
    places = aggregate_places(documents, gazetteer)
    story = story_bounds(places)
    near = expand((story[0][1], story[0][0], story[1][1], story[1][0]), 0.6, 4.0) if story else None
    place_at_label_points(places, gazetteer, near)
    claims = map_claims(documents, entries, gazetteer)
    on_map = {(mc.entry.index, mc.claim.start, mc.claim.end, mc.claim.type): mc.index for mc in claims}
    figure = build_figure(documents, gazetteer, options, pages_href, entries=entries, places=places, stem=stem, claims=claims)
    html = with_security_policy(figure.render(), options.offline)
    kinds = {p.geonameid: p.kind for p in places}
    map_href = map_href_from_page(output.name)
    result = MapResult(output)
    try:
        # Every file is written before any is renamed into place: a full disk or an interruption
        # while writing leaves the previous map and pages as they were.
        with Staged() as staged:
            for doc, entry in zip(documents, entries):
                page = pages_dir / entry.page
                numbers = {(c.start, c.end, c.type): on_map[(entry.index, c.start, c.end, c.type)] for c in doc.claims}
                staged.write(page, render_page(doc, entry, kinds=kinds, map_title=options.title, map_href=map_href,
                                               claim_numbers=numbers))
                result.pages.append(page)
            staged.write(output, html)
            staged.commit()
        if pages_dir.is_dir():      # once the new map is in place: the old one linked to these
            prune(pages_dir, (p.name for p in result.pages))
    except OSError as exc:
        raise GeoError(f"cannot write the map: {exc.filename or output}: {exc.strerror or exc}") from None
    result.places = len(kinds)
    result.mentions = sum(1 for d in documents for m in d.mentions if m.geonameid in kinds)
    result.claims = sum(len(d.claims) for d in documents)
    result.size_bytes = len(html.encode("utf-8"))
    return result
