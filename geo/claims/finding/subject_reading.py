"""How a claim's cue finds its *subject*, the mention it is said of (its *anchor* is the mention
after it: see :mod:`geo.claims.finding.reader`). The subject is found, in this order:

1. right before the cue, allowing a short appositive (", a tiny agricultural village", " lies");
2. across a long appositive or relative clause that names no other place ("X, the highly
   contested city", "X, which lies about"); when the place before the clause is its container
   ("Louisville, Kentucky, about 35 miles south of"), the place it contains;
3. a definite description ("the village", "the town"), or a sentence's opening "It" ("It lies 40 km
   north of"), stands for the last settlement the previous sentences named; an indefinite one ("a village 37 miles east of") for the dateline's.

A subject or anchor found by 3., or an anchor implied rather than named (the country a demonym
names: "the Turkish border"), is *inferred*: the judge will not call such a claim inconsistent.
"""
from __future__ import annotations

import re

from geo.claims.finding.grammar import (
    A_DESCRIBED, AND_OTHERS, APPOSITIVE, A_PLACE, BOTH_BEFORE, CALLED_AFTER, CALLED_BEFORE, CLAUSE_BREAK, CLAUSE_CLOSED, DATELINE_WORD,
    HEAD_COMMA, HEAD_LEAD, HELD_IN, IT_PLACE, LONG_APPOSITIVE, POSSESSED_DESCRIPTION, PREPOSITION_BEFORE, THE_BEFORE, THE_PLACE,
    TITLE_BEFORE, UNNAMED)
from geo.claims.finding.words import PLACE_NOUN, SETTLEMENT_NOUN
from geo.document import Mention

# Features too large to be the subject of a claim about a place.
_TOO_LARGE = {"CONT", "OCN", "MTS", "DSRT"}   # (a range or a desert is no point to measure from)
#: How far back (characters) a definite description looks for the settlement it stands for.
DEFINITE_REACH = 600
#: The most people a place a description names may have ("a village" near a dateline is the dateline's
#: place only if it is that small): generous, as GeoNames' figures are often old or for the whole commune.
DESCRIBED_MAX_POPULATION = {"village": 20_000, "hamlet": 20_000, "settlement": 50_000, "town": 250_000, "suburb": 250_000,
                            "township": 250_000, "community": 250_000}


class SubjectReading:
    """The subject-finding half of :class:`~geo.claims.finding.reader.Reader`, which it is mixed into:
    it uses the reader's text, sentences, dateline and mention lookups."""

    def can_be_subject(self, m: Mention) -> bool:
        """Not a continent or an ocean (too large to be placed), nor a name after a title ("Mr. Corby"),
        nor a town's name after "the" ("the Monongahela" is a forest or a river named after the town),
        nor the second half of a name split in two ("Kasai Occidental province")."""
        before = self.mention_before(m.start, limit=3)
        if before is not None and before.resolved and before is not m and not self.text[before.end:m.start].strip():
            return False
        p = self.place(m)
        if p is not None and p.feature_code in _TOO_LARGE:
            return False
        if p is not None and p.feature_class == "P" and THE_BEFORE.search(self.text, max(0, m.start - 10), m.start):
            return False
        return not TITLE_BEFORE.search(self.text, max(0, m.start - 20), m.start)

    def appositive_subject(self, cue_start: int, long: bool = False) -> Mention | None:
        """The mention the cue at ``cue_start`` is said of, when only an appositive separates them
        (with ``long``, also a clause naming no place: see the module's doc)."""
        m = self.mention_before(cue_start, limit=160 if long else 80)
        if m is None or m.end > cue_start or self.sentence(m.start) != self.sentence(cue_start):
            return self.sentence_head(cue_start) if long else None
        gap = self.text[m.end:cue_start]
        if POSSESSED_DESCRIPTION.match(gap) and self.is_area(m):
            # "Haifa, Israel's third-largest city, some 40 km south of": the description's head
            head = self.appositive_subject(m.start)
            return head if head is not None and self.is_settlement(head) else None
        if not APPOSITIVE.match(gap):
            if not long or not LONG_APPOSITIVE.match(gap) or CLAUSE_BREAK.search(gap):
                # a river in a long appositive names no other place: "Nikopol, across the Dnipro from the plant and
                # about 60 km south-west of" is Nikopol's
                water = long and self.place(m) is not None and self.place(m).kind in ("river", "water body")
                head = self.mention_before(m.start, limit=40) if water else None
                gap = self.text[head.end:cue_start] if head is not None else ""
                if head is None or not LONG_APPOSITIVE.match(gap) or CLAUSE_BREAK.search(gap) or not self.is_settlement(head):
                    return self.sentence_head(cue_start) if long else None
                m = head
        m = self.contained_first(m)
        # ("the Mediterranean coast": a sea, named or not; "Canada's Arctic coast": a country's coast, not the country)
        coast = re.match(r"(?:['’]s\s+(?:[\w’'-]+\s+){0,3}?|\s+)(?:coast|coastline|shore|seaboard)\b", gap, re.I)
        unknown = not m.resolved and PREPOSITION_BEFORE.search(self.text, max(0, m.start - 40), m.start)
        if self.is_area(m) or coast or unknown or self.place(m) is not None and self.place(m).kind in ("river", "water body"):
            # "Kupiansk, a rail hub on the Oskil River some 120 km east of": the river is where the hub
            # lies; the claim is the appositive's head's
            # ("Tuapse, a Black Sea port in the Krasnodar region": the place qualifies a description's noun;
            # "Jasper, in the Canadian Rockies about 320 km west of": so does a name the gazetteer lacks)
            lead = PREPOSITION_BEFORE.search(self.text, max(0, m.start - 40), m.start) \
                or A_DESCRIBED.search(self.text, max(0, m.start - 8), m.start)
            head = self.appositive_subject(lead.start(), long=True) if lead else None
            if head is not None and head is not m and self.is_settlement(head):
                return head
            if coast and coast.group().startswith(("'", "’")):
                return None
        return m if self.can_be_subject(m) else None

    def sentence_head(self, cue_start: int) -> Mention | None:
        """The place a sentence opens with, when the cue follows the comma that closes its appositive
        or relative clause: "Pokrovsk, a hub 60 km north-west of Donetsk, had a prewar population of",
        "The Kursk region, where Ukraine launched an incursion, borders"."""
        sent_start, _ = self.sentence(cue_start)
        if not CLAUSE_CLOSED.search(self.text, max(sent_start, cue_start - 40), cue_start):
            return None
        # (a dateline names where the reporter is, not the sentence's subject: "ZALIZNYCHNE, Ukraine -", "TALLINN (Reuters) -")
        dateline = DATELINE_WORD.match(self.text, sent_start)
        if dateline is not None:
            sent_start = dateline.end() + len(self.text[dateline.end():cue_start]) - len(self.text[dateline.end():cue_start].lstrip())
        opening = [m for m in self.inside(sent_start, min(cue_start, sent_start + 80)) if m.start - sent_start <= 40
                   and m is not self.dateline]
        for head in opening[:1]:
            lead = self.text[sent_start:head.start]
            after = self.text[head.end:head.end + 30]
            if HEAD_LEAD.fullmatch(lead) and HEAD_COMMA.match(after) and head.end < cue_start - 2 \
                    and (head.resolved or self.is_named_place(head)) and self.can_be_subject(head):
                return head
        return None

    def contained_first(self, m: Mention) -> Mention:
        """The place ``m`` holds when the text names it just before ("Louisville, Kentucky", "Robotyne,
        a village in the Zaporizhzhia region"), else ``m``."""
        if not self.is_area(m):
            return m
        prev = self.mention_before(m.start, limit=60)
        if prev is None or prev is m or self.is_country(prev) or not (self.is_settlement(prev) or self.is_country(m)):
            return m
        if re.fullmatch(r"\s*,\s*", self.text[prev.end:m.start]) or HELD_IN.fullmatch(self.text[prev.end:m.start]):
            return prev
        return m

    def definite_subject(self, cue_start: int, exclude: set[int] = frozenset()) -> tuple[Mention | None, str | None]:
        """(the place a description before the cue stands for, how it was inferred), or (None, None)
        when no description ends there. "the village" is the last settlement named before it (within
        DEFINITE_REACH characters); "a village" the dateline's place."""
        sent_start, _ = self.sentence(cue_start)
        before = self.text[max(sent_start, cue_start - 60):cue_start]
        the = THE_PLACE.search(before) or IT_PLACE.fullmatch(self.text, sent_start, cue_start)
        if the and the.group().strip().lower().startswith("this") and self.dateline is not None \
                and self.dateline.geonameid not in exclude:
            return self.dateline, f"'{the.group().strip()}' taken to be the dateline's {self.dateline.text}"
        if the:
            area = the.re is THE_PLACE and the.group("noun").lower() in ("region", "province")
            lo = max(0, sent_start - DEFINITE_REACH)
            here = the.start() if the.re is IT_PLACE else cue_start - len(before) + the.start()
            earlier = [m for m in self.inside(lo, here)
                       if m.resolved and m.geonameid not in exclude and self.can_be_subject(m)
                       and (self.is_area(m) and not self.is_country(m) if area else self.is_settlement(m))]
            if earlier:
                # the first such place of the nearest sentence that names one: the sentence's topic
                # ("The town of Avdiivka, 10 km north of Donetsk, ... The town had ...": Avdiivka),
                # not the dateline's place, where the reporter is ("KYIV (AP) — ... struck Dnipro")
                last_sentence = self.sentence(earlier[-1].start)
                topics = [m for m in earlier if self.sentence(m.start) == last_sentence]
                topics = [m for m in topics if m is not self.dateline] or topics
                chosen = topics[0] if self.sentence(earlier[-1].start) != self.sentence(here) else earlier[-1]
                return chosen, f"'{the.group().strip()}' taken to be {chosen.text}, named before"
            return None, "the place it describes is not named"
        if A_PLACE.search(before):
            said = A_PLACE.search(before).group().strip()
            if self.dateline is not None and self.dateline.geonameid not in exclude and self._fits(self.dateline, said):
                return self.dateline, f"'{said}' taken to be the dateline's {self.dateline.text}"
            # "a small town outside Yekaterinburg. Pervouralsk ...": the first settlement named next
            _, sent_end = self.sentence(cue_start)
            after = [m for m in self.inside(sent_end, sent_end + DEFINITE_REACH) if self.is_settlement(m)
                     and m.geonameid not in exclude and self.can_be_subject(m)]
            if after:
                return after[0], f"'{said}' taken to be {after[0].text}, named after it"
            return None, "the place it describes is not named"
        return None, None

    def unnamed_before(self, cue_start: int) -> str | None:
        """The thing a cue is said of when the words before it describe something that is no place ("an
        area near the border", "the mine near", "a farm near"): those words, else None."""
        sent_start, _ = self.sentence(cue_start)
        match = UNNAMED.search(self.text, max(sent_start, cue_start - 50), cue_start)
        if match is None or re.search(rf"\b{SETTLEMENT_NOUN}\s*,?\s*$", match.group(), re.I):
            return None
        named = self.mention_before(match.start(), limit=8)
        if named is not None and AND_OTHERS.fullmatch(self.text, named.end, match.start() + len(match.group(1) or "")):
            return None                  # "Qamishli and other towns near the border": Qamishli is one of them
        if named is not None and re.fullmatch(r"\s*,\s*", self.text[named.end:match.start()]) \
                and re.search(rf"\b{PLACE_NOUN}\s*,?\s*$", match.group(), re.I):
            return None                  # "Cox's Bazar, a coastal district near the border": the district is the place
        return match.group().strip()

    def subject_or_vague(self, cue_start: int, exclude: set[int] = frozenset()) -> tuple[list[Mention], str | None, str | None]:
        """(subjects, why vague, how inferred) of a cue: the appositive mention (short or long), else
        the place a description stands for, else none and why; "A and B, both" before the cue: both."""
        both = BOTH_BEFORE.search(self.text, max(0, cue_start - 40), cue_start)
        last = self.mention_before(both.start(), limit=2) if both else None
        if last is not None and last.resolved and len(listed := self.list_before(last)) > 1 \
                and not any(m.geonameid in exclude for m in listed):
            return listed, None, None                         # "Huliaipole and Orikhiv, both south-east of"
        m = self.appositive_subject(cue_start, long=True)
        if m is not None and m.geonameid not in exclude:
            return [m], None, None
        described, how = self.definite_subject(cue_start, exclude)
        if described is not None:
            return [described], None, how
        return [], how or "the subject is not a named place", None

    def called_settlement(self, m: Mention) -> bool:
        """Whether the text calls the place a city, town or village: "Kherson, a city of", "the town of Izium"."""
        return bool(CALLED_AFTER.match(self.text, m.end, m.end + 60) or CALLED_BEFORE.search(self.text, max(0, m.start - 40), m.start))

    def _fits(self, m: Mention, description: str) -> bool:
        """Whether the place is of the size a description says: "a village" is no city of 150,000."""
        place = self.place(m)
        noun = re.search(r"(village|hamlet|settlement|town|suburb|township|community|city)\s*,?\s*$", description, re.I)
        if place is None or noun is None:
            return True
        limit = DESCRIBED_MAX_POPULATION.get(noun.group(1).lower())
        return limit is None or place.population <= limit
