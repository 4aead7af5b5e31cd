"""World news: names that reach English through transliteration (Arabic articles and spellings: Al
Fasher / El Fasher, Deir el-Zour / Deir ez-Zor, Idleb / Idlib), the guard that keeps a spelling drift
from landing in a country the article is not about, and small namesakes far from the story. Sentences written for the purpose; real GeoNames rows
of the mirror (Syria, Sudan and Lebanon come from cities500, where only their own spellings are).
"""
from __future__ import annotations

import pytest

DEIR_EZ_ZOR_PROVINCE, MUSE_PA = 170792, 5202776
EL_FASHER, DEIR_EZ_ZOR, MAARAT_AN_NUMAN, IDLIB_PROVINCE, BINT_JBEIL, LOS_ANGELES, FRANCE = (
    379555, 170794, 167611, 169387, 276592, 5368361, 3017382)


def mentions(pipeline, text: str) -> dict[str, int | None]:
    from geo.document import Article

    document = pipeline.process(Article("t.txt", text))
    found = {m.text: m.geonameid for m in document.mentions}
    return {**{m.text: None for m in document.unresolved}, **found}


@pytest.fixture(scope="module")
def pipeline(gaz):
    from geo.pipeline import Pipeline

    return Pipeline(gaz, check_claims=False)


def test_the_gazetteer_says_which_countries_are_transliterated(gaz):
    assert {"UA", "RU", "SY", "SD", "LB", "IQ", "AF"} <= gaz.transliterated_countries
    assert not {"US", "GB", "FR"} & gaz.transliterated_countries
    assert {"al", "el", "ez", "ash"} <= gaz.definite_articles


def test_another_romanization_of_the_article(pipeline):
    # GeoNames writes "El Fasher"; reporters also write "Al Fasher" (the article, romanized otherwise)
    found = mentions(pipeline, "The RSF said it had taken Al Fasher, the capital of North Darfur, in Sudan.")
    assert found["Al Fasher"] == EL_FASHER


def test_arabic_spelling_variants_in_a_syria_story(pipeline):
    text = ("Rebels advanced from Idleb province toward Maarat al-Numan, while US-backed forces stayed in "
            "Deir el-Zour on the Euphrates in eastern Syria.")
    found = mentions(pipeline, text)
    assert found["Idleb province"] == IDLIB_PROVINCE
    assert found["Maarat al-Numan"] == MAARAT_AN_NUMAN
    assert found["Deir el-Zour"] == DEIR_EZ_ZOR
    assert "Numan" not in found   # not Numan, Nigeria: a word of the longer name


def test_a_lebanese_spelling_drift(pipeline):
    found = mentions(pipeline, "Israeli strikes hit Bint Jbeil and Marjayoun in southern Lebanon.")
    assert found["Bint Jbeil"] == BINT_JBEIL   # GeoNames: Bent Jbaïl


def test_two_spelling_drifts_are_no_evidence_for_each_others_country(pipeline):
    # "Bahri" is near the Russian village Bugry by spelling, "Mokha" near Mga: each alone would be
    # rejected (the article does not name Russia); together they must not vouch for each other.
    found = mentions(pipeline, "Fighting hit Omdurman and Bahri in Sudan, and the Houthis fired at ships near Mokha in Yemen.")
    assert found.get("Bahri") is None and found.get("Mokha") is None


def test_english_words_and_romance_particles_are_no_name_particles(pipeline):
    found = mentions(pipeline, "The count ended Thursday as Los Angeles officials met. He won the Tour de France twice.")
    assert found["Los Angeles"] == LOS_ANGELES
    assert found["France"] == FRANCE   # like "of": the race is named after the place


def test_a_variant_spelling_keeps_its_qualifier(pipeline):
    found = mentions(pipeline, "US-backed forces control much of Deir el-Zour province in eastern Syria.")
    assert found["Deir el-Zour province"] == DEIR_EZ_ZOR_PROVINCE   # the governorate, not the city


def test_a_small_namesake_far_from_every_place_the_article_names(pipeline):
    # Muse, Myanmar is not in the extract (no population in cities500); Muse, Pennsylvania is 12,000 km off
    text = ("Lashio sits on the main highway from Mandalay, Myanmar's second-largest city, to the Chinese border "
            "town of Muse, and refugees crossed into Yunnan.")
    found = mentions(pipeline, text)
    assert found["Muse"] is None and found["Mandalay"] is not None
    # the same town in a story set near it is found
    assert mentions(pipeline, "Flooding hit Muse and Canonsburg in Washington County, Pennsylvania.")["Muse"] == MUSE_PA


def test_a_name_after_a_plural_place_noun_and_including_is_a_place_context(pipeline):
    # the extract lacks Paletwa: it is reported unresolved (so that a claim about it says so), not skipped
    found = mentions(pipeline, "The Arakan Army has seized most townships, including Paletwa near the border with Bangladesh.")
    assert "Paletwa" in found and found["Paletwa"] is None


def test_a_kind_written_before_the_name(pipeline, gaz):
    found = mentions(pipeline, "The typhoon hit the northern Philippine province of Cagayan and the island of Cyprus "
                               "was spared; the State of Israel sent aid.")
    assert gaz.place(found["Cagayan"]).feature_code == "ADM2"   # GeoNames: "Province of Cagayan", not the village
    assert gaz.place(found["Cyprus"]).feature_code == "PCLI" and gaz.place(found["State of Israel"]).name == "Israel"


def test_no_division_through_a_village_of_the_name_abroad(pipeline):
    # Baghdad's Shaab district is not in the extract; Israel's Northern District holds a village Sha'ab
    found = mentions(pipeline, "A car bomb exploded near a bus terminal in the eastern Shaab district of Baghdad, Iraq.")
    assert found.get("Shaab district") is None


def test_countries_by_their_everyday_names(pipeline, gaz):
    found = mentions(pipeline, "Delegates from Macedonia, the Czech Republic, the Dominican Republic and Bosnia met.")
    assert {gaz.place(found[name]).country_code for name in found} == {"MK", "CZ", "DO", "BA"}


def test_a_country_named_town_in_a_us_state(pipeline, gaz):
    found = mentions(pipeline, "Floods hit Peru, Indiana, and Lebanon, Pennsylvania.")
    assert gaz.place(found["Peru"]).country_code == "US" and gaz.place(found["Lebanon"]).country_code == "US"


def test_congo_by_the_story(pipeline, gaz):
    # AP writes "Congo" for the Democratic Republic; a story of Brazzaville's region means the Republic
    east = mentions(pipeline, "M23 rebels seized Goma, the largest city in eastern Congo, near Bukavu and Kinshasa.")
    assert gaz.place(east["Congo"]).country_code == "CD"
    west = mentions(pipeline, "Ebola broke out in the Republic of Congo's Cuvette-Ouest region; Congo asked Gabon for help.")
    assert gaz.place(west["Congo"]).country_code == "CG"
    assert gaz.place(mentions(pipeline, "Aid reached the Democratic Republic of Congo.")["Democratic Republic of Congo"]).country_code == "CD"


def test_a_bare_name_beside_its_division_with_its_kind_is_the_town(pipeline, gaz):
    from geo.document import Article

    text = ("An earthquake killed 1,000 people in Herat province. Herat, Afghanistan's third-largest city, was shaken; "
            "Herat province asked for aid.")
    found = [(m.text, gaz.place(m.geonameid).feature_code) for m in pipeline.locate(Article("t.txt", text)).mentions]
    assert ("Herat", "PPLA") in found and ("Herat province", "ADM1") in found
    # a state and its capital's other name stay apart: "Oklahoma" is the state (not Oklahoma City)
    assert mentions(pipeline, "Storms hit Oklahoma state and Oklahoma towns.").get("Oklahoma") in (None, 4544379)


HOMS_CITY, HOMS_GOVERNORATE, SUMY_CITY, QUEBEC_PROVINCE = 169577, 169575, 692194, 6115047


@pytest.mark.parametrize("text, name, expected", [
    # the article's places in the governorate (Palmyra) or near the oblast's centroid (Bilopillia)
    # tell the division from its capital no more than a bare name does: the city
    ("Government troops withdrew from Palmyra. In Homs, residents fled toward the coast.", "Homs", HOMS_CITY),
    ("In Sumy, an attack on a bus killed one person near the town of Bilopillia.", "Sumy", SUMY_CITY),
    # a province far more important than its capital keeps its name where the article's places lie in it
    ("The mayors of Montreal asked for right turns on red, legal in Quebec since 2003.", "Quebec", QUEBEC_PROVINCE),
])
def test_a_division_named_like_its_capital(pipeline, text, name, expected):
    assert mentions(pipeline, text)[name] == expected


def test_a_demonym_before_a_noun_is_no_place(pipeline):
    # "Somali" is Ethiopia's Somali Region too; before "leaders" it is Somalia's people
    found = mentions(pipeline, "Abiy Ahmed met Somali leaders in Mogadishu. Aid reached the Somali region of Ethiopia.")
    assert found["Somali"] is None
    assert found["Somali region"] == 444186


def test_a_country_holds_what_its_namesake_division_holds(pipeline):
    # GeoNames has a Taiwan province (ADM1) holding Taipei; the country holds Taipei too
    found = mentions(pipeline, "TAIPEI, Taiwan (Reuters) - China held drills around Taiwan, the ministry in Taipei said.")
    assert found["Taiwan"] == 1668284


def test_a_name_going_on_after_a_particle_is_a_longer_name(pipeline):
    # "Ain al-Asad" (an air base the extract lacks) is not Ain, the French department
    found = mentions(pipeline, "Rockets hit U.S. troops at Ain al-Asad in western Iraq.")
    assert found.get("Ain") is None and found["Iraq"] == 99237


def test_a_dateline_is_a_town(pipeline):
    # "Stepanakert" is an alternate name of both Khankendi (the town) and its larger ADM1 region
    found = mentions(pipeline, "STEPANAKERT, Azerbaijan (AP) — Thousands fled toward Goris in Armenia.")
    assert found["STEPANAKERT"] == 146970


def test_a_possessive_container_binds(pipeline):
    # "Iraq's Kurdistan region": not Iran's Kurdistan Province, the only division of that name, but the
    # region of no one country (the curated feature)
    found = mentions(pipeline, "A drone hit Erbil, the capital of Iraq's Kurdistan region, and Russia's Belgorod region.")
    assert found["Kurdistan region"] == 154109462
    assert found["Belgorod region"] == 578071
    # a feature of the country in no one division may lie in the division named
    found = mentions(pipeline, "The storm made landfall on Florida's Gulf Coast near Sarasota.")
    assert found["Gulf Coast"] is not None


def test_the_name_of_a_water_body(pipeline):
    # "the Atlantic": no town is written with "the" (Atlantic, Iowa is a town of the name)
    found = mentions(pipeline, "TAMPA, Fla. (AP) — The storm crossed Florida and moved into the Atlantic near Daytona Beach.")
    assert found["Atlantic"] == 3373405   # the curated ocean, with its GeoNames id


def test_officials_in_a_place_said(pipeline):
    # "said" after a name makes it a speaker ("Lavrov said"), but not after "in"
    found = mentions(pipeline, "KYIV, Ukraine (AP) — Kramatorsk and Sloviansk were shelled, Moscow-installed officials "
                               "in Artemovsk said.")
    assert found["Artemovsk"] == 713174   # Bakhmut
    # nor after a list of places "in": "officials in Kramatorsk, Sloviansk and Artemovsk said"
    found = mentions(pipeline, "KYIV, Ukraine (AP) — Officials in Kramatorsk, Sloviansk and Artemovsk said the towns were shelled.")
    assert found["Artemovsk"] == 713174


def test_a_capital_known_by_its_divisions_name(pipeline):
    # GeoNames: the canton is "Geneva", the city "Genève" (with "Geneva" among its other names)
    assert mentions(pipeline, "Talks were held in Geneva and Cairo.")["Geneva"] == 2660646


def test_a_capital_speaking_is_still_the_place(pipeline):
    # "Lavrov said" is a person; "Cairo said" is Egypt's government, in Cairo
    found = mentions(pipeline, "Cairo said the attackers had trained in Libya.")
    assert found["Cairo"] == 360630


def test_a_name_news_uses_without_the_article_is_the_places_own(pipeline):
    # "Minya" is Al Minyā's everyday name (the article dropped), as much its own as the governorate's
    assert mentions(pipeline, "An attack on a church in Minya killed seven, officials in Cairo said.")["Minya"] == 360686


def test_a_city_namesake_of_a_world_place_in_a_story_naming_its_country(pipeline):
    # London, Ontario (350,000) is no small town like Paris, Texas: Canada named suffices
    text = ("Organizers of a London rally thanked Canada for what it has done. Imam Jamal Taleb of the "
            "Islamic Centre in London said Canada's stand was appreciated.")
    assert mentions(pipeline, text)["London"] == 6058560


def test_the_names_of_a_list_are_of_one_kind(pipeline):
    # Wyoming, Ohio is a town of the name, in a state the article names; beside Montana it is the state
    found = mentions(pipeline, "We looked from mid-Ohio to the western borders of Montana and Wyoming, the family said.")
    assert found["Wyoming"] == 5843591
    # a name given a container stays itself
    found = mentions(pipeline, "Fans came from as far as Texas and Washington, D.C., to eat his fish.")
    assert found["Washington"] == 4140963


def test_a_division_holding_a_place_the_text_puts_in_it(pipeline):
    # India's and Pakistan's Punjab share the name; "Muridke in Punjab province" is Pakistan's
    text = ("India struck targets in Pakistan, including in Muridke in Punjab province. Drones were "
            "reported over Amritsar and Pathankot, and airports in Srinagar and Chandigarh closed.")
    assert mentions(pipeline, text)["Punjab province"] == 1167710


def test_an_inner_article_as_news_romanizes_it(pipeline):
    # GeoNames: Dayr al Balaḩ, also "Deir el Balah"; news writes "Deir al-Balah" (the governorate's name too)
    found = mentions(pipeline, "DEIR AL-BALAH, Gaza Strip (AP) — Strikes hit Deir al-Balah and Khan Younis.")
    assert found["DEIR AL-BALAH"] == 281141 and found["Deir al-Balah"] == 281141


def test_a_transliterated_names_generic_head(pipeline, gaz):
    # "Tel" is an English word too; starting a run it is the Arabic "hill" of Tall Rif'at (extract.toml's name_heads)
    assert "tel" in gaz.name_heads
    found = mentions(pipeline, "DAMASCUS, Syria (AP) — Turkish-backed fighters took Tel Rifaat and Manbij near Aleppo.")
    assert found["Tel Rifaat"] == 163476


def test_most_names_of_a_longer_list_set_its_kind(pipeline):
    # GeoVirus article 171 (bee colonies lost in "Georgia, Oklahoma, Pennsylvania, Wisconsin and
    # California"): beside Pennsylvania, towns named Oklahoma and California lie in it; the list is of states
    from conftest import corpus_article

    article = corpus_article("GeoVirus.xml", "171")
    found = {(m.text, m.start): m.geonameid for m in pipeline.locate(article).mentions}
    listed = article.text.index("Georgia, Oklahoma, Pennsylvania")
    assert found[("Oklahoma", listed + 9)] == 4544379 and found[("California", article.text.index("and California", listed) + 4)] == 5332921


def test_a_countrys_name_is_the_country_before_its_capital_or_province(pipeline):
    # Panamá is the capital's own name, and a province's; "Mexico" is an alternate of Mexico City,
    # named in the same article: the country's own name means the country
    text = ("PANAMA CITY - Migrants crossed the Darien Gap into Panama, where they took buses north. "
            "Panama's president met officials in Mexico City, and Mexico's government sent aid.")
    found = mentions(pipeline, text)
    assert found["Panama"] == 3703430 and found["Mexico"] == 3996063


def test_a_town_before_the_district_named_after_it(pipeline):
    # Ramallah governorate (ADM2) counts its towns' people and outweighs the town it is named after
    found = mentions(pipeline, "The Palestinian health ministry in Ramallah said 11 people were killed near Jenin.")
    assert found["Ramallah"] == 282239


def test_an_appositive_says_the_kind_and_a_position_word_does_not_hide_the_container(pipeline):
    found = mentions(pipeline, "In Córdoba, a city in central Veracruz, a polling station was set on fire.")
    assert found["Córdoba"] == 3530240     # the city, in Veracruz: not Córdoba municipality, nor Argentina's


def test_an_island_the_gazetteer_lacks_is_its_town_only_in_its_country(pipeline):
    found = mentions(pipeline, "Boats left the Libyan coast for Lampedusa, the Italian island closest to Africa.")
    assert found["Lampedusa"] == 2524459   # the town (the gazetteer has no row for the island)
    found = mentions(pipeline, "Wildfires raged in Greece near Athens and Patras, and tourists fled the island of Rhodes by boat.")
    assert found["Rhodes"] == 400666       # Ródos, the island's town
    found = mentions(pipeline, "A booker from Hartford, Connecticut, disappeared on the island of Tortola in 2008.")
    assert found.get("Tortola") is None     # not Tórtola de Henares, Spain


def test_a_wire_services_dateline_alone_is_the_best_known_town(pipeline):
    # a wire service writes a town alone only where it is the best-known: Genève, though the story
    # names the United States (and with it Geneva, Illinois); New Delhi, not Delhi (also known so)
    text = ("GENEVA (Reuters) - The World Health Organization said on Wednesday that mpox cases in the "
            "U.S. and Canada were rising. Officials in Geneva said vaccines would be sent to Kinshasa.")
    found = mentions(pipeline, text)
    assert found["GENEVA"] == 2660646 and found["Geneva"] == 2660646
    assert mentions(pipeline, "NEW DELHI (AP) — Voting began in India's general election.")["NEW DELHI"] == 1261481


def test_a_states_name_is_the_state_before_a_small_town_elsewhere_named_after_it(pipeline):
    text = ("EAGLE PASS, Texas (AP) — Governors from 25 Republican-led states, including Florida, Oklahoma "
            "and Georgia, signed a letter. Officials in New York and Chicago said shelters were full.")
    found = mentions(pipeline, text)
    assert (found["Florida"], found["Georgia"]) == (4155751, 4197000)   # the states: not Florida, New York, nor the country


def test_a_village_once_named_like_a_city_takes_no_home_region_bonus(gaz):
    # Miamitown, Ohio is known as "Miami" only as a former name, which Miami, Florida bears as its own:
    # an Ohio story's home region does not lift it over Miami (Sidon, of 160,000, keeps "Saida")
    from geo.resolution.resolver import Resolver

    senses = Resolver(gaz)._find("miami", (), "exact", None)
    eligible = {c.place.name: ok for c, ok in zip(senses.ranked, senses.home_eligible)}
    assert eligible["Miamitown"] is False and eligible["Miami"] is True
    senses = Resolver(gaz)._find("saida", (), "exact", None)
    assert all(ok for c, ok in zip(senses.ranked, senses.home_eligible) if c.place.name == "Sidon")


def test_a_short_form_of_a_villages_name_is_no_own_name_against_a_capital(gaz):
    # Santiago Vázquez (Uruguay, 1,468 people) is "Santiago" only by a short form: a story's Uruguayan
    # places do not lift it over Santiago, Chile, which bears the name as its own
    from geo.resolution.resolver import Resolver

    senses = Resolver(gaz)._find("santiago", (), "exact", None)
    eligible = {c.place.name: ok for c, ok in zip(senses.ranked, senses.home_eligible)}
    assert eligible["Santiago Vázquez"] is False and eligible["Santiago"] is True


def test_a_towns_kind_in_lower_case_is_no_part_of_its_name(pipeline):
    # "Valencia city" is Valencia (the Philippines' Valencia City is another place); Spain's context
    text = "The mayor of Paiporta, the town south of Valencia city in Spain, said 45 residents died in the floods."
    found = mentions(pipeline, text)
    assert found["Valencia city"] == 2509954


def test_prefectures_listed(pipeline):
    found = mentions(pipeline, "TOKYO (Reuters) - Shaking was also felt in Niigata and Toyama prefectures, and in Osaka.")
    assert (found["Niigata"], found["Toyama prefectures"]) == (1855429, 1849872)   # the prefectures, not their capitals


def test_names_of_common_words_the_text_says_are_places(pipeline):
    # "Cameron", "Port Arthur", "Sake" are common English words: a kind the text gives, a parish, a
    # head of places' names ("Port") and a territory say a place is meant
    text = ("LAKE CHARLES, La. (AP) — Hurricane Laura pushed seawater across Cameron Parish and made landfall "
            "near the small town of Cameron. Texas officials said Beaumont and Port Arthur were spared.")
    found = mentions(pipeline, text)
    assert (found["Cameron Parish"], found["Cameron"], found["Port Arthur"]) == (4318690, 4318695, 4720039)
    found = mentions(pipeline, "GOMA, Congo (AP) — Artillery fire was heard from Sake, a town about 25 kilometers west of Goma.")
    assert found["Sake"] == 205970
    found = mentions(pipeline, "ABUJA, Nigeria (AP) — Counting was under way across all 36 states and the Federal Capital Territory.")
    assert found["Federal Capital Territory"] == 2352776


def test_a_sentence_opening_in_is_no_postal_code(pipeline):
    # "In" is Indiana's postal code only after "Town, ": "In County Durham" is County Durham
    found = mentions(pipeline, "In County Durham, a man died after his car was swept away near Barnard Castle.")
    assert found["County Durham"] == 2650629


def test_the_last_name_after_in_nearby_is_no_speaker(pipeline):
    found = mentions(pipeline, "SPRINGFIELD, Ohio (AP) — Officials in nearby Dayton and Urbana said they had received threats.")
    assert found["Urbana"] == 5174897


def test_a_datelines_town_is_the_towns_bare_name_too(pipeline):
    # the story's La Plata lies in Buenos Aires province, which would take the bare name; the dateline
    # says the story's Buenos Aires is the city
    text = ("BUENOS AIRES, Argentina (Reuters) - Tens of thousands marched in Buenos Aires and other cities "
            "on Wednesday, including La Plata, Rosario and Córdoba, against cuts to university funding.")
    found = mentions(pipeline, text)
    assert found["Buenos Aires"] == 3435910


def test_of_and_to_do_not_make_another_languages_name_a_place(pipeline):
    # "Hamas" is Hamm's name in some language; "of", "to" and "the" before it say nothing of a place
    text = ("DEIR AL-BALAH, Gaza Strip (AP) — The ministry, part of the Hamas-run government, said talks in "
            "Cairo had stalled. The armed wing of Hamas said it fired rockets at Ashkelon.")
    found = mentions(pipeline, text)
    assert found.get("Hamas") is None and found["Cairo"] == 360630
    # another romanization is no other language's name: "from Kupiansk" is Kupyansk, with no country named
    assert mentions(pipeline, "A short report from Kupiansk.")["Kupiansk"] == 703656


def test_a_final_h_and_a_common_word_beside_a_rare_one(pipeline):
    # GeoNames writes Zindah Jān; reporters "Zinda Jan" (the final h dropped, and "Jan" is a common word)
    found = mentions(pipeline, "HERAT, Afghanistan (AP) — Most of the dead were in Zinda Jan district, northwest of Herat.")
    assert found["Zinda Jan district"] == 7053050


def test_a_word_of_direction_before_a_noun_is_no_place(pipeline):
    found = mentions(pipeline, "KIGALI, Rwanda (AP) — Western countries called on Rwanda to withdraw its troops from Goma.")
    assert found.get("Western") is None and found["Goma"] == 216281


def test_a_city_of_millions_named_like_a_word_is_a_place_anywhere(pipeline):
    # wordfreq counts "Chicago" as a common word (the band, the musical); a city of 2.7 million is
    # what it names, with no place cue and no US place beside it
    assert mentions(pipeline, "Storms hit Chicago.")["Chicago"] == 4887398
    assert mentions(pipeline, "Reading won the match.").get("Reading") is None   # (160,000 people: still a word)


def test_each_mention_keeps_its_own_container(pipeline):
    # the dateline and "Paris, Texas" settle the story's Parises, but not the one the text puts in France
    from geo.document import Article

    text = ("PARIS, Texas (AP) — The Eiffel Tower replica in Paris, Texas, drew tourists. It is smaller than "
            "the original in Paris, France, officials said.")
    found = [(m.text, m.country_code) for m in pipeline.process(Article("t.txt", text)).mentions if m.text.lower() == "paris"]
    assert found == [("PARIS", "US"), ("Paris", "US"), ("Paris", "FR")]


def test_a_container_outweighs_the_articles_context(pipeline):
    # the story is about Paris, Texas (its dateline, Lamar County, Dallas), but "Paris, France" is France's
    from geo.document import Article

    text = ("PARIS, Texas — A tornado tore through the north side of Paris late Saturday, Lamar County officials "
            "said. Paris lies about 100 miles northeast of Dallas. Town officials joked that the replica tower, "
            "unlike the original in Paris, France, survived.")
    found = [(m.text, m.country_code) for m in pipeline.process(Article("t.txt", text)).mentions if m.text.lower() == "paris"]
    assert found == [("PARIS", "US"), ("Paris", "US"), ("Paris", "US"), ("Paris", "FR")]


def test_a_department_in_lower_case_is_a_division(pipeline):
    # South American departments are first-level divisions named like their capitals
    found = mentions(pipeline, "Farmers in the Oruro department and in Potosí said harvests had failed.")
    assert found["Oruro department"] == 3909233   # the department, not the city (3909234)
    found = mentions(pipeline, "Guerrillas attacked a police post in the department of Cauca, Colombia.")
    assert found["Cauca"] == 3687029
    # a Department in capitals is an office: "Ohio" is the state, not the Ohio River
    from geo.document import Article

    document = pipeline.process(Article("t.txt", "He applied to the Ohio Department of Development for funding."))
    assert [(m.text, m.geonameid) for m in document.modifiers] == [("Ohio", 5165418)]


def test_a_division_in_lower_case_is_a_division(pipeline):
    # Bangladesh's divisions are its first level; GeoNames names this one "Chittagong" like the city
    found = mentions(pipeline, "Floods cut off villages in Chittagong division and in Sylhet on Monday.")
    assert found["Chittagong division"] == 1337200   # the division, not the city (Chattogram, 1205733)


def test_a_list_of_states_takes_a_province_across_the_border(pipeline):
    found = mentions(pipeline, "PORTLAND, Maine — Crews from New Hampshire, Vermont and Quebec were helping restore power.")
    assert found["Quebec"] == 6115047   # the province, not Québec city (6325494)
    # two names say too little: "the West Bank and Jerusalem" keeps the city
    found = mentions(pipeline, "Israel may hold on to major settlements in the West Bank and Jerusalem.")
    assert found["Jerusalem"] == 281184


def test_a_district_the_gazetteer_lacks_is_its_town(pipeline):
    # a US school district is named after its town: the town, not the town's state
    found = mentions(pipeline, "The Hallsville district, about 15 miles north of Columbia, Missouri, is studying a merger.")
    assert found["Hallsville district"] == 4389293
    # a division of the name at another level comes first: Kenya's counties are first-level divisions
    found = mentions(pipeline, "NAIROBI, Kenya (Reuters) - Floods hit Garissa county in the northeast.")
    assert found["Garissa county"] == 197744


def test_a_division_geonames_names_with_its_kind_before_it(pipeline):
    # GeoNames: "Provincia de Alicante"; the build indexes "Alicante" for it as a stem, so "the
    # province of Alicante" is the province, not the Valencian Community that holds the city
    found = mentions(pipeline, "Sedaví, a town in the province of Alicante, was flooded.")
    assert found["Alicante"] == 2521976
    assert mentions(pipeline, "Flights to Alicante resumed.")["Alicante"] == 2521978   # the city, still
    # a name's own place fits its kind word whatever its level: Brazil's Federal District is first-level,
    # no "district" (nor Argentina's Departamento de Federal, found by the stem)
    found = mentions(pipeline, "BRASILIA (Reuters) - Dengue cases rose in Goiás and the Federal District.")
    assert found["Federal District"] == 3463504


def test_half_a_long_list_of_regions_makes_the_regional_capitals_regions(pipeline):
    found = mentions(pipeline, "LIMA, Peru (Reuters) - The worst dengue outbreaks were in Piura, Lambayeque, Tumbes and La Libertad.")
    assert (found["Piura"], found["Tumbes"]) == (3693525, 3691146)   # the regions, not their capitals
    # cities with no region of their name stay cities
    found = mentions(pipeline, "BOGOTA (Reuters) - Floods hit Antioquia, Cauca, Cali and Medellin.")
    assert (found["Cali"], found["Medellin"]) == (3687925, 3674962)


def test_a_village_named_like_a_city_of_millions_needs_its_home_region(pipeline):
    # Pennsylvania is named (Oakmont, Pittsburgh), but the story is no Pennsylvania story: the Dallas a
    # golfer comes from is the city of 1.3 million, not the village of 2,800 near Wilkes-Barre
    text = ("DUBLIN, Ohio (AP) — Scottie Scheffler won the Memorial on Sunday in Dublin. The world No. 1 from Dallas "
            "finished at 10 under. He heads next to the U.S. Open at Oakmont, near Pittsburgh.")
    assert mentions(pipeline, text)["Dallas"] == 4684888


def test_a_kind_word_inside_a_bodys_name_qualifies_nothing(pipeline):
    # "State", "County", "City" end the place's name, but the whole is a body's: the place modifies it
    from geo.document import Article

    text = ("SALEM, Ore. (AP) — The Oregon State Police investigated. He was tried at the Marion County Courthouse. "
            "Jefferson City Public Schools closed one building, and the Hillsborough County Sheriff's Office said nothing.")
    document = pipeline.process(Article("t.txt", text))
    assert {m.text for m in document.modifiers} >= {"Oregon State", "Marion County", "Jefferson City", "Hillsborough County"}
    assert not {m.text for m in document.mentions} & {"Oregon State", "Marion County", "Jefferson City", "Hillsborough County"}


def test_ireland_and_britain_write_county_before_the_name(pipeline):
    # GeoNames names Offaly in Irish (Uíbh Fhailí); Natural Earth's county of the same id gives "Offaly"
    found = mentions(pipeline, "DUBLIN (Reuters) - Lowry, from Clara in County Offaly, won. The next event is in County Kildare.")
    assert (found["County Offaly"], found["County Kildare"]) == (2962187, 2963435)
    # no "X County" of another country: County Antrim (not in the extract) is its county town
    assert mentions(pipeline, "BELFAST (Reuters) - Floods hit County Antrim.")["County Antrim"] == 2657255
    # GeoNames' "Mayo County" is Co Mayo (the kind after the name, in a country that writes it first)
    assert mentions(pipeline, "CASTLEBAR, Co Mayo — Counting resumed on Sunday.")["Co Mayo"] == 2962666
    # a county named like its town is the county only when written so: Galway is the city
    assert mentions(pipeline, "Storm Ciaran battered Galway, on Ireland's west coast.")["Galway"] == 2964180


def test_a_features_kind_before_a_name_at_a_sentences_start(pipeline):
    # "Lake Urmia" is the lake the extract lacks, not the city of Urmia; the city named later is the city
    from geo.document import Article

    document = pipeline.process(Article("t.txt", "Lake Urmia in the northwest has shrunk. Residents of Tabriz and Urmia blame dust storms."))
    assert [(m.text, m.start, m.geonameid) for m in document.mentions] == [("Tabriz", 53, 113646), ("Urmia", 64, 121801)]


def test_namesakes_far_beyond_a_tight_storys_reach_are_places_the_gazetteer_lacks(pipeline):
    # the story's places lie within tens of kilometres of each other; Panama's Volcán and Las Lajas
    # (1,100 km away) are not what it means, nor evidence for each other's country
    text = ("ESCUINTLA, Guatemala (AP) — Authorities evacuated villages near Alotenango, Antigua Guatemala and "
            "San Miguel Dueñas as the Volcán de Fuego erupted. Flows descended the Las Lajas ravine toward "
            "Escuintla, and ash fell on Guatemala City.")
    found = mentions(pipeline, text)
    assert found.get("Volcán") is None and found.get("Las Lajas") is None
    assert found["Alotenango"] == 3599788 and found["Guatemala City"] == 3598132


def test_a_common_word_listed_before_a_plural_kind_is_a_division(pipeline):
    # Ghana's Western Region, named like a word of direction, in a list the kind ends
    found = mentions(pipeline, "ACCRA, Ghana (Reuters) - Plants in the Western and Eastern regions cut production.")
    assert (found["Western"], found["Eastern regions"]) == (2294076, 2301360)
    assert not any(mentions(pipeline, "Officials in the North and South said nothing.").values())


def test_a_brook_of_a_full_dump_is_no_river_far_beyond_the_story(pipeline):
    # the Ukrainian dump has a brook called Neretva; Bosnia's river is not in the extract
    text = ("SARAJEVO, Bosnia (Reuters) - The Neretva River burst its banks near Jablanica and Konjic, and "
            "Mostar was on alert.")
    found = mentions(pipeline, text)
    assert found.get("Neretva River") is None and found["Mostar"] == 3194828


def test_a_former_name_is_the_renamed_towns_before_a_divisions(pipeline):
    # GeoNames lists "Stepanakert" for Xankandi (53,000 people) and for the Khojaly district beside it
    found = mentions(pipeline, "GORIS, Armenia (Reuters) - She still keeps the key to her house in Stepanakert.")
    assert found["Stepanakert"] == 146970


def test_a_sea_or_region_of_no_one_country_is_any_owners(pipeline):
    # a possessive binds a place to its country; a sea or a region across borders is any shore's or part's
    found = mentions(pipeline, "CAIRO (AP) — Bulldozers cleared land on Egypt's Mediterranean coast. Romania's Black Sea "
                               "gas project is on track, and exports from Iraq's Kurdistan region remain halted.")
    assert (found["Mediterranean"], found["Black Sea"]) == (363196, 6640396)
    # the container rules out Iran's Kurdistan Province: the next of the name's places it allows
    assert found["Kurdistan region"] == 154109462


def test_co_for_county_before_the_name(pipeline):
    found = mentions(pipeline, "Homeowners in Co Donegal protested in Dublin.")
    assert found["Co Donegal"] == 2964751


def test_a_plural_kind_and_of_before_a_list(pipeline):
    text = ("DAR ES SALAAM, Tanzania (Reuters) - The pipeline runs through the regions of Geita, Shinyanga, Tabora, "
            "Singida and Dodoma. Residents would be moved to other regions of Tanzania.")
    found = mentions(pipeline, text)
    assert [found[n] for n in ("Geita", "Shinyanga", "Tabora", "Singida", "Dodoma")] == [8469239, 150004, 149653, 149876, 160192]
    assert found["Tanzania"] == 149590   # the country that holds them


def test_a_countrys_adjective_before_a_name_binds_like_a_possessive(pipeline):
    # "the Algerian Sahara": the adjective is no part of a longer name; "Swedish Lapland" is no
    # Finnish region (Sweden's Lapland is not in the extract)
    found = mentions(pipeline, "Gas comes from a field in the Algerian Sahara. Kiruna, in Swedish Lapland, will move.")
    assert found["Sahara"] == 136164464 and found.get("Lapland") is None


def test_a_japanese_city_geonames_writes_with_its_kind(pipeline):
    # GeoNames: "Fukui-shi"; news: "Fukui". The dateline is the city, the prefecture is named as one
    found = mentions(pipeline, "FUKUI, Japan (Kyodo) — The line was extended to Fukui Prefecture on Saturday.")
    assert (found["FUKUI"], found["Fukui Prefecture"]) == (1863985, 1863983)


def test_a_possessive_government_is_a_polity(pipeline):
    found = mentions(pipeline, "QUEBEC CITY — Quebec's government and Ottawa agreed to fund a tramway in Quebec City.")
    assert found["Quebec"] == 6115047 and found["Quebec City"] == 6325494
    # a capital's government is the country's: Washington stays the city
    assert mentions(pipeline, "Washington's government imposed tariffs.")["Washington"] == 4140963


def test_a_list_of_one_countrys_divisions_makes_its_seat_towns_divisions(pipeline):
    # Mayo and Kerry are only counties; Galway and Sligo are also their county towns: the list names counties
    text = "DUBLIN (Reuters) - Storm Eowyn left 700,000 homes without power, most of them in Galway, Mayo, Kerry and Sligo."
    found = mentions(pipeline, text)
    assert (found["Galway"], found["Mayo"], found["Sligo"]) == (2964179, 2962666, 2961422)
    # GeoNames' "Limerick City and County Council" is known by its stem, as a county
    assert mentions(pipeline, "Pyrite was found in homes in Clare, Kerry and Limerick.")["Limerick"] == 11611445
    # a list of towns stays towns, and one division is no list of divisions
    found = mentions(pipeline, "Protests spread to Limerick, Galway and Cork on Saturday, and to Kerry.")
    assert (found["Limerick"], found["Galway"], found["Cork"]) == (2962943, 2964180, 2965140)
    found = mentions(pipeline, "Polls closed in Ohio, Michigan and Detroit.")
    assert found["Detroit"] == 4990729


def test_a_second_level_division_with_no_town_in_the_extract_is_placed_by_natural_earth(gaz):
    # no town of cities500 lies in Sri Lanka's Mullaitivu District; Natural Earth's unit of its id places it
    place = gaz.place(1234392)
    assert (place.name, place.feature_code) == ("Mullaitivu District", "ADM2")
    assert 9.0 < place.lat < 9.5 and 80.4 < place.lon < 81.0


def test_a_compass_adjective_before_a_name_leaves_it_the_place(pipeline):
    # "Southwestern" only narrows Ontario, as "Northern" narrows Ireland
    found = mentions(pipeline, "Tornado damage was reported across Southwestern Ontario, near Woodstock, on Monday.")
    assert found.get("Ontario") == 6093943


def test_a_capitals_dateline_leaves_the_countrys_name_the_country(pipeline):
    # the dateline is the capital; "Djibouti" in the story is the state Ethiopia relies on
    text = ("DJIBOUTI, Djibouti (AP) — Ethiopia wants a port of its own, ending its reliance on Djibouti, officials "
            "in Addis Ababa said. Djibouti hosts bases of the United States and France.")
    from geo.document import Article

    document = pipeline.process(Article("t.txt", text))
    assert [m.geonameid for m in document.mentions if m.text == "Djibouti"] == [223816, 223816, 223816]
    assert document.mentions[0].geonameid == 223817   # the dateline itself is the city


def test_a_district_placed_on_its_town_yields_to_it_whatever_its_codes(pipeline):
    # GeoNames codes Lima's district of Lima in the Lima region (where Huacho and Huaral lie) and the
    # capital in Lima Province: the district, at the city's point, is no rival to it
    text = ("HUACHO, Peru (Reuters) - Fishermen in Huacho and Huaral protested on Monday, demanding that the "
            "government in Lima compensate them for the oil spill.")
    assert mentions(pipeline, text)["Lima"] == 3936456


def test_a_state_abbreviation_after_a_town_is_its_container_even_before_a_list(pipeline):
    # "B.C." is written after a town, never listed: Vancouver, B.C., not the story's Vancouver, Wash.
    text = "VANCOUVER, Wash. (AP) — Trucks run between Vancouver, B.C., and California every day."
    from geo.document import Article

    document = pipeline.process(Article("t.txt", text))
    assert [m.geonameid for m in document.mentions if m.text == "Vancouver"] == [6173331]


def test_a_bare_name_beside_its_division_is_the_town_only_where_the_town_is_the_seat(pipeline):
    # Okinawa City is no seat of Okinawa Prefecture (Naha is): bare "Okinawa" stays the prefecture
    text = ("NAHA, Japan (Kyodo) - Tourist arrivals in Naha, capital of Okinawa Prefecture, hit a record. "
            "Okinawa hosts most U.S. bases in Japan.")
    assert mentions(pipeline, text)["Okinawa"] == 1854345
    # Herat is Herat province's seat
    text = "Floods hit Herat province on Monday. In Herat, Afghanistan's third-largest city, roads were cut."
    assert mentions(pipeline, text)["Herat"] == 1140026


def test_a_name_written_with_its_division_kind_is_the_division_bare_where_the_town_bears_it_only_as_another_name(pipeline):
    # Jolo was once called Sulu, Belém once Pará: after "Sulu province", "Pará state", the bare names are the divisions
    text = "ZAMBOANGA, Philippines (Reuters) - Troops were deployed to Sulu province after clashes. Residents fled Sulu by boat."
    assert mentions(pipeline, text)["Sulu"] == 1685370
    text = "BELEM, Brazil (Reuters) - Deforestation in Pará state rose again. Pará is larger than Colombia."
    assert mentions(pipeline, text)["Pará"] == 3393129


def test_a_dam_named_after_a_town_is_not_the_town_and_an_airport_makes_it_a_modifier(pipeline):
    from geo.document import Article

    text = ("BISHKEK (Reuters) - Water in the Toktogul dam fell to a record low, officials in Bishkek said. "
            "Two Chinese engineers were killed in a bombing near Karachi airport.")
    document = pipeline.process(Article("t.txt", text))
    assert "Toktogul" not in {m.text for m in document.mentions}
    assert [m.geonameid for m in document.modifiers if m.text == "Karachi"] == [1174872]
    # a town named alone is the town
    assert mentions(pipeline, "BISHKEK (Reuters) - Floods hit Toktogul on Monday.")["Toktogul"] == 1538648


def test_a_run_of_capitalized_common_words_in_a_place_context_is_a_name(pipeline):
    # "Broken Hill", "Big Sky": every word common, but capitalized mid-sentence after "in"/"to"
    assert mentions(pipeline, "SYDNEY (Reuters) - Water was trucked to Broken Hill after the river ran dry.").get("Broken Hill") == 2173911
    assert mentions(pipeline, "BOZEMAN, Mont. (AP) - Home prices rose most in Big Sky.").get("Big Sky") == 5640193
    # with "the" before, or a feature's kind first, the run is no town's name
    found = mentions(pipeline, "Officials at the White House met. Fishing on Lake Albert was banned.")
    assert found.get("White House") is None and found.get("Lake Albert") is None


def test_a_titles_abbreviation_ends_no_sentence_before_a_persons_name(pipeline):
    # "Sen." is no sentence's end: "Annette Cleveland" is a person, not Cleveland, Ohio
    text = "OLYMPIA, Wash. (AP) — The bill passed, said state Sen. Annette Cleveland, a Vancouver Democrat."
    assert mentions(pipeline, text).get("Cleveland") is None


def test_a_name_the_article_writes_as_a_river_is_the_river_after_the(pipeline):
    # the extract has no Naryn river: "the Naryn" is no town once the article writes "the Naryn River"
    text = ("BISHKEK (Reuters) - The dam on the Naryn River will store water that flows down the Naryn "
            "into Uzbekistan, officials in Naryn said.")
    from geo.document import Article

    document = pipeline.process(Article("t.txt", text))
    assert [(m.text, m.geonameid) for m in document.mentions if m.text == "Naryn"] == [("Naryn", 1527592)]


def test_a_name_ending_in_a_waters_kind_is_the_water_where_the_gazetteer_knows_it_so(pipeline):
    # Hudson Bay, Saskatchewan (1,500 people) is named after the bay the port of Churchill lies on
    text = "CHURCHILL, Man. (CP) - Grain from Saskatchewan crossed Hudson Bay to Europe this summer."
    assert mentions(pipeline, text)["Hudson Bay"] == 134727474
    # Thunder Bay is known only as a city
    assert mentions(pipeline, "Flights from Thunder Bay to Winnipeg resumed.")["Thunder Bay"] == 6166142


def test_a_place_named_by_its_own_name_is_not_another_of_its_names_in_the_same_article(pipeline):
    # Punta Arenas was once called Magallanes; named by its own name, "Magallanes" is the region
    text = ("SANTIAGO (Reuters) - Salmon farms may move south to Magallanes, where farming is expanding "
            "around Punta Arenas and Puerto Natales.")
    assert mentions(pipeline, text)["Magallanes"] == 4036650
    # a fair's name holds the state as a modifier only
    from geo.document import Article

    document = pipeline.process(Article("t.txt", "GRAND ISLAND, Neb. (AP) - Crowds filled the Nebraska State Fair on Friday."))
    assert "Nebraska State" not in {m.text for m in document.mentions}


def test_an_english_name_that_is_its_own_cantons_is_no_foreign_exonym(pipeline):
    # "Geneva" is an alternate name of Genève, and the official name of its canton (ADM1) and district
    found = mentions(pipeline, "The WHO sent vaccines from Geneva and its regional hub in Nairobi.")
    assert found["Geneva"] == 2660646


def test_a_name_after_a_preposition_of_place_is_no_speaker(pipeline):
    found = mentions(pipeline, "Farmers in the plains around Lleida said many would leave fields unsown.")
    assert found["Lleida"] == 3118514


def test_the_capital_of_a_country_named_after_it(pipeline):
    found = mentions(pipeline, "The ship was escorted to Victoria, the capital of the Seychelles, on Monday.")
    assert found["Victoria"] == 241131      # not Vitória in Brazil, nor the Australian state


def test_a_division_named_after_a_sea(pipeline):
    found = mentions(pipeline, "He runs a dive centre in Hurghada, the capital of Egypt's Red Sea governorate.")
    assert found["Red Sea governorate"] == 361468
    found = mentions(pipeline, "Grain exports from the Black Sea region fell in May.")
    assert found["Black Sea region"] == 6640396   # no division of the name: the sea's region


def test_a_list_with_one_name_known_only_as_a_county_lists_counties(pipeline):
    # Kerry is only a county; Cork and Waterford are county towns of counties of their names (GeoNames
    # writes "County Waterford", indexed without its kind as well)
    found = mentions(pipeline, "Met Éireann issued a rainfall warning for Cork, Kerry and Waterford on Thursday.")
    assert (found["Cork"], found["Kerry"], found["Waterford"]) == (2965139, 2963517, 11611446)
    # a division named like its own seat town says nothing of the list: these are towns
    found = mentions(pipeline, "The mission handed over bases in Timbuktu, Gao and Ménaka to the Malian army.")
    assert (found["Timbuktu"], found["Gao"]) == (2449067, 2457163)


def test_a_village_named_like_a_nation_of_its_country_takes_no_home_bonus(pipeline):
    # the story is from England, where a village near Rotherham is called Wales (PPLA3, 6,000 people)
    found = mentions(pipeline, "WORCESTER, England — Floods hit Worcester and Tewkesbury. Rain was expected across Wales on Tuesday.")
    assert found["Wales"] == 2634895
    # a region's seat town keeps its own: Gao in a story from Mali's north
    found = mentions(pipeline, "GAO, Mali — Soldiers patrolled Gao and Timbuktu after the attack on Gao airport.")
    assert found["Gao"] == 2457163


def test_a_town_described_by_its_state_is_the_states(pipeline):
    # "this northeast Texas town" is a town of Texas, not a place called Texas (a hamlet far off)
    found = mentions(pipeline, "A fire on the east side of this northeast Texas town is being investigated.")
    assert found["Texas"] == 4736286
    # "the Lviv city council" is the city's
    assert mentions(pipeline, "The Lviv city council met on Monday.")["Lviv city"] == 702550


def test_a_hyphenated_pair_is_read_joined_where_the_gazetteer_writes_it_so(pipeline):
    assert mentions(pipeline, "Gangs pushed into Kenscoff and Pétion-Ville.")["Pétion-Ville"] == 3719028  # Pétionville
    # common words joined are no name ("Tri-State" is not Laughlin, Nevada's other name Tristate)
    assert not any(t.startswith("Tri") for t in mentions(pipeline, "Storms hit the Tri-State area on Monday."))


def test_an_arabic_names_final_h_may_be_left_out(pipeline):
    # GeoNames writes "Al Jazīrah"; news "Al-Jazira" (and "Hodeida" for Al Ḩudaydah)
    found = mentions(pipeline, "The army drove the Rapid Support Forces out of the capital of Al-Jazira state, Sudan.")
    assert found["Al-Jazira state"] == 408648


def test_a_list_of_districts_names_districts_throughout_or_none(pipeline):
    found = mentions(pipeline, "Floods hit Dhemaji, Lakhimpur and Barpeta districts of Assam, officials said.")
    assert (found["Dhemaji"], found["Barpeta districts"]) == (7627077, 7627074)
    # Balakliia's raion was merged away in 2020: the list names the towns and their surroundings
    found = mentions(pipeline, "Russia said its forces had left the Balaklia and Izyum districts of the Kharkiv region.")
    assert found["Izyum"] == 707292
    # a plural "counties" where the counties are first-level divisions (Kenya's)
    found = mentions(pipeline, "NAIROBI, Kenya — Drought has hit northern counties including Marsabit, Wajir and Mandera.")
    assert (found["Marsabit"], found["Wajir"], found["Mandera"]) == (187583, 178440, 187895)
    found = mentions(pipeline, "Kenya's Treasury will release funds to affected counties, including Marsabit and Wajir.")
    assert (found["Marsabit"], found["Wajir"]) == (187583, 178440)
    # a listed name known only as a town: the district around it that GeoNames spells another way (Taroudannt)
    found = mentions(pipeline, "Aid reached the provinces of Taroudant, Chichaoua and Al Haouz.")
    assert (found["Taroudant"], found["Chichaoua"]) == (2529647, 6547284)


def test_near_an_important_town_is_in_its_region(pipeline):
    # a story from the north of France; "near Paris" puts Montreuil in Île-de-France, not Montreuil-sur-Mer
    text = ("LILLE, France — Floods hit Arras, Béthune and Boulogne-sur-Mer in the Pas-de-Calais. Residents of "
            "Montreuil, near Paris, offered to take in displaced families.")
    assert mentions(pipeline, text)["Montreuil"] == 2992090


def test_a_container_is_the_namesake_division_that_holds_the_place(pipeline):
    # Isabela is also a Puerto Rican municipality (GeoNames ADM1); the Philippine province holds Ilagan
    found = mentions(pipeline, "Authorities in Ilagan, the capital of Isabela, said the Magat dam had been opened.")
    assert (found["Ilagan"], found["Isabela"]) == (1711146, 1710515)


def test_a_name_in_a_hyphenated_compound_after_the_is_no_river(pipeline):
    # "the Kharkiv-based charity" is the city's (GeoNames also has a river Kharkiv)
    assert mentions(pipeline, "Donations reached the Kharkiv-based charity on Monday.")["Kharkiv"] == 706483


def test_an_appositive_kind_with_a_superlative(pipeline):
    # "Hatay" is also Antakya's other name; "the province worst hit" says which
    assert mentions(pipeline, "In Hatay, the province worst hit by the quake, tents went up.")["Hatay"] == 312394


def test_a_surname_after_a_name_particle_is_no_place(pipeline):
    from geo.document import Article

    text = "President Luiz Inacio Lula da Silva visited the area. El Niño brought rain to Lima and Guadalajara."
    document = pipeline.process(Article("t.txt", text))
    assert "Silva" not in {m.text for m in document.mentions}      # (not Silva, Mexico)


def test_a_plural_kind_before_a_listing_verb_qualifies_the_list(pipeline):
    found = mentions(pipeline, "In Malawi the worst-affected districts were Nsanje and Chikwawa, in the Shire valley.")
    assert (found["Nsanje"], found["Chikwawa"]) == (924567, 931067)      # the districts, not their towns


def test_a_word_counted_mostly_inside_new_york_is_a_name_alone(pipeline):
    # wordfreq counts "york" of "New York" as often as "nice"; alone, York is the English city
    found = mentions(pipeline, "In York, about 25 miles north-east of Leeds, the river Ouse burst its banks.")
    assert found["York"] == 2633352
    # not a common English word a less-named place's name holds after "New" (Egypt's New Valley)
    assert "Valley" not in mentions(pipeline, "Farmers in the valley said the Valley road was closed.")


def test_the_governor_of_a_name_is_its_states(pipeline):
    # Puebla is a city and the Mexican state around it; a governor is the state's, a mayor the city's
    assert mentions(pipeline, "The governor of Puebla said roads near Tehuacán were closed.")["Puebla"] == 3521082
    assert mentions(pipeline, "The mayor of Puebla said roads near Tehuacán were closed.")["Puebla"] == 3521081
    assert mentions(pipeline, "The Premier of Ontario met farmers near Guelph.")["Ontario"] == 6093943


def test_a_name_news_gives_a_division_is_that_division_bare(pipeline):
    # extract.toml's everyday_names: "Gaza" is the Strip (GeoNames: its short form), "Gaza City" the city
    found = mentions(pipeline, "Israeli strikes killed 20 people in Gaza, health officials said. Gaza City was hit again.")
    assert (found["Gaza"], found["Gaza City"]) == (281132, 281133)
    # the text may still say the city: a kind before it
    assert mentions(pipeline, "Strikes hit the city of Gaza overnight.")["Gaza"] == 281133


def test_indonesian_regencies_and_an_undotted_queensland(pipeline):
    # "Sleman regency" is GeoNames' "Kabupaten Sleman" (extract.toml division_prefixes), a district
    found = mentions(pipeline, "Authorities in Sleman regency and Magelang regency moved villagers from Merapi's slopes.")
    assert (found["Sleman regency"], found["Magelang regency"]) == (6258231, 6199035)
    # "Qld" as news writes it (no capitals, no dot) is Queensland; the lower-case word is none
    found = mentions(pipeline, "Heavy falls were expected to extend north into south-east Qld overnight.")
    assert found["Qld"] == 2152274
    assert "qld" not in mentions(pipeline, "The sign read qld in small letters.")


def test_a_name_describing_a_town_of_it_is_the_region(pipeline):
    # "the southwestern Ontario city": a city in Ontario, not Ontario, California ("the Lviv city council" is Lviv's)
    found = mentions(pipeline, "About 600 jobs will come to the southwestern Ontario city, officials said.")
    assert found["Ontario"] == 6093943
    assert mentions(pipeline, "The Lviv city council met on Monday.")["Lviv city"] == 702550


def test_a_far_small_namesake_in_a_story_that_also_names_its_capital(pipeline):
    # a British Columbia story that also names Ottawa, Alberta and Ontario: its places are not gathered
    # around their mean, but Savona, Italy lies far beyond their reach all the same (Savona, B.C. is not
    # in the extract)
    text = ("KAMLOOPS, B.C. — A wildfire pushed toward the community of Savona, west of Kamloops. Crews from "
            "Merritt and Cache Creek helped. Ottawa promised aid, and Alberta and Ontario sent firefighters.")
    found = mentions(pipeline, text)
    assert found["Kamloops"] == 5989045 and found.get("Savona") is None


def test_a_capitalized_city_after_a_name_belongs_to_the_name(pipeline):
    # "Arthur City" (Texas) is a name the extract lacks: not Arthur, Illinois; "Gaza City" it knows
    found = mentions(pipeline, "PARIS, Texas — Flooding closed roads near Arthur City and Powderly on Monday.")
    assert found.get("Arthur City") is None and found.get("Arthur") is None
    assert mentions(pipeline, "Strikes hit Gaza City overnight.")["Gaza City"] == 281133
    # but a body's name goes on: "Oxford City Council" is Oxford's (a modifier)
    from geo.document import Article

    document = pipeline.process(Article("t.txt", "A road sign was stolen. Oxford City Council said it would replace it."))
    assert [(m.text, m.geonameid) for m in document.modifiers] == [("Oxford City", 2640729)]
