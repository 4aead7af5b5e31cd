"""Nearness: "Bucha, near Kyiv", "Saldowo, near to Bieżuń", "camps near Goz Beida" (no named subject: unverifiable), "nearby
Knoxville" (near the place the article is about), "close to Y", "not far from Y".

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> text = "Bucha, near Kyiv."
>>> r = Reader(text, [Mention("a", 0, 5, "Bucha", 711350), Mention("a", 12, 16, "Kyiv", 703448)], {}, [(0, len(text))])
>>> [(f.type, text[f.start:f.end]) for f in find(r, [])]
[('near', 'Bucha, near Kyiv')]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import Finding, Reader
from geo.claims.finding.words import Gate
from geo.claims.records import RelationStated

# "near", or "Near" glued to the word before it ("BuchaNear Kyiv", a lost space); "close to", "not far from".
_NEAR = re.compile(r"(?:(?<![\w’'])(?:near(?:\s+to)?|close\s+to|not\s+far\s+from|in\s+the\s+vicinity\s+of)|(?-i:(?<=[a-z])Near))\s+"
                   r"(?!the\s+(?:\w+\s+)?(?:border|frontier|front|frontline|coast)s?\b)", re.I)
_NEARBY = re.compile(r"(?<![\w’'])nearby\s+", re.I)
_BORDER_AFTER = re.compile(r"^(?:['’]s)?(?:,\s*[A-Z][\w.]*\.?,?)?\s+(?:border|frontier|state\s+line)\b", re.I)
#: "Bucha, near Kyiv" and "Bucha, just near": words that may stand between the subject and "near".
_LEAD = re.compile(r"(?:\s*,?\s*(?:which\s+is\s+|is\s+|lies\s+|located\s+|situated\s+)?(?:just|very|right|somewhere)\s*)$", re.I)
#: The words every match of _NEAR and _NEARBY holds (see Reader.scan).
_NEAR_GATE = Gate(("near", "close", "far", "vicinity"))


def find(reader: Reader, found: list[Finding]):
    text = reader.text
    for match in reader.scan(_NEAR, _NEAR_GATE, 20, 80):
        anchor = reader.anchor_after(match.end())
        if anchor is None or _BORDER_AFTER.match(text[anchor.end:anchor.end + 20]):
            continue                                              # "near the Indiana border" is a border claim
        lead = _LEAD.search(text, max(0, match.start() - 30), match.start())
        cue = lead.start() if lead else match.start()
        subjects, vague, inferred = reader.subject_or_vague(cue, {anchor.geonameid})
        if subjects and reader.is_country(subjects[0]):
            continue
        if not subjects:
            vague = vague or "the subject is not a named place"
        yield Finding("near", reader.quote_start(subjects, cue, inferred), anchor.end, subjects, [anchor], RelationStated("near"),
                      vague, "near", inferred)
    for match in reader.scan(_NEARBY, _NEAR_GATE, 5, 20):
        anchor = reader.anchor_at(match.end())
        if anchor is None:
            continue
        subject = reader.dateline if reader.dateline is not None and reader.dateline.geonameid != anchor.geonameid else None
        inferred = f"near the dateline's {subject.text}" if subject is not None else None
        yield Finding("near", match.start(), anchor.end, [subject] if subject else [], [anchor], RelationStated("nearby"),
                      None if subject else "the place it is near is not named", "nearby", inferred)
