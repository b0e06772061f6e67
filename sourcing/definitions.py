"""Dagster definitions: the asset graph, its resources, checks and the daily schedule.

`dagster dev` (through `workspace.yaml`) and `sourcing run` use the same assets. Resources
read the environment: `SOURCING_DATA_DIR`, `SOURCING_DB`, and `SOURCING_REPLAY` (a HAR file or
folder, or `sample` for the bundled recordings; unset means crawl the live sources).
"""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from sourcing.assets.analytics import report, trend_views
from sourcing.assets.checks import postings_checks
from sourcing.assets.crawl import crawl_assets
from sourcing.assets.leads import candidates, companies
from sourcing.assets.postings import normalized_crawls, normalized_postings, postings
from sourcing.assets.quality import data_quality_table
from sourcing.paths import SAMPLE_DIR, data_dir, db_path
from sourcing.resources import CrawlerResource, RawZoneResource
from sourcing.sensors import load_after_crawl
from sourcing.sources import sample_spider_args

warehouse_assets = [normalized_crawls, normalized_postings, postings, data_quality_table]
warehouse_assets += [trend_views, report]
all_assets = [*crawl_assets, *warehouse_assets]
all_assets += [candidates, companies]
warehouse_assets += [candidates, companies]

daily_crawl = dg.define_asset_job(
    "daily_crawl",
    selection=dg.AssetSelection.groups("crawl"),
    description="Crawl every source into the raw zone.",
)
warehouse_job = dg.define_asset_job(
    "warehouse",
    selection=dg.AssetSelection.assets(*warehouse_assets),
    description="Normalize one crawl date (a partition), then rebuild the tables and views"
    " downstream of every date.",
)
daily_schedule = dg.ScheduleDefinition(
    job=daily_crawl, cron_schedule="0 4 * * *", execution_timezone="UTC"
)


rebuild_after_crawl = dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    monitored_jobs=[daily_crawl],
    request_job=warehouse_job,
    name="rebuild_after_crawl",
)(load_after_crawl)
rebuild_after_failed_crawl = dg.run_failure_sensor(
    monitored_jobs=[daily_crawl],
    request_job=warehouse_job,
    name="rebuild_after_failed_crawl",
)(load_after_crawl)


def build_resources(
    data: Path,
    db: Path,
    replay: str | Path | None = None,
    record: str | Path | None = None,
    spider_args: list[str] | None = None,
) -> dict:
    return {
        "raw_zone": RawZoneResource(data_dir=str(data)),
        "crawler": CrawlerResource(
            replay=str(replay) if replay else None,
            record=str(record) if record else None,
            spider_args=spider_args or [],
        ),
        "duckdb": DuckDBResource(database=str(db)),
    }


def _resources_from_env() -> dict:
    data = data_dir()
    replay = os.environ.get("SOURCING_REPLAY")
    if replay == "sample":
        return build_resources(data, db_path(data), SAMPLE_DIR, spider_args=sample_spider_args())
    return build_resources(data, db_path(data), replay)


defs = dg.Definitions(
    assets=all_assets,
    asset_checks=postings_checks,
    jobs=[daily_crawl, warehouse_job],
    schedules=[daily_schedule],
    sensors=[rebuild_after_crawl, rebuild_after_failed_crawl],
    resources=_resources_from_env(),
)
