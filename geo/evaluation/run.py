"""Run the pipeline over a gold corpus and pair what it found with what the annotators marked.

Two modes, as in the literature:

- end to end: the pipeline reads each article (``Pipeline.process``); its mentions are matched to
  the gold toponyms by span overlap (detection), and each gold toponym takes the place of the
  mention matched to it, a missed one counting as unresolved (resolution);
- gold spans: resolution alone, on the annotated spans (``Pipeline.resolve_spans``), which is what
  published resolution tables (Mordecai, CamCoder, ...) report.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from geo.document import Mention
from geo.evaluation.corpora import Corpus, GoldArticle, GoldToponym
from geo.evaluation.metrics import MAX_ERROR_KM, DetectionScore, haversine_km, match_spans


@dataclass
class Case:
    """One gold toponym, the place it stands for, and what the run resolved it to."""

    article: str
    gold: GoldToponym
    lat: float | None                #: the gold coordinates: the corpus's, else the gazetteer's for its id
    lon: float | None
    held: bool                       #: whether the gazetteer holds the gold GeoNames place
    predicted: Mention | None        #: the mention resolved for this span (None: missed in detection)
    predicted_lat: float | None = None
    predicted_lon: float | None = None

    @property
    def resolved(self) -> bool:
        return self.predicted is not None and self.predicted.geonameid is not None and self.predicted_lat is not None

    @property
    def error_km(self) -> float | None:
        """Distance from the gold point (the maximum when unresolved); None without gold coordinates."""
        if self.lat is None or self.lon is None:
            return None
        if not self.resolved:
            return MAX_ERROR_KM
        if self.exact:
            return 0.0  # the very GeoNames place: its coordinates may differ between dump versions
        return haversine_km(self.lat, self.lon, self.predicted_lat, self.predicted_lon)

    @property
    def exact(self) -> bool | None:
        """Whether the predicted GeoNames id is the gold one; None when the gold has no id."""
        if self.gold.geonameid is None:
            return None
        return self.predicted is not None and self.predicted.geonameid == self.gold.geonameid

    @property
    def gradable(self) -> bool:
        """Whether the case counts for resolution at all (it has a gold id or coordinates)."""
        return self.gold.geonameid is not None or self.lat is not None


@dataclass
class Evaluation:
    """What one run over a corpus gave: every gold toponym's case, and detection counts."""

    corpus: Corpus
    gold_spans: bool
    cases: list[Case] = field(default_factory=list)
    detection: DetectionScore | None = None
    #: end to end only: gold toponyms by type (GWN), and how many of them were detected
    found_by_type: Counter = field(default_factory=Counter)
    total_by_type: Counter = field(default_factory=Counter)


def evaluate(corpus: Corpus, pipeline, gazetteer, *, gold_spans: bool = False,
             on_article: Callable[[GoldArticle], None] | None = None) -> Evaluation:
    """Run ``pipeline`` (a :class:`geo.pipeline.Pipeline`) over every article of ``corpus``.

    ``on_article`` is called after each article (for a progress display).
    """
    result = Evaluation(corpus, gold_spans, detection=None if gold_spans else DetectionScore())
    places = _PlaceCache(gazetteer)
    for gold_article in corpus.articles:
        golds = gold_article.toponyms
        if gold_spans:
            mentions = pipeline.resolve_spans(gold_article.article, [(g.start, g.end) for g in golds])
            predicted = dict(enumerate(mentions))
        else:
            doc = pipeline.process(gold_article.article)
            # the corpora count a place name that modifies a body ("Gainesville police") as a toponym
            predicted = _detect(result, sorted(doc.mentions + doc.modifiers, key=lambda m: m.start), golds)
        for j, gold in enumerate(golds):
            result.cases.append(_case(gold_article.article.id, gold, predicted.get(j), places))
        if on_article is not None:
            on_article(gold_article)
    return result


def _detect(result: Evaluation, mentions: list[Mention], golds: list[GoldToponym]) -> dict[int, Mention]:
    """Match the pipeline's mentions to the gold spans; count them; gold index -> its mention."""
    pairs = match_spans([(m.start, m.end) for m in mentions], [(g.start, g.end) for g in golds])
    result.detection.add(len(mentions), len(golds), len(pairs))
    matched = {j: mentions[i] for i, j in pairs}
    for j, gold in enumerate(golds):
        if gold.type:
            result.total_by_type[gold.type] += 1
            result.found_by_type[gold.type] += j in matched
    return matched


def _case(article: str, gold: GoldToponym, mention: Mention | None, places: _PlaceCache) -> Case:
    gold_place = places.get(gold.geonameid)
    lat, lon = gold.lat, gold.lon
    if (lat is None or lon is None) and gold_place is not None:
        lat, lon = gold_place.lat, gold_place.lon
    case = Case(article, gold, lat, lon, held=gold_place is not None, predicted=mention)
    if mention is not None and mention.geonameid is not None:
        if mention.lat is not None and mention.lon is not None:
            case.predicted_lat, case.predicted_lon = mention.lat, mention.lon
        elif (place := places.get(mention.geonameid)) is not None:
            case.predicted_lat, case.predicted_lon = place.lat, place.lon
    return case


class _PlaceCache:
    """Gazetteer places by id, each looked up once (gold places repeat a lot)."""

    def __init__(self, gazetteer):
        self._gazetteer = gazetteer
        self._places: dict[int, object] = {}

    def get(self, geonameid: int | None):
        if geonameid is None:
            return None
        if geonameid not in self._places:
            self._places[geonameid] = self._gazetteer.place(geonameid)
        return self._places[geonameid]
