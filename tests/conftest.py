"""Fixtures the whole suite shares: the `sourcing` command run as a user runs it, and the
bundled sample built once per session (`sourcing run --sample`) for every test that only
reads it. A test that changes a data directory builds its own or copies this one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.rawzone.layout import RawZone


def run_sourcing(*args: str, check: bool = True, timeout: float = 900):
    """`sourcing ARGS…` in a subprocess; a failure raises with its output when `check`."""
    proc = subprocess.run(
        [sys.executable, "-m", "sourcing.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"sourcing {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def sourcing() -> Callable[..., subprocess.CompletedProcess]:
    """Run the `sourcing` CLI: `sourcing("query", "select 1", check=False)`."""
    return run_sourcing


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory) -> tuple[Path, str]:
    """The data directory filled by `sourcing run --sample` (every source), and what the
    run printed. Shared by the session: read it, never write into it."""
    data = tmp_path_factory.mktemp("sample-warehouse")
    # A minute on an idle machine; the timeout only stops a hung run on a busy one.
    return data, run_sourcing("run", "--sample", "--data-dir", str(data), timeout=1800).stdout


@pytest.fixture(scope="session")
def sample_data(sample_run) -> Path:
    """The shared sample's data directory (`sample_run`)."""
    return sample_run[0]


@pytest.fixture(scope="session")
def sample_records(sample_data) -> dict[str, list[dict]]:
    """The raw records of every source's bundled sample, as the sample run crawled them."""
    records: dict[str, list[dict]] = {}
    for record in RawZone(sample_data).read():
        records.setdefault(record["source"], []).append(record)
    return records
