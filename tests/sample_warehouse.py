"""The bundled sample run once per test session and shared by the analyst-layer tests."""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path


def sample_data_dir() -> Path:
    """A data directory filled by `sourcing run --sample` (built once, removed at exit)."""
    return sample_run()[0]


def sample_run_output() -> str:
    """What that `sourcing run --sample` printed."""
    return sample_run()[1]


@cache
def sample_run() -> tuple[Path, str]:
    data = Path(tempfile.mkdtemp(prefix="sample-warehouse-"))
    atexit.register(shutil.rmtree, data, ignore_errors=True)
    proc = subprocess.run(
        [sys.executable, "-m", "sourcing.cli", "run", "--sample", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=1800,  # a shared, loaded machine has taken over 15 minutes
    )
    if proc.returncode != 0:
        raise AssertionError(f"sourcing run --sample failed:\n{proc.stdout}\n{proc.stderr}")
    return data, proc.stdout
