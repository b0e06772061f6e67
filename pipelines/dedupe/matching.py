"""Whether two rows of one company are the same job: `near_duplicate` on their `Features`,
with the company's `Boilerplate` taken out of the texts."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

import numpy as np

from pipelines.catalog import sources_of_kind
from pipelines.dedupe.minhash import (
    MIN_SHINGLES,
    WORD,
    containment,
    jaccard,
    repeated,
    shingle_arrays,
    unique,
)
from pipelines.dedupe.titles import places_fit, title_parts
from pipelines.lifecycle import utc_time

# ATS structure > schema.org page > aggregator > free text (the catalog's `structure`).
SOURCE_RANK = {s.name: s.rank for s in sources_of_kind("jobs")}
# A comment in the poster's own words: its text cannot match a board's.
FREE_TEXT = {s.name for s in sources_of_kind("jobs") if s.structure == "free_text"}
# A comment in its own words and a board posting of the same title and level are one job only
# when this share of the comment's content words is in the posting (same job: 0.23-0.70 on
# generated postings; another job of the company with that title: at most 0.11).
FREE_TEXT_OVERLAP = 0.15
# Two records of one title whose open times lie this far apart are two hiring rounds, not one
# job reposted (a comment of 2014 and one of 2016, or a board's job of 2026).
MAX_GAP = timedelta(days=183)
COMMENT_LIFE = timedelta(days=31)  # a "Who is hiring?" comment stands for its thread's month
# (Jaccard, containment) of word 3-gram sets for a near duplicate: same title core, or one
# core inside the other; on the whole descriptions, or on the job's own text once the
# company's boilerplate is taken out (two jobs of one company then share almost nothing).
RAW_SAME_TITLE = (0.5, 0.8)
RAW_SUBSET_TITLE = (0.8, 0.9)
OWN_SAME_TITLE = (0.4, 0.5)
OWN_SUBSET_TITLE = (0.5, 0.6)
_STOPWORDS = """a about after all also an and any are as at be been but by can do for from has
have how i if in into is it its more most not of on or our out so such than that the their them
then there these they this to up us was we were what when where which who will with work working
you your"""
STOPWORDS = frozenset(_STOPWORDS.split())


@dataclass
class Features:
    core: frozenset
    levels: frozenset
    array: np.ndarray  # the word 3-grams, sorted and unique (`shingle_arrays`)
    record: tuple[str, str]
    free_text: bool = False
    description: str | None = None
    company: str | None = None
    row: dict[str, Any] | None = None  # the title and location, for `places_fit`
    span: tuple[datetime, datetime] | None = None  # when it was open (`open_span`)
    own: frozenset | None = None  # `text` without the company's boilerplate, when it has some
    boilerplate: Boilerplate | None = None  # the company's, when it has some

    @property
    def title(self) -> tuple[frozenset, frozenset]:
        return self.core, self.levels

    @property
    def size(self) -> int:
        return len(self.array)

    @cached_property
    def text(self) -> frozenset:
        """The word 3-grams as a set, built only for the rows whose texts are compared."""
        return frozenset(self.array.tolist())

    @cached_property
    def words(self) -> frozenset[str]:
        return content_words(self.description, self.company)

    @cached_property
    def own_words(self) -> frozenset[str]:
        return self.words - self.boilerplate.words if self.boilerplate else self.words


def content_words(description: str | None, company: str | None = None) -> frozenset[str]:
    """The description's words that can tell one job from another: no stopwords, no words of
    the company's name."""
    skip = STOPWORDS.union(WORD.findall((company or "").lower()))
    return frozenset(WORD.findall((description or "").lower())).difference(skip)


def block_features(
    rows: Sequence[Mapping[str, Any]], descriptions: Sequence[str | None]
) -> list[Features]:
    """The `Features` of a company block's rows (their shingles hashed together)."""
    arrays = shingle_arrays(descriptions)
    return [
        features(row, array, description)
        for row, array, description in zip(rows, arrays, descriptions, strict=True)
    ]


def features(row: Mapping[str, Any], array: np.ndarray, description: str | None) -> Features:
    core, levels = title_parts(row["title"], row.get("location_text"))
    return Features(
        core,
        levels,
        array,
        (row["source"], row["source_id"]),
        row["source"] in FREE_TEXT,
        description,
        row.get("company"),
        {k: row.get(k) for k in ("title", "posted_title", "location_text")},
        open_span(row),
    )


def open_span(row: Mapping[str, Any]) -> tuple[datetime, datetime] | None:
    """When a row's job was open, roughly: from its posting date (else first seen) to its
    last sighting; a comment for its thread's month (it is read again years later)."""
    start = row.get("posted_at") or row.get("first_seen")
    if start is None:
        return None
    start = utc_time(start)
    if row["source"] in FREE_TEXT:
        return start, start + COMMENT_LIFE
    last = row.get("last_seen")
    return start, max(start, utc_time(last)) if last is not None else start


def far_apart(a: tuple[datetime, datetime] | None, b: tuple[datetime, datetime] | None) -> bool:
    """Whether two open spans are more than `MAX_GAP` apart."""
    if a is None or b is None:
        return False
    return b[0] - a[1] > MAX_GAP or a[0] - b[1] > MAX_GAP


def near_duplicate(a: Features, b: Features) -> float | None:
    """The similarity of two postings of one company if they are the same job, else None.

    Same level words, and either the same title core with similar descriptions (or a
    description too short to tell, or a free-text comment whose words are in a board
    posting), or one title's core inside the other's with nearly the same description (an
    aggregator that shortened the title). When the company's boilerplate (about-us, benefits:
    see `Boilerplate`) is known, descriptions are compared without it: what is left is
    the job's own text, which two jobs of the company do not share, so lower thresholds hold."""
    if a.record == b.record or a.levels != b.levels or not a.core or not b.core:
        return None
    if a.row and b.row and not places_fit(a.row, b.row):
        return None
    if far_apart(a.span, b.span):
        return None
    title = jaccard(a.core, b.core)
    short = a.size < MIN_SHINGLES or b.size < MIN_SHINGLES
    if title == 1.0 and a.free_text != b.free_text:  # a comment and a board posting
        comment, posting = (a, b) if a.free_text else (b, a)
        said = comment.words - a.core - b.core  # the comment's words beyond the title
        known = posting.own_words
        if not said or not known:
            return 0.85 if short else None
        shared = len(said & known) / len(said)
        return 0.85 if shared >= FREE_TEXT_OVERLAP else None
    if title == 1.0 and short:
        return 1.0 if a.size < MIN_SHINGLES and b.size < MIN_SHINGLES else 0.9
    if title < 1.0 and (short or title < 0.6 or not (a.core <= b.core or b.core <= a.core)):
        return None
    own = (
        a.own is not None
        and b.own is not None
        and len(a.own) >= MIN_SHINGLES
        and len(b.own) >= MIN_SHINGLES
    )
    x, y = (a.own, b.own) if own else (a.text, b.text)
    text, cont = jaccard(x, y), containment(x, y)
    if title == 1.0:
        need = OWN_SAME_TITLE if own else RAW_SAME_TITLE
    else:
        need = OWN_SUBSET_TITLE if own else RAW_SUBSET_TITLE
    if text >= need[0] or cont >= need[1]:
        return (
            round(max(text, cont), 3)
            if title == 1.0
            else round(0.5 * title + 0.5 * max(text, cont), 3)
        )
    return None


def _titled_records(
    members: Sequence[int], feats: dict[int, Features]
) -> list[list[list[Features]]]:
    """Per source with records under two titles or more: its records, grouped by title."""
    by_source: dict[str, dict[tuple, list[Features]]] = defaultdict(lambda: defaultdict(list))
    for i in members:
        f = feats[i]
        if not f.free_text and f.size >= MIN_SHINGLES:
            by_source[f.record[0]][f.title].append(f)
    return [list(titles.values()) for titles in by_source.values() if len(titles) > 1]


class Boilerplate:
    """A company's boilerplate (about-us, benefits, equal-opportunity text): what two records
    of one source with different titles share. A source lists a job once (or once per place,
    under the same title), so two of its records with other titles or levels are two jobs, and
    what their texts share is not about either job."""

    def __init__(self, members: Sequence[int], feats: dict[int, Features]) -> None:
        self.groups = _titled_records(members, feats)
        found = []
        for titles in self.groups:
            per_title = [unique(np.concatenate([f.array for f in fs])) for fs in titles]
            found.append(repeated(np.concatenate(per_title)))
        self.shingles = unique(np.concatenate(found)) if found else np.zeros(0, np.uint32)

    @cached_property
    def words(self) -> frozenset[str]:
        """Boilerplate words, for comments: a word (unlike a word 3-gram) may be in two jobs'
        own texts, so it is boilerplate when in at least half of a source's titles."""
        out: set[str] = set()
        for titles in self.groups:
            seen: Counter[str] = Counter()
            for fs in titles:  # a set at a time: counted in C, not word by word in Python
                seen.update(frozenset().union(*(f.words for f in fs)))
            need = max(2, len(titles) / 2)
            out.update(w for w, n in seen.items() if n >= need)
        return frozenset(out)


def rank(row: Mapping[str, Any]) -> tuple:
    return (
        SOURCE_RANK.get(row["source"], 9),
        row.get("salary_min") is None,
        row["source"],
        row["source_id"],
        row["role_index"],
    )
