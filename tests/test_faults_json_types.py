"""Unexpected JSON types in every field a spider reads: each spider's parser, fed a document
whose fields are swapped one at a time for null, a number, a boolean, a string, a list or an
object, never raises, and every record it yields is one the raw zone accepts."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from scrapy.http import Request, TextResponse
from scrapy.utils.test import get_crawler

from pipelines.rawzone.read import parse_line
from spiders.sources.ats import AshbySpider, Board, GreenhouseSpider, LeverSpider
from spiders.sources.hn import HnHiringSpider
from spiders.sources.remoteok import RemoteOkSpider
from spiders.sources.remotive import RemotiveSpider
from tests.fault_server import note

ODD = [None, 14, 2.5, True, "", "text", [], ["a", 1], {}, {"a": [None]}]

GREENHOUSE_JOB = {
    "id": 41,
    "title": "ML Engineer",
    "absolute_url": "https://x/41",
    "content": "<p>hi</p>",
    "location": {"name": "Berlin"},
    "updated_at": "2026-11-01T00:00:00Z",
}
LEVER_JOB = {
    "id": "a-1",
    "text": "ML Engineer",
    "hostedUrl": "https://x/a-1",
    "categories": {"location": "Remote"},
    "createdAt": 1790000000000,
}
ASHBY_JOB = {
    "id": "b-2",
    "title": "ML Engineer",
    "jobUrl": "https://x/b-2",
    "location": "NYC",
    "publishedAt": "2026-11-01T00:00:00Z",
}
REMOTEOK_JOB = {
    "id": "9",
    "position": "ML Engineer",
    "company": "Acme",
    "url": "https://x/9",
    "tags": ["python"],
    "date": "2026-11-01T00:00:00Z",
}
REMOTIVE_JOB = {
    "id": 7,
    "title": "ML Engineer",
    "company_name": "Acme",
    "url": "https://x/7",
    "candidate_required_location": "USA",
}
HN_COMMENT = {
    "id": 5,
    "type": "comment",
    "author": "acme",
    "text": "Acme | ML | Remote",
    "created_at_i": 1790000000,
}


def _response(url: str, data: Any) -> TextResponse:
    return TextResponse(url, body=json.dumps(data).encode(), encoding="utf-8", request=Request(url))


def _spider(cls: type, **kwargs: str):
    crawler = get_crawler(cls, settings_dict={"HN_API_URL": "https://hn.example/api/v1"})
    spider = cls.from_crawler(crawler, **kwargs)
    crawler.spider = spider
    return spider


def _greenhouse(doc):
    spider = _spider(GreenhouseSpider)
    return spider.parse_board(_response(spider.board_url("acme"), doc), Board("acme", "greenhouse"))


def _lever(doc):
    spider = _spider(LeverSpider)
    return spider.parse_board(_response(spider.board_url("acme"), doc), Board("acme", "lever"))


def _ashby(doc):
    spider = _spider(AshbySpider)
    return spider.parse_board(_response(spider.board_url("acme"), doc), Board("acme", "ashby"))


def _remoteok(doc):
    return _spider(RemoteOkSpider).parse(_response("https://remoteok.com/api", doc))


def _remotive(doc):
    return _spider(RemotiveSpider).parse(_response("https://remotive.com/api/remote-jobs", doc))


def _hn(doc):
    return _spider(HnHiringSpider).parse_thread(_response("https://hn.example/api/v1/items/1", doc))


def _variants(job: dict, wrap: Callable[[Any], Any]) -> Iterator[Any]:
    """The document with each field of the job, and the job itself, and the document's own
    shape, swapped for each odd value."""
    for key in job:
        for value in ODD:
            yield wrap([{**job, key: value}, job])
    for value in ODD:
        yield wrap([value, job])
        yield value


CASES = {
    "greenhouse": (_greenhouse, GREENHOUSE_JOB, lambda jobs: {"jobs": jobs, "meta": {}}),
    "lever": (_lever, LEVER_JOB, lambda jobs: jobs),
    "ashby": (_ashby, ASHBY_JOB, lambda jobs: {"jobs": jobs}),
    "remoteok": (_remoteok, REMOTEOK_JOB, lambda jobs: [{"legal": "x"}, *jobs]),
    "remotive": (_remotive, REMOTIVE_JOB, lambda jobs: {"jobs": jobs}),
    "hn_hiring": (
        _hn,
        HN_COMMENT,
        lambda kids: {"id": 1, "title": "Ask HN: Who is hiring? (November 2026)", "children": kids},
    ),
}


@pytest.mark.parametrize("source", CASES)
def test_odd_json_types_never_break_a_spider(source):
    parse, job, wrap = CASES[source]
    tried = 0
    for document in _variants(job, wrap):
        tried += 1
        for item in parse(document):
            record, problem = parse_line(json.dumps(item).encode())
            assert problem is None, (source, document, problem)
    assert tried == len(job) * len(ODD) + 2 * len(ODD)
    note(f"odd JSON types, {source}", inputs=tried, rows_lost=0, outcome="no crash, records valid")


@pytest.mark.parametrize("source", CASES)
def test_the_good_record_beside_an_odd_one_is_kept(source):
    parse, job, wrap = CASES[source]
    items = list(parse(wrap([None, "x", 3, job])))
    assert len(items) == 1
