"""A place's other name given beside it: "Myrnohrad, a town that was called Dymytrov until 2016",
"Toretsk, a mining town once called Dzerzhynsk", "Dnipro, ... called Dnipropetrovsk until 2016".

The name after "called", "known as", "formerly", "spelt" is the same place as one named just before it in its
sentence, where the gazetteer lists one place under both names: that place, whatever the second name
alone would say (Dnipropetrovsk alone is the oblast; beside Dnipro, the city that was so called).
"""
from __future__ import annotations

import re

from geo.document import Span
from geo.resolution.context import Detection
from geo.resolution.policy import POLICY
from geo.resolution.senses import _Senses

#: The words that give a place's other name: "was called", "once called", "known as", "formerly",
#: "renamed from", "previously named", "also spelt".
_OTHER_NAME_BEFORE = re.compile(r"\b(?:called|named|known\s+as|renamed\s+from|formerly|previously|once|spelt|spelled)\s+$", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s")


def other_names(text: str, spans: list[Span], senses: list[_Senses]) -> dict[int, tuple[int, int]]:
    """Span index -> (the index of the span named before it, the geonameid both names list), for each
    span that gives another name of a place named before it in its sentence (within
    Policy.other_name_chars)."""
    found: dict[int, tuple[int, int]] = {}
    for i, span in enumerate(spans):
        if not _OTHER_NAME_BEFORE.search(text, max(0, span.start - 30), span.start):
            continue
        ids = {c.place.geonameid for c in senses[i].cands}
        for j in range(i - 1, -1, -1):
            before = spans[j]
            if span.start - before.end > POLICY.other_name_chars or _SENTENCE_END.search(text, before.end, span.start):
                break
            shared = next((c.place.geonameid for c in senses[j].cands if c.place.geonameid in ids), None)
            if shared is not None:
                found[i] = (j, shared)
                break
    return found


def keep_other_names(decisions: list[Detection], pairs: dict[int, tuple[int, int]]) -> list[Detection]:
    """The decisions with each other name kept as a place (the wording says one is meant), as sure as
    the name it stands beside."""
    out = list(decisions)
    for i, (j, _) in pairs.items():
        if not out[i].ok and out[j].ok:
            out[i] = Detection(True, out[j].confidence, prior=out[j].prior)
    return out
