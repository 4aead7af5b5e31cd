"""What an article says about where it is (:class:`ArticleContext`: its countries, regions and places),
whether a span names a place (:class:`Detection`), and what its text says holds what (:class:`Containers`)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from geo.gazetteer import Place
from geo.resolution.policy import POLICY

@dataclass(frozen=True)
class Detection:
    """Whether a span names a place, how sure that is, and why not (shared by the spans it holds for)."""

    ok: bool
    confidence: float = 0.0
    reason: str | None = None
    needs_country: bool = False   #: a place only if the article names (or is in) the place's country
    prior: float = 0.0            #: the best candidate's importance
    modifier: bool = False        #: a place name modifying an office or body ("Gainesville police")
    #: a rejection only the word itself makes (a common word, a small place): the article's context may
    #: overrule it (a container, the name placed elsewhere in the article)
    overrulable: bool = False


@dataclass
class Containers:
    """What the text says holds what, by span start: "X, Y", "X in Y", "Y's X" give Y's place as X's
    container, and Y the region of X, where X's name places it in one."""

    boxes: dict[int, list[Place]] = field(default_factory=dict)    #: the places holding each span
    stated: dict[int, list[Place]] = field(default_factory=dict)   #: of those, the ones stated in words
    owners: dict[int, list[Place]] = field(default_factory=dict)   #: of those, the ones stated by a possessive
    #: the regions ("PK.04") of the names the text puts inside each span ("Muridke in Punjab province")
    inner: dict[int, set[str]] = field(default_factory=dict)


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

    def home(self) -> frozenset[str]:
        """The country and the first-level division ("US", "US.ME") most of the article's places are in
        (each, where several tie)."""
        return frozenset(code for counts in (self.countries, self.regions) if counts
                         for most in [max(counts.values())] for code, n in counts.items() if code and n == most)

    def names_country_besides(self, country_code: str, norm: str, doubtful: frozenset[str] = frozenset()) -> bool:
        """Whether a name other than ``norm`` (and other than the ``doubtful`` ones) puts the article in
        this country (a name is no evidence for itself)."""
        return bool(self.country_names.get(country_code, set()) - {norm} - doubtful)

    def add(self, place: Place, norm: str) -> None:
        self._bonuses = None   # (to be worked out again)
        if self._own_bonuses:
            self._own_bonuses = {}
        code = place.country_code
        own = self.own.get(norm)
        if own is None:
            own = self.own[norm] = {}
        if code:
            # (get: counting through a Counter's __missing__ is a Python call, and this is called for most spans)
            self.countries[code] = self.countries.get(code, 0) + 1
            names = self.country_names.get(code)
            if names is None:
                self.country_names[code] = {norm}
            else:
                names.add(norm)
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


