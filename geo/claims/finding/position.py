"""A place's position in its country or region: "the southern city of Shiraz", "the northern Nigerian
state of Zamfara", "India's northern state of Uttar Pradesh", "Redding, northern California",
"Mbanza Congo in northern Angola", "Lyon in the east of France", "in the north of the country",
"Rafah, on the southern edge of the Gaza Strip", "X, in the western part of Y",
"Cairns in the state's far north", "southern Ukraine's Kherson region", "Catania, on Sicily's east coast".

Each is a ``direction`` claim whose anchor is the region (a PositionStated record, whose ``within``
names it): the check measures the bearing from the region's centre to the place (see
Checker.position). Where the wording names no region ("the southern city of X"), the region is the
place's own country.

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> from geo.gazetteer import Gazetteer
>>> text = "Fighting reached the southern city of Kherson."
>>> r = Reader(text, [Mention("a", 38, 45, "Kherson", 706448)], {}, [(0, len(text))], Gazetteer.open())
>>> [(f.type, f.stated.to_dict(), text[f.start:f.end]) for f in find(r, [])]
[('direction', {'direction': 'S', 'within': 'its country'}, 'the southern city of Kherson')]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import Finding, Reader
from geo.claims.finding.words import DIRECTION_ADJECTIVE, DIRECTION_GATE, Gate, compass_code
from geo.claims.records import CENTRE, PositionStated
from geo.document import Mention

_I = re.IGNORECASE
_DIR = rf"(?:far[\s\-]+)?(?P<dir>{DIRECTION_ADJECTIVE})"
_DIR_OR_NOUN = (rf"(?:far[\s\-]+)?(?P<dir>{DIRECTION_ADJECTIVE}|(?:north|south)(?:[\s\-]?(?:east|west))?|east|west)")
_NOUN = (r"(?P<noun>city|town|village|settlement|port|port\s+city|region|province|oblast|state|district|county|governorate|"
         r"department|prefecture|republic|territory|island|suburb|hub|stronghold|enclave|area|capital|frontline\s+town|"
         r"frontline\s+city|border\s+town|border\s+city|border\s+region|industrial\s+city|mining\s+town)")
#: "the southern city of X", "the northern Nigerian state of Zamfara", "the eastern Ukrainian town of X",
#: "its northern province of X", "India's northern state of X" (the owner before it, see _owner).
_OF = re.compile(rf"(?<![\w’'-]){_DIR}\s+(?:(?P<demonym>(?-i:[A-Z][\w’'-]+))\s+)?(?:(?-i:[a-z][\w’'-]*)\s+){{0,2}}?"
                 rf"{_NOUN}(?:\s+of|\s*,)?\s+(?=(?-i:[A-Z]))", _I)   # (a name next: "port city of X", not "port")
#: "X, northern California", "Delmas, north-east South Africa", "Mbanza Congo in northern Angola".
_BEFORE_REGION = re.compile(rf"(?:(?P<comma>,)|\s(?P<in>in|across|throughout|of))\s+{_DIR_OR_NOUN}\s+(?=(?-i:[A-Z]))", _I)
#: "southern Ukraine's Kherson region".
_DIR_BEFORE_NAME = re.compile(rf"(?<![\w’'-]){_DIR}\s+(?=(?-i:[A-Z]))", _I)
#: "in the east of France", "in the far north of the country".
_PART = re.compile(r"\b(?:in|to|across)\s+the\s+(?:far\s+|extreme\s+)?(?P<dir>(?:north|south)(?:[\s\-]?(?:east|west))?|east|west)"
                   r"\s+of\s+(?:(?P<referent>the\s+(?:country|state|region|province|oblast|island))\b|(?:the\s+)?)", _I)
#: "on the southern edge of the Gaza Strip", "at the northern tip of the island".
_EDGE = re.compile(rf"\b(?:on|at|along|in|to|across)\s+the\s+{_DIR}\s+(?:edge|edges|tip|end|fringe|fringes|outskirts|side|flank|"
                   rf"part|parts|portion|half|section)\s+of\s+"
                   r"(?:(?P<referent>the\s+(?:country|state|region|province|oblast|island))\b|(?:the\s+)?)", _I)
#: "on the east coast of Sicily", "along the northern coast of the island": a side of its coast.
_COAST_OF = re.compile(r"\b(?:on|along)\s+the\s+(?:far\s+)?(?P<dir>" + DIRECTION_ADJECTIVE + r"|(?:north|south)(?:[\s\-]?(?:east|west))?"
                       r"|east|west)\s+(?:coast|coastline|seaboard|shore)\s+of\s+"
                       r"(?:(?P<referent>the\s+(?:country|state|region|province|oblast|island))\b|(?:the\s+)?)", _I)
#: "in Ohio's northwestern corner", "in the state's far north", "in the country's east", "on Sicily's east
#: coast": the tail after "'s".
_COASTS = r"coast|coastline|seaboard"
_CORNER = re.compile(rf"['’]s\s+(?:far\s+|extreme\s+)?(?:(?P<adj>{DIRECTION_ADJECTIVE})\s+(?:corner|part|tip|reaches|edge|flank|{_COASTS})\b"
                     rf"|(?P<noun>(?:north|south)(?:[\s\-]?(?:east|west))?|east|west)(?:\s+(?:{_COASTS})\b|\b(?![\s\-]+(?:of|bank|side|coast)\b)))", _I)
_CORNER_OWNER = re.compile(r"\b(?:in|to|across|on|along)\s+(?:(?P<referent>the\s+(?:country|state|region|province|oblast))|(?P<the>the\s+)?)$", _I)
_POSSESSIVE = re.compile(r"['’]s?\s+$")


def find(reader: Reader, found: list[Finding]):
    yield from _of(reader)
    yield from _named_region(reader)
    yield from _before_region(reader)
    yield from _central(reader)
    yield from _region_possessive(reader)
    yield from _part(reader)
    yield from _corner(reader)


def _finding(reader: Reader, start: int, end: int, subject: Mention | None, anchor: Mention | None, direction: str,
             within: str, vague: str | None = None, inferred: str | None = None) -> Finding:
    return Finding("direction", start, end, [subject] if subject else [], [anchor] if anchor else [],
                   PositionStated(compass_code(direction), within), vague, "position", inferred)


def _subject_ok(reader: Reader, m: Mention | None) -> bool:
    return m is not None and m.resolved and not reader.is_country(m) and reader.can_be_subject(m)


def _own_country(reader: Reader, subject: Mention, start: int, end: int) -> Mention | None:
    country = reader.country_of(subject)
    return reader.implied(start, end, country, "the place's own country") if country is not None else None


def _of(reader: Reader):
    text = reader.text
    for match in reader.scan(_OF, DIRECTION_GATE, 20, 200):
        if match.group("dir")[:1].isupper() and match.group("noun")[:1].isupper():
            continue                                              # "Southern District of Ohio": a proper name
        subject = reader.anchor_at(match.end())
        if not _subject_ok(reader, subject):
            continue
        start, anchor, within = match.start(), None, None
        the = re.search(r"\b(?:the|a|an|its|their)\s+$", text[max(0, start - 6):start], _I)
        owner = reader.mention_before(start, limit=4)
        if owner is not None and _POSSESSIVE.fullmatch(text[owner.end:start]) and reader.is_area(owner):
            anchor, within, start = owner, owner.text, owner.start            # "India's northern state of"
        elif match.group("demonym") and reader.demonym_country(match.group("demonym")) is not None:
            country = reader.demonym_country(match.group("demonym"))
            anchor, within = reader.implied(match.start("demonym"), match.end("demonym"), country,
                                            f"'{match.group('demonym')}' names {country.name}"), country.name
            # ("the northern Kurdish village of Ranya": a people, not a country: the place's own country)
        if anchor is None:
            anchor, within = _own_country(reader, subject, match.start("dir"), match.end("dir")), "its country"
        if anchor is None or anchor.geonameid == subject.geonameid:
            continue
        if the and start == match.start():
            start -= len(the.group())
        yield _finding(reader, start, subject.end, subject, anchor, match.group("dir"), within)


#: "the eastern Donetsk region", "the northern Kharkiv oblast": a region called by its place in the country
#: (the kind word is needed: "northern Gaza" is a part of Gaza, not Gaza's place).
_REGION_KIND = re.compile(r"(?:\s+(?:region|province|oblast|state|governorate|district|county|department|prefecture))\b", _I)


def _named_region(reader: Reader):
    text = reader.text
    for match in reader.scan(_DIR_BEFORE_NAME, DIRECTION_GATE, 20, 60):
        region = reader.anchor_at(match.end())
        if region is None or not reader.is_area(region) or reader.is_country(region):
            continue
        if not (_REGION_KIND.match(text, region.end) or _REGION_KIND.search(region.text)):
            continue
        if text[region.end:region.end + 2] in ("'s", "’s"):
            continue
        the = re.search(r"\bthe\s+$", text[max(0, match.start() - 5):match.start()], _I)
        owner = reader.mention_before(match.start(), limit=4)
        if the is None and owner is not None and _POSSESSIVE.fullmatch(text[owner.end:match.start()]) and reader.is_area(owner):
            anchor, within, start = owner, owner.text, owner.start          # "Ukraine's eastern Donetsk region"
        elif the is not None:
            anchor, within, start = (_own_country(reader, region, match.start("dir"), match.end("dir")), "its country",
                                     match.start() - len(the.group()))
        else:
            continue
        if anchor is None:
            continue
        end = _REGION_KIND.match(text, region.end).end() if _REGION_KIND.match(text, region.end) else region.end
        yield _finding(reader, start, end, region, anchor, match.group("dir"), within)


#: "Deir al-Balah in central Gaza", "Kryvyi Rih, central Ukraine": a place in the middle of a region.
_CENTRAL_BEFORE = re.compile(r"(?:(?P<comma>,)|\s(?:in|across|throughout))\s+(?P<dir>central)\s+(?=(?-i:[A-Z]))", _I)
_CENTRAL_GATE = Gate(("central",))


def _central(reader: Reader):
    """"in central Gaza": a place in the middle of a region (stated direction CENTRE); a town's name
    there is read as the region of that name that holds it (inferred, as for "southern Gaza")."""
    text = reader.text
    for match in reader.scan(_CENTRAL_BEFORE, _CENTRAL_GATE, 20, 20):
        anchor = reader.anchor_at(match.end())
        if anchor is not None and reader.is_settlement(anchor):
            anchor = _namesake_region(reader, anchor)
        if anchor is None or not reader.is_area(anchor) or _proper_name(text, match.start("dir")) \
                or text[anchor.end:anchor.end + 2] in ("'s", "’s"):
            continue
        if match.group("comma"):
            subject = reader.mention_before(match.start(), limit=1)
            if _subject_ok(reader, subject):
                yield Finding("direction", subject.start, anchor.end, [subject], [anchor], PositionStated(CENTRE, anchor.text),
                              None, "position", anchor.reason if anchor.method == "inferred" else None)
            continue
        subjects, vague, inferred = reader.subject_or_vague(match.start() + 1, {anchor.geonameid})
        subjects = [m for m in subjects if _subject_ok(reader, m)]
        if not subjects:
            continue                                              # "fighting in central Ukraine": no place placed
        inferred = inferred or (anchor.reason if anchor.method == "inferred" else None)
        yield Finding("direction", reader.quote_start(subjects, match.start() + 1, inferred), anchor.end, subjects[:1], [anchor],
                      PositionStated(CENTRE, anchor.text), None, "position", inferred)


def _before_region(reader: Reader):
    text = reader.text
    for match in reader.scan(_BEFORE_REGION, DIRECTION_GATE, 60, 60):
        anchor = reader.anchor_at(match.end())
        if anchor is not None and reader.is_settlement(anchor):
            anchor = _namesake_region(reader, anchor)
        if anchor is None or not reader.is_area(anchor) or text[anchor.end:anchor.end + 2] in ("'s", "’s"):
            continue
        if _proper_name(text, match.start("dir")):
            continue                                              # "Western Massachusetts", "West Kasai": a name
        if match.group("comma"):
            subject = reader.mention_before(match.start(), limit=1)
            if not _subject_ok(reader, subject):
                continue
            yield _finding(reader, subject.start, anchor.end, subject, anchor, match.group("dir"), anchor.text)
            continue
        subjects, vague, inferred = reader.subject_or_vague(match.start() + 1, {anchor.geonameid})
        subjects = [s for s in subjects if _subject_ok(reader, s)]
        if not subjects and (vague is None or vague == "the subject is not a named place"):
            continue                                              # "fighting in eastern Ukraine": no place placed
        start = match.start() + 1 if text[match.start()].isspace() else match.start()
        yield _finding(reader, reader.quote_start(subjects, start, inferred), anchor.end, subjects[0] if subjects else None,
                       anchor, match.group("dir"), anchor.text, vague if not subjects else None, inferred)


def _namesake_region(reader: Reader, town: Mention) -> Mention | None:
    """"Khan Younis in southern Gaza": a part of a region is meant, so a name resolved to a town stands
    for the division of the same name that holds it (the Gaza Strip), read as an inference (a verdict
    of inconsistent never rests on it: "southern Kyiv" may be the city's south). None when no such
    division holds the town."""
    region = reader.division_named(town, "region")
    town_place, region_place = reader.place(town), reader.place(region)
    if region is None or town_place is None or region_place is None or town_place.lies_in(region_place) is not True:
        return None
    return reader.implied(town.start, town.end, region_place, f"'{town.text}' after a compass word taken to be "
                          f"{region_place.name}, the region of that name", inferred=True)


def _proper_name(text: str, pos: int) -> bool:
    """Whether the direction word at ``pos`` is capitalized inside a sentence: part of a name."""
    return text[pos].isupper() and not re.search(r"(?:^|[.!?:\n]\s*|[\"“(]\s*)$", text[max(0, pos - 3):pos])


def _region_possessive(reader: Reader):
    text = reader.text
    for match in reader.scan(_DIR_BEFORE_NAME, DIRECTION_GATE, 20, 60):
        anchor = reader.anchor_at(match.end())
        if anchor is None or not reader.is_area(anchor):
            continue
        possessive = re.match(r"['’]s\s+", text[anchor.end:anchor.end + 4])
        if not possessive:
            continue
        subject = reader.anchor_after(anchor.end + possessive.end())
        if not _subject_ok(reader, subject) or subject.geonameid == anchor.geonameid:
            continue
        yield _finding(reader, match.start(), subject.end, subject, anchor, match.group("dir"), anchor.text)


def _part(reader: Reader):
    for match in (*reader.scan(_PART, DIRECTION_GATE, 60, 100), *reader.scan(_EDGE, DIRECTION_GATE, 60, 100),
                  *reader.scan(_COAST_OF, DIRECTION_GATE, 60, 100)):
        if match.group("referent"):
            end = match.end()
            anchor = None
        else:
            anchor = reader.anchor_at(match.end())
            if anchor is None or not reader.is_area(anchor):
                continue
            end = anchor.end
        subjects, vague, inferred = reader.subject_or_vague(match.start(), {anchor.geonameid} if anchor else set())
        subjects = [s for s in subjects if _subject_ok(reader, s)]
        if anchor is None and subjects:
            anchor = _referent(reader, match.group("referent"), subjects[0], match.start("referent"), match.end("referent"))
        if anchor is None or not subjects and not inferred and vague == "the subject is not a named place":
            continue                                              # "fighting in the north of the region": no place placed
        yield _finding(reader, reader.quote_start(subjects, match.start(), inferred), end, subjects[0] if subjects else None, anchor,
                       match.group("dir"), anchor.text, None if subjects else (vague or "the subject is not a named place"),
                       inferred)


def _corner(reader: Reader):
    text = reader.text
    for match in reader.scan(_CORNER, DIRECTION_GATE, 40, 100):
        direction = match.group("adj") or match.group("noun")
        owner = reader.mention_before(match.start(), limit=0)
        if owner is not None and owner.end == match.start():
            lead = _CORNER_OWNER.search(text, max(0, owner.start - 20), owner.start)
            if lead is None or not reader.is_area(owner):
                continue
            anchor, cue, referent = owner, lead.start(), None
        else:
            lead = _CORNER_OWNER.search(text, max(0, match.start() - 30), match.start())
            if lead is None or not lead.group("referent"):
                continue
            anchor, cue, referent = None, lead.start(), lead
        subjects, vague, inferred = reader.subject_or_vague(cue, {anchor.geonameid} if anchor else set())
        subjects = [s for s in subjects if _subject_ok(reader, s)]
        if anchor is None and subjects:
            anchor = _referent(reader, referent.group("referent"), subjects[0], referent.start("referent"),
                               referent.end("referent"))
        if anchor is None:
            continue
        yield _finding(reader, reader.quote_start(subjects, cue, inferred), match.end(), subjects[0] if subjects else None,
                       anchor, direction, anchor.text, None if subjects else (vague or "the subject is not a named place"),
                       inferred)


def _referent(reader: Reader, referent: str, subject: Mention, start: int, end: int) -> Mention | None:
    """The region "the country" or "the state" stands for: the subject's own country or division."""
    place = reader.place(subject)
    if place is None or reader.gazetteer is None:
        return None
    if referent.lower().endswith("country"):
        country = reader.country_of(subject)
        return reader.implied(start, end, country, "the place's own country") if country else None
    division = reader.gazetteer.admin_division(f"{place.country_code}.{place.admin1_code}") if place.admin1_code else None
    return reader.implied(start, end, division, "the place's own division") if division else None
