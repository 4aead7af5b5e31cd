"""Finding where a text may name a place: Article text in, a list of :class:`~geo.document.Span` out.

Names come from the gazetteer (a marisa-trie of every normalized name, prefix-searched at each
capitalized word) and, for names the gazetteer lacks in that spelling, from a transliteration-aware
fuzzy match (:mod:`geo.transliteration`). Matching finds; it does not decide: each span carries
the cues its context gives (a dateline, "in", "region", a person's name next to it...), and the
resolution stage weighs them.

>>> from geo.gazetteer import Gazetteer                          # doctest: +SKIP
>>> matcher = NameMatcher(Gazetteer.open())                      # doctest: +SKIP
>>> [(s.text, s.qualifier) for s in matcher.find("Izium in Kharkiv province fell.")]  # doctest: +SKIP
[('Izium', None), ('Kharkiv province', 'division')]

One module each: :mod:`~geo.matching.words` (tokenizing), :mod:`~geo.matching.names` (the
gazetteer's names), :mod:`~geo.matching.cues` (what a name's context says) and
:mod:`~geo.matching.variants` (other spellings).
"""
from geo.matching.cues import COMPASS_ADJECTIVES, FEATURE_HEADS, LIST_GAP, PLURAL_QUALIFIERS, POSITIVE_CUES, QUALIFIERS, context_cues
from geo.matching.names import COMMON_NAME_IMPORTANCE, COMMON_WORD_ZIPF, STRONG_COMMON_ZIPF, NameMatcher, name_zipf
from geo.matching.variants import VariantMatcher
from geo.matching.words import Words, word_frequency, words

__all__ = ["COMMON_NAME_IMPORTANCE", "COMPASS_ADJECTIVES", "COMMON_WORD_ZIPF", "FEATURE_HEADS", "LIST_GAP", "NameMatcher", "PLURAL_QUALIFIERS", "POSITIVE_CUES", "QUALIFIERS",
           "STRONG_COMMON_ZIPF", "VariantMatcher", "Words", "context_cues", "name_zipf", "word_frequency", "words"]
