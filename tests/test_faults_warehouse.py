"""Faults at the warehouse end: hostile queries, foreign folders, odd records, file modes."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import duckdb
import pytest

from tests.fault_server import note
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
    shown = sql.replace("{tmp}/", "")
    note(f"sourcing query `{shown}`", inputs=1, rows_lost=0, outcome="refused, no file touched")


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


def test_a_bad_raw_line_is_skipped_and_counted_never_fatal(tmp_path):
    from pipelines.rawzone.layout import RawZone
    from pipelines.rawzone.read import ReadStats

    good = {
        "source": "greenhouse",
        "source_id": 7,
        "url": "https://boards.greenhouse.io/acme/jobs/7",
        "fetched_at": "2026-11-01T00:00:00+00:00",
        "record": {"title": "ML Engineer"},
    }
    bad = [
        b'{"source": "greenhouse", "text": "\xff\xfe broken"}',  # not UTF-8
        b'{"source": "greenhouse", "source_id": "8", "url": ',  # truncated
        b"[1, 2, 3]",  # not an object
        json.dumps({**good, "url": 14}).encode(),
        json.dumps({**good, "record": ["a"]}).encode(),
        json.dumps({**good, "source_id": None}).encode(),
        json.dumps({**good, "fetched_at": True}).encode(),
    ]
    folder = tmp_path / "raw" / "greenhouse" / "2026-11-01"
    folder.mkdir(parents=True)
    lines = [json.dumps(good).encode(), *bad, json.dumps({**good, "source_id": "9"}).encode()]
    (folder / "run.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    stats = ReadStats()
    records = list(RawZone(tmp_path).read(stats=stats))
    assert [r["source_id"] for r in records] == ["7", "9"]
    assert sum(stats.bad_lines.values()) == len(bad)
    note("bad raw lines", inputs=len(bad), rows_lost=0, outcome="skipped and counted, rest read")


def test_a_row_of_wrong_types_is_skipped_and_the_others_load(warehouse, caplog):
    from datetime import UTC, datetime

    from warehouse.load import read_table, replace_tables

    row = {
        "source": "greenhouse",
        "posting_id": "p1",
        "title": "ML Engineer",
        "role_index": 0,
        "fetched_at": datetime(2026, 11, 1, tzinfo=UTC),
    }
    rows = [
        {**row, "source_id": "1", "url": "https://a.example/1"},
        {**row, "source_id": "2", "url": 14},
        {**row, "source_id": "3", "url": ["https://a.example/3"]},
        {**row, "source_id": "4", "url": "https://a.example/4"},
    ]
    con = connect(warehouse)
    try:
        assert replace_tables(con, {"posting_sources": rows}) == {"posting_sources": 2}
        assert sorted(r["source_id"] for r in read_table(con, "posting_sources")) == ["1", "4"]
    finally:
        con.close()
    assert "skipped a row of wrong types" in caplog.text and "'2'" in caplog.text
    note("rows of wrong types in a load", inputs=2, rows_lost=0, outcome="2 skipped, 2 loaded")
