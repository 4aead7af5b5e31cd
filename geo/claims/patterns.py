"""Finding claims: wordings that relate place mentions, read over the text around the mentions.

Each wording is a regular expression for its cue ("37 miles east of", ", near", " in ", "on the
outskirts of"...) tied to the mentions it touches: the anchor is the mention that starts where the
cue ends; the subject is the mention that ends where it begins, allowing only an appositive in
between (", a tiny agricultural village", " river", " lies"). Where no mention does, a singular
settlement noun ("a village 37 miles east of Kharkiv") stands for the article's dateline place;
anything else ("villages southeast of Kharkiv") leaves the subject unnamed, and the claim is kept
as vague.

>>> from geo.document import Mention
>>> text = "Bucha, near Kyiv."
>>> found = find_claims(text, [Mention("a", 0, 5, "Bucha", 711350), Mention("a", 12, 16, "Kyiv", 703448)], {})
>>> [(f.type, text[f.start:f.end]) for f in found]
[('near', 'Bucha, near Kyiv')]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from geo.claims.geodesy import compass, direction_bearing
from geo.claims.units import LENGTH_PATTERN, NUMBER_PATTERN, UNIT_PATTERN, parse_number, parse_unit
from geo.document import Mention
from geo.gazetteer import Place


@dataclass
class Finding:
    """A claim as the text states it, before any measurement."""

    type: str
    start: int
    end: int
    subjects: list[Mention] = field(default_factory=list)
    anchors: list[Mention] = field(default_factory=list)
    stated: dict = field(default_factory=dict)
    vague: str | None = None     #: why the subject is not a named place, when it is not
    wording: str = ""            #: which wording found it (e.g. "comma" for "Riga, Latvia")


# -- the pieces of wordings -----------------------------------------------------------------

_I = re.IGNORECASE
_DIRECTION = (r"(?:(?:north|south|east|west)(?:[\s\-‐–]?(?:north|south|east|west)){0,2}"
              r"|(?-i:\b[NESW]{1,3}\b))")
_QUALIFIER = (r"(?:about|some|around|roughly|nearly|almost|approximately|an\s+estimated|just|only|"
              r"more\s+than|over|at\s+least|less\s+than|fewer\s+than|under|up\s+to)")
_NUMBER = rf"(?<![\d.,])(?:{NUMBER_PATTERN})"
_KIND = r"(?:river|region|regions|oblast|province|district|districts|area|areas|city|town|village|raion|rayon)"
_PLACE_NOUN = (r"(?:village|town|city|settlement|hamlet|port|capital|suburb|region|province|oblast|district|area|"
               r"river|country|republic|county|community|municipality|township)")
_SETTLEMENT_NOUN = r"(?:village|town|city|settlement|hamlet|suburb|township|community)"
_THE_KIND_OF = rf"(?:the\s+)?(?:(?:{_PLACE_NOUN})\s+of\s+)?"

#: What may stand between a subject mention and its cue.
_APPOSITIVE = re.compile(rf"""^(?:
    \s*                                                       # "Kupiansk farther north", "BuchaNear Kyiv"
  | \s+{_KIND}\s*                                             # "the Oskil river on the outskirts of"
  | \s*,\s*                                                   # "Bucha, near Kyiv"
  | \s*,\s*(?:a|an|the|this)\s+(?:[\w’'-]+\s+){{0,3}}?{_PLACE_NOUN}\s*,?\s*   # ", a tiny agricultural village"
  | \s+(?:is|lies|sits|was|lay|stands)\s+(?:located\s+|situated\s+)?           # "Izium lies"
)$""", _I | re.X)
#: A singular settlement noun just before a cue: the place the article is about.
_THIS_PLACE = re.compile(rf"(?:^|\s)(?:this|a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?{_SETTLEMENT_NOUN}\s*,?\s*$", _I)
#: A dateline: "ZALIZNYCHNE, Ukraine - ", "KYIV/HRAKOVE, Ukraine —" at the start of a line.
_DATELINE = re.compile(r"(?m)^[ \t]*(?P<places>[A-ZÀ-Ý][A-ZÀ-Ý’'./ \-]+?)\s*,\s*[A-Z][\w’' ]{1,30}?[\s\u00a0]*[-–—]")

_DISTANCE = re.compile(rf"""
    (?:\b(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUMBER})[\s\-]*(?P<unit>{LENGTH_PATTERN})\b
    (?:\s*\([^()]{{1,40}}\))?                                  # "(23 miles)"
    \s+(?:(?:to\s+the\s+)?(?P<dir>{_DIRECTION})\s+of|(?:away\s+)?from)\s+{_THE_KIND_OF}""", _I | re.X)
_DIRECTION_OF = re.compile(rf"(?<![\w’'])(?P<dir>{_DIRECTION})\s+of\s+{_THE_KIND_OF}", _I)
_FARTHER = re.compile(rf"^\s+(?:farther|further)\s+(?:to\s+the\s+)?(?P<dir>{_DIRECTION})\b", _I)
# "near", or "Near" glued to the word before it ("BuchaNear Kyiv", a lost space).
_NEAR = re.compile(rf"(?:(?<![\w’'])near|(?-i:(?<=[a-z])Near))\s+(?!the\s+(?:border|frontier))"
                   rf"(?:the\s+)?(?:(?:{_PLACE_NOUN})\s+of\s+)?", _I)
_OUTSKIRTS = re.compile(rf"\b(?:on|in|at)\s+the\s+outskirts\s+of\s+{_THE_KIND_OF}", _I)
# "in", or an area word and "in"/"of" ("the Izyum area in", "the Balaklia and Izyum districts of").
_IN = re.compile(r"(?:(?<=\s)|(?<=,))(?:in|(?:area|areas|district|districts|region|regions)\s+(?:in|of))\s+(?:the\s+)?", _I)
_POSSESSIVE = re.compile(r"^['’]s\s+(?:the\s+)?")
_BORDER_WITH = re.compile(r"\bnear\s+(?:the\s+)?(?:border|frontier)s?\s+with\s+(?:the\s+)?", _I)
_BORDER_OF = re.compile(r"\bnear\s+(?:the\s+)?", _I)
_BORDER_AFTER = re.compile(r"^(?:['’]s)?\s+(?:border|frontier)\b", _I)
_ADJACENT = re.compile(r"\b(?:adjacent|neighbou?ring|bordering)\s+(?:the\s+)?", _I)
_POPULATION = re.compile(rf"""^(?:
    \s*,\s*(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,2}}?{_PLACE_NOUN}\s+of\s+
  | \s*,?\s*(?:which\s+(?:has|had)\s+|with\s+)?(?:a\s+)?(?:pre-?war\s+)?population\s+of\s+
  | \s*,\s*(?:which\s+is\s+)?home\s+to\s+)
    (?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUMBER})(?:\s+(?P<who>people|residents|inhabitants))?""", _I | re.X)
_CONVERSION = re.compile(rf"""
    (?:\b(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUMBER})\s*(?P<unit>{UNIT_PATTERN})\b
    \s*\(\s*(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+)?
    (?P<num2>{_NUMBER})\s*(?P<unit2>{UNIT_PATTERN})\b\s*\)""", _I | re.X)
# Features too large to be the subject of a claim about a place.
_TOO_LARGE = {"CONT", "OCN"}
# A title before a name makes it a person's ("Mr. Corby in Indonesia").
_TITLE_BEFORE = re.compile(r"(?-i:\b(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lady|Lord|Gen|General|President|Senator|Sen|Gov|Governor|Judge|"
                           r"Rev|Prof|Captain|Capt|Col|Lt|Sgt|St)\b)\.?\s+$")
_THE_BEFORE = re.compile(r"(?-i:\bthe)\s+$")
_NAME_GOES_ON = re.compile(r"[ \t\u00a0]+(?!(?:Region|Regions|Oblast|Province|River|Raion|Rayon|District|City|Republic|"
                           r"Peninsula|Basin)\b)(?-i:[A-Z])[\w’'-]*")
_LIST_SEPARATOR = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|/)\s*$", _I)
_LIST_AFTER = re.compile(r"^\s*(?:,|\band\b|\bor\b|/)\s*", _I)


def find_claims(text: str, mentions: list[Mention], places: dict[int, Place],
                sentences: list[tuple[int, int]] | None = None) -> list[Finding]:
    """Every claim the text makes about its mentions, in text order.

    ``mentions``: the article's place mentions, resolved or not; ``places``: the gazetteer rows of
    the resolved ones (by geonameid), which tell regions from towns; ``sentences``: the text's
    sentence spans (default: the whole text is one).
    """
    return _Reader(text, mentions, places, sentences or [(0, len(text))]).read()


class _Reader:
    def __init__(self, text: str, mentions: list[Mention], places: dict[int, Place], sentences: list[tuple[int, int]]):
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        self.by_end = sorted(self.mentions, key=lambda m: m.end)
        self.ends = [m.end for m in self.by_end]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        self.places = places
        self.sentences = sentences
        self.dateline = self._dateline()

    # -- looking mentions up ----------------------------------------------------------------

    def place(self, m: Mention | None) -> Place | None:
        return self.places.get(m.geonameid) if m is not None and m.geonameid is not None else None

    def is_area(self, m: Mention) -> bool:
        p = self.place(m)
        return p is not None and (p.feature_class == "A" or p.feature_code in ("RGN", "AREA", "RGNE", "PRT"))

    def is_country(self, m: Mention) -> bool:
        p = self.place(m)
        return p is not None and p.is_country

    def is_settlement(self, m: Mention) -> bool:
        p = self.place(m)
        return p is not None and p.feature_class == "P"

    def inside(self, lo: int, hi: int) -> list[Mention]:
        """The mentions within ``text[lo:hi]``, in order (by bisection: a scan of every mention per
        wording found is quadratic in a long text)."""
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
        if m is None or _NAME_GOES_ON.match(self.text, m.end):
            return None
        return m

    def mention_before(self, pos: int, limit: int = 80) -> Mention | None:
        """The last mention ending at or before ``pos`` (and no earlier than ``pos - limit``)."""
        i = bisect.bisect_right(self.ends, pos) - 1
        return self.by_end[i] if i >= 0 and self.ends[i] >= pos - limit else None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentences, (pos, float("inf"))) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    def appositive_subject(self, cue_start: int) -> Mention | None:
        """The mention the cue at ``cue_start`` is said of, when only an appositive separates them."""
        m = self.mention_before(cue_start)
        if m is None or m.end > cue_start or self.sentence(m.start) != self.sentence(cue_start):
            return None
        if not self.can_be_subject(m):
            return None
        return m if _APPOSITIVE.match(self.text[m.end:cue_start]) else None

    def can_be_subject(self, m: Mention) -> bool:
        """Not a continent or an ocean (too large to be placed), nor a name after a title ("Mr. Corby"),
        nor a town's name after "the" ("the Monongahela" is a forest or a river named after the town),
        nor the second half of a name split in two ("Kasai Occidental province")."""
        before = self.mention_before(m.start, limit=3)
        if before is not None and before.resolved and before is not m and not self.text[before.end:m.start].strip():
            return False                                          # "Kasai Occidental province": a split name
        p = self.place(m)
        if p is not None and p.feature_code in _TOO_LARGE:
            return False
        if p is not None and p.feature_class == "P" and _THE_BEFORE.search(self.text, max(0, m.start - 10), m.start):
            return False
        return not _TITLE_BEFORE.search(self.text, max(0, m.start - 20), m.start)

    def list_before(self, m: Mention) -> list[Mention]:
        """``m`` and the mentions listed before it ("Vasylenkovo and Artemivka", "KYIV/HRAKOVE")."""
        items = [m]
        while True:
            prev = self.mention_before(items[0].start, limit=8)
            if prev is None or not _LIST_SEPARATOR.match(self.text[prev.end:items[0].start]):
                return items
            items.insert(0, prev)

    def _dateline(self) -> Mention | None:
        """The place a dateline names (its last settlement), within the first lines of the text."""
        for match in _DATELINE.finditer(self.text, 0, min(len(self.text), 3000)):
            inside = self.inside(match.start("places"), match.end("places"))
            settlements = [m for m in inside if self.is_settlement(m)]
            if settlements:
                return settlements[-1]
        return None

    def subject_or_vague(self, cue_start: int) -> tuple[list[Mention], str | None]:
        """The subject of a distance or direction cue: the appositive mention, else the dateline place
        when a settlement noun stands for it, else none (and why)."""
        m = self.appositive_subject(cue_start)
        if m is not None:
            return [m], None
        sent_start, _ = self.sentence(cue_start)
        before = self.text[max(sent_start, cue_start - 60):cue_start]
        if _THIS_PLACE.search(before):
            if self.dateline is not None:
                return [self.dateline], None
            return [], "the place it describes is not named"
        return [], "the subject is not a named place"

    # -- the wordings ---------------------------------------------------------------------

    def read(self) -> list[Finding]:
        found: list[Finding] = []
        for step in (self._distances, self._directions, self._farther, self._near, self._outskirts,
                     self._containment, self._commas, self._borders, self._adjacent, self._populations,
                     self._conversions):
            found.extend(step(found))
        return sorted(found, key=lambda f: (f.start, f.end, f.type))

    def _quote_start(self, subjects: list[Mention], cue_start: int) -> int:
        near = [s.start for s in subjects if s.end <= cue_start and cue_start - s.end <= 60]
        return min(near) if near else cue_start

    def _distances(self, _found):
        for match in _DISTANCE.finditer(self.text):
            anchor = self.anchor_at(match.end())
            if anchor is None:
                continue
            direction = match.group("dir")
            if direction and direction_bearing(direction) is None:
                continue
            subjects, vague = self.subject_or_vague(match.start())
            stated = {"distance": _number(match.group("num")), "unit": _unit(match.group("unit"))}
            if match.group("qual"):
                stated["qualifier"] = _words(match.group("qual"))
            if direction:
                stated["direction"] = _compass_code(direction)
            yield Finding("distance_direction", self._quote_start(subjects, match.start()), anchor.end,
                          subjects, [anchor], stated, vague, "distance")

    def _directions(self, found):
        taken = [(f.start, f.end) for f in found if f.type == "distance_direction"]
        for match in _DIRECTION_OF.finditer(self.text):
            if any(s <= match.start() < e for s, e in taken) or direction_bearing(match.group("dir")) is None:
                continue
            before = self.text[max(0, match.start() - 12):match.start()]
            if re.search(r"(?:\bthe|['’]s)\s+$", before, _I):     # "the north of the region": a part of it
                continue
            anchor = self.anchor_at(match.end())
            if anchor is None:
                continue
            subjects, vague = self.subject_or_vague(match.start())
            stated = {"direction": _compass_code(match.group("dir"))}
            yield Finding("direction", self._quote_start(subjects, match.start()), anchor.end, subjects, [anchor],
                          stated, vague, "direction")

    def _farther(self, _found):
        """"the city of Kupiansk farther north": north of the place the text spoke of before."""
        for subject in self.mentions:
            match = _FARTHER.match(self.text[subject.end:subject.end + 40])
            if match is None or direction_bearing(match.group("dir")) is None or not self.can_be_subject(subject):
                continue
            earlier = [m for m in self.inside(subject.start - 1500 - self.longest, subject.start) if subject.start - m.end <= 1500
                       and self.is_settlement(m) and m.geonameid != subject.geonameid]
            anchors = earlier[-1:] if earlier else []
            yield Finding("direction", subject.start, subject.end + match.end(), [subject], anchors,
                          {"direction": _compass_code(match.group("dir")), "relative": "farther"},
                          None if anchors else "the place it is compared with is not named", "farther")

    def _near(self, _found):
        for match in _NEAR.finditer(self.text):
            anchor = self.anchor_at(match.end())
            subject = self.appositive_subject(match.start())
            if anchor is None or subject is None or self.is_country(subject):
                continue
            if _BORDER_AFTER.match(self.text[anchor.end:anchor.end + 20]):
                continue                                          # "near the Indiana border" is a border claim
            yield Finding("near", subject.start, anchor.end, [subject], [anchor], {"relation": "near"}, wording="near")

    def _outskirts(self, _found):
        for match in _OUTSKIRTS.finditer(self.text):
            anchor = self.anchor_at(match.end())
            subject = self.appositive_subject(match.start())
            if anchor is None or subject is None:
                continue
            yield Finding("proximity", subject.start, anchor.end, [subject], [anchor], {"relation": "outskirts"},
                          wording="outskirts")

    def _anchor_chain(self, pos: int) -> list[Mention]:
        """The area mention at ``pos``, and the country before it in "Russia's Belgorod region"."""
        first = self.anchor_at(pos)
        if first is None or not self.is_area(first):
            return []
        possessive = _POSSESSIVE.match(self.text[first.end:first.end + 12])
        if possessive and self.is_country(first):
            second = self.anchor_at(first.end + possessive.end())
            if second is not None and self.is_area(second):
                return [second, first]
        return [first]

    def _containment(self, _found):
        """"Izium in Kharkiv province", "Valuyki, a town in Russia's Belgorod region", "the Balakliia and
        Izyum districts of the Kharkiv region"."""
        for match in _IN.finditer(self.text):
            anchors = self._anchor_chain(match.end())
            if not anchors:
                continue
            subject = self.appositive_subject(match.start())
            if subject is None or self.is_country(subject) or not subject.resolved:
                continue
            subjects = [s for s in self.list_before(subject) if not self.is_country(s)]
            stated = {"region" if not self.is_country(a) else "country": a.text for a in anchors}
            yield Finding("containment", subjects[0].start, anchors[0].end, subjects, anchors, stated, wording="in")

    def _commas(self, _found):
        """"Riga, Latvia", "ZALIZNYCHNE, Ukraine": a place, then the region or country holding it."""
        for subject in self.mentions:
            after = re.match(r"\s*,\s*", self.text[subject.end:subject.end + 6])
            if after is None or not subject.resolved or self.is_country(subject) or not self.can_be_subject(subject):
                continue
            anchor = self.anchor_at(subject.end + after.end())
            if anchor is None or not self.is_area(anchor) or self.is_area(subject) and not self.is_country(anchor):
                continue                                          # a region is said to be in a country only
            more = _LIST_AFTER.match(self.text[anchor.end:anchor.end + 6])
            if more and self.mention_at(anchor.end + more.end()) is not None:
                continue                                          # "Kharkiv, Donetsk and Luhansk": a list
            prev = self.mention_before(subject.start, limit=4)
            if prev is not None and re.match(r"^\s*,\s*$", self.text[prev.end:subject.start]):
                continue                                          # the subject ends a list itself
            subjects = [s for s in self.list_before(subject) if "/" in self.text[s.end:subject.start] or s is subject]
            key = "country" if self.is_country(anchor) else "region"
            yield Finding("containment", subjects[0].start, anchor.end, subjects, [anchor], {key: anchor.text},
                          wording="comma")

    def _border_subject(self, cue_start: int) -> Mention | None:
        """The nearest settlement named earlier in the sentence, else the nearest place that is not a country."""
        sent_start, _ = self.sentence(cue_start)
        before = [m for m in self.inside(sent_start, cue_start) if m.resolved and self.can_be_subject(m)]
        for test in (self.is_settlement, lambda m: not self.is_country(m)):
            chosen = [m for m in before if test(m)]
            if chosen:
                return chosen[-1]
        return None

    def _borders(self, _found):
        seen = set()
        for match in _BORDER_WITH.finditer(self.text):
            anchor = self.anchor_at(match.end())
            if anchor is not None:
                seen.add(match.start())
                yield self._border(match.start(), anchor.end, anchor)
        for match in _BORDER_OF.finditer(self.text):
            anchor = self.anchor_at(match.end())
            if match.start() in seen or anchor is None or not self.is_area(anchor):
                continue
            after = _BORDER_AFTER.match(self.text[anchor.end:anchor.end + 20])
            if after:
                yield self._border(match.start(), anchor.end + after.end(), anchor)

    def _border(self, start: int, end: int, anchor: Mention) -> Finding:
        subject = self._border_subject(start)
        subjects = [subject] if subject is not None and subject.geonameid != anchor.geonameid else []
        return Finding("border_proximity", start, end, subjects, [anchor], {"relation": "near the border"},
                       None if subjects else "the subject is not a named place", "border")

    def _adjacent(self, _found):
        for match in _ADJACENT.finditer(self.text):
            anchor = self.anchor_at(match.end())
            if anchor is None:
                continue
            sent_start, _ = self.sentence(match.start())
            before = [m for m in self.inside(sent_start, match.start()) if m.resolved
                      and not self.is_country(m) and self.can_be_subject(m) and m.geonameid != anchor.geonameid]
            subjects = before[-1:]
            start = match.start()
            the = re.search(r"\bthe\s+$", self.text[max(0, start - 5):start], _I)
            start -= len(the.group()) if the else 0
            yield Finding("adjacency", start, anchor.end, subjects, [anchor], {"relation": "adjacent"},
                          None if subjects else "the subject is not a named place", "adjacent")

    def _populations(self, _found):
        for subject in self.mentions:
            match = _POPULATION.match(self.text[subject.end:subject.end + 120])
            if match is None or not subject.resolved or not self.can_be_subject(subject) or (
                    match.group("who") is None and "population" not in match.group().lower()):
                continue
            stated = {"population": _number(match.group("num"))}
            if match.group("qual"):
                stated["qualifier"] = _words(match.group("qual"))
            yield Finding("population", subject.start, subject.end + match.end(), [subject], [], stated, wording="population")

    def _conversions(self, _found):
        for match in _CONVERSION.finditer(self.text):
            unit1, unit2 = _unit(match.group("unit")), _unit(match.group("unit2"))
            if unit1 == unit2:
                continue                                          # "5 km (3 km)" is no conversion
            stated = {"value": _number(match.group("num")), "unit": unit1,
                      "converted": _number(match.group("num2")), "converted_unit": unit2}
            yield Finding("unit_conversion", match.start(), match.end(), [], [], stated, wording="conversion")


# -- reading the stated values -------------------------------------------------------------------

def _number(text: str) -> float | int:
    value = parse_number(text)
    return int(value) if value == int(value) else value


def _unit(word: str) -> str:
    """The unit code of a unit word ("kilometers" -> "km", "sq miles" -> "mi2")."""
    found = parse_unit(word)
    return found[1] if found else word


def _compass_code(word: str) -> str:
    return compass(direction_bearing(word), points=16)


def _words(text: str) -> str:
    return " ".join(text.lower().split())
