"""Lengths and areas with explicit units, and the unit words articles use.

A :class:`Length` or :class:`Area` stores one canonical value (kilometres, square kilometres) and
exposes every unit as a property, the way geopy's ``distance`` does:

>>> round(Length(miles=37).km, 3)
59.546
>>> round(Area(km2=2000).mi2, 1)
772.2
>>> parse_unit("sq miles")
('area', 'mi2')
>>> parse_number("3,000")
3000.0
"""
from __future__ import annotations

import re
from dataclasses import dataclass

KM_PER_MILE = 1.609344           #: the international mile, exactly
KM_PER_NAUTICAL_MILE = 1.852
KM2_PER_MI2 = KM_PER_MILE ** 2   #: 2.589988110336
KM2_PER_HECTARE = 0.01
KM_PER_FOOT = 0.0003048          #: the international foot, exactly


@dataclass(frozen=True, order=True, init=False, repr=False)
class Length:
    """A length. Give it in any one unit; read it in any.

    >>> round(Length(km=52).miles, 2)
    32.31
    """

    _km: float

    def __init__(self, km: float = 0.0, *, miles: float = 0.0, m: float = 0.0, nautical: float = 0.0):
        object.__setattr__(self, "_km", km + miles * KM_PER_MILE + m / 1000.0 + nautical * KM_PER_NAUTICAL_MILE)

    @property
    def km(self) -> float:
        return self._km

    @property
    def m(self) -> float:
        return self._km * 1000.0

    @property
    def miles(self) -> float:
        return self._km / KM_PER_MILE

    mi = miles

    @property
    def nautical(self) -> float:
        return self._km / KM_PER_NAUTICAL_MILE

    def in_unit(self, unit: str) -> float:
        """The value in ``unit`` (one of :data:`LENGTH_UNITS`' codes: km, mi, m, nmi)."""
        return self._km / LENGTH_UNITS[unit]

    @classmethod
    def of(cls, value: float, unit: str) -> Length:
        """``Length.of(37, "mi")``."""
        return cls(value * LENGTH_UNITS[unit])

    def __repr__(self) -> str:
        return f"Length(km={self._km!r})"

    def __str__(self) -> str:
        """``52 km (32 mi)``, the way explanations print a distance."""
        return f"{self.km:,.0f} km ({self.miles:,.0f} mi)"


@dataclass(frozen=True, order=True, init=False, repr=False)
class Area:
    """An area. Give it in any one unit; read it in any.

    >>> round(Area(mi2=770).km2)
    1994
    """

    _km2: float

    def __init__(self, km2: float = 0.0, *, mi2: float = 0.0, hectares: float = 0.0):
        object.__setattr__(self, "_km2", km2 + mi2 * KM2_PER_MI2 + hectares * KM2_PER_HECTARE)

    @property
    def km2(self) -> float:
        return self._km2

    @property
    def mi2(self) -> float:
        return self._km2 / KM2_PER_MI2

    @property
    def hectares(self) -> float:
        return self._km2 / KM2_PER_HECTARE

    def in_unit(self, unit: str) -> float:
        return self._km2 / AREA_UNITS[unit]

    @classmethod
    def of(cls, value: float, unit: str) -> Area:
        return cls(value * AREA_UNITS[unit])

    def __repr__(self) -> str:
        return f"Area(km2={self._km2!r})"

    def __str__(self) -> str:
        return f"{self.km2:,.0f} km² ({self.mi2:,.0f} sq mi)"


@dataclass(frozen=True)
class Speed:
    """A speed in km/h (read in any unit of :data:`SPEED_UNITS`).

    >>> round(Speed(290).in_unit("mph"), 1)
    180.2
    """

    kmh: float

    def in_unit(self, unit: str) -> float:
        return self.kmh / SPEED_UNITS[unit]


#: Kilometres per unit, by unit code.
LENGTH_UNITS = {"km": 1.0, "mi": KM_PER_MILE, "m": 0.001, "nmi": KM_PER_NAUTICAL_MILE, "ft": KM_PER_FOOT}
#: Square kilometres per unit, by unit code.
AREA_UNITS = {"km2": 1.0, "mi2": KM2_PER_MI2, "ha": KM2_PER_HECTARE}
#: The unit of the other kind the same word names when "square" is dropped or added ("miles" for
#: square miles, as in "3,000 square kilometers (1,158 miles)").
OTHER_KIND = {"km": "km2", "mi": "mi2", "km2": "km", "mi2": "mi"}
#: How a code is written in explanations.
UNIT_LABELS = {"km": "km", "mi": "miles", "m": "m", "nmi": "nautical miles", "ft": "feet", "km2": "km²", "mi2": "sq mi",
               "ha": "ha", "kmh": "km/h", "mph": "mph"}
#: Kilometres per hour per unit, by unit code: speeds are only ever converted, never measured.
SPEED_UNITS = {"kmh": 1.0, "mph": KM_PER_MILE}

# Unit words, longest first so "square kilometers" wins over "kilometers". Written as a
# regex alternation by patterns.py; keys are matched after lowercasing and collapsing spaces.
_AREA_WORDS = {
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2", "square kilometer": "km2",
    "sq kilometres": "km2", "sq kilometers": "km2", "sq km": "km2", "sq. km": "km2", "sqkm": "km2", "km2": "km2", "km²": "km2",
    "square miles": "mi2", "square mile": "mi2", "sq miles": "mi2", "sq mile": "mi2", "sq mi": "mi2", "sq. mi": "mi2",
    "mi2": "mi2", "mi²": "mi2",
    "hectares": "ha", "hectare": "ha",
}
_LENGTH_WORDS = {
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "km": "km", "kms": "km",
    "miles": "mi", "mile": "mi", "mi": "mi",          # ("100km (62mi)")
    "nautical miles": "nmi", "nautical mile": "nmi",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "m": "m",
    "feet": "ft", "foot": "ft", "ft": "ft",
}
_SPEED_WORDS = {
    "km/h": "kmh", "kmh": "kmh", "kph": "kmh", "kilometres per hour": "kmh", "kilometers per hour": "kmh",
    "kilometres an hour": "kmh", "kilometers an hour": "kmh",
    "mph": "mph", "miles per hour": "mph", "miles an hour": "mph",
}
UNIT_WORDS: dict[str, tuple[str, str]] = {**{w: ("area", c) for w, c in _AREA_WORDS.items()},
                                          **{w: ("length", c) for w, c in _LENGTH_WORDS.items()},
                                          **{w: ("speed", c) for w, c in _SPEED_WORDS.items()}}

#: A regex alternation of every unit word, longest first; spaces may be any run of spaces or none
#: ("2,000sq km").


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True))


UNIT_PATTERN = _alternation(UNIT_WORDS)
LENGTH_PATTERN = _alternation(_LENGTH_WORDS)
AREA_PATTERN = _alternation(_AREA_WORDS)

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
#: Numbers articles spell out ("seven kilometres", "five thousand kilometres").
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
                "a dozen": 12, "a hundred": 100, "a few": 3, "several": 5}
_WORD_ALTERNATION = "|".join(sorted((w.replace(" ", r"\s+") for w in NUMBER_WORDS), key=len, reverse=True))
NUMBER_PATTERN = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s+(?:thousand|million|billion))?"
                  r"|\d+(?:\.\d+)?(?:\s+(?:thousand|million|billion))?"
                  rf"|(?i:\b(?:{_WORD_ALTERNATION})\b)(?:\s+(?i:thousand|million|billion))?")
#: Spelled-out numbers that are vague ("a few miles"): the claim they state says little.
VAGUE_NUMBER_WORDS = {"a few", "several"}


def parse_unit(word: str) -> tuple[str, str] | None:
    """``(kind, code)`` of a unit word, kind being ``"length"`` or ``"area"``; None if unknown.

    >>> parse_unit("Kilometres")
    ('length', 'km')
    >>> parse_unit("sqkm")
    ('area', 'km2')
    """
    key = re.sub(r"\s+", " ", word.strip().lower())
    return UNIT_WORDS.get(key) or UNIT_WORDS.get(key.replace(" ", ""))


def kind_of(unit: str) -> str | None:
    """``"length"``, ``"area"`` or None for a unit code.

    >>> kind_of("mi"), kind_of("km2"), kind_of("kg")
    ('length', 'area', None)
    """
    return ("length" if unit in LENGTH_UNITS else "area" if unit in AREA_UNITS
            else "speed" if unit in SPEED_UNITS else None)


def quantity(value: float, unit: str) -> Length | Area:
    """A :class:`Length` or :class:`Area` from a number and a unit code.

    >>> round(quantity(3000, "km2").mi2)
    1158
    """
    if kind_of(unit) == "speed":
        return Speed(value * SPEED_UNITS[unit])
    return Length.of(value, unit) if kind_of(unit) == "length" else Area.of(value, unit)


def parse_number(text: str) -> float:
    """A number as articles write it: ``"27,000"``, ``"1.4 million"``, ``"37"``.

    >>> parse_number("1.4 million")
    1400000.0
    """
    parts = text.replace(",", "").lower().split()
    if parts[0] in ("a", "an") and len(parts) > 1:
        parts = [f"{parts[0]} {parts[1]}", *parts[2:]]
    value = float(NUMBER_WORDS[parts[0]]) if parts[0] in NUMBER_WORDS else float(parts[0])
    for word in parts[1:]:
        value *= _SCALES[word]
    return value


def rounding_step(text: str) -> float:
    """The precision a written number implies: ``"770"`` -> 10, ``"1,864"`` -> 1, ``"2.5"`` -> 0.1.

    A writer converting 772.2 to "770" rounded to tens; a check should allow that.

    >>> rounding_step("27,000"), rounding_step("1,864"), rounding_step("2.5"), rounding_step("1.4 million")
    (1000.0, 1.0, 0.1, 100000.0)
    """
    parts = text.replace(",", "").lower().split()
    if not parts[0][:1].isdigit():
        return 1.0                                    # "seven": exact as written
    digits = parts[0]
    scale = 1.0
    for word in parts[1:]:
        scale *= _SCALES[word.lower()]
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1]) * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** min(zeros, len(digits) - 1) * scale


def format_number(value: float) -> str:
    """``1158.3`` -> ``"1,158"``; small values keep one decimal (``"2.5"``)."""
    return f"{value:,.1f}" if abs(value) < 10 and value != int(value) else f"{value:,.0f}"
