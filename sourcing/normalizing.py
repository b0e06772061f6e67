"""Normalizing crawl dates: each distinct record version once, on every core.

A job re-crawled unchanged is the same record version: same content, same normalizers'
`code_version`, so the same key (`pipelines.versions.version_key`). Its normalized rows are
the ones already stored under that key (by another crawl date, an earlier load) or made
earlier in this run, given the sighting times of the version they serve; only versions never
seen are normalized. A result that depends on the fetch time too (a posting with no stated
date is dated by its fetch) is kept under a key that includes that time, so it serves only
versions fetched then.

Dates are normalized one after the other, oldest first, each written before the next is read:
a run holds one date's records at a time, however many dates it loads (a rebuild of years of
daily crawls), and a version first seen on one date is found stored when a later date repeats
it. Within a date the versions to normalize are cut into chunks and spread over a process pool
inside the one `normalized_crawls` step, not one Dagster step per date: steps per date would
each pay an interpreter start and all write DuckDB. Here the workers only normalize: the step's
own process stays the one DuckDB writer. The pool starts on the first date that needs it and
serves every later date; it forks its workers from a `forkserver` that imported the
normalizers once (and holds no DuckDB connection or Dagster threads).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pipelines.catalog import sources_of_kind
from pipelines.lifecycle import expires_at
from pipelines.normalize import normalize_record, parse_time
from pipelines.rawzone.layout import RawZone
from pipelines.rawzone.read import ReadStats
from pipelines.versions import crawl_records, latest_versions, timed_key, version_key
from sourcing.partitions import zone_files
from warehouse.crawl_dates import stored_versions
from warehouse.load import replace_partition

logger = logging.getLogger(__name__)

JOB_SOURCES = [s.name for s in sources_of_kind("jobs")]
VERSION_KEYS = ("source", "source_id", "fetched_at", "first_seen", "last_seen")
CHUNK = 64  # versions per task sent to a worker: big enough that pickling stays cheap

Result = tuple[list[dict[str, Any]], str | None]  # (normalized rows, skip reason)


def normalize_version(raw: dict[str, Any]) -> Result:
    """(normalized rows, skip reason) of one record version: a record that breaks a parser
    is skipped with the error's type as its reason, never fatal to the others."""
    try:
        result = normalize_record(raw)
    except Exception as exc:  # one bad record must not stop the others
        return [], f"error:{type(exc).__name__}"
    if result.skip_reason:
        return [], result.skip_reason
    expiry = expires_at(raw)
    return [{**row, "expires_at": expiry} for row in result.postings], None


def _normalize_chunk(raws: list[dict[str, Any]]) -> list[Result]:
    return [normalize_version(raw) for raw in raws]


class NormalizerPool:
    """`normalize_version` over `workers` processes, started on the first call that has more
    than one chunk of work and kept until the pool is closed. With one worker, or inside a
    daemonic process such as a Celery prefork worker (which may not start processes of its
    own: there the executor spreads the work over workers instead), it normalizes in this
    process."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> NormalizerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown()
            self._executor = None

    def normalize(self, raws: list[dict[str, Any]]) -> list[Result]:
        """`normalize_version` of each of `raws`, in order."""
        if self.workers <= 1 or len(raws) <= CHUNK:
            return _normalize_chunk(raws)
        if multiprocessing.current_process().daemon:
            logger.info("normalizing in this process: a daemonic worker cannot start a pool")
            return _normalize_chunk(raws)
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["pipelines.normalize"])
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context)
        chunks = [raws[i : i + CHUNK] for i in range(0, len(raws), CHUNK)]
        return [r for chunk in self._executor.map(_normalize_chunk, chunks) for r in chunk]


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass
class Version:
    raw: dict[str, Any]  # the record's latest version that day, with first_seen/last_seen
    key: str  # its version key
    timed: str  # its version key with its fetch time

    @classmethod
    def of(cls, raw: dict[str, Any], code_version: str) -> Version:
        key = version_key(raw, code_version)
        return cls(raw, key, timed_key(key, raw["fetched_at"]))

    def result(self, results: dict[str, Result]) -> tuple[str, Result] | None:
        """(key, result) of this version's normalized result, if there is one."""
        for key in (self.key, self.timed):
            if key in results:
                return key, results[key]
        return None


@dataclass
class CrawlDate:
    day: str
    files: list[dict[str, Any]]
    stats: ReadStats
    versions: list[Version]
    crawls: list[dict[str, Any]]


@dataclass
class Normalizing:
    """What a run read and normalized: per date, and the distinct versions over all."""

    per_day: dict[str, dict[str, Any]] = field(default_factory=dict)
    versions: int = 0  # record versions of every date loaded
    normalized: int = 0  # of which normalized by this run (the others reused a result)

    @property
    def share_skipped(self) -> float:
        return round(1 - self.normalized / self.versions, 3) if self.versions else 0.0


def read_date(zone: RawZone, day: str, code_version: str) -> CrawlDate:
    """The job records of one crawl date: its files, each record's latest version that day
    with its keys, and which records each crawl listed."""
    # Listed before reading: a file that lands meanwhile is not marked loaded, so it is next time.
    files = [{"raw_file": name, "bytes": size} for name, size in zone_files(zone, day).items()]
    stats = ReadStats()
    files_and_records = list(zone.read_with_files(JOB_SOURCES, stats, day))
    versions = [
        Version.of(raw, code_version)
        for raw in latest_versions(record for _, record in files_and_records)
    ]
    crawls = crawl_records((zone.relative(path), record) for path, record in files_and_records)
    return CrawlDate(day, files, stats, versions, crawls)


def _fetch_dated(rows: list[dict[str, Any]]) -> bool:
    """Whether rows may depend on their fetch time: a posting dated by its fetch."""
    return any(row["posted_at"] == row["fetched_at"] for row in rows)


def _normalize_missing(date: CrawlDate, results: dict[str, Result], pool: NormalizerPool) -> int:
    """Normalize every version of `date` without a result, each distinct one once, adding
    the results; return how many were normalized. A first pass takes one version per key; a
    result that proves fetch-dated serves only its own fetch time, so a second pass normalizes
    the other versions of its key, one per fetch time."""
    normalized, tried = 0, set()
    while pending := [v for v in date.versions if v.result(results) is None]:
        batch: dict[str, Version] = {}
        for v in pending:
            batch.setdefault(v.timed if v.key in tried else v.key, v)
        tried.update(v.key for v in pending)
        done = pool.normalize([v.raw for v in batch.values()])
        for version, (rows, reason) in zip(batch.values(), done, strict=True):
            if reason and reason.startswith("error:"):
                # Its content is never logged (it may hold personal data).
                raw = version.raw
                logger.warning("%s %s: %s in a parser", raw["source"], raw["source_id"], reason)
            key = version.timed if _fetch_dated(rows) else version.key
            results[key] = (rows, reason)
        normalized += len(batch)
    return normalized


def _sighted(rows: list[dict[str, Any]], raw: dict[str, Any]) -> list[dict[str, Any]]:
    """A version's result given that version's sighting times."""
    times = {
        "first_seen": parse_time(raw["first_seen"]),
        "last_seen": parse_time(raw["last_seen"]),
        "fetched_at": parse_time(raw["fetched_at"]),
    }
    return [{**row, **times} for row in rows]


def _write_date(con: Any, date: CrawlDate, results: dict[str, Result]) -> dict[str, Any]:
    """Replace the date's rows: its files, versions (with their keys), normalized rows and
    crawl listings; return what it read and wrote."""
    versions, rows = [], []
    for order, version in enumerate(date.versions):
        key, (normalized, reason) = version.result(results)
        rows.extend(_sighted(normalized, version.raw))
        versions.append(
            {
                **{k: version.raw[k] for k in VERSION_KEYS},
                "read_order": order,
                "url": version.raw.get("url"),
                "skip_reason": reason,
                "version_key": key,
            }
        )
    tables = {
        "crawl_files": date.files,
        "record_versions": versions,
        "version_postings": rows,
        "crawl_records": date.crawls,
    }
    replace_partition(con, date.day, tables)
    reasons = Counter(v["skip_reason"] for v in versions if v["skip_reason"])
    return {
        "raw_files": date.stats.files,
        "raw_records": date.stats.records,
        "bad_raw_lines": sum(date.stats.bad_lines.values()),
        "versions": len(versions),
        "normalized_rows": len(rows),
        "skipped": dict(reasons),
    }


def normalize_dates(
    zone: RawZone, days: Iterable[str], con: Any, code_version: str, workers: int
) -> Normalizing:
    """Normalize the job records of each crawl date in `days`, oldest first, and replace each
    date's rows (a date's load is one transaction) before reading the next; versions already
    normalized under `code_version`, by an earlier load or an earlier date of this one, reuse
    their stored rows."""
    run, previous = Normalizing(), {}
    with NormalizerPool(workers) as pool:
        for day in sorted(days):
            date = read_date(zone, day, code_version)
            keys = {k for v in date.versions for k in (v.key, v.timed)}
            # Most of a date repeats the date before: those results are still in memory.
            results = {k: previous[k] for k in keys & previous.keys()}
            results |= stored_versions(con, keys - results.keys())
            run.normalized += _normalize_missing(date, results, pool)
            previous = results
            run.per_day[date.day] = _write_date(con, date, results)
            run.versions += len(date.versions)
    return run
