"""Crawl-date partitions: one per date folder of the raw zone (`raw/<source>/<YYYY-MM-DD>/`).

A dynamic partitions definition, fed from the raw zone, rather than a daily one: the raw zone
is the system of record and its date folders are exactly the dates that hold data. Crawls do
not happen every day (a missed day, a manual `sourcing crawl`), a date can gain a file after
it was loaded, and a folder can go (retention); a calendar would list every empty day since
an arbitrary start date and refuse a folder before it.

Which dates a run loads is decided against the warehouse's `crawl_files` (the raw files and
sizes it loaded), not Dagster's run history: `sourcing run` uses a throwaway Dagster instance,
and a file scrubbed by `sourcing forget` keeps its name but not its size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import dagster as dg

from sourcing.raw_zone import RawZone, crawl_day

CRAWL_DATES = dg.DynamicPartitionsDefinition(name="crawl_dates")


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


def instance_with_dates(zone: RawZone) -> dg.DagsterInstance:
    """A throwaway Dagster instance that knows the raw zone's crawl dates as partitions."""
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(CRAWL_DATES.name, zone.days())
    return instance
