"""Names the build derives from the files' own: a division's name without its kind ("Kharkiv" for
Kharkiv Oblast), a demonym's plural ("Palestinians"), a name without the definite article English news
drops ("Qamishli" for Al Qamishli), and a name's inner article as news romanizes it ("Deir al Balah" for
Dayr al Balaḩ, also known as "Deir el Balah"). Each adds to the build's name index (``names.add(name, id, kind)``)."""
from __future__ import annotations

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


def add_division_stems(places, names, suffixes: list[str]) -> None:
    """Index "Kharkiv" for "Kharkiv Oblast", "Cagayan" for "Province of Cagayan": news writes a
    division's name without its kind (the suffixes, also as a prefix with "of")."""
    stems = []
    for (norm, gid), (_, kind, name) in names.entries.items():
        place = places.get(gid)
        if place is None or place.feature_class != "A" or place.feature_code.startswith("PCL") or kind == "abbrev":
            continue
        for suffix in suffixes:
            if norm.endswith(" " + suffix):
                stem = name[: len(name) - len(suffix)].rstrip(" -’'")
                stems.append((stem, gid))
                break
            if norm.startswith(suffix + " of ") and len(norm) - len(suffix) - 4 >= STEM_MIN_CHARS:
                stem = name[len(suffix) + 4:].strip()
                stems.append((stem[4:] if stem.lower().startswith("the ") else stem, gid))
                break
    for stem, gid in stems:
        names.add(stem, gid, "stem")


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
