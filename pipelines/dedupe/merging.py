"""One posting per cluster: the canonical record, its stable id, and each member's provenance."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from pipelines.dedupe.clustering import cluster
from pipelines.dedupe.columns import Rows
from pipelines.dedupe.matching import SOURCE_RANK, rank
from pipelines.dedupe.titles import title_key
from pipelines.location import region_of
from pipelines.timezones import cover, offset_columns, offset_range

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


def posting_id(source: str, source_id: str, title: str) -> str:
    """A stable id: the same job gets the same id in every run and every rebuild."""
    digest = hashlib.sha1(f"{source}\x1f{source_id}\x1f{title_key(title)}".encode())
    return digest.hexdigest()[:16]


def _first(row: dict[str, Any]) -> tuple:
    return (row["first_seen"], *rank(row))


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
    ranked = sorted(members, key=rank)
    best = dict(ranked[0])
    tier = [m for m in ranked if SOURCE_RANK.get(m["source"], 9) == rank(ranked[0])[0]]
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


# Clusters turned into postings at a time: their member rows are dicts only meanwhile.
CHUNK = 20_000
# Fields no posting or link is made from, left in the columns while a chunk is made.
NOT_READ = frozenset({"description", "urls", "expires_at", "salary_rejected"})
LINK_ORDER = ("source", "source_id", "role_index")


def dedupe(
    rows: Iterable[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(postings, posting_sources) from normalized rows; `status`/`closed_at` say open until
    pipelines.lifecycle sets them."""
    postings, links = [], []
    for chunk_postings, chunk_links in _chunks(Rows.of(list(rows))):
        postings.extend(chunk_postings)
        links.extend(chunk_links)
    postings.sort(key=lambda p: p["posting_id"])
    links.sort(key=lambda x: tuple(x[k] for k in LINK_ORDER))
    return postings, links


def dedupe_table(table: pa.Table) -> tuple[pa.Table, pa.Table]:
    """`dedupe` on rows held as columns (an Arrow table, as DuckDB returns it), returning
    columns: the rows never become a million dicts at once, only a chunk's members."""
    postings, links = [], []
    for chunk_postings, chunk_links in _chunks(Rows.of(table)):
        postings.append(_as_table(chunk_postings, table.schema))
        links.append(_as_table(chunk_links, table.schema))
    if not postings:
        return pa.table({}), pa.table({})
    return (
        pa.concat_tables(postings, promote_options="permissive").sort_by("posting_id"),
        pa.concat_tables(links, promote_options="permissive").sort_by(
            [(k, "ascending") for k in LINK_ORDER]
        ),
    )


def _as_table(dicts: list[dict[str, Any]], like: pa.Schema) -> pa.Table:
    """Dicts as a table: every key any of them has, in the input's column type where the
    input has that column (so a chunk's values keep their type), else as Arrow infers it."""
    names = dict.fromkeys(k for d in dicts for k in d)
    types = {f.name: f.type for f in like if not _untyped(f.type)}
    return pa.table(
        {name: pa.array([d.get(name) for d in dicts], types.get(name)) for name in names}
    )


def _untyped(kind: pa.DataType) -> bool:
    """Whether a type is or holds Arrow's null type (a column that was None throughout)."""
    return pa.types.is_null(kind) or any(
        _untyped(kind.field(i).type) for i in range(kind.num_fields)
    )


def _chunks(rows: Rows) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """Cluster the rows, then make postings and links a chunk of clusters at a time."""
    result = cluster(rows)
    cluster_edges: dict[int, list] = defaultdict(list)
    if result.edges:
        uf_root = {i: c[0] for c in result.clusters if len(c) > 1 for i in c}
        for edge in result.edges:
            cluster_edges[uf_root[edge[0]]].append(edge)
    for start in range(0, len(result.clusters), CHUNK):
        part = result.clusters[start : start + CHUNK]
        indices = [i for members in part for i in members]
        records = dict(zip(indices, rows.records(indices, NOT_READ), strict=True))
        yield _postings(part, records, cluster_edges)


def _postings(
    clusters: list[list[int]],
    rows: dict[int, dict[str, Any]],
    cluster_edges: dict[int, list[tuple[int, int, str, float]]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The postings and links of some clusters, given their members' rows by index."""
    postings, links = [], []
    for members in clusters:
        member_rows = [rows[i] for i in members]
        first = min(members, key=lambda i: _first(rows[i]))
        pid = posting_id(rows[first]["source"], rows[first]["source_id"], rows[first]["title"])
        canonical = min(members, key=lambda i: rank(rows[i]))
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
    return postings, links
