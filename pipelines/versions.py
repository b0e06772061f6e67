"""Pick, from every crawl in the raw zone, the version of each source record that counts.

The raw zone keeps every crawl. A record seen in several crawls is one record: its latest
version is the one normalized, and the first and last crawl that saw it give `first_seen`
and `last_seen`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from pipelines.catalog import CATALOG, PER_BOARD
from pipelines.times import iso_time


def latest_versions(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The latest version of each `(source, source_id)`, with `first_seen`/`last_seen` added.

    Ties on `fetched_at` go to the record read last, so the result depends only on the
    raw zone's contents and order, never on when it runs.
    """
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for record in records:
        key = (record["source"], record["source_id"])
        at = record["fetched_at"]
        current = latest.get(key)
        if current is None or at >= current["fetched_at"]:
            latest[key] = record
        first, last = seen.get(key, (at, at))
        seen[key] = (min(first, at), max(last, at))
    return [
        {**record, "first_seen": seen[key][0], "last_seen": seen[key][1]}
        for key, record in latest.items()
    ]


# What the normalizer reads of a raw record besides its sighting times (`fetched_at`,
# `first_seen`, `last_seen`), which a reused result takes from the version it serves.
CONTENT_FIELDS = ("source", "source_id", "url", "record", "context")


def version_key(raw: dict[str, Any], code_version: str) -> str:
    """The key of a record version's normalized result: a digest of what the normalizer reads
    of it (less the source's `fallback_times` it does not read) and of the normalizers'
    `code_version`, so that a parser change gives new keys."""
    content = {field: raw.get(field) for field in CONTENT_FIELDS}
    spec = CATALOG.get(raw.get("source") or "")
    record = content["record"]
    if spec is not None and spec.fallback_times and isinstance(record, dict):
        unread = {f for f, preferred in spec.fallback_times if iso_time(record.get(preferred))}
        content["record"] = {k: v for k, v in record.items() if k not in unread}
    text = json.dumps([code_version, content], sort_keys=True, default=str)
    return _digest(text)


def timed_key(key: str, at: str) -> str:
    """The key of a result that depends on the fetch time `at` too (a posting with no stated
    date is dated by its fetch): derived from the version's key, so the record is serialized
    and hashed once."""
    return _digest(f"{key}@{at}")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def listing_scope(record: dict[str, Any]) -> str:
    """What one crawl of this record's source lists in full: an ATS board (sources whose
    catalog `listing` is "board"), or the source."""
    context = record.get("context") or {}
    if record["source"] in PER_BOARD and context.get("board"):
        return f"{record['source']}/{context['board']}"
    return record["source"]


def crawl_records(files_and_records: Iterable[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """One row per crawl file and source record it holds: `raw_file`, `run_id`, `source`,
    `scope` (listing_scope), `source_id` and `crawled_at` (the file's newest `fetched_at`, so
    a replayed recording keeps its time)."""
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    newest: dict[str, str] = {}
    for raw_file, record in files_and_records:
        key = (raw_file, record["source"], record["source_id"])
        rows[key] = {
            "raw_file": raw_file,
            "run_id": raw_file.rsplit("/", 1)[-1].split(".", 1)[0],
            "source": record["source"],
            "scope": listing_scope(record),
            "source_id": record["source_id"],
        }
        newest[raw_file] = max(newest.get(raw_file, ""), record["fetched_at"])
    return [{**row, "crawled_at": newest[row["raw_file"]]} for row in rows.values()]
