"""Claims in war reports outside Ukraine (Syria, Gaza): a river drawn in several named pieces, and
bearings between neighbouring towns. Sentences written for the purpose; real GeoNames rows and
Natural Earth geometry; mentions resolved by hand (see test_claims.document)."""
from __future__ import annotations

from test_claims import one

GAZA, JABALIA, RAQQA = 281133, 281129, 172955


def euphrates(gaz) -> int:
    return next(c.place.geonameid for c in gaz.candidates("euphrates") if c.place.kind == "river")


def test_a_river_natural_earth_names_otherwise_upstream(gaz):
    # Natural Earth draws the Euphrates in Syria as "Al Furat": Raqqa is on the river all the same
    claim = one(gaz, "Raqqa, on the Euphrates, was the group's capital.", ("Raqqa", RAQQA), ("Euphrates", euphrates(gaz)),
                type="proximity")
    assert claim.verdict == "consistent", claim.explanation
    assert claim.measured["distance_km"] < 5


def test_a_short_bearing_that_holds_is_consistent(gaz):
    claim = one(gaz, "Jabalia lies about 3 kilometers north of Gaza City.", ("Jabalia", JABALIA), ("Gaza City", GAZA),
                type="distance_direction")
    assert claim.verdict == "consistent", claim.explanation
    assert claim.measured["compass"] == "NNE"


def test_a_short_bearing_that_misses_is_no_evidence(gaz):
    # 3 km apart, a point a kilometre off turns the bearing: a miss is not called inconsistent
    claim = one(gaz, "Jabalia lies about 3 kilometers south of Gaza City.", ("Jabalia", JABALIA), ("Gaza City", GAZA),
                type="distance_direction")
    assert claim.verdict == "unverifiable", claim.explanation


POKROVSK, DNIPRO, DONETSK, KRAMATORSK = 704422, 709930, 709717, 704508


def test_a_modifier_after_a_comma_may_be_the_sentences_subjects(gaz):
    # "..., roughly 70 km north-west of Donetsk" follows Dnipro's comma but is said of the town (Pokrovsk):
    # of Dnipro (211 km off) it fails, of the sentence's subject it holds, so it is no error of the article
    text = ("Russian troops pressed toward Pokrovsk, a logistics hub. The town sits on a highway linking Donetsk with "
            "Dnipro, roughly 70 km (43 miles) northwest of the Russian-occupied city of Donetsk.")
    claim = one(gaz, text, ("Pokrovsk", POKROVSK), ("Donetsk", DONETSK), ("Dnipro", DNIPRO), ("Donetsk", DONETSK),
                type="distance_direction")
    assert claim.verdict == "consistent", claim.explanation
    assert [r.geonameid for r in claim.subject] == [POKROVSK] and "the sentence's subject" in claim.explanation


def test_a_modifier_false_of_every_reading_stays_inconsistent(gaz):
    text = "Kramatorsk lies on a road linking Donetsk with Dnipro, roughly 400 km north of Donetsk."
    claim = one(gaz, text, ("Kramatorsk", KRAMATORSK), ("Donetsk", DONETSK), ("Dnipro", DNIPRO), ("Donetsk", DONETSK),
                type="distance_direction")
    assert claim.verdict == "inconsistent", claim.explanation


RUSSIA, KURSK_OBLAST, BRYANSK_OBLAST = 2017370, 538555, 571473


def test_a_country_possessing_a_list_of_divisions(gaz):
    from test_claims import claims_of

    text = "Drones were launched from Russia's Kursk and Bryansk regions overnight."
    claims = claims_of(gaz, text, ("Russia", RUSSIA), ("Kursk", KURSK_OBLAST), ("Bryansk regions", BRYANSK_OBLAST),
                       type="containment")
    assert [(c.subject[0].geonameid, c.anchor[0].geonameid, c.verdict) for c in claims] == [
        (KURSK_OBLAST, RUSSIA, "consistent"), (BRYANSK_OBLAST, RUSSIA, "consistent")]


VUHLEDAR, UKRAINE, KHERSON, KHERSON_OBLAST, NYALA, SOUTH_DARFUR, SUDAN = 690823, 690791, 706448, 706442, 369004, 408660, 366755
JERUSALEM, ISRAEL, LEBANON, NABATIYE, ENGELS, SARATOV_OBLAST, HAIFA = 281184, 294640, 272103, 444191, 563464, 498671, 294801


def test_a_figure_after_the_town_appositives_region_is_the_towns(gaz):
    claim = one(gaz, "Russia captured Vuhledar, a hilltop town in eastern Ukraine that had a prewar population of about 15,000.",
                ("Russia", RUSSIA), ("Vuhledar", VUHLEDAR), ("Ukraine", UKRAINE), type="population")
    assert [r.geonameid for r in claim.subject] == [VUHLEDAR] and claim.verdict == "consistent", claim.explanation


def test_a_towns_figure_read_as_a_countrys_is_no_error(gaz):
    # however the sentence was read, 15,000 is no figure for a country of 40 million: a misreading, not a claim
    claim = one(gaz, "Drones hit a hilltop town, and Ukraine, with a population of about 15,000, mourned.",
                ("Ukraine", UKRAINE), type="population")
    assert claim.verdict == "unverifiable" and claim.measured["reason"] == "vague wording", claim.explanation


def test_the_capital_of_a_region_lies_in_it(gaz):
    claim = one(gaz, "Shelling hit Kherson, the capital of the Kherson region, on Sunday.",
                ("Kherson", KHERSON), ("Kherson region", KHERSON_OBLAST), type="containment")
    assert claim.verdict == "consistent", claim.explanation


def test_a_rank_in_a_coordinated_appositive(gaz):
    claim = one(gaz, "Nyala, the capital of South Darfur and Sudan's second-largest city, fell in 2023.",
                ("Nyala", NYALA), ("South Darfur", SOUTH_DARFUR), ("Sudan", SUDAN), type="population")
    assert [r.geonameid for r in claim.subject] == [NYALA] and claim.stated["rank"] == 2


def test_a_possessive_description_and_a_dateline(gaz):
    # the cue follows "Israel's third-largest city,": the city described (Haifa), not the dateline's Jerusalem
    text = ("JERUSALEM, Sept 22 (Reuters) - Rockets reached Haifa, Israel's third-largest city, some 40 km (25 miles) "
            "south of the Lebanese border.")
    claim = one(gaz, text, ("JERUSALEM", JERUSALEM), ("Haifa", HAIFA), ("Israel", ISRAEL), type="border_proximity")
    assert [r.geonameid for r in claim.subject] == [HAIFA] and claim.verdict == "consistent", claim.explanation


def test_the_border_unnamed_is_the_neighbour_the_article_names(gaz):
    text = ("Ukraine struck Russia again. Ukraine's drones hit Engels air base in the Saratov region, more than "
            "600 km from the border, Ukraine said.")
    claim = one(gaz, text, ("Ukraine", UKRAINE), ("Russia", RUSSIA), ("Ukraine", UKRAINE), ("Engels", ENGELS),
                ("Saratov region", SARATOV_OBLAST), ("Ukraine", UKRAINE), type="border_proximity")
    assert [r.geonameid for r in claim.anchor] == [UKRAINE]   # not Kazakhstan's, the nearest
    assert claim.measured["distance_km"] > 400   # from Ukraine's outline (Kazakhstan's is 150 km off)


def test_a_distance_from_a_border_said_of_a_region_reaching_it(gaz):
    claim = one(gaz, "Israeli jets hit Nabatieh, about 12 km north of the border with Israel.",
                ("Nabatieh", NABATIYE), ("Israel", ISRAEL), type="border_proximity")
    assert claim.verdict == "unverifiable" and claim.measured["reason"] == "says little", claim.explanation


OCHAKIV, IZMAIL, ODESA, ROMANIA, SDEROT, MYKOLAIV, KURSK_CITY, GAZA_CITY = (
    698770, 707308, 698740, 798549, 293619, 700569, 538560, 281133)


def test_the_border_region_of_a_city_is_its_region(gaz):
    claim = one(gaz, "Russia's border region of Kursk has come under attack.", ("Russia", RUSSIA), ("Kursk", KURSK_CITY),
                type="border_proximity")
    assert [r.geonameid for r in claim.subject] == [KURSK_OBLAST] and claim.verdict == "consistent", claim.explanation


def test_a_shore_town_whose_point_lies_just_off_the_coastline(gaz):
    black_sea = next(c.place.geonameid for c in gaz.candidates("black sea") if c.place.feature_code == "SEA")
    claim = one(gaz, "Ochakiv, a port on the Black Sea coast, was hit.", ("Ochakiv", OCHAKIV), ("Black Sea", black_sea),
                type="proximity")
    assert claim.verdict == "consistent", claim.explanation


def test_a_modifier_after_a_country_is_the_sentences_subjects(gaz):
    text = "Izmail, a Danube port, sits on the border with Romania, about 190 km southwest of Odesa."
    claim = one(gaz, text, ("Izmail", IZMAIL), ("Romania", ROMANIA), ("Odesa", ODESA), type="distance_direction")
    assert [r.geonameid for r in claim.subject] == [IZMAIL] and claim.verdict == "consistent", claim.explanation


def test_a_town_named_before_border_stands_for_its_territory(gaz):
    claim = one(gaz, "Sderot, an Israeli town about 1.5 km from the Gaza border, came under fire.",
                ("Sderot", SDEROT), ("Gaza", GAZA_CITY), type="border_proximity")
    assert claim.anchor[0].name == "Gaza Strip" and claim.verdict == "consistent", claim.explanation


def test_a_time_phrase_is_no_clause_break(gaz):
    text = "Mykolaiv, home to about 470,000 people before the invasion, lies northwest of Kherson."
    claim = one(gaz, text, ("Mykolaiv", MYKOLAIV), ("Kherson", KHERSON), type="direction")
    assert [r.geonameid for r in claim.subject] == [MYKOLAIV] and claim.verdict == "consistent", claim.explanation


RAFAH, GAZA_STRIP = 281102, 281132


def test_a_place_on_a_regions_edge(gaz):
    claim = one(gaz, "Tanks pushed into Rafah, a city on the southern edge of the Gaza Strip.", ("Rafah", RAFAH),
                ("Gaza Strip", GAZA_STRIP), type="direction")
    assert claim.stated["direction"] == "S" and claim.verdict == "consistent", claim.explanation
    wrong = one(gaz, "Tanks pushed into Rafah, a city on the northern edge of the Gaza Strip.", ("Rafah", RAFAH),
                ("Gaza Strip", GAZA_STRIP), type="direction")
    assert wrong.verdict == "inconsistent", wrong.explanation


def test_a_region_named_before_a_towns_kind(gaz):
    # (the pipeline's reading: "the Hunan city of Yueyang" is Yueyang, in Hunan, not a town named Hunan)
    from geo.document import Article
    from geo.pipeline import Pipeline

    pipeline = Pipeline(gaz)
    document = pipeline.process(Article("t.txt", "Russians advanced on the Donetsk region town of Pokrovsk. Floods "
                                                 "hit the Hunan city of Yueyang."))
    claims = [(c.quote, c.verdict) for c in document.claims if c.type == "containment"]
    assert claims == [("the Donetsk region town of Pokrovsk", "consistent"), ("the Hunan city of Yueyang", "consistent")]


def test_a_described_thing_outside_a_town(gaz):
    claim = one(gaz, "Deputies searched Block's residence outside of Waterloo.", ("Waterloo", 4880889), type="proximity")
    assert claim.verdict == "unverifiable" and "Block's residence" in claim.explanation


def test_a_datelines_capitals_are_no_sentences_subject(gaz):
    from geo.document import Article
    from geo.pipeline import Pipeline

    text = "KINSHASA (AP) - M23 rebels have captured Goma, the largest city in eastern Congo, near the border with Rwanda."
    claims = Pipeline(gaz).process(Article("t.txt", text)).claims
    direction = [c for c in claims if c.type == "direction"]
    assert direction and direction[0].subject[0].name == "Goma" and direction[0].verdict == "consistent"
    assert all(c.verdict != "inconsistent" for c in claims), [c.explanation for c in claims]


KRYVYI_RIH, LVIV_CITY, HOMS, SYRIA = 703845, 702550, 169577, 163843


def test_a_place_in_the_centre_of_a_region(gaz):
    # measured against how far the region reaches in the place's direction (Syria's centre lies in its desert)
    claim = one(gaz, "Strikes hit Homs in central Syria.", ("Homs", HOMS), ("Syria", SYRIA), type="direction")
    assert claim.stated["direction"] == "C" and claim.verdict == "consistent", claim.explanation
    claim = one(gaz, "Kryvyi Rih, in central Ukraine, was hit.", ("Kryvyi Rih", KRYVYI_RIH), ("Ukraine", UKRAINE),
                type="direction")
    assert claim.verdict == "consistent", claim.explanation
    wrong = one(gaz, "Strikes hit Lviv in central Ukraine.", ("Lviv", LVIV_CITY), ("Ukraine", UKRAINE), type="direction")
    assert wrong.verdict == "inconsistent", wrong.explanation


WAD_MADANI = 364103


def test_a_bank_too_near_a_generalized_river_line_is_no_evidence(gaz):
    blue_nile = next(c.place.geonameid for c in gaz.candidates("blue nile") if c.place.kind == "river")
    claim = one(gaz, "Wad Madani, on the western bank of the Blue Nile, was retaken.", ("Wad Madani", WAD_MADANI),
                ("Blue Nile", blue_nile), type="direction")
    assert claim.verdict == "unverifiable" and claim.measured["reason"] == "too close", claim.explanation


MEKELE, ADDIS_ABABA, HERAT_CITY, IRAN = 331180, 344979, 1140026, 130758


def test_a_distance_longer_than_the_straight_line_may_be_by_road(gaz):
    claim = one(gaz, "Mekele lies about 780 km north of Addis Ababa.", ("Mekele", MEKELE), ("Addis Ababa", ADDIS_ABABA),
                type="distance_direction")
    assert claim.verdict == "unverifiable" and claim.measured["reason"] == "road distance", claim.explanation
    shorter = one(gaz, "Mekele lies about 250 km north of Addis Ababa.", ("Mekele", MEKELE), ("Addis Ababa", ADDIS_ABABA),
                  type="distance_direction")
    assert shorter.verdict == "inconsistent", shorter.explanation   # no road is shorter than the straight line


def test_a_modifier_the_sentences_described_subject_may_own(gaz):
    text = ("The epicenter was about 40 kilometers northwest of the city of Herat, the provincial capital, near the "
            "border with Iran.")
    claim = one(gaz, text, ("Herat", HERAT_CITY), ("Iran", IRAN), type="border_proximity")
    assert claim.verdict == "unverifiable" and "The epicenter" in claim.explanation, claim.explanation


PORT_SUDAN, KHARTOUM = 377039, 379252


def test_a_coast_in_the_appositive_is_where_its_head_lies(gaz):
    # "on the Red Sea coast some 850 km north-east of": the distance is Port Sudan's, not the coast's
    red_sea = next(c.place.geonameid for c in gaz.candidates("red sea") if c.place.kind == "water body")
    claim = one(gaz, "Port Sudan, on the Red Sea coast some 850 kilometers northeast of Khartoum, is the seat of government.",
                ("Port Sudan", PORT_SUDAN), ("Red Sea", red_sea), ("Khartoum", KHARTOUM), type="distance_direction")
    assert claim.subject[0].geonameid == PORT_SUDAN, claim.explanation


TUAPSE, KRASNODAR_KRAI = 480716, 542415


def test_a_place_qualifying_a_descriptions_noun(gaz):
    # "a Black Sea port in the Krasnodar region": the description is Tuapse's; the sea only qualifies "port"
    black_sea = next(c.place.geonameid for c in gaz.candidates("black sea") if c.place.kind == "water body")
    claim = one(gaz, "A fire broke out in Tuapse, a Black Sea port in the Krasnodar region.", ("Tuapse", TUAPSE),
                ("Black Sea", black_sea), ("Krasnodar region", KRASNODAR_KRAI), type="containment")
    assert claim.verdict == "consistent" and claim.subject[0].geonameid == TUAPSE, claim.explanation


MBANDAKA, GOMA = 2312895, 216281


def test_a_river_named_with_the_word_river_is_natural_earths_line(gaz):
    # the curated "Congo River" is Natural Earth's "Congo": measured to its line, not to its one point at Kinshasa
    congo = next(c.place.geonameid for c in gaz.candidates("congo river") if c.place.kind == "river")
    claim = one(gaz, "Ebola was confirmed in Mbandaka, a city on the Congo River.", ("Mbandaka", MBANDAKA),
                ("Congo River", congo), type="proximity")
    assert claim.verdict == "consistent", claim.explanation
    assert claim.measured["distance_km"] < 20


def test_a_lake_shore_is_not_the_sea_coast(gaz):
    # Goma lies on Lake Kivu, 500 km from any sea: the lake's shore is measured, not the coastline, and the
    # lake is known by one point 36 km off, which does not tell its shores
    kivu = next(c.place.geonameid for c in gaz.candidates("lake kivu") if c.place.feature_code.startswith("LK"))
    claim = one(gaz, "Rebels entered Goma, a city on the shores of Lake Kivu.", ("Goma", GOMA), ("Lake Kivu", kivu),
                type="proximity")
    assert claim.verdict == "unverifiable", claim.explanation


MANDERA, SOMALIA, NAIROBI, DEIR_EZ_ZOR, SYRIA = 187896, 51537, 184745, 170794, 163843


def test_a_distance_after_a_border_phrase_is_the_heads(gaz):
    # "Mandera, near the border with Somalia, about 900 km north-east of Nairobi": Somalia only says where
    # the border is; the distance is Mandera's (read as Somalia's it was "a region has no single distance")
    text = "Gunmen attacked Mandera, near the border with Somalia, about 900 km north-east of Nairobi."
    claim = one(gaz, text, ("Mandera", MANDERA), ("Somalia", SOMALIA), ("Nairobi", NAIROBI), type="distance_direction")
    assert [r.geonameid for r in claim.subject] == [MANDERA] and claim.verdict == "consistent", claim.explanation


def test_a_position_after_the_banks_of_a_river_is_the_heads(gaz):
    # "in eastern Syria" places Deir el-Zor, not the Euphrates it stands on
    text = "Fighting raged in Deir el-Zor, on the banks of the Euphrates in eastern Syria."
    claim = one(gaz, text, ("Deir el-Zor", DEIR_EZ_ZOR), ("Euphrates", euphrates(gaz)), ("Syria", SYRIA),
                type="direction")
    assert [r.geonameid for r in claim.subject] == [DEIR_EZ_ZOR] and claim.verdict == "consistent", claim.explanation


MALAKAL, JUBA = 370737, 373303


def test_a_river_after_a_distances_anchor_may_be_the_distances_subjects(gaz):
    # "Malakal, about 520 km north of Juba on the White Nile": Malakal is on the White Nile; Juba lies on
    # the stretch Natural Earth calls the Mountain Nile. The reading that holds is taken, and said so.
    white_nile = next(c.place.geonameid for c in gaz.candidates("white nile") if c.place.kind == "river")
    text = "Fighting in Malakal, about 520 km north of Juba on the White Nile, forced thousands to flee."
    claim = one(gaz, text, ("Malakal", MALAKAL), ("Juba", JUBA), ("White Nile", white_nile), type="proximity")
    assert [r.geonameid for r in claim.subject] == [MALAKAL] and claim.verdict == "consistent", claim.explanation
    assert claim.measured["read_otherwise"] == "said of Malakal, the distance's subject, not of Juba"
