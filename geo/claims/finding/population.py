"""Populations: "Kupiansk, a town of about 27,000 people", "a town with a prewar population of about
40,000", "X, home to 1.4 million people", "a city of 300,000", "Egypt's 91 million residents",
"Acapulco, population over 600,000", "X has a population of", and ranks: "Ukraine's second-largest
city", "the country's largest port" (a RankStated record).

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> from geo.gazetteer import Gazetteer
>>> text = "Kupiansk, a town with a prewar population of about 27,000, was shelled."
>>> r = Reader(text, [Mention("a", 0, 8, "Kupiansk", 703656)], {}, [(0, len(text))], Gazetteer.open())
>>> [(f.type, f.stated.to_dict(), text[f.start:f.end]) for f in find(r, [])]
[('population', {'population': 27000, 'qualifier': 'about'}, 'Kupiansk, a town with a prewar population of about 27,000')]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import DEFINITE_REACH, Finding, Reader
from geo.claims.finding.words import NUMBER, PLACE_NOUN, QUALIFIER, number, words
from geo.claims.records import PopulationStated, RankStated

_I = re.IGNORECASE
_WHO = r"(?:people|residents|inhabitants|citizens|population|souls|civilians)"
_FIGURE = rf"(?:(?P<qual>{QUALIFIER})\s+)?(?P<num>{NUMBER})"
#: After the place: ", a town of about 27,000 people", ", a city of 300,000", " (population 40,000)".
_NOT_PEOPLE = r"(?![\d,.]*\s*(?:km|kilomet|mile|sq|square|hectare|troops|soldiers|dollars|\$))"
_AFTER = [re.compile(rf"^{lead}{_FIGURE}(?P<who>\s+{_WHO})?{_NOT_PEOPLE}", _I) for lead in (
    rf"\s*,?\s*(?:(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?{PLACE_NOUN}\s+)?(?:of|with)\s+(?:a\s+|an\s+|its\s+)?"
    rf"(?:(?:pre-?war|current|total|estimated|combined)\s+)*(?:population\s+(?:of\s+)?)?",
    r"\s*,?\s*(?:which\s+|that\s+)?(?:has|had|have|boasts|boasted)\s+(?:a\s+)?(?:(?:pre-?war|current|total|estimated)\s+)?"
    r"population\s+of\s+",
    rf"\s*,?\s*(?:(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?{PLACE_NOUN}\s+)?(?:which\s+is\s+|is\s+|was\s+|once\s+|now\s+)?"
    r"home\s+to\s+",                                          # ", a city home to some 700,000 people"
    r"\s*[,(]\s*(?:pre-?war\s+)?(?:population|pop\.)[:\s]+",
)]
#: After a region that an appositive says holds the place ("Porto Alegre, the capital of Rio Grande do Sul"),
#: a second description of the place with its figure: " state and a city of 400,000 people".
_AND_FIGURE = re.compile(rf"^(?:\s+(?:state|province|region|oblast|governorate|county|district))?\s*,?\s+and\s+(?:a|an)\s+"
                         rf"(?:[\w’'-]+\s+){{0,3}}?{PLACE_NOUN}\s+(?:of|with)\s+(?:a\s+)?(?:population\s+of\s+)?"
                         rf"{_FIGURE}(?P<who>\s+{_WHO})?{_NOT_PEOPLE}", _I)
#: Before the place: "Egypt's 91 million residents", "whose 1.3 billion people".
_POSSESSIVE = re.compile(rf"^['’]s\s+{_FIGURE}(?P<who>\s+{_WHO})", _I)
_WHOSE = re.compile(rf"^\s*,\s*(?:[\w’'-]+\s+){{0,4}}?(?:of\s+)?whose\s+{_FIGURE}(?P<who>\s+{_WHO})", _I)
#: "the city of 400,000": the place named before (inferred).
_DEFINITE = re.compile(rf"\bthe\s+(?:[\w’'-]+\s+)?(?:city|town|village|country|region|province|state)"
                       rf"(?:\s+of|\s*,?\s*(?:which\s+)?(?:has|had|once\s+had)\s+(?:a\s+|an\s+)?(?:(?:pre-?war|current|total|"
                       rf"estimated)\s+)?population\s+of)\s+{_FIGURE}"
                       rf"(?:\s+{_WHO})?(?![\d,.]*\s*(?:km|kilomet|mile|sq|square|hectare))\b", _I)
#: What a population wording after a place must hold: a figure, or a rank's words (a gate over the
#: lowered text: see Reader.holds).
_TAIL_GATE = re.compile(r"\d|largest|biggest|populous|million|thousand|hundred")
#: The rank an ordinal says ("second-largest": 2); "largest", "biggest" and "most populous" alone are 1.
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL = "(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_RANK = re.compile(rf"^['’]s\s+(?P<rank>{_ORDINAL}?[\s\-]?(?:largest|biggest|most\s+populous))\s+"
                   r"(?P<noun>city|town|cities|settlement)\b", _I)
#: "Aleppo, the country's second-largest city": the rank in the place's own country.
_OWN_COUNTRY_RANK = re.compile(rf"^\s*,\s*(?:now\s+)?the\s+(?:country|nation)['’]s\s+(?P<rank>{_ORDINAL}?[\s\-]?"
                               r"(?:largest|biggest|most\s+populous))\s+(?:city|town)\b", _I)
#: The words every match of _DEFINITE holds (a gate over the lowered text: see Reader.scan).
_DEFINITE_GATE = re.compile(r"(?:city|town|village|country|region|province|state)\s+of|population")

#: An appositive calling a settlement so and placing it: ", a hilltop town in eastern", ", the capital of".
_SETTLEMENT_IN = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?:village|town|city|settlement|hamlet|port|capital|"
                            r"suburb|township|hub|stronghold)\s+(?:in|of|near|on)\s+(?:the\s+)?(?:(?-i:[a-z])[\w’'-]*\s+)?$", _I)


def find(reader: Reader, found: list[Finding]):
    text = reader.text
    for subject in reader.mentions:
        if not reader.holds(_TAIL_GATE, subject.end, subject.end + 140) or not subject.resolved \
                or not reader.can_be_subject(subject):
            continue
        tail = text[subject.end:subject.end + 140]
        match = next((m for m in (p.match(tail) for p in (*_AFTER, _POSSESSIVE, _WHOSE)) if m), None)
        if match is not None and not _says_people(match):
            match = None
        if match is None and reader.is_area(subject):
            match = _AND_FIGURE.match(tail)     # (said of the settlement the appositive places in the area, or none)
            if match is not None and _settlement_holding(reader, subject) is None:
                match = None
        if match is not None and number(match.group("num")) >= 100:
            head = _settlement_holding(reader, subject)
            if head is not None:
                # "Vuhledar, a hilltop town in eastern Ukraine that had a prewar population of": the town's
                yield _finding(head.start, subject.end + match.end(), head, match)
                continue
            if re.match(r"\s*,\s*(?:which\s+)?(?:has|had|have|boasts|boasted|is|was)\b", tail, _I):
                # "Pokrovsk, a hub 60 km from Donetsk, had a population of": said of the sentence's head
                head = reader.sentence_head(subject.end + tail.index(",") + 1)
                if head is not None and head is not subject and head.resolved:
                    yield _finding(head.start, subject.end + match.end(), head, match)
                    continue
            yield _finding(subject.start, subject.end + match.end(), subject, match)
            continue
        own = _OWN_COUNTRY_RANK.match(tail)
        if own and reader.is_settlement(subject):
            country = reader.country_of(subject)
            if country is not None:
                said = re.search(r"the\s+\w+['’]s", own.group())      # "the country's"
                anchor = reader.implied(subject.end + said.start(), subject.end + said.end(), country, "the place's own country")
                ordinal = re.match(r"\w+", own.group("rank")).group().lower()
                yield Finding("population", subject.start, subject.end + own.end(), [subject], [anchor],
                              RankStated(_ORDINALS.get(ordinal, 1)), wording="rank")
            continue
        rank = _RANK.match(tail)
        if rank and reader.is_area(subject):
            # "Ukraine's second-largest city, Kharkiv" / "Kharkiv, Ukraine's second-largest city"
            city = _ranked_city(reader, subject, subject.end + rank.end())
            if city is not None:
                start, end = min(city.start, subject.start), max(city.end, subject.end + rank.end())
                ordinal = re.match(r"\w+", rank.group("rank")).group().lower()
                yield Finding("population", start, end, [city], [subject], RankStated(_ORDINALS.get(ordinal, 1)), wording="rank")
    for match in reader.scan(_DEFINITE, _DEFINITE_GATE, 150, 150):
        if number(match.group("num")) < 100 or any(f.start <= match.start() < f.end for f in found):
            continue
        noun = re.search(r"\b(city|town|village|country|region|province|state)\b", match.group(), _I)
        if noun.group(1).lower() in ("country", "state"):
            described = _described_area(reader, match.start(), noun.group(1))
        else:
            described = reader.definite_subject(match.start() + noun.end())
        f = Finding("population", match.start(), match.end(), [described[0]] if described[0] else [], [],
                    _stated(match), None if described[0] else "the place it describes is not named", "population", described[1])
        yield f


def _says_people(match: re.Match) -> bool:
    """Whether the figure is of people: "people" after it, "population" or "home to" before it, or "a city of 300,000"."""
    said = match.group().lower()
    if match.group("who"):
        return True
    return ("population" in said or "pop." in said or "home to" in said
            or bool(re.search(rf"\b(?:city|town|village|settlement|country|nation)\s+of\s+{_FIGURE}$", said, _I)))


def _described_area(reader: Reader, pos: int, noun: str):
    """(the country or state "the country of 80 million" stands for: the last one named before, how)."""
    sent_start, _ = reader.sentence(pos)
    country = noun.lower() == "country"
    earlier = [m for m in reader.inside(max(0, sent_start - DEFINITE_REACH), pos) if m.resolved and reader.can_be_subject(m)
               and reader.is_area(m) and reader.is_country(m) == country]
    if earlier:
        return earlier[-1], f"'the {noun}' taken to be {earlier[-1].text}, named before"
    return None, None


def _settlement_holding(reader: Reader, area) -> object | None:
    """The settlement an appositive describes as lying in ``area`` ("Vuhledar, a hilltop town in eastern
    Ukraine"), where a figure after the area is the settlement's: else None."""
    if not reader.is_area(area):
        return None
    head = reader.appositive_subject(area.start, long=True)
    if head is None or head is area or not reader.is_settlement(head):
        return None
    return head if _SETTLEMENT_IN.match(reader.text, head.end, area.start) else None


def _ranked_city(reader: Reader, country, pos: int):
    after = re.match(r"\s*,\s*", reader.text[pos:pos + 4])
    if after:
        m = reader.anchor_at(pos + after.end())
        if m is not None and reader.is_settlement(m):
            return m
    before = reader.mention_before(country.start, limit=6)
    if before is not None and reader.is_settlement(before) and re.fullmatch(r"\s*,\s*(?:the\s+)?|\s+(?:is|was)\s+", reader.text[before.end:country.start]):
        return before
    if before is not None and re.fullmatch(r"\s*,\s*(?:is|was|remains)\s+", reader.text[before.end:country.start]):
        # "Narva, on the Russian border about 200 km east of Tallinn, is Estonia's third-largest city": the
        # sentence's head, across the clause its comma closes (never the place the clause ends with)
        head = reader.sentence_head(country.start)
        return head if head is not None and head is not before and reader.is_settlement(head) else None
    if before is not None and reader.is_area(before) and re.fullmatch(r"\s+and\s+", reader.text[before.end:country.start]):
        # "Nyala, the capital of South Darfur and Sudan's second-largest city": the appositive's head
        head = reader.appositive_subject(before.start, long=True)
        if head is not None and head is not before and reader.is_settlement(head):
            return head
    return None


def _stated(match: re.Match) -> PopulationStated:
    return PopulationStated(number(match.group("num")), words(match.group("qual")) if match.group("qual") else None)


def _finding(start: int, end: int, subject, match: re.Match) -> Finding:
    return Finding("population", start, end, [subject], [], _stated(match), wording="population")
