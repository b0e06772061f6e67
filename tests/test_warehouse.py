"""The warehouse: migrations, idempotent loads, read-only queries."""

import json
from datetime import UTC, datetime

import duckdb
import pytest

from warehouse.db import connect, create_views, migrations
from warehouse.load import read_table, replace_tables
from warehouse.query import format_rows, run_query


def posting_source(n: int, **extra) -> dict:
    return {
        "source": "hn_hiring",
        "source_id": str(n),
        "role_index": 0,
        "posting_id": f"p{n}",
        "title": "ML Engineer",
        "url": f"https://news.ycombinator.com/item?id={n}",
        "fetched_at": datetime(2026, 11, 1, 18, tzinfo=UTC),
        **extra,
    }


def test_migrations_are_numbered_and_applied_once(tmp_path):
    db = tmp_path / "w.duckdb"
    versions = [m.version for m in migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1
    connect(db).close()
    con = connect(db)  # a second open applies nothing again
    rows = con.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
    assert [r[0] for r in rows] == versions
    assert {"postings", "posting_sources", "normalized_postings", "skipped_records"} <= {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }


def test_replacing_a_table_twice_gives_the_same_rows(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    rows = [posting_source(1), posting_source(2)]
    replace_tables(con, {"posting_sources": rows})
    first = read_table(con, "posting_sources")
    replace_tables(con, {"posting_sources": rows})
    assert read_table(con, "posting_sources") == first
    assert first[0]["fetched_at"] == datetime(2026, 11, 1, 18)  # stored as UTC


def test_a_failed_load_keeps_the_previous_tables(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    replace_tables(con, {"posting_sources": [posting_source(1)]})
    with pytest.raises(duckdb.Error):
        replace_tables(con, {"posting_sources": [posting_source(2), posting_source(2)]})
    assert [r["source_id"] for r in read_table(con, "posting_sources")] == ["1"]


def test_views_are_created_from_their_sql_files(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    assert {"salary_trends", "skill_trends", "remote_trends"} <= set(create_views(con))


def test_queries_cannot_change_the_warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    connect(db).close()
    with pytest.raises(duckdb.Error):
        run_query(db, "DELETE FROM postings")


def test_querying_a_missing_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="run `sourcing run`"):
        run_query(tmp_path / "none.duckdb", "select 1")


def test_formats():
    columns, rows = ["company", "skills", "salary"], [("Acme, Inc", ["python", "sql"], 150000.0)]
    assert format_rows(columns, rows, "csv").splitlines() == [
        "company,skills,salary",
        '"Acme, Inc",python;sql,150000.0',
    ]
    assert json.loads(format_rows(columns, rows, "json")) == [
        {"company": "Acme, Inc", "skills": ["python", "sql"], "salary": 150000.0}
    ]
    table = format_rows(columns, rows, "table").splitlines()
    assert table[0].split() == ["company", "skills", "salary"]
    assert "150,000" in table[2] and table[-1] == "(1 row)"
    # JSON has no NaN or Infinity: a strict reader gets null.
    strict = format_rows(["x", "y"], [(float("nan"), [float("inf"), 1.5])], "json")
    assert json.loads(strict, parse_constant=lambda c: pytest.fail(c)) == [
        {"x": None, "y": [None, 1.5]}
    ]
