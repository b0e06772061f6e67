"""Job titles as dedupe compares them: core words, level words, and the places a title names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from pipelines.dedupe.minhash import jaccard

ABBREVIATIONS = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "ml": "machine learning",
    "mle": "machine learning engineer",
    "ai": "ai",
    "eng": "engineer",
    "engr": "engineer",
    "swe": "software engineer",
    "sde": "software engineer",
    "mgr": "manager",
    "dev": "developer",
    "nlp": "natural language processing",
    "cv": "computer vision",
    "ds": "data scientist",
    "de": "data engineer",
    "ops": "operations",
    "&": "and",
}
LEVELS = {
    "intern": "intern",
    "internship": "intern",
    "junior": "junior",
    "entry": "junior",
    "graduate": "junior",
    "senior": "senior",
    "staff": "staff",
    "principal": "principal",
    "lead": "lead",
    "head": "head",
    "director": "director",
    "vp": "vp",
    "manager": "manager",
    "i": "1",
    "ii": "2",
    "iii": "3",
    "iv": "4",
    "1": "1",
    "2": "2",
    "3": "3",
    "4": "4",
    "l3": "l3",
    "l4": "l4",
    "l5": "l5",
    "l6": "l6",
    "l7": "l7",
}
NOISE = {
    "remote",
    "hybrid",
    "onsite",
    "on",
    "site",
    "anywhere",
    "worldwide",
    "us",
    "usa",
    "uk",
    "eu",
    "emea",
    "apac",
    "latam",
    "americas",
    "europe",
    "only",
    "based",
    "in",
    "the",
    "a",
    "of",
    "for",
    "and",
    "with",
    "to",
    "m",
    "f",
    "w",
    "d",
    "x",
    "h",
    "all",
    "genders",
    "full",
    "time",
    "fulltime",
    "permanent",
    "new",
}
TITLE_WORD = re.compile(r"[^\W_]+[+#]*")  # any script: "[쿠팡페이] CX 운영" is not "CX"


def title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9+#]+", " ", title.lower()).strip()


def _words(text: str) -> list[str]:
    out: list[str] = []
    for word in TITLE_WORD.findall(text.lower()):
        out.extend(ABBREVIATIONS.get(word, word).split())
    return out


# Titles repeat (one job on several boards, one title per place): each pair of a title and a
# location is read once per cache life, not once per comparison.
TITLE_CACHE = 1 << 16


# Regions a title may name as its team's ("Sr. Accountant (LATAM)"), wherever the job sits.
REGIONS = frozenset({"emea", "apac", "latam", "americas"})


def place_words(location_text: str | None) -> frozenset[str]:
    return frozenset(_words(location_text or "")) - (NOISE - REGIONS) - LEVELS.keys()


@lru_cache(maxsize=TITLE_CACHE)
def title_places(title: str, location_text: str | None) -> frozenset[str]:
    """The words of a title that name its own place ("Account Executive - Montgomery, AL")
    or a region."""
    place = place_words(location_text) | REGIONS
    return frozenset(w for w in _words(title) if w in place)


def named_places(row: Mapping[str, Any]) -> frozenset[str]:
    """The places and regions a row's title names, read from the title as posted (cleaning
    cuts "- Illinois" from "Licensed Psychiatrist - Illinois")."""
    return title_places(row.get("posted_title") or row["title"], row.get("location_text"))


def places_fit(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether the places two titles name can be one job's. One title for several places is
    one job, and so is a title that names its city beside one that names none; two titles
    that name different places ("… - Montgomery, AL" / "… - Columbus, GA") or different
    regions ("Sr. Accountant (LATAM)" / "Sr. Accountant") are two jobs."""
    named_a, named_b = named_places(a), named_places(b)
    if named_a & REGIONS != named_b & REGIONS:
        return False
    return not (named_a and named_b) or named_a == named_b


@lru_cache(maxsize=TITLE_CACHE)
def title_parts(title: str, location_text: str | None = None) -> tuple[frozenset, frozenset]:
    """(core words, level words) of a title. Words of the row's own location and remote or
    region words are not part of the core ("ML Engineer - Berlin" is "machine learning
    engineer"); the level words (senior, staff, II...) are compared apart, exactly."""
    # "Engineer (Senior)" and "Senior Engineer" alike; "Staff+" is staff.
    words = _words(title.replace("+", " "))
    place = set(_words(location_text or ""))
    levels = frozenset(LEVELS[w] for w in words if w in LEVELS)
    core = frozenset(w for w in words if w not in LEVELS and w not in NOISE and w not in place)
    return core, levels


def title_fit(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """How well two titles can name one job when the rows share a job URL: 0 when their
    levels or the places they name differ, else the Jaccard of their cores."""
    core_a, levels_a = title_parts(a["title"], a.get("location_text"))
    core_b, levels_b = title_parts(b["title"], b.get("location_text"))
    if levels_a and levels_b and levels_a != levels_b:
        return 0.0
    if not places_fit(a, b):
        return 0.0
    return jaccard(core_a, core_b) if core_a and core_b else 0.0
