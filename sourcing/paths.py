"""Where the data lives: `--data-dir` (default `./data` or `$SOURCING_DATA_DIR`; a URL such as
`s3://bucket/prefix` puts it on an object store) and `--db` (default
`<data-dir>/sourcing.duckdb`; the DuckDB file is always local: beside an object-store data
directory it defaults to `./sourcing.duckdb`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pipelines.rawzone.storage import as_path, is_local

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "spiders" / "samples"
LOCAL_DB = "sourcing.duckdb"


def data_dir(value: str | Path | None = None) -> Path | Any:
    return as_path(value or os.environ.get("SOURCING_DATA_DIR") or "data")


def db_path(data: Path | Any, value: str | Path | None = None) -> Path:
    chosen = value or os.environ.get("SOURCING_DB")
    if chosen:
        return Path(chosen)
    return data / LOCAL_DB if is_local(data) else Path(LOCAL_DB)
