"""The claims stage: find what articles claim about places, and check it against real geometry.

    types.py      every claim type in one table: its stated and measured records, finders and checks
    records.py    the typed records of what an article stated and what a check measured
    finding/      finding claims: one module per family of wordings ("37 miles east of", "near", "the
                  southern city of"), run in the order finding.FINDERS gives
    checks/       checking claims: one module per kind of measurement; measure, judge, explain in one
                  sentence
    geodesy.py    the one WGS84 Geod: distances, bearings, compass points, distance to lines and polygons
    regions.py    places as geometry (points, Natural Earth polygons and river lines) and STRtree lookups
    units.py      lengths and areas with explicit units; the unit words articles use
    policy.py     the tolerances, with defaults, overridable from TOML
    conflicts.py  claims about one place that disagree across articles

:func:`find_and_check` is what the pipeline calls for each Document. A claim also feeds resolution:
when it fails with its places as resolved and holds with another place of the subject's name (else
of the anchor's, else of both), those mentions are switched to the places that satisfy it, with
every other mention of the same name the text had resolved the same way (``method="claim"``), and
the claim says so in ``measured["resolved_by_claim"]`` and its explanation (both made from the
result's :class:`~geo.claims.records.Switch` records).

A claim may do so only where the context leaves the name's candidates close (the mention's confidence
is below ``Policy.claim_may_resolve_below``): a claim never moves a name away from the place the
context clearly means, so a report that puts a well-known town in the wrong region is flagged.

A verdict of *inconsistent* is given with care: a claim whose places were matched by spelling only,
or inferred rather than named ("the village"), or which are small places where the gazetteer is thin,
or far from every other place of the article, or joined by a comma that may be a list, is
*unverifiable* instead, with ``measured["reason"]`` saying why (see :data:`checks.REASONS`).

Why finding/ and checks/ are not one module per claim type: wordings and measurements are shared
across types ("37 miles east of" and "a few miles from" are found by one pattern, and yield a
distance and a nearness claim; one bearing measures a direction, a distance's direction and a
river's bank), so each package is organised by what its code shares, and :mod:`geo.claims.types`
is the one table that says, for each claim type, which records, finders and checks are its own.

>>> from geo.pipeline import Pipeline
>>> from geo.document import Article
>>> pipeline = Pipeline(check_claims=False)
>>> document = pipeline.process(Article("a.txt", "Izium lies 120 km south-east of Kharkiv."))
>>> [claim.explanation for claim in find_and_check(document, pipeline.gazetteer)]
['GeoNames puts Izyum 114 km (71 mi) SE of Kharkiv; the article says 120 km south-east: consistent.']
"""
from __future__ import annotations

import dataclasses
import re

from shapely import Point
from shapely.errors import GEOSException

from geo.claims.checks import CONSISTENT, INCONSISTENT, UNVERIFIABLE, Checker, Result, unverifiable, worst
from geo.claims.checks.numbers import rank_division
from geo.claims.conflicts import Conflict, conflicts
from geo.claims.finding import Finding, find_claims
from geo.claims.finding.reader import IMPLIED
from geo.claims.geodesy import distance
from geo.claims.policy import Policy
from geo.claims.records import DistanceBearing, DistanceStated, Parts, PopulationStated, RankStated, Switch
from geo.claims.regions import Regions
from geo.claims.types import CLAIM_TYPES, check
from geo.claims.units import Length
from geo.document import Claim, Document, Mention, PlaceRef
from geo.gazetteer import Gazetteer, Place
from geo.gazetteer.build import importance
from geo.matching import word_frequency
from geo.normalize import normalize_name
from geo.text import sentences

__all__ = ["CLAIM_TYPES", "CONSISTENT", "INCONSISTENT", "UNVERIFIABLE", "Conflict", "Policy", "checked", "conflicts",
           "find_and_check"]

# How many other places of the same name a claim may try when its subject fails it.
_MAX_ALTERNATIVES = 60
# ...and how many of each, subject and anchor, it pairs when neither alone will do.
_MAX_PAIRED = 8
_FULL_DUMP = re.compile(r"file:geonames/([A-Z]{2})\.zip")
# A kind word in or after a division's name: the text means the division, not its town.
_DIVISION_WORD = re.compile(r"\s*\b(?:region|regions|oblast|province|state|district|county|governorate|rayon|raion|"
                            r"krai|republic|prefecture|department)\b", re.I)


def find_and_check(document: Document, gazetteer: Gazetteer, policy: Policy | None = None) -> list[Claim]:
    """Every claim the document's article makes, checked. May re-resolve mentions (see above)."""
    return [claim for _, _, claim in checked(document, gazetteer, policy)]


def checked(document: Document, gazetteer: Gazetteer, policy: Policy | None = None) -> list[tuple[Finding, Result, Claim]]:
    """Every claim the document's article makes, as its records (the finding with what was stated, the
    check's result with what was measured) and the output Claim made from them. May re-resolve mentions."""
    text = document.article.text
    mentions = sorted([*document.mentions, *getattr(document, "unresolved", [])], key=lambda m: m.start)
    regions = Regions.of(gazetteer)
    places = {m.geonameid: p for m in mentions if m.resolved and (p := regions.place(m.geonameid)) is not None}
    findings = find_claims(text, mentions, places, sentences(text), gazetteer)
    judge = _Judge(Checker.of(regions, policy), gazetteer, [places[m.geonameid] for m in mentions
                                                                          if m.resolved and m.geonameid in places])
    judge.text = text

    findings = [judge.read_otherwise(finding) for finding in findings]
    switched: dict[int, list[Switch]] = {}
    for i, finding in enumerate(findings):
        changes = judge.better_places(finding)
        if changes:
            switched[i] = [_switch(document.mentions, mention, old, new) for mention, old, new in changes]
    results = [dataclasses.replace(judge.result(finding), switches=tuple(switched.get(i, ())), read_as=finding.read_otherwise)
               for i, finding in enumerate(findings)]
    return [(finding, result, judge.claim(document.article.id, text, finding, result))
            for finding, result in zip(findings, results)]


class _Judge:
    """Turns findings into checked claims with one Checker."""

    def __init__(self, checker: Checker, gazetteer: Gazetteer, article_places: list[Place] = ()):
        self.checker = checker
        self.policy = checker.policy
        self.gazetteer = gazetteer
        self.article_places = list({p.geonameid: p for p in article_places}.values())
        self.text = ""                  #: the article's text (a kind word after a name: "Oryol region")
        self._measured: dict[tuple, Result] = {}
        # The countries whose full GeoNames dump the gazetteer was built from (its build records them).
        self.full_countries = {m.group(1) for key in gazetteer.meta if (m := _FULL_DUMP.fullmatch(key))}

    def _populations(self, finding: Finding, result: Result) -> tuple[float | None, int | None, Place | None]:
        """(the stated population, GeoNames' figure, the one subject's place) of a population claim."""
        said = finding.stated.population if isinstance(finding.stated, PopulationStated) else None
        have = getattr(result.measured, "population", None)
        return said, have, self.place(finding.subjects[0]) if len(finding.subjects) == 1 else None

    def may_have_grown(self, finding: Finding, result: Result) -> bool:
        """Whether a stated population above GeoNames' may be growth since its (old) figure: more than
        GeoNames gives but within policy.population_growth of it, in a country not held in full."""
        said, have, place = self._populations(finding, result)
        return (bool(said and have) and place is not None and place.country_code not in self.full_countries
                and have < said <= self.policy.population_growth * have)

    def rank_if_grown(self, finding: Finding, result: Result) -> int | None:
        """The rank a city said to rank higher than GeoNames' figures put it would have with its figure
        times policy.rank_growth, when that rank is the stated one (within policy.rank_slack), in a
        country not held in full (its figures mix censuses: Cap-Haïtien's 134,815 against communes' and
        the capital's suburbs' newer ones); else None."""
        if not isinstance(finding.stated, RankStated) or len(finding.subjects) != 1 or not finding.anchors:
            return None
        place, country = self.place(finding.subjects[0]), self.place(finding.anchors[0])
        measured = getattr(result.measured, "rank", None)
        if place is None or country is None or not place.population or place.country_code in self.full_countries \
                or measured is None or measured <= finding.stated.rank:
            return None
        rank = self.gazetteer.settlements_larger_than(country.country_code, int(place.population * self.policy.rank_growth),
                                                      rank_division(country)) + 1
        return rank if abs(rank - finding.stated.rank) <= self.policy.rank_slack else None

    def town_figure_of_area(self, finding: Finding, result: Result) -> bool:
        """Whether a stated population is below policy.area_figure_share of the country's or division's
        it was read as said of."""
        said, have, place = self._populations(finding, result)
        return bool(said and have) and place is not None and place.feature_class == "A" \
            and said < self.policy.area_figure_share * have

    def thinly_known(self, place: Place) -> bool:
        """A small settlement in a country the gazetteer does not hold in full: its namesake may be meant
        (not a country's or first-level division's capital: Marsabit, a Kenyan county's, is the one meant)."""
        return (place.feature_class == "P" and place.population < self.policy.thin_population
                and not place.is_capital and place.country_code not in self.full_countries)

    def placed(self, place: Place, places: list[Place | None]) -> bool:
        """Whether the claim's other places place ``place``: it is a town (policy.village_population or
        more) within policy.placed_within_km of one of them that is no country, or a village within
        policy.village_placed_within_km of one."""
        reach = self.policy.placed_within_km if place.population >= self.policy.village_population \
            else self.policy.village_placed_within_km
        return any(other is not None and other.geonameid != place.geonameid and not other.is_country
                   and distance(Point(place.lon, place.lat), Point(other.lon, other.lat)).km <= reach for other in places)

    def half_holds(self, finding: Finding, result: Result) -> bool:
        """Whether one half of a distance-and-direction claim holds and the other fails: the measured
        distance fits the stated one ("Raška, about 25 km south-east of Leposavić": 25 km, but north-west),
        or the direction fits at a distance within policy.placed_within_km ("Parachinar, some 300 km west
        of Peshawar": 137 km west). The half that fits shows the places are the ones the article means,
        so a doubt about their resolution is no reason to hold back the verdict on the other half."""
        measured, stated = result.measured, finding.stated
        if not (isinstance(measured, DistanceBearing) and isinstance(stated, DistanceStated) and stated.direction
                and measured.bearing_off_deg is not None and measured.distance_km is not None
                and measured.tolerance_km is not None and stated.distance_to is None):
            return False
        distance_fits = abs(measured.distance_km - Length.of(stated.distance, stated.unit).km) <= measured.tolerance_km
        direction_fits = measured.bearing_off_deg <= self.policy.bearing_degrees
        return distance_fits != direction_fits and (distance_fits or measured.distance_km <= self.policy.placed_within_km)

    def place(self, mention: Mention) -> Place | None:
        return self.checker.regions.place(mention.geonameid) if mention.resolved else None

    def result(self, finding: Finding) -> Result:
        """The verdict on ``finding`` as its mentions are resolved, with the caution a verdict of
        inconsistent needs: a doubtful resolution or a comma that may join a list makes it unverifiable."""
        result = self.measure(finding)
        if result.verdict == INCONSISTENT and finding.inferred:
            return result.doubted("inferred place", finding.inferred)
        if result.verdict == INCONSISTENT and finding.attachment:
            return result.doubted("vague wording", finding.attachment)
        if result.verdict == INCONSISTENT and finding.type != "population" and not (
                self.half_holds(finding, result) and not any(m.method == "inferred" and m.feature_code != "PPLC"
                                                             for m in (*finding.subjects, *finding.anchors))):
            # (half a claim that holds settles a doubtful resolution, and "the capital" read as the
            # country's, but not a place read into the text otherwise: "the provincial capital" may be
            # a province's or a region's)
            doubt = self.doubt(finding)
            if doubt:
                return result.doubted("resolution uncertain", doubt)
        if result.verdict == INCONSISTENT and finding.type == "population" and self.town_figure_of_area(finding, result):
            return result.doubted("vague wording", "a figure this small is a town's: the sentence may say it of a place "
                                                   "within the area rather than of the area")
        if result.verdict == INCONSISTENT and finding.type == "population" and self.may_have_grown(finding, result):
            return result.doubted("no data", "GeoNames' figure for a country it holds only in part may be older than "
                                             "the article's, and a city may have grown so much since")
        grown_rank = self.rank_if_grown(finding, result) if result.verdict == INCONSISTENT else None
        if grown_rank is not None:
            return result.doubted("no data", f"GeoNames' figures for a country it holds only in part are of different "
                                             f"dates: with {self.policy.rank_growth:g} times its figure it would "
                                             f"rank number {grown_rank}")
        if finding.wording == "comma" and result.verdict == INCONSISTENT:
            # "Kharkiv, Donetsk" may be a list rather than "a town, its region": do not call it wrong.
            return result.doubted("vague wording", "a comma may join a list")
        if result.verdict == UNVERIFIABLE and result.reason is None:
            # parts measured, some consistent and some not judged: say so
            return dataclasses.replace(result, reason="says little")
        return result

    def measure(self, finding: Finding, subjects: list[Place] | None = None, anchors: list[Place] | None = None) -> Result:
        """The checks' verdict on ``finding`` with these subject and anchor places (default: as resolved,
        measured once: better_places and result both ask)."""
        if subjects is None and anchors is None:
            key = (id(finding), tuple(m.geonameid for m in (*finding.subjects, *finding.anchors)))
            if key not in self._measured:
                self._measured[key] = self._measure(finding)
            return self._measured[key]
        return self._measure(finding, subjects, anchors)

    def _measure(self, finding: Finding, subjects: list[Place] | None = None, anchors: list[Place] | None = None) -> Result:
        checker, stated, kind = self.checker, finding.stated, CLAIM_TYPES[finding.type]
        if not kind.measures_places:
            return check(checker, finding.type, None, None, stated)
        if finding.vague:
            reason = "travel time" if finding.wording == "drive" else "vague wording"
            return unverifiable(reason, finding.vague)
        unresolved = [a.text for a in finding.anchors if not a.resolved]
        if unresolved:
            return unverifiable("anchor unresolved", f"'{unresolved[0]}' is not a place the gazetteer knows")
        if not finding.anchors and kind.needs_anchor:
            return unverifiable("vague wording", "no place is named to measure from")
        if not finding.subjects:
            return unverifiable("vague wording", "the subject is not a named place")
        if subjects is None:
            missing = [s.text for s in finding.subjects if not s.resolved]
            if missing:
                return unverifiable("subject unresolved", f"'{missing[0]}' is not a place the gazetteer knows")
            subjects = [self.place(s) for s in finding.subjects]
        anchor_shapes = [checker.shape(p) for p in (anchors or [self.place(a) for a in finding.anchors])]
        results = []
        try:
            for subject in subjects:
                shape = checker.shape(subject)
                # a population is said of the place alone; a border with no country named, of none
                pairs = [None] if not anchor_shapes or isinstance(stated, PopulationStated) else anchor_shapes
                results.extend(check(checker, finding.type, shape, anchor, stated) for anchor in pairs)
        except GEOSException as exc:          # a broken outline in the data should cost one claim, not the run
            return unverifiable("no polygon", f"the geometry could not be measured ({exc})")
        return _combine(results)

    def doubt(self, finding: Finding) -> str | None:
        """Why a failed claim may be a failed resolution rather than the article's error, if it may: a
        name matched by spelling only, or a small place where the gazetteer is thin. (Namesakes the
        gazetteer holds were tried already: see :meth:`better_place`.)"""
        mentions = [*finding.subjects, *finding.anchors]
        for mention in mentions:
            if mention.method == "inferred":
                return mention.reason or f"{mention.name} was inferred from the context"
            if mention.method.startswith("fuzzy"):
                return f"'{mention.text}' was matched to {mention.name} only by a similar spelling"
            if mention.method not in IMPLIED and mention.score < self.policy.doubtful_below:
                return f"'{mention.text}' was resolved to {mention.name} with low confidence ({mention.score:.2f})"
        if finding.type == "containment" and len(finding.anchors) > 1:
            inner, outer = self.place(finding.anchors[0]), self.place(finding.anchors[1])
            if inner is not None and outer is not None and inner.lies_in(outer) is False:
                return f"'{finding.anchors[0].text}' was resolved to {inner.name}, which is not in {outer.name}"
        places = [self.place(m) for m in mentions]
        for place in places:
            if self.thinly_known(place) and not self.placed(place, places):
                return (f"the gazetteer holds {place.country or place.country_code} only in part (towns of 500+ people, "
                        f"no townships), so another {place.name} may be meant")
        for mention in mentions:
            place = self.place(mention)
            if (mention.method not in IMPLIED and place is not None and not place.is_country
                    and not self.well_known(place)
                    and " " not in normalize_name(mention.text)
                    and word_frequency(normalize_name(mention.text)) >= self.policy.common_word_zipf
                    and not self.placed(place, places)):
                return f"'{mention.text}' is also a common word, and {place.name} is no well-known place"
        for mention in mentions:
            place = self.place(mention)
            if mention.method not in IMPLIED and place is not None and not place.is_country and self.isolated(place):
                return (f"{place.name} is farther than {self.policy.isolated_km:,.0f} km from every other place the "
                        f"article names, so '{mention.text}' may be another place")
        return None

    def well_known(self, place: Place) -> bool:
        """Whether ``place`` has policy.well_known_population people or more; for a division, which
        GeoNames gives no figure outside full dumps, whether the gazetteer ranks it as high as a town of
        that size (its importance reckons the people of its places: Punjab, Alberta)."""
        if place.population >= self.policy.well_known_population:
            return True
        return place.feature_class == "A" and place.importance >= importance("PPL", int(self.policy.well_known_population))

    def isolated(self, place: Place) -> bool:
        """Whether ``place`` stands apart from the article's other places: none in its country, and
        none of the (non-country) others within policy.isolated_km (with no others, it cannot tell)."""
        others = [p for p in self.article_places if p.geonameid != place.geonameid]
        if any(p.country_code == place.country_code for p in others):
            return False
        here = Point(place.lon, place.lat)
        points = [Point(p.lon, p.lat) for p in others if not p.is_country]
        return bool(points) and all(distance(here, p).km > self.policy.isolated_km for p in points)

    def read_otherwise(self, finding: Finding) -> Finding:
        """The finding said of the sentence's own subject (``finding.other_subjects``) when it fails of
        the place before its comma and holds of that subject: "The town sits on a road linking Donetsk
        with Dnipro, roughly 70 km north-west of Donetsk" is said of the town, not of Dnipro; "Izmail sits
        on the border with Romania, about 190 km south-west of Odesa", of Izmail, not of Romania. A
        sentence that reads so is no evidence against the article: the reading that holds is taken."""
        if not finding.other_subjects or self.measure(finding).verdict == CONSISTENT:
            return finding
        for other in finding.other_subjects:
            reading = dataclasses.replace(finding, subjects=[other], other_subjects=[],
                                          read_otherwise=f"said of {other.text}, {finding.other_role}, not of "
                                                         f"{finding.subjects[0].text}")
            if other.resolved and self.measure(reading).verdict == CONSISTENT:
                return reading
        return finding

    def better_places(self, finding: Finding) -> list[tuple[Mention, Place, Place]]:
        """[(mention, old, new)] when the claim fails with its places as resolved and holds with other
        places of the same names and kinds: another subject, else another anchor, else both ("Atlanta,
        Georgia": the town in Indiana and the country would not do, the city and the state do)."""
        if finding.type == "unit_conversion" or len(finding.anchors) > 1 or finding.inferred or not finding.subjects:
            return []
        if finding.type == "distance_direction" and not finding.vague and len(finding.subjects) == 1:
            # "Oryol, about 330 km south-west of Moscow": a distance runs between towns, so a division read
            # for a name that is also its town's (Oryol Oblast) is the town, unless the text calls it a region
            changes = [(m, place, town) for m in (finding.subjects[0], *finding.anchors)
                       if (place := self.place(m)) is not None and (town := self.town_named(m, place)) is not None]
            if changes:
                return changes
        if finding.said_settlement:
            # "Kherson, a city of about 280,000": the city, whatever the context made of the name
            subject = self.place(finding.subjects[0])
            if subject is not None and subject.feature_class != "P" and finding.subjects[0].method not in IMPLIED:
                towns = [p for p in self.alternatives(finding.subjects[0], same_class_as=subject, feature_class="P")
                         if p.country_code == subject.country_code]
                if towns:
                    return [(finding.subjects[0], subject, towns[0])]
        if len(finding.subjects) > 1:
            # "Nashville and Cordova, Tennessee": each listed place on its own, the anchor left as it is
            changes = []
            for mention in finding.subjects:
                one = dataclasses.replace(finding, subjects=[mention])
                changes += [c for c in self.better_places(one) if c[0] is mention]
            return changes
        mentions = [*finding.subjects, *finding.anchors]
        if not all(m.resolved and m.method not in IMPLIED for m in mentions):
            return []
        may_move = [self.may_move(m, container=finding.wording == "comma" and m in finding.anchors) for m in mentions]
        if not any(may_move) or self.measure(finding).verdict != INCONSISTENT:
            return []                                             # the context chose clearly: the claim may not move them
        subject = self.place(finding.subjects[0])
        subjects = self.comparable(finding.subjects[0], self.alternatives(finding.subjects[0], same_class_as=subject)) \
            if may_move[0] else []
        for other in subjects:
            if self.measure(finding, [other]).verdict == CONSISTENT:
                return [(finding.subjects[0], subject, other)]
        if not finding.anchors:
            return []
        anchor = self.place(finding.anchors[0])
        anchors = self.comparable(finding.anchors[0], self.alternatives(finding.anchors[0], same_class_as=anchor)) \
            if may_move[1] else []
        for other in anchors:
            if self.measure(finding, anchors=[other]).verdict == CONSISTENT:
                return [(finding.anchors[0], anchor, other)]
        for other_subject in subjects[:_MAX_PAIRED]:
            for other_anchor in anchors[:_MAX_PAIRED]:
                if self.measure(finding, [other_subject], [other_anchor]).verdict == CONSISTENT:
                    return [(finding.subjects[0], subject, other_subject), (finding.anchors[0], anchor, other_anchor)]
        return []

    def town_named(self, mention: Mention, place: Place) -> Place | None:
        """The town a division's name also names, in its country (one in the division first), when the
        mention is a division's with no kind word ("region", "province") saying so; for a country, its
        capital of the name ("Djibouti, about 240 km north-west of Berbera"); else None."""
        if place.feature_class != "A" or mention.method in IMPLIED \
                or _DIVISION_WORD.search(mention.text) or _DIVISION_WORD.match(self.text, mention.end):
            return None
        candidates = self.gazetteer.candidates(normalize_name(mention.text), limit=_MAX_ALTERNATIVES)
        if place.is_country:   # (a capital known by the name as its own: Djibouti, not Mexico City, "Mexico")
            return next((c.place for c in candidates if c.place.feature_code == "PPLC" and c.kind in ("official", "ascii")
                         and c.place.country_code == place.country_code), None)
        towns = [c.place for c in candidates if c.place.feature_class == "P" and c.place.country_code == place.country_code]
        return next((t for t in towns if t.lies_in(place)), towns[0] if towns else None)

    def may_move(self, mention: Mention, container: bool = False) -> bool:
        """Whether a claim may re-resolve ``mention``: the context left it unsure, or it is a small town
        (a well-known one is never moved: the report is checked, not explained away), or it is the
        container a comma binds ("Atlanta, Georgia": the state, not the country)."""
        place = self.place(mention)
        return place is not None and (mention.score < self.policy.claim_may_resolve_below or container
                                      or place.feature_class == "P" and place.population < self.policy.well_known_population)

    def comparable(self, mention: Mention, others: list[Place]) -> list[Place]:
        """The namesakes a claim may choose for ``mention``: for a town, only those of comparable size
        (policy.comparable_share of its population or more), however unsure the context left it (the
        town of Lyman near Kramatorsk is not explained away by a hamlet of its name 100 km off); for a
        village or a division any. A town is moved only among the article's places: into a division it
        names or within policy.placed_within_km of a town it names ("Brunswick, north of Savannah" in a
        story from Georgia's coast is neither Braunschweig nor New Brunswick, New Jersey)."""
        place = self.place(mention)
        if not place.feature_class == "P" or place.population < self.policy.village_population:
            return others                                         # villages: GeoNames' figures cannot rank them
        return [o for o in others if o.population >= self.policy.comparable_share * place.population
                and self.among_article_places(o)]

    def among_article_places(self, place: Place) -> bool:
        """Whether ``place`` lies in a first- or second-level division the article names, or within
        policy.placed_within_km of a settlement it names (or the article names neither)."""
        divisions = [p for p in self.article_places if p.feature_code in ("ADM1", "ADM2")]
        towns = [p for p in self.article_places if p.feature_class == "P" and p.geonameid != place.geonameid]
        if not divisions and not towns:
            return True
        return any(place.lies_in(d) for d in divisions) or any(
            distance(Point(place.lon, place.lat), Point(t.lon, t.lat)).km <= self.policy.placed_within_km for t in towns)

    def alternatives(self, mention: Mention, same_class_as: Place, feature_class: str | None = None) -> list[Place]:
        """The other places of the same feature class that the mention's words (or its resolved name) may
        stand for, most important first."""
        seen, found = {mention.geonameid}, []
        for name in (mention.text, mention.name or ""):
            for candidate in self.gazetteer.candidates(normalize_name(name), limit=_MAX_ALTERNATIVES) if name else []:
                wanted = (candidate.place.feature_class == feature_class if feature_class else
                          candidate.place.feature_class == same_class_as.feature_class
                          or same_class_as.is_country and candidate.place.feature_code == "ADM1")
                if candidate.place.geonameid not in seen and wanted:
                    seen.add(candidate.place.geonameid)
                    found.append(candidate.place)
        return found[:_MAX_ALTERNATIVES]

    def claim(self, article: str, text: str, finding: Finding, result: Result) -> Claim:
        """The claim's output record, serialised from the finding's stated record and the result's."""
        return Claim(article=article, start=finding.start, end=finding.end, quote=text[finding.start:finding.end],
                     type=finding.type, subject=self.refs(finding.subjects), anchor=self.refs(finding.anchors),
                     stated=finding.stated.to_dict(), measured=result.measured_dict(), verdict=result.verdict,
                     explanation=result.explanation)

    def refs(self, mentions: list[Mention]) -> list[PlaceRef]:
        """Each mention's place, and every place its geometry stands for (a river's points, the Donbas' oblasts)."""
        refs: list[PlaceRef] = []
        for mention in mentions:
            place = self.place(mention)
            if place is None:
                continue
            for gid in self.checker.shape(place).ids or (place.geonameid,):
                other = place if gid == place.geonameid else self.checker.regions.place(gid)
                if other is not None and all(r.geonameid != gid for r in refs):
                    refs.append(PlaceRef(gid, other.name))
        return refs


def _combine(results: list[Result]) -> Result:
    """One result of several (a claim about two places, or a place in a region and a country)."""
    if len(results) == 1:
        return results[0]
    verdict = worst([r.verdict for r in results])
    measured = Parts(tuple(results))
    reason = next((r.reason for r in results if r.reason is not None), "borderline") if verdict == UNVERIFIABLE else None
    if all(r.verdict == verdict for r in results):
        return Result(verdict, measured, "; ".join(r.said for r in results), reason=reason)
    return Result(verdict, measured, " ".join(r.explanation for r in results) + " Overall", reason=reason)


def _switch(mentions: list[Mention], mention: Mention, old: Place, new: Place) -> Switch:
    """Re-resolve ``mention`` to ``new``, and every mention of the same name the text had resolved to ``old``."""
    norm = normalize_name(mention.text)
    changed = 0
    for m in mentions:
        if m is mention or (m.geonameid == old.geonameid and normalize_name(m.text) == norm):
            m.geonameid, m.name, m.lat, m.lon = new.geonameid, new.name, new.lat, new.lon
            m.feature_code, m.country_code, m.admin1 = new.feature_code, new.country_code, new.admin1
            m.method = "claim"
            changed += 1
    return Switch(mention.text, old.geonameid, _label(old), new.geonameid, _label(new), changed)


def _label(place: Place) -> str:
    """"Zaliznychne, Kharkiv Oblast", "Georgia, United States": a place and what holds it."""
    within = place.admin1 if place.admin1 and place.admin1 != place.name and not place.is_country else place.country
    return f"{place.name}, {within}" if within and within != place.name else place.name
