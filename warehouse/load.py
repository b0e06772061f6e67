"""Idempotent loads: a stage replaces the tables it owns, all of them in one transaction.

Every warehouse table is derived from the raw zone, so a load is a full replacement: running
the same inputs twice gives identical tables, and a failed load leaves the previous tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
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
    counts = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for table, rows in tables.items():
            con.execute(f'DELETE FROM "{table}"')
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
