"""Matching names across romanizations (Izyum/Izium, Kharkov/Kharkiv, Deir el-Zour/Deir ez-Zor).

:func:`translit_key` maps the spelling variants that romanization systems and reporters produce
onto one form; :func:`skeleton` keeps only its consonants, for retrieving candidates. A fuzzy
score on the keys (rapidfuzz) then decides. Where a language writes a definite article before
names, its romanized forms (Arabic al-, el-, ez-, ash-...: the article assimilates to the next
consonant, and romanizations differ on whether to show it) are one word of the key.

>>> translit_key("kendrashevka") == translit_key("kindrashivka")
False
>>> skeleton("kendrashevka") == skeleton("kindrashivka")
True
>>> translit_key("chkalovsky") == translit_key("chkalovske")
True
>>> skeleton("vasylenkovo") == skeleton("vasylenkove")
True
>>> articles = frozenset({"al", "el", "ez"})
>>> translit_key("deir el zour", articles), translit_key("deir ez zor", articles)
('deir al zur', 'deir al zor')
>>> skeleton("deir el zour", articles) == skeleton("deir ez zor", articles)
True
>>> translit_key("zinda jan") == translit_key("zindah jan")
True
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Adjectival endings -sky, -skyi, -skiy, -skoye, -skoe, -ske (apostrophes already gone); -ivka/-ovka/-evka;
# -ove/-ovo/-eve.
_SUFFIX_SK = re.compile(r"s(?:kyi|kiy|kii|kyy|ky|ki|koye|koe|koie|ke|kaya|ka|kyj|kij)\b")
_SUFFIX_VKA = re.compile(r"[iyoe]vka\b")
_SUFFIX_OVE = re.compile(r"(?:ov|ev|iv)(?:e|o|oe|oye)\b")
# Digraphs and letters that romanizations spell differently, most specific first.
_REPLACEMENTS = [
    ("shch", "sc"), ("sch", "sc"), ("kh", "h"), ("zh", "j"), ("ts", "c"), ("tz", "c"), ("ch", "c"),
    ("sh", "s"), ("yi", "i"), ("iy", "i"), ("yy", "i"), ("ii", "i"), ("ij", "i"), ("yu", "iu"), ("ju", "iu"),
    ("ya", "ia"), ("ja", "ia"), ("ye", "e"), ("je", "e"), ("ie", "e"), ("y", "i"), ("j", "i"), ("w", "v"),
    ("g", "h"), ("x", "ks"), ("q", "k"), ("ou", "u"),
]
_DOUBLE = re.compile(r"(.)\1+")
# A word's final h after a vowel, which Arabic and Persian romanizations write or drop (Zindah Jān /
# "Zinda Jan", Raqqah / Raqqa, Hamah / Hama).
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_VOWELS = re.compile(r"(?<!^)(?<! )[aeiou]")


@lru_cache(maxsize=100_000)
def translit_key(norm: str, articles: frozenset[str] = frozenset()) -> str:
    """A normalized name with romanization variants folded together; ``articles``: the romanized
    forms of a definite article, each folded to "al" where it stands before another word."""
    if articles and " " in norm:
        words = norm.split(" ")
        norm = " ".join("al" if w in articles and i < len(words) - 1 else w for i, w in enumerate(words))
    s = _SUFFIX_SK.sub("sk", _FINAL_H.sub("", norm))
    s = _SUFFIX_VKA.sub("vka", s)
    s = _SUFFIX_OVE.sub("v", s)
    for old, new in _REPLACEMENTS:
        s = s.replace(old, new)
    return _DOUBLE.sub(r"\1", s)


@lru_cache(maxsize=100_000)
def skeleton(norm: str, articles: frozenset[str] = frozenset()) -> str:
    """The consonants of :func:`translit_key` (first letter of each word kept): a retrieval key."""
    return _VOWELS.sub("", translit_key(norm, articles))


def skeleton_rows(norms: Iterable[str], articles: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(skeleton, name) of each distinct name, sorted: the gazetteer's index of variant spellings."""
    return sorted({(skeleton(norm, articles), norm) for norm in norms})


class FuzzyNames:
    """Names of the places of the gazetteer's transliterated countries (the extract's
    ``transliterated_countries`` and ``transliterated_languages``), retrieved by skeleton (from the
    gazetteer's index, built with it) and scored by similarity."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.articles = gazetteer.definite_articles
        # (norm, min_similarity) -> what lookup found: a name recurs across articles, its query need not
        self._found: dict[tuple[str, float], tuple[tuple[str, float], ...]] = {}

    def lookup(self, norm: str, *, min_similarity: float = 0.8) -> list[tuple[str, float]]:
        """Gazetteer names that ``norm`` may be a variant spelling of, best first, with a similarity in [0, 1]."""
        found = self._found.get((norm, min_similarity))
        if found is None:
            if len(self._found) > 100_000:
                self._found.clear()
            found = self._found[(norm, min_similarity)] = tuple(self._lookup(norm, min_similarity))
        return list(found)

    def _lookup(self, norm: str, min_similarity: float) -> list[tuple[str, float]]:
        from rapidfuzz import fuzz

        key = translit_key(norm, self.articles)
        found = []
        for name in self.gazetteer.names_with_skeleton(skeleton(norm, self.articles)):
            score = fuzz.ratio(key, translit_key(name, self.articles)) / 100
            if score >= min_similarity:
                found.append((name, round(score, 3)))
        return sorted(found, key=lambda x: (-x[1], x[0]))
