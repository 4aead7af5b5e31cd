"""The reader every wording uses: the article's mentions indexed by position, its sentences, and
the links a claim needs between a cue and the places it is said of.

A cue ("37 miles east of", "near", " in ") is tied to two places: its *anchor*, the mention after
it, and its *subject*, the mention it is said of (see :mod:`geo.claims.finding.subject_reading`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from geo.claims.finding.demonyms import demonym_country
from geo.claims.finding.subject_reading import DEFINITE_REACH, SubjectReading
from geo.claims.finding.words import Gate, lowered
from geo.claims.records import Stated
from geo.document import Mention
from geo.gazetteer import Place
from geo.normalize import normalize_name
from geo.claims.finding.grammar import (
    ANCHOR_LEAD, DATELINE, DATELINE_WORD, DESCRIPTION, GENERIC_TAIL, LIST_SEPARATOR, NAME_GOES_ON, THE_CAPITAL, THE_REGIONAL_CAPITAL, THE_SETTLEMENT)

#: The methods of mentions a claim implies rather than the text names (see Reader.implied).
IMPLIED = ("implied", "inferred")


@dataclass
class Finding:
    """A claim as the text states it, before any measurement."""

    type: str
    start: int
    end: int
    subjects: list[Mention] = field(default_factory=list)
    anchors: list[Mention] = field(default_factory=list)
    stated: Stated | None = None  #: what the text states (one of the records of geo.claims.records)
    vague: str | None = None     #: why the subject is not a named place, when it is not
    wording: str = ""            #: which wording found it (e.g. "comma" for "Riga, Latvia")
    inferred: str | None = None  #: how a place was inferred rather than named, when one was
    said_settlement: bool = False  #: the text calls the subject a city, town or village ("Kherson, a city of")
    #: the sentence's own subject, which a modifier after a comma may be said of instead of the place
    #: just before it ("The town sits on a road linking Donetsk with Dnipro, 70 km north-west of Donetsk")
    other_subjects: list[Mention] = field(default_factory=list)
    other_role: str = "the sentence's subject"   #: what the other subjects are, said when the claim is read so
    read_otherwise: str | None = None   #: how the claim came to be read as the sentence's subject's, when it was
    #: why the claim may be said of something else than its subject, which a verdict of inconsistent may
    #: then not rest on ("The epicenter was 40 km from the city of Herat, the provincial capital, near the border")
    attachment: str | None = None


#: Where each line starts, after its indent (a dateline with no country opens one).
_LINE_START = re.compile(r"(?m)^[ \t]*")


#: A distance said of a place right after its name: "Yogyakarta, some 30 km to the south".
_MEASURED_AFTER = re.compile(r",\s*(?:[a-z]+\s+){0,2}?\d")


class Reader(SubjectReading):
    """One article's text and mentions, with the lookups wordings use (and, from SubjectReading, the
    ways a cue finds the place it is said of)."""

    def __init__(self, text: str, mentions: list[Mention], places: dict[int, Place], sentences: list[tuple[int, int]],
                 gazetteer=None):
        self.text = text
        # ("The city" left unresolved is a description, read as one, not a name the gazetteer lacks)
        self.mentions = sorted((m for m in mentions if m.resolved or not DESCRIPTION.fullmatch(m.text)),
                               key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        self.by_end = sorted(self.mentions, key=lambda m: m.end)
        self.ends = [m.end for m in self.by_end]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        self.places = places
        self.sentences = sentences
        self.gazetteer = gazetteer
        self.dateline = self._dateline()
        self._regions: dict[tuple[str, str], int] | None = None
        self.lowered = lowered(text)
        self._gate_hits: dict[re.Pattern | Gate, list[tuple[int, int]]] = {}

    # -- what a mention is --------------------------------------------------------------------

    def place(self, m: Mention | None) -> Place | None:
        if m is None or m.geonameid is None:
            return None
        p = self.places.get(m.geonameid)
        if p is None and self.gazetteer is not None:
            p = self.places[m.geonameid] = self.gazetteer.place(m.geonameid)   # an implied place
        return p

    def is_area(self, m: Mention) -> bool:
        p = self.place(m)
        return p is not None and (p.feature_class == "A" or p.feature_code in ("RGN", "AREA", "RGNE", "PRT", "ISL", "PEN"))

    def is_country(self, m: Mention) -> bool:
        p = self.place(m)
        return p is not None and p.is_country

    def is_named_place(self, m: Mention) -> bool:
        """Resolved, or a name found in a place context that the gazetteer lacks (a claim about it is
        then unverifiable: "subject unresolved"), not a person's or an organisation's."""
        return m.resolved or (m.reason or "").startswith("no place of that name")

    def is_settlement(self, m: Mention) -> bool:
        p = self.place(m)
        return p is not None and p.feature_class == "P"

    # -- mentions by position -----------------------------------------------------------------

    def inside(self, lo: int, hi: int) -> list[Mention]:
        """The mentions within ``text[lo:hi]``, in order (by bisection)."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return [m for m in self.mentions[i:j] if m.end <= hi]

    def mention_at(self, pos: int) -> Mention | None:
        """The mention that starts at ``pos`` (spaces skipped)."""
        while pos < len(self.text) and self.text[pos] in " \t\u00a0":
            pos += 1
        i = bisect.bisect_left(self.starts, pos)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].start == pos else None

    def anchor_at(self, pos: int) -> Mention | None:
        """The mention at ``pos``, unless a capitalized word runs on from it: then the mention is
        only part of a longer name ("in the Nile Delta", "Kharkiv Regional Police")."""
        m = self.mention_at(pos)
        if m is None or not m.text.endswith(".") and NAME_GOES_ON.match(self.text, m.end):
            return None                                   # ("Ala. An Amber Alert": an abbreviation ends the sentence)
        return m

    def covering(self, pos: int) -> Mention | None:
        """The mention whose text holds position ``pos``, if any."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.starts[i] > pos - self.longest - 1:
            if self.mentions[i].start <= pos < self.mentions[i].end:
                return self.mentions[i]
            i -= 1
        return None

    def division_named(self, m: Mention, kind: str) -> Mention | None:
        """The division a town's name stands for where the text says "region of" (the region of Rostov,
        not its capital): the most important division so named in the town's country."""
        place = self.place(m)
        if place is None or self.gazetteer is None:
            return None
        for candidate in self.gazetteer.candidates(normalize_name(m.text)):
            other = candidate.place
            if other.is_division and other.country_code == place.country_code:
                return self.implied(m.start, m.end, other, f"'{kind} of {m.text}' names {other.name}")
        return None

    def division_of(self, m: Mention) -> Mention | None:
        """The first-level division a settlement lies in, as a mention inferred from the settlement's
        ("the Gaza border" is the Gaza Strip's), else None."""
        place = self.place(m)
        if place is None or self.gazetteer is None or not place.admin1_code or place.admin1_code == "00":
            return None
        division = self.gazetteer.admin_division(f"{place.country_code}.{place.admin1_code}")
        if division is None:
            return None
        return self.implied(m.start, m.end, division, f"'{m.text}' taken to stand for {division.name}, which holds it",
                            inferred=True)

    def anchor_after(self, pos: int) -> Mention | None:
        """The anchor at ``pos``, or after a short description of it ("the besieged port city of
        Mariupol", "the breakaway region's capital Tskhinvali", "the capital, Port-au-Prince")."""
        m = self.anchor_at(pos)
        if m is not None:
            return m
        lead = ANCHOR_LEAD.match(self.text, pos, min(len(self.text), pos + 80))
        m = self.anchor_at(lead.end()) if lead else None
        return m if m is not None else self.the_capital(pos) or self.the_regional_capital(pos)

    def the_capital(self, pos: int) -> Mention | None:
        """"the capital", "the Canadian capital", "the country's capital" (no name after it): the seat of
        government of the country a demonym names, else of the country the article names most."""
        match = THE_CAPITAL.match(self.text, pos, min(len(self.text), pos + 40))
        if match is None or self.gazetteer is None:
            return None
        country = self.demonym_country(match.group("demonym")) if match.group("demonym") else self.main_country()
        capital = self.gazetteer.capital(country.country_code) if country is not None else None
        if capital is None:
            return None
        return self.implied(pos, match.end(), capital, f"'{match.group().strip()}' taken to be {capital.name}", inferred=True)

    def described_anchor(self, pos: int, before: int) -> Mention | None:
        """"50 km south-west of the city" (no name after it): the last settlement named before
        ``before`` (where the claim's subject starts), within DEFINITE_REACH characters, inferred."""
        match = THE_SETTLEMENT.match(self.text, pos, min(len(self.text), pos + 30))
        if match is None:
            return None
        earlier = [m for m in self._settlements_named(max(0, before - DEFINITE_REACH), before) if self.can_be_subject(m)]
        if not earlier:
            return None
        named = earlier[-1]
        return self.implied(pos, match.end(), self.place(named), f"'{match.group().strip()}' taken to be {named.text}, "
                            f"named before", inferred=True)

    def _settlements_named(self, lo: int, hi: int) -> list[Mention]:
        """The settlements the text names (no implied ones) between ``lo`` and ``hi``, in order."""
        return [m for m in self.inside(lo, hi) if m.resolved and m.method not in IMPLIED and self.is_settlement(m)]

    def standpoint(self, pos: int, before: int, besides: set[int | None]) -> Mention | None:
        """"Lviv, some 90 km to the east" (no place after it): the settlement named last before
        ``before`` in its sentence (none of ``besides``, nor one measured from elsewhere itself: "Yogyakarta,
        some 30 km to the south, and Semarang, ..."), else the dateline's; inferred."""
        earlier = [m for m in self._settlements_named(self.sentence(pos)[0], before)
                   if m.geonameid not in besides and not _MEASURED_AFTER.match(self.text, m.end)]
        named = earlier[-1] if earlier else self._dateline()
        if named is None or named.geonameid in besides:
            return None
        return self.implied(pos, pos, self.place(named), f"the place measured from taken to be {named.text}, named before",
                            inferred=True)

    def the_regional_capital(self, pos: int) -> Mention | None:
        """"the regional capital", "the provincial capital" (no name after it): the seat of the first-level
        division named last before it (within DEFINITE_REACH characters), inferred."""
        match = THE_REGIONAL_CAPITAL.match(self.text, pos, min(len(self.text), pos + 40))
        if match is None or self.gazetteer is None:
            return None
        regions = [p for m in self.inside(max(0, pos - DEFINITE_REACH), pos)
                   if (p := self.place(m)) is not None and p.feature_code == "ADM1" and m.method not in IMPLIED]
        seat = self.gazetteer.seat(regions[-1].country_code, regions[-1].admin1_code) if regions else None
        if seat is None:
            return None
        return self.implied(pos, match.end(), seat, f"'{match.group().strip()}' taken to be {seat.name}, the seat of "
                            f"{regions[-1].name}, named before", inferred=True)

    def main_country(self) -> Place | None:
        """The country the article's resolved places lie in most often."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            p = self.place(m)
            if p is not None and p.country_code and m.method not in IMPLIED:
                counts[p.country_code] = counts.get(p.country_code, 0) + 1
        if not counts or self.gazetteer is None:
            return None
        return self.gazetteer.country(max(sorted(counts), key=counts.get))

    def scan(self, pattern: re.Pattern, gate: re.Pattern | Gate, before: int, after: int):
        """``pattern.finditer`` over the text, run only in windows around the matches of a cheap
        ``gate`` (a unit word, the word "border"): a :class:`Gate` of words, or a case-sensitive
        regex of lowercase words run over the lowered text (see :func:`lowered`): every match of
        ``pattern`` must hold a gate match, and
        start at most ``before`` characters before it and end (what it looks ahead at included) at
        most ``after`` after it. A long wording regex tried at every character is the claims stage's
        main cost; a gate of plain words is found several times faster (and once per reader)."""
        text, last = self.text, -1
        if self.lowered is None:                     # the lowered text would not keep positions: no gate
            yield from pattern.finditer(text)
            return
        windows: list[list[int]] = []
        for start, end in self._hits(gate):
            lo, hi = max(0, start - before), min(len(text), end + after)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        for lo, hi in windows:
            for match in pattern.finditer(text, lo, hi):
                if match.start() > last:
                    last = match.start()
                    yield match

    def holds(self, gate: re.Pattern, lo: int, hi: int) -> bool:
        """Whether ``text[lo:hi]`` holds a match of ``gate`` (lowercase words none of which holds or
        overlaps another, as for :meth:`scan`), as ``re.search(gate, text[lo:hi], re.I)`` says, from
        the gate's matches over the whole lowered text, found once.

        >>> r = Reader("Kupiansk, a town of about 27,000 people", [], {}, [(0, 39)])
        >>> gate = re.compile(r"\\d|thousand")
        >>> r.holds(gate, 8, 30), r.holds(gate, 8, 26), r.holds(gate, 27, 39)
        (True, False, True)
        """
        hits = self._hits(gate) if self.lowered is not None else None
        i = bisect.bisect_left(hits, (lo, -1)) if hits is not None else 0
        if hits is None or i > 0 and hits[i - 1][1] > lo:      # no lowered text, or a match running across lo
            return re.search(gate.pattern, self.text[lo:hi], re.IGNORECASE) is not None
        return i < len(hits) and hits[i][1] <= hi

    def _hits(self, gate: re.Pattern | Gate) -> list[tuple[int, int]]:
        """The spans of ``gate``'s matches (in order), found once per reader."""
        if gate not in self._gate_hits:
            if isinstance(gate, Gate):
                self._gate_hits[gate] = gate.spans(self.text, self.lowered)
            else:
                self._gate_hits[gate] = [g.span() for g in gate.finditer(self.lowered)]
        return self._gate_hits[gate]

    def mention_before(self, pos: int, limit: int = 80) -> Mention | None:
        """The last mention ending at or before ``pos`` (and no earlier than ``pos - limit``)."""
        i = bisect.bisect_right(self.ends, pos) - 1
        return self.by_end[i] if i >= 0 and self.ends[i] >= pos - limit else None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentences, (pos, float("inf"))) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    # -- lists ---------------------------------------------------------------------------------

    def list_before(self, m: Mention) -> list[Mention]:
        """``m`` and the mentions listed before it ("Vasylenkovo and Artemivka", "KYIV/HRAKOVE")."""
        items = [m]
        while True:
            prev = self.mention_before(items[0].start, limit=8)
            if prev is None or not LIST_SEPARATOR.match(self.text[prev.end:items[0].start]):
                return items
            items.insert(0, prev)

    def list_after(self, m: Mention) -> list[Mention]:
        """``m`` and the mentions listed after it ("Benin, Ghana, Guinea, Niger, and Senegal")."""
        items = [m]
        while True:
            nxt = self.mention_at_list_item(items[-1].end)
            if nxt is None:
                return items
            items.append(nxt)

    def mention_at_list_item(self, pos: int) -> Mention | None:
        sep = re.match(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)", self.text[pos:pos + 8])
        return self.mention_at(pos + sep.end()) if sep else None

    # -- names a claim's wording reads as places ------------------------------------------------

    def read_as_place(self, m: Mention, countries: frozenset[str] = frozenset()) -> Mention:
        """A mention the matcher left unresolved as no place ("Alliance", "East Ridge": common words;
        "Oakport Township": part of a longer name) that a claim's wording puts where a place must
        stand ("186 miles southeast of Alliance"): the wording is the evidence the matcher lacked.
        It is read as the place of that name in one of the article's regions (the first-level
        divisions its resolved places lie in; the one holding most of them first), else in one of
        ``countries`` (those the claim itself names: "X and other towns along the Syrian-Turkish
        border"), else ``m`` as it was. The reading is *inferred*: a verdict of inconsistent never
        rests on it, and a name none of those regions or countries holds stays unresolved (no
        namesake is fetched from afar to fit)."""
        if m.resolved or self.gazetteer is None or m.method in IMPLIED:
            return m
        regions = self.article_regions()
        if not regions and not countries:
            return m
        name = GENERIC_TAIL.sub("", m.text)
        settlements = [c.place for c in self.gazetteer.candidates(normalize_name(name))
                       if c.kind != "stem" and c.place.kind == "settlement"]
        known = [p for p in settlements if (p.country_code, p.admin1_code) in regions] \
            or [p for p in settlements if p.country_code in countries]
        if not known:
            return m
        place = max(known, key=lambda p: (regions.get((p.country_code, p.admin1_code), 0), p.population))
        where = "a region the article names" if (place.country_code, place.admin1_code) in regions else "a country the claim names"
        return self.implied(m.start, m.end, place, f"'{m.text}' read as a place by the claim's wording, and taken to be "
                            f"{place.name}, {place.admin1 or place.country_code}, {where}", inferred=True)

    def article_regions(self) -> dict[tuple[str, str], int]:
        """(country code, admin1 code) of the first-level divisions the article's named places lie in
        (settlements and divisions, not countries), each with how many of them it holds."""
        if self._regions is None:
            self._regions = {}
            for m in self.mentions:
                p = self.place(m)
                if p is not None and m.method not in IMPLIED and p.kind in ("settlement", "division") and p.admin1_code:
                    key = (p.country_code, p.admin1_code)
                    self._regions[key] = self._regions.get(key, 0) + 1
        return self._regions

    # -- places the text implies --------------------------------------------------------------

    def implied(self, start: int, end: int, place: Place, how: str, inferred: bool = False) -> Mention:
        """A mention the text implies rather than names: the country of "Turkish", a subject's country;
        ``inferred`` when it is a reading of the context ("the capital" as the article's country's),
        which a verdict of inconsistent may not rest on."""
        m = Mention("", start, end, self.text[start:end], geonameid=place.geonameid, name=place.name, lat=place.lat,
                    lon=place.lon, feature_code=place.feature_code, country_code=place.country_code, admin1=place.admin1,
                    method="inferred" if inferred else "implied", reason=how if inferred else None)
        self.places[place.geonameid] = place
        return m

    def neighbours_named(self, country_code: str, lo: int = 0, hi: int | None = None) -> dict[int, list[Mention]]:
        """The countries GeoNames lists as ``country_code``'s neighbours that the text names between
        ``lo`` and ``hi`` (the whole text by default), by geonameid, with their mentions in order."""
        if self.gazetteer is None:
            return {}
        neighbours = self.gazetteer.neighbours(country_code)
        named: dict[int, list[Mention]] = {}
        for m in self.inside(lo, len(self.text) if hi is None else hi):
            p = self.place(m)
            if p is not None and p.is_country and p.country_code in neighbours and m.method not in IMPLIED:
                named.setdefault(p.geonameid, []).append(m)
        return named

    def demonym_country(self, word: str) -> Place | None:
        """The country (or country part: "English", "Welsh") a demonym names (see :mod:`.demonyms`)."""
        return demonym_country(self.gazetteer, word) if self.gazetteer is not None else None

    def country_of(self, m: Mention) -> Place | None:
        """The country a resolved mention lies in."""
        p = self.place(m)
        if p is None or self.gazetteer is None or not p.country_code:
            return None
        return self.gazetteer.country(p.country_code)

    def _dateline(self) -> Mention | None:
        """The place a dateline names (its last settlement), within the first lines of the text."""
        for match in DATELINE.finditer(self.text, 0, min(len(self.text), 3000)):
            inside = self.inside(match.start("places"), match.end("places"))
            settlements = [m for m in inside if self.is_settlement(m)]
            if settlements:
                return settlements[-1]
            # "SEVIERVILLE, Tenn." left unresolved in capitals: the same name resolved further on
            names = {normalize_name(m.text) for m in inside}
            later = [m for m in self.mentions if m.start >= match.end() and self.is_settlement(m) and normalize_name(m.text) in names]
            if later:
                return later[0]
        # a wire dateline with no country: "REYKJAVIK (Reuters) -", "TALLINN -" opening a line
        for line in _LINE_START.finditer(self.text, 0, min(len(self.text), 3000)):
            match = DATELINE_WORD.match(self.text, line.end())
            settlements = [m for m in self.inside(match.start(), match.end("name")) if self.is_settlement(m)] if match else ()
            if settlements:
                return settlements[-1]
        return None

    def quote_start(self, subjects: list[Mention], cue_start: int, inferred: str | None = None) -> int:
        """Where a claim's quote starts: at its subject when the text links them, else at the cue."""
        if inferred:
            return cue_start
        near = [s.start for s in subjects if s.end <= cue_start and cue_start - s.end <= 160
                and self.sentence(s.start) == self.sentence(cue_start)]
        return min(near) if near else cue_start
