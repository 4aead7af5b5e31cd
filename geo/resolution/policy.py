"""Every weight and threshold of resolution (:class:`Policy`), and the policy it runs with by default."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    """Every weight and threshold of resolution, in one place (as :class:`geo.claims.policy.Policy`
    holds the claims' tolerances). A candidate's score is a sum: its importance (from the
    gazetteer, in [0, 1]), what its name and qualifier say, what the article's countries, regions
    and places add, and what the span's containers add; the best score wins. Importances,
    thresholds of importance and shares are in [0, 1]; weights are score points.

    The values were set on LGL and on the odd-numbered articles of GeoWebNews and TR-News (the
    even-numbered ones held out); the reference articles must stay perfect under any change.
    """

    # -- a candidate's score before the article is read (_prior_score)
    stem_penalty: float = 0.3           #: "Bucha" is the town; its raion is written "Bucha district"
    own_name: float = 0.15              #: a place's own current name (any spelling) over another's former or foreign one
    spelling_similarity: float = 85.0   #: a name this similar (rapidfuzz ratio, 0-100) to a place's own spells it
                                        #: ("Hama" for Ḩamāh, "Basra" for Basrah), with or without...
    leading_articles: tuple[str, ...] = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et")
                                        #: ... one of these articles before it (normalized: "Ar Raqqah" is "Raqqa")
    other_name: float = 0.3             #: less for a name that is neither the place's own nor a short form of it
                                        #: ("Liverpool" for Washington, Indiana; "Delaware" for West Point, Virginia)
    division_qualifier: float = 0.3     #: "Kharkiv region" is the oblast, not the raion of that name
    bare_settlement: float = 0.1        #: a bare name is a settlement before a division or a feature...
    news_name: float = 0.2              #: ... but a place English news calls by the name bare (extract.toml's
                                        #: everyday_names) before a settlement of it: "Gaza" is the Strip
    stands_alone: float = 1.2           #: a country or continent named is its own context ("China" in a Texas story)
    seat_margin: float = 0.06           #: a first-level division named like its capital and at most this much more
                                        #: important is, to the article's places, where its capital is: they tell
                                        #: "Homs" the governorate from Homs the city no more than a bare name does
    country_namesake: float = 0.5       #: a place in a country that shares its name with it yields to the country
                                        #: ("Panama" is the country, not Panamá its capital nor Panamá province)
    district_namesake: float = 0.25     #: a district holding a town of its name yields to the town ("Ramallah", not
                                        #: Ramallah governorate, whose summed people weigh more)
    state_namesake: float = 0.3         #: a small town named after a first-level division of its country, outside it,
                                        #: yields to the division ("Florida" the state, not Florida, New York)...
    state_namesake_population: int = 100_000  #: ... "small": under this many people
    big_city_namesake: float = 0.25     #: a state that shares its name with a city of millions in it yields to it ("New York")...
    big_city_population: int = 1_000_000  #: ... "of millions": this many people
    big_city_small_namesake: int = 10_000  #: a town under this many people named like a city of millions of its country
                                        #: takes its region's bonus only where that is the article's home region

    # -- what the article adds (ArticleContext, _Scoring)
    country_bonus: float = 0.5          #: a candidate in a country the article's other names are in...
    world_place: float = 0.9            #: ...but not a small town whose name is a place this important abroad
                                        #: (Paris, Texas in a New Jersey story is still Paris): its region must be named
    world_namesake_population: int = 200_000  #: ... "small": under this many people (London, Ontario, of
                                        #: 350,000, is the London of a story naming Canada; Odessa, Texas, of 120,000, is small)
    region_bonus: float = 0.4           #: ... in a first-level division they are in
    bonus_full_at: int = 2              #: mentions of other names at which those bonuses are whole
    division_holds_places: float = 0.6  #: a state holding the article's other places, where a country shares its name
    home_region: float = 0.3            #: more for the article's home region: the one where...
    home_region_mentions: int = 3       #: ... at least this many mentions of other names lie...
    home_region_share: float = 0.5      #: ... and at least this share of all its regions' mentions;
    home_region_min_population: int = 1000  #: ... for a settlement of this many people or a seat (not a village)
    renamed_village_population: int = 10_000  #: ... nor a settlement under this many people known by the name only as
                                        #: another's (Miamitown, once "Miami") where an important place bears it as its own
    district_seat_km: float = 20.0      #: a district whose point lies this close to a town of its name holds it, whatever the codes say
    renamed_town_km: float = 50.0       #: a division known by a name only as another name yields to a town of that many
                                        #: people or more known so within this distance ("Stepanakert": the town)
    near_article: float = 0.3           #: up to this for a candidate near the article's places...
    near_article_km: float = 200.0      #: ... falling off as exp(-distance / this)
    near_span: float = 0.4              #: up to this for a candidate near the settlements named around the span...
    near_span_km: float = 50.0          #: ... falling off so
    near_span_chars: int = 200          #: "around the span": within this many characters
    sentence_country: float = 0.2       #: for a candidate in a country another place of the span's sentence is in...
    sentence_region: float = 0.3        #: ... and in a first-level division one is in ("schools in Manchester and Nashua",
                                        #: after "Portsmouth, N.H.": not Manchester, Maine, in a Maine story)
    container: float = 1.0              #: per explicit container the candidate lies in ("Riga, Latvia")
    holds_named: float = 0.5           #: for a division or country holding a place the text puts in it ("Muridke in
                                        #: Punjab province": Pakistan's Punjab, where Muridke is)
    county_and_town: float = 0.5        #: a town and a county the article names that hold each other ("Paris" and
                                        #: "Henry County": Paris, Tennessee and Henry County, Tennessee), each
    list_tie_names: int = 4             #: a list of this many names or more, half of them first-level divisions...
    list_tie_margin: float = 0.2        #: ... makes the others divisions where those score within this of their best
    list_division_names: int = 2        #: a list with this many divisions of one level of one country reads its other names' seat towns as those divisions
    other_name_chars: int = 120         #: the most text between a place's name and its other name ("X, a town once called Y")
    container_gap_chars: int = 60       #: the most text between a name and its container
    container_lookahead: int = 3        #: how many later spans may be a span's container
    telling_importance: float = 0.75    #: a place this important, or a name's only place, tells the article's area at once
    context_share: float = 0.6          #: a resolution this sure (softmax share) tells it in the second pass

    # -- detection (Resolver._detect): whether a span names a place
    weak_prior: float = 0.45            #: below this importance a bare name needs support from its context
    important_place: float = 0.75       #: a place this important is taken despite a person's or a title's cue
    major_place: float = 0.9            #: ... and a common word or a capitalized run despite everything
    big_city_word_zipf: float = 5.0    #: a city of millions (Policy.big_city_population) known by a word less common
                                        #: than this is a place wherever it stands ("Storms hit Chicago"; not "North")
    common_named: float = 0.6           #: a common word known by this name at this importance is a place in a place
                                        #: context, or where the article names its country (Oxford, Maine)
    state_named: float = 0.8            #: a state or province this important, known by a name that is a less common
                                        #: word (Maine), is a place wherever it stands
    other_names_prior: float = 0.6      #: below this, a place known here only by another's name needs a place context
    foreign_exonym_importance: float = 0.85  #: below this, another language's name in an article about elsewhere is no
                                        #: place ("New York", New York City's, of 0.87, still is)
    confidence_base: float = 0.55       #: detection confidence: this, ...
    confidence_per_prior: float = 0.5   #: ... plus this times the best importance, ...
    confidence_positive: float = 0.2    #: ... plus this with a place cue (at most 1)
    sentence_start_factor: float = 0.9  #: a name that starts a sentence, with no place cue, is less sure

    remote_namesake_population: int = 100_000  #: a settlement smaller than this (no capital), in a country no other
                                        #: name of the article is in, ... ("Fano" militias in an Ethiopian story:
                                        #: not Fano, Italy, of 60,000)
    remote_namesake_km: float = 2500.0  #: ... farther than this from every place the article names (at least...
    remote_namesake_places: int = 2     #: ... this many of them) is another place the gazetteer lacks: "the Chinese
                                        #: border town of Muse" in a Myanmar story is not Muse, Pennsylvania...
    remote_namesake_focus_km: float = 1500.0  #: ... where the story has a focus: this share of its places lie
    remote_namesake_focus_share: float = 0.8  #: within this distance of their centre
    remote_namesake_reach_factor: float = 5.0  #: ... or farther from the story's centre (the median of its places'
                                        #: coordinates) than this many times its reach...
    remote_namesake_reach_share: float = 0.5  #: ... (the distance from the centre within which this share of them lie)...
    remote_namesake_min_km: float = 500.0  #: ... and than this

    demonym_window_chars: int = 60      #: an island's town stands in for an island the gazetteer lacks where the article
                                        #: names its country, or its demonym stands within this many characters

    own_name_margin: float = 0.1        #: a wire service's dateline of a town alone ("GENEVA (Reuters) -") is its
                                        #: best-known place: the most important, or one this much less important
                                        #: that bears the name as its own ("NEW DELHI": New Delhi, not Delhi)

    # -- the confidence reported
    temperature: float = 0.12           #: softmax temperature over candidate scores (the winner's share)


#: The policy resolution runs with by default.
POLICY = Policy()
TEMPERATURE = POLICY.temperature   # (names kept for the calibration script)
WEAK_PRIOR = POLICY.weak_prior

