"""Pick, from every crawl in the raw zone, the version of each source record that counts.

The raw zone keeps every crawl. A record seen in several crawls is one record: its latest
version is the one normalized, and the first and last crawl that saw it give `first_seen`
and `last_seen`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


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
