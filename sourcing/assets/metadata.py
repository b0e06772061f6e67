"""What every asset says about itself: owners (`warehouse_asset` for the DuckDB writers), the
parser version, and the standard table metadata (`dagster/table_name`, `dagster/row_count`,
`dagster/column_schema`)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_duckdb import DuckDBResource

import pipelines

OWNERS = ["team:sourcing"]
PIPELINES_DIR = Path(pipelines.__file__).resolve().parent
SUFFIXES = {".py", ".csv", ".json", ".tsv", ".yaml"}


def warehouse_asset(**kwargs: Any) -> Any:
    """`dg.asset` for a Python step that writes DuckDB: in the `duckdb_writer` pool (one
    writer at a time), owned by the team; `kwargs` add the rest (group, deps, tags...)."""
    return dg.asset(kinds={"python", "duckdb"}, pool="duckdb_writer", owners=OWNERS, **kwargs)


def parser_version(root: Path = PIPELINES_DIR) -> str:
    """A digest of the parsers' code and data (`pipelines/`): the `code_version` of the assets
    that normalize, so that a parser change shows them stale in the Dagster UI."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


PARSER_VERSION = parser_version()


def table_name(duckdb: DuckDBResource, table: str) -> str:
    """`<database file stem>.main.<table>`, how DuckDB itself names the table."""
    return f"{Path(duckdb.database).stem}.main.{table}"


def table_metadata(con: Any, duckdb: DuckDBResource, table: str) -> dict[str, Any]:
    """The standard metadata of a warehouse table: its name, row count and columns."""
    columns = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns()"
        " WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    (rows,) = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    return {
        "dagster/table_name": table_name(duckdb, table),
        "dagster/row_count": dg.MetadataValue.int(rows),
        "dagster/column_schema": dg.TableSchema(
            columns=[dg.TableColumn(name, kind) for name, kind in columns]
        ),
    }
