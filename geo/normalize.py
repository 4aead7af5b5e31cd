"""The one name normalization shared by the gazetteer build and every lookup.

A name and a mention match when their normalized forms are equal, so both sides
must go through :func:`normalize_name`.

>>> normalize_name("Kyïv")
'kyiv'
>>> normalize_name("Kharkivs’ka  Oblast’")
'kharkivska oblast'
>>> normalize_name("Ivano–Frankivsk")
'ivano frankivsk'
"""
from __future__ import annotations

import re
import unicodedata

# Apostrophes and soft-sign marks vary between romanizations (L'viv, L’viv, Lʼviv,
# Lviv): dropping them makes all four the same key.
APOSTROPHES = "'’‘ʼʻ`´′ʹ"
# Every dash and hyphen separates words the way a space does (Ivano-Frankivsk).
HYPHENS = "-‐‑‒–—―−"

_DROP = {ord(c): None for c in APOSTROPHES}
_SPACE = {ord(c): " " for c in HYPHENS}
_WHITESPACE = re.compile(r"\s+")


def strip_diacritics(text: str) -> str:
    """Decompose (NFKD) and drop the combining marks: ``"Kyïv"`` -> ``"Kyiv"``."""
    if text.isascii():
        return text   # (ASCII has no decompositions nor combining marks: most names and words)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalize_name(name: str) -> str:
    """Return the lookup key of a place name.

    NFKD with diacritics removed, casefolded, apostrophes dropped, hyphens and
    dashes turned into spaces, whitespace collapsed.

    >>> normalize_name("KYIV") == normalize_name("Kyiv") == normalize_name("Kyïv")
    True
    """
    text = strip_diacritics(name).casefold()
    text = text.translate(_DROP).translate(_SPACE)
    return _WHITESPACE.sub(" ", text).strip()
