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
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg

from pipelines.rawzone.layout import crawl_day
from sourcing.assets.checks import postings_checks
from sourcing.assets.crawl import crawl_assets, raw_asset_key
from sourcing.assets.postings import JOB_SOURCES, normalized_crawls
from sourcing.crawl import INTERRUPTED, stop_on_signals
from sourcing.definitions import all_assets, warehouse_assets
from sourcing.partitions import days_to_load, zone_files
from warehouse.crawl_dates import loaded_files
from warehouse.db import WarehouseUnavailable, wait_for_writer

# Dagster's console log stays quiet: each failure is told in one line by this module (an
# expected one, a crawl's, with its cause and log file; an unexpected one with its full
# traceback written to `<data-dir>/logs/`).
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


class Interrupted(Exception):
    """The user stopped the run (Ctrl-C or SIGTERM): nothing more was crawled or loaded."""


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


def _error(result: dg.ExecuteInProcessResult, logs: Path | None = None) -> str:
    """The failure of a run in one line. A crawl's own error (CrawlError) says everything; any
    other error's traceback goes to a file under `logs`, named in the line."""
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error:
            error = top = event.step_failure_data.error
            while error.cause is not None and "CrawlError" not in error.cls_name:
                error = error.cause
            if "CrawlError" in error.cls_name:
                message = error.message.strip().splitlines()[0]
                return message.split("CrawlError: ", 1)[-1]
            line = f"{top.cls_name}: {top.message.strip().splitlines()[0] if top.message else ''}"
            if logs is not None:
                logs.mkdir(parents=True, exist_ok=True)
                trace = logs / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{event.step_key}.log"
                trace.write_text(top.to_string(), encoding="utf-8")
                line += f" (traceback: {trace})"
            return line
    return "failed"


def _interrupted(result: dg.ExecuteInProcessResult) -> bool:
    if INTERRUPTED.is_set():
        return True
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error:
            error = event.step_failure_data.error
            while error is not None:
                if "Interrupt" in error.cls_name:
                    return True
                error = error.cause
    return False


def _check(result: dg.ExecuteInProcessResult, stage: str) -> None:
    if _interrupted(result):
        raise Interrupted(f"interrupted during {stage}")


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
    date of the raw zone when `rebuild`), then rebuild the tables downstream of them.

    Raises Interrupted when the user stops it: the tables then stay as they were before the
    stage under way (each load is one transaction), and no later stage runs."""
    with stop_on_signals():
        return _materialize(resources, sources, say, rebuild)


def _materialize(
    resources: dict, sources: list[str] | None, say: Callable[[str], None], rebuild: bool
) -> RunReport:
    instance = dagster_instance()
    report = RunReport()
    written = set()
    zone = resources["raw_zone"].zone()
    logs = zone.logs_dir
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
        _check(result, f"the crawl of {source}")
        if result.success:
            summary = _metadata(result)[f"raw_{source}"]
            report.crawled[source] = summary
            if summary["items"]:
                written.add(crawl_day(summary["file"]))
            say(f"crawl {source}: {summary['items']} records in {time.monotonic() - start:.1f}s")
        else:
            report.failed[source] = _error(result, logs)
            say(f"crawl {source} FAILED: {report.failed[source]}")
    database = resources["duckdb"].database
    try:
        wait_for_writer(database, say)
    except WarehouseUnavailable as exc:
        report.failed["warehouse"] = str(exc)
        say(f"warehouse FAILED: {exc}")
        return report
    loaded = {} if rebuild else loaded_files(database)
    days = days_to_load(zone_files(zone), loaded, written)
    if not _normalize_days(resources, days, report, say, logs, instance):
        return report
    start = time.monotonic()
    say("select the latest versions, dedupe and load the warehouse …")
    # With no job source in the raw zone (only "Who wants to be hired?" crawls) an empty
    # `postings` is what the data says, not a failure that should block the candidates.
    checks = postings_checks if zone.files(JOB_SOURCES) else []
    result = dg.materialize(
        [*all_assets, *checks],
        resources=resources,
        selection=[a.key for a in warehouse_assets if a is not normalized_crawls],
        instance=instance,
        run_config=QUIET,
        raise_on_error=False,
    )
    _check(result, "the warehouse load")
    report.metadata = _metadata(result)
    for evaluation in result.get_asset_check_evaluations():
        report.checks[evaluation.check_name] = evaluation.passed
    if not result.success:
        report.failed["warehouse"] = _error(result, logs)
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
    logs: Path,
    instance: dg.DagsterInstance | None,
) -> bool:
    """Materialize `normalized_crawls` once for all `days` (so that each distinct record
    version is normalized once, the dates' versions over every core); False if it failed."""
    if INTERRUPTED.is_set():
        raise Interrupted("interrupted before normalizing")
    if days:
        start = time.monotonic()
        result = dg.materialize(
            [normalized_crawls],
            resources=resources,
            instance=instance,
            run_config={**QUIET, **normalize_config(days)},
            raise_on_error=False,
        )
        _check(result, f"the load of crawl date(s) {', '.join(days)}")
        if not result.success:
            report.failed["warehouse"] = _error(result, logs)
            say(f"normalize FAILED: {report.failed['warehouse']}")
            return False
        meta = _metadata(result)["normalized_crawls"]
        for day, done in meta["crawl_dates"].items():
            report.normalized[day] = done
            say(
                f"normalize {day}: {done['raw_records']} records from {done['raw_files']} files"
                f" → {done['normalized_rows']} rows"
            )
        fresh, versions = meta["versions_normalized"], meta["record_versions"]
        say(
            f"normalized {fresh} record versions, reused {versions - fresh} of {versions}"
            f" (unchanged since normalized) in {time.monotonic() - start:.1f}s"
        )
    if INTERRUPTED.is_set():
        raise Interrupted("interrupted before the warehouse load")
    return True
