"""Names the build derives from the files' own: a division's or river's name without its kind
("Kharkiv" for Kharkiv Oblast, "Mississippi" for the Mississippi River) or a district's by its
centre town ("Kupiansk" for Kupianska Miskrada), a demonym's plural ("Palestinians"), a name
without the definite article English news drops ("Qamishli" for Al Qamishli, "Scottish Borders"
for The Scottish Borders), and a name's inner article as news romanizes it ("Deir al Balah" for
Dayr al Balaḩ, also known as "Deir el Balah"). Each adds to the build's name index
(``names.add(name, id, kind)``)."""
from __future__ import annotations

import re

from geo.gazetteer.sources import CountryInfo

#: The fewest letters a name must keep once its definite article is dropped (see add_articleless_names).
ARTICLELESS_MIN_CHARS = 5


def add_demonym_plurals(names) -> None:
    """"Palestinians", "Americans" for annotated spans: the plural of each demonym in -n (looked up
    for given spans only, like every demonym; never matched in text)."""
    plurals = [(name + "s", gid) for (_, gid), (_, kind, name) in names.entries.items()
               if kind == "demonym" and name.endswith("n")]
    for plural, gid in plurals:
        names.add(plural, gid, "demonym")


#: The fewest letters a division's name must keep once its kind is dropped ("Province of Abra" is "Abra").
STEM_MIN_CHARS = 3


def add_division_stems(places, names, suffixes: list[str], prefixes: list[str] = ()) -> None:
    """Index "Kharkiv" for "Kharkiv Oblast", "Cagayan" for "Province of Cagayan", "Alicante" for
    "Provincia de Alicante": news writes a division's name without its kind (the suffixes, also as a
    prefix with "of"; the prefixes with their particles)."""
    stems = []
    suffixes = sorted(set(suffixes), key=len, reverse=True)   # (the longest first: "autonomous okrug" before "okrug")
    # "provincia de ", "departamento del ": the longest first, counted in words of the name
    heads = sorted(((prefix + " ", len(prefix.split())) for prefix in prefixes), key=lambda h: -len(h[0]))
    for (norm, gid), (_, kind, name) in names.entries.items():
        place = places.get(gid)
        if place is None or place.feature_class != "A" or place.feature_code.startswith("PCL") or kind == "abbrev":
            continue
        for suffix in suffixes:
            if norm.endswith(" " + suffix):
                # (by words: the name may write apostrophes its normalized form drops, "Kup’jans’ka mis’krada")
                stem = name.rsplit(None, len(suffix.split()))[0].rstrip(" -’'")
                stems.append((stem, gid))
                break
            if norm.startswith(suffix + " of ") and len(norm) - len(suffix) - 4 >= STEM_MIN_CHARS:
                stem = name[len(suffix) + 4:].strip()
                stems.append((stem[4:] if stem.lower().startswith("the ") else stem, gid))
                break
        else:
            head = next((words for head, words in heads if norm.startswith(head) and len(norm) - len(head) >= STEM_MIN_CHARS), None)
            if head is not None:
                # (by words, as above: "Província de València" is "València")
                stems.append((name.split(None, head)[-1], gid))
    for stem, gid in stems:
        names.add(stem, gid, "stem")
    add_centre_town_stems(places, names, stems)


#: Slavic adjectival endings of a district named after its centre town ("Kupianskyi Raion",
#: "Shebekinskiy Rayon", "Kupianska Miskrada"): the adjective's root, the stem without them, begins
#: the town's name or the town's name begins it.
_ADJECTIVE_ENDING = re.compile(r"s[’']?k(?:yi|iy|yy|ij|ii|y|a|e|oye|oe|aya)$")
#: The most letters the town's name and the adjective's root may differ by at their ends (Kupiansk and
#: "Kupian", Shebekino and "Shebek", Sudzha and "Sudzhan"), and the fewest the shorter must have.
CENTRE_TOWN_MAX_EXTRA = 2
CENTRE_TOWN_MIN_CHARS = 4


def add_centre_town_stems(places, names, stems: list[tuple[str, int]]) -> None:
    """Index a district by its centre town's name, as English news writes it ("the Kupiansk
    district", "Shebekino district"), where the division's own name is the town's adjective
    ("Kupianska Miskrada", "Shebekinskiy Rayon"): the town is the largest settlement of the division's
    first-level division whose name its root matches (see _ADJECTIVE_ENDING), and each of its names
is the district's too."""
    districts = [(stem, gid) for stem, gid in stems if places[gid].feature_code in ("ADM2", "ADM3", "ADMD")
                 and _ADJECTIVE_ENDING.search(stem.lower())]
    if not districts:
        return
    towns: dict[tuple[str, str], list] = {}
    for p in places.values():
        if p.feature_class == "P" and p.admin1_code:
            towns.setdefault((p.country_code, p.admin1_code), []).append(p)
    centres: dict[int, list[int]] = {}   # the town's id -> the districts named after it
    for stem, gid in districts:
        division = places[gid]
        root = _ADJECTIVE_ENDING.sub("", stem.lower())
        if len(root) < CENTRE_TOWN_MIN_CHARS:
            continue
        matches = [t for t in towns.get((division.country_code, division.admin1_code), ())
                   if _is_centre_name(root, t.asciiname.lower() or t.name.lower())]
        if matches:
            town = max(matches, key=lambda t: (t.admin2_code == division.admin2_code != "", t.population, -t.geonameid))
            centres.setdefault(town.geonameid, []).append(gid)
    # every name the town is known by ("Kupiansk", "Kupyansk")
    found = [(name, centres[gid]) for (_, gid), (_, kind, name) in names.entries.items()
             if gid in centres and kind in ("official", "alternate", "everyday")]
    for name, divisions in found:
        for gid in divisions:
            names.add(name, gid, "stem")


def _is_centre_name(root: str, town: str) -> bool:
    short, long = sorted((root, town), key=len)
    return len(short) >= CENTRE_TOWN_MIN_CHARS and long.startswith(short) and len(long) - len(short) <= CENTRE_TOWN_MAX_EXTRA


def _names_with_articles(places, names, countries: list[CountryInfo], articles: dict[str, list[str]]):
    """(normalized name, geonameid, kind, the article's forms) of every name of a place in a country
    whose main language writes a definite article before names (the extract's ``definite_articles``,
    by countryInfo's languages); not abbreviations, demonyms or postal codes. A list: the caller adds
    names to the index it reads."""
    by_country = {c.iso2: frozenset(articles[lang]) for c in countries
                  if (lang := c.languages.split(",")[0].split("-")[0].lower()) in articles}
    out = []
    if not by_country:
        return out
    for (norm, gid), (_, kind, _) in names.entries.items():
        place = places.get(gid)
        if place is not None and place.country_code in by_country and kind not in ("abbrev", "demonym", "postal"):
            out.append((norm, gid, kind, by_country[place.country_code]))
    return out


#: The fewest letters of a last word ending in "ah" that is also indexed without its "h" (see add_final_h_variants).
FINAL_H_MIN_CHARS = 5


def add_final_h_variants(places, names, countries: list[CountryInfo], articles: dict[str, list[str]]) -> None:
    """Index "Al Jazira" for "Al Jazirah", "Hodeida" for "Hodeidah": in a country whose main language
    writes a definite article (as :func:`add_articleless_names`: Arabic), a final "-ah" (a feminine
    ending) is romanized "-a" as often. Of a place's own name an everyday name, else an alternate one."""
    found = []
    for norm, gid, kind, _ in _names_with_articles(places, names, countries, articles):
        last = norm.rsplit(" ", 1)[-1]
        if last.endswith("ah") and len(last) >= FINAL_H_MIN_CHARS:
            found.append((norm[:-1], gid, "everyday" if kind in ("official", "ascii", "everyday") else "alternate"))
    for variant, gid, kind in found:
        names.add(variant, gid, kind)


def add_river_stems(places, names) -> None:
    """Index "Mississippi" for the Mississippi River, "Ohio" for the Ohio River: news writes a river
    without its kind after "the" ("where the Ohio meets the Mississippi"); a stem, which a bare name
    (the state) outranks."""
    found = [(name[: -len(" river")], gid) for (norm, gid), (_, kind, name) in names.entries.items()
             if norm.endswith(" river") and len(norm) - len(" river") >= STEM_MIN_CHARS and kind != "stem"
             and (place := places.get(gid)) is not None and place.feature_code.startswith("STM")]
    for stem, gid in found:
        names.add(stem, gid, "stem")


def add_names_without_the(names) -> None:
    """Index "Scottish Borders" for "The Scottish Borders": English writes "the" in lower case before
    such a name, so the capitalized words are the rest. Only where two words or more remain ("The
    Hague" and "The Valley" stay whole: "Valley" is a word)."""
    found = [(name[4:], gid, kind) for (norm, gid), (_, kind, name) in names.entries.items()
             if norm.startswith("the ") and norm.count(" ") >= 2 and name[:4].lower() == "the "
             and kind in ("official", "ascii", "alternate", "everyday")]
    for rest, gid, kind in found:
        names.add(rest, gid, kind)


def add_articleless_names(places, names, countries: list[CountryInfo], articles: dict[str, list[str]]) -> None:
    """Index "Qamishli" for "Al Qamishli", "Raqqah" for "Ar Raqqah": in a country whose main language
    writes a definite article before names, news in English often drops it. The place's own name
    without its article is an everyday name of it; an alternate name's, an alternate name. Left out
    where what remains is shorter than ARTICLELESS_MIN_CHARS ("Al Bab" stays whole)."""
    found = []
    for norm, gid, kind, forms in _names_with_articles(places, names, countries, articles):
        head, _, rest = norm.partition(" ")
        if rest and head in forms and len(rest.replace(" ", "")) >= ARTICLELESS_MIN_CHARS:
            found.append((rest, gid, "everyday" if kind in ("official", "ascii") else "alternate"))
    for rest, gid, kind in found:
        names.add(rest, gid, kind)


#: How English news romanizes a definite article inside a name (see add_article_romanizations).
NEWS_ARTICLES = ("al", "el")


def add_article_romanizations(places, names, countries: list[CountryInfo], articles: dict[str, list[str]]) -> None:
    """Index "Deir al Balah" for a place known as "Deir el Balah", "Deir al Zor" for "Deir ez Zor": in
    a country whose main language writes a definite article (as :func:`add_articleless_names`), a
    name's inner article is written "al" or "el" as often as any other romanization. (An article
    starting the name is read otherwise: the matcher tries the other forms, "Al Fasher" for El Fasher.)"""
    found = []
    for norm, gid, kind, forms in _names_with_articles(places, names, countries, articles):
        words = norm.split()
        inner = [k for k in range(1, len(words) - 1) if words[k] in forms]
        if len(inner) != 1:
            continue   # (no inner article, or several: left as written)
        k = inner[0]
        for article in NEWS_ARTICLES:
            if article != words[k]:
                found.append((" ".join(words[:k] + [article] + words[k + 1:]), gid,
                              "everyday" if kind in ("official", "ascii", "everyday") else "alternate"))
    for variant, gid, kind in found:
        names.add(variant, gid, kind)


def add_settlement_stems(places, names, suffixes: list[str]) -> None:
    """Index "Fukui" for GeoNames' "Fukui-shi", "Kanazawa" for "Kanazawa-shi": a romanized kind of
    settlement (Japanese -shi, Korean -si, the city) that English news leaves out. The stem is the
    town's everyday name, where at least STEM_MIN_CHARS remain."""
    found = []
    for (norm, gid), (_, kind, name) in names.entries.items():
        place = places.get(gid)
        if place is None or place.feature_class != "P" or kind not in ("official", "ascii"):
            continue
        head, _, tail = norm.rpartition(" ")
        if tail in suffixes and len(head) >= STEM_MIN_CHARS and name[-len(tail) - 1] in "- ":
            found.append((name[:-len(tail) - 1], gid))
    for stem, gid in found:
        names.add(stem, gid, "everyday")

