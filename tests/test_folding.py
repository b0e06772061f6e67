import unicodedata

from pipelines.folding import MARK_PLANES_END, fold_accents


def test_every_combining_mark_lies_in_the_planes_the_fold_scans():
    beyond = [c for c in range(MARK_PLANES_END, 0x110000) if unicodedata.combining(chr(c))]
    assert beyond == []


def test_accents_of_every_script_go():
    assert fold_accents("Łódź Café Ñandú") == "lodz cafe nandu"
    assert fold_accents("\U0001e922\U0001e944") == "\U0001e922"  # Adlam letter, mark
