"""After every crawl run, failed or not, load the crawl dates it wrote (and any date whose
raw files the warehouse has not loaded yet), one `warehouse` run per crawl date.

A crawl run that fails for one source must not keep the others' data out of the warehouse,
so the failed runs trigger it too. (No `from __future__ import annotations` here: Dagster
reads the resource annotations of the sensor function.)
"""

import dagster as dg
from dagster_duckdb import DuckDBResource
from duckdb import Error as DuckDBError

from sourcing.partitions import CRAWL_DATES, days_to_load, zone_files
from sourcing.raw_zone import crawl_day
from sourcing.resources import RawZoneResource
from warehouse.crawl_dates import loaded_files


def written_days(instance: dg.DagsterInstance, run_id: str) -> set[str]:
    """The crawl dates of the raw files a crawl run wrote (its `raw_*` materializations)."""
    records = instance.get_records_for_run(
        run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
    ).records
    days = set()
    for record in records:
        metadata = record.event_log_entry.asset_materialization.metadata
        if "file" in metadata and metadata["items"].value:
            days.add(crawl_day(metadata["file"].value))
    return days


def load_after_crawl(
    context: dg.RunStatusSensorContext, raw_zone: RawZoneResource, duckdb: DuckDBResource
) -> dg.SensorResult:
    """Register the raw zone's crawl dates as partitions (new folders added, gone ones
    deleted) and request a `warehouse` run for each date to load."""
    zone = raw_zone.zone()
    run_id = context.dagster_run.run_id
    current = zone_files(zone)
    try:
        loaded = loaded_files(duckdb.database)
    except DuckDBError as exc:  # a warehouse run holds the file: load what this crawl wrote
        context.log.warning(f"warehouse not readable ({type(exc).__name__})")
        loaded = current
    days = days_to_load(current, loaded, written_days(context.instance, run_id))
    known = set(context.instance.get_dynamic_partitions(CRAWL_DATES.name))
    present = set(zone.days())
    changes = []
    if present - known:
        changes.append(CRAWL_DATES.build_add_request(sorted(present - known)))
    if known - present:
        changes.append(CRAWL_DATES.build_delete_request(sorted(known - present)))
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(run_key=f"after-{run_id}-{day}", partition_key=day) for day in days
        ],
        dynamic_partitions_requests=changes,
    )
