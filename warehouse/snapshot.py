"""Versioned dataset snapshots: every warehouse table, and the analysts' trend views as tables
(`TREND_VIEWS`), as hive-partitioned Parquet + a manifest.

Layout of a snapshot directory:

    DIR/manifest.json
    DIR/<table>/month=YYYY-MM/data_0.parquet

A row's month comes from the first of the table's date columns that is set (`DATE_COLUMNS`);
tables without a date column, and rows without a date, go under `month=unknown`. The manifest
holds the schema version, each table's row count and files with their sha256, the date range
and the sources. Any Parquet reader reads it back, e.g. in DuckDB:

    SELECT * FROM read_parquet('DIR/postings/*/*.parquet', hive_partitioning = true)

DIR may be on an object store (`s3://bucket/snapshots/2026-12`): the snapshot is written on
local disk, then uploaded, manifest last (`_upload`); `warehouse.objectstore` reads it back.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from pipelines.rawzone.storage import as_path, filesystem, is_local, key
from warehouse.aggregates import TRENDS
from warehouse.crawl_dates import LOAD_STATE_TABLES
from warehouse.db import connect

MANIFEST = "manifest.json"
FORMAT_VERSION = 1
# Written into every manifest: a folder is replaced only when its manifest says we wrote it.
GENERATOR = "ml-sourcing export dataset"
# The date that places a row in a month, in order of preference: when the thing was posted,
# then when we first saw it, then when it was fetched.
DATE_COLUMNS = ("posted_at", "first_seen", "fetched_at", "crawled_at", "last_seen", "closed_at")
UNDATED = "unknown"
# Never in a snapshot: `schema_version` is the manifest's `schema`; the suppression list holds
# hashes of forgotten people's addresses, which must not travel; the per-crawl-date tables are
# how the warehouse loads incrementally, not data (`normalized_postings` holds what counts).
SKIP_TABLES = {"schema_version", "suppression_list", *LOAD_STATE_TABLES}
# People's own posts (handles, emails, links): left out unless asked for, because a snapshot
# is made to be shared and `sourcing forget` cannot reach copies already handed out.
PERSONAL_TABLES = {"candidates", "candidate_posts"}
# The trend views travel as tables (their rows as the warehouse computed them), so a reader of
# the snapshot has the published figures without rebuilding the views' SQL. Counts only: no
# view here holds a person's post.
TREND_VIEWS = ("monthly_postings", "weekly_postings", "posting_index", *TRENDS)


@dataclass
class SnapshotResult:
    directory: Path
    manifest: dict

    @property
    def rows(self) -> dict[str, int]:
        return {name: t["rows"] for name, t in self.manifest["tables"].items()}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every base table of the warehouse but those in SKIP_TABLES, and the TREND_VIEWS it has."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        " AND (table_type = 'BASE TABLE' OR list_contains(?, table_name)) ORDER BY table_name",
        [list(TREND_VIEWS)],
    ).fetchall()
    return [r[0] for r in rows if r[0] not in SKIP_TABLES]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return dict(rows)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _schema(con: duckdb.DuckDBPyConnection) -> dict:
    rows = con.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
    return {
        "version": rows[-1][0] if rows else 0,
        "migrations": [f"{v:03d}_{n}" for v, n in rows],
    }


def _sources(con: duckdb.DuckDBPyConnection, tables: list[str]) -> list[str]:
    found: set[str] = set()
    for table in tables:
        if "source" in _columns(con, table):
            found |= {
                r[0]
                for r in con.execute(f"SELECT DISTINCT source FROM {_quote(table)}").fetchall()
                if r[0] is not None
            }
    return sorted(found)


def export_dataset(db: Path | str, out: Path | str, with_personal: bool = False) -> SnapshotResult:
    """Write every table of the warehouse at `db` as a snapshot in `out` (the tables of
        people's own posts, PERSONAL_TABLES, only `with_personal`).

        The snapshot is written beside `out` and moved into place when complete, so `out` holds
        either the previous snapshot or the new one, never half of one. An existing `out` that is
        not a snapshot this project wrote, or that holds a file its manifest does not list, is
    refused rather than overwritten (`_check_replaceable`).
    """
    out = as_path(out)
    _check_replaceable(out)
    if not is_local(out):
        with tempfile.TemporaryDirectory() as tmp:
            local = export_dataset(db, Path(tmp) / "snapshot", with_personal)
            _upload(local.directory, out)
        return SnapshotResult(out, local.manifest)
    work = out.with_name(f".{out.name}.partial")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    con = connect(db, read_only=True)
    try:
        tables = _tables(con)
        left_out = [] if with_personal else [t for t in tables if t in PERSONAL_TABLES]
        tables = [t for t in tables if t not in left_out]
        manifest = {
            "generator": GENERATOR,
            "format": "parquet",
            "format_version": FORMAT_VERSION,
            "partitioning": {"style": "hive", "column": "month", "undated": UNDATED},
            "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "schema": _schema(con),
            "sources": _sources(con, tables),
            "date_range": None,
            "tables": {},
            "left_out": {t: "personal data: export with --with-candidates" for t in left_out},
        }
        lows, highs = [], []
        for table in tables:
            entry = _export_table(con, table, work / table)
            manifest["tables"][table] = entry
            if entry["date_range"]:
                lows.append(entry["date_range"]["min"])
                highs.append(entry["date_range"]["max"])
            for f in entry["files"]:
                f["sha256"] = sha256(work / f["path"])
                f["bytes"] = (work / f["path"]).stat().st_size
        if lows:
            manifest["date_range"] = {"min": min(lows), "max": max(highs)}
    finally:
        con.close()
    (work / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    if out.exists():
        shutil.rmtree(out)
    work.rename(out)
    return SnapshotResult(out, manifest)


def _upload(local: Path, out: Any) -> None:
    """Put a finished local snapshot at `out` on an object store, which has no folder to
    rename: every table file first, each one PUT (atomic per object), then the manifest, so
    a reader who goes by the manifest never meets a file not yet there; then the previous
    snapshot's files the new manifest does not list are deleted. (A reader globbing the
    folder during the upload may see old and new files side by side: read from the
    manifest, or write each snapshot to a new folder, as `docs/deploy.md` advises.)"""
    fs, root = filesystem(out), key(out)
    before = set(fs.find(root)) if fs.exists(root) else set()
    names = sorted(p.relative_to(local).as_posix() for p in local.rglob("*") if p.is_file())
    names.remove(MANIFEST)
    for name in [*names, MANIFEST]:
        fs.put_file(str(local / name), f"{root}/{name}")
    stale = before - {f"{root}/{name}" for name in [*names, MANIFEST]}
    if stale:
        fs.rm(sorted(stale))


def _check_replaceable(out: Path) -> None:
    """Raise FileExistsError unless `out` is missing, empty, or a snapshot this project wrote
    holding only the files its manifest lists: `-o` never deletes anyone else's files."""
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} is a file, not a snapshot directory: choose another -o")
    if not out.exists() or not any(out.iterdir()):
        return
    refuse = f"{out} exists and is not a snapshot written by `sourcing export dataset`"
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        tables = manifest["tables"]
        ours = manifest.get("generator") == GENERATOR or {  # or one written before the marker
            "format_version",
            "partitioning",
            "schema",
        } <= set(manifest)
        listed = {f["path"] for t in tables.values() for f in t["files"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FileExistsError(f"{refuse}: choose another -o") from exc
    if not ours:
        raise FileExistsError(f"{refuse}: choose another -o")
    for path in sorted(out.rglob("*")):
        name = path.relative_to(out).as_posix()
        if not path.is_dir() and name != MANIFEST and name not in listed:
            raise FileExistsError(
                f"{out} holds {name}, which the snapshot did not write: move it, or choose"
                " another -o"
            )


def _export_table(con: duckdb.DuckDBPyConnection, table: str, folder: Path) -> dict:
    columns = _columns(con, table)
    dates = [c for c in DATE_COLUMNS if c in columns]
    if dates:
        when = f"coalesce({', '.join(_quote(c) for c in dates)})"
        month = f"coalesce(strftime({when}, '%Y-%m'), '{UNDATED}')"
    else:
        when, month = None, f"'{UNDATED}'"
    if "month" in columns:  # the table's own month ('YYYY-MM') places its rows
        source = f"SELECT * REPLACE (coalesce(month, {month}) AS month) FROM {_quote(table)}"
    else:
        source = f"SELECT *, {month} AS month FROM {_quote(table)}"
    rows = con.execute(f"SELECT count(*) FROM {_quote(table)}").fetchone()[0]
    folder.mkdir(parents=True)
    if rows:
        # Sorted rows make the files, and so their checksums, the same for the same data.
        con.execute(
            f"COPY (SELECT * FROM ({source}) ORDER BY ALL) TO '{folder}'"
            " (FORMAT parquet, PARTITION_BY (month), COMPRESSION zstd)"
        )
    else:  # an empty table still gets a file, so readers see its columns
        (folder / f"month={UNDATED}").mkdir()
        con.execute(
            f"COPY (SELECT * FROM {_quote(table)}) TO '{folder}/month={UNDATED}/data_0.parquet'"
            " (FORMAT parquet)"
        )
    files = []
    for path in sorted(folder.rglob("*.parquet")):
        count = con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
        files.append({"path": str(path.relative_to(folder.parent)), "rows": count})
    date_range = None
    if when and rows:
        low, high = con.execute(f"SELECT min({when}), max({when}) FROM {_quote(table)}").fetchone()
        if low is not None:
            date_range = {"min": low.isoformat(), "max": high.isoformat()}
    return {
        "rows": rows,
        "month_from": dates,
        "months": sorted({Path(f["path"]).parent.name.removeprefix("month=") for f in files}),
        "date_range": date_range,
        "columns": columns,
        "files": files,
    }


def verify(directory: Path | str) -> list[str]:
    """Problems found checking a snapshot against its manifest (empty: it is intact)."""
    directory = as_path(directory)
    manifest = json.loads((directory / MANIFEST).read_text())
    problems = []
    listed = set()
    for name, table in manifest["tables"].items():
        for f in table["files"]:
            listed.add(f["path"])
            path = directory / f["path"]
            if not path.exists():
                problems.append(f"{name}: {f['path']} is missing")
            elif sha256(path) != f["sha256"]:
                problems.append(f"{name}: {f['path']} does not match its checksum")
    for path in directory.rglob("*.parquet"):
        if str(path.relative_to(directory)) not in listed:
            problems.append(f"{path.relative_to(directory)} is not in the manifest")
    return problems
