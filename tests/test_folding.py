import unicodedata

from pipelines.folding import MARK_PLANES_END, fold, fold_accents, latin_lookalikes


def test_every_combining_mark_lies_in_the_planes_the_fold_scans():
    beyond = [c for c in range(MARK_PLANES_END, 0x110000) if unicodedata.combining(chr(c))]
    assert beyond == []


def test_accents_of_every_script_go():
    assert fold_accents("Łódź Café Ñandú") == "lodz cafe nandu"
    assert fold_accents("\U0001e922\U0001e944") == "\U0001e922"  # Adlam letter, mark


def test_letters_that_stand_in_for_latin_ones_read_as_latin():
    # Lisu, Cyrillic and Greek capitals that look like Latin letters, inside Latin words
    assert fold("ꓟachine ꓡearning ꓣesearcher") == "machine learning researcher"
    assert fold("Senior Dаta Sciеntist") == "senior data scientist"  # Cyrillic а, е
    assert fold("ΑΙ Εngineer") == "ai engineer"  # Greek Α, Ι, Ε


def test_words_of_other_scripts_are_not_read_as_latin():
    assert latin_lookalikes("Инженер данных") == "Инженер данных"
    assert fold("Инженер данных (ML)") == "ml"


def test_accents_go_as_a_decomposition_of_the_whole_text_would_drop_them():
    # Marks after ASCII letters, stacked marks in any order, compatibility forms, other scripts.
    texts = ["Cafe\u0301 a\u0323\u0302b", "ﬁne Ｆｕｌｌ ²", "Ǆ x\u0308\u0301y", "データ Ωmega é ñ"]
    for text in texts:
        whole = unicodedata.normalize("NFKD", text)
        expected = "".join(c for c in whole if not unicodedata.combining(c)).lower()
        assert fold_accents(text) == expected


def test_every_run_of_other_characters_is_one_space():
    assert fold("  Senior  ML--Engineer (Remote)!\n") == "senior ml engineer remote"
    assert fold("C++/C# & Go, Node.js") == "c++/c# & go node js"
    assert fold("Data Engineer (all genders)") == "data engineer"
    assert fold("") == ""
