"""Idempotent loads: a stage replaces the tables it owns, all of them in one transaction.

Every warehouse table is derived from the raw zone, so a load is a full replacement: running
the same inputs twice gives identical tables, and a failed load leaves the previous tables.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

import duckdb
import pyarrow as pa

logger = logging.getLogger(__name__)


def _naive_utc(row: Mapping[str, Any]) -> dict[str, Any]:
    """The row with each aware datetime as naive UTC (the warehouse's TIMESTAMP columns).
    Only the datetimes are rebuilt: the other values, most of them, pass as they are."""
    aware = [k for k, v in row.items() if isinstance(v, datetime) and v.tzinfo is not None]
    if not aware:
        return row  # type: ignore[return-value]
    return {**row, **{k: row[k].astimezone(UTC).replace(tzinfo=None) for k in aware}}


def _arrow(rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist([_naive_utc(row) for row in rows])


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
            counts[table] = _insert(con, table, rows) if rows else 0
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert `rows` into `table`; return how many went in.

    A row whose values do not fit the table's column types (a source that sent a number where
    text belongs) is skipped, counted and logged by its key, never fatal to the others."""
    try:
        batch = _arrow(rows)  # noqa: F841 - read by DuckDB's replacement scan
        con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM batch')
        return len(rows)
    except pa.ArrowException:
        pass  # the rows disagree on a column's type: check each against the table's types
    schema = con.sql(f'SELECT * FROM "{table}" LIMIT 0').to_arrow_table().schema
    good, bad = [], []
    for row in rows:
        try:
            good.append(_arrow_as(schema, row))
        except (pa.ArrowException, KeyError, ValueError):
            bad.append(row)
    for batch in good:  # noqa: B007 - read by DuckDB's replacement scan
        con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM batch')
    key = [c for c in ("source", "source_id", "posting_id", "candidate_id") if c in rows[0]]
    for row in bad:
        logger.warning("%s: skipped a row of wrong types (%s)", table, [row.get(c) for c in key])
    return len(good)


def _arrow_as(schema: pa.Schema, row: Mapping[str, Any]) -> pa.Table:
    """One row as Arrow in the table's own column types (strict: 14 is not a URL)."""
    fields = pa.schema([schema.field(name) for name in row])
    return pa.Table.from_pylist([_naive_utc(row)], schema=fields)


def read_arrow(con: duckdb.DuckDBPyConnection, table: str) -> pa.Table:
    """Every row of `table` as columns (for a stage that reads a million rows: as dicts they
    would cost several times their bytes)."""
    return con.sql(f'SELECT * FROM "{table}"').to_arrow_table()


def read_table(con: duckdb.DuckDBPyConnection, table: str) -> list[dict[str, Any]]:
    """Every row of `table` as a dict (for the stages that read what an earlier one wrote)."""
    cursor = con.execute(f'SELECT * FROM "{table}"')
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
