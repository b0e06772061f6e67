"""The operator's first run, as an operator types it: `dg` in the project, every asset after
the crawls from one `dagster asset materialize` on an instance with the shipped `dagster.yaml`
(whose pools hold the DuckDB writers back), and `sourcing run` recorded where `dagster dev`
shows it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest
import yaml

from sourcing.definitions import build_resources
from sourcing.paths import SAMPLE_DIR
from sourcing.runner import materialize_graph
from sourcing.sources import sample_spider_args

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@pytest.fixture
def dagster_home(tmp_path, monkeypatch) -> Path:
    """A fresh `DAGSTER_HOME` holding the project's `dagster.yaml`, as the README sets it up."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return home


def test_the_shipped_instance_limits_every_pool_to_one_step_and_queues_runs(dagster_home):
    with dg.DagsterInstance.get() as instance:
        pools = instance.get_concurrency_config().pool_config
        assert pools.default_pool_limit == 1
        assert pools.pool_granularity.value == "op"
        assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
    runs = yaml.safe_load((ROOT / "dagster.yaml").read_text())["concurrency"]["runs"]
    assert {"key": "sourcing/stage", "value": "load", "limit": 1} in runs["tag_concurrency_limits"]


def test_dg_checks_and_lists_the_definitions():
    env = {**os.environ, "DAGSTER_DISABLE_TELEMETRY": "1"}
    check = subprocess.run(
        [str(BIN / "dg"), "check", "defs"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr[-2000:]
    assert "All definitions loaded successfully" in check.stdout + check.stderr
    listed = subprocess.run(
        [str(BIN / "dg"), "list", "defs", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert listed.returncode == 0, listed.stderr[-2000:]
    defs = json.loads(listed.stdout)
    assets = {a["key"] if "key" in a else a["asset_key"] for a in defs["assets"]}
    assert {"raw_greenhouse", "normalized_crawls", "postings", "report"} <= assets
    assert {s["name"] for s in defs["sensors"]} >= {"rebuild_after_crawl"}
    assert [s["name"] for s in defs["schedules"]] == ["daily_crawl_schedule"]


def test_sourcing_run_is_recorded_in_dagster_home(dagster_home, tmp_path):
    resources = build_resources(
        tmp_path, tmp_path / "sourcing.duckdb", SAMPLE_DIR, spider_args=sample_spider_args()
    )
    report = materialize_graph(resources, ["greenhouse"], say=lambda _: None)
    assert report.ok, report.failed
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
        assert len(runs) == 3  # crawl, normalize the new date, rebuild the tables
        assert {r.status for r in runs} == {dg.DagsterRunStatus.SUCCESS}
        (crawled,) = instance.fetch_materializations(dg.AssetKey("raw_greenhouse"), 5).records
        assert crawled.asset_materialization.metadata["items"].value > 0
        assert instance.get_latest_materialization_event(dg.AssetKey("postings")) is not None


def test_the_graph_after_the_crawls_materializes_without_picking_a_partition_and_writers_wait(
    dagster_home, tmp_path, graph_selection
):
    selection, sources = graph_selection
    data = tmp_path / "data"
    env = {
        **os.environ,
        "SOURCING_REPLAY": "sample",
        "SOURCING_DATA_DIR": str(data),
        "SOURCING_EXECUTOR": "multiprocess",
    }
    run = subprocess.run(
        [str(BIN / "dagster"), "asset", "materialize", "-m", "sourcing.definitions"]
        + ["--select", selection],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    con = duckdb.connect(str(data / "sourcing.duckdb"), read_only=True)
    try:
        (postings,) = con.execute("SELECT count(*) FROM postings").fetchone()
    finally:
        con.close()
    assert postings > 20
    assert (data / "report.html").exists()
    assert sorted(p.name for p in (data / "raw").iterdir()) == sorted(sources)

    with dg.DagsterInstance.get() as instance:
        (record,) = instance.get_run_records()
        assert record.dagster_run.status == dg.DagsterRunStatus.SUCCESS
        logs = instance.all_logs(record.dagster_run.run_id)
    # Two writers were ready at once (`candidates` and `normalized_crawls`): the pool held one.
    blocked = [e for e in logs if "blocked by limit for pool duckdb_writer" in (e.message or "")]
    assert blocked
    spans: dict[str, list[float]] = {}
    for entry in logs:
        if entry.dagster_event and entry.dagster_event.event_type in (
            dg.DagsterEventType.STEP_START,
            dg.DagsterEventType.STEP_SUCCESS,
        ):
            spans.setdefault(entry.step_key, []).append(entry.timestamp)
    writers = ["normalized_crawls", "normalized_postings", "postings", "candidates"]
    writers += ["companies", "trend_views"]
    intervals = sorted(tuple(spans[w]) for w in writers)
    assert all(len(i) == 2 for i in intervals)
    assert all(a[1] <= b[0] for a, b in zip(intervals, intervals[1:], strict=False))
