"""Dagster definitions: the asset graph, its resources, checks, the daily schedule and the
sensors that load what the crawls wrote.

`dagster dev` / `dg dev` (through `workspace.yaml` or `[tool.dg]`) and `sourcing run` use the
same assets. Resources read the environment: `SOURCING_DATA_DIR`, `SOURCING_DB`, and
`SOURCING_REPLAY` (a HAR file or folder, or `sample` for the bundled recordings; unset means
crawl the live sources). The schedule and the sensors are on from the first start: they tick
whenever a daemon runs (`dagster dev` starts one).
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
    tags={"sourcing/stage": "crawl"},
)
warehouse_job = dg.define_asset_job(
    "warehouse",
    selection=dg.AssetSelection.assets(*warehouse_assets),
    description="Normalize the crawl dates not loaded yet (all in this one run), then rebuild"
    " the tables and views downstream once.",
    tags={"sourcing/stage": "load"},
)
daily_schedule = dg.ScheduleDefinition(
    job=daily_crawl,
    cron_schedule="0 4 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Crawl every source at 04:00 UTC; the load follows (`rebuild_after_crawl`).",
)

LOAD_DESCRIPTION = (
    "After any run that wrote raw files (the `daily_crawl` job, crawl assets materialized from"
    " the graph, `dg launch`, `sourcing run`) {how}, request one `warehouse` run: it normalizes"
    " every crawl date not loaded yet and rebuilds the tables once."
)


def _rebuild_sensor(make_sensor, name: str, how: str, **only_when) -> dg.SensorDefinition:
    """`load_after_crawl` on the runs `make_sensor` reacts to, in every code location: runs
    started from a command line (`dg launch`, `dagster asset materialize`) carry none, and
    only `monitor_all_code_locations` lets a run-status sensor see them. The sensor reacts
    to `raw_*` materializations only, so watching everything is safe."""
    return make_sensor(
        **only_when,
        monitor_all_code_locations=True,
        request_job=warehouse_job,
        name=name,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=LOAD_DESCRIPTION.format(how=how),
    )(load_after_crawl)


rebuild_after_crawl = _rebuild_sensor(
    dg.run_status_sensor,
    "rebuild_after_crawl",
    "succeeded",
    run_status=dg.DagsterRunStatus.SUCCESS,
)
rebuild_after_failed_crawl = _rebuild_sensor(
    dg.run_failure_sensor,
    "rebuild_after_failed_crawl",
    "failed, for the sources that did crawl",
)


def build_resources(
    data: Path,
    db: Path,
    replay: str | Path | None = None,
    record: str | Path | None = None,
    spider_args: list[str] | None = None,
    retries: bool = False,
) -> dict:
    """The resources of a run. `retries`: failed crawls follow the retry policy (Dagster's
    schedule and sensors); off for `sourcing run` and tests, which report a failure at once."""
    return {
        "raw_zone": RawZoneResource(data_dir=str(data)),
        "crawler": CrawlerResource(
            replay=str(replay) if replay else None,
            record=str(record) if record else None,
            spider_args=spider_args or [],
            retries=retries,
        ),
        "duckdb": DuckDBResource(database=str(db)),
    }


def _resources_from_env() -> dict:
    data = data_dir()
    replay = os.environ.get("SOURCING_REPLAY")
    if replay == "sample":
        return build_resources(
            data, db_path(data), SAMPLE_DIR, spider_args=sample_spider_args(), retries=True
        )
    return build_resources(data, db_path(data), replay, retries=True)


DEFAULT_BROKER = "pyamqp://guest:guest@127.0.0.1:5672//"


def executor_from_env() -> dg.ExecutorDefinition:
    """Where steps run, from `SOURCING_EXECUTOR`: `multiprocess` (the default: each step in
    its own process on this machine, forked from a server that imported the project once),
    `celery` (steps queued on a broker, `SOURCING_CELERY_BROKER`, queue
    `SOURCING_CELERY_QUEUE`, for Celery workers on any machine) or `k8s` (each step a
    Kubernetes Job; the cluster settings come from the instance's `K8sRunLauncher`). The
    extras come with `ml-sourcing[deploy]`."""
    kind = os.environ.get("SOURCING_EXECUTOR", "multiprocess")
    if kind == "multiprocess":
        preload = {"preload_modules": ["dagster", "sourcing.definitions"]}
        return dg.multiprocess_executor.configured(
            {"start_method": {"forkserver": preload}}, name="forkserver_multiprocess"
        )
    if kind == "celery":
        from dagster_celery import celery_executor

        config = {
            "broker": os.environ.get("SOURCING_CELERY_BROKER", DEFAULT_BROKER),
            "backend": os.environ.get("SOURCING_CELERY_BACKEND", "rpc://"),
            # The workers' queue (`dagster-celery worker start -q NAME`).
            "config_source": {
                "task_default_queue": os.environ.get("SOURCING_CELERY_QUEUE", "dagster")
            },
        }
        return celery_executor.configured(config, name="celery")
    if kind == "k8s":
        from dagster_k8s import k8s_job_executor

        return k8s_job_executor
    raise ValueError(f"SOURCING_EXECUTOR={kind!r}: use multiprocess, celery or k8s")


defs = dg.Definitions(
    assets=all_assets,
    asset_checks=postings_checks,
    jobs=[daily_crawl, warehouse_job],
    schedules=[daily_schedule],
    sensors=[rebuild_after_crawl, rebuild_after_failed_crawl],
    resources=_resources_from_env(),
    executor=executor_from_env(),
)
