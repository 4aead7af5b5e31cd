"""Choosing the place each span names: spans in, :class:`~geo.document.Mention` records out.

Each candidate gets a score from what is known before reading (its importance: population, feature
code, capital) and what the article says: the qualifier written with the name ("Kharkiv region"
is the oblast), the countries and regions the article names, the distance to the article's other
places, and explicit containers ("Riga, Latvia", "Izium in Kharkiv province"). A span is kept as a
place only when its context does not make it a person, an organisation or a title, and a weak
candidate (a village of 0 people named like a minister) needs the context to support it.

The confidence is the winner's share of the candidates' softmaxed scores, times how sure the
detection is; :mod:`geo.evaluation` measures how well it is calibrated.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from geo.document import Mention, Span
from geo.gazetteer import Candidate, Place
from geo.matching import COMMON_NAME_IMPORTANCE, COMMON_WORD_ZIPF, FUZZY_COUNTRIES, STRONG_COMMON_ZIPF, word_frequency
from geo.normalize import normalize_name
from geo.transliteration import translit_key

# Cues (from geo.matching) that make a span something other than a place.
NEGATIVE_CUES = frozenset({"organisation", "organisation_of", "role", "quoted_title", "person", "capital_after", "capital_before"})
# Cues that say a place is meant.
POSITIVE_CUES = frozenset({"dateline", "place_preposition", "place_noun", "appositive", "list", "in_after"})
# Feature classes and codes each qualifier admits.
_QUALIFIER_FITS = {
    "division": lambda p: (p.feature_class == "A" and not p.is_country) or p.feature_code in ("RGN", "AREA", "PEN"),
    "district": lambda p: p.feature_code in ("ADM2", "ADM3", "ADMD"),
    "river": lambda p: p.feature_class == "H" and p.feature_code.startswith("STM"),
    "water": lambda p: p.feature_class == "H",
    "settlement": lambda p: p.feature_class == "P",
}
_EARTH_KM = 6371.0088
TEMPERATURE = 0.12        # softmax temperature over candidate scores
WEAK_PRIOR = 0.45         # below this importance a bare name needs support from its context


@dataclass
class Detection:
    """Whether a span names a place, how sure that is, and why not."""

    ok: bool
    confidence: float = 0.0
    reason: str | None = None
    needs_country: bool = False   #: a place only if the article names (or is in) the place's country
    prior: float = 0.0            #: the best candidate's importance


@dataclass
class ArticleContext:
    """What the article's confidently resolved places say about where it is."""

    countries: Counter = field(default_factory=Counter)           # country code -> mentions
    regions: Counter = field(default_factory=Counter)             # "UA.07" -> mentions
    points: set[tuple[str, float, float]] = field(default_factory=set)  # (name, lat, lon) of settlements, regions
    country_names: dict[str, set[str]] = field(default_factory=dict)   # country code -> the names placing it

    def names_country_besides(self, country_code: str, norm: str) -> bool:
        """Whether a name other than ``norm`` puts the article in this country (a name is no evidence for itself)."""
        return bool(self.country_names.get(country_code, set()) - {norm})

    def add(self, place: Place, norm: str) -> None:
        if place.country_code:
            self.countries[place.country_code] += 1
            self.country_names.setdefault(place.country_code, set()).add(norm)
        if place.is_country or place.feature_code == "CONT":
            return
        if place.admin1_code and place.admin1_code != "00":
            self.regions[f"{place.country_code}.{place.admin1_code}"] += 1
        self.points.add((norm, place.lat, place.lon))


@lru_cache(maxsize=100_000)
def is_spelling_variant(name: str, own_name: str) -> bool:
    """Whether ``name`` spells ``own_name`` another way (Izium for Izyum, Balakliia for Balakliya)."""
    return translit_key(normalize_name(name)) == translit_key(normalize_name(own_name))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (sphere of the mean Earth radius): enough for ranking candidates."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


class Resolver:
    """Resolves the spans of one article against the gazetteer."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self._candidates = lru_cache(maxsize=100_000)(self._lookup)

    def _lookup(self, norm: str) -> tuple[Candidate, ...]:
        return tuple(self.gazetteer.candidates(norm))

    def candidates(self, span: Span) -> list[Candidate]:
        found = list(self._candidates(span.norm))
        for variant in span.variants:
            found += [c for c in self._candidates(variant) if c.place.geonameid not in {f.place.geonameid for f in found}]
        if span.method != "given":
            found = [c for c in found if c.kind != "demonym"]  # "Russian" is not a mention of Russia
        if span.method == "fuzzy":
            # a transliteration variant stands for a place of the countries it was matched in
            found = [c for c in found if c.place.country_code in FUZZY_COUNTRIES]
        fits = _QUALIFIER_FITS.get(span.qualifier or "")
        if fits is not None:
            fitting = [c for c in found if fits(c.place)]
            if fitting:
                return fitting
            if span.qualifier != "settlement":
                # "Kharkiv region" where the name is only a city's: the city's oblast is meant.
                return self._enclosing_divisions(found)
        return found

    def _enclosing_divisions(self, found: list[Candidate]) -> list[Candidate]:
        out = []
        for c in found[:3]:
            div = self.gazetteer.admin_division(f"{c.place.country_code}.{c.place.admin1_code}")
            if div is not None and div.geonameid not in {o.place.geonameid for o in out}:
                out.append(Candidate(div, c.name, "enclosing"))
        return out

    # -- detection ------------------------------------------------------------------------

    def is_place(self, span: Span, cands: list[Candidate], gold_span: bool = False) -> Detection:
        """Whether a span names a place, a detection confidence, and the reason when not."""
        if not cands:
            return Detection(False, reason="no place of that name in the gazetteer")
        if gold_span:
            return Detection(True, 1.0)
        cues = set(span.cues)
        prior = max(c.place.importance for c in cands)
        positive = bool(cues & POSITIVE_CUES) or span.qualifier is not None
        if "person" in cues and not (positive and prior >= 0.75) and span.qualifier is None:
            return Detection(False, reason="context makes it a person, not a place")  # "Lavrov said", not "in Kharkiv told"
        for cue in ("quoted_title", "role", "organisation", "organisation_of"):
            if cue in cues and span.qualifier is None:
                return Detection(False, reason=f"context makes it a {cue.replace('_of', '').replace('quoted_', '')}, not a place")
        if "capital_before" in cues and "dateline" not in cues \
                or "capital_after" in cues and not (span.qualifier or positive and prior >= 0.9) \
                or "capital_before_at_start" in cues and prior < 0.75 and not positive:
            return Detection(False, reason="part of a longer proper name (a person or an organisation)")
        needs_country = False
        if "dateline" not in cues and span.method == "exact":
            zipf = min(word_frequency(w) for w in span.norm.split())
            if zipf >= COMMON_WORD_ZIPF:
                # "We", "But", "March", "Police": only an important place known by that very name
                # survives (Washington, Paris); a division named like a word ("Texas", but also
                # Kuwait's "Capital") only in an article about its country.
                named = max((c.place.importance for c in cands if c.kind != "alternate"), default=0.0)
                if named >= 0.9 or (named >= 0.6 and positive and zipf < STRONG_COMMON_ZIPF):
                    pass
                elif named >= COMMON_NAME_IMPORTANCE:
                    needs_country = True
                else:
                    return Detection(False, reason="a common word, and no important place is called that")
            if span.text.isupper() and len(span.text) <= 4 and prior < 0.75:
                return Detection(False, reason="an abbreviation in capitals, and no important place is called that")
            if " " not in span.norm and prior < 0.6 and not positive and all(self._other_name(c) for c in cands):
                return Detection(False, reason="only another name (not a spelling) of a small place, and nothing says a place is meant")
        if prior < WEAK_PRIOR and not positive:
            return Detection(False, reason="only small places have this name and nothing around it says a place is meant")
        confidence = min(1.0, 0.55 + prior * 0.5 + (0.2 if positive else 0.0))
        if "sentence_start" in cues and not positive:
            confidence *= 0.9
        return Detection(True, confidence, needs_country=needs_country, prior=prior)

    @staticmethod
    def _other_name(c: Candidate) -> bool:
        """An alternate name that is not a spelling of the place's own (Bush for Bushland, not Izium for Izyum)."""
        return c.kind == "alternate" and not is_spelling_variant(c.name, c.place.name)

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, article_id: str, text: str, spans: list[Span], *, gold_spans: bool = False) -> list[Mention]:
        """One Mention per span, in order (unresolved ones keep a reason)."""
        found = [self.candidates(s) for s in spans]
        decisions = [self.is_place(s, c, gold_spans) for s, c in zip(spans, found)]
        if not gold_spans:
            decisions = _persons_stay_persons(spans, decisions)
        containers = self._containers(text, spans, found)

        memo: dict[tuple, list[tuple[float, Candidate]]] = {}

        def score(span: Span, cands: list[Candidate], context: ArticleContext, local=frozenset()):
            # A name repeated with the same surroundings scores the same: compute it once.
            key = (span.norm, span.qualifier, span.method, span.variants, id(context), local,
                   tuple(p.geonameid for p in containers.get(span.start, ())))
            if key not in memo:
                memo[key] = self._score(span, cands, context, containers, local)
            return memo[key]

        # Pass 1: what the important, unambiguous places say about the article's area.
        empty = ArticleContext()
        context = ArticleContext()
        for span, cands, d in zip(spans, found, decisions):
            if d.ok and not d.needs_country and cands and (cands[0].place.importance >= 0.75 or len(cands) == 1):
                context.add(score(span, cands, empty)[0][1].place, span.norm)
        # Pass 2: every span with that context; names keep one sense per article.
        scored = [score(s, c, context) if d.ok else [] for s, c, d in zip(spans, found, decisions)]
        scored = _one_sense_per_name(spans, scored)
        context2 = ArticleContext()
        for span, ranking, d in zip(spans, scored, decisions):
            if ranking and _share(ranking) > 0.6 and not d.needs_country:
                context2.add(ranking[0][1].place, span.norm)
        local = _local_points(spans, scored)
        scored = [score(s, c, context2, local.get(s.start, frozenset())) if d.ok else []
                  for s, c, d in zip(spans, found, decisions)]
        scored = _one_sense_per_name(spans, scored)

        mentions = []
        for span, ranking, d in zip(spans, scored, decisions):
            m = Mention(article_id, span.start, span.end, span.text, method=span.method)
            ok, detect, reason = d.ok, d.confidence, d.reason
            if ok and ranking and d.needs_country and not context2.names_country_besides(ranking[0][1].place.country_code, span.norm):
                ok, reason = False, "a common word, and the article is not about the country of the place so named"
            if ok and ranking and not gold_spans and _foreign_exonym(span, ranking[0][1], context2):
                ok, reason = False, "only another language's name for a place the article does not otherwise point to"
            if ok and ranking:
                place = ranking[0][1].place
                m.geonameid, m.name, m.lat, m.lon = place.geonameid, place.name, place.lat, place.lon
                m.feature_code, m.country_code, m.admin1 = place.feature_code, place.country_code, place.admin1
                m.score = round(detect * calibrated(_share(ranking)) * span.similarity, 3)
            else:
                m.reason = reason or "no candidate fits"
            mentions.append(m)
        return mentions

    def _score(self, span: Span, cands: list[Candidate], context: ArticleContext,
               containers: dict[int, list[Place]], local: list[tuple[float, float]] = ()) -> list[tuple[float, Candidate]]:
        if len(cands) == 1:
            return [(cands[0].place.importance, cands[0])]  # nothing to choose between
        out = []
        own = containers.get(span.start, [])
        near_article = _nearest_km(cands, span.norm, context.points)
        near_local = _nearest_km(cands, span.norm, local)
        for k, c in enumerate(cands):
            p = c.place
            s = p.importance
            if c.kind == "stem" and span.qualifier is None:
                s -= 0.3   # "Bucha" is the town; its raion is written "Bucha district"
            if c.kind in ("official", "ascii") or (c.kind == "alternate" and is_spelling_variant(c.name, p.name)):
                s += 0.15  # a place's own current name (in any spelling) over another's former or foreign name
            if span.qualifier == "division" and p.feature_code == "ADM1":
                s += 0.3   # "Kharkiv region" is the oblast, not the raion of the same name
            if span.qualifier is None and p.feature_class == "P":
                s += 0.1
            if p.is_country or p.feature_code == "CONT":
                s += 1.2  # a country or continent named is its own context: "China" in a Texas story is China
            elif p.country_code and context.countries:
                s += 0.5 * min(1.0, context.countries.get(p.country_code, 0) / 2)
            if context.regions and p.admin1_code:
                s += 0.4 * min(1.0, context.regions.get(f"{p.country_code}.{p.admin1_code}", 0) / 2)
            if not p.is_country and p.feature_code != "CONT":
                d = near_article[k]
                if d is not None:
                    s += 0.3 * math.exp(-d / 200)
                d = near_local[k]
                if d is not None:
                    s += 0.4 * math.exp(-d / 50)   # places named together lie together
            for box in own:
                if _inside(p, box):
                    s += 1.0
            out.append((round(s, 4), c))
        out.sort(key=lambda x: (-x[0], -x[1].place.importance, x[1].place.geonameid))
        return out

    def _containers(self, text: str, spans: list[Span], found: list[list[Candidate]]) -> dict[int, list[Place]]:
        """Places that the text says contain a span: "X, Y", "X in (the) Y", "X, a town in Y's Z"."""
        import re

        out: dict[int, list[Place]] = defaultdict(list)
        for i, span in enumerate(spans):
            for k in range(i + 1, min(i + 4, len(spans))):
                other, cands = spans[k], found[k]
                between = text[span.end: other.start]
                if len(between) > 60 or not cands:
                    break
                if re.fullmatch(r",\s*|\s+in\s+(?:the\s+)?|,\s*(?:an?|the)\s+(?:\w+\s+){0,3}?in\s+(?:the\s+)?(?:\w+[’']s\s+)?", between):
                    top = cands[0].place
                    if top.is_country or top.is_division:
                        out[span.start].append(top)
                if not re.fullmatch(r"[^.;!?]*", between):
                    break
        return out


def _persons_stay_persons(spans: list[Span], decisions: list[Detection]) -> list[Detection]:
    """Once an article writes "Michael Steele", a later "Steele" is the man, not Steele, North Dakota."""
    persons = {s.norm for s in spans if {"capital_before", "person"} & set(s.cues) and "capital_after" not in s.cues}
    out = []
    for span, d in zip(spans, decisions):
        # d.prior < 0.75: a surname, not Russia in "United Russia"
        if d.ok and span.norm in persons and d.prior < 0.75 and span.qualifier is None \
                and not {"dateline", "place_preposition"} & set(span.cues):
            d = Detection(False, reason="the article uses this name for a person")
        out.append(d)
    return out


def _foreign_exonym(span: Span, winner: Candidate, context: ArticleContext) -> bool:
    """"Hamas" is Hamm's name in some language: an alternate name of a place in a country the
    article never names, with nothing around it saying a place is meant, is not taken as that place."""
    p = winner.place
    return (winner.kind == "alternate" and span.method == "exact" and p.importance < 0.9
            and not p.is_country and not context.names_country_besides(p.country_code, span.norm)
            and not (set(span.cues) & POSITIVE_CUES) and span.qualifier is None)


def _local_points(spans: list[Span], scored: list[list[tuple[float, Candidate]]],
                  window: int = 200) -> dict[int, list[tuple[str, float, float]]]:
    """For each span, the settlements resolved within ``window`` characters of it."""
    points = [(s.start, s.norm, r[0][1].place) for s, r in zip(spans, scored) if r and r[0][1].place.feature_class == "P"]
    points.sort(key=lambda x: x[0])
    starts = [start for start, _, _ in points]
    out = {}
    for s in spans:  # by bisection: a scan of every point per span is quadratic in a long text
        lo, hi = bisect.bisect_left(starts, s.start - window), bisect.bisect_right(starts, s.start + window)
        out[s.start] = frozenset((norm, p.lat, p.lon) for _, norm, p in points[lo:hi])
    return out


def _nearest_km(cands: list[Candidate], norm: str, points) -> list[float | None]:
    """For each candidate, the distance (km) to the nearest place named otherwise (a name does not
    support its own senses); None when there is none.

    An equirectangular approximation: within the few hundred kilometres where proximity counts it
    is within a few percent of the geodesic, and it is the resolver's hot loop.
    """
    others = [(math.radians(lat), math.radians(lon)) for name, lat, lon in points if name != norm]
    if not others:
        return [None] * len(cands)
    out = []
    for c in cands:
        lat0, lon0 = math.radians(c.place.lat), math.radians(c.place.lon)
        k = math.cos(lat0)
        best = min((lat - lat0) ** 2 + (k * ((lon - lon0 + math.pi) % (2 * math.pi) - math.pi)) ** 2 for lat, lon in others)
        out.append(_EARTH_KM * math.sqrt(best))
    return out


def _inside(p: Place, box: Place) -> bool:
    if p.geonameid == box.geonameid:
        return False
    if box.is_country:
        return p.country_code == box.country_code
    if box.feature_code == "ADM1":
        return p.country_code == box.country_code and p.admin1_code == box.admin1_code
    if box.feature_code == "ADM2":
        return p.country_code == box.country_code and p.admin1_code == box.admin1_code and p.admin2_code == box.admin2_code
    return False


# Calibration of the winner's share into a probability of being right: p = sigmoid(A * logit(share) + B).
# Fit by logistic regression on LGL with the gold spans (tests/benchmarks/calibrate_resolution.py),
# a corpus the reported benchmarks (TR-News, GeoWebNews) do not include.
CALIBRATION_A, CALIBRATION_B = 0.220, -0.200


def calibrated(share: float) -> float:
    """The probability that the top candidate is right, given its softmax share."""
    share = min(max(share, 1e-6), 1 - 1e-6)
    z = CALIBRATION_A * math.log(share / (1 - share)) + CALIBRATION_B
    return 1 / (1 + math.exp(-z))


def _share(ranking: list[tuple[float, Candidate]]) -> float:
    """The winner's softmax share: near 1 when it stands out, 1/n when all tie."""
    top = ranking[0][0]
    z = sum(math.exp((s - top) / TEMPERATURE) for s, _ in ranking)
    return 1.0 / z


def _one_sense_per_name(spans: list[Span], scored: list[list[tuple[float, Candidate]]]) -> list[list[tuple[float, Candidate]]]:
    """Within an article a name without a qualifier means one place: the best over its mentions."""
    totals: dict[str, Counter] = defaultdict(Counter)
    for span, ranking in zip(spans, scored):
        if span.qualifier is None:
            for s, c in ranking:
                totals[span.norm][c.place.geonameid] += s
    out = []
    for span, ranking in zip(spans, scored):
        if span.qualifier is None and len(ranking) > 1:
            best = totals[span.norm].most_common(1)[0][0]
            ranking = sorted(ranking, key=lambda x: x[1].place.geonameid != best)
        out.append(ranking)
    return out
