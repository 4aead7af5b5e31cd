"""Places on rivers and coasts: "Kupiansk, a rail hub on the Oskil River", "Nova Kakhovka on the
Dnipro", "Odesa, on the Black Sea coast", "a port on the Sea of Azov", "the west bank of the Dnipro".

"on" a river is a ``proximity`` claim measured to the river's line (or its GeoNames points); "on the
coast" is measured to the coastline, the edge of the land (Natural Earth's country polygons); "the
west bank of" a river is a ``direction`` from the river's nearest point.

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> from geo.gazetteer import Gazetteer
>>> text = "Odesa, on the Black Sea coast, was hit."
>>> r = Reader(text, [Mention("a", 0, 5, "Odesa", 698740), Mention("a", 14, 23, "Black Sea", 6640396)], {},
...            [(0, len(text))], Gazetteer.open())
>>> [(f.type, f.stated.to_dict(), text[f.start:f.end]) for f in find(r, [])]
[('proximity', {'relation': 'on the coast'}, 'Odesa, on the Black Sea coast')]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import Finding, Reader
from geo.claims.finding.words import Gate, compass_code
from geo.claims.records import BankStated, OnWaterStated
from geo.document import Mention

_I = re.IGNORECASE
#: "on the", "on the banks of the", "along the": then a river or a sea.
_ON = re.compile(r"(?<![\w’'])(?:on|along|astride|straddling)\s+(?:the\s+)?(?:(?:banks?|shores?|coast)\s+of\s+(?:the\s+)?)?", _I)
_COAST_AFTER = re.compile(r"\s+(?:coast|coastline|shore|seaboard)\b", _I)
#: A country's or a region's coast: "on Mexico's Pacific coast", "on Mozambique's central coast", "on Florida's Gulf Coast".
_COUNTRY_COAST = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:coast|coastline|seaboard)\b", _I)
_BANK = re.compile(r"(?<![\w’'])(?:the\s+)?(?P<dir>(?:left|right|north|south|east|west)(?:ern)?)\s+bank\s+of\s+(?:the\s+)?", _I)
#: The word every match of _BANK holds (see Reader.scan).
_BANK_GATE = Gate(("bank",))


def find(reader: Reader, found: list[Finding]):
    text = reader.text
    # what follows "on" is a river or a sea the article names (anchor_after implies only capitals), or a
    # country's or a region's coast ("on Mexico's Pacific coast")
    waters = any(_kind(reader, m) for m in reader.mentions) or (reader.lowered is None or "coast" in reader.lowered)
    for match in _ON.finditer(text) if waters else ():
        water = reader.anchor_after(match.end())
        kind = _kind(reader, water)
        if kind is None and water is not None and reader.is_area(water) and _COUNTRY_COAST.match(text, water.end):
            kind = "country"
        if kind is None:
            continue
        end = water.end
        coast = _COAST_AFTER.match(text, water.end) or _COUNTRY_COAST.match(text, water.end)
        if kind in ("sea", "country") or coast:
            end = coast.end() if coast else end
            relation = "on the coast"
        else:
            relation = "on the river"
        subjects, vague, inferred = reader.subject_or_vague(match.start(), {water.geonameid})
        subjects = [s for s in subjects if not reader.is_area(s) or not reader.is_country(s)]
        if not subjects:
            continue                                              # "troops dug in along the Dnipro": no place placed
        yield Finding("proximity", reader.quote_start(subjects, match.start(), inferred), end, subjects, [water],
                      OnWaterStated(relation), vague, "water", inferred)
    for match in reader.scan(_BANK, _BANK_GATE, 40, 20):
        river = reader.anchor_at(match.end())
        if _kind(reader, river) != "river" or match.group("dir").lower().startswith(("left", "right")):
            continue
        subjects, vague, inferred = reader.subject_or_vague(match.start(), {river.geonameid})
        if not subjects:
            continue
        yield Finding("direction", reader.quote_start(subjects, match.start(), inferred), river.end, subjects, [river],
                      BankStated(compass_code(match.group("dir"))), vague, "bank", inferred)


def _kind(reader: Reader, m: Mention | None) -> str | None:
    """"river" or "sea" for a mention of one, else None."""
    p = reader.place(m)
    if p is None:
        return None
    return {"river": "river", "water body": "sea"}.get(p.kind)
