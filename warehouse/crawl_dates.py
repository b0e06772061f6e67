"""The per-crawl-date tables (migration 004) and the selection that turns them into
`normalized_postings` and `skipped_records`.

Each crawl date holds every job record's latest version of that day. The version that counts
for the whole raw zone is the one with the latest `fetched_at` (as text), ties going to the
later date: exactly what `pipelines.versions.latest_versions` picks reading every file in
name order (`raw/<source>/<date>/<run-id>`), since a later date's files are read later.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from pipelines.normalize import parse_time
from warehouse.db import connect

# What a crawl date's load writes: its state, and its rows of `crawl_records`.
LOAD_STATE_TABLES = ("crawl_files", "record_versions", "version_postings")
DATED_TABLES = (*LOAD_STATE_TABLES, "crawl_records")

# The version of each record that counts, with its first and last sighting over every date
# and the position of its first sighting (source, date, order within the date) for row order.
CHOSEN = """
CREATE OR REPLACE TEMP TABLE chosen AS
SELECT crawl_date, source, source_id, fetched_at, url, skip_reason,
       min(first_seen) OVER record AS first_seen,
       max(last_seen) OVER record AS last_seen,
       min(crawl_date) OVER record AS first_day,
       arg_min(read_order, crawl_date) OVER record AS first_order
FROM record_versions
WINDOW record AS (PARTITION BY source, source_id)
QUALIFY row_number() OVER (
    PARTITION BY source, source_id ORDER BY fetched_at DESC, crawl_date DESC
) = 1
"""


def loaded_files(db: Path | str) -> dict[str, int]:
    """raw file → bytes, of every crawl date the warehouse holds (none without a warehouse)."""
    if not Path(db).exists():
        return {}
    with connect(db, read_only=True) as con:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "crawl_files" not in tables:
            return {}
        return dict(con.execute("SELECT raw_file, bytes FROM crawl_files").fetchall())


def keep_days(con: duckdb.DuckDBPyConnection, days: Iterable[str]) -> int:
    """Delete the dated rows of every crawl date not in `days` (its raw folder is gone);
    return how many dates went."""
    keep = sorted(days)
    gone = con.execute(
        "SELECT count(DISTINCT crawl_date) FROM crawl_files"
        " WHERE NOT list_contains(CAST(? AS DATE[]), crawl_date)",
        [keep],
    ).fetchone()[0]
    con.execute("BEGIN TRANSACTION")
    try:
        for table in DATED_TABLES:
            con.execute(
                f'DELETE FROM "{table}" WHERE NOT list_contains(CAST(? AS DATE[]), crawl_date)',
                [keep],
            )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return gone


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def latest_rows(con: duckdb.DuckDBPyConnection) -> tuple[list[dict], list[dict]]:
    """(`normalized_postings` rows, `skipped_records` rows): each record's version that
    counts, with `first_seen`/`last_seen` over every date, in the order of first sighting."""
    con.execute(CHOSEN)
    order = "c.source, c.first_day, c.first_order"
    rows = _dicts(
        con.execute(
            "SELECT v.* EXCLUDE (crawl_date, first_seen, last_seen),"
            " c.first_seen AS first_text, c.last_seen AS last_text"
            " FROM version_postings v JOIN chosen c USING (crawl_date, source, source_id)"
            f" ORDER BY {order}, v.role_index"
        )
    )
    for row in rows:
        row["first_seen"] = parse_time(row.pop("first_text"))
        row["last_seen"] = parse_time(row.pop("last_text"))
    skipped = [
        {**row, "fetched_at": parse_time(row["fetched_at"])}
        for row in _dicts(
            con.execute(
                "SELECT source, source_id, skip_reason AS reason, fetched_at, url FROM chosen c"
                f" WHERE skip_reason IS NOT NULL ORDER BY {order}"
            )
        )
    ]
    con.execute("DROP TABLE chosen")
    return rows, skipped


def stored_versions(
    con: duckdb.DuckDBPyConnection, keys: Iterable[str]
) -> dict[str, tuple[list[dict], str | None]]:
    """version key → (normalized rows, skip reason) of the loaded record versions holding one
    of `keys` (one version each), rows without their `crawl_date`."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    con.execute(
        "CREATE OR REPLACE TEMP TABLE stored AS"
        " SELECT DISTINCT ON (version_key) version_key, crawl_date, source, source_id, skip_reason"
        " FROM record_versions WHERE version_key IN (SELECT unnest(CAST(? AS VARCHAR[])))"
        " ORDER BY version_key, crawl_date",
        [wanted],
    )
    found = {
        row["version_key"]: ([], row["skip_reason"])
        for row in _dicts(con.execute("SELECT version_key, skip_reason FROM stored"))
    }
    rows = _dicts(
        con.execute(
            "SELECT s.version_key, v.* EXCLUDE (crawl_date) FROM version_postings v"
            " JOIN stored s USING (crawl_date, source, source_id) ORDER BY v.role_index"
        )
    )
    for row in rows:
        found[row.pop("version_key")][0].append(row)
    con.execute("DROP TABLE stored")
    return found
