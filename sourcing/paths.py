"""Where the data lives: `--data-dir` (default `./data` or `$SOURCING_DATA_DIR`) and `--db`
(default `<data-dir>/sourcing.duckdb`)."""

from __future__ import annotations

import os
from pathlib import Path

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "spiders" / "samples"


def data_dir(value: str | Path | None = None) -> Path:
    return Path(value or os.environ.get("SOURCING_DATA_DIR") or "data")


def db_path(data: Path, value: str | Path | None = None) -> Path:
    return Path(value or os.environ.get("SOURCING_DB") or data / "sourcing.duckdb")
