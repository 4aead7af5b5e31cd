"""Directions between places: "a village north of Cairo", "Kingston, south of Brisbane", "the city of
Kupiansk farther north" (of the place named before), "to the north-east of".

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> text = "Edmonton, south of Cairns."
>>> r = Reader(text, [Mention("a", 0, 8, "Edmonton", 1), Mention("a", 19, 25, "Cairns", 2)], {}, [(0, len(text))])
>>> [(f.type, f.stated.to_dict(), text[f.start:f.end]) for f in find(r, [])]
[('direction', {'direction': 'S'}, 'Edmonton, south of Cairns')]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import Finding, Reader
from geo.claims.finding.words import DIRECTION, DIRECTION_GATE, Gate, compass_code
from geo.claims.geodesy import direction_bearing
from geo.claims.records import DirectionStated

_DIRECTION_OF = re.compile(rf"(?<![\w’'])(?:(?:just|due|directly|slightly|far)\s+)?(?:to\s+the\s+)?(?P<dir>{DIRECTION})\s+of\s+", re.I)
_PART_OF = re.compile(r"(?:\bthe|['’]s|\bin)\s+$", re.I)    # "the north of the region", "in the north of": a part of it
_FARTHER = re.compile(rf"^\s+(?:farther|further)\s+(?:to\s+the\s+)?(?P<dir>{DIRECTION})\b", re.I)
#: How far back (characters) "farther north" looks for the place it is compared with.
FARTHER_REACH = 1500
#: What every match of _DIRECTION_OF holds: a compass word, or an abbreviation's capitals before "of".
_DIRECTION_OF_GATE = Gate(DIRECTION_GATE.words, re.compile(r"[NESW]{1,3}\s+(?i:of)\b"))


def find(reader: Reader, found: list[Finding]):
    yield from _direction_of(reader, found)
    yield from _farther(reader)


def _direction_of(reader: Reader, found: list[Finding]):
    text = reader.text
    taken = [(f.start, f.end) for f in found if f.type == "distance_direction"]
    for match in reader.scan(_DIRECTION_OF, _DIRECTION_OF_GATE, 60, 60):
        if any(s <= match.start() < e for s, e in taken) or direction_bearing(match.group("dir")) is None:
            continue
        if _PART_OF.search(text, max(0, match.start() - 12), match.start()):
            continue
        anchor = reader.anchor_after(match.end())
        if anchor is None:
            continue
        subjects, vague, inferred = reader.subject_or_vague(match.start(), {anchor.geonameid})
        if not subjects:
            # "the Central Plateau and Artibonite regions located just north of": a list before the cue
            lead = re.search(r"\s+(?:regions?|provinces?|districts?|towns?|villages?|cities)?\s*(?:located\s+|situated\s+|lying\s+)?$",
                             text[max(0, match.start() - 40):match.start()])
            m = reader.mention_before(match.start() - (len(lead.group()) if lead else 0), limit=2)
            if m is not None and m.resolved and reader.sentence(m.start) == reader.sentence(match.start()):
                subjects, vague = reader.list_before(m), None
        yield Finding("direction", reader.quote_start(subjects, match.start(), inferred), anchor.end, subjects, [anchor],
                      DirectionStated(compass_code(match.group("dir"))), vague, "direction", inferred)


def _farther(reader: Reader):
    """"the city of Kupiansk farther north": north of the place the text spoke of before."""
    text = reader.text
    for subject in reader.mentions:
        if "rther" not in text[subject.end:subject.end + 14]:
            continue
        match = _FARTHER.match(text[subject.end:subject.end + 40])
        if match is None or direction_bearing(match.group("dir")) is None or not reader.can_be_subject(subject):
            continue
        earlier = [m for m in reader.inside(subject.start - FARTHER_REACH - reader.longest, subject.start)
                   if subject.start - m.end <= FARTHER_REACH and reader.is_settlement(m) and m.geonameid != subject.geonameid]
        anchors = earlier[-1:]
        yield Finding("direction", subject.start, subject.end + match.end(), [subject], anchors,
                      DirectionStated(compass_code(match.group("dir")), "farther"),
                      None if anchors else "the place it is compared with is not named", "farther")
