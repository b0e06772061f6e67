"""Normalization throughput and peak memory: `normalize_record` over generated raw records.

    uv run python -m bench.normalize                     # 10k, 100k and 1M, on every core
    uv run python -m bench.normalize --sizes 10000 --workers 1,2
    uv run python -m bench.normalize --real /tmp/realhar  # real records, per CPU-second

`--real DIR` (the HAR folder that the real recordings' realdata-har.py builds) crawls the real
Hacker News threads and Greenhouse boards of DIR into a temporary raw zone (or `--raw-dir`,
kept and reused) and prints, per source, records normalized per CPU-second beside the floor:
JSON parse plus tag strip of the same records, measured in the same process (see
`bench.normalize_real`).

Records come from `bench.generate` one at a time and results are counted, not kept, so memory
must stay flat as N grows. Each run happens in fresh processes (one per worker, each taking
every k-th chunk of records), so `ru_maxrss` is the peak of that run alone; "growth" is the
peak minus the peak after the warm-up (gazetteer, taxonomy and caches loaded); "load" is the
machine's 1-minute load average as the run ends, since other jobs may share the cores.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.generate import CHUNK, records

WARMUP_START = 10**9  # warm-up records come from indices the measured runs never use
WARMUP = 300
# Politeness of the crawl (spiders/settings.py): one request per second per domain.
REQUESTS_PER_SECOND = 1.0
# Records per request, roughly: one JobPosting page, one ATS board listing, one HN thread.
PAGES = {"JSON-LD page": 1, "ATS board API": 50, "HN thread": 500}


@dataclass
class Run:
    size: int
    workers: int
    seconds: float
    postings: int
    skipped: int
    peak_mb: float
    growth_mb: float
    load: float  # 1-minute load average when the run ended: other jobs share the machine

    @property
    def per_second(self) -> float:
        return self.size / self.seconds


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _work(size: int, worker: int, workers: int, seed: int, ready, results) -> None:
    from pipelines.normalize import normalize_record

    for raw in records(WARMUP_START, WARMUP_START + WARMUP, seed):
        normalize_record(raw)
    warm_mb = _maxrss_mb()
    ready.wait()
    postings = skipped = 0
    for start in range(worker * CHUNK, size, workers * CHUNK):
        for raw in records(start, min(start + CHUNK, size), seed):
            result = normalize_record(raw)
            postings += len(result.postings)
            skipped += result.skip_reason is not None
    results.put((postings, skipped, _maxrss_mb(), warm_mb))


def measure(size: int, workers: int, seed: int = 0) -> Run:
    """Normalize records 0..size-1 across `workers` fresh processes; time from when all are
    warm to when the last one is done."""
    ctx = mp.get_context("spawn")
    ready, results = ctx.Barrier(workers + 1), ctx.Queue()
    procs = [
        ctx.Process(target=_work, args=(size, w, workers, seed, ready, results))
        for w in range(workers)
    ]
    for p in procs:
        p.start()
    ready.wait()
    started = time.perf_counter()
    done = [results.get() for _ in procs]
    seconds = time.perf_counter() - started
    for p in procs:
        p.join()
    return Run(
        size=size,
        workers=workers,
        seconds=seconds,
        postings=sum(d[0] for d in done),
        skipped=sum(d[1] for d in done),
        peak_mb=max(d[2] for d in done),
        growth_mb=max(d[2] - d[3] for d in done),
        load=os.getloadavg()[0],
    )


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_ints, default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--workers",
        type=_ints,
        default=[os.cpu_count() or 1],
        help="process counts to try, e.g. 1,2 (default: one per core)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--real",
        type=Path,
        metavar="DIR",
        help="time real records instead: the HAR folder of the real recordings",
    )
    parser.add_argument(
        "--raw-dir",
        type=Path,
        help="with --real: the data dir to crawl into, reused when it already holds records",
    )
    args = parser.parse_args()
    if args.real is not None:
        from bench.normalize_real import run_real

        sys.exit(run_real(args.real, args.raw_dir))

    print(f"{'N':>9} {'workers':>7} {'seconds':>9} {'records/s':>10} {'postings':>9} "
          f"{'peak MB':>8} {'growth MB':>9} {'load':>5}")  # fmt: skip
    runs = []
    for size in args.sizes:
        for workers in args.workers:
            run = measure(size, workers, args.seed)
            runs.append(run)
            print(
                f"{run.size:>9,} {run.workers:>7} {run.seconds:>9.1f} {run.per_second:>10,.0f} "
                f"{run.postings:>9,} {run.peak_mb:>8.0f} {run.growth_mb:>9.1f} {run.load:>5.1f}",
                flush=True,
            )
    fastest = max(runs, key=lambda r: r.per_second)
    hours = {what: fastest.size / per / REQUESTS_PER_SECOND / 3600 for what, per in PAGES.items()}
    crawl = ", ".join(f"{PAGES[what]}/request ({what}) ≥ {h:,.1f} h" for what, h in hours.items())
    print(
        f"crawl cost at {REQUESTS_PER_SECOND:g} request/s per domain: {fastest.size:,} records at "
        f"{crawl}; normalizing them took {fastest.seconds / 3600:.2f} h "
        f"({fastest.workers} worker(s))"
    )


if __name__ == "__main__":
    main()
