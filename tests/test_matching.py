"""The matcher's lazy tokenizer and its fast paths agree with the plain definitions they stand for.

Matching reads only the capitalized words of a text up front and the words next to them on demand
(geo.matching.Words); these properties compare that against tokenizing every word, the way the
docstring defines it, on texts built from the pieces that make tokenizing hard.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geo import matching
from geo.matching.cues import _PREPOSITION_BEFORE, _PREPOSITION_BEFORE_REVERSED
from geo.matching.words import _BEFORE_WINDOW, _CAMEL, _WORD, Words
from geo.normalize import APOSTROPHES

PIECES = ["Kharkiv", "region", "in", "near", "the", "of", "liberated", "recently", "taken", "northern", "east",
          "toward", "towards", "Izium", "BuchaNear", "stateIndiana", "Russia's", "Kyiv’s", "U.S.", "A.B.Cde",
          "US", "o'Brien", "O'Reilly", "rock'n'roll", "xAb's", "X'sAb", "McDonald's", "iPhone", "Київ", "café",
          "Étude", "étude", "ǅemal", "and", "or", "12", "s", "'", "’", "-", "—", "/", ".", ",", "(", "“", "\n"]
SEPARATORS = ["", " ", " ", "  ", ", ", "-", "\n", "'"]
texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=30).map(
    lambda parts: "".join(p + s for p, s in parts))


def every_word(text: str) -> list[tuple[int, int, str]]:
    """The definition: every _WORD token, possessive 's cut off, glued words split at a capital."""
    out = []
    for m in _WORD.finditer(text):
        start, token = m.start(), m.group()
        if len(token) > 2 and token[-1] == "s" and token[-2] in APOSTROPHES:
            token = token[:-2]
        if token.islower() or token.isupper() or not _CAMEL.search(token):
            out.append((start, start + len(token), token))
            continue
        for piece in _CAMEL.split(token):
            out.append((start, start + len(piece), piece))
            start += len(piece)
    return out


@settings(max_examples=400, deadline=None)
@given(texts)
def test_capitalized_words_are_those_of_the_full_tokenization(text):
    expected = [w for w in every_word(text) if w[2][0].isupper()]
    assert [(w.start, w.end, w.text) for w in Words(text).capitalized] == expected


@settings(max_examples=400, deadline=None)
@given(texts)
def test_neighbours_are_those_of_the_full_tokenization(text):
    full = every_word(text)
    ws = Words(text)
    for w in ws.capitalized:
        k = full.index((w.start, w.end, w.text))
        nxt = ws.next_word(w)
        assert ((nxt.start, nxt.end, nxt.text) if nxt else None) == (full[k + 1] if k + 1 < len(full) else None)
        prev = ws.before(w.start)
        # before() reads a short window: a word further back counts only across nothing but spaces
        near = k > 0 and (full[k - 1][1] > w.start - _BEFORE_WINDOW or text[full[k - 1][1]: w.start].isspace())
        assert ((prev.start, prev.end, prev.text) if prev else None) == (full[k - 1] if near else None)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["between", "into", "West", "THE", "IN", "Recently", "dried-ed"]),
                max_size=8).map(" ".join), st.sampled_from(["", " ", "  ", "\n"]))
def test_reversed_preposition_pattern_agrees_with_the_forward_one(before, end):
    before = (before + end)[-40:]
    assert bool(_PREPOSITION_BEFORE_REVERSED.match(before[::-1])) == bool(_PREPOSITION_BEFORE.search(before))


def test_preposition_cue_on_real_phrases(gaz):
    matcher = matching.NameMatcher(gaz)
    cues = {s.text: s.cues for s in matcher.find(
        "Troops near recently liberated Izium and toward the Kharkiv region met people from Kupiansk. Balakliia fell.")}
    assert "place_preposition" in cues["Izium"] and "place_preposition" in cues["Kharkiv region"]
    assert "place_preposition" in cues["Kupiansk"] and "place_preposition" not in cues["Balakliia"]


def test_words_doctest_example():
    ws = Words("Fighting near BuchaNear Kyiv's edge.")
    assert [w.text for w in ws.capitalized] == ["Fighting", "Bucha", "Near", "Kyiv"]
    assert ws.before(ws.capitalized[2].start).text == "Bucha"
    assert re.fullmatch(r"edge", ws.next_word(ws.capitalized[3]).text)


def test_an_abbreviation_that_ends_a_sentence_joins_no_longer_name(gaz):
    # "N.Y. The U.S. Navy": the dot may end the sentence; the capitals after it are a new one's
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz, check_claims=False)
    text = "The lab on Long Island, N.Y. The U.S. Navy cleaned it. Storms hit Louisville, Ky. Lexington was spared."
    document = pipeline.locate(Article("t.txt", text))
    found = {m.text: m.name for m in document.mentions}
    assert found["N.Y."] == "New York" and found["Ky."] == "Kentucky" and found["Lexington"] == "Lexington"


def test_a_common_word_before_a_divisions_abbreviation_is_a_candidate(gaz):
    # "Surprise" alone is a plain word; before ", Ariz." it is the town (the container decides, in resolution)
    from geo.document import Article
    from geo.pipeline import Pipeline

    document = Pipeline(gaz, check_claims=False).locate(Article("t.txt", "Louisville, Ky., and Surprise, Ariz., were picked."))
    assert {m.text: m.admin1 for m in document.mentions}["Surprise"] == "Arizona"


def test_an_apostrophe_s_inside_a_longer_name(gaz):
    # "Cox's Bazar": the 's is part of the name, not a possessive; "Canada's" alone stays Canada
    from geo.matching import NameMatcher

    matcher = NameMatcher(gaz)
    found = {s.text: s.norm for s in matcher.find("Refugees fled to Cox's Bazar, Canada's envoy said.")}
    assert found == {"Cox's Bazar": "coxs bazar", "Canada": "canada"}


def test_a_names_short_prefix_keeps_its_capital(gaz):
    # "DeKalb", "McLean": no glued words (as "BuchaNear" is); "Walker County" is no common word
    from geo.document import Article
    from geo.pipeline import Pipeline

    text = "DECATUR, Ga. — DeKalb County police said Walker County deputies searched McLean, Va., and LaGrange."
    document = Pipeline(gaz, check_claims=False).locate(Article("t.txt", text))
    found = {m.text: m.name for m in document.mentions}
    assert found["DeKalb County"] == "DeKalb County" and found["Walker County"] == "Walker County"
    assert found["McLean"] == "McLean"


def test_a_determiner_starting_a_sentence_is_no_part_of_the_name(gaz):
    # "Another Gainesville business": a capitalized determiner, not a first name ("Michael Steele")
    from geo.document import Article
    from geo.pipeline import Pipeline

    text = "GAINESVILLE, Ga. - Shops reopened. Another Gainesville business set to move. Agents of the Georgia Bureau of Investigation came."
    document = Pipeline(gaz, check_claims=False).locate(Article("t.txt", text))
    assert [m.start for m in document.mentions if m.text == "Gainesville"] == [text.index("Gainesville business")]
    assert [m.text for m in document.modifiers] == ["Georgia"]


def test_a_name_ends_on_a_capitalized_word(gaz):
    # GeoNames knows Panama City as "Panama by" (Danish): "crossing Panama by bus" names Panama alone
    from geo.matching import NameMatcher

    spans = NameMatcher(gaz).find("After crossing Panama by bus, most migrants continue through Costa Rica.")
    assert [s.text for s in spans] == ["Panama", "Costa Rica"]


def test_a_possessive_inside_a_longer_name(gaz):
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz, check_claims=False)
    text = "Birds were culled in Queen Anne's County in Maryland; the Democratic People's Republic of Korea protested."
    found = {m.text: m.geonameid for m in pipeline.process(Article("t.txt", text)).mentions}
    assert found["Queen Anne's County"] == 4366351 and found["Democratic People's Republic of Korea"] == 1873107


def test_a_compass_word_after_romance_of_ends_a_longer_name(gaz):
    # "Maguindanao del Sur" (a province the extract lacks) holds no Sur, Oman; Sur alone is a place
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz, check_claims=False)
    document = pipeline.process(Article("t.txt", "Violence flared in Maguindanao del Sur, where clans clash."))
    assert "Sur" not in {m.text for m in document.mentions}
    document = pipeline.process(Article("t.txt", "MUSCAT (Reuters) - Fishermen in Sur protested on Monday."))
    assert "Sur" in {m.text for m in document.mentions}


def test_a_waters_kind_and_of_before_a_name_make_it_the_water(gaz):
    # "the Gulf of Tadjourah", "the Bay of Naples": the water (which the extract lacks), not the town
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz, check_claims=False)
    document = pipeline.process(Article("t.txt", "Ferries cross the Bay of Naples daily. The port lies on the Gulf of Tadjourah."))
    assert not {m.text for m in document.mentions} & {"Naples", "Tadjourah"}
    document = pipeline.process(Article("t.txt", "Ferries leave Naples daily for Capri."))
    assert "Naples" in {m.text for m in document.mentions}


def test_a_places_adjective_is_no_spelling_of_it(gaz):
    # "Dagestani" is Dagestan's adjective (a demonym, no mention), though close to "Dagestan" in spelling
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz, check_claims=False)
    document = pipeline.process(Article("t.txt", "MAKHACHKALA, Russia (Reuters) - Power cuts angered residents of Makhachkala. In the Dagestani mountain village of Gunib, pipes froze."))
    assert "Dagestani" not in {m.text for m in document.mentions}
    assert "Makhachkala" in {m.text for m in document.mentions}


def test_a_place_name_before_a_bays_or_deltas_kind_is_the_features(gaz):
    # "China Bay" (Trincomalee's airport) and "the Niger Delta" are features the extract lacks, not the countries
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz, check_claims=False)
    document = pipeline.process(Article("t.txt", "Oil spills fouled creeks in the Niger Delta. Flights land at China Bay near Trincomalee."))
    names = {m.text for m in document.mentions}
    assert not names & {"Niger", "China"} and "Trincomalee" in names
