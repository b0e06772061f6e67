"""The `sourcing` command end to end on the bundled sample, as a user runs it."""

import json
import re
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from sourcing.sources import SOURCES

TABLES = {
    "postings": "posting_id",
    "posting_sources": "source, source_id, role_index",
    "normalized_postings": "source, source_id, role_index",
    "skipped_records": "source, source_id",
}


def sourcing(*args, check=True):
    proc = subprocess.run(
        [sys.executable, "-m", "sourcing.cli", *args], capture_output=True, text=True, timeout=600
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"sourcing {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def snapshot(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall()
            for t, key in TABLES.items()
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    first = sourcing("run", "--sample", "--data-dir", str(data))
    return data, first.stdout


def test_run_sample_ends_with_a_summary(sample_run):
    data, out = sample_run
    assert "== Summary ==" in out
    assert "records fetched per source" in out
    assert all(re.search(rf"{source} +\d+", out) for source in SOURCES)
    assert "postings" in out and "with a salary" in out and "top skills" in out
    assert re.search(r"checks +7/7 passed", out)
    assert re.search(r"data quality +none", out)  # the sample's values all look right
    assert str(data / "sourcing.duckdb") in out
    assert "sourcing query" in out


def test_running_the_sample_twice_gives_identical_tables(sample_run):
    data, _ = sample_run
    before = snapshot(data / "sourcing.duckdb")
    sourcing("run", "--sample", "--data-dir", str(data))
    assert len(list(data.glob("raw/hn_hiring/*/*.jsonl"))) == 2  # the raw zone only grows
    assert snapshot(data / "sourcing.duckdb") == before


def test_crawl_then_rebuild_gives_the_same_tables_as_run(sample_run, tmp_path):
    data, _ = sample_run
    for source in SOURCES.values():
        args = [arg for key, value in source.sample_args for arg in ("-a", f"{key}={value}")]
        replay = ["--replay", str(source.sample)]
        sourcing("crawl", source.name, *replay, *args, "--data-dir", str(tmp_path))
    sourcing("rebuild", "--data-dir", str(tmp_path))
    assert snapshot(tmp_path / "sourcing.duckdb") == snapshot(data / "sourcing.duckdb")


def test_query_formats(sample_run):
    data, _ = sample_run
    db = str(data / "sourcing.duckdb")
    sql = "select count(*) as n from postings"
    n = json.loads(sourcing("query", sql, "--db", db, "--format", "json").stdout)[0]["n"]
    assert n > 50
    assert sourcing("query", sql, "--db", db, "--format", "csv").stdout.splitlines() == [
        "n",
        str(n),
    ]
    assert "(1 row)" in sourcing("query", sql, "--db", db).stdout


def test_query_errors_are_clear_and_writes_are_refused(sample_run):
    data, _ = sample_run
    db = str(data / "sourcing.duckdb")
    bad = sourcing("query", "select nope from postings", "--db", db, check=False)
    assert bad.returncode != 0 and "nope" in bad.stderr
    write = sourcing("query", "delete from postings", "--db", db, check=False)
    assert write.returncode != 0 and "read-only" in write.stderr.lower()


@pytest.mark.parametrize("command", [[], ["run"], ["crawl"], ["rebuild"], ["query"], ["sources"]])
def test_every_command_has_help_with_an_example(command):
    out = sourcing(*command, "--help").stdout
    assert "Example" in out


def test_unknown_sources_are_refused_with_the_known_names(tmp_path):
    proc = sourcing(
        "run", "--sample", "--sources", "nope", "--data-dir", str(tmp_path), check=False
    )
    assert proc.returncode == 2 and "hn_hiring" in proc.stderr


def test_sources_lists_politeness_and_samples():
    out = sourcing("sources").stdout
    assert "hn_hiring" in out and "ROBOTSTXT_OBEY=True" in out and "hn_hiring.har" in out


# ------------------------------------------------------------ bad arguments: one line, no trace


@pytest.fixture(scope="module")
def tiny_warehouse(tmp_path_factory):
    """A migrated, empty warehouse (no crawl needed to test the commands' messages)."""
    from warehouse.db import connect, create_views

    db = tmp_path_factory.mktemp("tiny") / "sourcing.duckdb"
    con = connect(db)
    create_views(con)
    con.close()
    return db


def bad_argument_cases(tmp, db):
    afile, foreign = tmp / "a-file", tmp / "foreign"
    return {
        "threads not ids": (
            ["crawl", "hn_hiring", "-a", "threads=abc", "--data-dir", str(tmp / "d1")],
            "threads must be Hacker News item ids, got abc",
        ),
        "board with a slash": (
            ["crawl", "greenhouse", "-a", "boards=a/b", "--data-dir", str(tmp / "d2")],
            "boards must be board tokens",
        ),
        "data dir under a file": (
            ["crawl", "hn_hiring", "--data-dir", str(afile / "sub")],
            f"cannot use {afile / 'sub'} as the data directory: Not a directory",
        ),
        "db not DuckDB": (
            ["report", "--db", str(afile), "-o", str(tmp / "r.html")],
            "is not a DuckDB warehouse",
        ),
        "report -o a directory": (
            ["report", "--db", str(db), "-o", str(tmp)],
            f"cannot write {tmp}: Is a directory",
        ),
        "leads -o a directory": (
            [
                "export",
                "leads",
                "--kind",
                "companies",
                "--format",
                "csv",
                "--db",
                str(db),
                "-o",
                str(tmp),
            ],
            f"cannot write {tmp}: Is a directory",
        ),  # fmt: skip
        "dataset -o a foreign folder": (
            ["export", "dataset", "--db", str(db), "-o", str(foreign)],
            "is not a snapshot written by `sourcing export dataset`",
        ),
        "rebuild an empty data dir": (
            ["rebuild", "--data-dir", str(tmp / "empty")],
            "holds no crawl, so there is nothing to rebuild from",
        ),
        "run -a without SOURCE:": (
            ["run", "--sources", "hn_hiring", "-a", "threads=1", "--data-dir", str(tmp / "d3")],
            "'threads=1' is not SOURCE:KEY=VALUE",
        ),
    }


BAD_ARGUMENTS = list(bad_argument_cases(Path("/t"), Path("/t/db")))


@pytest.mark.parametrize("case", BAD_ARGUMENTS)
def test_bad_arguments_get_one_clear_line(case, tmp_path, tiny_warehouse):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "manifest.json").write_text("{}")
    args, message = bad_argument_cases(tmp_path, tiny_warehouse)[case]
    proc = sourcing(*args, check=False)
    assert proc.returncode in (1, 2), proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and message in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and message in errors[0]


def test_files_holding_people_are_owner_only(sample_run):
    data, _ = sample_run
    for path in [*data.glob("raw/*/*/*.jsonl"), data / "sourcing.duckdb", data / "report.html"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((data / "raw").stat().st_mode) == 0o700
