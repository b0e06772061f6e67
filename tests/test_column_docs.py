"""Every column of every table and view has a description (warehouse/columns.yaml), which a
DuckDB client shows as its comment and docs/warehouse.md lists."""

from pathlib import Path

import pytest

from warehouse import comments
from warehouse.db import connect, create_views

DOC = Path(__file__).resolve().parents[1] / "docs" / "warehouse.md"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    con = connect(tmp_path_factory.mktemp("w") / "sourcing.duckdb")
    create_views(con)
    yield con
    con.close()


def test_every_table_view_and_column_is_described(warehouse):
    found = comments.schema(warehouse)
    assert {"postings", "companies", "dedupe_clusters", "normalized_postings"} <= set(found)
    missing = [
        f"{name}.{column}"
        for name, (_, columns) in found.items()
        for column in columns
        if not comments.describe(name, column)
    ]
    assert missing == [], "add them to warehouse/columns.yaml"
    assert [name for name in found if not comments.about(name)] == []


def test_no_description_names_a_table_or_column_that_is_gone(warehouse):
    found = comments.schema(warehouse)
    stale = [
        f"{table}.{column}"
        for table, spec in comments.descriptions()["tables"].items()
        for column in (spec.get("columns") or {})
        if table not in found or column not in found[table][1]
    ]
    assert stale == []


def test_a_duckdb_client_shows_the_descriptions(warehouse):
    rows = warehouse.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns()"
        " WHERE schema_name = 'main' AND table_name IN ('companies', 'skill_trends', 'postings')"
    ).fetchall()
    assert rows and all(c == comments.describe(t, col) for t, col, c in rows)
    views = dict(warehouse.execute("SELECT view_name, comment FROM duckdb_views()").fetchall())
    assert views["company_hiring"] == comments.about("company_hiring")  # survives create_views


def test_the_doc_lists_them_as_generated():
    doc = DOC.read_text("utf-8")
    assert comments.with_reference(doc) == doc, "python -m warehouse.comments docs/warehouse.md"
    assert "| `ml_titles` |" in doc and "| `member_records` |" in doc
