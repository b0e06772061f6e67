"""Materialize the asset graph from the command line, stage by stage, with progress.

Each source's crawl is materialized on its own, so a source that fails is reported and the
others still load; then each crawl date that needs it is normalized (one run each, for the
progress lines), and the assets downstream rebuild their tables from the per-date ones.
With `DAGSTER_HOME` set the runs are recorded in that instance, where `dagster dev` shows
them (and its pools apply); without it they use a throwaway instance.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import dagster as dg

from sourcing.assets.checks import postings_checks
from sourcing.assets.crawl import crawl_assets, raw_asset_key
from sourcing.assets.postings import normalized_crawls
from sourcing.definitions import all_assets, warehouse_assets
from sourcing.partitions import days_to_load, zone_files
from sourcing.raw_zone import crawl_day
from warehouse.crawl_dates import loaded_files

QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


@dataclass
class RunReport:
    crawled: dict[str, dict] = field(default_factory=dict)  # source -> crawl summary
    failed: dict[str, str] = field(default_factory=dict)  # source or stage -> error
    checks: dict[str, bool] = field(default_factory=dict)
    normalized: dict[str, dict] = field(default_factory=dict)  # crawl date -> its metadata
    metadata: dict[str, dict] = field(default_factory=dict)  # asset -> materialization metadata

    @property
    def ok(self) -> bool:
        return not self.failed and all(self.checks.values())


def _metadata(result: dg.ExecuteInProcessResult) -> dict[str, dict]:
    out = {}
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        out[mat.asset_key.to_user_string()] = {k: v.value for k, v in mat.metadata.items()}
    return out


def _error(result: dg.ExecuteInProcessResult) -> str:
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error:
            error = event.step_failure_data.error
            while error.cause is not None and "CrawlError" not in error.cls_name:
                error = error.cause
            return error.message.strip()
    return "failed"


def dagster_instance() -> dg.DagsterInstance | None:
    """The instance of `$DAGSTER_HOME` when it is set (runs then show in `dagster dev`),
    else None: each run gets a throwaway one."""
    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else None


def materialize_graph(
    resources: dict,
    sources: list[str] | None,
    say: Callable[[str], None] = print,
    rebuild: bool = False,
) -> RunReport:
    """Crawl `sources` (none: crawl nothing), normalize the crawl dates that need it (every
    date of the raw zone when `rebuild`), then rebuild the tables downstream of them."""
    instance = dagster_instance()
    report = RunReport()
    written = set()
    for source in sources or []:
        start = time.monotonic()
        say(f"crawl {source} …")
        result = dg.materialize(
            crawl_assets,
            resources=resources,
            selection=[raw_asset_key(source)],
            instance=instance,
            run_config=QUIET,
            raise_on_error=False,
        )
        if result.success:
            summary = _metadata(result)[f"raw_{source}"]
            report.crawled[source] = summary
            if summary["items"]:
                written.add(crawl_day(summary["file"]))
            say(f"crawl {source}: {summary['items']} records in {time.monotonic() - start:.1f}s")
        else:
            report.failed[source] = _error(result)
            say(f"crawl {source} FAILED: {report.failed[source]}")
    zone = resources["raw_zone"].zone()
    loaded = {} if rebuild else loaded_files(resources["duckdb"].database)
    days = days_to_load(zone_files(zone), loaded, written)
    if not _normalize_days(resources, days, report, say, instance):
        return report
    start = time.monotonic()
    say("select the latest versions, dedupe and load the warehouse …")
    result = dg.materialize(
        [*all_assets, *postings_checks],
        resources=resources,
        selection=[a.key for a in warehouse_assets if a is not normalized_crawls],
        instance=instance,
        run_config=QUIET,
        raise_on_error=False,
    )
    report.metadata = _metadata(result)
    for evaluation in result.get_asset_check_evaluations():
        report.checks[evaluation.check_name] = evaluation.passed
    if not result.success:
        report.failed["warehouse"] = _error(result)
        say(f"warehouse FAILED: {report.failed['warehouse']}")
    else:
        say(f"warehouse loaded in {time.monotonic() - start:.1f}s")
    return report


def normalize_config(days: list[str]) -> dict:
    """The run config of a `normalized_crawls` run over exactly these crawl dates."""
    return {"ops": {"normalized_crawls": {"config": {"dates": days}}}}


def _normalize_days(
    resources: dict,
    days: list[str],
    report: RunReport,
    say: Callable[[str], None],
    instance: dg.DagsterInstance | None,
) -> bool:
    """Materialize `normalized_crawls` for each day; False if one failed."""
    for day in days:
        start = time.monotonic()
        result = dg.materialize(
            [normalized_crawls],
            resources=resources,
            instance=instance,
            run_config={**QUIET, **normalize_config([day])},
            raise_on_error=False,
        )
        if not result.success:
            report.failed["warehouse"] = _error(result)
            say(f"normalize {day} FAILED: {report.failed['warehouse']}")
            return False
        meta = report.normalized[day] = _metadata(result)["normalized_crawls"]["crawl_dates"][day]
        say(
            f"normalize {day}: {meta['raw_records']} records from {meta['raw_files']} files"
            f" → {meta['normalized_rows']} rows in {time.monotonic() - start:.1f}s"
        )
    return True
