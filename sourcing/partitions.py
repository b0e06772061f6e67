"""Crawl dates: which date folders of the raw zone (`raw/<source>/<YYYY-MM-DD>/`) to load.

The raw zone is the system of record and its date folders are exactly the dates that hold
data. Crawls do not happen every day (a missed day, a manual `sourcing crawl`), a date can
gain a file after it was loaded, and a folder can go (retention). Which dates a run loads is
decided against the warehouse's `crawl_files` (the raw files and sizes it loaded), not
Dagster's run history: a file scrubbed by `sourcing forget` keeps its name but not its size.

The dates are not Dagster partitions: one `normalized_crawls` run normalizes every date that
changed, so the tables downstream rebuild once however many dates a load covers, and the
whole graph materializes with no partition to pick (`dagster asset materialize --select '*'`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from pipelines.rawzone.layout import RawZone, crawl_day


def zone_files(zone: RawZone, day: str | None = None) -> dict[str, int]:
    """raw file → bytes, of every crawl file of the raw zone or of one crawl date."""
    return {zone.relative(path): path.stat().st_size for path in zone.files(day=day)}


def days_to_load(
    current: Mapping[str, int], loaded: Mapping[str, int], written: Iterable[str] = ()
) -> list[str]:
    """The crawl dates to (re)load, oldest first: those this run's crawls wrote, and those
    whose raw files (name and size) differ from the ones loaded: new, grown or scrubbed.
    A date whose folder is gone is not loaded: `normalized_postings` drops its rows."""
    changed = {crawl_day(f) for f, _ in set(current.items()) ^ set(loaded.items())}
    present = {crawl_day(f) for f in current}
    return sorted((changed | set(written)) & present)
