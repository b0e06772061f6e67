"""Idempotent loads: a stage replaces the tables it owns, all of them in one transaction.

Every warehouse table is derived from the raw zone, so a load is a full replacement: running
the same inputs twice gives identical tables, and a failed load leaves the previous tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

import duckdb
import pyarrow as pa


def _naive_utc(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _arrow(rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(
        [{key: _naive_utc(value) for key, value in row.items()} for row in rows]
    )


def replace_tables(
    con: duckdb.DuckDBPyConnection, tables: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, int]:
    """Replace the contents of each table with its rows, in one transaction."""
    return _replace(con, tables, "", [])


def replace_partition(
    con: duckdb.DuckDBPyConnection, day: str, tables: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, int]:
    """Replace the rows of crawl date `day` (column `crawl_date`) of each table with `rows`
    (each given its `crawl_date`), in one transaction: loading a date twice changes nothing."""
    crawl_date = date.fromisoformat(day)
    dated = {t: [{**row, "crawl_date": crawl_date} for row in rows] for t, rows in tables.items()}
    return _replace(con, dated, " WHERE crawl_date = CAST(? AS DATE)", [day])


def _replace(
    con: duckdb.DuckDBPyConnection,
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    where: str,
    params: list[Any],
) -> dict[str, int]:
    counts = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for table, rows in tables.items():
            con.execute(f'DELETE FROM "{table}"{where}', params)
            if rows:
                batch = _arrow(rows)  # noqa: F841 - read by DuckDB's replacement scan
                con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM batch')
            counts[table] = len(rows)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> list[dict[str, Any]]:
    """Every row of `table` as a dict (for the stages that read what an earlier one wrote)."""
    cursor = con.execute(f'SELECT * FROM "{table}"')
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
