"""Finding names the gazetteer knows under another spelling (:class:`VariantMatcher`): capitalized
words in a place context, matched through :mod:`geo.transliteration`."""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from geo.document import Span
from geo.matching.cues import NAME_PARTICLES, QUALIFIERS, context_cues
from geo.matching.names import NameMatcher
from geo.matching.words import _norm_word, word_frequency, words
from geo.transliteration import FuzzyNames

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

# Up to three capitalized words, with a name particle between two of them ("Maarat al-Numan").
_VARIANT_RUN = re.compile(r"[A-Z][^\W\d_]+(?:[ \-](?:(?:" + "|".join(sorted(NAME_PARTICLES)) + r")[ \-](?=[A-Z]))?"
                          r"[A-Z][^\W\d_]+){0,2}")
_CAPITALIZED_AFTER_FIRST = re.compile(r"[ \-][A-Z]")
RARE_WORD_ZIPF = 3.0
#: Endings that make a place's name its adjective ("Dagestan" -> "Dagestani", "Kosovo" -> "Kosovan").
_ADJECTIVE_ENDINGS = frozenset({"i", "ian", "an", "n", "ese", "ish", "ic", "iya"})
_UNSEEN = object()
_RARE_NORMS_KEPT = 100_000


#: In a run of two or more words with a rare one ("Zinda Jan"), the other words may be this common
#: ("Jan"), short of the plainest English ("the", "new", "city").
RUN_WORD_ZIPF = 5.0


def _rare_norm(run: str, heads: frozenset[str] = frozenset(), mixed: bool = True) -> str | None:
    """The normalized form of a run of capitalized words, or None if it holds a common word (a name
    particle, or a place name's generic head starting a run of two or more words, is none). In a run
    of two or more words that holds a rare word of four letters or more, a word is common only from
    RUN_WORD_ZIPF: "Zinda Jan" (Zindah Jān) is a name, "Jan" alone is no misspelt place (only where
    ``mixed``: a run that holds a known name, "Ukraine Zelensky", is held to the rare words)."""
    norm = _norm_word(run)
    parts = norm.split()
    limit = RARE_WORD_ZIPF
    if mixed and len(parts) > 1 and any(len(p) >= 4 and word_frequency(p) < RARE_WORD_ZIPF for p in parts if p not in NAME_PARTICLES):
        limit = RUN_WORD_ZIPF
    return None if any(word_frequency(part) >= limit for k, part in enumerate(parts)
                       if part not in NAME_PARTICLES and not (k == 0 and len(parts) > 1 and part in heads)) else norm


class VariantMatcher:
    """Finds capitalized words in a place context that the gazetteer knows under another spelling."""

    def __init__(self, gazetteer: Gazetteer, matcher: NameMatcher) -> None:
        self.gazetteer = gazetteer
        self.matcher = matcher
        self.fuzzy = FuzzyNames(gazetteer)   # (its index is the gazetteer's: nothing to build)
        # run -> _rare_norm(run, the gazetteer's name heads): by the run alone (no key holding the heads' set)
        self._rare_norms: dict[tuple[str, bool], str | None] = {}   # (run, mixed) -> _rare_norm

    def find(self, text: str, known: list[Span]) -> list[Span]:
        """Spans for unknown names in a place context: Kendrashevka -> kindrashivka (fuzzy)."""
        from rapidfuzz.distance import JaroWinkler

        starts = sorted((s.start, s.end) for s in known)
        exact = set(starts)   # (a run that is a known name: the usual case, told at once)
        ws = words(text)
        caps = ws.capitalized
        out = []
        positions = ws.positions()
        rare_norms = self._rare_norms
        for m in _VARIANT_RUN.finditer(text):
            i = positions.get(m.start())
            if i is None or m.span() in exact:
                continue
            run = m.group()
            # A run common as one without a known name inside ("mixed": the higher limit, if either)
            # is common with one too: most runs are ("The", "But Russia"), and are told so before the
            # known names inside them are looked for.
            loose = rare_norms.get((run, True), _UNSEEN)
            if loose is _UNSEEN:
                if len(rare_norms) > _RARE_NORMS_KEPT:
                    rare_norms.clear()
                loose = rare_norms[(run, True)] = _rare_norm(run, self.gazetteer.name_heads, True)
            if loose is None:
                continue  # English words and common names are not misspelt places
            k = bisect.bisect_left(starts, (m.start(), -1))
            inside = [(a, b) for a, b in starts[max(0, k - 1): k + 4] if a < m.end() and m.start() < b]
            if inside:
                norm = rare_norms.get((run, False), _UNSEEN)
                if norm is _UNSEEN:
                    norm = rare_norms[(run, False)] = _rare_norm(run, self.gazetteer.name_heads, False)
                if norm is None:
                    continue
            else:
                norm = loose
            if any(a < m.start() or b > m.end() or (a, b) == (m.start(), m.end()) for a, b in inside):
                continue  # a known name covers it (a longer run may still hold "Velyki [Komyshuvakha]")
            if inside and " " not in run:
                continue
            # the run's words are all capitalized, so they follow each other among the capitalized words
            j = i + len(_CAPITALIZED_AFTER_FIRST.findall(run))
            if j >= len(caps) or caps[j].end != m.end():
                continue
            nxt = ws.next_word(caps[j])
            follows_qualifier = nxt is not None and nxt.norm in QUALIFIERS
            if not (follows_qualifier or context_cues(ws, caps[i], caps[j], positive_only=True)):
                continue  # no place context: a capitalized word the gazetteer lacks is not guessed at
            cues = context_cues(ws, caps[i], caps[j], self.matcher.trie)
            span = Span(m.start(), m.end(), m.group(), norm, method="fuzzy", cues=cues)
            if follows_qualifier and text[m.end(): nxt.start] in (" ", "-"):
                # "Deir el-Zour province": the qualifier says which of the name's places is meant
                span.qualifier, span.end, span.text = QUALIFIERS[nxt.norm], nxt.end, text[m.start(): nxt.end]
            if "dateline" in cues:
                # A dateline names the place the article reports from, which it usually names
                # again: first the closest spelling among the article's own names.
                names = {s.norm for s in known if " " not in s.norm}
                scored = sorted(((JaroWinkler.similarity(norm, n), n) for n in names if n[:1] == norm[:1]), reverse=True)
                if scored and scored[0][0] >= 0.65:
                    span.norm, span.similarity, span.method = scored[0][1], round(scored[0][0], 3), "fuzzy_dateline"
                    out.append(span)
                    continue
            found = self.fuzzy.lookup(norm)
            if found and norm.startswith(found[0][0]) and norm[len(found[0][0]):] in _ADJECTIVE_ENDINGS:
                continue  # "Dagestani", "Uzbekistani": the name's adjective (a demonym, no mention), not a spelling of it
            if found:
                span.norm, span.similarity = found[0]
                span.variants = tuple(name for name, score in found[1:] if score >= found[0][1] - 0.05)
                out.append(span)
                continue
            span.norm, span.similarity = norm, 0.0
            out.append(span)  # reported as unresolved: a place context, but no name close enough
        return out
