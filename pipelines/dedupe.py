"""Normalized source rows → one posting per real-world job, with every merge on record.

Three ways rows become one job, strongest first (each member's `match_method`):

- `same_record`: the roles of one source record with the same title (one role listed for
  several places). The same record seen in several crawls is already one row (versions.py).
- `apply_url`: the same canonical job URL (pipelines/urls.py), e.g. an aggregator or a Hacker
  News comment that links the company's Greenhouse job. A row that links several jobs joins
  only the one whose title fits it best, so one comment never bridges two jobs.
- `near_duplicate`: inside one company block (pipelines/companies.py), MinHash LSH over
  description shingles proposes candidates, never all pairs; a candidate is kept when the
  title levels agree exactly (senior ≠ staff ≠ unlevelled) and the title and description
  are similar enough (`near_duplicate`), by exact Jaccard and containment of the shingle
  sets. The company's boilerplate (about-us, benefits, equal-opportunity text: what two of
  one source's records with different titles share, `Boilerplate`) is left out first, so
  two jobs of one company are compared on their own text. A Hacker News comment in its own
  words joins a board posting of its title and level only when its words are in that
  posting. No near-duplicate link joins two clusters that hold records of one source under
  different titles (`_apart`): a chain through a third record cannot merge two jobs.
  Locations are not compared: one job in two cities is one posting with all its places
  (`countries`, `locations`; `country` only when they name one). But two titles that name
  different places or regions ("… - Montgomery, AL" / "… - Columbus, GA") are two jobs.

Never merged, whatever links or text they share: two roles of one record under different
titles (the roles of one Hacker News comment), and rows of two companies joined only by a
link that is not an ATS job (a shared apply page or redirector).

The canonical record takes its fields from the best member (ATS over the schema.org page over
aggregators over Hacker News free text), recorded in `canonical_source`; what it lacks
(salary, remote policy, locations) is filled from the next best. The `posting_id` is the
stable hash of the member first seen, so a source that joins later never renames a job.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from pipelines.catalog import sources_of_kind
from pipelines.companies import company_key
from pipelines.lifecycle import utc_time
from pipelines.location import region_of
from pipelines.timezones import cover, offset_columns, offset_range
from pipelines.urls import is_generic, job_urls

SOURCE_LINK_FIELDS = ("source", "source_id", "role_index", "title", "url", "fetched_at")
NOT_IN_POSTINGS = (
    "salary_rejected",
    "source",
    "source_id",
    "role_index",
    "fetched_at",
    "description",
    "urls",
    "canonical_url",
    "expires_at",
)
# ATS structure > schema.org page > aggregator > free text (the catalog's `structure`).
SOURCE_RANK = {s.name: s.rank for s in sources_of_kind("jobs")}
NUM_PERM = 60
LSH_BANDS = (30, 2)  # 30 bands of 2 rows: candidate probability 0.9998 at Jaccard 0.5, 0.94 at 0.3
# A comment in the poster's own words: its text cannot match a board's.
FREE_TEXT = {s.name for s in sources_of_kind("jobs") if s.structure == "free_text"}
MIN_SHINGLES = 12  # fewer word 3-grams than this: the description cannot tell two jobs apart
MAX_WORDS = 300  # shingles come from the first words of a description
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
WORD = re.compile(r"[a-z0-9+#]+")
TITLE_WORD = re.compile(r"[^\W_]+[+#]*")  # any script: "[쿠팡페이] CX 운영" is not "CX"


def title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9+#]+", " ", title.lower()).strip()


def posting_id(source: str, source_id: str, title: str) -> str:
    """A stable id: the same job gets the same id in every run and every rebuild."""
    digest = hashlib.sha1(f"{source}\x1f{source_id}\x1f{title_key(title)}".encode())
    return digest.hexdigest()[:16]


def _words(text: str) -> list[str]:
    out: list[str] = []
    for word in TITLE_WORD.findall(text.lower()):
        out.extend(ABBREVIATIONS.get(word, word).split())
    return out


# Regions a title may name as its team's ("Sr. Accountant (LATAM)"), wherever the job sits.
REGIONS = frozenset({"emea", "apac", "latam", "americas"})


def place_words(location_text: str | None) -> frozenset[str]:
    return frozenset(_words(location_text or "")) - (NOISE - REGIONS) - LEVELS.keys()


def title_places(title: str, location_text: str | None) -> frozenset[str]:
    """The words of a title that name its own place ("Account Executive - Montgomery, AL")
    or a region."""
    place = place_words(location_text) | REGIONS
    return frozenset(w for w in _words(title) if w in place)


def places_fit(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether the places two titles name can be one job's. One title for several places is
    one job, and so is a title that names its city beside one that names none; two titles
    that name different places ("… - Montgomery, AL" / "… - Columbus, GA") or different
    regions ("Sr. Accountant (LATAM)" / "Sr. Accountant") are two jobs."""
    named_a = title_places(a["title"], a.get("location_text"))
    named_b = title_places(b["title"], b.get("location_text"))
    if named_a & REGIONS != named_b & REGIONS:
        return False
    return not (named_a and named_b) or named_a == named_b


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


_WORD_HASHES: dict[str, int] = {}


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) > 2_000_000:
            _WORD_HASHES.clear()
        value = _WORD_HASHES[word] = zlib.crc32(word.encode())
    return value


def shingle_array(description: str | None) -> np.ndarray:
    """Word 3-grams of the description's first words, as sorted unique 32-bit hashes."""
    words = WORD.findall((description or "").lower())[:MAX_WORDS]
    if len(words) < 3:
        return np.zeros(0, dtype=np.uint32)
    hashes = list(map(_WORD_HASHES.get, words))
    if None in hashes:
        hashes = [_word_hash(w) if h is None else h for w, h in zip(words, hashes, strict=True)]
    h = np.array(hashes, dtype=np.uint64)
    mixed = (h[:-2] * np.uint64(0x9E3779B1) + h[1:-1]) * np.uint64(0x85EBCA77) + h[2:]
    return np.unique((mixed ^ (mixed >> np.uint64(29))).astype(np.uint32))


def shingles(description: str | None) -> frozenset[int]:
    """Word 3-grams of the description's first words, as 32-bit hashes."""
    return frozenset(shingle_array(description).tolist())


class Signature:
    """A MinHash signature as MinHashLSH reads it (its `hashvalues` and length)."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)


_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=7).permutations  # datasketch's affine32 a, b


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures (one row per set) of many shingle sets at once, with datasketch's
    permutations h -> a*h + b mod 2^32."""
    a, b = _PERMUTATIONS
    sizes = np.fromiter((len(x) for x in sets), dtype=np.int64, count=len(sets))
    values = np.concatenate(sets).astype(np.uint32)
    permuted = values[:, None] * a[None, :] + b[None, :]  # uint32, wraps mod 2^32
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    return np.minimum.reduceat(permuted, starts, axis=0)


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def containment(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class Features:
    core: frozenset
    levels: frozenset
    text: frozenset
    array: np.ndarray
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

    @cached_property
    def words(self) -> frozenset[str]:
        return content_words(self.description, self.company)

    @cached_property
    def own_words(self) -> frozenset[str]:
        return self.words - self.boilerplate.words if self.boilerplate else self.words


def content_words(description: str | None, company: str | None = None) -> frozenset[str]:
    """The description's words that can tell one job from another: no stopwords, no words of
    the company's name."""
    skip = STOPWORDS | set(WORD.findall((company or "").lower()))
    return frozenset(w for w in WORD.findall((description or "").lower()) if w not in skip)


def features(row: dict[str, Any]) -> Features:
    core, levels = title_parts(row["title"], row.get("location_text"))
    array = shingle_array(row.get("description"))
    return Features(
        core,
        levels,
        frozenset(array.tolist()),
        array,
        (row["source"], row["source_id"]),
        row["source"] in FREE_TEXT,
        row.get("description"),
        row.get("company"),
        {"title": row["title"], "location_text": row.get("location_text")},
        open_span(row),
    )


def open_span(row: dict[str, Any]) -> tuple[datetime, datetime] | None:
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
    short = len(a.text) < MIN_SHINGLES or len(b.text) < MIN_SHINGLES
    if title == 1.0 and a.free_text != b.free_text:  # a comment and a board posting
        comment, posting = (a, b) if a.free_text else (b, a)
        said = comment.words - a.core - b.core  # the comment's words beyond the title
        known = posting.own_words
        if not said or not known:
            return 0.85 if short else None
        shared = len(said & known) / len(said)
        return 0.85 if shared >= FREE_TEXT_OVERLAP else None
    if title == 1.0 and short:
        return 1.0 if len(a.text) < MIN_SHINGLES and len(b.text) < MIN_SHINGLES else 0.9
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


def title_fit(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How well two titles can name one job when the rows share a job URL: 0 when their
    levels or the places they name differ, else the Jaccard of their cores."""
    core_a, levels_a = title_parts(a["title"], a.get("location_text"))
    core_b, levels_b = title_parts(b["title"], b.get("location_text"))
    if levels_a and levels_b and levels_a != levels_b:
        return 0.0
    if not places_fit(a, b):
        return 0.0
    return jaccard(core_a, core_b) if core_a and core_b else 0.0


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        self.parent[max(a, b)] = min(a, b)
        return True


@dataclass
class Clustering:
    """Clusters of row indices and the edges that made them: (i, j, method, similarity)."""

    clusters: list[list[int]]
    edges: list[tuple[int, int, str, float]] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)


def _row_urls(row: dict[str, Any]) -> list[str]:
    """The job URLs a row links (generic ones dropped again: rows normalized by an older
    release may hold a board's front page)."""
    if "urls" in row and row["urls"] is not None:
        return [u for u in row["urls"] if not is_generic(u)]
    return job_urls(row.get("url"), row.get("apply_url"))


def _titled_records(
    members: Sequence[int], feats: dict[int, Features]
) -> list[list[list[Features]]]:
    """Per source with records under two titles or more: its records, grouped by title."""
    by_source: dict[str, dict[tuple, list[Features]]] = defaultdict(lambda: defaultdict(list))
    for i in members:
        f = feats[i]
        if not f.free_text and len(f.text) >= MIN_SHINGLES:
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
            per_title = [np.unique(np.concatenate([f.array for f in fs])) for fs in titles]
            values, counts = np.unique(np.concatenate(per_title), return_counts=True)
            found.append(values[counts > 1])
        self.shingles = np.unique(np.concatenate(found)) if found else np.zeros(0, np.uint32)

    @cached_property
    def words(self) -> frozenset[str]:
        """Boilerplate words, for comments: a word (unlike a word 3-gram) may be in two jobs'
        own texts, so it is boilerplate when in at least half of a source's titles."""
        out: set[str] = set()
        for titles in self.groups:
            seen = Counter(w for fs in titles for w in frozenset().union(*(f.words for f in fs)))
            out.update(w for w, n in seen.items() if n >= max(2, len(titles) / 2))
        return frozenset(out)


def _lsh_candidates(
    members: Sequence[int], feats: dict[int, Features]
) -> Iterable[tuple[int, int]]:
    """Candidate pairs of one company block from MinHash LSH (and, for rows whose
    description is too short to hash, the rows with the same title core and level)."""
    hashed = [i for i in members if len(feats[i].text) >= MIN_SHINGLES]
    if len(hashed) > 1:
        lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS)
        matrix = signatures([feats[i].array for i in hashed])
        for i, row in zip(hashed, matrix, strict=True):
            signature = Signature(row)
            for j in lsh.query(signature):
                yield j, i
            lsh.insert(i, signature, check_duplication=False)
    by_title: dict[tuple, list[int]] = defaultdict(list)
    for i in members:
        by_title[(feats[i].core, feats[i].levels)].append(i)
    for group in by_title.values():
        if len(group) < 2:
            continue
        short = [i for i in group if len(feats[i].text) < MIN_SHINGLES or feats[i].free_text]
        for i in short[:50]:
            for j in group[:200]:
                if j != i and (j not in short or j < i):
                    yield i, j


def cluster(rows: Sequence[dict[str, Any]]) -> Clustering:
    """Group the rows that are one job; see the module docstring for the rules."""
    n = len(rows)
    uf = UnionFind(n)
    edges: list[tuple[int, int, str, float]] = []
    stats = dict.fromkeys(
        (
            "same_record",
            "apply_url",
            "near_duplicate",
            "lsh_candidates",
            "kept_apart",
            "kept_apart_roles",
            "kept_apart_companies",
        ),
        0,
    )
    stats["boilerplate_shingles"] = 0
    roles = Counter((row["source"], row["source_id"]) for row in rows)
    # Per root of a cluster of several rows: source -> the title keys of its board records,
    # and record -> the title keys of its roles (records with several roles only).
    titles: dict[int, dict[str, set]] = {}
    role_titles: dict[int, dict[tuple[str, str], set]] = {}

    def titles_of(root: int) -> dict[str, set]:
        if root in titles:
            return titles[root]
        row = rows[root]  # a row alone is its own root
        if row["source"] in FREE_TEXT:
            return {}
        return {row["source"]: {_title_key(row)}}

    def roles_of(root: int) -> dict[tuple[str, str], set]:
        if root in role_titles:
            return role_titles[root]
        record = (rows[root]["source"], rows[root]["source_id"])
        return {record: {title_key(rows[root]["title"])}} if roles[record] > 1 else {}

    def link(i: int, j: int, method: str, similarity: float) -> None:
        a, b = uf.find(i), uf.find(j)
        if a == b:
            return
        if _apart(roles_of(a), roles_of(b)):  # two roles of one comment are two jobs
            stats["kept_apart_roles"] += 1
            return
        merged = _joined(titles_of(a), titles_of(b)), _joined(roles_of(a), roles_of(b))
        for kept in (titles, role_titles):
            kept.pop(a, None)
            kept.pop(b, None)
        uf.union(i, j)
        titles[uf.find(i)], role_titles[uf.find(i)] = merged
        edges.append((i, j, method, similarity))
        stats[method] += 1

    def url_link(owner: int, i: int, fit: float, url: str) -> None:
        """A shared job URL joins two rows unless they name two companies (a link that is
        not an ATS job may be a shared apply page or a redirector)."""
        if ":" not in url.split("/", 1)[0] and _other_companies(rows[owner], rows[i]):
            stats["kept_apart_companies"] += 1
            return
        link(owner, i, "apply_url", round(fit, 3))

    # 1. Roles of one record with one title.
    same: dict[tuple, int] = {}
    for i, row in enumerate(rows):
        key = (row["source"], row["source_id"], title_key(row["title"]))
        if key in same:
            link(same[key], i, "same_record", 1.0)
        else:
            same[key] = i

    # 2. Shared canonical job URL. A row owns the URL it is primarily about (its own ATS job,
    # else its apply link); others that link it join the owner their title fits best.
    owners: dict[str, list[int]] = defaultdict(list)
    row_urls = [_row_urls(row) for row in rows]
    for i, row in enumerate(rows):
        primary = row.get("canonical_url") or (row_urls[i][0] if row_urls[i] else None)
        if primary and not is_generic(primary):
            owners[primary].append(i)
    for url, group in owners.items():
        group.sort(key=lambda i: _rank(rows[i]))
        owners[url] = group
        for j in group[1:]:
            fit = title_fit(rows[group[0]], rows[j])
            single_role = roles[(rows[j]["source"], rows[j]["source_id"])] == 1 and fit > 0
            if fit >= 0.5 or single_role:
                url_link(group[0], j, fit, url)
    for i, urls in enumerate(row_urls):
        best, best_fit, best_url = None, 0.0, ""
        for url in urls:
            for j in owners.get(url, ()):
                if j != i and (fit := title_fit(rows[i], rows[j])) > best_fit:
                    best, best_fit, best_url = j, fit, url
        if best is not None and best_fit >= 0.5:
            url_link(best, i, best_fit, best_url)

    # 3. Near duplicates inside company blocks.
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if key := company_key(row.get("company")):
            blocks[key].append(i)
    for members in blocks.values():
        if len(members) < 2:
            continue
        feats = {i: features(rows[i]) for i in members}
        boilerplate = Boilerplate(members, feats)
        if len(boilerplate.shingles):
            stats["boilerplate_shingles"] += len(boilerplate.shingles)
            for i in members:
                f = feats[i]
                if not f.free_text:
                    own = f.array[~np.isin(f.array, boilerplate.shingles, assume_unique=True)]
                    f.own = frozenset(own.tolist())
                    f.boilerplate = boilerplate
        for i, j in _lsh_candidates(members, feats):
            stats["lsh_candidates"] += 1
            a, b = uf.find(i), uf.find(j)
            if a == b:
                continue
            similarity = near_duplicate(feats[i], feats[j])
            if similarity is None:
                continue
            if _titles_apart(titles_of(a), titles_of(b)):
                stats["kept_apart"] += 1
                continue
            link(i, j, "near_duplicate", similarity)
        boilerplate.groups.clear()  # features -> boilerplate -> features: free the block now

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    return Clustering(list(groups.values()), edges, stats)


def _apart(a: dict[Any, set] | None, b: dict[Any, set] | None) -> bool:
    """Whether two clusters hold records of one source (or roles of one record) under
    different titles: one source lists a job once (or once per place under one title), so
    those are two jobs and no chain through a third record may join them."""
    if not a or not b:
        return False
    return any(key in b and keys != b[key] for key, keys in a.items())


def _titles_apart(a: dict[str, set], b: dict[str, set]) -> bool:
    """`_apart` for `_title_key`s: core and level words must be the same, the place words
    too when both clusters' titles of that source name places."""
    for source, keys in a.items():
        other = b.get(source)
        if other is None:
            continue
        if {k[:2] for k in keys} != {k[:2] for k in other}:
            return True
        places, other_places = {k[2] for k in keys if k[2]}, {k[2] for k in other if k[2]}
        if places and other_places and places != other_places:
            return True
    return False


def _joined(a: dict[Any, set], b: dict[Any, set]) -> dict[Any, set]:
    merged = {key: set(keys) for key, keys in a.items()}
    for key, keys in b.items():
        merged.setdefault(key, set()).update(keys)
    return merged


def _title_key(row: dict[str, Any]) -> tuple:
    """A record's title as `_apart` compares it: core, level and place words."""
    core, levels = title_parts(row["title"], row.get("location_text"))
    return core, levels, title_places(row["title"], row.get("location_text"))


def _other_companies(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two rows name two different companies (both named, keys differ)."""
    key_a, key_b = company_key(a.get("company")), company_key(b.get("company"))
    return bool(key_a and key_b and key_a != key_b)


def _rank(row: dict[str, Any]) -> tuple:
    return (
        SOURCE_RANK.get(row["source"], 9),
        row.get("salary_min") is None,
        row["source"],
        row["source_id"],
        row["role_index"],
    )


def _first(row: dict[str, Any]) -> tuple:
    return (row["first_seen"], *_rank(row))


SALARY_FIELDS = (
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_currency_uncertain",
    "salary_period",
    "salary_min_usd",
    "salary_max_usd",
    "salary_text",
    "salary_source",
)


def _all_places(best: dict[str, Any], tier: list[dict[str, Any]]) -> None:
    """Every place of one job listed once per place: all its countries and locations; one
    `country` (and its region) only when they name a single country."""
    countries = list(dict.fromkeys(c for m in tier for c in m["countries"]))
    texts = dict.fromkeys(m["location_text"] for m in tier if m["location_text"])
    best.update(countries=countries, location_text=" / ".join(texts) or None)
    if any("locations" in m for m in tier):
        best["locations"] = list(dict.fromkeys(x for m in tier for x in m.get("locations") or ()))
    if len(countries) > 1:
        regions = {region_of(c) for c in countries}
        best.update(country=None, region=regions.pop() if len(regions) == 1 else None)
    best.update(offset_columns(cover(offset_range(m) for m in tier if offset_range(m))))


def canonical_record(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The posting's fields: the best member's, with what it lacks from the next best."""
    ranked = sorted(members, key=_rank)
    best = dict(ranked[0])
    tier = [m for m in ranked if SOURCE_RANK.get(m["source"], 9) == _rank(ranked[0])[0]]
    if len(tier) > 1:  # one job listed for several places
        _all_places(best, tier)
    if not best["countries"]:
        other = next((m for m in ranked if m["countries"]), None)
        if other:
            best.update(countries=list(other["countries"]), country=other["country"])
            best.update(region=other["region"], location_text=other["location_text"])
            best.update(locations=list(other.get("locations") or ()))
    if best["salary_min"] is None:
        other = next((m for m in ranked if m["salary_min"] is not None), None)
        if other:
            best.update({k: other[k] for k in SALARY_FIELDS})
    if best["remote"] == "unknown":
        other = next((m for m in ranked if m["remote"] != "unknown"), None)
        if other:
            best.update(remote=other["remote"], remote_scope=list(other["remote_scope"]))
    if offset_range(best) is None:
        best.update(offset_columns(next(filter(None, map(offset_range, ranked)), None)))
    posted = [m["posted_at"] for m in members if m.get("posted_at") is not None]
    best["posted_at"] = min(posted) if posted else None
    best["canonical_source"] = f"{ranked[0]['source']}:{ranked[0]['source_id']}"
    return best


def _provenance(
    members: list[int], canonical: int, edges: list[tuple[int, int, str, float]]
) -> dict[int, tuple[str, float, int | None]]:
    """For each member: how it joined (the edge that reached it walking from the canonical
    member), the similarity of that edge, and the member it was matched to."""
    adjacent: dict[int, list[tuple[int, str, float]]] = defaultdict(list)
    for i, j, method, similarity in edges:
        adjacent[i].append((j, method, similarity))
        adjacent[j].append((i, method, similarity))
    found = {canonical: ("same_record", 1.0, None)}
    queue = [canonical]
    while queue:
        i = queue.pop(0)
        for j, method, similarity in sorted(adjacent[i]):
            if j not in found:
                found[j] = (method, similarity, i)
                queue.append(j)
    return found


def dedupe(
    rows: Iterable[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(postings, posting_sources) from normalized rows; `status`/`closed_at` say open until
    pipelines.lifecycle sets them."""
    rows = list(rows)
    result = cluster(rows)
    uf_root = {i: c[0] for c in result.clusters for i in c}
    cluster_edges: dict[int, list] = defaultdict(list)
    for edge in result.edges:
        cluster_edges[uf_root[edge[0]]].append(edge)
    postings, links = [], []
    for members in result.clusters:
        member_rows = [rows[i] for i in members]
        first = min(members, key=lambda i: _first(rows[i]))
        pid = posting_id(rows[first]["source"], rows[first]["source_id"], rows[first]["title"])
        canonical = min(members, key=lambda i: _rank(rows[i]))
        merged = canonical_record(member_rows)
        posting = {k: v for k, v in merged.items() if k not in NOT_IN_POSTINGS}
        posting.update(
            posting_id=pid,
            status="open",
            closed_at=None,
            repost_count=0,
            source_count=len({(m["source"], m["source_id"]) for m in member_rows}),
            first_seen=min(m["first_seen"] for m in member_rows),
            last_seen=max(m["last_seen"] for m in member_rows),
        )
        postings.append(posting)
        how = _provenance(members, canonical, cluster_edges[members[0]])
        for i in members:
            method, similarity, matched = how[i]
            row = rows[i]
            links.append(
                {
                    **{k: row[k] for k in SOURCE_LINK_FIELDS},
                    "posting_id": pid,
                    "match_method": method,
                    "similarity": similarity,
                    "matched_to": (
                        f"{rows[matched]['source']}:{rows[matched]['source_id']}"
                        if matched is not None
                        else None
                    ),
                    "is_canonical": i == canonical,
                    "canonical_url": row.get("canonical_url"),
                }
            )
    postings.sort(key=lambda p: p["posting_id"])
    links.sort(key=lambda x: (x["source"], x["source_id"], x["role_index"]))
    return postings, links
