"""Rebuild of a real time series: each distinct record version normalized once, on 1 or more
cores.

    uv run python -m bench.history DIR [--data-dir SCRATCH] [--workers 1 2]

DIR holds dated Greenhouse board snapshots as for `bench.lifecycle` (`realdata-har.py` writes
them to `OUT_DIR-history/`). They are crawled oldest first with the real spider into the raw
zone of SCRATCH (a temporary folder by default; a SCRATCH that already holds the crawls is not
crawled again). Then, for each worker count, a new warehouse is built from every crawl date
by the code of `normalized_crawls` (`sourcing.normalizing.normalize_dates`): a record
re-crawled unchanged reuses the rows of its first version. One more run, with one worker,
gives each date its own code version, so that nothing is reused: the cost of normalizing
every version. Per run it prints the wall time, the CPU time of this process and of the
worker processes, the raw records read, the record versions (one per record and date), the
distinct versions normalized and the share skipped.
"""

from __future__ import annotations

import resource
import tempfile
import time
from dataclasses import dataclass
from multiprocessing import forkserver
from pathlib import Path

from bench.lifecycle import check_history, crawl_snapshots, history_parser
from pipelines.rawzone.layout import RawZone
from sourcing.assets.metadata import PARSER_VERSION
from sourcing.normalizing import Normalizing, normalize_dates
from warehouse.db import connect


@dataclass
class Rebuild:
    label: str
    wall: float
    cpu: float
    run: Normalizing

    @property
    def records(self) -> int:
        return sum(d["raw_records"] for d in self.run.per_day.values())


def _cpu() -> float:
    """CPU seconds of this process and of its children that ended (the pool's workers are
    the forkserver's children, counted once it is stopped)."""
    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, who))


def rebuild(zone: RawZone, db: Path, workers: int, reuse: bool = True) -> Rebuild:
    """Normalize every crawl date of `zone` into a new warehouse `db`, timed."""
    days = zone.days()
    con = connect(db)
    try:
        wall, cpu = time.perf_counter(), _cpu()
        if reuse:
            run = normalize_dates(zone, days, con, PARSER_VERSION, workers)
        else:  # one code version per date: no date reuses another's rows
            parts = [normalize_dates(zone, [d], con, f"{PARSER_VERSION}-{d}", 1) for d in days]
            run = Normalizing(
                {d: s for p in parts for d, s in p.per_day.items()},
                sum(p.versions for p in parts),
                sum(p.normalized for p in parts),
            )
        forkserver._forkserver._stop()  # noqa: SLF001 - so that its workers' CPU is counted
        label = f"{workers}" if reuse else "1, nothing reused"
        return Rebuild(label, time.perf_counter() - wall, _cpu() - cpu, run)
    finally:
        con.close()


def render(rows: list[Rebuild]) -> str:
    lines = [
        "| workers | wall s | CPU s | records read | record versions | versions normalized"
        " | share skipped |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.label} | {r.wall:.1f} | {r.cpu:.1f} | {r.records:,} | {r.run.versions:,}"
            f" | {r.run.normalized:,} | {r.run.share_skipped:.1%} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = history_parser(__doc__)
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run (1 2)"
    )
    args = parser.parse_args(argv)
    check_history(args.folder, "bench.history")
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        zone = RawZone(data_dir)
        if not zone.files():
            crawl_snapshots(args.folder, data_dir)
        runs = [rebuild(zone, Path(tmp) / "none.duckdb", 1, reuse=False)]
        for workers in args.workers:
            runs.append(rebuild(zone, Path(tmp) / f"workers{workers}.duckdb", workers))
    print(render(runs))


if __name__ == "__main__":
    main()
