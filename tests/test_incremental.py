"""Incremental loads: each run normalizes only the crawl dates that are new, and ends with the
same tables as `sourcing rebuild` from the same raw zone.

The raw zone below holds two crawl dates, built from the bundled sample crawls:

- 2026-11-27: Greenhouse (three boards), RemoteOK and Hacker News;
- 2026-11-28: Greenhouse again, where one job changed its title, one job is gone (so its
  posting closes) and one job is new; RemoteOK again, unchanged. No Hacker News crawl.
"""

import json
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.normalize import parse_time
from pipelines.rawzone.layout import RawZone
from pipelines.versions import latest_versions
from sourcing.assets.postings import JOB_SOURCES, normalized_crawls
from sourcing.definitions import build_resources
from sourcing.runner import materialize_graph, normalize_config

DAY1, DAY2 = "2026-11-27", "2026-11-28"
CHANGED, GONE, NEW = "4100201", "4100206", "4100299"


@pytest.fixture(scope="module")
def sample(sample_records) -> dict[str, list[dict]]:
    """The records of the bundled Greenhouse, RemoteOK and Hacker News samples, by source (as
    the session's sample run crawled them)."""
    return {name: sample_records[name] for name in ("greenhouse", "remoteok", "hn_hiring")}


def write_crawl(data: Path, source: str, day: str, records: list[dict]) -> None:
    """One crawl file of `source` on `day`, every record fetched at 04:00 UTC that day."""
    path = data / "raw" / source / day / f"{day.replace('-', '')}T040000Z-test.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps({**r, "fetched_at": f"{day}T04:00:00+00:00"}) for r in records)
    path.write_text("".join(f"{line}\n" for line in lines))


def second_day(greenhouse: list[dict]) -> list[dict]:
    """The Greenhouse boards a day later: one title changed, one job gone, one job new."""
    records = []
    for r in greenhouse:
        if r["source_id"] == CHANGED:
            r = {**r, "record": {**r["record"], "title": "Staff Machine Learning Engineer"}}
        if r["source_id"] != GONE:
            records.append(r)
    template = next(r for r in greenhouse if r["source_id"] == "4100203")
    new_job = {**template["record"], "id": int(NEW), "title": "Research Engineer, Speech"}
    new_job["absolute_url"] = f"https://boards.greenhouse.io/quillmetrics/jobs/{NEW}"
    records.append(
        {**template, "source_id": NEW, "url": new_job["absolute_url"], "record": new_job}
    )
    return records


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every table and view of the warehouse, rows sorted (`schema_version` holds when)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            n
            for (n,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
            if n != "schema_version"
        ]
        return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY ALL').fetchall() for n in names}
    finally:
        con.close()


@pytest.fixture(scope="module")
def runs(sample, tmp_path_factory):
    """Day 1 crawled and run, then day 2 crawled and run, into `incremental.duckdb`; then a
    rebuild of the same raw zone into `rebuilt.duckdb`. Returns the data dir and the reports."""
    data = tmp_path_factory.mktemp("data")
    incremental = build_resources(data, data / "incremental.duckdb")
    for source, records in sample.items():
        write_crawl(data, source, DAY1, records)
    day1 = materialize_graph(incremental, None, say=lambda _: None)
    write_crawl(data, "greenhouse", DAY2, second_day(sample["greenhouse"]))
    write_crawl(data, "remoteok", DAY2, sample["remoteok"])
    day2 = materialize_graph(incremental, None, say=lambda _: None)
    rebuilt = build_resources(data, data / "rebuilt.duckdb")
    rebuild = materialize_graph(rebuilt, None, say=lambda _: None, rebuild=True)
    assert day1.ok and day2.ok and rebuild.ok, (day1.failed, day2.failed, rebuild.failed)
    return data, day1, day2, rebuild


def test_each_run_normalizes_only_the_new_crawl_date(runs, sample):
    _, day1, day2, rebuild = runs
    assert list(day1.normalized) == [DAY1]
    assert day1.normalized[DAY1]["raw_files"] == 3
    assert list(day2.normalized) == [DAY2]  # day 1's files are not read again
    assert day2.normalized[DAY2]["raw_files"] == 2
    assert day2.normalized[DAY2]["raw_records"] == len(sample["greenhouse"]) + len(
        sample["remoteok"]
    )
    assert list(rebuild.normalized) == [DAY1, DAY2]


def test_incremental_runs_give_the_same_tables_as_a_rebuild(runs):
    data, *_ = runs
    incremental, rebuilt = tables(data / "incremental.duckdb"), tables(data / "rebuilt.duckdb")
    assert set(incremental) == set(rebuilt)
    assert {"postings", "normalized_postings", "crawl_records", "record_versions"} <= set(rebuilt)
    for name, rows in rebuilt.items():
        assert incremental[name] == rows, name


def test_each_record_counts_in_its_latest_version_over_every_date(runs):
    """The version of each record is the one `latest_versions` picks reading the whole raw
    zone, with first and last seen over every crawl, in the same row order."""
    data, *_ = runs
    expected = [
        (v["source"], v["source_id"], *(parse_time(v[k]) for k in ("first_seen", "last_seen")))
        for v in latest_versions(RawZone(data).read(JOB_SOURCES))
    ]
    con = duckdb.connect(str(data / "incremental.duckdb"), read_only=True)
    try:
        kept = con.execute(
            "SELECT source, source_id, first_seen, last_seen FROM normalized_postings"
            " WHERE role_index = 0"
        ).fetchall()
        skipped = {r[:2] for r in con.execute("SELECT * FROM skipped_records").fetchall()}
    finally:
        con.close()
    naive = [(s, i, a.replace(tzinfo=None), b.replace(tzinfo=None)) for s, i, a, b in expected]
    assert kept == [row for row in naive if row[:2] not in skipped]
    assert skipped <= {row[:2] for row in naive}


def test_the_changed_the_gone_and_the_new_job(runs):
    data, *_ = runs
    con = duckdb.connect(str(data / "incremental.duckdb"), read_only=True)
    try:
        sql = (
            "SELECT p.title, p.status, strftime(p.first_seen, '%Y-%m-%d'),"
            " strftime(p.closed_at, '%Y-%m-%d') FROM postings p JOIN posting_sources s"
            " USING (posting_id) WHERE s.source = 'greenhouse' AND s.source_id = ?"
        )
        changed, gone, new = (con.execute(sql, [i]).fetchone() for i in (CHANGED, GONE, NEW))
    finally:
        con.close()
    assert changed == ("Staff Machine Learning Engineer", "open", DAY1, None)  # day 2's title
    assert gone == ("Product Designer", "closed", DAY1, DAY2)  # not listed on day 2
    assert new == ("Research Engineer, Speech", "open", DAY2, None)


def test_loading_a_crawl_date_again_changes_nothing(runs):
    data, *_ = runs
    before = tables(data / "incremental.duckdb")
    resources = build_resources(data, data / "incremental.duckdb")
    again = dg.materialize(
        [normalized_crawls], resources=resources, run_config=normalize_config([DAY2])
    )
    assert again.success
    report = materialize_graph(resources, None, say=lambda _: None)
    assert report.ok and report.normalized == {}  # nothing new: only the tables downstream
    assert tables(data / "incremental.duckdb") == before


def test_a_crawl_date_whose_folder_is_gone_leaves_the_warehouse(runs, tmp_path):
    data, *_ = runs
    shutil.copytree(data / "raw", tmp_path / "raw")
    shutil.copy(data / "incremental.duckdb", tmp_path / "incremental.duckdb")
    for source in ("greenhouse", "remoteok"):
        shutil.rmtree(tmp_path / "raw" / source / DAY2)
    resources = build_resources(tmp_path, tmp_path / "incremental.duckdb")
    assert materialize_graph(resources, None, say=lambda _: None).ok
    rebuilt = build_resources(tmp_path, tmp_path / "rebuilt.duckdb")
    assert materialize_graph(rebuilt, None, say=lambda _: None, rebuild=True).ok
    assert tables(tmp_path / "incremental.duckdb") == tables(tmp_path / "rebuilt.duckdb")
