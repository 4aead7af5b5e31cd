"""A name's candidates, prepared once per process (:class:`_Senses`): their scores before the article is
read, and their ranking by score (:func:`_ranking`, with scores rounded as :func:`_round` does)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

from rapidfuzz import fuzz

from geo.gazetteer import Candidate, Place
from geo.matching import COMMON_NAME_IMPORTANCE
from geo.normalize import normalize_name
from geo.resolution.context import Detection
from geo.resolution.policy import POLICY
from geo.spherical import haversine_km
from geo.transliteration import translit_key


@lru_cache(maxsize=100_000)
def is_short_form(name: str, own_name: str) -> bool:
    """Whether ``name`` is ``own_name`` shortened: its words all among the place's own ("Kingston" for
    Kingston upon Thames, "Newcastle" for Newcastle upon Tyne, "Avondale" for Avondale Estates).

    >>> is_short_form("Kingston", "Kingston upon Thames"), is_short_form("Liverpool", "Washington")
    (True, False)
    """
    words = {_ABBREVIATED.get(w, w) for w in _folded(own_name).replace(".", " ").split()}
    return all(_ABBREVIATED.get(w, w) in words for w in _folded(name).replace(".", " ").split())


@lru_cache(maxsize=100_000)
def _folded(name: str) -> str:
    """``name`` normalized, romanization variants folded: once per name, not per pair of names
    compared (a name is compared with each of its candidates' own names, and these recur)."""
    return translit_key(normalize_name(name))


#: The words place names abbreviate, as normalize_name leaves them ("St. Paul" is Saint Paul's own name).
_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


@lru_cache(maxsize=100_000)
def is_spelling_variant(name: str, own_name: str) -> bool:
    """Whether ``name`` spells ``own_name`` another way: the same once romanization variants are
    folded (Izium for Izyum, Balakliia for Balakliya), or nearly the same, with or without a leading
    article ("Hama" for Ḩamāh, "Basra" for Basrah, "Raqqa" for Ar Raqqah; not "Torrington" for West
    Torrington).

    >>> is_spelling_variant("Hama", "Ḩamāh"), is_spelling_variant("Raqqa", "Ar Raqqah"), is_spelling_variant("Liverpool", "Washington")
    (True, True, False)
    """
    key, own = _folded(name), _folded(own_name)
    if key == own:
        return True
    first, _, rest = own.partition(" ")
    rest = rest if rest and first in POLICY.leading_articles and " " not in key else own
    return fuzz.ratio(key, own) >= POLICY.spelling_similarity or fuzz.ratio(key, rest) >= POLICY.spelling_similarity


# -- a name's candidates, prepared once ---------------------------------------------------------


def _prior_score(c: Candidate, qualifier: str | None, alone: bool) -> float:
    """The part of a candidate's score that the article does not change: its importance, and what
    its name and the span's qualifier say."""
    p = c.place
    s = p.importance
    if c.kind == "stem" and qualifier is None:
        s -= POLICY.stem_penalty   # "Bucha" is the town; its raion is written "Bucha district"
    if c.kind in OWN_KINDS or (c.kind == "alternate" and is_spelling_variant(c.name, p.name)):
        s += POLICY.own_name  # a place's own current name (in any spelling) over another's former or foreign name
    if qualifier == "division" and p.feature_code == "ADM1":
        s += POLICY.division_qualifier   # "Kharkiv region" is the oblast, not the raion of the same name
    if qualifier is None and p.feature_class == "P":
        s += POLICY.bare_settlement
    elif qualifier is None and c.kind == "news":
        s += POLICY.news_name   # "Gaza" is the Strip, not its city
    if alone:
        s += POLICY.stands_alone  # a country or continent named is its own context: "China" in a Texas story is China
    return s


def bears_name(c: Candidate, *, short_forms: bool) -> bool:
    """Whether the candidate's place bears the name it was found by as its own: that name, a spelling
    of it, or (with ``short_forms``) a short form of it. A division's name in the admin-code list
    ("Kiev" for Kyiv Oblast, "Vinnytsia" for Vinnytsya Oblast) is no name of its own."""
    return (c.name == c.place.name or is_spelling_variant(c.name, c.place.name)
            or short_forms and is_short_form(c.name, c.place.name))


def _own_name(c: Candidate) -> bool:
    """Whether the candidate is known by the name as its own (any spelling) or a short form of it."""
    return c.kind in ("official", "ascii", "alternate") and bears_name(c, short_forms=True)


def _others_yield(ranked: Sequence[Candidate], bases: list[float], seats: set[int] = frozenset()) -> None:
    """Where the name is some place's own, a place known by it only as another's name (a former or
    foreign one) takes :attr:`Policy.other_name` less: "Liverpool" is Liverpool, not Washington,
    Indiana, once called so. A name no place holds as its own ("Kiev": Kyiv's and its oblast's
    former name) is left to the rest of the scoring. A division's capital known by the division's
    name, at ``seats``, bears it as its own: "Geneva" is Genève as much as its canton. A short form
    is no own name where a country bears the name itself: "Mexico" is the country, not Mexico City."""
    own = [_own_name(c) for c in ranked]
    if not any(own):
        return
    if any(c.place.is_country and c.kind in ("official", "ascii") for c in ranked):
        own = [is_own and (c.kind != "alternate" or bears_name(c, short_forms=False)) for c, is_own in zip(ranked, own)]
    for k, (c, is_own) in enumerate(zip(ranked, own)):
        if is_own or c.kind != "alternate":
            continue
        if k in seats:
            bases[k] += POLICY.own_name
        else:
            bases[k] -= POLICY.other_name


def _stems_yield(ranked: Sequence[Candidate], bases: list[float]) -> None:
    """A division reached only through its stem yields once more (:attr:`Policy.stem_penalty`) where
    an important town bears the bare name as its own: "Dnipro" is the city, not a Dnipro raion near
    the dateline's Kyiv (news writes "the Dnipro district" for that)."""
    if not any(c.place.feature_class == "P" and c.place.importance >= POLICY.important_place and _own_name(c)
               for c in ranked):
        return
    for k, c in enumerate(ranked):
        if c.kind == "stem":
            bases[k] -= POLICY.stem_penalty


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


def _countries_first(ranked: Sequence[Candidate], bases: list[float]) -> None:
    """A country's own name means the country before a place in it that shares the name: a capital
    ("Panama", Panamá; "Mexico's presidential election", not Mexico City) or a province (Panamá): take
    :attr:`Policy.country_namesake` from each such place. A cue (a dateline, "the city of") gives the
    span a qualifier, and then this is not asked."""
    countries = {c.place.country_code for c in ranked if c.place.is_country and c.kind in OWN_KINDS}
    if not countries:
        return
    for k, c in enumerate(ranked):
        if not c.place.is_country and c.place.country_code in countries:
            bases[k] -= POLICY.country_namesake


def _states_before_towns(ranked: Sequence[Candidate], bases: list[float]) -> None:
    """A first-level division's own name means the division before a small town elsewhere in its
    country named after it ("Florida" the state, not Florida, New York, which the story's New York
    would favour): such a town, of under :attr:`Policy.state_namesake_population`, takes
    :attr:`Policy.state_namesake` less. A town in the division is left to the seat rules; a
    container still binds ("Florida, N.Y.")."""
    states = [c.place for c in ranked if c.place.feature_code == "ADM1" and c.kind in OWN_KINDS]
    if not states:
        return
    for k, c in enumerate(ranked):
        p = c.place
        if p.feature_class == "P" and p.population < POLICY.state_namesake_population \
                and any(s.country_code == p.country_code and p.admin1_code != s.admin1_code for s in states):
            bases[k] -= POLICY.state_namesake


#: The feature codes of divisions below the first level (districts, raions, counties of a state).
DISTRICT_CODES = frozenset({"ADM2", "ADM3", "ADM4", "ADMD"})


def _towns_before_districts(ranked: Sequence[Candidate], bases: list[float]) -> dict[int, Place]:
    """A district known by a town's own name that holds that town ("Ramallah" the governorate,
    "Surkhet" the district, the Shire of Mundaring) yields to the town by
    :attr:`Policy.district_namesake`: news names the district with its kind ("Ramallah governorate").
    So does a first-level division that holds its seat of the name, where GeoNames gives it no
    population ("Kidal", Mali's region and its town: the town; Ukraine's oblasts, from the full
    dump, have theirs, and their cities outrank them by it).
    So does a division known by the name only as another name, where a town of some size is known
    so too: a former name is most often a renamed town's ("Stepanakert", now Xankandi, not the
    Khojaly district GeoNames also lists it for).

    Returns the districts that hold their town only by where GeoNames puts them (see :func:`_holds`),
    with the town: the article's regions count for such a district as for its town."""
    towns = [c.place for c in ranked if c.place.feature_class == "P" and c.kind in OWN_KINDS]
    renamed = [c.place for c in ranked if c.place.feature_class == "P" and c.kind == "alternate"
               and c.place.population >= POLICY.renamed_village_population]
    placed_by_town: dict[int, Place] = {}
    if not towns and not renamed:
        return placed_by_town
    for k, c in enumerate(ranked):
        p = c.place
        held = None
        # (not a division news calls by the name: "Gaza" is the Strip, see Policy.news_name)
        if c.kind in OWN_KINDS and c.kind != "news":
            if p.feature_code in DISTRICT_CODES:
                held = next((t for t in towns if _holds(p, t)), None)
            elif p.feature_code == "ADM1" and not p.population:
                held = next((t for t in towns if t.feature_code == "PPLA" and t.lies_in(p) is True), None)
        if held is not None:
            bases[k] -= POLICY.district_namesake
            if held.lies_in(p) is not True:
                placed_by_town[k] = held
        elif renamed and p.feature_class == "A" and not p.is_country and c.kind == "alternate" and any(
                t.country_code == p.country_code and haversine_km(t.lat, t.lon, p.lat, p.lon) <= POLICY.renamed_town_km
                for t in renamed):
            bases[k] -= POLICY.district_namesake
    return placed_by_town


def _holds(district: Place, town: Place) -> bool:
    """Whether the district holds the town: by GeoNames' codes, or, where the codes disagree (Lima's
    district of Lima is coded in the Lima region, the city in the capital's province), by where
    GeoNames puts the district: within Policy.district_seat_km of the town, in its country."""
    return town.lies_in(district) is True or (town.country_code == district.country_code and haversine_km(
        town.lat, town.lon, district.lat, district.lon) <= POLICY.district_seat_km)


class _Senses:
    """The candidates of a span's name (as its norm, variants, method and qualifier select them),
    and what detection and scoring ask of them, worked out once. The resolver keeps one per name:
    a name recurs across articles, and each article asks for its senses several times."""

    # (Slots: more attributes than an instance's shared-key table holds would give every name a
    # dict of its own, slower to read in the scoring loops and one more object for the collector.)
    __slots__ = ("norm", "qualifier", "cands", "detections", "demonym", "own_region", "prior", "named",
                 "named_countryless", "named_state", "zipf", "only_other_names", "ids", "distinct_places", "towns",
                 "counties", "ranked", "alone", "bases", "countries", "countries_with_region", "any_country_with_region",
                 "regions", "holders", "home_eligible", "prominent_namesake", "any_holder", "prior_ranking", "big_city_namesakes",
                 "only_ranking", "positions", "located", "distances", "named_city")

    def __init__(self, norm: str, qualifier: str | None, cands: tuple[Candidate, ...], *, zipf: float, demonym: bool = False) -> None:
        # (Most names are seen once, and a name's first span builds this: each fact is gathered in
        # one loop over the candidates, not in a pass of its own: ~30 generators over 3-4 candidates
        # cost more than the facts.)
        self.norm, self.qualifier, self.cands = norm, qualifier, cands
        self.detections: dict[tuple, Detection] = {}   # what Resolver.is_place found, by what else it looks at
        #: whether the name is also a country's demonym ("Somali")
        self.demonym: bool = demonym

        # -- for detection, and for pairing counties and towns, in the order of cands
        prior = named = named_state = None   # (max() as it would be taken: the first of the greatest; 0.0 of none)
        named_countryless, only_other_names, named_city = False, True, False
        own_regions: set[str] = set()
        ids, towns = [], []
        for c in cands:
            p, kind = c.place, c.kind
            importance = p.importance
            if prior is None or importance > prior:
                prior = importance
            if kind != "alternate":
                if named is None or importance > named:
                    named = importance
                if not p.country_code and importance >= COMMON_NAME_IMPORTANCE:
                    named_countryless = True
            if p.feature_code == "ADM1" and kind in _STATE_NAME_KINDS and (named_state is None or importance > named_state):
                named_state = importance
            if kind in OWN_KINDS and p.admin1_code and not p.is_country:
                own_regions.add(f"{p.country_code}.{p.admin1_code}")
            if only_other_names and not (kind == "alternate" and not is_spelling_variant(c.name, p.name)):
                only_other_names = False
            ids.append(p.geonameid)
            if p.feature_class == "P":
                towns.append(p)
                if kind != "alternate" and p.population >= POLICY.big_city_population:
                    named_city = True
        #: whether a city of millions is known by this very name (Chicago, Houston: words too, in
        #: wordfreq's counts, but no one writes them for anything else)
        self.named_city: bool = named_city
        #: the one region ("PK.04") every place known by the name as its own lies in, else None
        self.own_region: str | None = own_regions.pop() if len(own_regions) == 1 else None
        #: the best candidate's importance
        self.prior: float = 0.0 if prior is None else prior
        #: the best importance of a candidate known by this very name (not an alternate one)
        self.named: float = 0.0 if named is None else named
        #: whether an important place known by this very name lies in no one country (a sea, a
        #: region: "Middle East", "Black Sea"), which no article names the country of
        self.named_countryless: bool = named_countryless
        #: the best importance of a first-level division known by this very name (Maine, Victoria)
        self.named_state: float = 0.0 if named_state is None else named_state
        #: how common the name's rarest word is in English (matching.name_zipf)
        self.zipf: float = zipf
        #: whether every candidate is an alternate name that is not a spelling of the place's own
        #: (Bush for Bushland, not Izium for Izyum)
        self.only_other_names: bool = only_other_names
        #: the geonameids of the candidates
        self.ids: frozenset[int] = frozenset(ids)
        #: whether no place is a candidate twice (under two names)
        self.distinct_places: bool = len(self.ids) == len(cands)
        #: the candidates that are settlements
        self.towns: tuple[Place, ...] = tuple(towns)
        #: the counties (second-level divisions) known by this very name that hold none of its
        #: settlements (a county named like its own town, "Cairns", is that town as often)
        self.counties: tuple[Place, ...] = tuple(
            c.place for c in cands if c.place.feature_code == "ADM2" and c.kind in ("official", "ascii")
            and not any(t.geonameid != c.place.geonameid and t.lies_in(c.place) is True for t in towns))

        # -- for scoring: every tuple in the order of ranked
        #: the candidates by importance, then geonameid: the order that equal scores keep
        ranked = tuple(sorted(cands, key=_importance_order))
        self.ranked: tuple[Candidate, ...] = ranked
        alone, bases, world, country_count = [], [], set(), 0
        for c in ranked:
            p = c.place
            is_country = p.is_country
            a = is_country or p.feature_code == "CONT"
            alone.append(a)
            bases.append(_prior_score(c, qualifier, a))
            country_count += is_country
            if p.importance >= POLICY.world_place:
                world.add(p.country_code)
        #: whether each candidate is a country or continent: its own context, never near anything
        self.alone: tuple[bool, ...] = tuple(alone)
        seats = _seats(ranked)
        _others_yield(ranked, bases, {k for k in seats if k is not None})
        if qualifier is None:
            _stems_yield(ranked, bases)
        yielding = _big_city_first(ranked, bases) if qualifier is None else set()
        if qualifier is None and country_count:
            _countries_first(ranked, bases)
        placed_by_town: dict[int, Place] = {}
        if qualifier is None and towns:
            placed_by_town = _towns_before_districts(ranked, bases)
            _states_before_towns(ranked, bases)
        #: each candidate's score before the article is read (_prior_score, then what the others take from it)
        self.bases: tuple[float, ...] = tuple(bases)

        # (the names of the facts below are set after the loop, with what they say)
        countries, countries_with_region, regions, holders, home_eligible, positions, located = [], [], [], [], [], [], []
        rival_countries = country_count >= 2
        # an important place bears the name as its own: a village known by it only as another name
        # (Miamitown, once "Miami") takes no home-region bonus against it (Miami, Florida)
        prominent_owner = any(c.kind in OWN_KINDS and c.place.importance >= POLICY.telling_importance for c in ranked)
        # a small town named like a first-level division of its country that does not hold it takes no
        # home-region bonus against it either (Wales, a village near Rotherham, in a story from Worcester:
        # Wales the nation; Gao, the seat of the Gao region, keeps it)
        states = [c.place for c in ranked if c.place.feature_code == "ADM1" and c.kind in OWN_KINDS]
        world_namesake_population = POLICY.world_namesake_population
        for k, (c, a) in enumerate(zip(ranked, alone)):
            p = c.place
            code = (p.country_code if rival_countries and p.is_country else None) if a else p.country_code
            countries.append(code)
            countries_with_region.append(code if code is not None and world - {code} and p.feature_class == "P"
                                         and p.population < world_namesake_population else None)
            r = placed_by_town.get(k, p)
            regions.append(f"{r.country_code}.{r.admin1_code}" if r.admin1_code else None)
            holders.append(f"{p.country_code}.{p.admin1_code}" if p.feature_code == "ADM1" and c.kind in _STATE_NAME_KINDS
                           and norm in (normalize_name(p.name), normalize_name(p.asciiname))
                           and (p.country_code, p.admin1_code) not in yielding else None)
            home_eligible.append((p.feature_class != "P" or p.population >= POLICY.home_region_min_population
                                  or p.feature_code.startswith(("PPLA", "PPLC")))
                                 and not (prominent_owner and c.kind == "alternate" and p.population < POLICY.renamed_village_population
                                          and not is_spelling_variant(c.name, p.name))
                                 and not (states and p.feature_class == "P" and p.population < POLICY.state_namesake_population
                                          and any(st.country_code == p.country_code and p.admin1_code != st.admin1_code
                                                  for st in states)))
            if not a:
                positions.append(k)
                at = ranked[seats[k] if seats[k] is not None else k].place
                lat = math.radians(at.lat)
                located.append((lat, math.radians(at.lon), math.cos(lat)))
        #: the country whose mentions support each candidate (None for a country or continent, unless
        #: the name is two countries': "Congo" in a story naming the Cuvette-Ouest region is Brazzaville's)
        self.countries: tuple[str | None, ...] = tuple(countries)
        #: the country of each candidate that takes its country's bonus only with its region's: a small
        #: town sharing its name with a place of world importance abroad (Paris, Texas in a story naming
        #: only the United States is Paris, France; beside Dallas and Texas it is the town), else None
        self.countries_with_region: tuple[str | None, ...] = tuple(countries_with_region)
        self.any_country_with_region: bool = any(countries_with_region)
        #: whether each candidate is a small town (Policy.big_city_small_namesake) sharing its name with a city of millions of its own
        #: country: it takes its region's bonus only where that is the article's home region (the
        #: Dallas in a golf story naming Pittsburgh is Dallas, Texas, not Dallas, Pennsylvania)
        #: (empty where there is none)
        big = {c.place.country_code for c in ranked if c.place.population >= POLICY.big_city_population}
        small = tuple(c.place.country_code in big and c.place.feature_class == "P"
                      and c.place.population < POLICY.big_city_small_namesake for c in ranked) if big else ()
        self.big_city_namesakes: tuple[bool, ...] = small if any(small) else ()
        #: the first-level division ("UA.07") whose mentions support each candidate
        self.regions: tuple[str | None, ...] = tuple(regions)
        #: the region of each candidate that is a first-level division known by its own name (not
        #: a stem, "Kharkiv" the city's, nor another's, "Mexico" for Mexico City), else None: the
        #: article's places inside it make the name the division (Georgia beside Atlanta is the
        #: state, not the country; Quebec beside Montreal the province, not its capital), unless
        #: the division yields its name to a city of millions (New York beside Brooklyn)
        #: A division whose own name is not the bare name (Kherson Oblast, Sumska Oblast: known as
        #: "Kherson" only through the admin-code list) holds nothing by it: there, as in news of any
        #: country whose regions are named after their capitals, the bare name is the city.
        self.holders: tuple[str | None, ...] = tuple(holders)
        #: for each candidate, the position of the settlement it is named after: a first-level
        #: division's own-named town inside it ("Homs" the governorate and its capital), else None.
        #: The article's places in the division tell the two apart no more than their nearness
        #: does, so the town shares the division's holding and the division is near where its
        #: town is (its point, a centroid, is no evidence against its capital: "Sumy", "Idlib").
        if any(k is not None for k in seats):
            self.holders = tuple(self.holders[seats.index(k)] if k in seats and holder is None else holder
                                 for k, holder in enumerate(self.holders))
        if any(self.holders) and any(alone):
            # a country holds what its division of the same name holds: "Taiwan" beside Taipei is
            # the country as much as its province (Georgia the country holds no Atlanta)
            held = {h.split(".", 1)[0]: h for h in self.holders if h is not None}
            self.holders = tuple(held.get(c.place.country_code) if c.place.is_country and holder is None else holder
                                 for c, holder in zip(ranked, self.holders))
        #: whether each candidate may take the home-region bonus: not a village GeoNames knows no
        #: one in (in a country held in full, every village is a namesake of a city somewhere), nor a
        #: village known by the name only as another's where an important place bears it as its own
        self.home_eligible: tuple[bool, ...] = tuple(home_eligible)
        #: whether the name is also an important place's (a village then takes no nearness bonus against it)
        self.prominent_namesake: bool = not all(home_eligible) and any(
            c.place.importance >= POLICY.telling_importance for c in ranked)
        self.any_holder: bool = any(h is not None for h in self.holders)
        #: the ranking (as _ranking) when nothing in the article bears on it
        self.prior_ranking: tuple[tuple[float, Candidate], ...] = tuple(_ranking(list(self.bases), self))
        #: the ranking of the name's only candidate (its importance), None when it has several: the
        #: same for every span of the name (no ranking is changed once made)
        self.only_ranking: list[tuple[float, Candidate]] | None = \
            [(cands[0].place.importance, cands[0])] if len(cands) == 1 else None
        #: the positions of the candidates that nearby places count for (not countries and continents)
        self.positions: tuple[int, ...] = tuple(positions)
        #: (lat, lon in radians, cos lat) of the candidates at positions (a division's at its seat's)
        self.located: tuple[tuple[float, float, float], ...] = tuple(located)
        #: (lat, lon in radians) of a place an article resolved -> the distance (km) from
        #: each located candidate to it (filled by _Distances, kept across articles)
        self.distances: dict[tuple[float, float], tuple[float, ...]] = {}


def _importance_order(c: Candidate) -> tuple[float, int]:
    return -c.place.importance, c.place.geonameid


#: the kinds of name a first-level division is known by as its own in the text (not an alternate, a stem)
_STATE_NAME_KINDS = ("news", "official", "ascii", "everyday", "abbrev")


def _seats(ranked: Sequence[Candidate]) -> list[int | None]:
    """For each candidate, the position of the most important settlement known by the name as its
    own that lies in it, where the candidate is a first-level division known so too and hardly more
    important (:attr:`Policy.seat_margin`: "Homs", "Idlib", "Sumy"; not Quebec, a province of 8
    million, against its capital of 500,000), else None."""
    # (a capital, PPLA, may bear the name only as an alternate: Genève, "Geneva", in the canton of Geneva)
    towns = [k for k, c in enumerate(ranked) if c.place.feature_class == "P"
             and (c.kind in OWN_KINDS or c.place.feature_code == "PPLA")]
    out: list[int | None] = [None] * len(ranked)
    if not towns:
        return out
    for k, c in enumerate(ranked):
        if c.place.feature_code == "ADM1" and c.kind in OWN_KINDS:
            out[k] = next((t for t in towns if ranked[t].place.lies_in(c.place) is True
                           and ranked[t].place.importance >= c.place.importance - POLICY.seat_margin), None)
    return out


#: the kinds of name a place bears as its own (not another's, a stem, an abbreviation); "news" is
#: the name English news gives it bare where GeoNames has it only as a short form (extract.toml's
#: everyday_names: "Gaza" for the Strip)
OWN_KINDS = ("news", "official", "ascii", "everyday")
_SCORE = itemgetter(0)


def _ranking(scores: list[float], senses: _Senses) -> list[tuple[float, Candidate]]:
    """(score rounded to 4 places, candidate), best first; among equals, the more important place,
    then the lower geonameid: the candidates come in that order, and the sort is stable (in reverse too)."""
    # (_round(x, 4) written out: a call per candidate is most of its cost)
    rounded = [n / 10000.0 if abs(r := remainder(y := x * 10000.0, 1.0)) < 0.499 and (n := y - r) and abs(y) < 1e12
               else round(x, 4) for x in scores]
    return sorted(zip(rounded, senses.ranked), key=_SCORE, reverse=True)


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
remainder = math.remainder


