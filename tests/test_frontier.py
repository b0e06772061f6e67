"""The shared crawl frontier (`spiders.frontier`) on the local Redis: two crawler processes
over one frontier fetch every URL once between them, both do work, keep one per-domain delay
between them, and leave nothing behind."""

from __future__ import annotations

import json
import socket
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from redis import Redis

from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlError, crawl
from spiders.frontier import reserve
from tests.builders import job_posting, jobposting_page, sitemap
from tests.fault_server import FaultServer, Handler, reply

REDIS = "redis://127.0.0.1:6379/0"
PAGES = 20
DELAY = 0.4  # seconds between two requests to the server, across both processes


def _down() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return True
    return False


pytestmark = pytest.mark.skipif(
    _down(), reason="Redis (127.0.0.1:6379) not running: `bash .ci/run` starts it"
)


@pytest.fixture
def frontier_key():
    """A key prefix of this test's own; every key under it is deleted afterwards."""
    key = f"test-frontier-{uuid.uuid4().hex[:8]}"
    server = Redis.from_url(REDIS)
    yield key
    for name in server.scan_iter(f"{key}:*"):
        server.delete(name)


def test_reservations_of_one_domain_are_a_delay_apart_whoever_takes_them(frontier_key):
    one, two = Redis.from_url(REDIS), Redis.from_url(REDIS)  # as two processes would
    slots = [reserve(c, frontier_key, "jobs.example", 0.5)[1] for c in (one, two, one, two)]
    gaps = [b - a for a, b in zip(slots, slots[1:], strict=False)]
    assert all(gap == pytest.approx(0.5, abs=1e-5) for gap in gaps)
    # Another domain has its own budget: its first request need not wait.
    wait, other = reserve(two, frontier_key, "other.example", 0.5)
    assert wait == 0 and other < slots[-1]


def after_both_opened(data_dirs: list[Path], then: Handler) -> Handler:
    """Answer once both crawler processes have opened their spider (and so joined the
    frontier), so they overlap however slowly either one starts."""

    def opened(data_dir: Path) -> bool:
        logs = data_dir.glob("logs/jobposting/*.log")
        return any("Spider opened" in log.read_text(errors="replace") for log in logs)

    def handle(h: BaseHTTPRequestHandler) -> None:
        for _ in range(600):
            if all(opened(d) for d in data_dirs):
                break
            time.sleep(0.1)
        then(h)

    return handle


def test_two_processes_on_one_frontier_fetch_each_url_once(frontier_key, tmp_path, monkeypatch):
    pages = [f"/jobs/{n}" for n in range(PAGES)]
    data_dirs = [tmp_path / "a", tmp_path / "b"]
    with FaultServer({}) as server:
        routes: dict[str, Handler] = {
            "/robots.txt": reply(200, "User-agent: *\nAllow: /\n", "text/plain"),
            "/sitemap.xml": after_both_opened(
                data_dirs, reply(200, sitemap([server.url + p for p in pages]), "application/xml")
            ),
        }
        for n, path in enumerate(pages):
            posting = job_posting(f"ML Engineer {n}", identifier=f"job-{n}")
            routes[path] = reply(
                200, jobposting_page({"@context": "https://schema.org", **posting})
            )
        server.routes.update(routes)
        monkeypatch.setenv("SOURCING_FRONTIER", REDIS)
        monkeypatch.setenv("SOURCING_FRONTIER_KEY", frontier_key)
        settings = {"DOWNLOAD_DELAY": str(DELAY), "AUTOTHROTTLE_ENABLED": "False"}
        args = {"sitemap": f"{server.url}/sitemap.xml"}
        with ThreadPoolExecutor(2) as pool:
            runs = [
                pool.submit(
                    crawl,
                    "jobposting",
                    RawZone(data_dir),
                    spider_args=args,
                    settings=settings,
                    timeout=300,
                )
                for data_dir in data_dirs
            ]
            results = [run.result() for run in runs]
        log = sorted(server.log)

    fetched = Counter(path for _, path in log)
    # robots.txt is each process's own (Scrapy reads it once per process, off the frontier);
    # every URL on the frontier was fetched exactly once, by one process or the other.
    assert fetched.pop("/robots.txt") == 2
    assert fetched == Counter(["/sitemap.xml", *pages])
    records = [
        json.loads(line)["source_id"]
        for result in results
        if result.path
        for line in result.path.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(records) == sorted(f"127.0.0.1:job-{n}" for n in range(PAGES))
    assert all(result.items > 0 for result in results), [r.items for r in results]
    # One politeness budget for the domain: the two processes' requests reached the server
    # spaced by the delay (half of it allowed for scheduling noise), not two streams at once.
    gaps = [b[0] - a[0] for a, b in zip(log, log[1:], strict=False)]
    assert min(gaps) > DELAY / 2, gaps
    assert sum(r.stats.get("frontier/polite_waits", 0) for r in results) > 0
    # The last process out emptied the queue, the seen URLs and the worker list.
    left = [k for k in Redis.from_url(REDIS).scan_iter(f"{frontier_key}:*") if b"polite" not in k]
    assert left == []


def test_a_frontier_that_does_not_answer_fails_the_crawl_saying_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCING_FRONTIER", "redis://127.0.0.1:1/0")
    with pytest.raises(CrawlError, match="does not answer.*unset SOURCING_FRONTIER"):
        crawl("jobposting", RawZone(tmp_path), spider_args={"urls": "http://127.0.0.1:1/x"})
