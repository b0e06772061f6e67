"""The deployment files hold together: each instance file passes Dagster's own schema (and
the Kubernetes run launcher's), the Celery worker file the executor's, the executor follows
`SOURCING_EXECUTOR`, and docker-compose.yaml gives every Dagster process what the instance
file reads. No service is needed here (the Celery run is tests/test_deploy_celery.py)."""

import re
from pathlib import Path

import dagster as dg
import pytest
import yaml
from dagster._config import process_config
from dagster._core.instance.config import dagster_instance_config

from sourcing.definitions import executor_from_env

ROOT = Path(__file__).resolve().parent.parent
INSTANCES = [ROOT / "dagster.yaml", ROOT / "deploy" / "dagster.yaml"]
INSTANCES += [ROOT / "deploy" / "k8s" / "dagster.yaml"]


@pytest.mark.parametrize("path", INSTANCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_instance_file_passes_dagsters_schema(path, monkeypatch):
    monkeypatch.setenv("DAGSTER_POSTGRES_URL", "postgresql+psycopg2://u@127.0.0.1:5432/db")
    config, _ = dagster_instance_config(str(path.parent), path.name)
    assert config["concurrency"]["pools"] == {"default_limit": 1, "granularity": "op"}
    if path.parent != ROOT:  # a team's instance keeps its state in PostgreSQL
        assert "postgres_url" in config["storage"]["postgres"]


def test_the_kubernetes_run_launcher_accepts_its_config(monkeypatch):
    from dagster_k8s import K8sRunLauncher

    launcher = yaml.safe_load((ROOT / "deploy" / "k8s" / "dagster.yaml").read_text())
    assert launcher["run_launcher"]["class"] == "K8sRunLauncher"
    monkeypatch.setenv("DAGSTER_K8S_NAMESPACE", "sourcing")
    monkeypatch.setenv("SOURCING_IMAGE", "registry.example/ml-sourcing:1")
    result = process_config(K8sRunLauncher.config_type(), launcher["run_launcher"]["config"])
    assert result.success, result.errors
    assert result.value["job_image"] == "registry.example/ml-sourcing:1"


def test_the_celery_worker_file_matches_the_executor_config(monkeypatch):
    from dagster_celery import celery_executor

    monkeypatch.setenv("SOURCING_CELERY_BROKER", "pyamqp://guest:guest@127.0.0.1:5672//")
    monkeypatch.setenv("SOURCING_CELERY_BACKEND", "rpc://")
    worker = yaml.safe_load((ROOT / "deploy" / "celery.yaml").read_text())
    schema = celery_executor.config_schema.config_type
    result = process_config(schema, worker["execution"]["config"])
    assert result.success, result.errors
    assert result.value["broker"].startswith("pyamqp://")


@pytest.mark.parametrize(
    ("kind", "name"),
    [(None, "forkserver_multiprocess"), ("celery", "celery"), ("k8s", "k8s")],
)
def test_the_executor_follows_sourcing_executor(kind, name, monkeypatch):
    if kind:
        monkeypatch.setenv("SOURCING_EXECUTOR", kind)
    else:
        monkeypatch.delenv("SOURCING_EXECUTOR", raising=False)
    assert executor_from_env().name == name


def test_an_unknown_executor_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("SOURCING_EXECUTOR", "spark")
    with pytest.raises(ValueError, match="SOURCING_EXECUTOR='spark'"):
        executor_from_env()


def test_docker_compose_gives_every_dagster_process_what_the_instance_reads():
    compose = yaml.safe_load((ROOT / "docker-compose.yaml").read_text())
    services = compose["services"]
    assert {"postgres", "rabbitmq", "code", "webserver", "daemon"} <= set(services)
    workers = [
        name for name, s in services.items() if "dagster-celery worker" in s.get("command", "")
    ]
    assert len(workers) >= 2
    instance_vars = set(re.findall(r"env: (\w+)", (ROOT / "deploy/dagster.yaml").read_text()))
    worker_vars = set(re.findall(r"env: (\w+)", (ROOT / "deploy/celery.yaml").read_text()))
    for name in ["code", "webserver", "daemon", *workers]:
        env = services[name]["environment"]
        assert instance_vars | worker_vars <= set(env), name
        assert env["SOURCING_EXECUTOR"] == "celery"
    # Workers listen on the queue the executor sends to.
    queue = services["code"]["environment"]["SOURCING_CELERY_QUEUE"]
    assert all(f"-q {queue} " in services[w]["command"] for w in workers)
    # The object store and the frontier are services of the file, off until asked for: the
    # raw zone on the volume by default, the DuckDB file always local on it.
    assert {"redis", "minio", "bucket"} <= set(services)
    env = services["code"]["environment"]
    assert env["SOURCING_DATA_DIR"] == "${SOURCING_DATA_DIR:-/data}"
    assert env["SOURCING_DB"].startswith("/data/")
    assert env["SOURCING_FRONTIER"] == "${SOURCING_FRONTIER:-}"
    assert env["AWS_ENDPOINT_URL"].endswith("http://minio:9000}")
    assert "store/sourcing" in services["bucket"]["entrypoint"]
    for path in ("deploy/Dockerfile", "deploy/workspace.yaml", "deploy/celery.yaml"):
        assert (ROOT / path).exists()
    assert dg.__version__ == "1.13.27"
