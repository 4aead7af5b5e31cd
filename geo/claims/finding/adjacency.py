"""Neighbours: "the adjacent Donbas region", "neighbouring Libya", "neighbouring countries such as
Ethiopia and Sudan", "the neighbouring countries of Benin, Ghana and Niger", "countries neighbouring
Turkey", "Tunisia's western neighbour", "Argentina, Brazil's neighbour to the south", "Chad, which
shares part of its eastern border with Sudan", "three states that border Mexico", "X borders Y",
"Sharjah, which neighbours Dubai".

The place named with the cue is the anchor; the place it neighbours, when the wording does not name
it, is the last place of the same kind named before it (in its sentence, else within a few hundred
characters): such a subject is inferred.

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> from geo.gazetteer import Gazetteer
>>> text = "Tunisia closed its border. Neighbouring Libya is in chaos."
>>> r = Reader(text, [Mention("a", 0, 7, "Tunisia", 2464461), Mention("a", 40, 45, "Libya", 2215636)], {},
...            [(0, 26), (27, len(text))], Gazetteer.open())
>>> [(f.type, [s.text for s in f.subjects], [a.text for a in f.anchors], text[f.start:f.end]) for f in find(r, [])]
[('adjacency', ['Tunisia'], ['Libya'], 'Neighbouring Libya')]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import IMPLIED, Finding, Reader
from geo.claims.finding.words import DIRECTION_ADJECTIVE, Gate, compass_code
from geo.claims.records import AdjacencyStated
from geo.document import Mention

_I = re.IGNORECASE
_ADJACENT = re.compile(r"(?<![\w’'])(?:adjacent(?:\s+to)?|neighbou?ring|bordering)\s+(?:the\s+)?"
                       r"(?:(?P<kind>countries|country|states|state|regions|region|provinces|province|nations?)\s*"
                       r"(?:,\s*)?(?:(?:such\s+as|like|including|of|,)\s+)?)?", _I)
#: "Tunisia's western neighbour", "Brazil's neighbour to the south", "Egypt and its neighbour to its immediate south".
_NEIGHBOUR = re.compile(rf"(?:['’]s|\s+and\s+its)\s+(?:(?P<adj>{DIRECTION_ADJECTIVE})\s+)?neighbou?r(?:\s+to\s+(?:the|its)\s+(?:immediate\s+)?"
                        rf"(?P<noun>(?:north|south)(?:[\s\-]?(?:east|west))?|east|west))?\b", _I)
#: "X borders Y", "states that border Mexico", "shares (part of) its eastern border with Sudan".
_BORDERS = re.compile(rf"(?<![\w’'])(?:(?:that|which)\s+neighbou?r(?:s|ed)?|"   # "Sharjah, which neighbours Dubai" (a verb only so)
                      rf"(?:(?:that|which|who)\s+)?(?:borders?|bordered|shares?\s+(?:(?:part|much|most)\s+of\s+)?"
                      rf"(?:its|their|a)\s+(?:(?P<adj>{DIRECTION_ADJECTIVE})\s+)?(?:border|frontier)\s+with))\s+(?:the\s+)?", _I)
#: Between a list of places and "that border": "— three states ", ", all of which ".
_LISTED = re.compile(r"\s*[,—–-]?\s*(?:(?:all|both|two|three|four|five|six|the)\s+)?(?:(?:of\s+)?(?:them|which|states|"
                     r"countries|regions|provinces|nations)\s+)?(?:that|which)?\s*", _I)
#: How far back (characters) the place a neighbour neighbours may be named.
NEIGHBOURED_REACH = 800
#: The words every match of those wordings holds (gates over the lowered text: see Reader.scan).
_ADJACENT_GATE = Gate(("adjacent", "neighbouring", "neighboring", "bordering"))
_NEIGHBOUR_GATE, _BORDERS_GATE = Gate(("neighbour", "neighbor")), Gate(("border", "frontier", "neighbour", "neighbor"))


def find(reader: Reader, found: list[Finding]):
    yield from _adjacent(reader)
    yield from _neighbour(reader)
    yield from _borders(reader)
    yield from _border_with(reader)


def _same_kind(reader: Reader, a: Mention, b: Mention) -> bool:
    return reader.is_country(a) == reader.is_country(b) and reader.is_area(a) == reader.is_area(b)


def _neighboured(reader: Reader, cue: int, named: list[Mention], *, sentence_only: bool = False) -> tuple[list[Mention], str | None]:
    """The place the named ones neighbour: the last place of their kind named before the cue."""
    ids = {m.geonameid for m in named}
    sent_start, _ = reader.sentence(cue)

    def usable(m: Mention) -> bool:
        return m.resolved and m.geonameid not in ids and reader.can_be_subject(m) and m.method not in IMPLIED

    in_sentence = [m for m in reader.inside(sent_start, cue) if usable(m)]
    before = ([m for m in in_sentence if any(_same_kind(reader, m, n) for n in named)]
              or [m for m in in_sentence if not reader.is_country(m) or all(reader.is_country(n) for n in named)])
    if not before and not sentence_only:
        before = [m for m in reader.inside(max(0, sent_start - NEIGHBOURED_REACH), sent_start)
                  if usable(m) and any(_same_kind(reader, m, n) for n in named)]
    if not before and not sentence_only:
        # "Neighbouring Israel has a blockade on Gaza": named after the cue in its sentence, else the
        # country the article is most about
        after = [m for m in reader.inside(cue, reader.sentence(cue)[1]) if usable(m) and m not in named
                 and any(_same_kind(reader, m, n) for n in named)]
        if after:
            return after[:1], f"the place neighboured taken to be {after[0].text}, named after"
        main = reader.main_country()
        if main is not None and main.geonameid not in ids and all(reader.is_country(n) for n in named):
            return [reader.implied(cue, cue, main, f"the place neighboured taken to be {main.name}, the article's country",
                                   inferred=True)], f"the place neighboured taken to be {main.name}, the article's country"
    if not before:
        return [], None
    chosen = before[-1]
    if chosen.start >= sent_start or _main_country(reader, chosen):
        # named in the sentence, or the country the article is about named just before: two readings
        # that agree, so the claim is measured as if the text named it there
        return [chosen], None
    return [chosen], f"the place neighboured taken to be {chosen.text}, named before"


def _main_country(reader: Reader, m: Mention) -> bool:
    """Whether ``m`` names the country the article's places lie in most often."""
    main = reader.main_country()
    return main is not None and reader.is_country(m) and m.geonameid == main.geonameid


def _adjacent(reader: Reader):
    text = reader.text
    for match in reader.scan(_ADJACENT, _ADJACENT_GATE, 5, 120):
        first = reader.anchor_after(match.end())
        if first is None or not first.resolved:
            continue
        named = [m for m in reader.list_after(first) if m.resolved]
        start = match.start()
        the = re.search(r"\bthe\s+$", text[max(0, start - 5):start], _I)
        start -= len(the.group()) if the else 0
        if match.group("kind") and re.match(r"neighbou?ring", match.group(), _I) and re.search(r"\bcountries\s+$", text[max(0, start - 12):start], _I):
            # "countries neighbouring Turkey, specifically A, B": the list after names the neighbours
            anchors = named[:1]
            rest = [m for m in reader.inside(anchors[0].end, reader.sentence(anchors[0].start)[1]) if reader.is_country(m)]
            yield Finding("adjacency", start - len("countries "), (rest[-1] if rest else anchors[0]).end, rest, anchors,
                          AdjacencyStated("neighbouring"), None if rest else "the neighbours are not named", "adjacent")
            continue
        subjects, how = _neighboured(reader, start, named)
        relation = "adjacent" if match.group().lower().startswith("adjacent") else "neighbouring"
        if match.group("kind"):
            # "neighbouring countries such as Ethiopia and Sudan": the named ones are the neighbours
            yield Finding("adjacency", start, named[-1].end, named, subjects, AdjacencyStated(relation),
                          None if subjects else "the place they neighbour is not named", "adjacent", how)
            continue
        yield Finding("adjacency", start, named[0].end, subjects, named[:1], AdjacencyStated(relation),
                      None if subjects else "the subject is not a named place", "adjacent", how)


def _neighbour(reader: Reader):
    """"Tunisia's western neighbour", "Argentina, Brazil's neighbour to the south": the neighbour is the
    place before (an appositive) or, failing that, the next place of the owner's kind in the sentence."""
    for match in reader.scan(_NEIGHBOUR, _NEIGHBOUR_GATE, 80, 80):
        owner = reader.mention_before(match.start(), limit=0)
        if owner is None or owner.end != match.start() or not reader.is_area(owner):
            continue
        direction = match.group("adj") or match.group("noun")
        stated = AdjacencyStated("neighbour", compass_code(direction) if direction else None)
        subject = reader.appositive_subject(owner.start, long=True)
        subjects = [subject] if subject is not None and subject.geonameid != owner.geonameid else []
        how = None
        if not subjects:
            later = [m for m in reader.inside(match.end(), reader.sentence(match.start())[1]) if _same_kind(reader, m, owner)]
            subjects = later[:1]
        if not subjects:
            subjects, how = _named_neighbour(reader, owner)
        start = subjects[0].start if subjects and subjects[0].start < owner.start and not how else owner.start
        yield Finding("adjacency", start, match.end(), subjects, [owner], stated,
                      None if subjects else "the neighbour is not named", "neighbour", how)


def _named_neighbour(reader: Reader, owner: Mention) -> tuple[list[Mention], str | None]:
    """"Tunisia's western neighbour" with no name at hand: the one country named in the NEIGHBOURED_REACH
    characters before that GeoNames lists as the owner's neighbour (inferred), else none (two or more:
    which one is meant is the claim itself)."""
    place = reader.place(owner)
    if place is None or not place.is_country:
        return [], None
    named = reader.neighbours_named(place.country_code, max(0, owner.start - NEIGHBOURED_REACH), owner.start)
    if len(named) != 1:
        return [], None
    ((chosen, *_),) = named.values()
    return [chosen], f"the neighbour taken to be {chosen.text}, the one neighbouring country named before"


#: "the US southern border with Mexico", "Russia's border with Ukraine".
_BORDER_WITH = re.compile(rf"(?:['’]s)?\s+(?:(?P<adj>{DIRECTION_ADJECTIVE})\s+)?(?:border|frontier)\s+with\s+(?:the\s+)?", _I)


def _border_with(reader: Reader):
    text = reader.text
    for owner in reader.mentions:
        if "with" not in text[owner.end:owner.end + 40]:
            continue
        match = _BORDER_WITH.match(text, owner.end, owner.end + 40)
        if match is None or not reader.is_area(owner):
            continue
        other = reader.anchor_after(match.end())
        if other is None or not reader.is_area(other) or other.geonameid == owner.geonameid:
            continue
        stated = AdjacencyStated("shared border", compass_code(match.group("adj")) if match.group("adj") else None)
        the = re.search(r"\bthe\s+$", text[max(0, owner.start - 5):owner.start], _I)
        yield Finding("adjacency", owner.start - (len(the.group()) if the else 0), other.end, [other], [owner], stated,
                      wording="border with")


def _borders(reader: Reader):
    text = reader.text
    for match in reader.scan(_BORDERS, _BORDERS_GATE, 120, 40):
        anchor = reader.anchor_after(match.end())
        neighbours = match.group().lower().lstrip().startswith(("which neighbo", "that neighbo"))
        if anchor is None or not reader.is_area(anchor) and not (neighbours and reader.is_settlement(anchor)):
            continue   # (a town neighbours a town: "Sharjah, which neighbours Dubai"; a border is an area's)
        possessive = re.match(r"['’]s\s+", text[anchor.end:anchor.end + 4])
        held = reader.anchor_at(anchor.end + possessive.end()) if possessive else None
        if held is not None and reader.is_area(held):
            anchor = held                                         # "borders Ukraine's Sumy region"
        subject = reader.appositive_subject(match.start(), long=True)
        if subject is None:
            # "Texas, Arizona, and New Mexico — three states that border Mexico"
            m = reader.mention_before(match.start(), limit=60)
            subject = m if m is not None and _LISTED.fullmatch(text[m.end:match.start()]) and reader.is_area(m) else None
        subjects = [s for s in reader.list_before(subject) if reader.is_area(s)] if subject is not None else []
        if subject is not None and not subjects:
            subjects = [subject]
        if not subjects:
            subjects, how = _neighboured(reader, match.start(), [anchor], sentence_only=True)
        stated = AdjacencyStated("neighbours" if neighbours else "border",
                                 compass_code(match.group("adj")) if match.group("adj") else None)
        # "KwaZulu-Natal, which borders Eswatini and Mozambique": each place listed is a neighbour
        anchors = [a for a in reader.list_after(anchor) if _same_kind(reader, a, anchor)] if held is None else [anchor]
        yield Finding("adjacency", reader.quote_start(subjects, match.start()), anchors[-1].end, subjects, anchors, stated,
                      None if subjects else "the subject is not a named place", "borders")
