"""The team deployment on real engines: Dagster's instance on the local PostgreSQL
(`deploy/dagster.yaml`), the graph of three sources on the bundled sample (every asset after
their crawls) with its steps on two Celery workers (separate processes, RabbitMQ as the
broker), crawls of different sources at once on different workers.

Needs PostgreSQL and RabbitMQ on 127.0.0.1 (`.ci/run` starts them); skipped with the reason
when one is down.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import dagster as dg
import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SERVICES = {"PostgreSQL": 5432, "RabbitMQ": 5672}
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
BROKER = "pyamqp://guest:guest@127.0.0.1:5672//"


def down(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return True
    return False


DOWN = [f"{name} (127.0.0.1:{port})" for name, port in SERVICES.items() if down(port)]
pytestmark = pytest.mark.skipif(
    bool(DOWN), reason=f"{', '.join(DOWN)} not running: `bash .ci/run` starts them"
)


@pytest.fixture
def postgres_url():
    """A fresh PostgreSQL database for this test's Dagster instance, dropped afterwards."""
    import psycopg2

    name = f"sourcing_test_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(PG_ADMIN)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    try:
        yield f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"
    finally:
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


@pytest.fixture
def deployment(tmp_path, postgres_url, monkeypatch):
    """The environment of every process of the deployment: the instance's home holding
    deploy/dagster.yaml, the data dir, the sample, the Celery executor on its own queue."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    env = {
        "DAGSTER_HOME": str(home),
        "DAGSTER_POSTGRES_URL": postgres_url,
        "SOURCING_DATA_DIR": str(tmp_path / "data"),
        "SOURCING_REPLAY": "sample",
        "SOURCING_EXECUTOR": "celery",
        "SOURCING_CELERY_BROKER": BROKER,
        "SOURCING_CELERY_BACKEND": "rpc://",
        "SOURCING_CELERY_QUEUE": f"sourcing-test-{uuid.uuid4().hex[:8]}",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return tmp_path, {**os.environ, **env}


def start_worker(name: str, env: dict, log: Path) -> subprocess.Popen:
    """A Celery worker process of one slot, listening on the test's queue."""
    cmd = [
        str(BIN / "dagster-celery"),
        "worker",
        "start",
        "-A",
        "dagster_celery.app",
        "-y",
        str(ROOT / "deploy" / "celery.yaml"),
        "-q",
        env["SOURCING_CELERY_QUEUE"],
        "-n",
        f"{name}-{env['SOURCING_CELERY_QUEUE']}@%h",
        "--",
        "--concurrency=1",
    ]
    out = log.open("w")
    return subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )


def wait_ready(logs: list[Path], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(" ready." in log.read_text(errors="replace") for log in logs):
            return
        time.sleep(1)
    raise AssertionError("Celery workers not ready:\n" + logs[0].read_text()[-2000:])


def stop(worker: subprocess.Popen) -> None:
    """Stop the worker's whole process group: `dagster-celery` runs `celery` as a child,
    which a signal to the wrapper alone would leave running."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        worker.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()


def step_spans(instance: dg.DagsterInstance, run_id: str) -> dict[str, dict]:
    """step → its Celery worker, start and end time (from the run's events in PostgreSQL)."""
    spans: dict[str, dict] = {}
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None or not record.step_key:
            continue
        span = spans.setdefault(record.step_key, {})
        if event.event_type == dg.DagsterEventType.ENGINE_EVENT:
            worker = event.engine_event_data.metadata.get("Celery worker")
            if worker is not None:
                span["worker"] = worker.value
        elif event.event_type == dg.DagsterEventType.STEP_START:
            span["start"] = record.timestamp
        elif event.event_type == dg.DagsterEventType.STEP_SUCCESS:
            span["end"] = record.timestamp
    return spans


def test_the_graph_runs_on_postgres_with_two_celery_workers(deployment, graph_selection):
    tmp_path, env = deployment
    selection, sources = graph_selection
    logs = [tmp_path / "worker1.log", tmp_path / "worker2.log"]
    workers = [start_worker(f"w{i}", env, log) for i, log in enumerate(logs, 1)]
    try:
        wait_ready(logs)
        run = subprocess.run(
            [str(BIN / "dagster"), "asset", "materialize", "-m", "sourcing.definitions"]
            + ["--select", selection],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
        )
    finally:
        for worker in workers:
            stop(worker)
    assert run.returncode == 0, run.stderr[-3000:]

    with dg.DagsterInstance.get() as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        (record,) = instance.get_run_records()
        assert record.dagster_run.status == dg.DagsterRunStatus.SUCCESS
        spans = step_spans(instance, record.dagster_run.run_id)

    crawls = {k: v for k, v in spans.items() if k.startswith("raw_")}
    assert sorted(crawls) == sorted(f"raw_{source}" for source in sources) and all(
        {"worker", "start", "end"} <= set(s) for s in crawls.values()
    )
    assert len({s["worker"] for s in spans.values() if "worker" in s}) == 2
    # Crawls of different sources ran at the same time, on different workers.
    overlapping = [
        (a, b)
        for a, x in crawls.items()
        for b, y in crawls.items()
        if a < b and x["worker"] != y["worker"] and x["start"] < y["end"] and y["start"] < x["end"]
    ]
    assert overlapping, crawls

    con = duckdb.connect(str(tmp_path / "data" / "sourcing.duckdb"), read_only=True)
    try:
        (postings,) = con.execute("SELECT count(*) FROM postings").fetchone()
    finally:
        con.close()
    assert postings > 20
