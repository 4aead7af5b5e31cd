"""Readings of a ranking that the article's wording settles after scoring: a bare name beside the
same name written with a division's kind is the town (:func:`bare_names_are_towns`), a name settled
once by its wording is settled throughout (:func:`wording_settles_names`), and the names of one list are of one kind
(:func:`lists_agree`), a name without a qualifier means one place (:func:`one_sense_per_name`); before scoring, a list a plural "districts" qualifies names districts throughout or
none (:func:`plural_kinds_hold`)."""
from __future__ import annotations

from collections.abc import Callable

from geo.document import Span
from geo.gazetteer import Candidate, Place
from geo.matching import LIST_GAP
from geo.normalize import normalize_name
from geo.resolution.policy import POLICY
from geo.resolution.senses import DISTRICT_CODES, OWN_KINDS, _Senses, bears_name

Ranking = list[tuple[float, Candidate]]


def bare_names_are_towns(spans: list[Span], scored: list[Ranking]) -> list[Ranking]:
    """Where the article writes a division with its kind ("Herat province", "the Kherson region"), the
    bare name is the town of that name the division holds as its seat ("Herat, Afghanistan's
    third-largest city"): the article tells them apart by the kind word. But a town known by the name
    only as another name (Jolo, once Sulu) is no such town: after "Sulu province", "Sulu" is the province."""
    divisions = {span.norm: ranking[0][1].place for span, ranking in zip(spans, scored)
                 if span.qualifier in ("division", "district") and ranking}
    if not divisions:
        return scored
    out = list(scored)
    for i, (span, ranking) in enumerate(zip(spans, scored)):
        if span.qualifier is not None or span.norm not in divisions or not ranking:
            continue
        top = ranking[0][1].place
        if top.feature_class == "P" and not bears_name(ranking[0][1], short_forms=True):
            division = divisions[span.norm]
            if division.feature_class == "A" and not division.is_country and any(c.place.geonameid == division.geonameid for _, c in ranking[1:]):
                out[i] = best_first(ranking, division.geonameid)
            continue
        if top.feature_class != "A" or top.is_country:
            continue
        town = next((c.place for _, c in ranking if c.place.feature_class == "P" and c.kind in OWN_KINDS
                     and c.place.lies_in(top) and _seat_of(c.place, top)), None)   # (a town known so by its own name: not Oklahoma City)
        if town is not None:
            out[i] = best_first(ranking, town.geonameid)
    return out


def _seat_of(town: Place, division: Place) -> bool:
    """Whether the town is the seat of a division of the division's level or above: Herat of Herat
    province, not Okinawa City of Okinawa Prefecture, whose seat is Naha (bare "Okinawa" stays the prefecture)."""
    code = town.feature_code
    if division.feature_code == "ADM1":
        return code in ("PPLA", "PPLC")
    return code.startswith(("PPLA", "PPLC"))


def wording_settles_names(spans: list[Span], scored: list[Ranking], containers: dict[int, list[Place]]) -> list[Ranking]:
    """Where one mention of a name is settled by its wording, its bare mentions are that place too:
    a sea or ocean ("in the Atlantic" makes "the tropical Atlantic" and "Atlantic hurricane season"
    the ocean, not Atlantic, Iowa), and a dateline, the story's town ("BUENOS AIRES, Argentina
    (Reuters) - ... marched in Buenos Aires": the city, not the province that holds the story's La
    Plata); a wire service's dateline of a town alone ("GENEVA (Reuters) -") is the best-known town
    of the name (:func:`_best_known`: Genève, though the story names the United States and Geneva,
    Illinois). A mention with a container of its own keeps it ("Paris, France" in a story datelined
    "PARIS, Texas"), and so does a name whose best reading is a country ("DJIBOUTI, Djibouti"
    datelines a story in which "Djibouti" is the state). Rivers are left alone: "the Dnipro" and the city of Dnipro are told apart
    mention by mention."""
    settled: dict[str, int] = {}
    out = list(scored)
    for i, (span, ranking) in enumerate(zip(spans, scored)):
        if not ranking:
            continue
        if span.qualifier in ("riverside", "water") and ranking[0][1].place.kind == "water body":
            settled[span.norm] = ranking[0][1].place.geonameid
        elif "wire_dateline" in span.cues:
            major = _best_known(ranking)
            out[i] = best_first(ranking, major)
            settled[span.norm] = major
        elif "dateline" in span.cues and span.qualifier == "settlement":
            settled[span.norm] = ranking[0][1].place.geonameid
    if not settled:
        return out
    for i, (span, ranking) in enumerate(zip(spans, out)):
        gid = settled.get(span.norm)
        if span.qualifier is None and gid is not None and len(ranking) > 1 and span.start not in containers \
                and not ranking[0][1].place.is_country and any(c.place.geonameid == gid for _, c in ranking):
            # (a country's name stays the country's: "DJIBOUTI, Djibouti (Reuters) - ... trade through
            # Djibouti" is the state; the capital's dateline settles no more than its own span)
            out[i] = best_first(ranking, gid)
    return out


def rivers_stay_rivers(spans: list[Span], scored: list[Ranking]) -> list[Ranking]:
    """Where the article writes a name with a river's kind ("the Naryn River", "the Krishna river"),
    "the Naryn" is that river too: with no river or sea of the name in the gazetteer, no place (not
    Naryn the town, nor Murray, Queensland, for "the Murray near Wentworth")."""
    rivers = {span.norm.rsplit(" ", 1)[0] if span.norm.endswith(" river") else span.norm
              for span in spans if span.qualifier == "river"}
    if not rivers:
        return scored
    return [[] if span.qualifier == "riverside" and span.norm in rivers and ranking
            and not any(c.place.kind in ("river", "water body") for _, c in ranking) else ranking
            for span, ranking in zip(spans, scored)]


def own_names_stay_own(spans: list[Span], scored: list[Ranking]) -> list[Ranking]:
    """A place the article names by its own name ("around Punta Arenas") is not what another of its
    names means in the same article, where a division bears that name as its own without its kind:
    "Magallanes" (a former name of Punta Arenas) is the Region of Magallanes."""
    named = {ranking[0][1].place.geonameid for ranking in scored if ranking and ranking[0][1].kind in OWN_KINDS}
    out = list(scored)
    for i, ranking in enumerate(scored):
        if not ranking or ranking[0][1].kind != "alternate" or ranking[0][1].place.geonameid not in named \
                or bears_name(ranking[0][1], short_forms=True):
            continue
        norm = spans[i].norm
        divisions = [c.place for _, c in ranking[1:] if c.kind == "stem" and c.place.feature_class == "A"
                     and _name_without_kind(c.place.name, norm)]
        division = max(divisions, key=lambda p: p.importance, default=None)   # (the region before its province)
        if division is not None:
            out[i] = best_first(ranking, division.geonameid)
    return out


def _name_without_kind(name: str, norm: str) -> bool:
    """Whether ``norm`` is the division's own ``name`` without a kind before or after it ("Region of Magallanes")."""
    full = normalize_name(name)
    return full.endswith(" " + norm) or full.startswith(norm + " ")


def _best_known(ranking: Ranking) -> int:
    """The geonameid of the most important place of the ranking, or of the most important that bears
    the name as its own where it is about as important (:attr:`Policy.own_name_margin`): "NEW DELHI"
    is New Delhi, not Delhi, which counts more people and is also known so."""
    major = max((c for _, c in ranking), key=lambda c: c.place.importance)   # (the first of the most important)
    own = [c for _, c in ranking if c.kind in OWN_KINDS or bears_name(c, short_forms=False)]
    named = max(own, key=lambda c: c.place.importance) if own else major
    return (named if named.place.importance >= major.place.importance - POLICY.own_name_margin else major).place.geonameid


def lists_agree(text: str, spans: list[Span], scored: list[Ranking],
                 kept: list[bool], containers: dict[int, list[Place]]) -> list[Ranking]:
    """The names of one list are of one kind: where most names of a list ("Montana and Wyoming",
    "Georgia, Oklahoma, Pennsylvania, Wisconsin and California"), and every other name of a list of
    two or three, are first-level divisions, or countries, a name whose best place is of another kind
    is its namesake of that kind in their countries, where it has one known by its own name (Wyoming
    the state, not Wyoming, Ohio; California the state, not California, Pennsylvania), else a division of
    that name elsewhere ("New Hampshire, Vermont and Quebec": the province, not the city). In a list of
    four or more, half will do where the others' divisions of their names are close seconds. A name given
    a container stays itself ("Texas and Washington, D.C.")."""
    out = list(scored)
    start = 0
    for end in range(1, len(spans) + 1):
        if end < len(spans) and kept[end - 1] and kept[end] and LIST_GAP.fullmatch(text, spans[end - 1].end, spans[end].start):
            continue
        group = [i for i in range(start, end) if scored[i]]
        start = end
        if len(group) < 3 and not (len(group) == 2 and " and " in text[spans[group[0]].end: spans[group[-1]].start]):
            continue   # (a comma alone joins two names as often as not: "Prague, Oklahoma")
        kinds = [_list_kind(scored[i][0][1].place) for i in group]
        for kind in ("state", "country"):
            n = kinds.count(kind)   # (the kind of every other name, or of most names: more than half, two at least)
            if not n or n < len(group) - 1 and not (n >= 2 and n * 2 > len(group)):
                # (half of a list of four or more, where each other name's place of that kind is nearly
                # its best: "Piura, Lambayeque, Tumbes and La Libertad" are four of Peru's regions)
                if not (kind == "state" and len(group) >= POLICY.list_tie_names and n * 2 == len(group)
                        and all(kd == kind or _close_second(scored[i], kind) for i, kd in zip(group, kinds))):
                    continue
            countries = {scored[j][0][1].place.country_code for j, kd in zip(group, kinds) if kd == kind}
            for k, i in enumerate(group):
                if kinds[k] == kind or spans[i].start in containers:
                    continue
                namesakes = [c.place for _, c in scored[i] if _list_kind(c.place) == kind and c.kind in OWN_KINDS]
                # (a state of the others' countries first; else, in a list of three or more, a province
                # across a border: "New Hampshire, Vermont and Quebec"; two say too little: "the West
                # Bank and Jerusalem" is no Israeli district)
                match = next((p for p in namesakes if kind == "country" or p.country_code in countries),
                             namesakes[0] if namesakes and kind == "state" and len(group) > 2 else None)
                if match is not None:
                    out[i] = best_first(scored[i], match.geonameid)
        _seats_are_divisions(group, spans, out, containers)
    return out


def _seats_are_divisions(group: list[int], spans: list[Span], out: list[Ranking], containers: dict[int, list[Place]]) -> None:
    """In a list whose names are divisions of one level of one country ("Donegal, Mayo, Clare, Limerick
    and Sligo"), a name whose best place is the seat town of that country's division of the name is the
    division: the list names divisions throughout. It takes Policy.list_division_names of them (or one
    written bare, with no kind, that holds no town of its name: "Kerry"), and
    every other name a town inside a division of the name, of that level and country."""
    tops = [out[i][0][1].place for i in group]
    levels = {(p.country_code, p.feature_code) for p in tops if p.feature_code in ("ADM1", "ADM2")}
    if len(levels) != 1:
        return
    country, level = next(iter(levels))
    divisions = [i for i, p in zip(group, tops) if p.feature_code == level]
    if len(divisions) < POLICY.list_division_names and not any(
            spans[i].qualifier is None and not any(c.place.feature_class == "P" and c.place.lies_in(out[i][0][1].place)
                                                   for _, c in out[i][1:]) for i in divisions):
        return   # (one will do that is written bare and is no division named like its own seat town, a name
                 # known only as a division: "Cork, Kerry and Waterford"; not "Timbuktu, Gao and Ménaka")
    seats: dict[int, int] = {}
    for i, top in zip(group, tops):
        if top.feature_code == level:
            continue
        division = next((c.place for _, c in out[i][1:] if c.place.feature_code == level
                         and c.place.country_code == country and top.lies_in(c.place)), None)
        if division is None or top.feature_class != "P" or spans[i].start in containers:
            return   # (one name that is no such seat: the list is not one of divisions)
        seats[i] = division.geonameid
    for i, gid in seats.items():
        out[i] = best_first(out[i], gid)


def _close_second(ranking: Ranking, kind: str) -> bool:
    """Whether a place of the list's ``kind`` known by the name scores within Policy.list_tie_margin of the best."""
    top = ranking[0][0]
    return any(top - s <= POLICY.list_tie_margin for s, c in ranking[1:] if _list_kind(c.place) == kind and c.kind in OWN_KINDS)


#: The qualifiers a plural "districts" gives a list (after its names, or before them with "of").
_LISTED_DISTRICTS = frozenset({"district", "listed_district"})


def plural_kinds_hold(text: str, spans: list[Span], senses: list[_Senses],
                      unqualified: Callable[[Span], tuple[Span, _Senses]]) -> list[Span]:
    """A list that a plural "districts" qualifies ("Dhemaji, Lakhimpur and Barpeta districts", "the
    districts of Balakliia and Izium") names districts throughout or not at all: where a name of it
    has no district of its own (Balakliia's raion was merged away), the list names the towns and their
    surroundings, and every name of it loses the kind. ``unqualified(span)`` gives (span, senses)
    without it; ``spans`` (returned) and ``senses`` are changed in place."""
    i = 0
    while i < len(spans):
        kind, j = spans[i].qualifier, i
        if kind not in _LISTED_DISTRICTS:
            i += 1
            continue
        while j + 1 < len(spans) and spans[j + 1].qualifier == kind and LIST_GAP.fullmatch(text, spans[j].end, spans[j + 1].start):
            j += 1
        plural = kind.startswith("listed_") or spans[j].text.rsplit(None, 1)[-1].lower() == "districts"
        # (a division of another level is the list's kind too: Kenya's counties are its first-level divisions)
        if j > i and plural and not all(any(c.place.feature_code in DISTRICT_CODES or c.place.feature_code == "ADM1" for c in senses[k].cands)
                                        for k in range(i, j + 1)):
            for k in range(i, j + 1):
                spans[k], senses[k] = unqualified(spans[k])
        i = j + 1
    return spans


def _list_kind(place: Place) -> str | None:
    """A list's kind of place: a country, a first-level division, or None (anything else)."""
    return "country" if place.is_country else "state" if place.feature_code == "ADM1" else None


def best_first(ranking: Ranking, geonameid: int) -> Ranking:
    """``ranking`` with the candidates of that place moved to the front, the order otherwise kept."""
    if ranking[0][1].place.geonameid == geonameid and all(c.place.geonameid != geonameid for _, c in ranking[1:]):
        return ranking   # (already so: the usual case)
    return sorted(ranking, key=lambda x: x[1].place.geonameid != geonameid)


def mentions_by_name(spans: list[Span], kept: list[bool]) -> dict[str, list[int]]:
    """Name -> the positions of its spans without a qualifier that are kept as places."""
    out: dict[str, list[int]] = {}
    for i, (span, ok) in enumerate(zip(spans, kept)):
        if ok and span.qualifier is None:
            out.setdefault(span.norm, []).append(i)
    return out


def one_sense_per_name(names: dict[str, list[int]], senses: list[_Senses],
                       scored: list[Ranking], held: Callable[[int, Place], bool]) -> list[Ranking]:
    """Within an article a name without a qualifier means one place: the one an explicit container
    of one of its mentions holds ("Springfield, Ohio" settles every Springfield of the article), else
    the best over its mentions (``names`` as :func:`mentions_by_name` finds them; ``held(i, place)``:
    whether span i's explicit container holds the place)."""
    out = list(scored)
    for mentions in names.values():
        if len(mentions) == 1 and senses[mentions[0]].distinct_places:
            continue   # one mention, no place twice: its ranking's best is already first
        holder = next((scored[i][0][1].place.geonameid for i in mentions
                       if scored[i] and held(i, scored[i][0][1].place)), None)
        if holder is not None:
            best = holder
        else:
            total: dict[int, float] = {}   # geonameid -> its scores summed over the name's spans
            for i in mentions:
                for s, c in scored[i]:
                    gid = c.place.geonameid
                    total[gid] = total.get(gid, 0) + s
            best = max(total, key=total.__getitem__)   # the first of the best, as Counter.most_common(1)
        for i in mentions:
            if len(scored[i]) > 1 and not (holder is not None and held(i, scored[i][0][1].place)):
                # (a mention with a container of its own keeps it: "Paris, Texas" and "Paris, France")
                out[i] = best_first(scored[i], best)
    return out
