"""When a crawl that ran to its end still counts as failed: the source is down or changed."""

import pytest

from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlResult, crawl_problem, previous_items


def result(items: int, **stats: int) -> CrawlResult:
    keys = {
        "http_errors": "httperror/response_ignored_count",
        "errors": "log_count/ERROR",
        "not_recorded": "har/miss",
    }
    return CrawlResult("remoteok", None, items, {keys[k]: v for k, v in stats.items()})


@pytest.mark.parametrize(
    ("items", "stats", "previous", "fails"),
    [
        (50, {}, None, None),
        (0, {}, None, None),  # an empty board is not an error
        (0, {"http_errors": 3}, None, "no records: 3 HTTP errors"),
        (0, {"errors": 1}, 40, "no records: 0 HTTP errors, 1 errors logged"),
        (0, {"not_recorded": 2}, None, "2 requests not in the recording"),
        (3, {}, 300, "only 3 records where the last crawl had 300"),
        (30, {}, 300, None),
        (1, {}, 19, None),  # too small a history to call it a collapse
        (5, {"http_errors": 1}, None, None),  # partial failures are counted, not fatal
    ],
)
def test_crawl_problem(items, stats, previous, fails):
    problem = crawl_problem(result(items, **stats), previous)
    assert (problem is None) if fails is None else (fails in problem)


def test_previous_items_reads_the_latest_earlier_crawl(tmp_path):
    zone = RawZone(tmp_path)
    for day, run, n in [("2026-11-01", "a", 5), ("2026-11-02", "b", 7), ("2026-11-03", "c", 1)]:
        path = zone.root / "remoteok" / day / f"{run}.jsonl"
        path.parent.mkdir(parents=True)
        path.write_text("{}\n" * n)
    assert previous_items(zone, "remoteok") == 1
    assert previous_items(zone, "remoteok", exclude=path) == 7
    assert previous_items(zone, "lever") is None
