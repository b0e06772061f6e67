"""Fixtures the whole suite shares: the `sourcing` command run in-process (Click's CliRunner:
no subprocess), and the bundled sample built once per session (`sourcing run --sample`) for
every test that only reads it. A test that changes a data directory builds its own or copies
this one."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipelines.rawzone.layout import RawZone
from sourcing.cli import main


def invoke(*args: str, check: bool = True, input: str | None = None) -> Result:
    """`sourcing ARGS...` in this process; `check`: fail the test on a non-zero exit."""
    umask = os.umask(0o022)  # the command sets its own (0o077): put the test's back after
    os.umask(umask)
    try:
        result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    finally:
        os.umask(umask)
    if check and result.exit_code != 0:
        raise AssertionError(
            f"sourcing {' '.join(map(str, args))} exited {result.exit_code}:\n"
            f"{result.stdout}\n{result.stderr}"
        ) from result.exception
    return result


@pytest.fixture(scope="session")
def sourcing() -> Callable[..., Result]:
    """Run the command in-process: `sourcing("query", "select 1", "--db", db)`."""
    return invoke


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory) -> tuple[Path, str]:
    """The data directory filled by `sourcing run --sample` (every source), and what the
    run printed. Shared by the session: read it, never write into it."""
    data = tmp_path_factory.mktemp("sample-warehouse")
    # A process of its own, as a user runs it; the timeout only stops a hung run on a busy
    # machine (about a minute when idle).
    proc = subprocess.run(
        [sys.executable, "-m", "sourcing.cli", "run", "--sample", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if proc.returncode != 0:
        raise AssertionError(f"sourcing run --sample failed:\n{proc.stdout}\n{proc.stderr}")
    return data, proc.stdout


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


# Orchestration tests run the graph after the crawls of these sources (two job sources, one
# candidate source): every asset that is not a crawl, without the 16 other crawls of the same
# asset factory, which only add minutes (the session sample crawls every source).
GRAPH_SOURCES = ("greenhouse", "hn_hiring", "hn_wants")


@pytest.fixture(scope="session")
def graph_selection() -> tuple[str, list[str]]:
    """The `--select` of `dagster asset materialize` for GRAPH_SOURCES and all downstream,
    and those sources."""
    return ",".join(f"raw_{source}*" for source in GRAPH_SOURCES), list(GRAPH_SOURCES)
