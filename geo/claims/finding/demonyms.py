"""The country a demonym names: "the Turkish border", "the Kyrgyz capital", "the Dutch province of".

The gazetteer's demonyms come first; a demonym it lacks is read as the one country whose name it begins
("Kyrgyz": Kyrgyzstan, "Saudi": Saudi Arabia) or whose name its stem begins ("Bosnian", "Kosovar",
"Ecuadorian", "Azeri"), unless the word is a common English adjective ("Central" is no demonym of the
Central African Republic).

>>> from geo.gazetteer import Gazetteer
>>> [demonym_country(Gazetteer.open(), w).name for w in ("Turkish", "Kyrgyz", "Bosnian")]
['Turkey', 'Kyrgyzstan', 'Bosnia and Herzegovina']
>>> demonym_country(Gazetteer.open(), "Central") is None
True
"""
from __future__ import annotations

from geo.gazetteer import Place
from geo.matching import word_frequency
from geo.normalize import normalize_name

#: Endings of demonyms a country's name does not have ("Bosnian", "Kosovar", "Argentine", "Azeri").
_DEMONYM_ENDINGS = ("ian", "an", "ese", "i", "ar", "e")
#: A word this common in English (wordfreq's Zipf scale: "central" 5.1, "democratic" 4.7; "Saudi" 4.3) that begins
#: a country's name is an adjective of its own, not a demonym.
_COMMON_ADJECTIVE_ZIPF = 4.5
#: The shortest word, and stem, read as the start of a country's name.
_MIN_STEM = 4


def demonym_country(gazetteer, word: str) -> Place | None:
    """The country (or country part: "English", "Welsh") a capitalized demonym names, else None."""
    if not word[:1].isupper():
        return None
    norm = normalize_name(word)
    for candidate in gazetteer.candidates(norm):
        if candidate.kind == "demonym" and (candidate.place.is_country or candidate.place.is_division):
            return candidate.place
    if len(norm) < _MIN_STEM or " " in norm or word_frequency(norm) >= _COMMON_ADJECTIVE_ZIPF:
        return None
    stems = [norm] + [norm[:-len(end)] for end in _DEMONYM_ENDINGS if norm.endswith(end) and len(norm) - len(end) >= _MIN_STEM]
    for stem in stems:
        countries = {p.geonameid: p for p in gazetteer.countries_named_from(stem)}
        if len(countries) == 1:
            return next(iter(countries.values()))
    return None
