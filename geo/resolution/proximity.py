"""Distances from a name's candidates to the places an article resolved (:class:`_Proximity`), and the
settlements resolved near each span (:func:`_local_points`)."""
from __future__ import annotations

import bisect
import math
from collections.abc import Collection, Iterable

from geo.document import Span
from geo.gazetteer import Candidate
from geo.resolution.senses import _Senses
from geo.text.sentences import paragraphs, sentences_of

_EARTH_KM = 6371.0088
_exp, _sqrt = math.exp, math.sqrt

_Point = tuple[str, float, float]   # (name, lat, lon) of a place an article resolved
class _Proximity:
    """Distances from candidates to the places an article resolved, for one article: the
    resolver's hot loop.

    The places are numbered (columns) as they come; each (candidate, place) distance is computed
    once, however many spans, contexts and passes ask for it.
    """

    def __init__(self) -> None:
        self._column: dict[tuple[float, float], int] = {}   # (lat, lon) of a place -> its column
        self._coords: list[tuple[float, float]] = []          # (lat, lon) in radians, by column
        self._tables: dict[int, _Distances] = {}              # id(senses) -> their distances
        # id(points) -> (the points, kept so the id stays theirs; column -> its one name, None when several;
        # norm -> its columns; every column, in order; the names alone at a column)
        self._sets: dict[int, tuple] = {}

    def columns(self, points: Collection[_Point], norm: str) -> tuple[int, ...]:
        """The columns of the (name, lat, lon) ``points`` not named ``norm`` (a name does not
        support its own senses), each once, in order."""
        if not points:
            return ()
        known = self._sets.get(id(points))
        if known is None or known[0] is not points:
            named: dict[int, str | None] = {}   # column -> the one name placed there (None: several)
            for name, lat, lon in points:
                column = self._add(lat, lon)
                named[column] = name if named.get(column, name) == name else None
            # (the columns of every name; a name's own are those no other name shares)
            known = self._sets[id(points)] = (points, named, {}, tuple(sorted(named)), frozenset(named.values()))
        if norm not in known[4]:
            return known[3]   # (no place is named only so: every column)
        columns = known[2].get(norm)
        if columns is None:
            columns = known[2][norm] = tuple(column for column in known[3] if known[1][column] != norm)
        return columns

    def _add(self, lat: float, lon: float) -> int:
        column = self._column.get((lat, lon))
        if column is None:
            column = self._column[(lat, lon)] = len(self._coords)
            self._coords.append((math.radians(lat), math.radians(lon)))
        return column

    def add_nearness(self, scores: list[float], senses: _Senses, columns: tuple[int, ...], weight: float, scale: float) -> None:
        """Add ``weight * exp(-d / scale)`` to the score of each candidate proximity counts for
        (:attr:`_Senses.located`), ``d`` the distance (km) to the nearest place of these (non-empty) ``columns``."""
        table = self._tables.get(id(senses))
        if table is None:
            table = self._tables[id(senses)] = _Distances(senses)
        every = table.columns
        if len(every) < len(self._coords):
            table.extend(self._coords)
        # the distance (km) from each candidate to the nearest of these places
        if len(columns) == 1:
            nearest: Iterable[float] = every[columns[0]]
        else:
            nearest = map(min, *(every if len(columns) == len(every) else [every[c] for c in columns]))
        for k, km in zip(senses.positions, nearest):
            scores[k] += weight * _exp(-km / scale)


#: How many distances a name keeps across articles (columns times candidates; then it starts afresh).
_DISTANCES_KEPT = 50_000


class _Distances:
    """The distances (km) from a name's located candidates to an article's places, a
    column per place (a value per candidate), extended as places come. A column is computed once
    per name and place, and kept with the name's senses: the same places recur across articles."""

    __slots__ = ("senses", "columns")

    def __init__(self, senses: _Senses) -> None:
        self.senses = senses   # (kept: its id, the table's key, stays its own)
        self.columns: list[tuple[float, ...]] = []

    def extend(self, coords: list[tuple[float, float]]) -> None:
        """Add the columns of the places in ``coords`` (lat, lon in radians) not yet in the table.

        Equirectangular, longitudes wrapped: within the few hundred kilometres where proximity
        counts it is within a few percent of the geodesic.
        """
        known, located = self.senses.distances, self.senses.located
        if len(known) * len(located) > _DISTANCES_KEPT:
            known.clear()
        pi, tau = math.pi, 2 * math.pi
        for point in coords[len(self.columns):]:
            column = known.get(point)
            if column is None:
                lat, lon = point
                # (** 2.0 is x ** 2 without converting the 2, the same libm pow; x * x is not: about one
                # square in a thousand differs from it in the last bit. Kilometres, not the squared
                # angle: worked out once per name and place, not per score; and the nearest place by
                # either is the same, the conversion being monotonic)
                column = known[point] = tuple([
                    _EARTH_KM * _sqrt((lat - lat0) ** 2.0 + (cos0 * ((lon - lon0 + pi) % tau - pi)) ** 2.0)
                    for lat0, lon0, cos0 in located])
            self.columns.append(column)


def sentence_areas(text: str, spans: list[Span], senses: list[_Senses], sure: list[list[tuple[float, Candidate]]],
                   home: frozenset[str]) -> dict[int, frozenset[str]]:
    """For each span, the countries ("US") and first-level divisions ("US.OR") of the places the other
    names of its sentence surely resolved to (``sure``: their rankings, [] where unsure), other than
    the article's ``home`` ones, which the article's context weighs already: "Forecasters in Oregon
    said temperatures in Portland climbed" puts Portland in Oregon in a story from Maine. A sentence
    that names a place at home too ("tours in Texas and Florida" in a Texas story) is about no other
    area: none."""
    out: dict[int, frozenset[str]] = {}
    placed = [(s, r[0][1].place.is_country, *_areas(r[0][1].place)) for s, r in zip(spans, sure) if r]
    away = [(s.start, country, region) for s, is_country, country, region in placed
            if not (country in home and (is_country or region in home))]
    areas_away = {a for _, country, region in away for a in (country, region) if a}
    # the areas each name's places lie in, for a name some of whose places lie away (a name none of whose
    # places lies in those areas takes nothing from them; what it takes is only its places' areas: its
    # rankings stay shared with the name's other spans wherever they can)
    reach = {s.start: own for s, x in zip(spans, senses) if len(x.cands) > 1
             and (own := {c.place.country_code for c in x.cands} | set(x.regions)) & areas_away}
    if not reach:
        return out   # (every place at home, or no name that may lie away: no sentence is about another area)
    # only the paragraphs that hold both are split into sentences (the others' spans take nothing):
    # most of the cost of a long article's sentences is spared
    bounds = [sentence for start, end in paragraphs(text) if any(start <= a < end for a, _, _ in away)
              and any(start <= o < end for o in reach) for sentence in sentences_of(text, start, end)]
    starts = [s for s, _ in bounds]

    def sentence(offset: int) -> int:
        k = bisect.bisect_right(starts, offset) - 1
        return k if k >= 0 and offset < bounds[k][1] else -1   # (-1: in no sentence split)

    members: dict[int, list[tuple[str, str, str | None]]] = {}   # sentence -> (norm, country, region) of its places
    for s, _, country, region in placed:
        members.setdefault(sentence(s.start), []).append((s.norm, country, region))
    members.pop(-1, None)
    for s in spans:
        others = [(country, region) for norm, country, region in members.get(sentence(s.start), ()) if norm != s.norm]
        if any((region or country) in home for country, region in others):
            continue
        own = reach.get(s.start)
        areas = frozenset(a for pair in others for a in pair if a and a not in home and a in own) if own else None
        if areas:
            out[s.start] = areas
    return out


def _areas(place) -> tuple[str, str | None]:
    """A place's country and first-level division ("US", "US.OR"; no division for a country, or a place of none)."""
    return place.country_code, f"{place.country_code}.{place.admin1_code}" if place.admin1_code and not place.is_country else None


def _local_points(spans: list[Span], scored: list[list[tuple[float, Candidate]]],
                  window: int = 200) -> dict[int, frozenset[tuple[str, float, float]]]:
    """For each span with a ranking, the settlements resolved within ``window`` characters of it."""
    points = [(s.start, s.norm, r[0][1].place) for s, r in zip(spans, scored) if r and r[0][1].place.feature_class == "P"]
    if not points:
        return {}
    points.sort(key=lambda x: x[0])
    starts = [start for start, _, _ in points]
    out = {}
    windows: dict[tuple[int, int], frozenset] = {}   # neighbouring spans often see the same settlements: one set for them
    for s, r in zip(spans, scored):  # by bisection: a scan of every point per span is quadratic in a long text
        if not r:
            continue   # (not a place: nothing to score)
        lo, hi = bisect.bisect_left(starts, s.start - window), bisect.bisect_right(starts, s.start + window)
        near = windows.get((lo, hi))
        if near is None:
            near = windows[(lo, hi)] = frozenset((norm, p.lat, p.lon) for _, norm, p in points[lo:hi])
        out[s.start] = near
    return out


