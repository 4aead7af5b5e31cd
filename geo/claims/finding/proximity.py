"""Proximity to a town or region: "on the outskirts of Y", "a small town outside Yekaterinburg",
"Edmonton, just outside Cairns", "Alvin, Texas, a Houston suburb", "the Cincinnati suburb of West
Chester", "the Cairns suburbs of A, B and C", "Cairo's suburb of Madinaty", "in the Damascus suburbs".

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> text = "Edmonton, just outside Cairns."
>>> from geo.gazetteer import Gazetteer
>>> mentions = [Mention("a", 0, 8, "Edmonton", 2167744), Mention("a", 23, 29, "Cairns", 2172797)]
>>> r = Reader(text, mentions, {}, [(0, len(text))], Gazetteer.open())
>>> [(f.type, f.stated.to_dict(), text[f.start:f.end]) for f in find(r, [])]
[('proximity', {'relation': 'outside'}, 'Edmonton, just outside Cairns')]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import Finding, Reader
from geo.claims.finding.words import ACROSS_GATE, ACROSS_WATER, NAMED_WATER, Gate
from geo.claims.records import RelationStated

_I = re.IGNORECASE
_OUTSKIRTS = re.compile(r"\b(?:on|in|at|to)\s+the\s+(?:\w+\s+)?outskirts\s+of\s+", _I)
_OUTSIDE = re.compile(r"(?:\b(?:just|right|immediately)\s+)?\boutside(?:\s+of)?\s+", _I)
#: "a Houston suburb", "the Cincinnati suburb of", "the Cairns suburbs of": the town right before "suburb".
_SUBURB = re.compile(r"\s+(?:\w+\s+)?suburbs?\b(?:\s+of\s+)?", _I)
#: "Cairo's gated suburb of Madinaty".
_POSSESSIVE_SUBURB = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}suburbs?\s+(?:of\s+)?", 0)
#: The words every match of _OUTSKIRTS and _OUTSIDE holds (see Reader.scan).
_OUTSKIRTS_GATE, _OUTSIDE_GATE = Gate(("outskirts",)), Gate(("outside",))


#: "Bender, just across the Dniester river from Tiraspol", "just across Okanagan Lake from Kelowna": a town
#: across water from a town.
_ACROSS_WATER_FROM = re.compile(rf"\b(?:just|right)\s+across\s+(?:the\s+{ACROSS_WATER}|{NAMED_WATER})\s+from\s+", _I)


def find(reader: Reader, found: list[Finding]):
    yield from _across_water(reader)
    yield from _outskirts(reader)
    yield from _outside(reader)
    yield from _suburbs(reader)


def _outskirts(reader: Reader):
    for match in reader.scan(_OUTSKIRTS, _OUTSKIRTS_GATE, 80, 20):
        anchor = reader.anchor_after(match.end())
        if anchor is None:
            continue
        subjects, vague, inferred = reader.subject_or_vague(match.start(), {anchor.geonameid})
        yield Finding("proximity", reader.quote_start(subjects, match.start(), inferred), anchor.end, subjects, [anchor],
                      RelationStated("outskirts"), vague, "outskirts", inferred)


def _across_water(reader: Reader):
    for match in reader.scan(_ACROSS_WATER_FROM, ACROSS_GATE, 30, 60):
        anchor = reader.anchor_at(match.end())
        if anchor is None or not reader.is_settlement(anchor):
            continue   # (from a country: a border's, see border.py)
        subjects, vague, inferred = reader.subject_or_vague(match.start(), {anchor.geonameid})
        yield Finding("proximity", reader.quote_start(subjects, match.start(), inferred), anchor.end, subjects, [anchor],
                      RelationStated("across the water"), vague, "across", inferred)


def _outside(reader: Reader):
    for match in reader.scan(_OUTSIDE, _OUTSIDE_GATE, 30, 20):
        anchor = reader.anchor_at(match.end())
        # "outside Ukraine" means not in it: only a town has an outside that is near it
        if anchor is None or not reader.is_settlement(anchor):
            continue
        subjects, vague, inferred = reader.subject_or_vague(match.start(), {anchor.geonameid})
        unnamed = reader.unnamed_before(match.start()) if not subjects else None
        if not subjects and vague == "the subject is not a named place" and unnamed is None:
            continue                                              # "fled outside Kharkiv": no place is placed
        if unnamed is not None:
            vague = f"the subject ('{unnamed}') is not a named place"    # "Block's residence outside of Waterloo"
        start = match.start() - len(unnamed) - 1 if unnamed is not None else reader.quote_start(subjects, match.start(), inferred)
        yield Finding("proximity", max(0, start), anchor.end, subjects, [anchor], RelationStated("outside"), vague, "outside",
                      inferred)


#: "Avdiivka, an industrial suburb of Donetsk": the appositive's head is the suburb of the place after it.
_A_SUBURB_OF = re.compile(r",\s*(?:a|an|the|one)\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}suburbs?\s+of\s+(?:the\s+)?$", _I)


def _suburbs(reader: Reader):
    text = reader.text
    for anchor in reader.mentions:
        a_suburb = _A_SUBURB_OF.search(text, max(0, anchor.start - 50), anchor.start) if anchor.resolved else None
        if a_suburb is not None and reader.is_settlement(anchor):
            subject = reader.mention_before(a_suburb.start(), limit=2)
            if subject is not None and reader.is_area(subject):
                subject = reader.contained_first(subject)
            if subject is not None and subject.resolved and subject.geonameid != anchor.geonameid \
                    and reader.can_be_subject(subject):
                yield Finding("proximity", subject.start, anchor.end, [subject], [anchor], RelationStated("suburb"),
                              wording="suburb")
                continue
        if "suburb" not in text[anchor.end:anchor.end + 40] or not anchor.resolved or reader.is_country(anchor):
            continue                                      # (a town or the division named after it: "Cairns")
        possessive = _POSSESSIVE_SUBURB.match(text, anchor.end, anchor.end + 40)
        match = possessive or _SUBURB.match(text, anchor.end, anchor.end + 30)
        if match is None:
            continue
        after = reader.anchor_at(match.end()) if match.group().rstrip().endswith("of") or possessive else None
        if after is not None:                                     # "the Cincinnati suburb of West Chester"
            subjects = [m for m in reader.list_after(after) if reader.is_settlement(m)] or [after]
            yield Finding("proximity", _the_before(text, anchor.start), subjects[-1].end, subjects, [anchor],
                          RelationStated("suburb"), wording="suburb")
            continue
        before = text[max(0, anchor.start - 40):anchor.start]
        comma = re.search(r",\s*(?:a|an|the|one)\s+(?:[a-z][\w-]*\s+){0,2}$", before)
        if comma:                                                 # "Alvin, Texas, a Houston suburb"
            subject = reader.mention_before(anchor.start - len(comma.group()), limit=2)
            if subject is not None and reader.is_area(subject):
                subject = reader.contained_first(subject)
            if subject is not None and subject.resolved and subject.geonameid != anchor.geonameid:
                yield Finding("proximity", subject.start, match.end(), [subject], [anchor], RelationStated("suburb"),
                              wording="suburb")
                continue
        if re.search(r"\b(?:in|on|from)\s+the\s+$", before, _I):   # "in the Damascus suburbs"
            subjects, vague, inferred = reader.subject_or_vague(anchor.start - 4, {anchor.geonameid})
            if subjects or inferred:
                yield Finding("proximity", reader.quote_start(subjects, anchor.start, inferred), match.end(), subjects, [anchor],
                              RelationStated("suburb"), vague, "suburb", inferred)


def _the_before(text: str, start: int) -> int:
    the = re.search(r"\bthe\s+$", text[max(0, start - 5):start], _I)
    return start - len(the.group()) if the else start
