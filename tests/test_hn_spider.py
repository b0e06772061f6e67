"""The `hn_hiring` spider, crawled for real (in a subprocess) against recorded responses."""

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlError, crawl
from tests.builders import hn_comment, hn_search, hn_thread, json_entry, write_entries

API = "https://hn.algolia.com/api/v1"
SEARCH = f"{API}/search_by_date?tags=story,author_whoishiring&hitsPerPage=20"

NOV = hn_thread(
    48000100,
    "Ask HN: Who is hiring? (November 2026)",
    [
        hn_comment(
            48000101,
            "Acme | ML Engineer | Remote (US) | $150k-$200k",
            thread=48000100,
            replies=[hn_comment(48000199, "Is this still open?", thread=48000100)],
        ),
        hn_comment(48000102, None, author=None, thread=48000100),  # deleted
        hn_comment(48000103, "Beta GmbH | Data Scientist | Berlin | €70–90k", thread=48000100),
    ],
)
OCT = hn_thread(
    47000100,
    "Ask HN: Who is hiring? (October 2026)",
    [
        hn_comment(
            47000101,
            "Gamma | MLOps Engineer | Onsite, NYC",
            thread=47000100,
            created="2026-10-01T16:00:00.000Z",
        ),
    ],
    created="2026-10-01T15:00:00.000Z",
)
SEP = hn_thread(
    46000100,
    "Ask HN: Who is hiring? (September 2026)",
    [
        hn_comment(
            46000101,
            "Delta | Applied Scientist | London",
            thread=46000100,
            created="2026-09-01T16:00:00.000Z",
        ),
    ],
    created="2026-09-01T15:00:00.000Z",
)
WANTS = hn_thread(48000200, "Ask HN: Who wants to be hired? (November 2026)", [])


def read(result):
    return (
        [json.loads(line) for line in result.path.read_text().splitlines()] if result.path else []
    )


@pytest.fixture
def har(tmp_path):
    return write_entries(
        tmp_path / "hn.har",
        [
            json_entry(SEARCH, hn_search([WANTS, NOV, OCT, SEP])),
            *[json_entry(f"{API}/items/{t['id']}", t) for t in (NOV, OCT, SEP, WANTS)],
        ],
    )


def test_a_pinned_thread_yields_one_record_per_live_top_level_comment(tmp_path, har):
    result = crawl("hn_hiring", RawZone(tmp_path), replay=har, spider_args={"threads": "48000100"})
    records = read(result)
    assert [r["source_id"] for r in records] == ["48000101", "48000103"]
    first = records[0]
    assert first["source"] == "hn_hiring"
    assert first["url"] == "https://news.ycombinator.com/item?id=48000101"
    assert first["record"]["text"] == "Acme | ML Engineer | Remote (US) | $150k-$200k"
    assert first["record"]["author"] == "someone"
    assert "children" not in first["record"]  # replies are not part of the offer
    assert first["context"] == {
        "thread_id": 48000100,
        "thread_title": "Ask HN: Who is hiring? (November 2026)",
        "month": "2026-11",
    }
    assert first["fetched_at"] == "2026-11-01T18:00:00+00:00"  # the recording's Date header
    assert result.summary["comments_deleted"] == 1
    assert result.path.parent.parent.name == "hn_hiring"


def test_without_threads_the_newest_hiring_threads_are_found_by_search(tmp_path, har):
    result = crawl("hn_hiring", RawZone(tmp_path), replay=har)
    months = {r["context"]["month"] for r in read(result)}
    assert months == {"2026-11", "2026-10"}  # HN_MONTHS=2 newest; "wants to be hired" ignored


def test_the_search_pages_until_enough_threads_are_found(tmp_path):
    har = write_entries(
        tmp_path / "hn.har",
        [
            json_entry(SEARCH, hn_search([WANTS, NOV], page=0, pages=2)),
            json_entry(f"{SEARCH}&page=1", hn_search([OCT, SEP], page=1, pages=2)),
            *[json_entry(f"{API}/items/{t['id']}", t) for t in (NOV, OCT, SEP)],
        ],
    )
    result = crawl("hn_hiring", RawZone(tmp_path), replay=har, spider_args={"months": "3"})
    assert {r["context"]["month"] for r in read(result)} == {"2026-11", "2026-10", "2026-09"}


def test_a_request_missing_from_the_recording_is_counted_not_fatal(tmp_path, har):
    result = crawl(
        "hn_hiring", RawZone(tmp_path), replay=har, spider_args={"threads": "48000100,999"}
    )
    assert result.items == 2
    assert result.summary["not_recorded"] == 1


def test_a_malformed_response_fails_the_crawl_with_a_clear_message(tmp_path):
    har = write_entries(tmp_path / "hn.har", [json_entry(f"{API}/items/5", b"<html>oops")])
    with pytest.raises(CrawlError, match="no records: 0 HTTP errors, 1 errors logged"):
        crawl("hn_hiring", RawZone(tmp_path), replay=har, spider_args={"threads": "5"})
    assert not list(tmp_path.glob("raw/**/*.jsonl*"))  # nothing half-written in the raw zone


def test_bad_thread_ids_fail_with_a_clear_message(tmp_path, har):
    with pytest.raises(Exception, match="threads must be Hacker News item ids"):
        crawl("hn_hiring", RawZone(tmp_path), replay=har, spider_args={"threads": "abc"})


class _FakeAlgolia(BaseHTTPRequestHandler):
    """A local stand-in for the Algolia API (gzip-encoded, like the real one)."""

    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/robots.txt":
            self.send_response(404)
            self.end_headers()
            return
        body = gzip.compress(json.dumps(NOV).encode())
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_recorded_crawl_replays_to_the_same_records(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeAlgolia)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    api = f"http://127.0.0.1:{server.server_port}/api/v1"
    try:
        live = crawl(
            "hn_hiring",
            RawZone(tmp_path / "live"),
            record=tmp_path / "rec.har",
            spider_args={"threads": "48000100"},
            settings={"HN_API_URL": api, "DOWNLOAD_DELAY": "0"},
        )
    finally:
        server.shutdown()
    replayed = crawl(
        "hn_hiring",
        RawZone(tmp_path / "replay"),
        replay=tmp_path / "rec.har",
        spider_args={"threads": "48000100"},
        settings={"HN_API_URL": api},
    )
    strip = [{k: v for k, v in r.items() if k != "fetched_at"} for r in read(live)]
    assert strip == [{k: v for k, v in r.items() if k != "fetched_at"} for r in read(replayed)]
    assert live.items == 2


def test_a_comment_with_text_but_no_author_is_read(tmp_path):
    """Trimmed dumps (as the real September 2026 recording) drop the author of live comments."""
    thread = hn_thread(
        48000300,
        "Ask HN: Who is hiring? (November 2026)",
        [hn_comment(48000301, "Acme | ML Engineer | Remote", author=None, thread=48000300)],
    )
    har = write_entries(tmp_path / "hn.har", [json_entry(f"{API}/items/48000300", thread)])
    result = crawl("hn_hiring", RawZone(tmp_path), replay=har, spider_args={"threads": "48000300"})
    assert [r["source_id"] for r in read(result)] == ["48000301"]
