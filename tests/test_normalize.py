from geo.normalize import normalize_name


def test_case_and_diacritics_fold_to_one_key():
    assert normalize_name("Kyiv") == normalize_name("KYIV") == normalize_name("Kyïv") == "kyiv"


def test_apostrophes_of_every_kind_are_dropped():
    forms = ["L'viv", "L’viv", "Lʼviv", "L`viv", "Lviv"]
    assert {normalize_name(f) for f in forms} == {"lviv"}


def test_hyphens_and_dashes_separate_words():
    assert normalize_name("Ivano-Frankivsk") == normalize_name("Ivano–Frankivsk") == "ivano frankivsk"


def test_whitespace_collapses():
    assert normalize_name("  Kharkiv \t\n Oblast ") == "kharkiv oblast"


def test_other_scripts_keep_their_letters():
    assert normalize_name("ХАРКІВ") == normalize_name("Харків") == "харків"
