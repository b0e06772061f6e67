"""DuckDB over files on an object store: the raw zone and the Parquet snapshots at
`s3://…` (or `gs://`, `az://`), read in place.

DuckDB's own `httpfs` extension would have to be downloaded at run time; instead the fsspec
file system that already holds the data (`pipelines.rawzone.storage`, with the same
AWS_* settings) is handed to DuckDB with `register_filesystem`, and `read_parquet` /
`read_json` read `s3://` paths through it. Nothing is written there this way: the warehouse's
own DuckDB file stays on local disk.

    from warehouse.objectstore import connect_snapshot
    con = connect_snapshot("s3://bucket/snapshots/2026-12")
    con.sql("SELECT month, count(*) FROM postings GROUP BY month ORDER BY month")
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from pipelines.rawzone.layout import RAW
from pipelines.rawzone.storage import as_path, filesystem, is_local
from warehouse.snapshot import MANIFEST


def register(con: duckdb.DuckDBPyConnection, location: str | Path | Any) -> str:
    """Let `con` read paths under `location` (a URL; a local path needs nothing); return
    `location` as DuckDB names it."""
    path = as_path(location)
    if not is_local(path):
        fs = filesystem(path)
        protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
        if not any(con.filesystem_is_registered(p) for p in protocols):
            con.register_filesystem(fs)
    return str(path).rstrip("/")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def connect_snapshot(
    location: str | Path | Any, con: duckdb.DuckDBPyConnection | None = None
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB (or `con`) with one view per table of the snapshot at `location`,
    each a hive-partitioned `read_parquet` of its files (the `month` column from the folder)."""
    con = con or duckdb.connect()
    root = register(con, location)
    manifest = json.loads((as_path(location) / MANIFEST).read_text(encoding="utf-8"))
    for table in manifest["tables"]:
        files = _quote(f"{root}/{table}/*/*.parquet")
        con.execute(
            f'CREATE OR REPLACE VIEW "{table}" AS'
            f" SELECT * FROM read_parquet({files}, hive_partitioning = true)"
        )
    return con


def raw_records(con: duckdb.DuckDBPyConnection, data_dir: str | Path | Any) -> str:
    """The SQL of every raw-zone record of `data_dir` as rows (one JSON line each), with the
    file it came from; `con` can then run it."""
    root = register(con, data_dir)
    files = _quote(f"{root}/{RAW}/*/*/*.jsonl")
    return (
        f"SELECT * FROM read_json({files}, format = 'newline_delimited', filename = true,"
        " columns = {source: 'VARCHAR', source_id: 'VARCHAR', fetched_at: 'VARCHAR',"
        " url: 'VARCHAR', record: 'JSON'})"
    )
