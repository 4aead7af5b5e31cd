"""Other readings of a claim's subject: a modifier after a comma that follows a verb's or a
preposition's object may be the sentence's own subject's ("The town sits on a highway linking Donetsk
with Dnipro, roughly 70 km north-west of Donetsk"), or a described thing's ("The epicenter was 40 km
from the city of Herat, the provincial capital, near the border"). The judge takes the first reading
only where it holds, and lets the second keep a claim from being called inconsistent."""
from __future__ import annotations

from geo.claims.finding.grammar import (COMMA_AFTER, HEAD_LEAD, OBJECT_BEFORE, OPENING_DESCRIPTION, OPENING_REACH,
                                        OPENING_THING, READ_OTHERWISE)
from geo.claims.finding.reader import IMPLIED, Finding, Reader
from geo.document import Mention


def _object_before_comma(reader: Reader, finding: Finding) -> Mention | None:
    """The finding's one named subject when a comma follows it and it is a verb's or a preposition's
    object ("linking Donetsk with Dnipro, 70 km ..."): the modifier may be another's. Else None."""
    if len(finding.subjects) != 1 or finding.type not in READ_OTHERWISE:
        return None
    subject = finding.subjects[0]
    if subject.method in IMPLIED or not COMMA_AFTER.match(reader.text, subject.end) \
            or not OBJECT_BEFORE.search(reader.text, max(0, subject.start - 30), subject.start):
        return None
    return subject

def attachment_doubt(reader: Reader, finding: Finding) -> str | None:
    """Why the modifier after the subject's comma may be said of the sentence's own subject, a thing
    described rather than a place ("The epicenter was 40 km north-west of the city of Herat, the
    provincial capital, near the border with Iran"): the subject is a verb's or a preposition's
    object and the sentence opens with a description. Else None."""
    subject = _object_before_comma(reader, finding)
    if subject is None or finding.other_subjects:
        return None
    sent_start, _ = reader.sentence(subject.start)
    opening = OPENING_THING.match(reader.text, sent_start)
    if opening is None or opening.end() > subject.start:
        return None
    return f"it may be said of '{opening.group().strip()}', the sentence's subject, rather than of {subject.text}"

#: Findings whose anchor is a preposition's object a modifier after it may only seem to attach to.
_MEASURED_FROM = frozenset({"distance_direction", "direction", "near"})
#: The claims a modifier after such an anchor may make of either place: "Panevezys, about 135 km south
#: of Riga, in Lithuania" says Panevezys is in Lithuania (Riga is not).
_SAID_OF_EITHER = READ_OTHERWISE | {"containment"}


def measured_from(finding: Finding, found: list[Finding]) -> list[Mention]:
    """The subject of the distance or direction whose anchor the finding's one subject is, when the
    finding's cue follows that anchor: "Malakal, about 520 km north of Juba on the White Nile" may say
    Malakal is on the river as well as Juba; "Panevezys, about 135 km south of Riga, in Lithuania", that
    Panevezys is in Lithuania. Else []."""
    if len(finding.subjects) != 1 or finding.type not in _SAID_OF_EITHER or finding.subjects[0].method in IMPLIED:
        return []
    subject = finding.subjects[0]
    for other in found:
        if other is finding or other.type not in _MEASURED_FROM or other.end != subject.end or len(other.subjects) != 1:
            continue
        if any(a.start == subject.start and a.geonameid == subject.geonameid for a in other.anchors) \
                and other.subjects[0].geonameid != subject.geonameid and other.subjects[0].method not in IMPLIED:
            return [other.subjects[0]]
    return []


def other_subjects(reader: Reader, finding: Finding) -> list[Mention]:
    """The sentence's opening place (named, or described: "The town"), when the finding's subject
    is another place the comma after it may only seem to join the modifier to."""
    subject = _object_before_comma(reader, finding)
    if subject is None:
        return []   # (a place opening its own clause, "...; Lviv, near the capital", is that clause's subject)
    sent_start, _ = reader.sentence(subject.start)
    if ";" in reader.text[sent_start:subject.start]:
        return []
    opening = [m for m in reader.inside(sent_start, subject.start) if m.start - sent_start <= OPENING_REACH
               and m is not reader.dateline and not m.text.isupper()]   # (a dateline's place is where the reporter is)
    anchors = {a.geonameid for a in finding.anchors}
    if opening and HEAD_LEAD.fullmatch(reader.text[sent_start:opening[0].start]):
        head = opening[0]
        if head is not subject and head.resolved and head.geonameid not in anchors | {subject.geonameid} \
                and reader.can_be_subject(head):
            return [head]
        return []
    the = OPENING_DESCRIPTION.match(reader.text, sent_start)
    if the is None:
        return []
    described, _ = reader.definite_subject(the.end(), anchors)
    return [described] if described is not None and described.geonameid != subject.geonameid else []
