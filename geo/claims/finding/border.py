"""Nearness to a border: "near the border with Ukraine", "Manbij near the Turkish border", "on the
border with South Africa", "along the Syrian-Turkish border", "just across the border from the United
States", "4 km from the border", "Russia's border region of Belgorod", "near the Indiana, Ill., border",
and "near the border" with no country named (any foreign country's edge: the anchor is inferred).

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> from geo.gazetteer import Gazetteer
>>> text = "Manbij near the Turkish border."
>>> r = Reader(text, [Mention("a", 0, 6, "Manbij", 167357)], {}, [(0, len(text))], Gazetteer.open())
>>> [(f.type, [a.name for a in f.anchors], text[f.start:f.end]) for f in find(r, [])]
[('border_proximity', ['Turkey'], 'Manbij near the Turkish border')]
"""
from __future__ import annotations

import re
from dataclasses import replace

from geo.claims.finding.reader import IMPLIED, Finding, Reader
from geo.claims.finding.words import ACROSS_GATE, ACROSS_WATER, DIRECTION, NAMED_WATER, NUMBER, QUALIFIER, number, unit, words
from geo.claims.records import BorderStated
from geo.claims.units import LENGTH_PATTERN
from geo.document import Mention

_I = re.IGNORECASE
_BORDER = r"(?:border|frontier|boundary|state\s+line)s?"
#: The cue and what comes between it and the word "border".
_CUE = re.compile(rf"""(?<![\w’'])(?:
    (?P<near>near|close\s+to|along|on|at|by|across|straddling|hugging|next\s+to|not\s+far\s+from)
  | (?:(?P<qual>{QUALIFIER})\s+)?(?P<num>{NUMBER})[\s\-]*(?P<unit>{LENGTH_PATTERN})\s+(?:\([^()]{{1,30}}\)\s+)?
    (?:{DIRECTION}\s+)?(?:from|of)                            # "40 km north of the border": the distance is measured
)\s+(?:the|its|their|a)\s+(?P<between>(?:[^.;:!?(),]|(?<=\b[A-Z])\.){{0,40}}?)\b{_BORDER}\b""", _I | re.X)   # (no comma: "on a base in
                                                            # Gwoza, near the border" is said of Gwoza; an initial's dot: "the U.S. border")
_BORDER_GATE = re.compile(r"border|frontier|boundary|state\s+line")   # over the lowered text ("state" alone is common)
_WITH = re.compile(r"\s+(?:with|from|of)\s+(?:the\s+)?", _I)
_ACROSS_FROM = re.compile(rf"\bjust\s+across\s+(?:the\s+(?:{_BORDER}|{ACROSS_WATER})|{NAMED_WATER})\s+from\s+(?:the\s+)?", _I)
#: "Russia's border region of Belgorod", "the border town of X": the place is next to a foreign country.
_BORDER_KIND_AFTER = re.compile(r"\s+border\s+(?:region|regions|province|oblast|area|district)s?\b", _I)
_BORDER_PLACE = re.compile(r"\bborder\s+(?:region|regions|town|city|village|area|province|district|oblast|crossing)s?\s+of\s+", _I)


def find(reader: Reader, found: list[Finding]):
    text = reader.text
    for match in reader.scan(_CUE, _BORDER_GATE, 140, 20):
        anchors = _named_countries(reader, match.start("between"), match.end("between"))
        end = match.end()
        with_ = _WITH.match(text, match.end(), match.end() + 12)
        if with_:
            after = reader.anchor_after(with_.end())
            if after is not None and reader.is_area(after):
                anchors = [m for m in reader.list_after(after) if reader.is_area(m)]
                end = anchors[-1].end
        start = match.start()
        subjects, vague, inferred = _subject(reader, start, anchors)
        linked = subjects and reader.appositive_subject(start) is subjects[0]
        stated = BorderStated(f"{words(match.group('near') or 'within')} the border")
        if match.group("num"):
            stated = replace(stated, distance=number(match.group("num")), unit=unit(match.group("unit")),
                             qualifier=words(match.group("qual")) if match.group("qual") else None)
        if not anchors and subjects:
            neighbour = _article_neighbour(reader, subjects[0], start)
            if neighbour is not None:
                anchors = [neighbour]
                inferred = inferred or neighbour.reason
        if not anchors:
            inferred = inferred or "no country is named: the nearest foreign border is measured"
        yield Finding("border_proximity", start if not linked else reader.quote_start(subjects, start, inferred), end,
                      subjects, anchors, stated, vague,
                      "border", inferred)
    for match in reader.scan(_ACROSS_FROM, ACROSS_GATE, 40, 40):
        anchor = reader.anchor_at(match.end())
        # ("just across the strait from Spain": a country's border; from a town, see proximity)
        if anchor is None or not (reader.is_country(anchor) or reader.is_area(anchor) and "border" in match.group().lower()):
            continue
        subjects, vague, inferred = _subject(reader, match.start(), [anchor])
        yield Finding("border_proximity", reader.quote_start(subjects, match.start(), inferred), anchor.end, subjects, [anchor],
                      BorderStated("across the border"), vague, "border", inferred)
    for place in reader.mentions:
        # "Russia's Kursk border region", "the Belgorod border region": a region said to lie on a border
        after = _BORDER_KIND_AFTER.match(text, place.end, place.end + 30)
        if after is None or not place.resolved or reader.is_country(place):
            continue
        region = place if reader.is_area(place) else reader.division_named(place, "region")   # "Kursk": the oblast
        if region is None:
            continue
        yield Finding("border_proximity", _possessor_start(reader, place.start), after.end(), [region], [],
                      BorderStated("border region"), None, "border", "no country is named: the nearest foreign border is measured")
    for match in reader.scan(_BORDER_PLACE, _BORDER_GATE, 5, 60):
        subject = reader.anchor_at(match.end())
        if subject is None or not subject.resolved or reader.is_country(subject):
            continue
        kind = match.group().split()[1].lower()
        if kind.startswith(("region", "province", "oblast", "district")) and not reader.is_area(subject):
            subject = reader.division_named(subject, kind) or subject   # "the border region of Kursk": the oblast
        yield Finding("border_proximity", _possessor_start(reader, match.start()), subject.end, [subject], [],
                      BorderStated("border " + words(match.group().split()[1])), None, "border",
                      "no country is named: the nearest foreign border is measured")


def _article_neighbour(reader: Reader, subject: Mention, cue: int) -> Mention | None:
    """"more than 600 km from the border", no country named, in a story of Russia and Ukraine: the
    border with the neighbour of the subject's country that the article names most (twice as often as
    any other), read as meant (inferred), else None."""
    place = reader.place(subject)
    if place is None or not place.country_code:
        return None
    ranked = sorted(reader.neighbours_named(place.country_code).values(), key=len, reverse=True)
    if not ranked or len(ranked) > 1 and len(ranked[0]) < 2 * len(ranked[1]):
        return None
    country = reader.place(ranked[0][0])
    return reader.implied(cue, cue, country, f"'the border' taken to be with {country.name}, the neighbour the article names",
                          inferred=True)


def _possessor_start(reader: Reader, start: int) -> int:
    owner = reader.mention_before(start, limit=4)
    if owner is not None and re.fullmatch(r"['’]s\s+", reader.text[owner.end:start]):
        return owner.start
    the = re.search(r"\bthe\s+$", reader.text[max(0, start - 5):start], _I)
    return start - len(the.group()) if the else start


def _named_countries(reader: Reader, lo: int, hi: int) -> list[Mention]:
    """The places named between the cue and "border": mentions ("the Indiana border", "the Gabon border")
    or demonyms ("the Turkish border", "the Syrian-Turkish border")."""
    named = [m for m in reader.inside(lo, hi) if reader.is_area(m)]
    for m in reader.inside(lo, hi):
        # "the Gaza border": a town's name before "border" stands for the territory it heads
        division = reader.division_of(m) if reader.is_settlement(m) else None
        if division is not None:
            named.append(division)
    for word in re.finditer(r"(?-i:[A-Z][\w’'.]+)", reader.text[lo:hi]):
        if any(m.start <= lo + word.start() < m.end for m in named):
            continue
        country = reader.demonym_country(word.group())
        if country is not None:
            named.append(reader.implied(lo + word.start(), lo + word.end(), country, f"'{word.group()}' names {country.name}"))
    return sorted(named, key=lambda m: m.start)


def _subject(reader: Reader, cue: int, anchors: list[Mention]) -> tuple[list[Mention], str | None, str | None]:
    """The place said to be near the border: the appositive subject, else the last settlement (else
    non-country place) named earlier in the sentence, else the place a description stands for."""
    exclude = {a.geonameid for a in anchors}
    unnamed = reader.unnamed_before(cue)
    if unnamed is not None:
        return [], f"the subject ('{unnamed}') is not a named place", None
    subject = reader.appositive_subject(cue, long=True)
    if subject is not None and (subject.geonameid in exclude or reader.is_country(subject)):
        subject = None
    if subject is not None and reader.is_settlement(subject):
        return [subject], None, None
    sent_start, _ = reader.sentence(cue)
    before = [m for m in reader.inside(sent_start, cue) if m.resolved and reader.can_be_subject(m) and m.geonameid not in exclude
              and not reader.is_country(m) and m.method not in IMPLIED]
    settlements = [m for m in before if reader.is_settlement(m)]
    # "Valuyki, a town in Russia's Belgorod region near the border": the town, read from the sentence
    # (not linked to the cue, so the quote starts at the cue: the "inferred" text says how)
    if settlements:
        return [settlements[-1]], None, f"the place near the border taken to be {settlements[-1].text}, named earlier in the sentence"
    if subject is not None:
        return [subject], None, None
    if before:
        return [before[-1]], None, f"the place near the border taken to be {before[-1].text}, named earlier in the sentence"
    described, how = reader.definite_subject(cue, exclude)
    if described is not None:
        return [described], None, how
    return [], how or "the subject is not a named place", None
