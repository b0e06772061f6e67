"""Dataset snapshots: exported as hive-partitioned Parquet with a manifest, read back."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from warehouse.snapshot import (
    PERSONAL_TABLES,
    SKIP_TABLES,
    TREND_VIEWS,
    export_dataset,
    sha256,
    verify,
)


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory, sample_data):
    out = tmp_path_factory.mktemp("snap") / "dataset"
    data = sample_data
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sourcing.cli",
            "export",
            "dataset",
            "--format",
            "parquet",
            "-o",
            str(out),
            "--data-dir",
            str(data),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return data / "sourcing.duckdb", out, proc.stdout


def test_every_table_round_trips_with_its_rows(snapshot):
    db, out, stdout = snapshot
    manifest = json.loads((out / "manifest.json").read_text())
    con = duckdb.connect(str(db), read_only=True)
    tables = [
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            " AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'"
        ).fetchall()
    ]
    assert {"postings", "posting_sources"} <= set(tables)
    tables += TREND_VIEWS  # the trend views travel as tables
    # People's own posts stay out of a snapshot unless asked for.
    tables = [t for t in tables if t not in PERSONAL_TABLES | SKIP_TABLES]
    assert set(manifest["tables"]) == set(tables)
    reader = duckdb.connect()
    for table in tables:
        rows = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        assert manifest["tables"][table]["rows"] == rows
        back = reader.execute(
            f"SELECT count(*) FROM read_parquet('{out}/{table}/*/*.parquet',"
            " hive_partitioning = true)"
        ).fetchone()[0]
        assert back == rows, table
        assert f"{table}" in stdout
    # The postings come back identical, column for column, and partitioned by their month.
    original = con.execute(
        "SELECT *, strftime(coalesce(posted_at, first_seen), '%Y-%m') AS month FROM postings"
        " ORDER BY posting_id"
    ).fetchall()
    copy = reader.execute(
        f"SELECT * FROM read_parquet('{out}/postings/*/*.parquet', hive_partitioning = true)"
        " ORDER BY posting_id"
    ).fetchall()
    assert copy == original
    months = sorted(p.name for p in (out / "postings").iterdir())
    assert months == [f"month={m}" for m in manifest["tables"]["postings"]["months"]]
    assert all(m.startswith("month=20") for m in months)


def test_the_manifest_describes_the_snapshot(snapshot):
    db, out, _ = snapshot
    manifest = json.loads((out / "manifest.json").read_text())
    con = duckdb.connect(str(db), read_only=True)
    version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    assert manifest["schema"]["version"] == version
    sources = {r[0] for r in con.execute("SELECT source FROM posting_sources").fetchall()}
    assert sources <= set(manifest["sources"])
    low, high = con.execute(
        "SELECT min(coalesce(posted_at, first_seen)), max(coalesce(posted_at, first_seen))"
        " FROM postings"
    ).fetchone()
    assert manifest["date_range"]["min"] <= low.isoformat()
    assert manifest["date_range"]["max"] >= high.isoformat()
    files = [f for t in manifest["tables"].values() for f in t["files"]]
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet")) == sorted(
        f["path"] for f in files
    )
    for f in files:
        assert sha256(out / f["path"]) == f["sha256"]
    for name, table in manifest["tables"].items():
        assert sum(f["rows"] for f in table["files"]) == table["rows"], name
    assert verify(out) == []


def test_the_same_warehouse_gives_the_same_files_and_a_change_is_caught(snapshot, tmp_path):
    db, out, _ = snapshot
    again = export_dataset(db, tmp_path / "again")
    first = json.loads((out / "manifest.json").read_text())
    assert {
        f["path"]: f["sha256"] for t in again.manifest["tables"].values() for f in t["files"]
    } == {f["path"]: f["sha256"] for t in first["tables"].values() for f in t["files"]}
    victim = next((tmp_path / "again" / "postings").rglob("*.parquet"))
    victim.write_bytes(victim.read_bytes()[:-10])
    assert any("checksum" in p for p in verify(tmp_path / "again"))


def test_a_folder_that_is_not_a_snapshot_is_never_overwritten(snapshot, tmp_path):
    db, _, _ = snapshot
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        export_dataset(db, tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_an_empty_table_still_has_its_columns(tmp_path):
    from warehouse.db import connect

    db = tmp_path / "w.duckdb"
    connect(db).close()
    result = export_dataset(db, tmp_path / "snap")
    assert result.rows["postings"] == 0
    columns = duckdb.sql(
        f"DESCRIBE SELECT * FROM read_parquet('{tmp_path}/snap/postings/*/*.parquet',"
        " hive_partitioning = true)"
    ).fetchall()
    assert "posting_id" in {c[0] for c in columns}


def test_candidates_only_when_asked_for_and_by_their_own_month(snapshot, tmp_path):
    db, out, _ = snapshot
    con = duckdb.connect(str(db), read_only=True)
    if "candidate_posts" not in {r[0] for r in con.execute("SHOW TABLES").fetchall()}:
        pytest.skip("no candidates in this warehouse")
    assert not (out / "candidates").exists()
    assert "candidates" in json.loads((out / "manifest.json").read_text())["left_out"]
    result = export_dataset(db, tmp_path / "full", with_personal=True)
    assert result.manifest["left_out"] == {}
    original = con.execute(
        "SELECT month, count(*) FROM candidate_posts GROUP BY 1 ORDER BY 1"
    ).fetchall()
    back = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{tmp_path}/full/candidate_posts/*/*.parquet',"
        " hive_partitioning = true) GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert back == original and result.rows["candidate_posts"] == sum(n for _, n in original)
    assert "suppression_list" not in result.manifest["tables"]
