"""Fixtures shared by the test files: the `sourcing` command run in-process (Click's
CliRunner: no subprocess), and the bundled sample's warehouse, built once per session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sourcing.cli import main
from tests.sample_warehouse import sample_data_dir


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
def sample_data() -> Path:
    """The data directory of `sourcing run --sample`, shared by every test that only reads it."""
    return sample_data_dir()
