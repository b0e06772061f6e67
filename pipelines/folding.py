"""The project's one text fold: the form in which titles, descriptions and names are compared.

`fold` gives lowercase ASCII words: accents and gender markers ("(m/w/d)", "H/F",
"ingeniero/a") gone, Japanese job words in English, letters of other scripts that stand in for
Latin ones ("ꓟachine ꓡearning", a Cyrillic "Е" in "Еngineer") read as the Latin letters, every
run of other characters one space.
`fold_accents` is its first step alone (lower case, accents gone, punctuation kept), for keys
that still need the punctuation (company names: "B.V.", "&").
"""

from __future__ import annotations

import importlib.metadata
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from pipelines import prebuilt
from pipelines.text import lowered

GENDER = re.compile(
    r"\(\s*(?:[mwfdhkxnv]|div|divers|all|gn|i|e)(?:\s*[/|,*]\s*(?:[mwfdhkxnv]|div|divers|i|e)){1,3}"
    r"\s*\)|(?<![\w/])(?:m/w/d|w/m/d|m/f/d|f/m/d|m/w/x|m/f/x|f/m/x|m/w|w/m|h/f|f/h|m/f|f/m|k/m|m/k)"
    r"(?![\w/])|\((?:all genders|alle geschlechter|gn|a|o|as|os)\)|\ball genders\b",
    re.IGNORECASE,
)
_SUFFIX_A = re.compile(r"(\w)/(?:a|as|o|os|e|in|innen|ka|x)\b", re.IGNORECASE)  # "ingeniero/a"
# What any match of GENDER / _SUFFIX_A starts with: a cheap search that spares most
# descriptions the full patterns (their alternatives are tried at every character).
_PAREN_HINT = (
    r"\(\s*(?:[mwfdhkxnvie]|div|divers|all|gn)\s*[/|,*]|"
    r"\((?:all genders|alle geschlechter|gn|a|o|as|os)\)"
)
_GENDER_HINT = re.compile(rf"{_PAREN_HINT}|[mwfhk]/[mwfhk]|genders", re.IGNORECASE)
# The hint's parts that open with a "(" or hold a "/": the engine finds those characters fast,
# where the whole hint is tried at every character of a long description.
_PAREN_HINT_RE = re.compile(_PAREN_HINT, re.IGNORECASE)
_SLASH_HINT_RE = re.compile(r"/(?<=[mwfhk]/)[mwfhk]", re.IGNORECASE)
_SUFFIX_HINT = re.compile(r"/[aoeikx]", re.IGNORECASE)
# Japanese job words, so a title such as 機械学習エンジニア folds like its English twin.
_JAPANESE = (
    ("機械学習", " machine learning "),
    ("データサイエンティスト", " data scientist "),
    ("データエンジニア", " data engineer "),
    ("データアナリスト", " data analyst "),
    ("リサーチサイエンティスト", " research scientist "),
    ("研究員", " researcher "),
    ("エンジニア", " engineer "),
)


# Combining marks all lie in the first two planes (the last is U+1E94A, Adlam):
# tests/test_folding.py checks it against every code point of this Python's Unicode.
MARK_PLANES_END = 0x20000


@lru_cache(maxsize=1)
def _combining() -> re.Pattern[str]:
    """Every combining mark (`unicodedata.combining` not 0): one `sub` drops them all, instead
    of a Python test per character."""
    marks = "".join(chr(c) for c in range(MARK_PLANES_END) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]")


def fold_accents(text: str) -> str:
    """`text` in lower case without accents ("Łódź Café" → "lodz cafe"); other characters
    (punctuation, other scripts) are kept."""
    if text.isascii():
        return text.lower()  # nothing to decompose: skip the per-character pass
    text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    return _NON_ASCII_RUN.sub(_without_accents, text).lower()


# ASCII characters are their own decomposition and no mark is reordered across one (they
# are all starters), so each run of other characters is decomposed on its own: the same
# text as decomposing the whole, without a pass of the large mark class over every letter.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _without_accents(run: re.Match[str]) -> str:
    text = unicodedata.normalize("NFKD", run.group())
    return text if text.isascii() else _combining().sub("", text)


@lru_cache(maxsize=1)
def _lookalikes() -> dict[int, str]:
    """Unicode's confusables (TR39) that look like one Latin letter: "ꓟ" → "M", Cyrillic
    "р" → "p". Built once per machine and library version (reading the confusables takes a
    tenth of a second), then loaded from the cache."""
    path = prebuilt.cache_file(
        "lookalikes-",
        importlib.metadata.version("confusable_homoglyphs"),
        Path(__file__).read_text("utf-8"),
    )
    return prebuilt.load_or_build(path, "lookalikes-", _build_lookalikes)


def _build_lookalikes() -> dict[int, str]:
    from confusable_homoglyphs.confusables import confusables_data

    table = {}
    for char, glyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        latin = next((g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii()), "")
        if latin.isalpha():
            # TR39 writes every I-like letter as "l": a capital one ("Ι", Greek) is an "I".
            table[ord(char)] = "I" if latin == "l" and char.isupper() else latin
    return table


_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")


def latin_lookalikes(text: str) -> str:
    """`text` with every word that is all Latin letters once its look-alikes are read as
    Latin written in Latin ("ꓟachine" → "Machine"); words of other scripts, which hold some
    letter with no Latin twin ("данных"), are kept as they are."""
    # One letter for one, so the words stay in place; every look-alike is non-ASCII, so only
    # the runs of such characters are translated.
    latin = _NON_ASCII_RUN.sub(_as_latin, text)
    if latin == text:
        return text
    parts, end = [], 0
    for m in _NON_ASCII_WORD.finditer(latin):
        parts += (latin[end : m.start()], text[m.start() : m.end()])
        end = m.end()
    parts.append(latin[end:])
    return "".join(parts)


def _as_latin(run: re.Match[str]) -> str:
    return run.group().translate(_lookalikes())


_AI_DOTTED = re.compile(r"\ba\.i\.")
_FOLDED_WORD = re.compile(r"[a-z0-9/+#&]+")


def _may_mark_gender(text: str) -> bool:
    """Whether `_GENDER_HINT` may match: one of its parts that start at a "(" or hold a "/"
    does, or the text holds "genders" (in its `lowered` form); most titles and lines hold no
    such part, so skip its search."""
    return bool(
        "(" in text
        and _PAREN_HINT_RE.search(text)
        or "/" in text
        and _SLASH_HINT_RE.search(text)
        or "genders" in lowered(text)
    )


@lru_cache(maxsize=1024)  # each classifier folds the same title and description again
def fold(text: str) -> str:
    """Lowercase ASCII form of a title: accents and gender markers gone, punctuation spaced."""
    text = text or ""
    if _may_mark_gender(text) and _GENDER_HINT.search(text):
        text = GENDER.sub(" ", text)
    if "/" in text and _SUFFIX_HINT.search(text):
        text = _SUFFIX_A.sub(r"\1", text)
    if not text.isascii():
        for word, english in _JAPANESE:
            text = text.replace(word, english)
        text = latin_lookalikes(text)
    text = fold_accents(text)
    if "a.i." in text:
        text = _AI_DOTTED.sub("ai", text)
    # Every run of other characters, spaces included, becomes one space: no runs are left.
    return " ".join(_FOLDED_WORD.findall(text))
