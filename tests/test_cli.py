"""The `sourcing` command end to end on the bundled sample, as a user runs it (in-process,
with Click's CliRunner; the sample's warehouse is built once per session, tests/conftest.py)."""

import csv
import io
import json
import re
import shutil
import stat
from importlib.metadata import version
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


def snapshot(db) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY {key}").fetchall()
            for t, key in TABLES.items()
        }
    finally:
        con.close()


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


def test_running_the_sample_twice_gives_identical_tables(sample_run, sourcing, tmp_path):
    data = tmp_path / "data"  # a copy: the session's sample stays as built
    shutil.copytree(sample_run[0], data)
    before = snapshot(data / "sourcing.duckdb")
    sourcing("run", "--sample", "--data-dir", str(data))
    assert len(list(data.glob("raw/hn_hiring/*/*.jsonl"))) == 2  # the raw zone only grows
    assert snapshot(data / "sourcing.duckdb") == before


def test_crawl_then_rebuild_gives_the_same_tables_as_run(
    sample_run, sourcing, tmp_path, graph_selection
):
    data, _ = sample_run
    _, crawled = graph_selection  # a board source, a thread source, a candidate source
    for source in SOURCES.values():
        if source.name not in crawled:  # as `run` crawled them: the crawl is the same code
            shutil.copytree(data / "raw" / source.name, tmp_path / "raw" / source.name)
            continue
        args = [arg for key, value in source.sample_args for arg in ("-a", f"{key}={value}")]
        replay = ["--replay", str(source.sample)]
        sourcing("crawl", source.name, *replay, *args, "--data-dir", str(tmp_path))
    sourcing("rebuild", "--data-dir", str(tmp_path))
    assert snapshot(tmp_path / "sourcing.duckdb") == snapshot(data / "sourcing.duckdb")


def test_query_formats(sample_run, sourcing):
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


def test_query_reads_stdin_and_limits_rows(sample_run, sourcing):
    db = str(sample_run[0] / "sourcing.duckdb")
    sql = "select posting_id from postings order by posting_id"
    piped = sourcing("query", "--db", db, "--format", "csv", input=sql).stdout.splitlines()
    dashed = sourcing("query", "-", "--db", db, "--format", "csv", input=sql).stdout
    assert dashed.splitlines() == piped and len(piped) > 50
    first = sourcing("query", "-", "--limit", "3", "--db", db, "--format", "csv", input=sql)
    assert first.stdout.splitlines() == piped[:4]
    table = sourcing("query", sql, "--limit", "3", "--db", db).stdout
    assert "(3 rows, the first 3: --limit)" in table
    empty = sourcing("query", "-", "--db", db, input="  \n", check=False)
    assert empty.exit_code == 2 and "the SQL is empty" in empty.stderr


def test_query_table_right_aligns_numbers_with_one_decimals_each(sample_run, sourcing):
    db = str(sample_run[0] / "sourcing.duckdb")
    sql = (
        "select role, count(*) as n, avg(salary_max_usd) as mean_max from postings"
        " where salary_max_usd is not null group by role order by n desc"
    )
    head, rule, *body, count = sourcing("query", sql, "--db", db).stdout.splitlines()
    assert len(body) >= 2 and count.startswith(f"({len(body)} row")
    widths = [len(w) for w in rule.split()]
    ends = [sum(widths[: i + 1]) + 2 * i for i in range(len(widths))]
    for line in body:
        assert line[ends[1] - 1] != " " and line[ends[2] - 1] != " "  # numbers end at the edge
        decimals = {len(m) for m in re.findall(r"\.(\d+)$", line[: ends[2]].strip())}
        assert decimals <= {2} or decimals == set()
    means = [line[ends[1] + 2 : ends[2]].strip() for line in body]
    assert len({len(m.rpartition(".")[2]) if "." in m else 0 for m in means}) == 1


def test_query_csv_is_safe_in_spreadsheets(sample_run, sourcing):
    db = str(sample_run[0] / "sourcing.duckdb")
    out = sourcing(
        "query", "select '=HYPERLINK(1)' as a, '@x' as b, -3 as c", "--db", db, "--format", "csv"
    ).stdout
    assert list(csv.reader(io.StringIO(out))) == [["a", "b", "c"], ["'=HYPERLINK(1)", "'@x", "-3"]]


def test_version(sourcing):
    assert sourcing("--version").stdout.strip() == f"sourcing, version {version('ml-sourcing')}"


def test_query_errors_are_clear_and_writes_are_refused(sample_run, sourcing):
    data, _ = sample_run
    db = str(data / "sourcing.duckdb")
    bad = sourcing("query", "select nope from postings", "--db", db, check=False)
    assert bad.exit_code != 0 and "nope" in bad.stderr
    write = sourcing("query", "delete from postings", "--db", db, check=False)
    assert write.exit_code != 0 and "read-only" in write.stderr.lower()


@pytest.mark.parametrize(
    "command",
    [[], ["run"], ["crawl"], ["rebuild"], ["query"], ["sources"], ["export", "leads"], ["forget"]],
)
def test_every_command_has_help_with_an_example(command, sourcing):
    out = sourcing(*command, "--help").stdout
    assert "Example" in out


def test_unknown_sources_are_refused_with_the_known_names(tmp_path, sourcing):
    proc = sourcing(
        "run", "--sample", "--sources", "nope", "--data-dir", str(tmp_path), check=False
    )
    assert proc.exit_code == 2 and "hn_hiring" in proc.stderr


def test_sources_lists_politeness_and_samples(sourcing):
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
        "an import profile for companies": (
            [
                "export",
                "leads",
                "--kind",
                "companies",
                "--profile",
                "gem",
                "--format",
                "csv",
                "--db",
                str(db),
                "-o",
                str(tmp / "g.csv"),
            ],
            "--profile gem lists people: use it with --kind candidates",
        ),  # fmt: skip
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
def test_bad_arguments_get_one_clear_line(case, tmp_path, tiny_warehouse, sourcing):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "manifest.json").write_text("{}")
    args, message = bad_argument_cases(tmp_path, tiny_warehouse)[case]
    proc = sourcing(*args, check=False)
    assert proc.exit_code in (1, 2), proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and message in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and message in errors[0]


def test_files_holding_people_are_owner_only(sample_run):
    data, _ = sample_run
    for path in [*data.glob("raw/*/*/*.jsonl"), data / "sourcing.duckdb", data / "report.html"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((data / "raw").stat().st_mode) == 0o700
