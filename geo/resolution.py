"""Choosing the place each span names: spans in, :class:`~geo.document.Mention` records out.

Each candidate gets a score from what is known before reading (its importance: population, feature
code, capital) and what the article says: the qualifier written with the name ("Kharkiv region"
is the oblast), the countries and regions the article names, the distance to the article's other
places, and explicit containers ("Riga, Latvia", "Izium in Kharkiv province"). A span is kept as a
place only when its context does not make it a person, an organisation or a title, and a weak
candidate (a village of 0 people named like a minister) needs the context to support it.

The confidence is the winner's share of the candidates' softmaxed scores, times how sure the
detection is; :mod:`geo.evaluation` measures how well it is calibrated.

Resolution is the pipeline's hot loop, so the work is arranged to be done once: what a name's
candidates are and what they score before the article is read (:class:`_Senses`) are kept across
articles; within an article, each candidate's distance to each resolved place and each candidate's
score given the article's countries and regions are computed once (:class:`_Scoring`), however
many spans and passes ask for them. The arithmetic is the same, in the same order, as scoring
every span from scratch: the scores are rounded and compared, so a reordered sum could flip a tie.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import add, itemgetter

from geo.document import Mention, Span
from geo.gazetteer import Candidate, Gazetteer, Place
from geo.matching import (COMMON_NAME_IMPORTANCE, COMMON_WORD_ZIPF, FUZZY_COUNTRIES, POSITIVE_CUES, STRONG_COMMON_ZIPF,
                          word_frequency)
from geo.normalize import normalize_name
from geo.transliteration import translit_key

# Cues (from geo.matching) that make a span something other than a place.
NEGATIVE_CUES = frozenset({"organisation", "organisation_of", "role", "quoted_title", "person", "capital_after", "capital_before"})
# Feature classes and codes each qualifier admits.
_QUALIFIER_FITS = {
    "division": lambda p: (p.feature_class == "A" and not p.is_country) or p.feature_code in ("RGN", "AREA", "PEN"),
    "district": lambda p: p.feature_code in ("ADM2", "ADM3", "ADMD"),
    "river": lambda p: p.feature_class == "H" and p.feature_code.startswith("STM"),
    "riverside": lambda p: p.feature_class == "H" and p.feature_code.startswith("STM"),   # "the Dnipro"
    "water": lambda p: p.feature_class == "H",
    "settlement": lambda p: p.feature_class == "P",
}
_EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Policy:
    """Every weight and threshold of resolution, in one place (as :class:`geo.claims.policy.Policy`
    holds the claims' tolerances). A candidate's score is a sum: its importance (from the
    gazetteer, in [0, 1]), what its name and qualifier say, what the article's countries, regions
    and places add, and what the span's containers add; the best score wins. Importances,
    thresholds of importance and shares are in [0, 1]; weights are score points.

    The values were set on LGL and on the odd-numbered articles of GeoWebNews and TR-News (the
    even-numbered ones held out); the reference articles must stay perfect under any change.
    """

    # -- a candidate's score before the article is read (_prior_score)
    stem_penalty: float = 0.3           #: "Bucha" is the town; its raion is written "Bucha district"
    own_name: float = 0.15              #: a place's own current name (any spelling) over another's former or foreign one
    other_name: float = 0.3             #: less for a name that is neither the place's own nor a short form of it
                                        #: ("Liverpool" for Washington, Indiana; "Delaware" for West Point, Virginia)
    division_qualifier: float = 0.3     #: "Kharkiv region" is the oblast, not the raion of that name
    bare_settlement: float = 0.1        #: a bare name is a settlement before a division or a feature
    stands_alone: float = 1.2           #: a country or continent named is its own context ("China" in a Texas story)
    big_city_namesake: float = 0.25     #: a state that shares its name with a city of millions in it yields to it ("New York")...
    big_city_population: int = 1_000_000  #: ... "of millions": this many people

    # -- what the article adds (ArticleContext, _Scoring)
    country_bonus: float = 0.5          #: a candidate in a country the article's other names are in...
    region_bonus: float = 0.4           #: ... in a first-level division they are in
    bonus_full_at: int = 2              #: mentions of other names at which those bonuses are whole
    division_holds_places: float = 0.6  #: a state holding the article's other places, where a country shares its name
    home_region: float = 0.3            #: more for the article's home region: the one where...
    home_region_mentions: int = 3       #: ... at least this many mentions of other names lie...
    home_region_share: float = 0.5      #: ... and at least this share of all its regions' mentions;
    home_region_min_population: int = 1000  #: ... for a settlement of this many people or a seat (not a village)
    near_article: float = 0.3           #: up to this for a candidate near the article's places...
    near_article_km: float = 200.0      #: ... falling off as exp(-distance / this)
    near_span: float = 0.4              #: up to this for a candidate near the settlements named around the span...
    near_span_km: float = 50.0          #: ... falling off so
    near_span_chars: int = 200          #: "around the span": within this many characters
    container: float = 1.0              #: per explicit container the candidate lies in ("Riga, Latvia")
    county_and_town: float = 0.5        #: a town and a county the article names that hold each other ("Paris" and
                                        #: "Henry County": Paris, Tennessee and Henry County, Tennessee), each
    container_gap_chars: int = 60       #: the most text between a name and its container
    container_lookahead: int = 3        #: how many later spans may be a span's container
    telling_importance: float = 0.75    #: a place this important, or a name's only place, tells the article's area at once
    context_share: float = 0.6          #: a resolution this sure (softmax share) tells it in the second pass

    # -- detection (Resolver._detect): whether a span names a place
    weak_prior: float = 0.45            #: below this importance a bare name needs support from its context
    important_place: float = 0.75       #: a place this important is taken despite a person's or a title's cue
    major_place: float = 0.9            #: ... and a common word or a capitalized run despite everything
    common_named: float = 0.6           #: a common word known by this name at this importance is a place in a place
                                        #: context, or where the article names its country (Oxford, Maine)
    state_named: float = 0.8            #: a state or province this important, known by a name that is a less common
                                        #: word (Maine), is a place wherever it stands
    other_names_prior: float = 0.6      #: below this, a place known here only by another's name needs a place context
    foreign_exonym_importance: float = 0.9  #: below this, another language's name in an article about elsewhere is no place
    confidence_base: float = 0.55       #: detection confidence: this, ...
    confidence_per_prior: float = 0.5   #: ... plus this times the best importance, ...
    confidence_positive: float = 0.2    #: ... plus this with a place cue (at most 1)
    sentence_start_factor: float = 0.9  #: a name that starts a sentence, with no place cue, is less sure

    # -- the confidence reported
    temperature: float = 0.12           #: softmax temperature over candidate scores (the winner's share)


#: The policy resolution runs with by default.
POLICY = Policy()
TEMPERATURE = POLICY.temperature   # (names kept for the calibration script)
WEAK_PRIOR = POLICY.weak_prior

# What lies between a span and the next one when the next contains it: "X, Y", "X in (the) Y",
# "X, a town in Y's Z".
_CONTAINER_GAP = re.compile(r",\s*|\s+in\s+(?:the\s+)?(?:\w+[’']s\s+)?|,\s*(?:an?|the)\s+(?:\w+\s+){0,3}?in\s+(?:the\s+)?(?:\w+[’']s\s+)?")
# After a qualified name, "of" too: "the Shebekino district of Russia's Belgorod region".
_OF_CONTAINER_GAP = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+[’']s\s+)?")
_QUALIFIED_BY_KIND = frozenset({"district", "division", "settlement"})


@dataclass(frozen=True)
class Detection:
    """Whether a span names a place, how sure that is, and why not (shared by the spans it holds for)."""

    ok: bool
    confidence: float = 0.0
    reason: str | None = None
    needs_country: bool = False   #: a place only if the article names (or is in) the place's country
    prior: float = 0.0            #: the best candidate's importance
    modifier: bool = False        #: a place name modifying an office or body ("Gainesville police")


@dataclass
class ArticleContext:
    """What the article's confidently resolved places say about where it is."""

    countries: Counter = field(default_factory=Counter)           # country code -> mentions
    regions: Counter = field(default_factory=Counter)             # "UA.07" -> mentions
    points: set[tuple[str, float, float]] = field(default_factory=set)  # (name, lat, lon) of settlements, regions
    country_names: dict[str, set[str]] = field(default_factory=dict)   # country code -> the names placing it
    own: dict[str, dict[str, int]] = field(default_factory=dict)   # name -> the country and region codes its mentions add
    _bonuses: tuple | None = field(default=None, init=False, repr=False, compare=False)   # (worked out when asked for)
    _own_bonuses: dict = field(default_factory=dict, init=False, repr=False, compare=False)   # name -> its bonuses without itself

    def names_country_besides(self, country_code: str, norm: str) -> bool:
        """Whether a name other than ``norm`` puts the article in this country (a name is no evidence for itself)."""
        return bool(self.country_names.get(country_code, set()) - {norm})

    def add(self, place: Place, norm: str) -> None:
        self._bonuses = None   # (to be worked out again)
        self._own_bonuses = {}
        code = place.country_code
        own = self.own.get(norm)
        if own is None:
            own = self.own[norm] = {}
        if code:
            # (get: counting through a Counter's __missing__ is a Python call, and this is called for most spans)
            self.countries[code] = self.countries.get(code, 0) + 1
            self.country_names.setdefault(code, set()).add(norm)
            own[code] = own.get(code, 0) + 1
        if place.is_country or place.feature_code == "CONT":
            return
        if place.admin1_code and place.admin1_code != "00":
            region = f"{code}.{place.admin1_code}"
            self.regions[region] = self.regions.get(region, 0) + 1
            own[region] = own.get(region, 0) + 1
        self.points.add((norm, place.lat, place.lon))

    def bonuses_without(self, norm: str) -> tuple[dict[str | None, float], dict[str | None, float]]:
        """:meth:`bonuses` from the mentions of names other than ``norm``: a name is no evidence
        for itself (eight "Alexandria"s read as Egypt's do not make the article Egyptian)."""
        own = self.own.get(norm)
        if not own:
            return self.bonuses()
        known = self._own_bonuses.get(norm)
        if known is None:
            # the bonuses of all the article's names, less what this name's own mentions added
            base_countries, base_regions = self.bonuses()
            countries, regions, recount = dict(base_countries), base_regions, False
            for code, k in own.items():
                n = self.countries.get(code)
                if n is not None:
                    if n > k:
                        countries[code] = POLICY.country_bonus * min(1.0, (n - k) / POLICY.bonus_full_at)
                    else:
                        del countries[code]
                elif code in self.regions:
                    recount = True
            if recount:   # (a region's count changes, and with it maybe the home region: worked out again)
                counts = dict(self.regions)
                for code, k in own.items():
                    n = counts.get(code)
                    if n is not None:
                        if n > k:
                            counts[code] = n - k
                        else:
                            del counts[code]
                regions = _region_bonuses(counts)
            known = self._own_bonuses[norm] = (countries, regions)
        return known

    def bonuses(self) -> tuple[dict[str | None, float], dict[str | None, float]]:
        """What the article's countries and regions add to the score of a candidate in them (the
        most at two mentions), by country code and by region code: worked out once per context,
        not once per candidate."""
        if self._bonuses is None:
            self._bonuses = ({code: POLICY.country_bonus * min(1.0, n / POLICY.bonus_full_at) for code, n in self.countries.items()},
                             _region_bonuses(self.regions))
        return self._bonuses


def _region_bonuses(regions: dict[str, int]) -> dict[str | None, float]:
    """What the article's regions (code -> mentions) add to a candidate in each: the region
    bonus, and for the article's home region (the one most of its places are in, when they are
    enough) the home-region bonus too: local news is about its own state."""
    out: dict[str | None, float] = {code: POLICY.region_bonus * min(1.0, n / POLICY.bonus_full_at) for code, n in regions.items()}
    if regions:
        n = max(regions.values())
        if n >= POLICY.home_region_mentions and n >= POLICY.home_region_share * sum(regions.values()):
            home = max(code for code, k in regions.items() if k == n)   # (ties: the same one every time)
            out[home] = out[home] + POLICY.home_region
    return out


@lru_cache(maxsize=100_000)
def is_short_form(name: str, own_name: str) -> bool:
    """Whether ``name`` is ``own_name`` shortened: its words all among the place's own ("Kingston" for
    Kingston upon Thames, "Newcastle" for Newcastle upon Tyne, "Avondale" for Avondale Estates).

    >>> is_short_form("Kingston", "Kingston upon Thames"), is_short_form("Liverpool", "Washington")
    (True, False)
    """
    words = {_ABBREVIATED.get(w, w) for w in translit_key(normalize_name(own_name)).replace(".", " ").split()}
    return all(_ABBREVIATED.get(w, w) in words for w in translit_key(normalize_name(name)).replace(".", " ").split())


#: The words place names abbreviate, as normalize_name leaves them ("St. Paul" is Saint Paul's own name).
_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def is_spelling_variant(name: str, own_name: str) -> bool:
    """Whether ``name`` spells ``own_name`` another way (Izium for Izyum, Balakliia for Balakliya)."""
    return translit_key(normalize_name(name)) == translit_key(normalize_name(own_name))


# -- a name's candidates, prepared once ---------------------------------------------------------


def _prior_score(c: Candidate, qualifier: str | None, alone: bool) -> float:
    """The part of a candidate's score that the article does not change: its importance, and what
    its name and the span's qualifier say."""
    p = c.place
    s = p.importance
    if c.kind == "stem" and qualifier is None:
        s -= POLICY.stem_penalty   # "Bucha" is the town; its raion is written "Bucha district"
    if c.kind in ("official", "ascii") or (c.kind == "alternate" and is_spelling_variant(c.name, p.name)):
        s += POLICY.own_name  # a place's own current name (in any spelling) over another's former or foreign name
    elif c.kind == "alternate" and not is_short_form(c.name, p.name):
        s -= POLICY.other_name
    if qualifier == "division" and p.feature_code == "ADM1":
        s += POLICY.division_qualifier   # "Kharkiv region" is the oblast, not the raion of the same name
    if qualifier is None and p.feature_class == "P":
        s += POLICY.bare_settlement
    if alone:
        s += POLICY.stands_alone  # a country or continent named is its own context: "China" in a Texas story is China
    return s


def _big_city_first(ranked: Sequence[Candidate], bases: list[float]) -> set[tuple[str, str]]:
    """A city of millions is what its name means before the state it lies in and shares a name
    with ("New York", "Berlin"), though the state counts more people: take
    :attr:`Policy.big_city_namesake` from such a state's score (and nothing from anyone else's:
    the city against other towns is as before). Oklahoma City, of under a million, does not make
    "Oklahoma" the city."""
    cities = {(c.place.country_code, c.place.admin1_code) for c in ranked
              if c.place.feature_class == "P" and c.place.population >= POLICY.big_city_population}
    if not cities:
        return cities
    for k, c in enumerate(ranked):
        if c.place.feature_code == "ADM1" and (c.place.country_code, c.place.admin1_code) in cities:
            bases[k] -= POLICY.big_city_namesake
    return cities   # (the states that yield: the article's places in them support the city as much)


class _Senses:
    """The candidates of a span's name (as its norm, variants, method and qualifier select them),
    and what detection and scoring ask of them, worked out once. The resolver keeps one per name:
    a name recurs across articles, and each article asks for its senses several times."""

    def __init__(self, norm: str, qualifier: str | None, cands: tuple[Candidate, ...]) -> None:
        self.norm, self.qualifier, self.cands = norm, qualifier, cands
        self.detections: dict[tuple, Detection] = {}   # what Resolver.is_place found, by what else it looks at

        # -- for detection
        #: the best candidate's importance
        self.prior: float = max((c.place.importance for c in cands), default=0.0)
        #: the best importance of a candidate known by this very name (not an alternate one)
        self.named: float = max((c.place.importance for c in cands if c.kind != "alternate"), default=0.0)
        #: whether an important place known by this very name lies in no one country (a sea, a
        #: region: "Middle East", "Black Sea"), which no article names the country of
        self.named_countryless: bool = any(c.kind != "alternate" and not c.place.country_code
                                           and c.place.importance >= COMMON_NAME_IMPORTANCE for c in cands)
        #: the best importance of a first-level division known by this very name (Maine, Victoria)
        self.named_state: float = max((c.place.importance for c in cands if c.place.feature_code == "ADM1"
                                       and c.kind in ("official", "ascii", "everyday", "abbrev")), default=0.0)
        #: how common the name's rarest word is in English
        #: (none for an abbreviation written with its dot: "Ill." is no word)
        self.zipf: float = min(word_frequency(w) for w in norm.split()) if norm.strip() and "." not in norm else 0.0
        #: whether every candidate is an alternate name that is not a spelling of the place's own
        #: (Bush for Bushland, not Izium for Izyum)
        self.only_other_names: bool = all(c.kind == "alternate" and not is_spelling_variant(c.name, c.place.name)
                                          for c in cands)

        # -- for scoring: every tuple in the order of ranked
        #: the candidates by importance, then geonameid: the order that equal scores keep
        ranked = tuple(sorted(cands, key=lambda c: (-c.place.importance, c.place.geonameid)))
        self.ranked: tuple[Candidate, ...] = ranked
        #: whether each candidate is a country or continent: its own context, never near anything
        alone = tuple(c.place.is_country or c.place.feature_code == "CONT" for c in ranked)
        self.alone: tuple[bool, ...] = alone
        #: each candidate's score before the article is read (_prior_score)
        bases = [_prior_score(c, qualifier, a) for c, a in zip(ranked, alone)]
        yielding = _big_city_first(ranked, bases) if qualifier is None else set()
        self.bases: tuple[float, ...] = tuple(bases)
        #: the country whose mentions support each candidate (None for a country or continent)
        self.countries: tuple[str | None, ...] = tuple(None if a else c.place.country_code for c, a in zip(ranked, alone))
        #: the first-level division ("UA.07") whose mentions support each candidate
        self.regions: tuple[str | None, ...] = tuple(f"{c.place.country_code}.{c.place.admin1_code}" if c.place.admin1_code
                                                     else None for c in ranked)
        #: the region of each candidate that is a first-level division known by its own name (not
        #: a stem, "Kharkiv" the city's, nor another's, "Mexico" for Mexico City), else None: the
        #: article's places inside it make the name the division (Georgia beside Atlanta is the
        #: state, not the country; Quebec beside Montreal the province, not its capital), unless
        #: the division yields its name to a city of millions (New York beside Brooklyn)
        #: A division whose own name is not the bare name (Kherson Oblast, Sumska Oblast: known as
        #: "Kherson" only through the admin-code list) holds nothing by it: there, as in news of any
        #: country whose regions are named after their capitals, the bare name is the city.
        self.holders: tuple[str | None, ...] = tuple(
            f"{c.place.country_code}.{c.place.admin1_code}"
            if c.place.feature_code == "ADM1" and c.kind in ("official", "ascii", "everyday", "abbrev")
            and norm in (normalize_name(c.place.name), normalize_name(c.place.asciiname))
            and (c.place.country_code, c.place.admin1_code) not in yielding else None
            for c in ranked)
        #: whether each candidate may take the home-region bonus: not a village GeoNames knows no
        #: one in (in a country held in full, every village is a namesake of a city somewhere)
        self.home_eligible: tuple[bool, ...] = tuple(
            c.place.feature_class != "P" or c.place.population >= POLICY.home_region_min_population
            or c.place.feature_code.startswith(("PPLA", "PPLC")) for c in ranked)
        #: whether the name is also an important place's (a village then takes no nearness bonus against it)
        self.prominent_namesake: bool = not all(self.home_eligible) and any(
            c.place.importance >= POLICY.telling_importance for c in ranked)
        self.any_holder: bool = any(h is not None for h in self.holders)
        #: the ranking (as _ranking) when nothing in the article bears on it
        self.prior_ranking: tuple[tuple[float, Candidate], ...] = tuple(_ranking(list(self.bases), self))
        #: the positions of the candidates that nearby places count for (not countries and continents)
        self.positions: tuple[int, ...] = tuple(k for k, a in enumerate(alone) if not a)
        #: (lat, lon in radians, cos lat) of the candidates at positions
        located = []
        for k in self.positions:
            lat = math.radians(ranked[k].place.lat)
            located.append((lat, math.radians(ranked[k].place.lon), math.cos(lat)))
        self.located: tuple[tuple[float, float, float], ...] = tuple(located)
        #: whether no place is a candidate twice (under two names)
        self.distinct_places: bool = len({c.place.geonameid for c in cands}) == len(cands)


# Cues that make a span part of a body's name or title ("Gainesville Police", "Bank of America",
# "Belgorod governor Vyacheslav Gladkov"): the place is then a modifier.
_BODY_CUES = ("role", "organisation", "organisation_of")


def _without_body_cues(span: Span) -> Span:
    """The span as if no body's name surrounded it (a copy)."""
    return Span(span.start, span.end, span.text, span.norm, span.method, span.qualifier, span.similarity, span.variants,
                tuple(c for c in span.cues if c not in _BODY_CUES))


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
        return _Senses(norm, qualifier, tuple(self._fitting(norm, variants, method, qualifier)))

    def _fitting(self, norm: str, variants: tuple[str, ...], method: str, qualifier: str | None) -> list[Candidate]:
        """The places the name may stand for, as the span's method and qualifier admit them."""
        found = list(self._candidates(norm))
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
            found = [c for c in found if c.place.country_code in FUZZY_COUNTRIES]
        fits = _QUALIFIER_FITS.get(qualifier or "")
        if fits is not None:
            fitting = [c for c in found if fits(c.place)]
            if fitting:
                return fitting
            if qualifier in ("division", "district"):
                # "Kharkiv region" where the name is only a city's: the city's oblast is meant.
                return self._enclosing_divisions(found)
            if qualifier == "riverside":
                return found   # "the Kharkiv offensive": no river of the name, the name's places
            if qualifier in ("river", "water"):
                return []   # "the river", "Foo Lake" the gazetteer lacks: no town's division is meant
        return found

    def _enclosing_divisions(self, found: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        for c in found[:3]:
            div = self.gazetteer.admin_division(f"{c.place.country_code}.{c.place.admin1_code}")
            if div is not None and div.geonameid not in {o.place.geonameid for o in out}:
                out.append(Candidate(div, c.name, "enclosing"))
        return out

    # -- detection ------------------------------------------------------------------------

    def is_place(self, span: Span, senses: _Senses, gold_span: bool = False) -> Detection:
        """Whether a span names a place, a detection confidence, and the reason when not."""
        # Besides the name, its qualifier and method (the senses), only the cues and whether the
        # text is a short word in capitals count: the same for many spans, remembered per name.
        key = (span.cues, gold_span, span.text.isupper() and len(span.text) <= 4)
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
            return Detection(False, reason="a common word in a title-case line, and no major place is called that")
        if "person" in cues and not (positive and prior >= POLICY.important_place) and qualifier is None:
            return Detection(False, reason="context makes it a person, not a place")  # "Lavrov said", not "in Kharkiv told"
        if "quoted_title" in cues and qualifier is None:
            return Detection(False, reason="context makes it a title, not a place")
        body = next((cue for cue in _BODY_CUES if cue in cues), None) if qualifier is None else None
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
            if zipf >= COMMON_WORD_ZIPF:
                # "We", "But", "March", "Police": only an important place known by that very name
                # survives (Washington, Paris); a division named like a word ("Texas", but also
                # Kuwait's "Capital") only in an article about its country.
                named = senses.named
                if named >= POLICY.major_place or (named >= POLICY.common_named and positive and zipf < STRONG_COMMON_ZIPF) \
                        or senses.named_countryless or (senses.named_state >= POLICY.state_named and zipf < STRONG_COMMON_ZIPF):
                    pass
                elif named >= POLICY.common_named:
                    needs_country = True
                else:
                    return Detection(False, reason="a common word, and no important place is called that")
            if span.text.isupper() and len(span.text) <= 4 and prior < POLICY.important_place:
                return Detection(False, reason="an abbreviation in capitals, and no important place is called that")
            if " " not in span.norm and prior < POLICY.other_names_prior and not positive and senses.only_other_names:
                return Detection(False, reason="only another name (not a spelling) of a small place, and nothing says a place is meant")
        if prior < WEAK_PRIOR and not positive:
            return Detection(False, reason="only small places have this name and nothing around it says a place is meant")
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
        if not gold_spans and any("regional_after" in s.cues for s in spans):
            spans = list(spans)
            for i, (span, d) in enumerate(zip(spans, decisions)):
                if d.ok and "regional_after" in span.cues and span.qualifier is None:
                    # "the Sumy regional council", "Odesa regional governor": the body is the oblast's
                    regional = Span(span.start, span.end, span.text, span.norm, span.method, "division",
                                    span.similarity, span.variants, span.cues)
                    division = self.senses(regional)
                    if division.cands:   # (a place in no division stays itself)
                        spans[i], senses[i] = regional, division
        stated: dict[int, list[Place]] = {}
        containers = self._containers(text, spans, senses, stated)
        if not gold_spans:
            decisions = _contained_names_are_places(text, spans, senses, decisions, containers)
        kept = [d.ok for d in decisions]
        scoring = _Scoring(spans, senses, containers, stated, _counties_and_towns(spans, senses, decisions))

        # Pass 1: what the important, unambiguous places say about the article's area.
        telling = [d.ok and not d.needs_country and (x.cands[0].place.importance >= POLICY.telling_importance or len(x.cands) == 1)
                   for x, d in zip(senses, decisions)]
        context = ArticleContext()
        for span, ranking in zip(spans, scoring.rankings(telling, ArticleContext())):   # (nothing known yet)
            if ranking:
                context.add(ranking[0][1].place, span.norm)
        # Pass 2: every span with that context; names keep one sense per article.
        names = _mentions_by_name(spans, kept)
        scored = _one_sense_per_name(names, senses, scoring.rankings(kept, context))
        context2 = ArticleContext()
        for span, ranking, d in zip(spans, scored, decisions):
            if ranking and scoring.share(ranking) > POLICY.context_share and not d.needs_country:
                context2.add(ranking[0][1].place, span.norm)
        local = _local_points(spans, scored, POLICY.near_span_chars)
        scored = _one_sense_per_name(names, senses, scoring.rankings(kept, context2, local))

        mentions = []
        for i, (span, ranking, d) in enumerate(zip(spans, scored, decisions)):
            ok, reason = d.ok, d.reason
            if ok and d.needs_country and not context2.names_country_besides(ranking[0][1].place.country_code, span.norm):
                ok, reason = False, "a common word, and the article is not about the country of the place so named"
            if ok and not gold_spans and ranking[0][1].kind == "alternate" \
                    and _foreign_exonym(span, ranking[0][1], context2):   # (its cheapest test first)
                ok, reason = False, "only another language's name for a place the article does not otherwise point to"
            if ok and scoring.contradicted(i, ranking[0][1].place):
                ok, reason = False, "no place of that name in the places the article puts it in"
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

    def _containers(self, text: str, spans: list[Span], senses: list[_Senses],
                    stated: dict[int, list[Place]]) -> dict[int, list[Place]]:
        """Places that the text says contain a span: "X, Y", "X in (the) Y", "X, a town in Y's Z"."""
        out: dict[int, list[Place]] = {}
        for i, span in enumerate(spans):
            for k in range(i + 1, min(i + 1 + POLICY.container_lookahead, len(spans))):
                other, cands = spans[k], senses[k].cands
                if other.start - span.end > POLICY.container_gap_chars or not cands:   # (the length of the text between, not copied)
                    break
                between = text[span.end: other.start]
                if (between[:1] == "," or between[:1].isspace()) and (_CONTAINER_GAP.fullmatch(between) or (
                        span.qualifier in _QUALIFIED_BY_KIND and _OF_CONTAINER_GAP.fullmatch(between))):  # (how every gap starts)
                    box = _container_of(senses[i], cands)
                    if box is not None:
                        out.setdefault(span.start, []).append(box)
                        if between.strip() not in (",", "") and (box.is_country or other.qualifier in ("division", "district")):
                            # "X in Y", "X, a village in Y's Z region": in words, not a list's comma,
                            # and a country or a division named as one
                            stated.setdefault(span.start, []).append(box)
                if "." in between or ";" in between or "!" in between or "?" in between:
                    break   # (the next sentence)
        return out


def _container_of(inner: _Senses, cands: tuple[Candidate, ...]) -> Place | None:
    """The place the second name of "X, Y" or "X in Y" stands for as X's container: its best
    candidate when that is a country or division, else its best division known by its own name
    ("Prague, Oklahoma": the state, though Oklahoma City is also called so). A division's own name
    does not make it the container of another division or country ("Texas, Oklahoma and Kansas"
    is a list), nor does a stem ("Kyiv, Kharkiv": Kharkiv the city, no container)."""
    top = cands[0].place
    if inner.cands and inner.cands[0].place.feature_code == "ADM1":
        # a state is held by a country alone ("Kharkiv Oblast, Ukraine"; "Texas, Oklahoma" is a list)
        return top if top.is_country else None
    if top.is_country or top.is_division:
        return top
    if inner.cands and inner.cands[0].place.is_division:
        return None
    for c in cands:
        if c.place.feature_code == "ADM1" and c.kind in ("official", "ascii", "everyday", "abbrev"):
            return c.place
    return None


class _Scoring:
    """Scores the candidates of one article's spans, each thing once however often it is asked:
    a span's ranking per context (a name repeated with the same surroundings scores the same),
    a candidate's score given the article's countries, regions and places, its distances.

    A context must be complete before it is scored with (each pass builds the next pass's context).
    """

    def __init__(self, spans: list[Span], senses: list[_Senses], containers: dict[int, list[Place]],
                 stated: dict[int, list[Place]] | None = None, paired: dict[int, frozenset[int]] | None = None) -> None:
        self.spans, self.senses = spans, senses
        self._boxes: list[Sequence[Place]] = [containers.get(s.start, ()) for s in spans]   # the places containing each span
        # the candidates of each span that pair with another span's as county and town (_counties_and_towns)
        self._paired: list[frozenset[int]] = [(paired or {}).get(s.start, frozenset()) for s in spans]
        # those of them stated in words ("in", "of", "a village in"), not only by a comma
        self._stated: list[Sequence[Place]] = [(stated or {}).get(s.start, ()) for s in spans]
        self._box_keys = [(tuple(p.geonameid for p in boxes), pairs) if boxes or pairs else ()
                          for boxes, pairs in zip(self._boxes, self._paired)]
        self.proximity = _Proximity()
        self._contexts: list[ArticleContext] = []     # those scoring differently, in order of use
        # id(context) -> (the context, kept so that the id stays its own; id of the first that scores like it)
        self._context_keys: dict[int, tuple[ArticleContext, int]] = {}
        self._rankings: dict[tuple, list[tuple[float, Candidate]]] = {}
        self._in_context: dict[tuple[int, int], list[float]] = {}
        self._shares: dict[int, list] = {}

    def contradicted(self, i: int, place: Place) -> bool:
        """Whether the place span ``i`` resolved to contradicts the containers the text gives it:
        "villages of the X district of Russia's Y region" are not a namesake in Ukraine. (A
        country or state, or an important place, stands on its own: "Moscow, Washington" is a
        list.) The span is then left unresolved: the gazetteer lacks the place meant."""
        boxes = self._stated[i]
        if not boxes or place.is_country or place.feature_code == "ADM1" or place.importance >= POLICY.important_place:
            return False
        return not any(_inside(place, box) for box in boxes) and all(box.country_code != place.country_code for box in boxes)

    def rankings(self, keep: list[bool], context: ArticleContext,
                 local: dict[int, frozenset] | None = None) -> list[list[tuple[float, Candidate]]]:
        """For each span that ``keep`` says, (score, candidate) for its candidates, best first, given
        the article's context and, when given, the settlements named near it (``local``, by span
        start, as :func:`_local_points` finds them); [] for the other spans."""
        context_key = self._context_key(context)
        out: list[list[tuple[float, Candidate]]] = []
        for span, senses, boxes, box_key, pairs, wanted in zip(self.spans, self.senses, self._boxes, self._box_keys,
                                                               self._paired, keep):
            if not wanted:
                out.append([])
                continue
            cands = senses.cands
            if len(cands) == 1:
                out.append([(cands[0].place.importance, cands[0])])  # nothing to choose between
                continue
            near = self.proximity.columns(local[span.start], senses.norm) if local else ()
            # The senses stand for the span's name, qualifier, method and variants (the spans of the
            # article keep them alive, so their ids stay unique); the rest is what the ranking depends on.
            key = (id(senses), context_key, near, box_key)
            ranking = self._rankings.get(key)
            if ranking is None:
                ranking = self._rankings[key] = self._rank(senses, context, context_key, boxes, near, pairs)
            out.append(ranking)
        return out

    def _rank(self, senses: _Senses, context: ArticleContext, context_key: int, boxes: Sequence[Place],
              near: tuple[int, ...], pairs: frozenset[int] = frozenset()) -> list[tuple[float, Candidate]]:
        """The ranking of a name's (two or more) candidates given the context, the containers of
        the span, the columns of the settlements near it and its candidates that pair as county and town."""
        if not (near or boxes or pairs or context.countries or context.regions or context.points):
            return list(senses.prior_ranking)   # nothing in the article bears on it (yet)
        scores = self._scores_in_context(senses, context, context_key)
        if near:   # places named together lie together
            scores = list(scores)
            self.proximity.add_nearness(scores, senses, near, POLICY.near_span, POLICY.near_span_km)
        if boxes:
            scores = [_contained(s, c.place, boxes) for s, c in zip(scores, senses.ranked)]
        if pairs:
            scores = [s + POLICY.county_and_town if c.place.geonameid in pairs else s for s, c in zip(scores, senses.ranked)]
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
            if regions:
                summed = map(add, summed, map(regions.get, senses.regions, _NOTHING))
                home = next((code for code, bonus in regions.items() if bonus > POLICY.region_bonus), None)
                if home is not None and not all(senses.home_eligible):
                    # (a village takes the region's bonus but not the home region's: see home_eligible)
                    summed = [s - POLICY.home_region if region == home and not eligible else s
                              for s, region, eligible in zip(summed, senses.regions, senses.home_eligible)]
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
            if other.countries == context.countries and other.regions == context.regions and other.points == context.points \
                    and other.own == context.own:
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
        known = self._shares.get(id(ranking))
        if known is None or known[0] is not ranking:
            # [the ranking (kept: its id stays its own), its share, the share calibrated]
            known = self._shares[id(ranking)] = [ranking, _share(ranking), None]
        return known


_Point = tuple[str, float, float]   # (name, lat, lon) of a place an article resolved
_NOTHING = repeat(0.0)     # what the article's countries and regions add to a candidate of none of them
_SCORE = itemgetter(0)


def _ranking(scores: list[float], senses: _Senses) -> list[tuple[float, Candidate]]:
    """(score rounded to 4 places, candidate), best first; among equals, the more important place,
    then the lower geonameid: the candidates come in that order, and the sort is stable (in reverse too)."""
    return sorted(zip(map(_round, scores, _FOUR), senses.ranked), key=_SCORE, reverse=True)


def _round(x: float, digits: int) -> float:
    """``round(x, digits)`` (3 or 4 digits), exactly, mostly without the decimal string that
    round() goes through (rounding is most of the cost of ranking a candidate).

    ``y = x * 10**digits`` is within half an ulp (under 0.001 here) of the exact product, so unless
    ``y`` is within 0.001 of a tie, the integer nearest to it is the one round() finds, and that
    integer divided by ``10**digits`` (a correctly rounded division) is the float nearest to the
    decimal round() returns. Ties, zero (whose sign round() keeps) and huge values go to round().
    """
    scale = _SCALES[digits]
    y = x * scale
    r = math.remainder(y, 1.0)   # exact: y minus the integer nearest to it
    n = y - r                    # exact: that integer
    if abs(r) < 0.499 and n and abs(y) < 1e12:
        return n / scale
    return round(x, digits)


_SCALES = {3: 1000.0, 4: 10000.0}
_FOUR = repeat(4)   # (map's argument: 4 digits for every score)


def _contained(s: float, p: Place, boxes: Sequence[Place]) -> float:
    """The score ``s`` plus 1 for each of the span's containers the place lies in."""
    weight = POLICY.container
    for box in boxes:
        if _inside(p, box):
            s += weight
    return s


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
        # id(points) -> (the points, kept so the id stays theirs; (name, column) of each; norm -> columns)
        self._sets: dict[int, tuple[Collection[_Point], list[tuple[str, int]], dict[str, tuple[int, ...]]]] = {}

    def columns(self, points: Collection[_Point], norm: str) -> tuple[int, ...]:
        """The columns of the (name, lat, lon) ``points`` not named ``norm`` (a name does not
        support its own senses), each once, in order."""
        if not points:
            return ()
        known = self._sets.get(id(points))
        if known is None or known[0] is not points:
            known = self._sets[id(points)] = (points, [(name, self._add(lat, lon)) for name, lat, lon in points], {})
        columns = known[2].get(norm)
        if columns is None:
            columns = known[2][norm] = tuple(sorted({column for name, column in known[1] if name != norm}))
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
        if table.columns < len(self._coords):
            table.extend(self._coords)
        # the squared angular distance from each candidate to the nearest of these places
        if len(columns) == len(self._coords):
            nearest = [min(row) for row in table.rows]   # (all of them)
        elif len(columns) == 1:
            column = columns[0]
            nearest = [row[column] for row in table.rows]
        else:
            pick = itemgetter(*columns)
            nearest = [min(pick(row)) for row in table.rows]
        exp, sqrt, earth_km = math.exp, math.sqrt, _EARTH_KM
        for k, squared in zip(senses.positions, nearest):
            d = earth_km * sqrt(squared)
            scores[k] += weight * exp(-d / scale)


class _Distances:
    """The squared angular distances from a name's located candidates to an article's places,
    a row per candidate and a column per place, extended as places come."""

    __slots__ = ("senses", "rows", "columns")

    def __init__(self, senses: _Senses) -> None:
        self.senses = senses   # (kept: its id, the table's key, stays its own)
        self.rows: list[list[float]] = [[] for _ in senses.located]
        self.columns = 0

    def extend(self, coords: list[tuple[float, float]]) -> None:
        """Add the columns of the places in ``coords`` (lat, lon in radians) not yet in the rows.

        Equirectangular, longitudes wrapped: within the few hundred kilometres where proximity
        counts it is within a few percent of the geodesic.
        """
        new = coords[self.columns:]
        pi, tau = math.pi, 2 * math.pi
        # (** 2.0 is x ** 2 without converting the 2, the same libm pow; x * x is not: about one
        # square in a thousand differs from it in the last bit)
        for row, (lat0, lon0, cos0) in zip(self.rows, self.senses.located):
            row += [(lat - lat0) ** 2.0 + (cos0 * ((lon - lon0 + pi) % tau - pi)) ** 2.0 for lat, lon in new]
        self.columns = len(coords)


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
            d = Detection(False, reason="the article uses this name for a person")
        out.append(d)
    return out


#: The rejections a name's explicit first-level container overrules: what the word alone suggests.
_OVERRULED_BY_CONTAINER = ("a common word", "only small places", "the article uses this name for a person",
                           "only another name", "an abbreviation in capitals")


def _contained_names_are_places(text: str, spans: list[Span], senses: list[_Senses], decisions: list[Detection],
                                containers: dict[int, list[Place]]) -> list[Detection]:
    """"Post Falls, Idaho", "MAINEVILLE, Ohio", "CHARLESTON, W.Va.": a name the word alone would not make
    a place (a common word, a small place, a surname) is one when a comma joins it to a first-level
    division that holds a settlement of that name: the container is the context that says a place is meant."""
    out = list(decisions)
    for i, (span, d) in enumerate(zip(spans, decisions)):
        if d.ok or not d.reason or not d.reason.startswith(_OVERRULED_BY_CONTAINER) or text[span.end:span.end + 1] != ",":
            continue
        boxes = [box for box in containers.get(span.start, ()) if box.feature_code == "ADM1"]
        if any(c.place.feature_class == "P" and c.place.lies_in(box) for box in boxes for c in senses[i].cands):
            out[i] = Detection(True, min(1.0, POLICY.confidence_base + POLICY.confidence_positive),
                               prior=senses[i].prior)
    return out


def _counties_and_towns(spans: list[Span], senses: list[_Senses], decisions: list[Detection]) -> dict[int, frozenset[int]]:
    """By span start, the candidates (geonameids) that pair with another name of the article as a
    town and the county (second-level division) that holds it: "Paris" and "Henry County" are Paris,
    Tennessee and Henry County, Tennessee, though each alone would be another (places named together
    lie together; a county named by its own name is local news's way of placing its towns)."""
    counties = [(i, [c.place for c in x.cands if c.place.feature_code == "ADM2" and c.kind in ("official", "ascii")
                     and not any(_inside(t.place, c.place) for t in x.cands if t.place.feature_class == "P")])
                for i, (x, d) in enumerate(zip(senses, decisions)) if d.ok]
    # (a county whose name is also a town's in it, "Cairns", is that town as often: it pairs with nothing)
    counties = [(i, found) for i, found in counties if found]
    if not counties:
        return {}
    out: dict[int, set[int]] = {}
    for i, (span, x, d) in enumerate(zip(spans, senses, decisions)):
        if not d.ok:
            continue
        towns = [c.place for c in x.cands if c.place.feature_class == "P"]
        own = {c.place.geonameid for c in x.cands}
        for j, held_by in counties:
            if j == i or senses[j].norm == x.norm or any(county.geonameid in own for county in held_by):
                continue                          # ("PLYMOUTH CO." and "Plymouth County": one county named twice)
            for town in towns:
                for county in held_by:
                    if _inside(town, county):
                        out.setdefault(span.start, set()).add(town.geonameid)
                        out.setdefault(spans[j].start, set()).add(county.geonameid)
    return {start: frozenset(ids) for start, ids in out.items()}


def _foreign_exonym(span: Span, winner: Candidate, context: ArticleContext) -> bool:
    """"Hamas" is Hamm's name in some language: an alternate name of a place in a country the
    article never names, with nothing around it saying a place is meant, is not taken as that place."""
    p = winner.place
    return (winner.kind == "alternate" and span.method == "exact" and p.importance < POLICY.foreign_exonym_importance
            and not p.is_country and not context.names_country_besides(p.country_code, span.norm)
            and not (set(span.cues) & POSITIVE_CUES) and span.qualifier is None)


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


def _mentions_by_name(spans: list[Span], kept: list[bool]) -> dict[str, list[int]]:
    """Name -> the positions of its spans without a qualifier that are kept as places."""
    out: dict[str, list[int]] = {}
    for i, (span, ok) in enumerate(zip(spans, kept)):
        if ok and span.qualifier is None:
            out.setdefault(span.norm, []).append(i)
    return out


def _one_sense_per_name(names: dict[str, list[int]], senses: list[_Senses],
                        scored: list[list[tuple[float, Candidate]]]) -> list[list[tuple[float, Candidate]]]:
    """Within an article a name without a qualifier means one place: the best over its mentions
    (``names`` as :func:`_mentions_by_name` finds them)."""
    out = list(scored)
    for mentions in names.values():
        if len(mentions) == 1 and senses[mentions[0]].distinct_places:
            continue   # one mention, no place twice: its ranking's best is already first
        total: dict[int, float] = {}   # geonameid -> its scores summed over the name's spans
        for i in mentions:
            for s, c in scored[i]:
                gid = c.place.geonameid
                total[gid] = total.get(gid, 0) + s
        best = max(total, key=total.__getitem__)   # the first of the best, as Counter.most_common(1)
        for i in mentions:
            if len(scored[i]) > 1:
                out[i] = _best_first(scored[i], best)
    return out


def _best_first(ranking: list[tuple[float, Candidate]], geonameid: int) -> list[tuple[float, Candidate]]:
    """``ranking`` with the candidates of that place moved to the front, the order otherwise kept."""
    if ranking[0][1].place.geonameid == geonameid and all(c.place.geonameid != geonameid for _, c in ranking[1:]):
        return ranking   # (already so: the usual case)
    return sorted(ranking, key=lambda x: x[1].place.geonameid != geonameid)
