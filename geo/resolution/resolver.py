"""The resolver (:class:`Resolver`): a span's candidates as its qualifier and method admit them, whether
it names a place, the containers the text states, and the passes that choose each span's place."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from geo.document import Mention, Span
from geo.gazetteer import Candidate, Gazetteer, Place
from geo.matching import COMMON_WORD_ZIPF, COMPASS_ADJECTIVES, FEATURE_HEADS, POSITIVE_CUES, QUALIFIERS, STRONG_COMMON_ZIPF, name_zipf
from geo.resolution.agreement import (bare_names_are_towns, best_first, lists_agree, mentions_by_name, one_sense_per_name,
                                      own_names_stay_own, plural_kinds_hold, rivers_stay_rivers, wording_settles_names)
from geo.resolution.containers import find_containers
from geo.resolution.context import ArticleContext, Detection
from geo.resolution.former_names import keep_other_names, other_names
from geo.resolution.policy import POLICY, WEAK_PRIOR
from geo.resolution.proximity import _local_points, sentence_areas
from geo.resolution.scoring import _Scoring
from geo.resolution.senses import OWN_KINDS, _Senses, _round, bears_name, is_spelling_variant
from geo.normalize import normalize_name
from geo.spherical import haversine_km

# Cues (from geo.matching) that make a span something other than a place.
NEGATIVE_CUES = frozenset({"organisation", "organisation_of", "role", "quoted_title", "person", "capital_after", "capital_before"})
# Feature classes and codes each qualifier admits.
_QUALIFIER_FITS = {
    "division": lambda p: (p.feature_class == "A" and not p.is_country) or p.feature_code in ("RGN", "AREA", "PEN"),
    "district": lambda p: p.feature_code in ("ADM2", "ADM3", "ADMD"),
    "river": lambda p: p.kind == "river",
    "riverside": lambda p: p.kind in ("river", "water body"),   # "the Dnipro", "the Atlantic": no town has "the"
    "water": lambda p: p.feature_class == "H",
    "settlement": lambda p: p.feature_class == "P",
    "polity": lambda p: p.feature_class == "A",    # "the State of Israel", "the state of Texas"
    "island": lambda p: p.feature_code.startswith("ISL") or p.feature_code in ("PCLI", "ADM1", "ADM2"),
}
# The last words of water bodies' names ("Hudson Bay", "Caspian Sea", "Strait of Hormuz" aside).
_WATER_TAILS = frozenset("bay gulf sea strait sound ocean channel lagoon".split())
# Features "the" is written before, as before a river: regions, peninsulas, deserts, mountains, islands.
_REGION_CODES = frozenset({"RGN", "PEN", "DSRT", "MTS", "MT", "PLAT", "ISL", "ISLS", "VAL"})
# A preposition of location before a name ("in Hamm", "near the Oskil"): unlike "of", "to", "from".
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|outside|around|across|into|inside|through|towards?|beyond)\s+(?:the\s+)?$", re.I)
_CAPITALIZED = re.compile(r"\b[A-Z][\w’'-]+")
# Cues that make a span part of a body's name or title ("Gainesville Police", "Bank of America",
# "Belgorod governor Vyacheslav Gladkov"): the place is then a modifier.
# Cues that say which kind of place a bare name is (as a qualifier would).
_KIND_CUES = {"regional_after": "division", "dateline": "settlement", "government_after": "polity"}
_BODY_CUES = ("role", "organisation", "organisation_of", "facility_after")


def _of_capital(senses: _Senses) -> bool:
    """Whether a name's best-known place is a country's capital: "Washington's government" is the
    country's (metonymy), not Washington State's."""
    return bool(senses.cands) and max(senses.cands, key=lambda c: c.place.importance).place.feature_code == "PPLC"


def _without_body_cues(span: Span) -> Span:
    """The span as if no body's name surrounded it (a copy): nor the capital after it, where that is a
    role's title ("Kharkiv Governor Oleh Syniehubov")."""
    dropped = _BODY_CUES + (("capital_after",) if "role" in span.cues else ())
    return Span(span.start, span.end, span.text, span.norm, span.method, span.qualifier, span.similarity, span.variants,
                tuple(c for c in span.cues if c not in dropped))


class Resolver:
    """Resolves the spans of one article against the gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._candidates = lru_cache(maxsize=100_000)(self._lookup)
        self._senses = lru_cache(maxsize=100_000)(self._find)

    def _lookup(self, norm: str) -> tuple[Candidate, ...]:
        return tuple(self.gazetteer.candidates(norm))

    def candidates(self, span: Span) -> list[Candidate]:
        return list(self.senses(span).cands)

    def senses(self, span: Span) -> _Senses:
        """The candidates of the span's name, prepared for detection and scoring (and kept)."""
        return self._senses(span.norm, span.variants, span.method, span.qualifier)

    def _find(self, norm: str, variants: tuple[str, ...], method: str, qualifier: str | None) -> _Senses:
        return _Senses(norm, qualifier, tuple(self._fitting(norm, variants, method, qualifier)), zipf=name_zipf(norm, self.gazetteer),
                       demonym=any(c.kind == "demonym" for c in self._candidates(norm)))

    def _fitting(self, norm: str, variants: tuple[str, ...], method: str, qualifier: str | None) -> list[Candidate]:
        """The places the name may stand for, as the span's method and qualifier admit them."""
        found = list(self._candidates(norm))
        whole = {c.place.geonameid for c in found if c.kind in OWN_KINDS}   # (the name's own places, whatever their kind)
        for variant in variants:
            found += [c for c in self._candidates(variant) if c.place.geonameid not in {f.place.geonameid for f in found}]
        if method != "given":
            found = [c for c in found if c.kind != "demonym"]  # "Russian" is not a mention of Russia
            if method == "postal":   # "Dayton, OH": the state the code stands for
                found = [c for c in found if c.kind == "postal"] or found
            else:                    # a postal code only after "Town, " (matching says where)
                found = [c for c in found if c.kind != "postal"]
        if method == "fuzzy":
            # a transliteration variant stands for a place of the countries it was matched in
            found = [c for c in found if c.place.country_code in self.gazetteer.transliterated_countries]
        if qualifier == "county":
            # "County Offaly": a division known by that name, but none named "X County" the other way
            # round (Michigan's Antrim County) outside the countries that write the kind first (GeoNames'
            # "Mayo County" is Co Mayo), else the county town the gazetteer has (Antrim for County Antrim)
            first = self.gazetteer.county_first_countries
            return [c for c in found if c.place.feature_class == "A" and not c.place.is_country
                    and (not c.place.name.endswith(" County") or c.place.country_code in first)] \
                or [c for c in found if c.place.feature_class == "P" and c.place.country_code in self.gazetteer.county_first_countries]
        if qualifier is not None and qualifier.startswith("listed_"):
            # "the regions of Geita, Shinyanga and Tabora": divisions where the names have them; but
            # "other regions of Italy" names the country that holds them
            # ("counties including Marsabit and Wajir": Kenya's counties are its first-level divisions; "the
            # provinces of Taroudant, ...": the town's district, which GeoNames spells Taroudannt)
            kind = qualifier[7:]
            fitting = [c for c in found if _QUALIFIER_FITS[kind](c.place)] \
                or [c for c in found if kind == "district" and c.place.is_division] or self._districts_spelt_alike(found)
            return fitting if fitting and not found[0].place.is_country else found
        fits = _QUALIFIER_FITS.get(qualifier or "")
        if fits is not None:
            # (a place known by the whole name fits: "Federal District" is Brazil's, a first-level division)
            fitting = [c for c in found if fits(c.place) or c.place.geonameid in whole and variants]
            if fitting:
                return fitting
            if qualifier == "division":
                # "Kharkiv region" where the name is only a city's: the city's oblast is meant;
                # "the Black Sea region", where it is only a water's (no "Red Sea governorate"): the water
                return self._enclosing_divisions(found) or [c for c in found if c.place.kind in ("water body", "river")
                                                            and c.kind in OWN_KINDS]
            if qualifier == "district":
                # a division of the name at another level ("Garissa county", a Kenyan ADM1), else
                # the town a district the gazetteer lacks is named after and around ("the Hallsville
                # district", a school district), not the town's state
                return [c for c in found if c.place.feature_class == "A" and not c.place.is_country] \
                    or [c for c in found if c.place.feature_class == "P"] or self._enclosing_divisions(found)
            if qualifier == "riverside":
                # no river or sea of the name: "the Sahel", "the Atacama" are a region or a desert
                # before a division of the name (Burkina Faso's Sahel region); "the Kharkiv offensive"
                # has none: the name's places (and a region GeoNames counts for little, Crimea's
                # beside its republic, is no better)
                return [c for c in found if c.place.feature_code in _REGION_CODES
                        and c.place.importance >= POLICY.weak_prior] or found
            if qualifier == "island":
                # "the island of Rhodes", "Lampedusa, the Italian island": an island the gazetteer
                # lacks is where its town of the name is (Ródos), not a division or feature of the name
                return [c for c in found if c.place.feature_class == "P"]
            if qualifier in ("river", "water"):
                return []   # "the river", "Foo Lake" the gazetteer lacks: not a town of the name
        if qualifier is None and norm.rsplit(" ", 1)[-1] in _WATER_TAILS:
            # "Hudson Bay", "the Caspian Sea": a name ending in a water's kind is the water where the
            # gazetteer knows it so (not Hudson Bay, Saskatchewan); Thunder Bay, known only as a city, stays it
            water = [c for c in found if c.place.kind == "water body" and c.kind in OWN_KINDS]
            if water:
                return water
        return found

    def _enclosing_divisions(self, found: list[Candidate]) -> list[Candidate]:
        """The first-level divisions the name's first places lie in ("Kharkiv region": the city's oblast)."""
        return self._divisions_of(found, lambda p: self.gazetteer.admin_division(f"{p.country_code}.{p.admin1_code}"))

    def _districts_spelt_alike(self, found: list[Candidate]) -> list[Candidate]:
        """The second-level divisions the name's first towns lie in, where named like them (Taroudannt)."""
        def district(p: Place) -> Place | None:
            d = self.gazetteer.admin_division(f"{p.country_code}.{p.admin1_code}.{p.admin2_code}") \
                if p.feature_class == "P" and p.admin2_code else None
            return d if d is not None and is_spelling_variant(d.name, p.name) else None
        return self._divisions_of(found, district)

    @staticmethod
    def _divisions_of(found: list[Candidate], division: Callable[[Place], Place | None]) -> list[Candidate]:
        out: list[Candidate] = []
        for c in found[:3]:
            div = division(c.place)
            if div is not None and div.geonameid not in {o.place.geonameid for o in out}:
                out.append(Candidate(div, c.name, "enclosing"))
        return out

    # -- detection ------------------------------------------------------------------------

    def is_place(self, span: Span, senses: _Senses, gold_span: bool = False) -> Detection:
        """Whether a span names a place, a detection confidence, and the reason when not."""
        # Besides the name, its qualifier and method (the senses), only the cues and whether the
        # text is a short word in capitals count: the same for many spans, remembered per name.
        key = (span.cues, gold_span, span.text.isupper() and len(span.text) <= 4, _capitalized_run(span))
        detection = senses.detections.get(key)
        if detection is None:
            detection = senses.detections[key] = self._detect(span, senses, gold_span)
        return detection

    def _detect(self, span: Span, senses: _Senses, gold_span: bool) -> Detection:
        if not senses.cands:
            return Detection(False, reason="no place of that name in the gazetteer")
        if gold_span:
            return Detection(True, 1.0)
        cues = set(span.cues)
        prior = senses.prior
        # ("riverside", "the Dnipro", picks among the name's places; it is no sign that a place is meant)
        qualifier = span.qualifier if span.qualifier != "riverside" else None
        title_line = "title_line" in cues
        positive = bool(cues & POSITIVE_CUES) or qualifier is not None
        if title_line and senses.zipf >= COMMON_WORD_ZIPF and senses.named < POLICY.major_place and "dateline" not in cues:
            # in a headline every word is capitalized: a common word ("Eastern Village", "Key Town") is no
            # name there unless a major place is called so
            return Detection(False, reason="a common word in a title-case line, and no major place is called that", overrulable=True)
        if "person" in cues and not (positive and prior >= POLICY.important_place) and qualifier is None \
                and not any(c.place.is_country or c.place.feature_code == "PPLC" and c.kind in OWN_KINDS
                            and c.place.importance >= POLICY.major_place for c in senses.cands):
            # ("Ukraine said", "Cairo said": a country or a major capital speaking is its government, still the place)
            return Detection(False, reason="context makes it a person, not a place")  # "Lavrov said", not "in Kharkiv told"
        if "lower_after" in cues and senses.demonym and qualifier is None and span.method != "given":
            # "Somali leaders", "Russian forces": a country's people, not a place of that name
            # (the Somali Region of Ethiopia)
            return Detection(False, reason="a country's demonym before a noun, not a place")
        if "lower_after" in cues and qualifier is None and span.norm in COMPASS_ADJECTIVES:   # (alone before a lower-case word)
            # "Western countries", "Eastern officials": an adjective, not Rwanda's Western Province
            return Detection(False, reason="a word of direction before a noun, not a place")
        if "feature_after" in cues and qualifier is None:
            # "China Bay": a bay the extract lacks, named after the place, not the place
            return Detection(False, reason="part of a bay's, strait's or delta's name the gazetteer lacks")
        if "waterworks_after" in cues and qualifier is None:
            # "the Toktogul dam": a dam or reservoir, which the extract lacks, not the town it is named after
            return Detection(False, reason="names a dam or reservoir, not the town it is named after")
        if "quoted_title" in cues and qualifier is None:
            return Detection(False, reason="context makes it a title, not a place")
        # (a kind word inside the body's name qualifies nothing: "the Oregon State Police", "the Marion
        # County Courthouse" are bodies)
        body = next((cue for cue in _BODY_CUES if cue in cues), None) \
            if qualifier is None or span.text.rsplit(None, 1)[-1].lower() in QUALIFIERS else None
        if body is not None:
            # "Gainesville Police", "the University of Kentucky", "Odesa regional governor": the
            # place the body is named after, as a modifier, when the name is a place by all else
            # the context says (the words of the body's name are no cue of it)
            found = self._detect(_without_body_cues(span), senses, gold_span)
            if found.ok:
                return Detection(True, found.confidence, needs_country=found.needs_country, prior=found.prior, modifier=True)
            return Detection(False, reason=f"context makes it a {body.replace('_of', '')}, not a place")
        if "capital_before" in cues and "dateline" not in cues \
                or "capital_after" in cues and not (qualifier or positive and prior >= POLICY.major_place) \
                or "capital_before_at_start" in cues and prior < POLICY.important_place and not positive:
            return Detection(False, reason="part of a longer proper name (a person or an organisation)")
        needs_country = False
        if "dateline" not in cues and span.method == "exact":
            zipf = senses.zipf
            if zipf >= COMMON_WORD_ZIPF and not _proper_with_kind(span) and not _PLACE_HEAD.match(span.text) \
                    and not (_capitalized_run(span) and positive and not cues & _NOT_MID_SENTENCE
                             and any(c.kind in OWN_KINDS or _feature_named(span, c.place) for c in senses.cands)) \
                    and not (span.qualifier in ("settlement", "island") and span.text.rsplit(None, 1)[-1].lower() not in QUALIFIERS):
                # (a kind the text gives, "the small town of Cameron", "Sake, a town west of Goma", or a
                # head of places' names, "Port Arthur", "Fort Worth", says a place is meant)
                # "We", "But", "March", "Police": only an important place known by that very name
                # survives (Washington, Paris); a division named like a word ("Texas", but also
                # Kuwait's "Capital") only in an article about its country.
                named = senses.named
                if named >= POLICY.major_place or senses.named_city and zipf < POLICY.big_city_word_zipf \
                        or (named >= POLICY.common_named and positive and zipf < STRONG_COMMON_ZIPF) \
                        or senses.named_countryless or (senses.named_state >= POLICY.state_named and zipf < STRONG_COMMON_ZIPF):
                    pass
                elif named >= POLICY.common_named:
                    needs_country = True
                else:
                    return Detection(False, reason="a common word, and no important place is called that", overrulable=True)
            if span.text.isupper() and len(span.text) <= 4 and prior < POLICY.important_place:
                return Detection(False, reason="an abbreviation in capitals, and no important place is called that", overrulable=True)
            if " " not in span.norm and prior < POLICY.other_names_prior and not positive and senses.only_other_names:
                return Detection(False, reason="only another name (not a spelling) of a small place, and nothing says a place is meant", overrulable=True)
        if prior < WEAK_PRIOR and not positive:
            return Detection(False, reason="only small places have this name and nothing around it says a place is meant", overrulable=True)
        confidence = min(1.0, POLICY.confidence_base + prior * POLICY.confidence_per_prior
                         + (POLICY.confidence_positive if positive else 0.0))
        if "sentence_start" in cues and not positive:
            confidence *= POLICY.sentence_start_factor
        return Detection(True, confidence, needs_country=needs_country, prior=prior)

    # -- resolution -----------------------------------------------------------------------

    def resolve(self, article_id: str, text: str, spans: list[Span], *, gold_spans: bool = False) -> list[Mention]:
        """One Mention per span, in order (unresolved ones keep a reason)."""
        senses = [self.senses(s) for s in spans]
        decisions = [self.is_place(s, x, gold_spans) for s, x in zip(spans, senses)]
        if not gold_spans:
            decisions = _persons_stay_persons(spans, decisions)
        if not gold_spans and any(cue in s.cues for s in spans for cue in _KIND_CUES):
            spans = list(spans)
            for i, (span, d) in enumerate(zip(spans, decisions)):
                kind = next((_KIND_CUES[cue] for cue in span.cues if cue in _KIND_CUES), None) if span.qualifier is None else None
                if d.ok and kind is not None and not (kind == "polity" and _of_capital(senses[i])):
                    # "the Sumy regional council", "Odesa regional governor": the body is the oblast's;
                    # "STEPANAKERT, Azerbaijan (AP) -": a dateline is a town's
                    qualified = Span(span.start, span.end, span.text, span.norm, span.method, kind,
                                     span.similarity, span.variants, span.cues)
                    of_kind = self.senses(qualified)
                    if any(_QUALIFIER_FITS[kind](c.place) for c in of_kind.cands):   # (else the name stays itself)
                        spans[i], senses[i] = qualified, of_kind
        if any(s.qualifier in ("district", "listed_district") for s in spans):
            spans = plural_kinds_hold(text, list(spans), senses, self._unqualified)
        containers = find_containers(text, spans, senses, self._demonym_countries,
                                     lambda p: self.gazetteer.admin_division(f"{p.country_code}.{p.admin1_code}"))
        if not gold_spans:
            decisions = _contained_names_are_places(text, spans, senses, decisions, containers.boxes)
            decisions = _one_place_per_name(spans, decisions)
        decisions = keep_other_names(decisions, others := other_names(text, spans, senses))
        kept = [d.ok for d in decisions]
        scoring = _Scoring(spans, senses, containers, _counties_and_towns(spans, senses, decisions))

        # Pass 1: what the important, unambiguous places say about the article's area.
        telling = [d.ok and not d.needs_country and (x.cands[0].place.importance >= POLICY.telling_importance or len(x.cands) == 1)
                   for x, d in zip(senses, decisions)]
        context = ArticleContext()
        for span, ranking in zip(spans, scoring.rankings(telling, ArticleContext())):   # (nothing known yet)
            if ranking:
                context.add(ranking[0][1].place, span.norm)
        # Pass 2: every span with that context; names keep one sense per article.
        names = mentions_by_name(spans, kept)
        scored = one_sense_per_name(names, senses, scoring.rankings(kept, context), scoring.held)
        context2, sure = ArticleContext(), []   # (sure: the rankings that tell the context, [] for the others)
        for span, ranking, d in zip(spans, scored, decisions):
            sure.append(ranking if ranking and scoring.share(ranking) > POLICY.context_share and not d.needs_country else [])
            if sure[-1]:
                context2.add(ranking[0][1].place, span.norm)
        local, areas = _local_points(spans, scored, POLICY.near_span_chars), sentence_areas(text, spans, senses, sure, context2.home())
        scored = one_sense_per_name(names, senses, scoring.rankings(kept, context2, local, areas), scoring.held)
        scored = bare_names_are_towns(spans, scored)
        scored = wording_settles_names(spans, scored, containers.boxes)
        scored = lists_agree(text, spans, scored, kept, containers.boxes)
        scored = rivers_stay_rivers(spans, scored)
        scored = own_names_stay_own(spans, scored)
        for i, (j, geonameid) in others.items():   # ("Myrnohrad, ... called Dymytrov": one place, both names)
            scored[i], scored[j] = (best_first(scored[k], geonameid) if scored[k] else scored[k] for k in (i, j))

        spelled = frozenset(s.norm for s in spans if s.method.startswith("fuzzy"))
        # the names whose place is a small settlement, by country: several namesakes in one country the
        # article names by nothing else are no evidence for each other (Panama's Volcán, El Porvenir and
        # Las Lajas in a story about Guatemala's Fuego volcano)
        villages: dict[str, set[str]] = {}
        for span, ranking, d in zip(spans, scored, decisions):
            top = ranking[0][1].place if ranking else None
            if d.ok and top is not None and top.feature_class == "P" and top.population < POLICY.remote_namesake_population:
                villages.setdefault(top.country_code, set()).add(span.norm)
        mentions = []
        for i, (span, ranking, d) in enumerate(zip(spans, scored, decisions)):
            ok, reason = d.ok, d.reason
            if ok and not ranking:
                ok, reason = False, "a river the article names, which the gazetteer lacks"
            if ok and d.needs_country and not context2.names_country_besides(ranking[0][1].place.country_code, span.norm):
                ok, reason = False, "a common word, and the article is not about the country of the place so named"
            if ok and not gold_spans and ranking[0][1].kind == "alternate" and i not in others \
                    and _foreign_exonym(text, span, ranking, context2, self.gazetteer.transliterated_countries):
                ok, reason = False, "only another language's name for a place the article does not otherwise point to"
            if ok and not gold_spans and span.method.startswith("fuzzy") \
                    and not context2.names_country_besides(ranking[0][1].place.country_code, span.norm, spelled):
                # "Bahri" (Khartoum North) is not Bugry near St Petersburg: a spelling drift is read
                # only where the article is in that country, as names it matched exactly say (two
                # drifts, "Bahri" and "Mokha", are no evidence for each other's country)
                ok, reason = False, "only a similar spelling of a place in a country the article does not name"
            if ok and not gold_spans and ranking[0][1].kind == "enclosing" \
                    and not context2.names_country_besides(ranking[0][1].place.country_code, span.norm, spelled):
                # "the Shaab district" (of Baghdad) is no Israeli district holding a village of that name
                ok, reason = False, "only a division holding a place of that name, in a country the article does not name"
            if ok and not gold_spans and _remote_namesake(span, ranking[0][1].place, context2,
                                                          spelled | villages.get(ranking[0][1].place.country_code, frozenset())):
                ok, reason = False, "only a small place of that name far from every place the article names"
            if ok and not gold_spans and span.qualifier == "island" and ranking[0][1].place.feature_class == "P" \
                    and not self._country_told(text, span, ranking[0][1].place.country_code, context2):
                # the island's town stands in for an island the gazetteer lacks only in its country
                # ("Lampedusa, the Italian island"), not as a namesake abroad (Tortola, not Tórtola de Henares)
                ok, reason = False, "an island the gazetteer lacks, and no town of its name in a country the article names"
            if ok and scoring.contradicted(i, ranking[0][1].place):
                # the best of the name's places the containers allow ("Iraq's Kurdistan region": the
                # region, not Iran's province), else none: the gazetteer lacks the place meant
                allowed = next((c for _, c in ranking[1:] if not scoring.contradicted(i, c.place)), None)
                if allowed is None:
                    ok, reason = False, "no place of that name in the places the article puts it in"
                else:
                    ranking = best_first(ranking, allowed.place.geonameid)
            if ok:
                place = ranking[0][1].place
                score = _round(d.confidence * scoring.confidence(ranking) * span.similarity, 3)
                mentions.append(Mention(article_id, span.start, span.end, span.text,   # (in Mention's field order)
                                        place.geonameid, place.name, place.lat, place.lon, place.feature_code,
                                        place.country_code, place.admin1, score, span.method,
                                        role="modifier" if d.modifier else None))
            else:
                mentions.append(Mention(article_id, span.start, span.end, span.text, method=span.method,
                                        reason=reason or "no candidate fits"))
        return mentions

    def _unqualified(self, span: Span) -> tuple[Span, _Senses]:
        """The span without its qualifier (and without a plural kind word it ends in), and its senses."""
        text = span.text[: -len(" districts")] if span.text.lower().endswith(" districts") else span.text
        plain = Span(span.start, span.start + len(text), text, span.norm, "exact" if span.method == "qualified" else span.method,
                     None, span.similarity, span.variants, span.cues)
        return plain, self.senses(plain)

    def _demonym_countries(self, word: str) -> list[Place]:
        """The countries a word is the adjective of ("Swedish": Sweden)."""
        return [c.place for c in self._candidates(normalize_name(word)) if c.kind == "demonym" and c.place.is_country]

    def _country_told(self, text: str, span: Span, country_code: str, context: ArticleContext) -> bool:
        """Whether the article names the country, or a word of the span's sentence is its demonym ("the Italian island")."""
        if context.names_country_besides(country_code, span.norm):
            return True
        window = text[max(0, span.start - POLICY.demonym_window_chars): span.end + POLICY.demonym_window_chars]
        return any(c.kind == "demonym" and c.place.country_code == country_code
                   for word in _CAPITALIZED.findall(window) for c in self._candidates(normalize_name(word)))


_PERSON = "the article uses this name for a person"


#: Words that begin places' names, capitalized before another capitalized word: "Port Arthur",
#: "Fort Bragg", "Mount Vernon", "Cape Town", "Saint Paul", "San Bernardino".
_PLACE_HEAD = re.compile(r"(?:Port|Fort|Ft\.|Mount|Mt\.|Cape|Saint|St\.|San|Santa)\s+[A-Z]")


def _capitalized_run(span: Span) -> bool:
    """Whether the span is two or more words, each capitalized, with no "the" before it (matching's
    "riverside") and no feature's kind first: "in Broken Hill", "to Big Sky", "near Battle Ground".
    Mid-sentence and where the context says a place (a positive cue), such a run of common words is
    a name, a place's where a place bears it as its own ("the White House" is no town, nor "Lake
    Albert" the Australian town)."""
    if " " not in span.text or span.qualifier is not None:
        return False   # (most spans: one word; this is asked for every span)
    words = span.text.split()
    return all(w[:1].isupper() for w in words) \
        and words[0].lower() not in FEATURE_HEADS


#: A feature's kind ending its name ("Snake Island", "Bear Lake"): the run names a feature of that kind.
_FEATURE_TAILS = frozenset("island islands isle lake bay peninsula strait mountain mountains hill hills valley".split())


def _feature_named(span: Span, place: Place) -> bool:
    """Whether the span ends in a feature's kind and the place is a physical feature (no town or
    division): "around Snake Island" is the island GeoNames lists as Ostriv Zmiyinyy."""
    return span.text.rsplit(None, 1)[-1].lower() in _FEATURE_TAILS and place.feature_class not in ("P", "A")


# Cues that say a span's capitals may be the sentence's or a headline's, not the name's.
_NOT_MID_SENTENCE = frozenset({"sentence_start", "title_line", "capital_before_at_start"})


def _proper_with_kind(span: Span) -> bool:
    """Whether the span is a proper name with a division's kind word, capitalized ("Walker County",
    "Lake District"): no common word, however plain its other words ("the county" is no name; "Dublin
    City Council" is the town's council, no Irish division)."""
    words = span.text.split()
    return span.qualifier in ("district", "division") and len(words) > 1 and words[-1][:1].isupper() \
        and words[0].lower() != "the"


def _persons_stay_persons(spans: list[Span], decisions: list[Detection]) -> list[Detection]:
    """Once an article writes "Michael Steele", a later "Steele" is the man, not Steele, North Dakota."""
    persons = {s.norm for s in spans if ("capital_before" in s.cues or "person" in s.cues) and "capital_after" not in s.cues}
    if not persons:
        return decisions
    out = []
    for span, d in zip(spans, decisions):
        # d.prior below an important place's: a surname, not Russia in "United Russia"
        if d.ok and span.norm in persons and d.prior < POLICY.important_place and span.qualifier in (None, "riverside") \
                and "dateline" not in span.cues and "place_preposition" not in span.cues:
            d = Detection(False, reason=_PERSON, overrulable=True)
        out.append(d)
    return out


def _contained_names_are_places(text: str, spans: list[Span], senses: list[_Senses], decisions: list[Detection],
                                containers: dict[int, list[Place]]) -> list[Detection]:
    """"Post Falls, Idaho", "MAINEVILLE, Ohio", "CHARLESTON, W.Va.": a name the word alone would not make
    a place (a common word, a small place, a surname) is one when a comma joins it to a first-level
    division that holds a settlement of that name: the container is the context that says a place is meant."""
    out = list(decisions)
    for i, (span, d) in enumerate(zip(spans, decisions)):
        if d.ok or not d.overrulable or text[span.end:span.end + 1] != ",":
            continue
        boxes = [box for box in containers.get(span.start, ()) if box.feature_code == "ADM1"]
        if any(c.place.feature_class == "P" and c.place.lies_in(box) for box in boxes for c in senses[i].cands):
            out[i] = Detection(True, min(1.0, POLICY.confidence_base + POLICY.confidence_positive),
                               prior=senses[i].prior)
    return out


def _one_place_per_name(spans: list[Span], decisions: list[Detection]) -> list[Detection]:
    """"ROLLING FORK, Miss. (AP) - A tornado tore through Rolling Fork": a name the word alone would not
    make a place is one where the article names that place with a place's context elsewhere (a
    dateline, a place preposition, a container), unless the article uses the name for a person."""
    placed = {}
    for span, d in zip(spans, decisions):
        if d.ok and not d.needs_country and not d.modifier and span.cues and set(span.cues) & POSITIVE_CUES:
            placed.setdefault(span.norm, d)
    if not placed:
        return decisions
    persons = {span.norm for span, d in zip(spans, decisions) if d.reason == _PERSON}
    return [Detection(True, placed[span.norm].confidence, prior=placed[span.norm].prior)
            if not d.ok and d.overrulable and span.norm in placed and span.norm not in persons else d
            for span, d in zip(spans, decisions)]


def _counties_and_towns(spans: list[Span], senses: list[_Senses], decisions: list[Detection]) -> dict[int, frozenset[int]]:
    """By span start, the candidates (geonameids) that pair with another name of the article as a
    town and the county (second-level division) that holds it: "Paris" and "Henry County" are Paris,
    Tennessee and Henry County, Tennessee, though each alone would be another (places named together
    lie together; a county named by its own name is local news's way of placing its towns)."""
    # (a county whose name is also a town's in it, "Cairns", is that town as often: _Senses.counties leaves it out)
    counties = [(j, x.counties) for j, (x, d) in enumerate(zip(senses, decisions)) if d.ok and x.counties]
    if not counties:
        return {}
    # The counties by their codes, which a town in one shares (Place.lies_in): a town finds its
    # counties by one look-up, not by a test against every county of the article.
    by_codes: dict[tuple[str, str, str], list[tuple[int, Place]]] = {}
    for j, held_by in counties:
        for county in held_by:
            by_codes.setdefault((county.country_code, county.admin1_code, county.admin2_code), []).append((j, county))
    out: dict[int, set[int]] = {}
    for i, (span, x, d) in enumerate(zip(spans, senses, decisions)):
        if not d.ok or not x.towns:
            continue
        for town in x.towns:
            if not town.country_code:
                continue   # (in no country: lies in no county)
            for j, county in by_codes.get((town.country_code, town.admin1_code, town.admin2_code), ()):
                if j == i or senses[j].norm == x.norm or not x.ids.isdisjoint(c.geonameid for c in senses[j].counties):
                    continue                          # ("PLYMOUTH CO." and "Plymouth County": one county named twice)
                if town.geonameid != county.geonameid:
                    out.setdefault(span.start, set()).add(town.geonameid)
                    out.setdefault(spans[j].start, set()).add(county.geonameid)
    return {start: frozenset(ids) for start, ids in out.items()}


def _foreign_exonym(text: str, span: Span, ranking: list[tuple[float, Candidate]], context: ArticleContext,
                    transliterated: frozenset[str]) -> bool:
    """"Hamas" is Hamm's name in some language: an alternate name of a place in a country the
    article never names, with nothing around it saying a place is meant, is not taken as that place.
    "of", "to", "from" say little ("the armed wing of Hamas", "support to Hamas"): only a preposition
    of location does ("in", "near", "at"...). A name that is the place's own division's official
    name is the name the gazetteer's language (English) gives it: "Geneva" is Genève's, whose canton
    GeoNames calls Geneva."""
    winner = ranking[0][1]
    p = winner.place
    if not (winner.kind == "alternate" and span.method == "exact" and p.importance < POLICY.foreign_exonym_importance
            and not p.is_country and not context.names_country_besides(p.country_code, span.norm)
            and (span.qualifier is None or span.qualifier == "riverside" and p.kind not in ("river", "water body"))):
        return False   # ("the Dnipro" is the river its "the" says; "the Hamas-run government" has no river)
    if p.country_code in transliterated and bears_name(winner, short_forms=False):
        return False   # "Kupiansk" spells Kupyansk as another romanization does: no other language's name
    if any(c.kind in ("official", "ascii") and c.place.feature_code in ("ADM1", "ADM2") and p.lies_in(c.place)
           for _, c in ranking[1:]):
        return False
    cues = set(span.cues) & POSITIVE_CUES
    if cues == {"place_preposition"}:
        return not _LOCATIVE_BEFORE.search(text, max(0, span.start - 20), span.start)
    return not cues


def _remote_namesake(span: Span, place: Place, context: ArticleContext, doubtful: frozenset[str]) -> bool:
    """Whether ``place`` is a small settlement (no capital of a country or first-level division: Venice),
    or a stream, lake or hill of a country's full dump, in a
    country no other name of the article is in, far from all of the article's places
    (Policy.remote_namesake_*): the article means a place of that name the gazetteer lacks (the
    Neretva of a Bosnian story is not a Ukrainian brook of that name)."""
    small = place.population < POLICY.remote_namesake_population and not place.is_capital if place.feature_class == "P" \
        else place.feature_class in ("H", "T") and place.importance < POLICY.weak_prior   # (no curated Nile or Thames)
    if not small or context.names_country_besides(place.country_code, span.norm, doubtful):
        return False
    others = [(lat, lon) for norm, lat, lon in context.points if norm != span.norm and norm not in doubtful]
    if len(others) < POLICY.remote_namesake_places:
        return False
    # only a story with a focus: its places gathered in one part of the world (a list of places from
    # all over it may hold a small far one too)
    if all(haversine_km(place.lat, place.lon, lat, lon) > POLICY.remote_namesake_km for lat, lon in others):
        lat0, lon0 = sum(lat for lat, _ in others) / len(others), sum(lon for _, lon in others) / len(others)
        near = sum(haversine_km(lat0, lon0, lat, lon) <= POLICY.remote_namesake_focus_km for lat, lon in others)
        if near >= POLICY.remote_namesake_focus_share * len(others):
            return True   # (else, as any: "Savona" in a Kamloops story that also names Ottawa)
    # or far beyond the reach of a story with a centre: a Guatemalan volcano's villages are not Panama's
    # namesakes (the centre a median, which a wrongly placed name or two far away does not move)
    lats, lons = sorted(lat for lat, _ in others), sorted(lon for _, lon in others)
    lat1, lon1 = lats[len(lats) // 2], lons[len(lons) // 2]
    spread = sorted(haversine_km(lat1, lon1, lat, lon) for lat, lon in others)
    reach = spread[int(POLICY.remote_namesake_reach_share * (len(spread) - 1))]
    return haversine_km(place.lat, place.lon, lat1, lon1) > max(POLICY.remote_namesake_min_km,
                                                                POLICY.remote_namesake_reach_factor * reach)
