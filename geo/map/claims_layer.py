"""The claims layer and panel: what the articles say about geography, drawn and listed by verdict.

Distance and direction claims (and "near") are a line from the anchor to the subject, labelled with
the stated and the measured distance and bearing; containment and proximity claims show the region
they name (its outline only, never filled: a filled area reads as territory held) and the subject in
it. Colours come from the verdict (map.css); inconsistent claims are drawn on top. The panel lists the
conflicts between articles (``geo check``'s), then every claim, inconsistent ones first; a claim with
nothing to draw (a unit conversion) is listed only.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from branca.element import MacroElement
from folium.map import Layer
from markupsafe import Markup
from shapely import Point

from geo.claims.geodesy import bearing, compass, distance
from geo.claims.units import format_number
from geo.document import Claim, Document
from geo.gazetteer import Gazetteer
from geo.map.geometry import to_geojson
from geo.map.pages import ArticleEntry, claim_anchor
from geo.map.templating import template

LINE_TYPES = ("distance_direction", "direction", "near")
REGION_TYPES = ("containment", "proximity")
VERDICT_ORDER = {"inconsistent": 0, "unverifiable": 1, "consistent": 2}
#: Simplification of a claim's region (degrees, about 500 m): drawn, never measured.
REGION_TOLERANCE = 0.005


@dataclass
class MappedClaim:
    """A claim with what the map draws for it."""

    index: int                       #: position in the panel (inconsistent first)
    claim: Claim
    entry: ArticleEntry
    line: list[list[float]] | None = None      #: [[lat, lon] of the anchor, [lat, lon] of the subject]
    point: list[float] | None = None           #: the subject, when no line is drawn
    region: dict | None = None                 #: GeoJSON of the region a claim names
    stated: str = ""
    measured: str = ""
    label: str | None = None                   #: the line's label; None on a repeat of the same line

    @property
    def verdict(self) -> str:
        return self.claim.verdict if self.claim.verdict in VERDICT_ORDER else "unverifiable"

    @property
    def drawn(self) -> bool:
        return bool(self.line or self.point or self.region)


def describe_stated(stated: dict) -> str:
    """A stated claim in a few words.

    >>> describe_stated({"distance": 37, "unit": "mi", "direction": "E"})
    '37 mi E'
    >>> describe_stated({"value": 3000, "unit": "km2", "converted": 1864, "converted_unit": "mi"})
    '3,000 km2 = 1,864 mi'
    >>> describe_stated({"relation": "outskirts"}), describe_stated({"population": 27000})
    ('outskirts', 'population 27,000')
    """
    s = dict(stated or {})
    if "distance" in s:
        text = f"{_number(s.pop('distance'))} {s.pop('unit', '')}".strip()
        if "direction" in s:
            text += f" {s.pop('direction')}"
        return text
    if "value" in s and "converted" in s:
        return f"{_number(s['value'])} {s.get('unit', '')} = {_number(s['converted'])} {s.get('converted_unit', '')}".strip()
    if "population" in s:
        return f"population {_number(s['population'])}"
    return ", ".join(f"{v}" if k in ("relation", "direction", "region", "country") else f"{k} {v}" for k, v in s.items())


def describe_measured(measured: dict) -> str:
    """What the claims check measured, in a few words.

    >>> describe_measured({"distance_km": 52.2, "distance_mi": 32.4, "bearing_deg": 122.4, "compass": "ESE"})
    '52 km (32 mi), 122° ESE'
    >>> describe_measured({"inside": False, "distance_km": 293.2, "distance_mi": 182.2, "limit_km": 25.0})
    'outside, 293 km (182 mi)'
    >>> describe_measured({"expected": 1158.3, "expected_unit": "mi2", "length_reading": 1864.1})
    'expected 1,158 mi2'
    >>> describe_measured({"reason": "vague wording"}), describe_measured({"population": 27169})
    ('vague wording', 'population 27,169')
    """
    m = measured or {}
    parts = []
    if "inside" in m:
        parts.append("inside" if m["inside"] else "outside")
    if "distance_km" in m:
        text = f"{_number(m['distance_km'])} km"
        if "distance_mi" in m:
            text += f" ({_number(m['distance_mi'])} mi)"
        if "bearing_deg" in m:
            text += f", {m['bearing_deg']:.0f}°" + (f" {m['compass']}" if m.get("compass") else "")
        parts.append(text)
    if "edge_distance_km" in m:
        parts.append(f"{_number(m['edge_distance_km'])} km from the edge")
    if "population" in m:
        parts.append(f"population {_number(m['population'])}")
    if "expected" in m:
        parts.append(f"expected {_number(m['expected'])} {m.get('expected_unit', '')}".strip())
    if "reason" in m and not parts:
        parts.append(str(m["reason"]))
    return ", ".join(parts)


def _number(value) -> str:
    return format_number(float(value)) if isinstance(value, (int, float)) else str(value)


def _point(gazetteer: Gazetteer, refs) -> list[float] | None:
    for ref in refs:
        place = gazetteer.place(ref.geonameid)
        if place is not None:
            return [round(place.lat, 5), round(place.lon, 5)]
    return None


def _region(gazetteer: Gazetteer, refs) -> dict | None:
    """The most specific (smallest) region among the claim's anchors."""
    shapes = [g for g in (gazetteer.geometry(r.geonameid) for r in refs) if g is not None and g.geom_type.endswith("Polygon")]
    if not shapes:
        return None
    return to_geojson(min(shapes, key=lambda g: g.area), tolerance=REGION_TOLERANCE)


@dataclass
class MappedConflict:
    """Two claims, from different articles, about one place that cannot both be right (geo.claims.conflicts)."""

    index: int
    claims: tuple[MappedClaim, MappedClaim]
    places: list[int]                #: the geonameids of the place they disagree about

    @property
    def articles(self) -> list[int]:
        return sorted({mc.entry.index for mc in self.claims})

    @property
    def name(self) -> str:
        return self.claims[0].claim.subject[0].name if self.claims[0].claim.subject else ""


def map_conflicts(documents: Sequence[Document], claims: Sequence[MappedClaim]) -> list[MappedConflict]:
    """The conflicts between articles among ``documents``' claims, each with its two mapped claims."""
    from geo.claims import conflicts

    by_claim = {(mc.claim.article, mc.claim.start, mc.claim.end, mc.claim.type): mc for mc in claims}
    out = []
    for found in conflicts(list(documents)):
        pair = tuple(by_claim.get((c.article, c.start, c.end, c.type)) for c in found.claims)
        if None in pair:
            continue
        out.append(MappedConflict(len(out), pair, [r.geonameid for r in found.subject]))
    return out


def map_claims(documents: Sequence[Document], entries: Sequence[ArticleEntry], gazetteer: Gazetteer) -> list[MappedClaim]:
    """Every claim of ``documents``, inconsistent first, with its geometry."""
    found = [(i, c) for i, doc in enumerate(documents) for c in doc.claims]
    found.sort(key=lambda ic: (VERDICT_ORDER.get(ic[1].verdict, 1), ic[0], ic[1].start, ic[1].end))
    out: list[MappedClaim] = []
    labelled: set[tuple] = set()
    for n, (i, claim) in enumerate(found):
        mc = MappedClaim(n, claim, entries[i], stated=describe_stated(claim.stated),
                         measured=describe_measured(claim.measured))
        subject, anchor = _point(gazetteer, claim.subject), _point(gazetteer, claim.anchor)
        if claim.type in LINE_TYPES and subject and anchor:
            mc.line = [anchor, subject]
            a, b = Point(anchor[1], anchor[0]), Point(subject[1], subject[0])
            deg = bearing(a, b)
            # The check's own figures when it gives them, else the drawn line's.
            line_text = mc.measured if "km" in mc.measured else f"{distance(a, b)}, {deg:.0f}° {compass(deg)}"
            mc.measured = line_text
            key = (tuple(map(tuple, mc.line)), mc.stated, mc.verdict)
            if key not in labelled:
                labelled.add(key)
                mc.label = f"stated {mc.stated} · measured {line_text}"
        else:
            if claim.type in REGION_TYPES:
                mc.region = _region(gazetteer, claim.anchor)
            mc.point = subject
        out.append(mc)
    return out


def claim_record(mc: MappedClaim, pages_href: str) -> dict:
    """What the page's script needs of a claim: ``a`` its article (the filter), ``row`` its fields for the
    claims download; the popup is escaped HTML."""
    c = mc.claim
    row = {"verdict": mc.verdict, "type": c.type, "quote": c.quote, "subject": "; ".join(r.name for r in c.subject),
           "subject_ids": " ".join(str(r.geonameid) for r in c.subject), "anchor": "; ".join(r.name for r in c.anchor),
           "anchor_ids": " ".join(str(r.geonameid) for r in c.anchor), "stated": mc.stated, "measured": mc.measured,
           "explanation": c.explanation or "", "start": c.start, "end": c.end}
    return {"i": mc.index, "verdict": mc.verdict, "a": mc.entry.index, "line": mc.line, "point": mc.point,
            "region": mc.region, "label": mc.label, "drawn": mc.drawn, "row": row,
            "popup": template("claim_popup.html").render(mc=mc, href=claim_href(mc, pages_href)) if mc.drawn else ""}


def claim_href(mc: MappedClaim, pages_href: str) -> str:
    return f"{pages_href}/{mc.entry.page}#{claim_anchor(mc.claim)}"


class ClaimsLayer(Layer):
    """The drawn claims, an overlay of the layer control."""

    _template = template("claims.js")

    def __init__(self, claims: Sequence[MappedClaim], pages_href: str, *, name: str = "Claims"):
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "ClaimsLayer"
        self.data = [claim_record(mc, pages_href) for mc in claims]


class ClaimsPanel(MacroElement):
    """The list of every claim with its verdict, inconsistent first, as a map control."""

    _template = template("claims_panel.js")

    def __init__(self, claims: Sequence[MappedClaim], pages_href: str, conflicts: Sequence[MappedConflict] = ()):
        super().__init__()
        self._name = "ClaimsPanel"
        counts = {v: sum(1 for mc in claims if mc.verdict == v) for v in VERDICT_ORDER}
        self.panel = Markup(template("claims_panel.html").render(
            claims=claims, counts=counts, conflicts=conflicts, href=lambda mc: claim_href(mc, pages_href)))
