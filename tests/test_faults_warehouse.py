"""Faults at the warehouse end: hostile queries, foreign folders, odd records, file modes."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import duckdb
import pytest

from warehouse.db import connect, create_views
from warehouse.query import run_query


@pytest.fixture
def warehouse(tmp_path) -> Path:
    """A migrated warehouse with one posting and one candidate."""
    db = tmp_path / "data" / "sourcing.duckdb"
    con = connect(db)
    con.execute(
        "INSERT INTO postings (posting_id, title, company, is_ml, role, seniority, subfields,"
        " skills, countries, remote, remote_scope, visa_sponsorship, equity, first_seen,"
        " last_seen, status, source_count) VALUES ('p1', 'ML', 'Acme', true, 'ml_engineer',"
        " 'mid', [], [], [], 'remote', [], false, false, now(), now(), 'open', 1)"
    )
    con.execute(
        "INSERT INTO candidates (candidate_id, source, source_id, handle, remote, skills, roles,"
        " seniority, urls, posts, post_urls, email) VALUES ('c1', 'hn_wants', '1', 'someone',"
        " 'remote', [], [], 'mid', [], 1, [], 'someone@example.com')"
    )
    create_views(con)
    con.close()
    return db


HOSTILE_SQL = [
    "COPY candidates TO '{tmp}/leak.csv'",
    "COPY (SELECT 1) TO '{tmp}/data/raw/x.jsonl'",
    "EXPORT DATABASE '{tmp}/dump'",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/etc/*')",
    "ATTACH '{tmp}/other.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "SET autoinstall_known_extensions = true",
    "DELETE FROM postings",
]


@pytest.mark.parametrize("sql", HOSTILE_SQL)
def test_query_touches_nothing_but_the_warehouse(warehouse, tmp_path, sql):
    before = sorted(p for p in tmp_path.rglob("*"))
    with pytest.raises(duckdb.Error):
        run_query(warehouse, sql.format(tmp=tmp_path))
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_analysts_reads_still_work(warehouse):
    assert run_query(warehouse, "SELECT title FROM postings") == (["title"], [("ML",)])
    columns, rows = run_query(warehouse, "SELECT * FROM skill_trends")
    assert columns and rows == []
    assert run_query(warehouse, "SELECT count(*) AS n FROM candidates")[1] == [(1,)]


def test_export_dataset_refuses_a_folder_it_did_not_write(warehouse, tmp_path):
    from warehouse.snapshot import export_dataset

    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "manifest.json").write_text(json.dumps({"app": "another tool"}))
    (foreign / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(FileExistsError, match="not a snapshot"):
        export_dataset(warehouse, foreign)
    assert (foreign / "holiday.jpg").exists()


def test_export_dataset_replaces_only_its_own_files(warehouse, tmp_path):
    from warehouse.snapshot import export_dataset

    out = tmp_path / "snap"
    export_dataset(warehouse, out)
    (out / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="notes.txt"):
        export_dataset(warehouse, out)
    assert (out / "notes.txt").exists()
    (out / "notes.txt").unlink()
    again = export_dataset(warehouse, out)
    assert again.rows["postings"] == 1


def test_the_warehouse_file_is_owner_only(warehouse):
    assert stat.S_IMODE(warehouse.stat().st_mode) == 0o600
