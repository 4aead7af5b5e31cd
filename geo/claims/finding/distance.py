"""Distances: "37 miles east of Kharkiv", "60 km from Izium", "20-30 km north-west of the city of
Y", "some 12 miles from the city of Y", "10km outside Y", "X and Y, about 13 km apart", and travel times ("an hour's drive"),
which are unverifiable.

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> text = "Lyman lies 20-30 km to the north-east of Kramatorsk."
>>> r = Reader(text, [Mention("a", 0, 5, "Lyman", 1), Mention("a", 41, 51, "Kramatorsk", 2)], {}, [(0, len(text))])
>>> [(f.type, f.stated.to_dict()) for f in find(r, [])]
[('distance_direction', {'distance': 20, 'unit': 'km', 'distance_to': 30, 'direction': 'NE'})]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import Finding, Reader
from geo.claims.finding.words import DIRECTION, NUMBER, UNIT_GATE, QUALIFIER, Gate, compass_code, number, unit, words
from geo.claims.geodesy import direction_bearing
from geo.claims.records import DistanceStated, RelationStated, TravelTimeStated
from geo.claims.units import LENGTH_PATTERN, VAGUE_NUMBER_WORDS

_DISTANCE = re.compile(rf"""
    (?:\b(?P<qual>{QUALIFIER})\s+)?(?P<num>{NUMBER})
    (?:\s*(?:-|–|to|or)\s*(?P<num_to>{NUMBER}))?[\s\-]*(?P<unit>{LENGTH_PATTERN})\b
    (?:\s*\([^()]{{1,40}}\))?                                  # "(23 miles)"
    (?:\s*,)?\s+(?:
        (?:to\s+the\s+)?(?P<dir>{DIRECTION})\s+(?:of|from)
      | (?:to\s+the\s+)?(?P<dir_only>{DIRECTION})\b(?!\s+(?:of|from))
      | (?:away\s+)?from | outside(?:\s+of)? | away
    )\s*""", re.I | re.X)
#: "Kramatorsk and Sloviansk, which lie about 13 km apart": a distance between the two places listed before.
_APART = re.compile(rf"(?:\b(?P<qual>{QUALIFIER})\s+)?(?P<num>{NUMBER})(?:\s*(?:-|–|to|or)\s*(?P<num_to>{NUMBER}))?[\s\-]*"
                    rf"(?P<unit>{LENGTH_PATTERN})\b(?:\s*\([^()]{{1,40}}\))?\s+apart\b", re.I)
_BORDER_NEXT = re.compile(r"(?:the|its|their|a)\s+(?:[\w’'-]+\s+){0,3}?(?:border|frontier|boundary)s?\b", re.I)
#: The words after "from" when no place follows: up to a conjunction or punctuation ("from where the swan was found").
_CLAUSE_REST = re.compile(r"(?:(?!\s(?:and|or|but|as|to|for|because|which|while|when|after|before|since|so)\b)[^,.;:!?()\n]){0,80}")
_DRIVE = re.compile(r"\b(?:(?:an?|one|two|three|\d+|a\s+few)[\s\-]+(?:hour|minute)s?['’]?s?[\s\-]+(?:drive|walk|ride|journey)"
                    r"|(?:an?|\d+)[\s\-]+(?:hour|minute)[\s\-]+(?:drive|walk|ride|journey))\b", re.I)
#: The words every match of _DRIVE holds (see Reader.scan).
_DRIVE_GATE = Gate(("hour", "minute"))


def find(reader: Reader, found: list[Finding]):
    text = reader.text
    for match in reader.scan(_DISTANCE, UNIT_GATE, 80, 160):
        direction = match.group("dir") or match.group("dir_only")
        if direction and direction_bearing(direction) is None:
            continue
        if _BORDER_NEXT.match(text, match.end()):
            continue                                              # "6 km from the border": a border claim
        anchor = reader.anchor_after(match.end()) if not match.group("dir_only") else None
        subjects, vague, inferred = reader.subject_or_vague(match.start(), {anchor.geonameid} if anchor else set())
        quoted_from = inferred   # (the quote starts at the cue where the subject, or "the city", is inferred)
        stated = DistanceStated(number(match.group("num")), unit(match.group("unit")),
                                number(match.group("num_to")) if match.group("num_to") else None,
                                words(match.group("qual")) if match.group("qual") else None,
                                compass_code(direction) if direction else None)
        if words(match.group("num")) in VAGUE_NUMBER_WORDS and anchor is not None and not direction:
            # "a few miles from Chattanooga": a claim of nearness, not of a distance
            yield Finding("near", reader.quote_start(subjects, match.start(), inferred), anchor.end, subjects, [anchor],
                          RelationStated(words(match.group()).strip()), vague, "near", inferred)
            continue
        if anchor is None and not match.group("dir_only") and subjects:
            # "Vuhledar, 50 km south-west of the city": the city named before the subject
            anchor = reader.described_anchor(match.end(), min(s.start for s in subjects))
            inferred = quoted_from = inferred or (anchor.reason if anchor is not None else None)
        elif match.group("dir_only") and subjects:
            # "Lviv, some 90 km to the east", "Bucha, 25 km north-west": from the place the story stands at,
            # the settlement named last before the subject in its sentence, else the dateline's (inferred)
            anchor = reader.standpoint(match.start(), min(s.start for s in subjects), {s.geonameid for s in subjects})
            inferred, quoted_from = inferred or (anchor.reason if anchor is not None else None), inferred
        if anchor is None:
            vague = vague or "no place is named to measure from"
        # no place named after "from": the quote runs to the end of the clause ("from where the suspect ...")
        end = max(anchor.end, match.end()) if anchor else match.end() + len(_CLAUSE_REST.match(text, match.end()).group())
        yield Finding("distance_direction", reader.quote_start(subjects, match.start(), quoted_from), end, subjects,
                      [anchor] if anchor else [], stated, vague, "distance", inferred)
    for match in reader.scan(_APART, UNIT_GATE, 80, 40):
        last = reader.appositive_subject(match.start(), long=True)
        pair = reader.list_before(last) if last is not None else []
        if len(pair) != 2 or not all(m.resolved for m in pair) or pair[0].geonameid == pair[1].geonameid:
            continue                                              # ("the two towns, 10 km apart": no places named)
        stated = DistanceStated(number(match.group("num")), unit(match.group("unit")),
                                number(match.group("num_to")) if match.group("num_to") else None,
                                words(match.group("qual")) if match.group("qual") else None)
        yield Finding("distance_direction", pair[0].start, match.end(), [pair[0]], [pair[1]], stated, wording="apart")
    for match in reader.scan(_DRIVE, _DRIVE_GATE, 40, 40):
        subjects, _, _ = reader.subject_or_vague(match.start())
        yield Finding("distance_direction", reader.quote_start(subjects, match.start()), match.end(), subjects, [],
                      TravelTimeStated(words(match.group())), "a travel time is not a distance", "drive")
