"""Union rows into jobs: same record, shared job URL, then near duplicates in company blocks,
never joining two clusters that hold records of one source under different titles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from pipelines.companies import company_key
from pipelines.dedupe.columns import Rows
from pipelines.dedupe.matching import (
    FREE_TEXT,
    Boilerplate,
    Features,
    block_features,
    near_duplicate,
    rank,
)
from pipelines.dedupe.minhash import lsh_candidates
from pipelines.dedupe.titles import named_places, title_fit, title_key, title_parts
from pipelines.urls import is_generic, job_urls


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


def _row_urls(row: Mapping[str, Any]) -> list[str]:
    """The job URLs a row links (generic ones dropped again: rows normalized by an older
    release may hold a board's front page)."""
    if "urls" in row and row["urls"] is not None:
        return [u for u in row["urls"] if not is_generic(u)]
    return job_urls(row.get("url"), row.get("apply_url"))


def cluster(rows: pa.Table | Sequence[Mapping[str, Any]] | Rows) -> Clustering:
    """Group the rows (dicts, or columns) that are one job; see the module docstring for the
    rules."""
    rows = Rows.of(rows)
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
    roles = Counter(zip(rows.column("source"), rows.column("source_id"), strict=True))
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
    keys = zip(rows.column("source"), rows.column("source_id"), rows.column("title"), strict=True)
    for i, (source, source_id, title) in enumerate(keys):
        key = (source, source_id, title_key(title))
        if key in same:
            link(same[key], i, "same_record", 1.0)
        else:
            same[key] = i
    del same  # a key per row: at 1M rows, memory the next steps need

    # 2. Shared canonical job URL. A row owns the URL it is primarily about (its own ATS job,
    # else its apply link); others that link it join the owner their title fits best.
    owners: dict[str, list[int]] = defaultdict(list)
    row_urls = [_row_urls(row) for row in rows]
    for i, canonical_url in enumerate(rows.column("canonical_url")):
        primary = canonical_url or (row_urls[i][0] if row_urls[i] else None)
        if primary and not is_generic(primary):
            owners[primary].append(i)
    for url, group in owners.items():
        group.sort(key=lambda i: rank(rows[i]))
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
    del owners, row_urls
    rows.forget("urls", "url", "apply_url", "canonical_url")

    # 3. Near duplicates inside company blocks.
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, company in enumerate(rows.column("company")):
        if key := company_key(company):
            blocks[key].append(i)
    for members, descriptions in _with_descriptions(rows, blocks.values()):
        feats = block_features([rows[i] for i in members], descriptions)
        feats = dict(zip(members, feats, strict=True))
        boilerplate = Boilerplate(members, feats)
        if len(boilerplate.shingles):
            stats["boilerplate_shingles"] += len(boilerplate.shingles)
            _take_out(boilerplate, [feats[i] for i in members if not feats[i].free_text])
        for i, j in lsh_candidates(members, feats):
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


def _with_descriptions(
    rows: Rows, blocks: Iterable[list[int]], batch: int = 20_000
) -> Iterator[tuple[list[int], list[str | None]]]:
    """The company blocks of two rows or more, each with its rows' descriptions, taken from
    the columns for about `batch` rows of blocks at a time (not block by block: most blocks
    are a few rows, and each take has a fixed cost)."""
    pending: list[list[int]] = []
    size = 0
    for members in [*blocks, None]:
        if members is None or size >= batch:
            indices = [i for m in pending for i in m]
            taken = dict(zip(indices, rows.values("description", indices), strict=True))
            for m in pending:
                yield m, [taken[i] for i in m]
            pending, size = [], 0
        if members is not None and len(members) > 1:
            pending.append(members)
            size += len(members)


def _take_out(boilerplate: Boilerplate, board: list[Features]) -> None:
    """Set each board record's `own` shingles: its own without the company's boilerplate,
    with one `isin` for the whole block (one call per record cost more than the test)."""
    if not board:
        return
    keep = ~np.isin(np.concatenate([f.array for f in board]), boilerplate.shingles)
    ends = np.cumsum([len(f.array) for f in board]).tolist()
    for f, start, end in zip(board, [0, *ends[:-1]], ends, strict=True):
        f.own = frozenset(f.array[keep[start:end]].tolist())
        f.boilerplate = boilerplate


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


def _title_key(row: Mapping[str, Any]) -> tuple:
    """A record's title as `_apart` compares it: core, level and place words."""
    core, levels = title_parts(row["title"], row.get("location_text"))
    return core, levels, named_places(row)


def _other_companies(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two rows name two different companies (both named, keys differ)."""
    key_a, key_b = company_key(a.get("company")), company_key(b.get("company"))
    return bool(key_a and key_b and key_a != key_b)
