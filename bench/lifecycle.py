"""Job lifecycle on a time series of board snapshots: opened and closed postings per date.

    uv run python -m bench.lifecycle DIR [--data-dir SCRATCH]

DIR holds dated snapshots of Greenhouse boards: `<YYYY-MM-DD>.har` with the board tokens
beside it in `<YYYY-MM-DD>.tokens` (comma-separated); each response's `Date` header carries
the snapshot's time (`realdata-har.py` writes such a folder as `OUT_DIR-history/`). The
snapshots are crawled one by one, oldest first, with the real spider into a scratch raw zone
(a temporary one unless `--data-dir`), then normalized, deduped and given their lifecycle
exactly as `sourcing run` does. For every snapshot the table shows the postings open then,
those opened (first seen since the snapshot before), reopened (listed again after a gap: a
repost of the same posting) and closed (gone from their board's listing in it), and the
median days open of the spans that closed. A board's response may be
older than its snapshot (its `Date` tells): a posting is first seen at that time. Postings
already open at the first snapshot were opened before it: their days open are counted from
it, so medians are lower bounds until they age out of the table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pipelines.dedupe import dedupe
from pipelines.lifecycle import Interval, apply_lifecycle, posting_intervals
from pipelines.normalize import normalize_record
from pipelines.rawzone.layout import RawZone
from pipelines.times import utc_time
from pipelines.versions import crawl_records, latest_versions
from sourcing.crawl import crawl

SOURCE = "greenhouse"


@dataclass
class Snapshot:
    at: datetime  # the crawl's time: its newest response's `Date` (`crawled_at`)
    open: int = 0
    opened: int = 0  # first seen
    reopened: int = 0  # listed again after a gap (a repost: the same posting)
    closed: int = 0
    median_days_open: float | None = None  # of the open spans that ended here


def snapshots(folder: Path) -> list[tuple[str, Path, str]]:
    """(date, HAR file, board tokens) of every snapshot in `folder`, oldest first."""
    out = []
    for har in sorted(folder.glob("*.har")):
        tokens = har.with_suffix(".tokens")
        if not tokens.exists():
            sys.exit(f"{tokens} is missing: each snapshot needs its board tokens beside it")
        out.append((har.stem, har, tokens.read_text(encoding="utf-8").strip()))
    return out


def crawl_snapshots(folder: Path, data_dir: Path) -> None:
    """Crawl every snapshot, oldest first, into the raw zone of `data_dir`, each crawl file
    in the folder of its snapshot's date (as if crawled that day)."""
    zone = RawZone(data_dir)
    for date, har, tokens in snapshots(folder):
        result = crawl(SOURCE, zone, replay=har, spider_args={"boards": tokens})
        if result.path is not None:
            dated = zone.root / SOURCE / date / result.path.name
            dated.parent.mkdir(parents=True, exist_ok=True)
            result.path.rename(dated)
        print(f"  crawled {date}: {result.items} jobs", file=sys.stderr)


@dataclass
class Lifecycle:
    postings: list[dict[str, Any]]  # with status, closed_at, repost_count as loaded
    spans: dict[str, list[Interval]]  # posting_id -> the intervals it was open
    crawl_times: list[datetime]  # every crawl's time, oldest first


def lifecycle(data_dir: Path) -> Lifecycle:
    """The postings of the raw zone and when each was open, as `sourcing run` builds them:
    latest versions normalized, deduped, then opened and closed by the crawls."""
    zone = RawZone(data_dir)
    files_and_records = [
        (zone.relative(path), record) for path, record in zone.read_with_files([SOURCE])
    ]
    rows = []
    for raw in latest_versions(record for _, record in files_and_records):
        rows.extend(normalize_record(raw).postings)
    crawls = crawl_records(files_and_records)
    postings, links = dedupe(rows)
    apply_lifecycle(postings, links, rows, crawls)
    spans = posting_intervals(postings, links, rows, crawls)
    return Lifecycle(postings, spans, sorted({utc_time(c["crawled_at"]) for c in crawls}))


def table(result: Lifecycle) -> list[Snapshot]:
    """Per crawl (a snapshot), oldest first: postings open, opened, reopened and closed, and
    the median days open of the spans that closed."""
    ends = result.crawl_times
    shots = [Snapshot(at) for at in ends]

    def index(at: datetime) -> int:  # the first snapshot taken at or after a time
        return min(bisect_left(ends, utc_time(at)), len(ends) - 1)

    days: list[list[float]] = [[] for _ in shots]
    for spans in result.spans.values():
        for number, (start, end) in enumerate(spans):
            first = index(start)
            if number == 0:
                shots[first].opened += 1
            else:
                shots[first].reopened += 1
            last = index(end) if end is not None else len(shots)
            for shot in shots[first:last]:
                shot.open += 1
            if end is not None:
                shots[last].closed += 1
                days[last].append((utc_time(end) - utc_time(start)).total_seconds() / 86400)
    for shot, spans in zip(shots, days, strict=True):
        shot.median_days_open = round(statistics.median(spans)) if spans else None
    return shots


def render(shots: list[Snapshot]) -> str:
    lines = [
        "| snapshot | open | opened | reopened | closed | median days open (closed) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for i, s in enumerate(shots):
        opened = f"{s.opened} (already open)" if i == 0 else str(s.opened)
        median = "" if s.median_days_open is None else str(s.median_days_open)
        lines.append(
            f"| {s.at.date()} | {s.open} | {opened} | {s.reopened} | {s.closed} | {median} |"
        )
    return "\n".join(lines)


def history_parser(doc: str) -> argparse.ArgumentParser:
    """The arguments of a bench over dated snapshots: their folder and a scratch data dir."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path, help="dated snapshots: <date>.har + <date>.tokens")
    parser.add_argument("--data-dir", type=Path, help="scratch data dir (default: a temporary)")
    return parser


def check_history(folder: Path, bench: str) -> None:
    """Exit with what to do when `folder` holds no snapshots."""
    if not folder.is_dir() or not any(folder.glob("*.har")):
        sys.exit(
            f"{folder}: no <date>.har snapshots. Build them with realdata-har.py "
            f"(it writes OUT_DIR-history/), then: uv run python -m {bench} OUT_DIR-history"
        )


def main(argv: list[str] | None = None) -> None:
    args = history_parser(__doc__).parse_args(argv)
    check_history(args.folder, "bench.lifecycle")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        crawl_snapshots(args.folder, data_dir)
        result = lifecycle(data_dir)
    print(render(table(result)))


if __name__ == "__main__":
    main()
