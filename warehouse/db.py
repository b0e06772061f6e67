"""Opening the warehouse and bringing its schema up to date.

The schema is the numbered `migrations/NNN_name.sql` files, applied in order, each once,
each in its own transaction, and recorded in `schema_version`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    found = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text()))
    return sorted(found, key=lambda m: m.version)


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations this database has not seen; return their versions."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    applied = []
    for migration in migrations():
        if migration.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_version (version, name) VALUES (?, ?)",
                [migration.version, migration.name],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied


def view_sql() -> dict[str, str]:
    """The analysts' views: `views/<name>.sql` holds the SELECT that defines view `<name>`."""
    folder = resources.files("warehouse").joinpath("views")
    return {
        Path(entry.name).stem: entry.read_text()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".sql")
    }


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """(Re)create every view from its .sql file; return their names.

    A view may select from another view: one that names a view not created yet is tried
    again after the others, so the files need no naming order."""
    names: list[str] = []
    pending = view_sql()
    while pending:
        waiting: dict[str, str] = {}
        error: duckdb.CatalogException | None = None
        for name, select in pending.items():
            try:
                con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {select}')
            except duckdb.CatalogException as exc:
                waiting[name], error = select, exc
                continue
            names.append(name)
        if error is not None and len(waiting) == len(pending):
            raise error
        pending = waiting
    return names


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file; a read-write open also applies pending migrations."""
    if read_only:
        if not Path(path).exists():
            raise FileNotFoundError(
                f"no warehouse at {path}: run `sourcing run` (or `sourcing rebuild`) first"
            )
        return duckdb.connect(str(path), read_only=True)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute("SET autoinstall_known_extensions = false")
    migrate(con)
    return con
