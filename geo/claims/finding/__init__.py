"""Finding claims: one module per family of wordings, each a ``find(reader, found)`` that yields
:class:`Finding` records, registered in :data:`FINDERS` in the order they run (a later finder may
look at what earlier ones found: "37 miles east of" is a distance, so not also a direction).

    reader.py       the article's mentions by position, and the links between a cue and its places
    subject_reading.py  how a cue finds the place it is said of: appositives, clauses, descriptions
    words.py        compass words, qualifiers, numbers and place nouns wordings are made of; gates
    demonyms.py     the country a demonym names ("the Kyrgyz capital"), known to the gazetteer or not
    distance.py     "37 miles east of Kharkiv", "20-30 km from", "an hour's drive"
    direction.py    "north of Cairo", "farther north"
    position.py     "the southern city of X", "X in northern Y", "in the east of France"
    near.py         "near", "nearby", "close to"
    proximity.py    "on the outskirts of", "outside", "suburb"
    containment.py  "X in Y", "X, Y", "Russia's Belgorod region"
    border.py       "near the border with Y", "the Turkish border", "4 km from the border"
    adjacency.py    "neighbouring Y", "Y's western neighbour", "states that border Mexico"
    population.py   "a town of about 27,000 people", "home to 1.4 million", "second-largest city"
    conversion.py   "40 km (25 miles)"
    water.py        "on the Oskil River", "on the Black Sea coast", "the west bank of the Dnipro"

>>> from geo.document import Mention
>>> text = "Bucha, near Kyiv."
>>> found = find_claims(text, [Mention("a", 0, 5, "Bucha", 711350), Mention("a", 12, 16, "Kyiv", 703448)], {})
>>> [(f.type, text[f.start:f.end]) for f in found]
[('near', 'Bucha, near Kyiv')]
"""
from __future__ import annotations

from geo.claims.finding import (adjacency, border, containment, conversion, direction, distance, near, population,
                                position, proximity, water)
from geo.claims.finding.reader import Finding, Reader
from geo.claims.finding.subjects import attachment_doubt, measured_from, other_subjects
from geo.document import Mention
from geo.gazetteer import Place

__all__ = ["FINDERS", "Finding", "Reader", "find_claims"]

#: Every family of wordings, in the order they run.
FINDERS = (distance.find, direction.find, position.find, near.find, proximity.find, containment.find, border.find,
           adjacency.find, population.find, conversion.find, water.find)


def find_claims(text: str, mentions: list[Mention], places: dict[int, Place],
                sentences: list[tuple[int, int]] | None = None, gazetteer=None) -> list[Finding]:
    """Every claim the text makes about its mentions, in text order.

    ``mentions``: the article's place mentions, resolved or not; ``places``: the gazetteer rows of
    the resolved ones (by geonameid); ``sentences``: the text's sentence spans (default: the whole
    text is one); ``gazetteer``: for demonyms ("the Turkish border") and a place's own country.
    """
    reader = Reader(text, mentions, dict(places), sentences or [(0, len(text))], gazetteer)
    found: list[Finding] = []
    for finder in FINDERS:
        found.extend(finder(reader, found))
    for f in found:
        named = frozenset(p.country_code for a in f.anchors if (p := reader.place(a)) is not None and p.is_country)
        read = [(m, reader.read_as_place(m, named)) for m in (*f.subjects, *f.anchors)]
        if any(new is not old for old, new in read):
            f.subjects, f.anchors = [new for _, new in read[:len(f.subjects)]], [new for _, new in read[len(f.subjects):]]
            f.inferred = f.inferred or next(new.reason for old, new in read if new is not old)
        f.said_settlement = len(f.subjects) == 1 and reader.called_settlement(f.subjects[0])
        f.other_subjects = measured_from(f, found)
        if f.other_subjects:
            f.other_role = "the distance's subject"
        else:
            f.other_subjects = other_subjects(reader, f)
        f.attachment = attachment_doubt(reader, f)
    return sorted(_distinct(found), key=lambda f: (f.start, f.end, f.type))


def _distinct(found: list[Finding]) -> list[Finding]:
    """One finding per type and quote; a division-in-country said on its own ("Russia's Belgorod region")
    only where no other containment claim already holds that pair."""
    seen: set[tuple[str, int, int]] = set()
    pairs = {(a.geonameid, b.geonameid) for f in found if f.type == "containment" and f.wording != "possessive"
             for a in f.anchors for b in f.anchors}
    out = []
    for f in found:
        key = (f.type, f.start, f.end)
        if key in seen:
            continue
        if f.wording == "possessive" and (f.subjects[0].geonameid, f.anchors[0].geonameid) in pairs:
            continue
        seen.add(key)
        out.append(f)
    return out
