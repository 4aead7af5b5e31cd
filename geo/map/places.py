"""One map place per resolved GeoNames place, gathering every mention of it across the articles."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from geo.document import Document, Mention
from geo.gazetteer import Gazetteer, Place
from geo.gazetteer.kinds import feature_class_of
from geo.gazetteer.kinds import place_kind as gazetteer_kind

#: The kinds a place is drawn as; the legend lists them in this order.
KINDS = ("settlement", "region", "country", "river", "other")
#: The gazetteer's kinds (geo.gazetteer.kinds) as the map draws them.
_DRAWN_AS = {"division": "region", "continent": "region", "water body": "other"}


def place_kind(feature_class: str, feature_code: str) -> str:
    """The map kind of a GeoNames feature: the gazetteer's kind, with divisions and continents drawn as
    regions and water bodies as other places.

    >>> place_kind("P", "PPLA"), place_kind("A", "ADM1"), place_kind("A", "PCLI"), place_kind("H", "STM")
    ('settlement', 'region', 'country', 'river')
    >>> place_kind("L", "RGN"), place_kind("T", "PEN"), place_kind(feature_class_of("STM"), "STM")
    ('region', 'other', 'river')
    """
    kind = gazetteer_kind(feature_class, feature_code)
    return _DRAWN_AS.get(kind, kind)


@dataclass
class MappedPlace:
    """A resolved place and where the articles mention it."""

    geonameid: int
    name: str
    lat: float
    lon: float
    kind: str
    feature_code: str = ""
    admin1: str = ""
    country: str = ""
    country_code: str = ""
    #: document index -> that article's mentions of the place, in text order
    mentions: dict[int, list[Mention]] = field(default_factory=dict)

    @property
    def articles(self) -> list[int]:
        return sorted(self.mentions)

    @property
    def mention_count(self) -> int:
        return sum(len(m) for m in self.mentions.values())

    @property
    def label(self) -> str:
        """The name as the articles write it most often (on a tie the place's own name, else the first
        written); the place's own name when no mention gives one (a popup's heading, a label)."""
        counts: dict[str, int] = {}
        for ms in self.mentions.values():
            for m in ms:
                text = " ".join(m.text.split())
                if text:
                    counts[text] = counts.get(text, 0) + 1
        if not counts:
            return self.name
        return max(counts, key=lambda t: (counts[t], t == self.name))

    @property
    def spellings(self) -> list[str]:
        """The distinct ways the articles write the name, other than the place's own name."""
        seen = {self.name.casefold()}
        out = []
        for ms in self.mentions.values():
            for m in ms:
                key = m.text.casefold()
                if key not in seen:
                    seen.add(key)
                    out.append(m.text)
        return out


def _from_place(place: Place) -> MappedPlace:
    return MappedPlace(place.geonameid, place.name, place.lat, place.lon, place_kind(place.feature_class, place.feature_code),
                       place.feature_code, place.admin1 or "", place.country or "", place.country_code or "")


def _from_mention(m: Mention) -> MappedPlace | None:
    # A place the gazetteer does not hold (e.g. another build): the mention carries enough to draw it.
    if m.lat is None or m.lon is None:
        return None
    code = m.feature_code or ""
    return MappedPlace(m.geonameid, m.name or m.text, m.lat, m.lon, place_kind(feature_class_of(code), code), code, m.admin1 or "",
                       "", m.country_code or "")


def aggregate_places(documents: Sequence[Document], gazetteer: Gazetteer) -> list[MappedPlace]:
    """Every resolved place of ``documents``, most-mentioned first (then by name, then id)."""
    places: dict[int, MappedPlace] = {}
    for index, doc in enumerate(documents):
        for m in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
            if m.geonameid is None:
                continue
            mp = places.get(m.geonameid)
            if mp is None:
                place = gazetteer.place(m.geonameid)
                mp = _from_place(place) if place else _from_mention(m)
                if mp is None:
                    continue
                places[m.geonameid] = mp
            mp.mentions.setdefault(index, []).append(m)
    return sorted(places.values(), key=lambda p: (-len(p.mentions), p.name, p.geonameid))
