"""Opening the warehouse and bringing its schema up to date.

The schema is the numbered `migrations/NNN_name.sql` files, applied in order, each once,
each in its own transaction, and recorded in `schema_version`.
"""

from __future__ import annotations

import re
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from warehouse import comments
from warehouse.aggregates import refresh

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
    comments.apply(con)
    return applied


def view_sql() -> dict[str, str]:
    """The analysts' views: `views/<name>.sql` holds the SELECT that defines view `<name>`."""
    folder = resources.files("warehouse").joinpath("views")
    return {
        Path(entry.name).stem: entry.read_text()
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".sql")
    }


def create_views(
    con: duckdb.DuckDBPyConnection, stored: dict[str, float] | None = None
) -> list[str]:
    """(Re)create every view from its .sql file, then store the rows of the trend views
    (`warehouse.aggregates`; the seconds each took go into `stored` when given); return the
    views' names.

    A view may select from another view: one that names a view not created yet is tried
    again after the others, so the files need no naming order."""
    names: list[str] = []
    definitions = view_sql()
    pending = dict(definitions)
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
    took = refresh(con, definitions)
    comments.apply(con)  # a replaced view loses its comments
    if stored is not None:
        stored.update(took)
    return names


# An analyst's query reads the warehouse and nothing else: no file outside it (COPY … TO,
# EXPORT DATABASE, read_csv, read_text, ATTACH), no extension installed or loaded, and no
# SET that could undo this.
LOCKED_DOWN = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "lock_configuration": True,
}


class WarehouseUnavailable(RuntimeError):
    """The warehouse file cannot be opened: another process holds it, or it is not DuckDB.
    The message says which, in one line."""


_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")


def _duckdb(path: Path | str, **kwargs: Any) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, with the two failures a user can fix told plainly."""
    try:
        return duckdb.connect(str(path), **kwargs)
    except duckdb.IOException as exc:
        text = str(exc)
        if "Could not set lock" in text:
            pid = _LOCK_HOLDER.search(text)
            holder = f" (PID {pid.group(1)})" if pid else ""
            raise WarehouseUnavailable(
                f"{path} is in use by another process{holder}: try again when it has finished"
            ) from exc
        if "not a valid DuckDB database" in text:
            raise WarehouseUnavailable(
                f"{path} is not a DuckDB warehouse: point --db at the file `sourcing run` wrote"
            ) from exc
        raise


def wait_for_writer(
    path: Path | str, say: Callable[[str], None], timeout: float = 600, poll: float = 0.5
) -> None:
    """Return once no other process holds the warehouse, saying once that it waits (and for
    whom); raise WarehouseUnavailable after `timeout` seconds."""
    if not Path(path).exists():
        return
    deadline, told = time.monotonic() + timeout, False
    while True:
        try:
            _duckdb(path, read_only=True).close()
            return
        except WarehouseUnavailable as exc:
            if "in use" not in str(exc) or time.monotonic() > deadline:
                raise
            if not told:
                pid = _LOCK_HOLDER.search(str(exc.__cause__))
                holder = f"PID {pid.group(1)}" if pid else "another process"
                say(f"waiting for another writer ({holder}) to finish with {path} …")
                told = True
            time.sleep(poll)


def owner_only(path: Path) -> None:
    """Make the warehouse file owner-only (0600): it holds candidates' posts and addresses."""
    try:
        if path.exists() and stat.S_IMODE(path.stat().st_mode) != 0o600:
            path.chmod(0o600)
    except OSError:  # not ours to change (a shared file): leave it as it is
        pass


def connect_locked(path: Path | str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse that can touch no other file or extension."""
    if not Path(path).exists():
        raise FileNotFoundError(
            f"no warehouse at {path}: run `sourcing run` (or `sourcing rebuild`) first"
        )
    return _duckdb(path, read_only=True, config=LOCKED_DOWN)


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file; a read-write open also applies pending migrations."""
    if read_only:
        if not Path(path).exists():
            raise FileNotFoundError(
                f"no warehouse at {path}: run `sourcing run` (or `sourcing rebuild`) first"
            )
        return _duckdb(path, read_only=True)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = _duckdb(path)
    owner_only(Path(path))
    con.execute("SET autoinstall_known_extensions = false")
    migrate(con)
    return con
