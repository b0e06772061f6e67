"""Read-only queries for analysts, formatted as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from warehouse.csv_safe import neutralize
from warehouse.db import connect_locked

FORMATS = ("table", "csv", "json")


def run_query(db: Path | str, sql: str, limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """Run `sql` on a read-only, locked-down connection: a query cannot change the warehouse,
    read or write any other file, or install an extension. `limit`: the first rows only
    (fetched, not rewritten into the SQL, so any statement takes it)."""
    con = connect_locked(db)
    try:
        cursor = con.execute(sql)
        if cursor.description is None:
            return [], []
        rows = cursor.fetchall() if limit is None else cursor.fetchmany(limit)
        return [d[0] for d in cursor.description], rows
    finally:
        con.close()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _json(value: Any) -> Any:
    """A JSON value: NaN and infinities (which JSON lacks) become null."""
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return _plain(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _decimals(values: list[Any]) -> int:
    """Decimals a column of floats needs, at most 2, the same for every row."""
    needed = 0
    for v in values:
        if isinstance(v, float | Decimal) and math.isfinite(v):
            text = f"{v:.2f}".rstrip("0")
            needed = max(needed, len(text.partition(".")[2]))
    return needed


def _number(value: Any, decimals: int) -> str:
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return str(value)
    return f"{value:,.{decimals}f}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if _is_number(value) and not isinstance(value, int):
        return _number(value, _decimals([value]))
    return str(_plain(value))


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return neutralize(";".join(str(_plain(v)) for v in value))
    value = _plain(value)
    return neutralize(value) if isinstance(value, str) else value


def _table(columns: list[str], rows: list[tuple], max_width: int) -> list[str]:
    """Aligned text: numeric columns right-aligned with one number of decimals each."""
    numeric = [
        all(_is_number(r[i]) for r in rows if r[i] is not None)
        and any(r[i] is not None for r in rows)
        for i in range(len(columns))
    ]
    decimals = [_decimals([r[i] for r in rows]) if numeric[i] else 0 for i in range(len(columns))]
    cells = [
        [
            ("" if v is None else _number(v, decimals[i])) if numeric[i] else _cell(v)[:max_width]
            for i, v in enumerate(row)
        ]
        for row in rows
    ]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    return [line(columns), "  ".join("-" * w for w in widths), *map(line, cells)]


def format_rows(
    columns: list[str],
    rows: list[tuple],
    fmt: str,
    max_width: int = 60,
    limit: int | None = None,
) -> str:
    """Rows as a table, CSV (cells neutralised, see `warehouse.csv_safe`) or strict JSON (NaN
    and infinities as null); `limit`: the query was cut to that many rows, which the table's
    last line says."""
    if fmt == "json":
        return json.dumps(
            [dict(zip(columns, map(_json, row), strict=True)) for row in rows],
            allow_nan=False,
            ensure_ascii=False,
            indent=1,
        )
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([neutralize(c) for c in columns])
        writer.writerows([[_csv_cell(v) for v in row] for row in rows])
        return out.getvalue().rstrip("\n")
    count = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
    if limit is not None and len(rows) >= limit:
        count += f", the first {limit}: --limit"
    return "\n".join([*_table(columns, rows, max_width), f"({count})"])
