"""When each job was open: first/last seen, closed, and reposted.

A source record is open over intervals:

- full-listing sources (an ATS board, remoteok, remotive, weworkremotely): from the first
  crawl of its board that lists it until the first later crawl of that board that does not;
  a crawl that failed left no file, so it closes nothing; a board whose every job closed
  leaves no records either, so that case closes nothing too (the safe side);
- Hacker News: from its comment until the end of its thread's month (`expires_at`);
- other sources: open from first seen.

"Now" is the newest crawl time in the raw zone, never the wall clock, so a rebuild gives the
same tables. A posting's intervals are the union of its members'; a gap between two of them
is a repost (counted in `repost_count`, never a new posting).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from pipelines.catalog import CATALOG, FULL_LISTING
from pipelines.times import utc_time

Interval = tuple[datetime, datetime | None]  # [start, end); end None = still open


def month_end(month: str | None) -> datetime | None:
    """The first instant after a `YYYY-MM` month (UTC), or None."""
    try:
        year, number = (int(x) for x in (month or "").split("-")[:2])
    except ValueError:
        return None
    return datetime(year + number // 12, number % 12 + 1, 1, tzinfo=UTC)


def expires_at(raw: dict[str, Any]) -> datetime | None:
    """A source-specific expiry of a raw record: a comment of a monthly thread (a Hacker News
    hiring comment) expires with its thread's month."""
    spec = CATALOG.get(raw.get("source") or "")
    if spec is not None and spec.listing == "thread":
        return month_end((raw.get("context") or {}).get("month"))
    return None


def as_of(crawls: Iterable[dict[str, Any]]) -> datetime | None:
    """The newest crawl time of the raw zone: the "now" of every lifecycle decision."""
    times = [utc_time(c["crawled_at"]) for c in crawls]
    return max(times) if times else None


def listing_intervals(crawls: Iterable[dict[str, Any]]) -> dict[tuple[str, str], list[Interval]]:
    """Open intervals of the records of full-listing sources, from `crawl_records` rows."""
    by_scope: dict[str, dict[tuple[datetime, str], set[str]]] = defaultdict(dict)
    for row in crawls:
        if row["source"] not in FULL_LISTING:
            continue
        crawl = (utc_time(row["crawled_at"]), row["raw_file"])
        by_scope[f"{row['source']}\x1f{row['scope']}"].setdefault(crawl, set()).add(
            row["source_id"]
        )
    intervals: dict[tuple[str, str], list[Interval]] = defaultdict(list)
    for scope, listings in by_scope.items():
        source = scope.split("\x1f", 1)[0]
        opened: dict[str, datetime] = {}
        for at, _ in sorted(listings):
            listed = listings[(at, _)]
            for source_id in [s for s in opened if s not in listed]:
                intervals[(source, source_id)].append((opened.pop(source_id), at))
            for source_id in listed:
                opened.setdefault(source_id, at)
        for source_id, start in opened.items():
            intervals[(source, source_id)].append((start, None))
    return {key: sorted(value, key=lambda iv: iv[0]) for key, value in intervals.items()}


def record_intervals(
    row: dict[str, Any], listed: dict[tuple[str, str], list[Interval]], now: datetime | None
) -> list[Interval]:
    """The open intervals of one normalized row."""
    key = (row["source"], row["source_id"])
    if key in listed:
        return listed[key]
    start = utc_time(row["first_seen"])
    if row.get("posted_at") is not None:
        start = min(start, utc_time(row["posted_at"]))
    end = row.get("expires_at")
    if end is not None and now is not None and utc_time(end) <= now:
        return [(start, utc_time(end))]
    return [(start, None)]


def union(intervals: Iterable[Interval]) -> list[Interval]:
    """Overlapping or touching intervals joined; an open interval absorbs what follows."""
    merged: list[list] = []
    for start, end in sorted(intervals, key=lambda iv: iv[0]):
        if merged and (merged[-1][1] is None or start <= merged[-1][1]):
            if merged[-1][1] is not None and (end is None or end > merged[-1][1]):
                merged[-1][1] = end
            continue
        merged.append([start, end])
    return [(s, e) for s, e in merged]


def posting_intervals(
    postings: list[dict[str, Any]],
    links: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    crawls: list[dict[str, Any]],
) -> dict[str, list[Interval]]:
    """posting_id → the intervals it was open: the union of its members' intervals."""
    now = as_of(crawls)
    listed = listing_intervals(crawls)
    by_record = {(r["source"], r["source_id"]): r for r in rows}
    members: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for link in links:
        members[link["posting_id"]].add((link["source"], link["source_id"]))
    return {
        posting["posting_id"]: union(
            iv
            for key in members[posting["posting_id"]]
            if key in by_record
            for iv in record_intervals(by_record[key], listed, now)
        )
        for posting in postings
    }


def apply_lifecycle(
    postings: list[dict[str, Any]],
    links: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    crawls: list[dict[str, Any]],
) -> None:
    """Set `status`, `closed_at` and `repost_count` of each posting (in place)."""
    spans = posting_intervals(postings, links, rows, crawls)
    for posting in postings:
        open_spans = spans[posting["posting_id"]]
        if not open_spans:
            continue
        last_end = open_spans[-1][1]
        posting["status"] = "open" if last_end is None else "closed"
        posting["closed_at"] = last_end
        posting["repost_count"] = len(open_spans) - 1
