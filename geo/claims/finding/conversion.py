"""Unit conversions: "3,000 square kilometers (1,864 miles)", "7ft (2.1m)", "290km/h (180 mph)",
"40 km, or 25 miles".

>>> from geo.claims.finding.reader import Reader
>>> text = "a front of 40 km (24 miles)"
>>> [(f.type, f.stated.to_dict()) for f in find(Reader(text, [], {}, [(0, len(text))]), [])]
[('unit_conversion', {'value': 40, 'unit': 'km', 'converted': 24, 'converted_unit': 'mi'})]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import Finding, Reader
from geo.claims.finding.words import NUMBER, UNIT_GATE, QUALIFIER, number, unit
from geo.claims.records import ConversionStated
from geo.claims.units import UNIT_PATTERN

_CONVERSION = re.compile(rf"""
    (?:\b(?P<qual>{QUALIFIER})\s+)?(?P<num>{NUMBER})[\s\-]*(?P<unit>{UNIT_PATTERN})(?![\w/])
    \s*(?:\(\s*|,\s+or\s+|\s+or\s+)(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+|approximately\s+|almost\s+|over\s+|more\s+than\s+)?
    (?P<num2>{NUMBER})[\s\-]*(?P<unit2>{UNIT_PATTERN})(?![\w/])(?:\s*\))?""", re.I | re.X)


def find(reader: Reader, found: list[Finding]):
    for match in reader.scan(_CONVERSION, UNIT_GATE, 80, 120):
        unit1, unit2 = unit(match.group("unit")), unit(match.group("unit2"))
        if unit1 == unit2:
            continue                                              # "5 km (3 km)" is no conversion
        stated = ConversionStated(number(match.group("num")), unit1, number(match.group("num2")), unit2)
        yield Finding("unit_conversion", match.start(), match.end(), [], [], stated, wording="conversion")
