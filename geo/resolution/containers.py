"""What the text says holds what (:func:`find_containers`): "X, Y", "X in (the) Y", "X, a town in Y's Z",
"Y's X", "the X district of Y". Resolution scores a span's candidates inside its containers higher
(scoring), and leaves a span unresolved whose place contradicts containers stated in words."""
from __future__ import annotations

import re
from collections.abc import Callable

from geo.document import Span
from geo.gazetteer import Candidate, Place
from geo.resolution.context import Containers
from geo.resolution.policy import POLICY
from geo.resolution.senses import _Senses, bears_name

# What lies between a span and the next one when the next contains it: "X, Y", "X in (the) Y",
# "X, a town in Y's Z".
# (a word of position may come before the container: "X, a city in central Y", "X, eastern Y")
_POSITION_WORD = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(?:ern)?\s+"
# "X, the capital of Y", "X, the provincial seat of Y": Y holds its capital.
_CONTAINER_GAP = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?(?:\w+[’']s\s+)?|,\s*(?:an?|the)\s+(?:\w+\s+){0,3}?in\s+(?:the\s+)?(?:\w+[’']s\s+)?"
                            r"|,\s*(?:the|its)\s+(?:\w+\s+)?(?:capital|seat)\s+of\s+(?:the\s+)?)"
                            r"(?:" + _POSITION_WORD + r")?")
# "X, near Y", "X, outside Y": X lies about Y (see find_containers).
_NEAR_GAP = re.compile(r",\s+(?:near|outside|just\s+outside|close\s+to|on\s+the\s+outskirts\s+of)\s+")
# After a qualified name, "of" too: "the Shebekino district of Russia's Belgorod region".
# "Russia's Belgorod region", "Ukraine's eastern Donetsk region", "Syria's rebel-held Idlib": a
# possessive, at most one word of position or control between
_POSSESSIVE_GAP = re.compile(r"[’']s\s+(?:" + _POSITION_WORD + r"|(?:\w+-)?(?:held|occupied|controlled|annexed)\s+)?")
_POSSESSIVE_STARTS = ("’s", "'s")   # (how every possessive gap starts: tested before the regex)
_OF_CONTAINER_GAP = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+[’']s\s+)?")
_QUALIFIED_BY_KIND = frozenset({"district", "division", "settlement"})
# A list going on after a name: "... New York and Boston", "..., New York, and Boston".
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s+(?-i:[A-Z])[\w’'.-]*+(?:\s+(?-i:[A-Z])[\w’'.-]*+)?+(?!\s*,\s*(?-i:[A-Z]))")
# (not a list of pairs: "Peru, Indiana, and Lebanon, Pennsylvania")
# The capitalized word right before a name: "Swedish " in "Swedish Lapland".
_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]+) $")


def find_containers(text: str, spans: list[Span], senses: list[_Senses],
                    demonym_countries: Callable[[str], list[Place]] = lambda word: [],
                    division_of: Callable[[Place], Place | None] = lambda place: None) -> Containers:
    """What the text says holds what: "X, Y", "X in (the) Y", "X, a town in Y's Z", "Y's X", and "the
    Swedish X" (the countries ``demonym_countries`` gives for the adjective before a name matching
    found one at: "Swedish Lapland" is Sweden's, as a possessive would say, not Finland's Lapland);
    and "X, near Y", where Y is an important town: the first-level division ``division_of`` gives
    for it, where one of X's places lies ("Montreuil, near Paris" is Île-de-France's Montreuil)."""
    found = Containers()
    out, stated = found.boxes, found.stated
    for i in range(len(spans) - 1):
        if senses[i].cands and senses[i + 1].cands and _NEAR_GAP.fullmatch(text, spans[i].end, spans[i + 1].start):
            town = senses[i + 1].cands[0].place
            region = division_of(town) if town.feature_class == "P" and town.importance >= POLICY.telling_importance else None
            if region is not None and any(c.place.lies_in(region) for c in senses[i].cands):
                out.setdefault(spans[i].start, []).append(region)
    for i, span in enumerate(spans):
        if "demonym_before" in span.cues:
            adjective = _WORD_BEFORE.search(text, max(0, span.start - 40), span.start)
            for country in demonym_countries(adjective.group(1)) if adjective else ():
                for held in (out, stated, found.owners):
                    held.setdefault(span.start, []).append(country)
        if i + 1 < len(spans) and text.startswith(_POSSESSIVE_STARTS, span.end) and senses[i].cands \
                and _POSSESSIVE_GAP.fullmatch(text, span.end, spans[i + 1].start):
            # "Russia's Belgorod region", "Iraq's Kurdistan region", "Syria's northwestern Idlib province"
            box = _container_of(senses[i + 1], senses[i].cands)
            if box is not None:
                for held in (out, stated, found.owners):
                    held.setdefault(spans[i + 1].start, []).append(box)
        for k in range(i + 1, min(i + 1 + POLICY.container_lookahead, len(spans))):
            other, cands = spans[k], senses[k].cands
            if other.start - span.end > POLICY.container_gap_chars or not cands:   # (the length of the text between, not copied)
                break
            between = text[span.end: other.start]
            if (between[:1] == "," or between[:1].isspace()) and (_CONTAINER_GAP.fullmatch(between) or (
                    span.qualifier in _QUALIFIED_BY_KIND and _OF_CONTAINER_GAP.fullmatch(between))):  # (how every gap starts)
                box = _holding(_container_of(senses[i], cands), senses[i], cands)
                if box is not None and not box.is_country and _LIST_GOES_ON.match(text, other.end) \
                        and not any(c.place.geonameid == box.geonameid and c.kind in ("abbrev", "postal") for c in cands):
                    # "Washington, New York and Boston": a list of three, New York no state of Washington;
                    # but a state's abbreviation is written after a town, not listed ("Vancouver, B.C., and California")
                    box = None
                if box is not None:
                    out.setdefault(span.start, []).append(box)
                    if box.feature_code == "ADM1" and any(c.place.lies_in(box) is True for c in senses[i].cands):
                        # (the container is the division that holds the name's place: "Atlanta, Georgia")
                        found.inner.setdefault(other.start, set()).add(f"{box.country_code}.{box.admin1_code}")
                    if between.strip() not in (",", "") and (box.is_country or other.qualifier in ("division", "district")
                                                             or span.qualifier is not None and " of " in between):
                        # "X in Y", "X, a village in Y's Z region": in words, not a list's comma,
                        # and a country or a division named as one; or "the Shaab district of Baghdad"
                        stated.setdefault(span.start, []).append(box)
                        region = senses[i].own_region
                        if region is not None:   # (Y holds X: "Muridke in Punjab province" is Pakistan's Punjab)
                            found.inner.setdefault(other.start, set()).add(region)
            if "." in between or ";" in between or "!" in between or "?" in between:
                break   # (the next sentence)
    return found


def _container_of(inner: _Senses, cands: tuple[Candidate, ...]) -> Place | None:
    """The place the second name of "X, Y" or "X in Y" stands for as X's container: its best
    candidate when that is a country or division, else its best division known by its own name
    ("Prague, Oklahoma": the state, though Oklahoma City is also called so). A division's own name
    does not make it the container of another division or country ("Texas, Oklahoma and Kansas"
    is a list), nor does a stem ("Kyiv, Kharkiv": Kharkiv the city, no container)."""
    top = cands[0].place
    if top.is_country and not any(x.place.lies_in(top) is True for x in inner.cands):
        # "Atlanta, Georgia": the state that holds a town of the name, not the country that holds none
        held = next((c.place for c in cands if c.place.feature_code == "ADM1" and _own(c)
                     and any(x.place.feature_class == "P" and _own(x) and x.place.lies_in(c.place) is True
                             for x in inner.cands)), None)
        if held is not None:
            return held
    if inner.cands and inner.cands[0].place.feature_code == "ADM1":
        # a state is held by a country alone ("Kharkiv Oblast, Ukraine"; "Texas, Oklahoma" is a list)
        return top if top.is_country else None
    # (a division by its own name only: "Vinnytsia", the admin-code list's name for Vinnytsya Oblast,
    # is the city's own in "Poltava, Kremenchuk, Vinnytsia", a list of cities, not Kremenchuk's container)
    city_named = any(c.place.feature_class == "P" and _own(c) for c in cands)
    if top.is_country or top.is_division and (_own(cands[0]) or not city_named):
        return top
    if inner.cands and inner.cands[0].place.is_division:
        return None
    for c in cands:
        if c.place.feature_code == "ADM1" and c.kind in ("news", "official", "ascii", "everyday", "abbrev") and _own(c):
            return c.place
    return None


def _holding(box: Place | None, inner: _Senses, cands: tuple[Candidate, ...]) -> Place | None:
    """``box``, or where it holds none of the inner name's places and another division of the name
    holds one, that division ("Ilagan, the capital of Isabela": the Philippine province, not Puerto
    Rico's Isabela)."""
    if box is None or box.is_country or any(x.place.lies_in(box) for x in inner.cands):
        return box
    return next((c.place for c in cands if c.place.is_division and not c.place.is_country
                 and any(x.place.lies_in(c.place) for x in inner.cands)), box)


def _own(c: Candidate) -> bool:
    """Whether a candidate bears the name as its own (an abbreviation of a state counts; a short form
    does not: "Vinnytsia" folds into "Vinnytsya Oblast")."""
    return c.kind == "abbrev" or bears_name(c, short_forms=False)
