"""The `remoteok`, `remotive` and `weworkremotely` spiders, crawled for real (in a subprocess)
against recorded responses written here."""

import json

import pytest

from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlError, crawl
from sourcing.sources import SOURCES
from spiders.sources.weworkremotely import WeWorkRemotelySpider
from tests.builders import (
    json_entry,
    remoteok_job,
    remoteok_legal,
    remotive_job,
    rss_entry,
    write_entries,
    wwr_feed,
    wwr_item,
)

REMOTEOK = "https://remoteok.com/api"
REMOTIVE = "https://remotive.com/api/remote-jobs"
WWR = "https://weworkremotely.com/categories/{}.rss"


def read(result):
    return (
        [json.loads(line) for line in result.path.read_text().splitlines()] if result.path else []
    )


def har(tmp_path, *entries):
    return write_entries(tmp_path / "rec.har", list(entries))


# --- remoteok ---------------------------------------------------------------------------------


def test_remoteok_skips_the_legal_notice_and_keeps_jobs_verbatim_with_credit(tmp_path):
    jobs = [
        remoteok_job("101", "ML Engineer", salary_min=150000, salary_max=190000),
        remoteok_job("102", "Data Scientist", company="Z\u00c3\u00b6llner"),  # mojibake kept
    ]
    replay = har(tmp_path, json_entry(REMOTEOK, [remoteok_legal(), *jobs]))
    result = crawl("remoteok", RawZone(tmp_path), replay=replay)
    records = read(result)
    assert [r["source_id"] for r in records] == ["101", "102"]
    assert [r["record"] for r in records] == jobs
    assert records[0]["url"] == "https://remoteOK.com/remote-jobs/remote-101"
    assert records[0]["context"] == {"attribution": "Remote OK (https://remoteok.com)"}
    assert records[0]["fetched_at"] == "2026-11-01T18:00:00+00:00"
    assert result.stats["remoteok/legal_notice"] == 1
    assert result.stats["remoteok/jobs"] == 2


def test_remoteok_an_empty_list_gives_no_items_and_a_count(tmp_path):
    replay = har(tmp_path, json_entry(REMOTEOK, [remoteok_legal()]))
    result = crawl("remoteok", RawZone(tmp_path), replay=replay)
    assert result.items == 0 and result.path is None
    assert result.stats["remoteok/empty"] == 1


def test_remoteok_elements_that_are_not_jobs_are_counted_and_skipped(tmp_path):
    replay = har(tmp_path, json_entry(REMOTEOK, [remoteok_legal(), "x", {"slug": "no-id"}]))
    result = crawl("remoteok", RawZone(tmp_path), replay=replay)
    assert result.items == 0
    assert result.stats["remoteok/not_a_job"] == 2


@pytest.mark.parametrize("body", [b"<html>Service unavailable</html>", b"", {"error": "limit"}])
def test_remoteok_a_malformed_response_fails_the_crawl_with_a_clear_message(tmp_path, body):
    replay = har(tmp_path, json_entry(REMOTEOK, body))
    with pytest.raises(CrawlError, match="no records: 0 HTTP errors, 1 errors logged"):
        crawl("remoteok", RawZone(tmp_path), replay=replay)


def test_remoteok_has_no_categories(tmp_path):
    replay = har(tmp_path, json_entry(REMOTEOK, [remoteok_legal()]))
    with pytest.raises(CrawlError, match="remoteok has no categories"):
        crawl("remoteok", RawZone(tmp_path), replay=replay, spider_args={"categories": "dev"})


# --- remotive ---------------------------------------------------------------------------------


def test_remotive_reads_the_unfiltered_feed_by_default(tmp_path):
    jobs = [remotive_job(201, "ML Engineer"), remotive_job(202, "Designer", category="Design")]
    replay = har(tmp_path, json_entry(REMOTIVE, {"jobs": jobs}))
    records = read(crawl("remotive", RawZone(tmp_path), replay=replay))
    assert [r["source_id"] for r in records] == ["201", "202"]
    assert [r["record"] for r in records] == jobs
    assert records[0]["url"] == "https://remotive.com/remote-jobs/software-dev/job-201"
    assert records[0]["context"] == {}


def test_remotive_categories_ask_for_each_category(tmp_path):
    replay = har(
        tmp_path,
        json_entry(f"{REMOTIVE}?category=data", {"jobs": [remotive_job(301, "Analyst")]}),
        json_entry(f"{REMOTIVE}?category=ai-ml", {"jobs": [remotive_job(302, "LLM Engineer")]}),
    )
    result = crawl(
        "remotive", RawZone(tmp_path), replay=replay, spider_args={"categories": "data, ai-ml"}
    )
    records = read(result)
    assert {r["source_id"]: r["context"]["category_slug"] for r in records} == {
        "301": "data",
        "302": "ai-ml",
    }
    assert result.summary["not_recorded"] == 0


def test_remotive_an_empty_job_list_gives_no_items_and_a_count(tmp_path):
    replay = har(tmp_path, json_entry(REMOTIVE, {"jobs": []}))
    result = crawl("remotive", RawZone(tmp_path), replay=replay)
    assert result.items == 0
    assert result.stats["remotive/empty"] == 1


@pytest.mark.parametrize("body", [b"<html>oops", [], {"error": "rate limited"}])
def test_remotive_a_malformed_response_fails_the_crawl_with_a_clear_message(tmp_path, body):
    replay = har(tmp_path, json_entry(REMOTIVE, body))
    with pytest.raises(CrawlError, match="no records: 0 HTTP errors, 1 errors logged"):
        crawl("remotive", RawZone(tmp_path), replay=replay)


# --- weworkremotely ---------------------------------------------------------------------------

OLD = wwr_item(
    "acme-ml-engineer",
    "Acme: ML Engineer",
    region="USA Only",
    expires="Tue, 01 Dec 2026 10:00:00 +0000",
    job_type="Full-Time",
    logo=True,
)
NEW = wwr_item("beta-data-scientist", "Beta: Data Scientist", region="Europe Only")


def test_wwr_reads_every_default_category_and_both_feed_formats(tmp_path):
    replay = har(
        tmp_path,
        rss_entry(WWR.format("remote-programming-jobs"), wwr_feed([OLD, NEW])),
        rss_entry(WWR.format("remote-back-end-programming-jobs"), wwr_feed([OLD])),
    )
    result = crawl("weworkremotely", RawZone(tmp_path), replay=replay)
    records = read(result)
    assert [r["source_id"] for r in records] == [
        "https://weworkremotely.com/remote-jobs/acme-ml-engineer",
        "https://weworkremotely.com/remote-jobs/beta-data-scientist",
    ]
    old, new = records[0]["record"], records[1]["record"]
    assert list(old) == [
        "media:content", "title", "region", "category", "type", "description", "pubDate",
        "expires_at", "guid", "link",
    ]  # fmt: skip
    assert old["media:content"] == {"url": "https://example.test/logo.png", "type": "image/png"}
    assert old["title"] == "Acme: ML Engineer"
    assert old["description"].lstrip().startswith("<p>\n  <strong>Headquarters:</strong>")
    assert old["expires_at"] == "Tue, 01 Dec 2026 10:00:00 +0000"
    assert "expires_at" not in new and "type" not in new and "media:content" not in new
    assert records[0]["context"] == {"feed_category": "remote-programming-jobs"}
    assert records[0]["url"] == "https://weworkremotely.com/remote-jobs/acme-ml-engineer"
    assert result.stats["weworkremotely/duplicates"] == 1  # Acme is in both feeds
    missing = len(WeWorkRemotelySpider.default_categories) - 2
    assert result.summary["not_recorded"] == missing  # every default feed was asked for


def test_wwr_categories_replace_the_defaults(tmp_path):
    replay = har(tmp_path, rss_entry(WWR.format("remote-design-jobs"), wwr_feed([NEW])))
    result = crawl(
        "weworkremotely",
        RawZone(tmp_path),
        replay=replay,
        spider_args={"categories": "remote-design-jobs"},
    )
    assert result.items == 1 and result.summary["not_recorded"] == 0


def test_wwr_an_empty_feed_gives_no_items_and_a_count(tmp_path):
    replay = har(tmp_path, rss_entry(WWR.format("remote-design-jobs"), wwr_feed([])))
    args = {"categories": "remote-design-jobs"}
    result = crawl("weworkremotely", RawZone(tmp_path), replay=replay, spider_args=args)
    assert result.items == 0
    assert result.stats["weworkremotely/empty"] == 1


def test_wwr_items_without_guid_or_link_are_counted_and_skipped(tmp_path):
    item = "<item><title>Acme: Role</title><region>USA Only</region></item>"
    replay = har(tmp_path, rss_entry(WWR.format("remote-design-jobs"), wwr_feed([item, NEW])))
    args = {"categories": "remote-design-jobs"}
    result = crawl("weworkremotely", RawZone(tmp_path), replay=replay, spider_args=args)
    assert result.items == 1
    assert result.stats["weworkremotely/not_a_job"] == 1


@pytest.mark.parametrize(
    "body", [b"<html><body>Maintenance</body></html>", b"<rss><channel><item>", b""]
)
def test_wwr_a_malformed_feed_fails_the_crawl_with_a_clear_message(tmp_path, body):
    replay = har(tmp_path, rss_entry(WWR.format("remote-design-jobs"), body))
    with pytest.raises(CrawlError, match="no records: 0 HTTP errors, 1 errors logged"):
        crawl(
            "weworkremotely",
            RawZone(tmp_path),
            replay=replay,
            spider_args={"categories": "remote-design-jobs"},
        )


# --- the bundled samples ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "items"), [("remoteok", 11), ("remotive", 9), ("weworkremotely", 11)]
)
def test_the_bundled_sample_replays_without_misses(tmp_path, source, items):
    sample = SOURCES[source]
    args = dict(sample.sample_args)
    result = crawl(source, RawZone(tmp_path), replay=sample.sample, spider_args=args)
    assert result.items == items
    assert result.summary["not_recorded"] == 0
