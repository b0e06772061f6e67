"""Each distinct record version is normalized once: a job re-crawled unchanged reuses the
normalized rows of its earlier version, and the tables equal those of a normalize without
any reuse. Two crawl dates of the bundled Greenhouse and RemoteOK samples, where day 2
changes one Greenhouse title, drops one job and adds one (see test_incremental) and moves
every Greenhouse job's `updated_at`."""

from pathlib import Path

import duckdb
import pytest

import sourcing.normalizing as normalizing
from pipelines.rawzone.layout import RawZone
from pipelines.versions import version_key
from tests.test_incremental import CHANGED, DAY1, DAY2, NEW, second_day, write_crawl
from warehouse.db import connect

UNDATED = "4100204"  # a Greenhouse job given no posting date below: dated by its fetch


def undated(records: list[dict]) -> list[dict]:
    """The records with job UNDATED's dates removed."""
    out = []
    for r in records:
        if r["source_id"] == UNDATED:
            job = {
                k: v for k, v in r["record"].items() if k not in ("first_published", "updated_at")
            }
            r = {**r, "record": job}
        out.append(r)
    return out


def edited(records: list[dict]) -> list[dict]:
    """The records with `updated_at` moved, as Greenhouse moves it on any edit of a board."""
    moved = "2026-11-27T18:00:00-05:00"
    return [
        {**r, "record": {**r["record"], "updated_at": moved}} if "updated_at" in r["record"] else r
        for r in records
    ]


@pytest.fixture
def zone(sample_records, tmp_path) -> RawZone:
    greenhouse = undated(sample_records["greenhouse"])
    write_crawl(tmp_path, "greenhouse", DAY1, greenhouse)
    write_crawl(tmp_path, "remoteok", DAY1, sample_records["remoteok"])
    write_crawl(tmp_path, "greenhouse", DAY2, edited(second_day(greenhouse)))
    write_crawl(tmp_path, "remoteok", DAY2, sample_records["remoteok"])
    return RawZone(tmp_path)


@pytest.fixture
def calls(monkeypatch) -> list[tuple[str, str]]:
    """(source, source_id) of every record the normalizer is called on."""
    seen: list[tuple[str, str]] = []
    real = normalizing.normalize_record

    def counting(raw):
        seen.append((raw["source"], raw["source_id"]))
        return real(raw)

    monkeypatch.setattr(normalizing, "normalize_record", counting)
    return seen


def load(zone: RawZone, db: Path, days: list[str], code_version: str, workers: int = 1):
    con = connect(db)
    try:
        return normalizing.normalize_dates(zone, days, con, code_version, workers)
    finally:
        con.close()


def dated_tables(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "version_postings": con.execute(
                "SELECT * FROM version_postings ORDER BY ALL"
            ).fetchall(),
            "record_versions": con.execute(
                "SELECT * EXCLUDE (version_key) FROM record_versions ORDER BY ALL"
            ).fetchall(),
            "crawl_records": con.execute("SELECT * FROM crawl_records ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


@pytest.fixture
def full(zone, tmp_path) -> dict[str, list[tuple]]:
    """The tables of a normalize without reuse: each date under its own code version."""
    db = tmp_path / "full.duckdb"
    load(zone, db, [DAY1], "full-1")
    load(zone, db, [DAY2], "full-2")
    return dated_tables(db)


def test_a_second_date_normalizes_only_its_new_versions(zone, full, calls, tmp_path):
    db = tmp_path / "reuse.duckdb"
    first = load(zone, db, [DAY1], "v1")
    assert first.normalized == first.versions == len(calls)
    calls.clear()
    second = load(zone, db, [DAY2], "v1")
    # The changed job, the new one, and the undated one (its rows carry its fetch time); not
    # those whose `updated_at` alone moved (they state `first_published`).
    assert sorted(calls) == sorted(
        [("greenhouse", CHANGED), ("greenhouse", NEW), ("greenhouse", UNDATED)]
    )
    assert second.normalized == 3 and second.versions > 3
    assert dated_tables(db) == full


def test_a_rebuild_normalizes_each_distinct_version_once(zone, full, calls, tmp_path):
    db = tmp_path / "rebuild.duckdb"
    run = load(zone, db, [DAY1, DAY2], "v1")
    day1 = run.per_day[DAY1]["versions"]
    assert run.normalized == len(calls) == day1 + 3
    # Twice: the changed job (two contents) and the undated one (two fetch times).
    assert {c for c in calls if calls.count(c) > 1} == {
        ("greenhouse", CHANGED),
        ("greenhouse", UNDATED),
    }
    assert run.share_skipped == round(1 - run.normalized / run.versions, 3) > 0
    assert dated_tables(db) == full


def test_the_undated_job_is_dated_by_each_fetch(zone, tmp_path):
    db = tmp_path / "rebuild.duckdb"
    load(zone, db, [DAY1, DAY2], "v1")
    con = duckdb.connect(str(db), read_only=True)
    try:
        dates = con.execute(
            "SELECT crawl_date::VARCHAR, posted_at::DATE::VARCHAR FROM version_postings"
            " WHERE source_id = ? ORDER BY 1",
            [UNDATED],
        ).fetchall()
    finally:
        con.close()
    assert dates == [(DAY1, DAY1), (DAY2, DAY2)]


def test_a_new_code_version_normalizes_again(zone, calls, tmp_path):
    db = tmp_path / "reuse.duckdb"
    load(zone, db, [DAY1, DAY2], "v1")
    calls.clear()
    again = load(zone, db, [DAY2], "v1")
    assert calls == [] and again.normalized == 0  # a reload of the same date
    changed = load(zone, db, [DAY2], "v2")
    assert len(calls) == changed.normalized == changed.versions


def test_workers_give_the_same_tables(zone, full, tmp_path, monkeypatch):
    """Two worker processes, the versions cut into small chunks so that both get work."""
    monkeypatch.setattr(normalizing, "CHUNK", 3)
    db = tmp_path / "workers.duckdb"
    load(zone, db, [DAY1], "w1", workers=2)
    load(zone, db, [DAY2], "w2", workers=2)
    assert dated_tables(db) == full


def test_a_daemonic_worker_normalizes_in_its_own_process(zone, full, tmp_path, monkeypatch):
    """A Celery prefork worker is a daemonic process, which may not start a pool of its own:
    asked for two workers there, the step normalizes every version itself, to the same
    tables."""
    monkeypatch.setattr(normalizing, "CHUNK", 3)
    monkeypatch.setattr(normalizing.multiprocessing.current_process(), "daemon", True)
    monkeypatch.setattr(normalizing, "ProcessPoolExecutor", None)  # any pool would fail
    db = tmp_path / "daemonic.duckdb"
    load(zone, db, [DAY1], "d1", workers=2)
    load(zone, db, [DAY2], "d2", workers=2)
    assert dated_tables(db) == full


def test_updated_at_is_left_out_only_when_first_published_dates_the_job():
    job = {"id": 1, "title": "ML Engineer", "updated_at": "2026-11-01T10:00:00-05:00"}
    raw = {"source": "greenhouse", "source_id": "1", "url": "u", "record": job, "context": {}}

    def key(**fields) -> str:
        return version_key({**raw, "record": {**job, **fields}}, "v1")

    moved = "2026-11-20T10:00:00-05:00"
    published = "2026-10-01T09:00:00-04:00"
    assert key(first_published=published) == key(first_published=published, updated_at=moved)
    assert key() != key(updated_at=moved)  # no first_published: updated_at dates the job
    assert key(first_published="soon") != key(first_published="soon", updated_at=moved)
    assert key(first_published=published) != key(first_published=published, title="Other")
    assert version_key(raw, "v1") != version_key(raw, "v2")


def test_a_run_holds_one_date_at_a_time(zone, full, tmp_path, monkeypatch):
    """Each date is read, normalized and written before the next is read, so a rebuild of many
    dates never holds more than one date's records; the tables are those of loading each
    date on its own."""
    steps: list[tuple[str, str]] = []
    read, write = normalizing.read_date, normalizing._write_date

    def reading(zone, day, code_version):
        steps.append(("read", day))
        return read(zone, day, code_version)

    def writing(con, date, results):
        steps.append(("write", date.day))
        return write(con, date, results)

    monkeypatch.setattr(normalizing, "read_date", reading)
    monkeypatch.setattr(normalizing, "_write_date", writing)
    db = tmp_path / "streaming.duckdb"
    load(zone, db, [DAY2, DAY1], "s1")
    assert steps == [("read", DAY1), ("write", DAY1), ("read", DAY2), ("write", DAY2)]
    assert dated_tables(db) == full


def test_one_pool_serves_every_date_of_a_run(zone, full, tmp_path, monkeypatch):
    """The worker processes start once per run, on the first date with work for them, not
    once per date."""
    monkeypatch.setattr(normalizing, "CHUNK", 1)  # every date with 2+ versions uses the pool
    started: list[int] = []
    real = normalizing.ProcessPoolExecutor

    def counting(workers, **kwargs):
        started.append(workers)
        return real(workers, **kwargs)

    monkeypatch.setattr(normalizing, "ProcessPoolExecutor", counting)
    db = tmp_path / "pool.duckdb"
    run = load(zone, db, [DAY1, DAY2], "p1", workers=2)
    assert started == [2]
    assert run.per_day[DAY1]["versions"] > 3 and run.per_day[DAY2]["versions"] > 3
