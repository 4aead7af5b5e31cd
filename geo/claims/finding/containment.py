"""Containment: "Izium in Kharkiv province", "Valuyki, a town in Russia's Belgorod region", "Riga,
Latvia", "CARTHAGE, N.C.", "Matias Romero, Oaxaca State, Mexico", "Maiduguri Borno State", "the Puno
region of Peru", "a city of the state of Guerrero", "Foua and Kfraya in Idlib", "A, B and C, all in
Y", "the governor of Russia's Belgorod region", "Kherson, the capital of the Kherson region", "the Dutch
province of Limburg", "six Iowa locations, including Allamakee County and Dallas County".

>>> from geo.document import Mention
>>> from geo.claims.finding.reader import Reader
>>> from geo.gazetteer import Gazetteer
>>> text = "Izium in Kharkiv province."
>>> r = Reader(text, [Mention("a", 0, 5, "Izium", 707292), Mention("a", 9, 25, "Kharkiv province", 706482)], {},
...            [(0, len(text))], Gazetteer.open())
>>> [(f.type, f.stated.to_dict(), text[f.start:f.end]) for f in find(r, [])]
[('containment', {'region': 'Kharkiv province'}, 'Izium in Kharkiv province')]
"""
from __future__ import annotations

import re

from geo.claims.finding.reader import DEFINITE_REACH, IMPLIED, Finding, Reader
from geo.claims.finding.words import DIRECTION_ADJECTIVE
from geo.claims.records import ContainmentStated
from geo.document import Mention

_I = re.IGNORECASE
# A side of a region: "central", "southern", "far north-eastern".
_SIDE = r"(?:(?-i:central)|(?:far\s+)?(?:north|south)?(?:east|west)?ern)"
# "in", or an area word and "in"/"of" ("the Izyum area in", "the Balaklia and Izyum districts of"),
# "located in", "all in", "a city of the state of".
_IN = re.compile(r"(?:(?<=\s)|(?<=,))(?:(?:all|both|located|situated|based)\s+)?"
                 r"(?:in|within|(?:area|areas|district|districts|region|regions|province|provinces|county|state)\s+(?:in|of)"
                 r"|(?:is\s+)?a\s+(?:city|town|village)\s+(?:of|in)\s+the\s+(?:state|province|region|department|prefecture)\s+of"
                 r"|(?:the\s+|(?<=,\s))(?:regional\s+|provincial\s+|state\s+|administrative\s+)?(?:capital|seat)\s+of)\s+(?:the\s+)?"   # "X, the capital of Y"
                                                                     # (or "X, capital of Y": not "X, the cultural capital of Y")
                 r"(?:(?:" + _SIDE + r"\s+)?"   # "in the southern state of"
                 r"(?:state|province|region|county|department|prefecture|governorate|oblast|district|division|territory)\s+(?:of\s+)?)?"
                 r"(?:neighbou?ring\s+(?=(?-i:[A-Z])))?"   # "Los Mochis, a city in neighbouring Sonora"
                 r"(?P<dir>" + _SIDE + r"\s+(?=(?-i:[A-Z])))?", _I)  # "in the eastern Donetsk region",
                                                                                         # "the capital of central Henan province"
_POSSESSIVE = re.compile(r"^['’]s\s+(?:the\s+)?")
_DIRECTION_LEAD = re.compile(rf"{DIRECTION_ADJECTIVE}\s+(?=(?-i:[A-Z]))", _I)
_OF_HOLDER = re.compile(r"\s+of\s+(?:the\s+)?")
_DEMONYM_KIND_OF = re.compile(r"(?P<demonym>(?-i:[A-Z][\w’'-]+))\s+(?P<kind>region|province|oblast|state|republic|district|"
                              r"county|governorate)\s+of\s+(?:the\s+)?", _I)
_LIST_AFTER = re.compile(r"^\s*(?:,|\band\b|\bor\b|/)\s*", _I)
#: Words that, right before "in", show the place before them is not what "in" is said of.
_NOT_A_SUBJECT = re.compile(r"(?:\bfrom|\bto|\bbetween|\bvia)\s+$", _I)


def find(reader: Reader, found: list[Finding]):
    yield from _in(reader)
    yield from _division_of(reader)
    yield from _commas(reader)
    yield from _possessives(reader)
    yield from _demonym_kind_of(reader)
    yield from _region_kind_of(reader)
    yield from _including(reader)
    yield from _capital_appositive(reader)


#: "the Dutch province of Limburg", "the Indian state of Jammu and Kashmir", "the Indonesian island of Java".
_DEMONYM_KIND = re.compile(r"\bthe\s+(?P<demonym>(?-i:[A-Z][\w’'-]+))\s+(?P<kind>country|nation|state|province|region|"
                           r"island|city|town|village|district|county|republic|territory|port|capital)\s+of\s+(?=(?-i:[A-Z]))", _I)
#: "six Iowa locations, including", "30 US states, including", "Ohio counties such as": the holder's parts listed.
_PARTS_INCLUDING = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:states|provinces|regions|counties|districts|cities|towns|villages|"
                              r"communities|locations|areas|sites)\s*,?\s+(?:including|such\s+as|like)\s+", _I)


_DIVISION_KINDS = {"state", "province", "region", "district", "county", "republic", "territory"}


def _demonym_kind_of(reader: Reader):
    """"the Dutch province of Limburg": the place named after "of" lies in the demonym's country."""
    for match in _DEMONYM_KIND.finditer(reader.text):
        country = reader.demonym_country(match.group("demonym"))
        subject = reader.anchor_at(match.end())
        if country is None or subject is None or not subject.resolved or reader.is_country(subject) \
                or reader.place(subject).geonameid == country.geonameid:
            continue
        if match.group("kind").lower() in _DIVISION_KINDS and (
                re.search(r"\b(?:in|of|from|to)\s+$", reader.text[max(0, match.start() - 6):match.start()], _I)
                or not reader.is_area(subject)):
            # "in the Russian region of Rostov": the region a container of what comes before (see _in);
            # but "across the river from the Russian town of Ivangorod" says where Ivangorod is
            continue
        anchor = reader.implied(match.start("demonym"), match.end("demonym"), country,
                                f"'{match.group('demonym')}' names {country.name}")
        yield Finding("containment", match.start(), subject.end, [subject], [anchor],
                      ContainmentStated((("country" if country.is_country else "region", match.group("demonym")),)),
                      wording="demonym")


#: After a region's name: "(region) town of", "city of" ("the Hunan city of Yueyang", "the Donetsk region town of Pokrovsk").
_KIND_OF_AFTER = re.compile(r"(?:\s+(?:region|province|oblast|state))?\s+(?:city|town|village|port|settlement|district|county)"
                            r"\s+of\s+(?=(?-i:[A-Z]))", _I)


def _region_kind_of(reader: Reader):
    """"the Hunan city of Yueyang", "the Donetsk region town of Pokrovsk": the place lies in the region
    whose name stands before its kind."""
    text = reader.text
    for owner in reader.mentions:
        if not reader.is_area(owner) or reader.is_country(owner) or not re.search(r"\bthe\s+$", text[max(0, owner.start - 5):owner.start], _I):
            continue
        match = _KIND_OF_AFTER.match(text, owner.end, owner.end + 30)
        subject = reader.anchor_at(match.end()) if match else None
        if subject is None or not subject.resolved or reader.is_area(subject):
            continue
        yield Finding("containment", owner.start - 4, subject.end, [subject], [owner], _containers(reader, [owner]),
                      wording="kind_of")


def _including(reader: Reader):
    """"six Iowa locations, including Allamakee County, Dallas County and Plymouth County": each listed
    place lies in the holder named before the plural noun."""
    text = reader.text
    for holder in reader.mentions:
        match = _PARTS_INCLUDING.match(text, holder.end, holder.end + 60)
        if match is None or not reader.is_area(holder):
            continue
        first = reader.anchor_at(match.end())
        if first is None:
            continue
        parts = [m for m in reader.list_after(first) if m.resolved and m.geonameid != holder.geonameid
                 and not (reader.is_country(m) and reader.is_country(holder))]
        if not parts:
            continue
        yield Finding("containment", holder.start, parts[-1].end, parts, [holder], _containers(reader, [holder]),
                      wording="including")


def _anchor_chain(reader: Reader, pos: int) -> list[Mention]:
    """The area mention at ``pos``, and the country before it in "Russia's Belgorod region"."""
    first = reader.anchor_at(pos)
    implied = None
    if first is None:
        # "in the Russian region of Rostov": a demonym names the country, "region of" the division
        lead = _DEMONYM_KIND_OF.match(reader.text, pos, pos + 60)
        named = reader.anchor_at(lead.end()) if lead else None
        country = reader.demonym_country(lead.group("demonym")) if lead else None
        if named is None or country is None:
            return []
        first = named if reader.is_area(named) else reader.division_named(named, lead.group("kind"))
        if first is None:
            return []
        implied = reader.implied(lead.start("demonym"), lead.end("demonym"), country, f"'{lead.group('demonym')}' names {country.name}")
        return [first, implied] if not reader.is_country(first) else [first]
    if not reader.is_area(first):
        return []
    possessive = _POSSESSIVE.match(reader.text[first.end:first.end + 12])
    if possessive and reader.is_area(first):
        # "Russia's Belgorod region", "Ukraine's eastern Donetsk region"
        direction = _DIRECTION_LEAD.match(reader.text, first.end + possessive.end())
        second = reader.anchor_at(direction.end() if direction else first.end + possessive.end())
        if second is not None and reader.is_area(second) and not reader.is_country(second):
            return [second, first]
    of = _OF_HOLDER.match(reader.text, first.end, first.end + 12)
    if of and not reader.is_country(first):
        second = reader.anchor_at(of.end())                     # "in the Kursk region of Russia"
        if second is not None and _larger(reader, second, first):
            return [first, second]
    comma = re.match(r"\s*,\s*", reader.text[first.end:first.end + 4])
    if comma and not reader.is_country(first):
        second = reader.anchor_at(first.end + comma.end())      # "in Scott County, Indiana"
        if second is not None and reader.is_area(second) and not _LIST_AFTER.match(reader.text[second.end:second.end + 6]):
            return [first, second]
    return [first]


def _in(reader: Reader):
    text = reader.text
    for match in _IN.finditer(text):
        pos = match.end()
        if match.group("dir") and reader.mention_at(pos) is None and reader.mention_at(match.start("dir")) is not None:
            pos = match.start("dir")                              # "in Western Cape province": the direction is the name's
        if reader.mention_at(pos) is None and not "A" <= text[pos:pos + 1] <= "Z":
            continue                                              # no anchor starts there (see _anchor_chain)
        if reader.covering(match.start() + 1) is not None:
            continue                                              # " region of" inside "Kursk region of": a name's end
        anchors = _anchor_chain(reader, pos)
        if not anchors:
            continue
        subject = reader.appositive_subject(match.start(), long=True)
        if subject is None or reader.is_country(subject) or not reader.is_named_place(subject) \
                or subject.geonameid == anchors[0].geonameid:
            continue
        if not subject.resolved and not any(reader.called_settlement(s) for s in reader.list_before(subject)):
            continue                                              # an unknown name is a place only where the text says so
        if re.search(r"\b(?:in|at|to)\s+(?:the\s+)?$", text[max(0, subject.start - 8):subject.start], _I) \
                and text[subject.end:match.start()].strip() == "," and reader.is_area(subject):
            continue                                              # "in Michigan, in Utah's Zion park": a list of places
        before = reader.mention_before(match.start(), limit=160)
        # "Orlando, Florida in Seminole County": "in" may attach to either; the place is read, not linked
        inferred = (f"'in {anchors[0].text}' taken to be said of {subject.text}"
                    if before is not None and before is not subject and reader.is_area(before) else None)
        subjects = [s for s in _like_items(reader, reader.list_before(subject)) if not reader.is_country(s) and reader.is_named_place(s)]
        stated = _containers(reader, anchors)
        if re.search(r"\b(?:capital|seat)\b", match.group(), _I) and len(anchors) == 1:
            stated = ContainmentStated(stated.containers, capital=True)    # "X, the capital of Y"
        yield Finding("containment", subjects[0].start, anchors[-1].end if len(anchors) > 1 and anchors[-1].start > anchors[0].start
                      else anchors[0].end, subjects, anchors, stated, wording="in", inferred=inferred)


def _like_items(reader: Reader, listed: list[Mention]) -> list[Mention]:
    """The items of a list that end it and are of its last item's sort (settlements or areas): "Pereira,
    in the department of Risaralda, and Manizales, the capital of Caldas" lists no department with the
    city (the department closes the clause before)."""
    area = reader.is_area(listed[-1])
    start = len(listed)
    while start > 0 and reader.is_area(listed[start - 1]) == area:
        start -= 1
    return listed[start:]


_DIVISION_NOUN = r"(?:region|province|state|oblast|district|county|governorate|department|prefecture|raion|municipality)"
_DIVISION_OF = re.compile(rf"(?:\s+{_DIVISION_NOUN})?\s+of\s+(?:the\s+)?", _I)


def _division_of(reader: Reader):
    """"the Puno region of Peru", "the Izium district of the Kharkiv region": a division, then what holds it."""
    text = reader.text
    for subject in reader.mentions:
        if " of " not in text[subject.end:subject.end + 20] or not reader.is_area(subject) or reader.is_country(subject):
            continue
        match = _DIVISION_OF.match(text, subject.end, subject.end + 30)
        if match is None or not (re.search(rf"{_DIVISION_NOUN}$", subject.text, _I) or match.group().strip().lower() != "of"):
            continue
        anchors = _anchor_chain(reader, match.end())
        if not anchors or anchors[0].geonameid == subject.geonameid or not _larger(reader, anchors[0], subject):
            continue
        stated = _containers(reader, anchors)
        yield Finding("containment", subject.start, anchors[0].end, [subject], anchors[:1], stated, wording="of")


def _commas(reader: Reader):
    """"Riga, Latvia", "ZALIZNYCHNE, Ukraine", "Maiduguri Borno State": a place, then its region or country."""
    text = reader.text
    for subject in reader.mentions:
        after = re.match(r"\s*,\s*|[ \t]+(?=\S+(?:\s+\S+)?\s+(?:State|Province|County|Governorate|Region)\b)",
                         text[subject.end:subject.end + 40])
        if after is None or not subject.resolved or reader.is_country(subject) or not reader.can_be_subject(subject):
            continue
        anchor = reader.anchor_at(subject.end + after.end())
        if anchor is None or not reader.is_area(anchor) or reader.is_area(subject) and not _larger(reader, anchor, subject):
            continue                                              # a region is said to be in a larger region only
        if text[anchor.end:anchor.end + 2] in ("'s", "’s"):
            continue                                              # "of Avdiivka, Ukraine's military said": a new phrase
        more = _LIST_AFTER.match(text[anchor.end:anchor.end + 6])
        listed = reader.mention_at(anchor.end + more.end()) if more else None
        if listed is not None and reader.is_area(listed) and not _is_chain(reader, anchor, more):
            continue                                              # "Kharkiv, Donetsk and Luhansk": a list of regions
        prev = reader.mention_before(subject.start, limit=4)
        if prev is not None and re.match(r"^\s*,\s*$", text[prev.end:subject.start]) and not reader.is_settlement(subject):
            continue                                              # the subject ends a list itself
        subjects = [s for s in reader.list_before(subject) if s is subject or ("/" in text[s.end:subject.start]
                    or re.fullmatch(r"\s+and\s+", text[s.end:subject.start])) and reader.is_settlement(s) == reader.is_settlement(subject)]
        yield Finding("containment", subjects[0].start, anchor.end, subjects, [anchor], _containers(reader, [anchor]),
                      wording="comma")


def _is_chain(reader: Reader, anchor: Mention, sep: re.Match) -> bool:
    """"Oaxaca State, Mexico": the next item holds the anchor, so this is a chain, not a list."""
    nxt = reader.mention_at(anchor.end + sep.end())
    return nxt is not None and sep.group().strip() == "," and _larger(reader, nxt, anchor)


def _larger(reader: Reader, outer: Mention, inner: Mention) -> bool:
    """Whether ``outer`` is a country holding the area ``inner``, or a first-level division holding a lower one."""
    o, i = reader.place(outer), reader.place(inner)
    if o is None or i is None or o.geonameid == i.geonameid:
        return False
    if o.is_country:
        return not i.is_country
    return o.feature_code == "ADM1" and i.feature_code in ("ADM2", "ADM3", "ADM4", "ADMD")


_DIVISION_WORD = r"(?:region|province|oblast|state|governorate|district|county|republic|prefecture)"
#: A division's kind after its name ("Belgorod region", "Kursk and Bryansk regions"), or ending it.
_DIVISION_AFTER = re.compile(rf"\s+{_DIVISION_WORD}s?\b", _I)
_DIVISION_ENDS = re.compile(rf"{_DIVISION_WORD}s?$", _I)


def _possessives(reader: Reader):
    """"Russia's Belgorod region", "China's Guangdong province", "the Kharkiv region's Kupiansk district": a
    division and what holds it, said on their own."""
    text = reader.text
    for owner in reader.mentions:
        if text[owner.end:owner.end + 1] not in ("'", "’") or not reader.is_area(owner):
            continue
        possessive = _POSSESSIVE.match(text[owner.end:owner.end + 8])
        if not possessive:
            continue
        region = reader.anchor_at(owner.end + possessive.end())
        if region is None:
            continue
        # "Russia's Kursk and Bryansk regions": every division listed before the kind word
        listed = reader.list_after(region)
        last = listed[-1]
        if not _DIVISION_AFTER.match(text, last.end) and not _DIVISION_ENDS.search(last.text):
            continue
        for item in listed:
            if reader.is_area(item) and not reader.is_country(item) and _larger(reader, owner, item):
                yield Finding("containment", owner.start, item.end, [item], [owner], _containers(reader, [owner]),
                              wording="possessive")


#: ", the provincial capital", ", the Bahraini capital", ", the state capital," after a place: no
#: holder named after it ("the capital of Y" is _IN's; "the state capital Lucknow" names the capital).
#: The kinds of division a capital is said to be of: "the provincial capital", "the island's capital".
_CAPITAL_KIND = (r"(?P<kind>provincial|state|territory|territorial|regional|oblast|prefectural|departmental|county|district|"
                 r"(?:island|region|province|state)['’]s)")
_CAPITAL_APPOSITIVE = re.compile(r",\s+(?:the|its)\s+(?:" + _CAPITAL_KIND + r"|(?P<country>(?:country|nation)['’]s)"
                                 r"|(?P<demonym>(?-i:[A-Z][\w’'-]+)))\s+(?:capital|seat)\b"
                                 r"(?!\s+(?:of|city)\b|\s*,?\s*(?-i:[A-Z]))", _I)


#: The same before the place: "the state capital, Chilpancingo", "the capital, Abu Dhabi", "the
#: country's capital, Lomé" (not "the former capital, Yangon", "the commercial capital, Lagos").
_CAPITAL_BEFORE = re.compile(r"\b(?:the|its)\s+(?:" + _CAPITAL_KIND + r"\s+|(?P<country>(?:country|nation)['’]s\s+)"
                             r"|(?P<demonym>(?-i:[A-Z][\w’'-]+))\s+)?capital\s*,\s*$", _I)


def _capital_appositive(reader: Reader):
    """"Quetta, the provincial capital", "Manama, the Bahraini capital", "the state capital, Chilpancingo":
    the place is the capital of the division named last before it (a reading where the article names
    several), or of the demonym's country; "the capital, Abu Dhabi", of the country it lies in."""
    text = reader.text
    for subject in reader.mentions:
        if not subject.resolved or reader.is_area(subject):
            continue
        match = _CAPITAL_APPOSITIVE.match(text, subject.end, subject.end + 40) if text.startswith(",", subject.end) else None
        before = _CAPITAL_BEFORE.search(text, max(0, subject.start - 40), subject.start) \
            if match is None and "," in text[max(0, subject.start - 3): subject.start] else None
        said_of_country = match is None and before is not None and not before.group("kind") and not before.group("demonym")
        if said_of_country or match is not None and match.group("country"):
            # "the capital, Abu Dhabi", "Lomé, the country's capital": of the country the place lies in
            country = reader.gazetteer.country(reader.place(subject).country_code) if reader.gazetteer is not None else None
            if country is None:
                continue
            cue = before if said_of_country else match
            anchor = reader.implied(cue.start(), cue.end(), country, f"'{cue.group().strip(' ,')}' taken to be "
                                                                       f"{country.name}'s, where it lies")
            start, end = (cue.start(), subject.end) if said_of_country else (subject.start, cue.end())
            yield Finding("containment", start, end, [subject], [anchor],
                          ContainmentStated((("country", country.name),), capital=True), wording="capital")
            continue
        match = match or before
        if match is None:
            continue
        if match.group("demonym"):
            country = reader.demonym_country(match.group("demonym"))
            if country is None or not country.is_country:
                continue
            anchor = reader.implied(match.start("demonym"), match.end("demonym"), country,
                                    f"'{match.group('demonym')}' names {country.name}")
            stated = ContainmentStated((("country", match.group("demonym")),), capital=True)
        else:
            regions = [m for m in reader.inside(max(0, subject.start - DEFINITE_REACH), subject.start)
                       if m.method not in IMPLIED and (p := reader.place(m)) is not None and p.feature_code == "ADM1"]
            said = match.group().strip(" ,")
            any_seat = False
            if regions:
                # (one division named before: "the state" can be no other; of several, the last is a reading)
                # (a reading too where the place lies outside it: "the region's capital" may be the place's own region's)
                region = reader.place(regions[-1])
                anchor = reader.implied(match.start("kind"), match.end(), region,
                                        f"'{said}' taken to be of {regions[-1].text}, named before",
                                        inferred=len({m.geonameid for m in regions}) > 1 or reader.place(subject).lies_in(region) is False)
            else:
                # none named: the division the place lies in ("Guantanamo, the provincial capital")
                place = reader.place(subject)
                own = reader.gazetteer.admin_division(f"{place.country_code}.{place.admin1_code}") \
                    if reader.gazetteer is not None and place.admin1_code else None
                if own is None:
                    continue
                anchor = reader.implied(match.start("kind"), match.end(), own, f"'{said}' taken to be of {own.name}, where it lies")
                # (a state is a first level everywhere; a province, region or county may be a second: any seat will do)
                any_seat = match.group("kind").lower() not in ("state", "territory", "territorial")
            stated = ContainmentStated((("region", said),), capital=True, any_seat=any_seat)
        start, end = (match.start(), subject.end) if match is before else (subject.start, match.end())
        yield Finding("containment", start, end, [subject], [anchor], stated, wording="capital")


def _containers(reader: Reader, anchors: list[Mention]) -> ContainmentStated:
    """The containers the anchors name: each a region or a country, by its words."""
    return ContainmentStated(tuple(("country" if reader.is_country(a) else "region", a.text) for a in anchors))
