"""The claim checker on sentences with real gazetteer rows and real Natural Earth geometry.

Each test writes a sentence, resolves its mentions by hand to real GeoNames ids (as the resolution
stage would), and checks what :func:`geo.claims.find_and_check` finds and decides. Distances and
bearings are compared with spherical formulas worked out independently here (within 0.5%).
"""
from __future__ import annotations

import math

import pytest
import shapely
from shapely import Point

from geo.claims import conflicts, find_and_check
from geo.claims.geodesy import GEOD, outline
from geo.claims.policy import Policy
from geo.claims.regions import Regions
from geo.document import Article, Document, Mention

R_MEAN_KM = 6371.0088

# GeoNames ids used below.
KHARKIV, KHARKIV_OBLAST, ZALIZNYCHNE, ZALIZNYCHNE_ODESA = 706483, 706482, 8664320, 687797
IZIUM, KUPIANSK, BALAKLIIA, LYMAN, BUCHA, KYIV = 707292, 703656, 712926, 704204, 711350, 703448
VALUYKI, BELGOROD_OBLAST, RUSSIA, UKRAINE, MOSCOW = 477192, 578071, 2017370, 690791, 524901
OSKIL, OSKIL_NORTH, KHERSON_OBLAST, DONBAS, DONETSK_OBLAST, LUHANSK_OBLAST = 514365, 12906761, 706442, 709718, 709716, 702657
RIGA, LATVIA, LITHUANIA, FIJI, LEVUKA, TUBOU = 456172, 458258, 597427, 2205218, 2204417, 4035863
EGVEKINOT, IZIUM_RAION, TENDRA_GULF, DONETSK_CITY = 4031742, 9197254, 691725, 709717


def haversine_km(a, b):
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * R_MEAN_KM * math.asin(math.sqrt(h))


def spherical_bearing(a, b):
    p1, p2, dl = math.radians(a.lat), math.radians(b.lat), math.radians(b.lon - a.lon)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360


def document(gaz, text: str, *names: tuple[str, int | None]) -> Document:
    """A Document of ``text`` whose mentions are the given surfaces, in order, resolved to the given ids."""
    mentions, pos = [], 0
    for surface, gid in names:
        start = text.index(surface, pos)
        pos = start + len(surface)
        m = Mention("t.txt", start, pos, surface)
        if gid is not None:
            p = gaz.place(gid)
            assert p is not None, gid
            m.geonameid, m.name, m.lat, m.lon = p.geonameid, p.name, p.lat, p.lon
            m.feature_code, m.country_code, m.admin1 = p.feature_code, p.country_code, p.admin1
            m.score = 0.9                                   # a confident resolution (the context chose it)
        else:
            m.reason = "not in the gazetteer"
        mentions.append(m)
    return Document(Article("t.txt", text), [m for m in mentions if m.resolved], [], [m for m in mentions if not m.resolved])


def claims_of(gaz, text, *names, policy=None, type=None):
    found = find_and_check(document(gaz, text, *names), gaz, policy)
    return [c for c in found if type is None or c.type == type]


def one(gaz, text, *names, type, policy=None):
    found = claims_of(gaz, text, *names, policy=policy, type=type)
    assert len(found) == 1, [(c.type, c.quote) for c in found]
    return found[0]


# -- distance and direction ----------------------------------------------------------------------------


def test_distance_and_direction_in_miles(gaz):
    # Resolution leaves "In" as an unresolved span (a common word): it must not hide the subject.
    claim = one(gaz, "In Zaliznychne, a tiny agricultural village 37 miles east of Kharkiv, residents came back.",
                ("In", None), ("Zaliznychne", ZALIZNYCHNE), ("Kharkiv", KHARKIV), type="distance_direction")
    kharkiv, village = gaz.place(KHARKIV), gaz.place(ZALIZNYCHNE)
    assert claim.quote == "Zaliznychne, a tiny agricultural village 37 miles east of Kharkiv"
    assert claim.stated == {"distance": 37, "unit": "mi", "direction": "E"}
    assert claim.measured["distance_km"] == pytest.approx(haversine_km(kharkiv, village), rel=0.005)
    assert claim.measured["bearing_deg"] == pytest.approx(spherical_bearing(kharkiv, village), abs=0.5)
    assert claim.measured["compass"] == "ESE"
    assert claim.verdict == "consistent"
    assert claim.explanation == "GeoNames puts Zaliznychne 52 km (32 mi) ESE of Kharkiv; the article says 37 miles east: consistent."
    assert [r.geonameid for r in claim.subject] == [ZALIZNYCHNE] and [r.geonameid for r in claim.anchor] == [KHARKIV]


@pytest.mark.parametrize("wording, verdict", [
    ("37 miles east", "consistent"),       # 59.5 km stated, 52.2 measured
    ("52 km east", "consistent"),
    ("30 km east", "inconsistent"),        # the same number in kilometres is 22 km short
    ("37 miles west", "inconsistent"),     # 148 degrees off
    ("37 miles north-east", "inconsistent"),  # ESE (122) is 77 degrees from NE (45)
    ("37 miles south-east", "consistent"),    # 13 degrees from SE
])
def test_miles_versus_kilometres_and_directions(gaz, wording, verdict):
    claim = one(gaz, f"Zaliznychne, {wording} of Kharkiv, was freed.", ("Zaliznychne", ZALIZNYCHNE), ("Kharkiv", KHARKIV),
                type="distance_direction")
    assert claim.verdict == verdict, claim.explanation


@pytest.mark.parametrize("direction", ["NE", "north-east", "northeast", "north east", "North-East"])
def test_north_east_spellings(gaz, direction):
    # Kupiansk lies 61 km from Izium at a bearing of 24 degrees: 21 degrees from NE.
    claim = one(gaz, f"Kupiansk, 61 km {direction} of Izium, fell.", ("Kupiansk", KUPIANSK), ("Izium", IZIUM),
                type="distance_direction")
    assert claim.stated["direction"] == "NE"
    assert claim.verdict == "consistent", claim.explanation


def test_distance_without_direction(gaz):
    claim = one(gaz, "Bucha lies 25 km from Kyiv.", ("Bucha", BUCHA), ("Kyiv", KYIV), type="distance_direction")
    assert claim.stated == {"distance": 25, "unit": "km"}
    assert claim.verdict == "consistent"
    assert "compass" not in claim.measured


def test_distance_across_the_antimeridian(gaz):
    # Levuka (179.3E) and Tubou (178.8W), Fiji: about 200 km apart, Tubou to the east.
    claim = one(gaz, "Tubou, 125 miles east of Levuka, is in the Lau group.", ("Tubou", TUBOU), ("Levuka", LEVUKA),
                type="distance_direction")
    levuka, tubou = gaz.place(LEVUKA), gaz.place(TUBOU)
    assert claim.measured["distance_km"] == pytest.approx(haversine_km(levuka, tubou), rel=0.005)
    assert claim.measured["distance_km"] < 250
    assert claim.measured["bearing_deg"] == pytest.approx(spherical_bearing(levuka, tubou), abs=0.5)
    assert claim.verdict == "consistent", claim.explanation


def test_distance_from_a_region_is_vague(gaz):
    claim = one(gaz, "Zaliznychne, 30 km east of the Kharkiv region, was freed.", ("Zaliznychne", ZALIZNYCHNE),
                ("Kharkiv region", KHARKIV_OBLAST), type="distance_direction")
    assert claim.verdict == "unverifiable"
    assert claim.measured["reason"] == "vague wording"
    assert "region (Kharkiv Oblast)" in claim.explanation


def test_unresolved_anchor(gaz):
    claim = one(gaz, "Zaliznychne, 30 km east of Chuhuivka, was freed.", ("Zaliznychne", ZALIZNYCHNE), ("Chuhuivka", None),
                type="distance_direction")
    assert claim.verdict == "unverifiable"
    assert claim.measured["reason"] == "anchor unresolved"
    assert claim.explanation == "'Chuhuivka' is not a place the gazetteer knows: unverifiable (anchor unresolved)."


def test_dateline_place_is_the_subject_of_this_village(gaz):
    text = "ZALIZNYCHNE, Ukraine - People came back to this tiny agricultural village 37 miles east of Kharkiv on Sunday."
    claim = one(gaz, text, ("ZALIZNYCHNE", ZALIZNYCHNE), ("Ukraine", UKRAINE), ("Kharkiv", KHARKIV), type="distance_direction")
    assert [r.geonameid for r in claim.subject] == [ZALIZNYCHNE]
    assert claim.quote == "37 miles east of Kharkiv"
    assert claim.verdict == "consistent"


def test_unnamed_subject_is_vague(gaz):
    claim = one(gaz, "Ukrainians emerged into the string of villages southeast of Kharkiv.", ("Kharkiv", KHARKIV),
                type="direction")
    assert claim.subject == []
    assert claim.verdict == "unverifiable"
    assert claim.measured["reason"] == "vague wording"


def test_farther_north_is_relative_to_the_place_before(gaz):
    text = "Ukrainian forces took Izium. Hours earlier they captured the city of Kupiansk farther north."
    claim = one(gaz, text, ("Izium", IZIUM), ("Kupiansk", KUPIANSK), type="direction")
    assert [r.geonameid for r in claim.anchor] == [IZIUM]
    assert claim.measured["compass"] == "NNE"
    assert claim.verdict == "consistent"
    reverse = one(gaz, "Ukrainian forces took Kupiansk. Then they captured Izium farther north.",
                  ("Kupiansk", KUPIANSK), ("Izium", IZIUM), type="direction")
    assert reverse.verdict == "inconsistent"


def test_a_part_of_a_region_is_not_a_direction(gaz):
    text = "There was fighting in the north of Kharkiv region and east of Izium."
    found = claims_of(gaz, text, ("Kharkiv region", KHARKIV_OBLAST), ("Izium", IZIUM), type="direction")
    assert [c.quote for c in found] == ["east of Izium"]


# -- near, outskirts, border, adjacency ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Bucha, near Kyiv", "BuchaNear Kyiv", "Bucha near Kyiv"])
def test_near_a_city(gaz, text):
    claim = one(gaz, f"Bodies were found in {text}.", ("Bucha", BUCHA), ("Kyiv", KYIV), type="near")
    assert claim.quote == text
    assert claim.measured["distance_km"] == pytest.approx(haversine_km(gaz.place(KYIV), gaz.place(BUCHA)), rel=0.005)
    assert claim.verdict == "consistent"


def test_near_a_city_far_away(gaz):
    claim = one(gaz, "Bodies were found in Bucha, near Kharkiv.", ("Bucha", BUCHA), ("Kharkiv", KHARKIV), type="near")
    assert claim.measured["distance_km"] > 400
    assert claim.verdict == "inconsistent"


def test_near_a_region_is_measured_to_its_edge(gaz):
    claim = one(gaz, "Families waited in Valuyki, near the Kharkiv region.", ("Valuyki", VALUYKI),
                ("Kharkiv region", KHARKIV_OBLAST), type="near")
    assert 0 < claim.measured["distance_km"] < 50
    assert claim.verdict == "consistent"


def test_near_with_no_named_subject_is_unverifiable(gaz):
    text = "Russia holds territory in the Donbas and in the south near Crimea."
    [claim] = claims_of(gaz, text, ("Russia", RUSSIA), ("Donbas", DONBAS), ("Crimea", 703883), type="near")
    assert claim.quote == "near Crimea" and claim.subject == []
    assert claim.verdict == "unverifiable" and claim.measured["reason"] == "vague wording"


def test_outskirts_of_a_region_a_river_known_by_points(gaz):
    wrong = one(gaz, "Russians retreated behind the Oskil river on the outskirts of the Kherson region.",
                ("Oskil", OSKIL), ("Kherson region", KHERSON_OBLAST), type="proximity")
    right = one(gaz, "Russians retreated behind the Oskil river on the outskirts of the Kharkiv region.",
                ("Oskil", OSKIL), ("Kharkiv region", KHARKIV_OBLAST), type="proximity")
    assert {r.geonameid for r in wrong.subject} == {OSKIL, OSKIL_NORTH}     # the river's points, not one
    assert wrong.quote == "Oskil river on the outskirts of the Kherson region"
    assert wrong.verdict == "inconsistent" and wrong.measured["distance_km"] > 250
    assert right.verdict == "consistent" and right.measured["inside"] is True
    # Hand check: no vertex of the oblast's outline is nearer either river point than the edge distance
    # found, and the vertices (a few km apart) are not much farther.
    coords = shapely.get_coordinates(outline(gaz.geometry(KHARKIV_OBLAST, "admin1")))
    nearest_vertex_km = min(GEOD.inv([p.lon] * len(coords), [p.lat] * len(coords), coords[:, 0], coords[:, 1])[2].min() / 1000
                            for p in (gaz.place(OSKIL), gaz.place(OSKIL_NORTH)))
    assert nearest_vertex_km - 5 < right.measured["edge_distance_km"] <= round(nearest_vertex_km, 1)


def test_outskirts_of_a_city_counts_its_built_up_area(gaz):
    claim = one(gaz, "Bucha, on the outskirts of Kyiv, was occupied.", ("Bucha", BUCHA), ("Kyiv", KYIV), type="proximity")
    assert claim.measured["distance_km"] > 20                 # centre to centre...
    assert claim.measured["edge_distance_km"] < 10            # ...but Kyiv is 35 km across
    assert claim.verdict == "consistent"


def test_near_the_border(gaz):
    text = "A witness in Valuyki, a town in Russia's Belgorod region near the border with Ukraine, saw them."
    claim = one(gaz, text, ("Valuyki", VALUYKI), ("Russia", RUSSIA), ("Belgorod region", BELGOROD_OBLAST),
                ("Ukraine", UKRAINE), type="border_proximity")
    assert [r.geonameid for r in claim.subject] == [VALUYKI]
    # the region after "in Russia's" qualifies the town before it: the claim is the town's, quoted from it
    assert claim.quote == "Valuyki, a town in Russia's Belgorod region near the border with Ukraine"
    ukraine = gaz.geometry(UKRAINE, "admin0")
    valuyki = gaz.place(VALUYKI)
    # Hand check: the distance to the nearest vertex of Ukraine's outline bounds the distance from above.
    lon, lat = zip(*shapely.get_coordinates(outline(ukraine)))
    _, _, metres = GEOD.inv([valuyki.lon] * len(lon), [valuyki.lat] * len(lat), lon, lat)
    assert claim.measured["distance_km"] <= round(min(metres) / 1000, 1)
    assert 10 < claim.measured["distance_km"] < 25
    assert claim.verdict == "consistent"


def test_far_from_the_border(gaz):
    claim = one(gaz, "Officials in Moscow, near the border with Ukraine, said nothing.", ("Moscow", MOSCOW), ("Ukraine", UKRAINE),
                type="border_proximity")
    assert claim.measured["distance_km"] > 300
    assert claim.verdict == "inconsistent"


def test_adjacent_region_to_a_town(gaz):
    text = "Russian forces used Izium as the base for an assault on the adjacent Donbas region."
    claim = one(gaz, text, ("Izium", IZIUM), ("Donbas", DONBAS), type="adjacency")
    assert [r.geonameid for r in claim.anchor] == [DONBAS, DONETSK_OBLAST, LUHANSK_OBLAST]
    assert claim.verdict == "consistent"
    assert claim.measured["division"] == "Kharkiv Oblast"


@pytest.mark.parametrize("first, gid, verdict", [("Kharkiv Oblast", KHARKIV_OBLAST, "consistent"),
                                                 ("Kherson Oblast", KHERSON_OBLAST, "inconsistent")])
def test_adjacent_regions(gaz, first, gid, verdict):
    claim = one(gaz, f"Shelling hit {first} and the adjacent Luhansk region.", (first, gid), ("Luhansk region", LUHANSK_OBLAST),
                type="adjacency")
    assert claim.verdict == verdict, claim.explanation


def test_adjacent_to_a_city_has_no_polygon(gaz):
    claim = one(gaz, "Troops left Izium for neighboring Donetsk.", ("Izium", IZIUM), ("Donetsk", DONETSK_CITY), type="adjacency")
    assert claim.verdict == "unverifiable"
    assert claim.measured["reason"] == "no polygon"


# -- containment -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("region, gid, verdict", [("Kharkiv province", KHARKIV_OBLAST, "consistent"),
                                                  ("Kherson province", KHERSON_OBLAST, "inconsistent")])
def test_in_a_region(gaz, region, gid, verdict):
    claim = one(gaz, f"The fall of Izium in {region} was swift.", ("Izium", IZIUM), (region, gid), type="containment")
    assert claim.quote == f"Izium in {region}"
    assert claim.verdict == verdict
    if verdict == "inconsistent":
        assert claim.measured["distance_km"] > 200


def test_in_a_region_of_a_country(gaz):
    text = "A witness in Valuyki, a town in Russia's Belgorod region near the border, saw them."
    claim = one(gaz, text, ("Valuyki", VALUYKI), ("Russia", RUSSIA), ("Belgorod region", BELGOROD_OBLAST), type="containment")
    assert [r.geonameid for r in claim.anchor] == [BELGOROD_OBLAST, RUSSIA]
    assert claim.stated == {"region": "Belgorod region", "country": "Russia"}
    assert claim.verdict == "consistent"


def test_a_list_in_a_region(gaz):
    text = "Forces liberated Balakliia, Izium and Kupiansk in the Kharkiv region."
    claim = one(gaz, text, ("Balakliia", BALAKLIIA), ("Izium", IZIUM), ("Kupiansk", KUPIANSK), ("Kharkiv region", KHARKIV_OBLAST),
                type="containment")
    assert [r.geonameid for r in claim.subject] == [BALAKLIIA, IZIUM, KUPIANSK]
    assert claim.verdict == "consistent"


def test_comma_apposition(gaz):
    right = one(gaz, "Robyn Dixon reported from Riga, Latvia.", ("Riga", RIGA), ("Latvia", LATVIA), type="containment")
    assert right.verdict == "consistent"
    # A comma may join a list, so a failing "Riga, Lithuania" is not called wrong.
    doubtful = one(gaz, "Robyn Dixon reported from Riga, Lithuania.", ("Riga", RIGA), ("Lithuania", LITHUANIA), type="containment")
    assert doubtful.verdict == "unverifiable"
    assert doubtful.measured["inside"] is False


def test_a_list_of_regions_is_not_apposition(gaz):
    text = "Russia shelled Kharkiv, Donetsk and Luhansk regions."
    found = claims_of(gaz, text, ("Russia", RUSSIA), ("Kharkiv", KHARKIV), ("Donetsk", DONETSK_OBLAST), ("Luhansk", LUHANSK_OBLAST))
    assert [c for c in found if c.type == "containment"] == []


def test_subject_outside_every_polygon(gaz):
    regions = Regions.of(gaz)
    gulf = gaz.place(TENDRA_GULF)
    assert regions.containing(Point(gulf.lon, gulf.lat)) == []
    assert regions.containing(Point(gulf.lon, gulf.lat), "admin0") == []
    at_home = one(gaz, "Ships gathered in Tendrivska Zatoka in Ukraine.", ("Tendrivska Zatoka", TENDRA_GULF), ("Ukraine", UKRAINE),
                  type="containment")
    assert at_home.measured["inside"] is False and at_home.measured["distance_km"] > 0
    assert at_home.verdict != "inconsistent"          # GeoNames files it under Ukraine; the sea is outside the land outline
    abroad = one(gaz, "Ships gathered in Tendrivska Zatoka in Russia.", ("Tendrivska Zatoka", TENDRA_GULF), ("Russia", RUSSIA),
                 type="containment")
    assert abroad.verdict == "inconsistent"


def test_in_a_division_without_polygon_uses_admin_codes(gaz):
    right = one(gaz, "Izium in Izium Raion was hit.", ("Izium", IZIUM), ("Izium Raion", IZIUM_RAION), type="containment")
    wrong = one(gaz, "Bucha in Izium Raion was hit.", ("Bucha", BUCHA), ("Izium Raion", IZIUM_RAION), type="containment")
    assert (right.verdict, wrong.verdict) == ("consistent", "inconsistent")


def test_in_a_composite_region(gaz):
    claim = one(gaz, "Fighting went on at Lyman in the Donbas.", ("Lyman", LYMAN), ("Donbas", DONBAS), type="containment")
    assert claim.verdict == "consistent"


def test_containment_across_the_antimeridian(gaz):
    # Fiji and Russia are split at 180 in Natural Earth; both towns lie west of the cut, at 178-179 W.
    tubou = one(gaz, "Reporting from Tubou, Fiji.", ("Tubou", TUBOU), ("Fiji", FIJI), type="containment")
    assert gaz.place(TUBOU).lon < -178 and tubou.measured["inside"] is True
    assert tubou.verdict == "consistent"
    # Egvekinot's point lies in the sea just off the generalized coast: 1-2 km, not 358 degrees, away.
    egvekinot = one(gaz, "Reporting from Egvekinot, Russia.", ("Egvekinot", EGVEKINOT), ("Russia", RUSSIA), type="containment")
    assert gaz.place(EGVEKINOT).lon < -179 and egvekinot.measured["inside"] is False
    assert egvekinot.measured["distance_km"] < 5
    assert egvekinot.verdict == "consistent"


# -- numbers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("wording, verdict", [
    ("a town of about 27,000 people", "consistent"),            # GeoNames: 27,169
    ("a town of about 60,000 people", "inconsistent"),
    ("a town of more than 20,000 people", "consistent"),
    ("a town of fewer than 15,000 people", "inconsistent"),
    ("a town of about 25,000 residents", "consistent"),
])
def test_population(gaz, wording, verdict):
    claim = one(gaz, f"Troops entered Kupiansk, {wording}.", ("Kupiansk", KUPIANSK), type="population")
    assert claim.measured["population"] == gaz.place(KUPIANSK).population
    assert claim.verdict == verdict


def test_population_unknown_to_geonames(gaz):
    claim = one(gaz, "Troops entered Zaliznychne, a village of about 900 people.", ("Zaliznychne", ZALIZNYCHNE), type="population")
    assert claim.verdict == "unverifiable"
    assert claim.measured["reason"] == "no data"


@pytest.mark.parametrize("wording, verdict", [
    ("more than 3,000 square kilometers (1,864 miles)", "inconsistent"),   # 1,864 is 3,000 km as a length
    ("more than 3,000 square kilometers (1,158 miles)", "consistent"),     # "miles" meaning square miles
    ("about 2,000sq km (770sq miles)", "consistent"),                      # 772.2, rounded to tens
    ("around 2,000 square kilometers (770 square miles)", "consistent"),
    ("2,000 square kilometers (700 square miles)", "inconsistent"),
    ("up to 70 kilometers (43 miles)", "consistent"),
    ("up to 70 kilometers (50 miles)", "inconsistent"),
])
def test_unit_conversions(gaz, wording, verdict):
    claim = one(gaz, f"Ukrainian forces retook {wording} of territory.", type="unit_conversion")
    assert claim.quote == wording
    assert claim.verdict == verdict, claim.explanation


def test_unit_conversion_explains_the_error(gaz):
    claim = one(gaz, "They retook more than 3,000 square kilometers (1,864 miles) of land.", type="unit_conversion")
    assert claim.stated == {"value": 3000, "unit": "km2", "converted": 1864, "converted_unit": "mi"}
    assert claim.measured["expected"] == pytest.approx(1158.3, abs=0.1)
    assert "1,158 sq mi" in claim.explanation and "as a length" in claim.explanation


# -- claims feed resolution ------------------------------------------------------------------------------


def test_a_claim_chooses_among_same_named_places(gaz):
    assert len(gaz.lookup("Zaliznychne")) > 10
    text = "ZALIZNYCHNE, Ukraine - Calm returned. In Zaliznychne, a tiny agricultural village 37 miles east of Kharkiv, people slept."
    doc = document(gaz, text, ("ZALIZNYCHNE", ZALIZNYCHNE_ODESA), ("Ukraine", UKRAINE), ("Zaliznychne", ZALIZNYCHNE_ODESA),
                   ("Kharkiv", KHARKIV))
    found = find_and_check(doc, gaz)
    claim = next(c for c in found if c.type == "distance_direction")
    assert claim.verdict == "consistent"
    assert [r.geonameid for r in claim.subject] == [ZALIZNYCHNE]
    [switch] = claim.measured["resolved_by_claim"]
    assert (switch["from"], switch["to"], switch["mentions"]) == (ZALIZNYCHNE_ODESA, ZALIZNYCHNE, 2)
    assert "resolved 'Zaliznychne' to Zaliznychne" in claim.explanation
    switched = [m for m in doc.mentions if m.text.lower() == "zaliznychne"]
    assert [(m.geonameid, m.method, m.admin1) for m in switched] == [(ZALIZNYCHNE, "claim", "Kharkiv Oblast")] * 2


def test_a_claim_chooses_the_anchor_or_both(gaz):
    atlanta_indiana, atlanta_georgia, georgia_country, georgia_state = 4917706, 4180439, 614540, 4197000
    assert gaz.place(atlanta_indiana).admin1 == "Indiana" and gaz.place(georgia_state).country_code == "US"
    text = "The CDC in Atlanta, Georgia, sent samples."
    # The state, not the country, once Atlanta is the city in Georgia...
    only_anchor = document(gaz, text, ("Atlanta", atlanta_georgia), ("Georgia", georgia_country))
    claim = find_and_check(only_anchor, gaz)[0]
    assert claim.verdict == "consistent"
    assert [s["to"] for s in claim.measured["resolved_by_claim"]] == [georgia_state]
    # ...and both, when neither alone fits: no Atlanta lies in the country, nor Atlanta, Indiana in the state.
    both = document(gaz, text, ("Atlanta", atlanta_indiana), ("Georgia", georgia_country))
    claim = find_and_check(both, gaz)[0]
    assert claim.verdict == "consistent"
    assert [(s["from"], s["to"]) for s in claim.measured["resolved_by_claim"]] == [(atlanta_indiana, atlanta_georgia),
                                                                                   (georgia_country, georgia_state)]
    assert [m.geonameid for m in both.mentions] == [atlanta_georgia, georgia_state]


def test_a_distance_from_a_division_named_like_its_town_is_the_towns(gaz):
    # a distance runs between towns: "Oryol" read as the oblast is its capital, unless the text says "region"
    oryol_oblast, oryol, moscow = 514801, 515012, 524901
    text = "Fighting also reached Oryol, about 330 km south-west of Moscow."
    claim = find_and_check(document(gaz, text, ("Oryol", oryol_oblast), ("Moscow", moscow)), gaz)[0]
    assert claim.type == "distance_direction" and claim.verdict == "consistent", claim.explanation
    assert [(s["from"], s["to"]) for s in claim.measured["resolved_by_claim"]] == [(oryol_oblast, oryol)]
    text = "Fighting also reached the Oryol region, about 330 km south-west of Moscow."
    claim = find_and_check(document(gaz, text, ("Oryol", oryol_oblast), ("Moscow", moscow)), gaz)[0]
    assert claim.verdict == "unverifiable" and "resolved_by_claim" not in claim.measured, claim.explanation


def test_a_claim_leaves_a_right_resolution_alone(gaz):
    doc = document(gaz, "In Zaliznychne, a village 37 miles east of Kharkiv, people slept.", ("Zaliznychne", ZALIZNYCHNE),
                   ("Kharkiv", KHARKIV))
    claim = find_and_check(doc, gaz)[0]
    assert "resolved_by_claim" not in claim.measured
    assert doc.mentions[0].method == "exact"


def test_no_same_named_place_fits(gaz):
    doc = document(gaz, "In Zaliznychne, a village 370 miles east of Kharkiv, people slept.", ("Zaliznychne", ZALIZNYCHNE),
                   ("Kharkiv", KHARKIV))
    claim = find_and_check(doc, gaz)[0]
    assert claim.verdict == "inconsistent"
    assert doc.mentions[0].geonameid == ZALIZNYCHNE and "resolved_by_claim" not in claim.measured


# -- across articles -------------------------------------------------------------------------------------------


def _checked(gaz, article_id, text, *names):
    doc = document(gaz, text, *names)
    doc.article.id = article_id
    for m in doc.mentions:
        m.article = article_id
    doc.claims = find_and_check(doc, gaz)
    return doc


def test_conflicting_articles(gaz):
    a = _checked(gaz, "a.txt", "A map showed Russians behind the Oskil river on the outskirts of the Kherson region.",
                 ("Oskil", OSKIL), ("Kherson region", KHERSON_OBLAST))
    b = _checked(gaz, "b.txt", "A map showed Russians behind the Oskil River on the outskirts of the Kharkiv region.",
                 ("Oskil", OSKIL_NORTH), ("Kharkiv region", KHARKIV_OBLAST))
    found = conflicts([a, b])
    assert len(found) == 1
    assert found[0].type == "proximity"
    assert "the geometry supports b.txt" in found[0].explanation
    assert found[0].to_dict()["subject"][0]["name"] == "Oskil"


def test_agreeing_articles_do_not_conflict(gaz):
    a = _checked(gaz, "a.txt", "Izium in Kharkiv province fell.", ("Izium", IZIUM), ("Kharkiv province", KHARKIV_OBLAST))
    b = _checked(gaz, "b.txt", "Izium in Kharkiv region fell.", ("Izium", IZIUM), ("Kharkiv region", KHARKIV_OBLAST))
    assert conflicts([a, b]) == []


def test_conflicting_populations(gaz):
    a = _checked(gaz, "a.txt", "Troops entered Kupiansk, a town of about 27,000 people.", ("Kupiansk", KUPIANSK))
    b = _checked(gaz, "b.txt", "Troops entered Kupiansk, a town of about 60,000 people.", ("Kupiansk", KUPIANSK))
    found = conflicts([a, b])
    assert [k.type for k in found] == ["population"]


def test_tolerances_change_verdicts(gaz):
    text = "Kupiansk, 61 km north-east of Izium, fell."
    names = (("Kupiansk", KUPIANSK), ("Izium", IZIUM))
    assert one(gaz, text, *names, type="distance_direction").verdict == "consistent"
    strict = Policy().replace(bearing_degrees=10, borderline=1.0)
    assert one(gaz, text, *names, type="distance_direction", policy=strict).verdict == "inconsistent"
