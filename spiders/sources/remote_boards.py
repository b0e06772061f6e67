"""What the remote job boards (RemoteOK, Remotive, We Work Remotely) share.

Each reads one or a few public feeds whose location is a setting (so tests and recordings
can point it elsewhere) with a built-in default, optionally narrowed with
`-a categories=a,b`, and counts what it skipped under `<spider name>/<reason>`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler

from spiders.records import link, raw_record, record_id


def split_list(value: str | None) -> list[str]:
    """`-a categories=a, b,,c` → ['a', 'b', 'c']."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


class RemoteBoardSpider(scrapy.Spider):
    """A board read from the URL in setting `url_setting` (default `default_url`)."""

    url_setting: str = ""
    default_url: str = ""
    takes_categories: bool = False
    default_categories: tuple[str, ...] = ()

    def __init__(self, categories: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        if categories is not None and not self.takes_categories:
            raise ValueError(f"{self.name} has no categories to choose from")
        self.categories = split_list(categories) or list(self.default_categories)

    @property
    def feed_url(self) -> str:
        return self.settings.get(self.url_setting) or self.default_url

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> RemoteBoardSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.allowed_domains = [urlsplit(spider.feed_url).hostname]
        return spider

    def count(self, key: str, value: int = 1) -> None:
        self.crawler.stats.inc_value(f"{self.name}/{key}", value)

    def json_body(self, response: scrapy.http.Response) -> Any:
        """The response's JSON, or None after logging and counting a body that is not JSON."""
        try:
            return response.json()
        except ValueError as exc:
            self.count("malformed")
            self.logger.error("%s is not JSON (%s): %r", response.url, exc, response.body[:80])
            return None

    def nothing_found(self, response: scrapy.http.Response) -> None:
        self.count("empty")
        self.logger.warning("%s listed no jobs", response.url)

    def job_records(
        self, response: scrapy.http.Response, elements: Iterable[Any], **context: Any
    ) -> Iterator[dict[str, Any]]:
        """A raw record per job of a JSON feed (`context` goes into each record); an element
        that is not a job (no object, no id) is counted and skipped; no job at all is reported."""
        jobs = 0
        for element in elements:
            if not isinstance(element, dict) or record_id(element.get("id")) is None:
                self.count("not_a_job")
                self.logger.warning("%s: skipped an element that is not a job", response.url)
                continue
            jobs += 1
            self.count("jobs")
            yield raw_record(
                response,
                source=self.name,
                source_id=record_id(element["id"]),
                url=link(element.get("url"), response.url),
                record=element,
                **context,
            )
        if not jobs:
            self.nothing_found(response)
