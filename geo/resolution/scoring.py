"""Scoring one article's candidates (:class:`_Scoring`), each thing once however often it is asked, and
the winner's share of the scores calibrated into a confidence (:func:`calibrated`)."""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import add

from geo.document import Span
from geo.gazetteer import Candidate, Place
from geo.resolution.context import ArticleContext, Containers
from geo.resolution.policy import POLICY
from geo.resolution.proximity import _Proximity
from geo.resolution.senses import _Senses, _ranking

class _Scoring:
    """Scores the candidates of one article's spans, each thing once however often it is asked:
    a span's ranking per context (a name repeated with the same surroundings scores the same),
    a candidate's score given the article's countries, regions and places, its distances.

    A context must be complete before it is scored with (each pass builds the next pass's context).
    """

    def __init__(self, spans: list[Span], senses: list[_Senses], containers: Containers | None = None,
                 paired: dict[int, frozenset[int]] | None = None) -> None:
        self.spans, self.senses = spans, senses
        containers = containers or Containers()
        self._boxes: list[Sequence[Place]] = [containers.boxes.get(s.start, ()) for s in spans]   # the places containing each span
        # the candidates of each span that pair with another span's as county and town (_counties_and_towns)
        paired, no_pairs = paired or {}, frozenset()
        self._paired: list[frozenset[int]] = [paired.get(s.start, no_pairs) for s in spans]
        # those of them stated in words ("in", "of", "a village in"), not only by a comma
        self._stated: list[Sequence[Place]] = [containers.stated.get(s.start, ()) for s in spans]
        # those stated by a possessive ("Iraq's Kurdistan region"): no list, so binding for any place
        self._owners: list[Sequence[Place]] = [containers.owners.get(s.start, ()) for s in spans]
        # the regions of the names the text puts inside each span
        self._inner: list[frozenset[str]] = [frozenset(containers.inner.get(s.start, ())) for s in spans]
        self._box_keys = [(tuple(p.geonameid for p in boxes), pairs, inner) if boxes or pairs or inner else ()
                          for boxes, pairs, inner in zip(self._boxes, self._paired, self._inner)]
        self.proximity = _Proximity()
        self._contexts: list[ArticleContext] = []     # those scoring differently, in order of use
        # id(context) -> (the context, kept so that the id stays its own; id of the first that scores like it)
        self._context_keys: dict[int, tuple[ArticleContext, int]] = {}
        self._rankings: dict[tuple, list[tuple[float, Candidate]]] = {}
        self._in_context: dict[tuple[int, int], list[float]] = {}
        self._shares: dict[int, list] = {}

    def held(self, i: int, place: Place) -> bool:
        """Whether an explicit container of span ``i`` holds ``place`` ("Springfield, Ohio")."""
        return any(_inside(place, box) for box in self._boxes[i])

    def contradicted(self, i: int, place: Place) -> bool:
        """Whether the place span ``i`` resolved to contradicts the containers the text gives it:
        "villages of the X district of Russia's Y region" are not a namesake in Ukraine. (A
        country or state, or an important place, stands on its own: "Moscow, Washington" is a
        list; a possessive is none: "Iraq's Kurdistan region" binds any place.) The span is then left
        unresolved: the gazetteer lacks the place meant."""
        owners = self._owners[i]
        if owners and not place.is_country and place.country_code:
            # (a sea or region of no one country is any of its shores' or parts': "Egypt's Mediterranean
            # coast", "Romania's Black Sea", "Iraq's Kurdistan region")
            # "Iraq's Kurdistan region" is no Iranian province, however important
            # (a feature of the box's country in no one division, "Florida's Gulf Coast", may lie in it)
            return not any(_inside(place, box) or box.geonameid == place.geonameid
                           or box.country_code == place.country_code and not place.admin1_code for box in owners)
        boxes = self._stated[i]
        if not boxes or place.is_country or place.feature_code == "ADM1" or place.importance >= POLICY.important_place:
            return False
        return not any(_inside(place, box) for box in boxes) and all(box.country_code != place.country_code for box in boxes)

    def rankings(self, keep: list[bool], context: ArticleContext, local: dict[int, frozenset] | None = None,
                 areas: dict[int, frozenset[str]] | None = None) -> list[list[tuple[float, Candidate]]]:
        """For each span that ``keep`` says, (score, candidate) for its candidates, best first, given
        the article's context and, when given, the settlements named near it (``local``, by span
        start, as :func:`_local_points` finds them) and the countries and regions of its sentence's
        other places (``areas``, as :func:`sentence_areas` finds them); [] for the other spans."""
        no_areas: frozenset[str] = frozenset()
        context_key = self._context_key(context)
        out: list[list[tuple[float, Candidate]]] = []
        for span, senses, boxes, box_key, pairs, inner, wanted in zip(self.spans, self.senses, self._boxes, self._box_keys,
                                                                      self._paired, self._inner, keep):
            if not wanted:
                out.append([])
                continue
            if senses.only_ranking is not None:
                out.append(senses.only_ranking)  # nothing to choose between
                continue
            near = self.proximity.columns(local[span.start], senses.norm) if local else ()
            around = areas.get(span.start, no_areas) if areas else no_areas
            # The senses stand for the span's name, qualifier, method and variants (the spans of the
            # article keep them alive, so their ids stay unique); the rest is what the ranking depends on.
            key = (id(senses), context_key, near, box_key, around)
            ranking = self._rankings.get(key)
            if ranking is None:
                ranking = self._rankings[key] = self._rank(senses, context, context_key, boxes, near, pairs, inner, around)
            out.append(ranking)
        return out

    def _rank(self, senses: _Senses, context: ArticleContext, context_key: int, boxes: Sequence[Place],
              near: tuple[int, ...], pairs: frozenset[int] = frozenset(),
              inner: frozenset[str] = frozenset(), around: frozenset[str] = frozenset()) -> list[tuple[float, Candidate]]:
        """The ranking of a name's (two or more) candidates given the context, the containers of
        the span, the columns of the settlements near it, its candidates that pair as county and
        town, the regions of the names the text puts inside it, and the countries and regions of
        its sentence's other places."""
        if not (near or boxes or pairs or around or context.countries or context.regions or context.points):
            return list(senses.prior_ranking)   # nothing in the article bears on it (yet)
        scores = self._scores_in_context(senses, context, context_key)
        if near:   # places named together lie together
            scores = list(scores)
            self.proximity.add_nearness(scores, senses, near, POLICY.near_span, POLICY.near_span_km)
        if around:   # "Forecasters in Oregon said temperatures in Portland climbed"
            # (a country holds its regions: "TOLUCA, Mexico" is the country as much as México state; a world
            # city's small namesake takes nothing unless its region is the sentence's: "from Liverpool to Indianapolis")
            country, region = POLICY.sentence_country, POLICY.sentence_region
            scores = [s + (country if c.place.country_code in around else 0.0)
                      + (region if r in around or c.place.is_country and c.place.country_code in around else 0.0)
                      if small is None or r in around else s
                      for s, c, r, small in zip(scores, senses.ranked, senses.regions, senses.countries_with_region)]
        if boxes:
            inside = [any(_inside(c.place, box) for box in boxes) for c in senses.ranked]
            if any(inside):
                # the text's own container outweighs the article's context: a place outside it keeps
                # only its prior ("Paris, France" in a story datelined "PARIS, Texas")
                scores = [s if held else min(s, base) for s, held, base in zip(scores, inside, senses.bases)]
            scores = [_contained(s, c.place, boxes) for s, c in zip(scores, senses.ranked)]
        if pairs:
            scores = [s + POLICY.county_and_town if c.place.geonameid in pairs else s for s, c in zip(scores, senses.ranked)]
        if inner:   # "Muridke in Punjab province": the Punjab that holds Muridke
            scores = [s + POLICY.holds_named if _holds(c.place, region, inner) else s
                      for s, c, region in zip(scores, senses.ranked, senses.regions)]
        # Best score first; among equals, the more important place, then the lower geonameid: the
        # candidates come in that order, and the sort is stable (in reverse too).
        return _ranking(scores, senses)

    def _scores_in_context(self, senses: _Senses, context: ArticleContext, context_key: int) -> list[float]:
        """Each candidate's score before what the span's surroundings say: its prior, and the
        article's countries, regions and places (the same for every span of the name)."""
        key = (id(senses), context_key)
        scores = self._in_context.get(key)
        if scores is None:
            countries, regions = context.bonuses_without(senses.norm)
            summed: Iterable[float] = senses.bases
            # the bonus of each candidate's country, then region (a country or region the article
            # does not name adds 0.0: nothing)
            if countries:
                summed = map(add, summed, map(countries.get, senses.countries, _NOTHING))
                if senses.any_country_with_region:
                    # (the country's bonus back off a world city's small namesake whose region is not named)
                    summed = [s - countries.get(code, 0.0) if code is not None and not regions.get(region) else s
                              for s, code, region in zip(summed, senses.countries_with_region, senses.regions)]
            if regions:
                summed = map(add, summed, map(regions.get, senses.regions, _NOTHING))
                home = next((code for code, bonus in regions.items() if bonus > POLICY.region_bonus), None)
                if home is not None and not all(senses.home_eligible):
                    # (a village takes the region's bonus but not the home region's: see home_eligible)
                    summed = [s - POLICY.home_region if region == home and not eligible else s
                              for s, region, eligible in zip(summed, senses.regions, senses.home_eligible)]
                if senses.big_city_namesakes:
                    # (a small town named like a city of millions takes its region's bonus only at home)
                    summed = [s - regions.get(region, 0.0) if small and region != home else s
                              for s, region, small in zip(summed, senses.regions, senses.big_city_namesakes)]
                if senses.any_holder:
                    # "Georgia" beside Atlanta and Athens is the state that holds them, not the country
                    summed = map(add, summed, map(dict.fromkeys(regions, POLICY.division_holds_places).get, senses.holders, _NOTHING))
            scores = list(summed)
            near = self.proximity.columns(context.points, senses.norm)
            if near:
                before = scores[:] if senses.prominent_namesake else None
                self.proximity.add_nearness(scores, senses, near, POLICY.near_article, POLICY.near_article_km)
                if before is not None:
                    # a village is not near the story's places to the cost of the city it is named after
                    # (Zaporizhzhia, not the hamlet of 238 by that name in a Donetsk story)
                    scores = [s if eligible else b for s, b, eligible in zip(scores, before, senses.home_eligible)]
            self._in_context[key] = scores
        return scores

    def _context_key(self, context: ArticleContext) -> int:
        """The id of the first context used that scores like this one (the same countries,
        regions and places): an article's later passes often find nothing new."""
        known = self._context_keys.get(id(context))
        if known is not None and known[0] is context:
            return known[1]
        for other in self._contexts:
            # (the counters compared as dicts: Counter's own == is a Python loop, and an article's counts are never 0)
            if _same_counts(other.countries, context.countries) and _same_counts(other.regions, context.regions) \
                    and other.points == context.points and other.own == context.own:
                key = id(other)
                break
        else:
            key = id(context)
            self._contexts.append(context)
        self._context_keys[id(context)] = (context, key)
        return key

    def share(self, ranking: list[tuple[float, Candidate]]) -> float:
        """:func:`_share`, once per ranking (spans of the same name share theirs)."""
        return self._share_of(ranking)[1]

    def confidence(self, ranking: list[tuple[float, Candidate]]) -> float:
        """:func:`calibrated` of the ranking's share, once per ranking."""
        known = self._share_of(ranking)
        if known[2] is None:
            known[2] = calibrated(known[1])
        return known[2]

    def _share_of(self, ranking: list[tuple[float, Candidate]]) -> list:
        if len(ranking) == 1:
            return _ALONE   # (a name's only candidate: most rankings, each a new list)
        known = self._shares.get(id(ranking))
        if known is None or known[0] is not ranking:
            # [the ranking (kept: its id stays its own), its share, the share calibrated]
            known = self._shares[id(ranking)] = [ranking, _share(ranking), None]
        return known


_same_counts = dict.__eq__
_NOTHING = repeat(0.0)     # what the article's countries and regions add to a candidate of none of them
def _contained(s: float, p: Place, boxes: Sequence[Place]) -> float:
    """The score ``s`` plus Policy.container for each of the span's containers the place lies in; a
    country held by a division ("Peru, Indiana") stands alone no more: it loses Policy.stands_alone."""
    weight = POLICY.container
    for box in boxes:
        if _inside(p, box):
            s += weight
    if p.is_country and any(not box.is_country for box in boxes):
        s -= POLICY.stands_alone
    return s


def _holds(p: Place, region: str | None, inner: frozenset[str]) -> bool:
    """Whether ``p`` (in ``region``) is a first-level division or country holding one of the ``inner`` regions."""
    if p.is_country:
        return any(r.split(".", 1)[0] == p.country_code for r in inner)
    return p.feature_code == "ADM1" and region in inner


def _inside(p: Place, box: Place) -> bool:
    return p.geonameid != box.geonameid and p.lies_in(box) is True


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
    top, temperature = ranking[0][0], POLICY.temperature
    z = sum([math.exp((s - top) / temperature) for s, _ in ranking])
    return 1.0 / z



# What _Scoring._share_of knows of a ranking of one candidate: its share (exp(0) / exp(0)), calibrated.
_ALONE = [None, 1.0, calibrated(1.0)]
