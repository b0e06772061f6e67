"""Whole-run faults: Ctrl-C and SIGTERM during `sourcing run`, kill -9 during a crawl and
during a load, two writers at once. Each asserts what the user sees, that no stored row is
lost, and that the next run recovers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.rawzone.layout import RawZone
from sourcing.assets.crawl import crawl_assets, raw_asset_key
from sourcing.crawl import CrawlResult, crawl
from sourcing.resources import CrawlerResource, RawZoneResource
from tests.builders import job_posting, jobposting_page
from tests.fault_server import FaultServer, note, reply, slow

PAGE = jobposting_page(
    {"@context": "https://schema.org", **job_posting("Steady Engineer", hiringOrganization={})}
)
SCRAPY_ENV = {**os.environ, "SCRAPY_SETTINGS_MODULE": "spiders.settings"}
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_TIMEOUT": "5"}


def _wait_for(where: Path, text: str, timeout: float = 90) -> None:
    """Wait until `text` is in the file `where`, or in a file under the folder `where`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = [where] if where.suffix else sorted(where.rglob("*.log"))
        if any(f.exists() and text in f.read_text(errors="replace") for f in files):
            return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared in {where}")


@pytest.fixture(scope="module")
def site():
    routes = {
        "/robots.txt": reply(404, "", "text/plain"),
        "/slow": slow(30, reply(body=PAGE)),
        "/fast": reply(body=PAGE),
    }
    with FaultServer(routes) as server:
        yield server


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupt_stops_the_whole_run_and_loads_nothing(tmp_path, site, sig):
    data = tmp_path / "data"
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "sourcing.cli", "run", "--sources", "jobposting,remotive",
             "-a", f"jobposting:urls={site.url}/slow", "--data-dir", str(data)],
            stdout=stdout, stderr=stderr, start_new_session=True,
        )  # fmt: skip
        _wait_for(out, "crawl jobposting …")
        _wait_for(data / "logs", "Spider opened")
        started = time.monotonic()
        # Ctrl-C reaches the terminal's whole process group; SIGTERM (timeout, kill) the parent.
        if sig == signal.SIGINT:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        code = proc.wait(timeout=60)
    stopped_in = time.monotonic() - started
    said = err.read_text()
    assert code == 130, (out.read_text(), said)
    assert "interrupted" in said and "Traceback" not in said
    assert "crawl remotive" not in out.read_text()  # the run stopped: no next source
    assert not (data / "sourcing.duckdb").exists()  # nothing loaded
    assert RawZone(data).files() == []  # nothing half-written in the raw zone
    # The next run recovers: a crawl of the same site lands one complete file.
    result = crawl(
        "jobposting", RawZone(data), spider_args={"urls": f"{site.url}/fast"}, settings=FAST
    )
    assert result.items == 1 and RawZone(data).files() == [result.path]
    note(f"{signal.Signals(sig).name} during sourcing run", held="yes", rows_lost=0,
         outcome=f"exit 130 after {stopped_in:.1f}s, nothing loaded")  # fmt: skip


class InterruptedCrawler(CrawlerResource):
    """A crawler whose spider is interrupted the moment it starts."""

    def crawl(self, source: str, zone: RawZone) -> CrawlResult:
        raise KeyboardInterrupt


def test_an_interrupted_crawl_is_never_retried_even_under_the_retry_policy(tmp_path):
    # Dagster retries interrupted steps under a retry policy: a stopped run would then wait
    # minutes for a retry of a crawl nobody wants.
    result = dg.materialize(
        crawl_assets,
        selection=[raw_asset_key("remotive")],
        resources={
            "raw_zone": RawZoneResource(data_dir=str(tmp_path)),
            "crawler": InterruptedCrawler(retries=True),
        },
        raise_on_error=False,
    )
    kinds = [event.event_type_value for event in result.all_events]
    assert not result.success
    assert "STEP_UP_FOR_RETRY" not in kinds and "STEP_FAILURE" in kinds
    failure = next(e for e in result.all_events if e.is_step_failure)
    assert "remotive: interrupted" in failure.step_failure_data.error.message


def test_kill_9_during_a_crawl_leaves_no_file_and_the_next_crawl_recovers(tmp_path, site):
    zone = RawZone(tmp_path)
    out = zone.new_file("jobposting", "20261206T000000Z-killed")
    log = tmp_path / "spider.log"
    with log.open("w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "spiders.runner", "jobposting", "--out", str(out),
             "--stats", str(tmp_path / "stats.json"), "-a", f"urls={site.url}/slow"],
            stdout=sink, stderr=sink, env=SCRAPY_ENV,
        )  # fmt: skip
        _wait_for(log, "Spider opened")
        proc.kill()
        proc.wait()
    assert zone.files() == [] and not out.exists()
    result = crawl("jobposting", zone, spider_args={"urls": f"{site.url}/fast"}, settings=FAST)
    assert zone.files() == [result.path] and result.items == 1
    note("kill -9 during a crawl", held="yes", rows_lost=0, outcome="no file; next crawl lands")


LOADER = textwrap.dedent(
    """
    import sys, time
    from warehouse.db import connect
    from warehouse.load import replace_tables
    db, n, tag, hold = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
    con = connect(db)
    rows = [{"source": "greenhouse", "source_id": f"{tag}{i}", "posting_id": f"{tag}{i}",
             "title": "ML Engineer", "role_index": 0, "url": "https://x",
             "fetched_at": "2026-11-01 00:00:00"} for i in range(n)]
    print("loading", flush=True)
    replace_tables(con, {"posting_sources": rows})
    print("loaded", flush=True)
    time.sleep(hold)
    con.close()
    """
)


def _load(db: Path, n: int, tag: str, hold: float = 0.0) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", LOADER, str(db), str(n), tag, str(hold)],
        stdout=subprocess.PIPE,
        text=True,
    )


def _rows(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT left(source_id, 1), count(*) FROM posting_sources GROUP BY 1"
        ).fetchall()
        return dict(rows)
    finally:
        con.close()


@pytest.mark.parametrize("after", [0.0, 0.3, 0.8])
def test_kill_9_during_a_load_keeps_the_previous_tables(tmp_path, after):
    db = tmp_path / "sourcing.duckdb"
    assert _load(db, 20_000, "a").wait(timeout=120) == 0
    proc = _load(db, 200_000, "b")
    assert proc.stdout.readline().strip() == "loading"
    time.sleep(after)
    proc.kill()
    proc.wait()
    found = _rows(db)
    # One whole load or the other, never a mix or a part: no stored row lost.
    assert found in ({"a": 20_000}, {"b": 200_000})
    # The next load recovers: any whole load shows it; a small one keeps the test short.
    assert _load(db, 2_000, "c").wait(timeout=120) == 0
    assert _rows(db) == {"c": 2_000}
    lost = 20_000 - found.get("a", 0) if "b" not in found else 0
    note(f"kill -9 {after:.1f}s into a load", held="yes", rows_lost=lost,
         outcome=f"tables as before ({sum(found.values())} rows); next load complete")  # fmt: skip


def test_two_writers_at_once_wait_their_turn_and_say_so(tmp_path):
    db = tmp_path / "sourcing.duckdb"
    first = _load(db, 1_000, "a", hold=3.0)
    assert first.stdout.readline().strip() == "loading"
    assert first.stdout.readline().strip() == "loaded"
    second = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(
            """
            import sys
            from warehouse.db import wait_for_writer
            wait_for_writer(sys.argv[1], print, poll=0.2)
            print("writing")
            """), str(db)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert first.wait(timeout=60) == 0
    lines = second.stdout.splitlines()
    assert lines[0] == f"waiting for another writer (PID {first.pid}) to finish with {db} …"
    assert lines[-1] == "writing"
    assert _rows(db) == {"a": 1_000}  # the first writer's rows all stored
    note("two writers at once", held="yes", rows_lost=0, outcome="second waited, said for whom")


def test_a_reader_meets_a_busy_or_foreign_warehouse_with_one_line(tmp_path):
    db = tmp_path / "sourcing.duckdb"
    holder = _load(db, 10, "a", hold=30.0)
    assert holder.stdout.readline().strip() == "loading"
    assert holder.stdout.readline().strip() == "loaded"
    try:
        busy = subprocess.run(
            [sys.executable, "-m", "sourcing.cli", "report", "--db", str(db),
             "-o", str(tmp_path / "r.html")],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        holder.kill()
        holder.wait()
    assert busy.returncode == 1 and "Traceback" not in busy.stderr
    assert busy.stderr.strip() == (
        f"Error: {db} is in use by another process (PID {holder.pid}):"
        " try again when it has finished"
    )
    foreign = tmp_path / "notes.duckdb"
    foreign.write_text(json.dumps({"not": "duckdb"}))
    proc = subprocess.run(
        [sys.executable, "-m", "sourcing.cli", "query", "select 1", "--db", str(foreign)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1 and "is not a DuckDB warehouse" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
