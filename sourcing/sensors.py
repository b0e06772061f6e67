"""After every run that crawled, failed or not, load what it wrote: one `warehouse` run,
which normalizes every crawl date whose raw files the warehouse has not loaded yet.

Every run of the code location is watched (the `daily_crawl` job, and a crawl materialized
from the asset graph alike); a run that wrote no raw file (a warehouse run, a check run, a
crawl that failed everywhere) requests nothing, so a failing load never loops. A crawl run
that fails for one source must not keep the others' data out of the warehouse, so failed
runs trigger the load too.
"""

import dagster as dg

from pipelines.rawzone.layout import crawl_day


def written_days(instance: dg.DagsterInstance, run_id: str) -> set[str]:
    """The crawl dates of the raw files a run wrote (its `raw_*` materializations)."""
    records = instance.get_records_for_run(
        run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
    ).records
    days = set()
    for record in records:
        metadata = record.event_log_entry.asset_materialization.metadata
        if "file" in metadata and "items" in metadata and metadata["items"].value:
            days.add(crawl_day(metadata["file"].value))
    return days


def load_after_crawl(context: dg.RunStatusSensorContext) -> dg.RunRequest | dg.SkipReason:
    """Request a `warehouse` run when the finished run wrote raw files."""
    run_id = context.dagster_run.run_id
    days = written_days(context.instance, run_id)
    if not days:
        return dg.SkipReason(f"run {run_id[:8]} wrote no raw file")
    return dg.RunRequest(
        run_key=f"after-{run_id}",
        tags={"sourcing/crawl_run": run_id, "sourcing/crawl_dates": ",".join(sorted(days))},
    )
