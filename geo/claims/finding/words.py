"""The pieces wordings are made of: compass words, qualifiers, numbers, place nouns, readers of the
values they state, and the gates (the plain words a wording's every match holds) that tell
Reader.scan where to run a wording.

>>> import re
>>> bool(re.fullmatch(DIRECTION, "north-east", re.I)), compass_code("south west")
(True, 'SW')
>>> number("27,000"), unit("kilometres")
(27000, 'km')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.claims.geodesy import compass, direction_bearing
from geo.claims.units import NUMBER_PATTERN, parse_number, parse_unit

DIRECTION = (r"(?:(?:north|south|east|west)(?:[\s\-‐–]?(?:north|south|east|west)){0,2}"
             r"|(?-i:\b[NESW]{1,3}\b))")
#: "northern", "north-eastern", "southwestern": a direction as an adjective.
DIRECTION_ADJECTIVE = r"(?:(?:north|south)(?:[\s\-‐–]?(?:east|west))?ern|(?:east|west)ern)"
QUALIFIER = (r"(?:(?:just|slightly|a\s+little)\s+(?:over|under|above|below|more\s+than|less\s+than|fewer\s+than)|"
             r"well\s+(?:over|under|above|below)|"   # ("just over one million": near it; "well over": a bound)
             r"about|some|around|roughly|nearly|almost|approximately|an\s+estimated|just|only|a\s+mere|"
             r"more\s+than|over|at\s+least|less\s+than|fewer\s+than|under|up\s+to|barely|little\s+more\s+than)")
NUMBER = rf"(?<![\d.,])(?:{NUMBER_PATTERN})"
KIND = r"(?:river|region|regions|oblast|province|district|districts|area|areas|city|town|village|raion|rayon)"
PLACE_NOUN = (r"(?:village|town|city|settlement|hamlet|port|capital|suburb|region|province|oblast|district|area|"
              r"river|country|republic|county|community|municipality|township|state|governorate|enclave|"
              r"territory|island|neighbou?rhood|frontline\s+town|stronghold|hub|department|prefecture|division|canton|parish|krai)")
SETTLEMENT_NOUN = r"(?:village|town|city|settlement|hamlet|suburb|township|community)"
#: What a place lies just across from another: "the water", "the strait", "the Dniester river".
ACROSS_WATER = r"(?:(?-i:[A-Z])[\w’'-]+\s+)?(?:water|waters|river|strait|straits|bay|lake|channel|estuary|harbou?r)"
#: ...or a named water, with no "the": "Okanagan Lake", "Lake Champlain", "Puget Sound".
NAMED_WATER = r"(?:(?-i:[A-Z])[\w’'-]+\s+(?-i:Lake|River|Bay|Strait|Channel|Harbou?r|Sound|Estuary)|(?-i:Lake)\s+(?-i:[A-Z])[\w’'-]+)"
THE_KIND_OF = rf"(?:the\s+)?(?:(?:{PLACE_NOUN})\s+of\s+)?"


def lowered(text: str) -> str | None:
    """``text`` in lower case, for gates (:meth:`Reader.scan`) to look for lowercase words in without
    re.IGNORECASE; None where that would not find every place a case-blind regex matches: when
    lowering changes the text's length (positions would shift: "İ" lowers to two characters), or the
    text holds a dotless ı or a long ſ (which re.IGNORECASE matches to i and s, and lower() keeps).

    >>> lowered("Near KYIV"), lowered("İzmir"), lowered("Diyarbakır")
    ('near kyiv', None, None)
    """
    low = text.lower()
    return low if len(low) == len(text) and "ı" not in low and "ſ" not in low else None


@dataclass(frozen=True)
class Gate:
    """What every match of a wording holds, for :meth:`Reader.scan` to run it only around: one of
    ``words`` (lowercase, looked for in the lowered text: plain words are found several times faster
    than any regex), or a match of ``cased``, a pattern over the text itself.

    >>> Gate(("north", "east"), re.compile("[NESW]{1,3} of")).spans("NE of Izium, east of", "ne of izium, east of")
    [(0, 5), (13, 17)]
    """

    words: tuple[str, ...]
    cased: re.Pattern | None = None

    def spans(self, text: str, lowered: str) -> list[tuple[int, int]]:
        found = []
        for word in self.words:
            at = lowered.find(word)
            while at >= 0:
                found.append((at, at + len(word)))
                at = lowered.find(word, at + 1)
        if self.cased is not None:
            found.extend(m.span() for m in self.cased.finditer(text))
        return sorted(found)


#: The words every compass wording holds ("north-eastern", "the south of"): the gate, over the lowered
#: text, for scanning the wordings of a position in a region (see Reader.scan).
DIRECTION_GATE = Gate(("north", "south", "east", "west"))
#: The gate of the wordings of a place just across something from another ("just across the strait from").
ACROSS_GATE = Gate(("across",))
#: Where a measure may be stated: a unit word after a digit or a space (the gate, over the lowered
#: text, for scanning the distance and conversion wordings, whose every match holds one).
UNIT_GATE = re.compile(r"(?<=[\d\s\-])(?:km|kilomet|mile|mi\b|met(?:re|er)|feet|foot|ft\b|mph|kph|sq|square|hectare|nautical|m\b)")


def number(text: str) -> float | int:
    value = parse_number(text)
    return int(value) if value == int(value) else value


def unit(word: str) -> str:
    """The unit code of a unit word ("kilometers" -> "km", "sq miles" -> "mi2")."""
    found = parse_unit(word)
    return found[1] if found else word


def compass_code(word: str) -> str:
    """The 16-point code of a compass word or adjective ("north-east", "northeastern" -> "NE")."""
    if word.lower().endswith("ern"):
        word = word[:-3]
    degrees = direction_bearing(word)
    return compass(degrees if degrees is not None else direction_bearing(word.lower()), points=16)


def words(text: str) -> str:
    return " ".join(text.lower().split())
