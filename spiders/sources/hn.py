"""Hacker News monthly threads, read through the Algolia HN API.

The threads are posted by the `whoishiring` account each month. Without `-a threads=ID,ID`
the spider finds the newest ones by searching that account's stories, newest first, and
reads `HN_MONTHS` of them (or `-a months=N`).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response

from spiders.records import raw_record

SEARCH_PATH = "/search_by_date?tags=story,author_whoishiring&hitsPerPage=20"
COMMENT_URL = "https://news.ycombinator.com/item?id={}"
MONTH_IN_TITLE = re.compile(r"\(([A-Z][a-z]+ \d{4})\)")


def thread_ids(value: str | None) -> list[int]:
    """`-a threads=1,2` → [1, 2]; a clear error for anything that is not an item id."""
    ids = [part.strip() for part in (value or "").split(",") if part.strip()]
    bad = [part for part in ids if not part.isdigit()]
    if bad:
        raise ValueError(f"threads must be Hacker News item ids, got {', '.join(bad)}")
    return [int(part) for part in ids]


def thread_month(title: str, created_at_i: int | None) -> str | None:
    """'Ask HN: Who is hiring? (March 2026)' → '2026-03'; else the month it was posted."""
    match = MONTH_IN_TITLE.search(title or "")
    if match:
        try:
            return datetime.strptime(match.group(1), "%B %Y").strftime("%Y-%m")
        except ValueError:
            pass
    if created_at_i:
        return datetime.fromtimestamp(created_at_i, UTC).strftime("%Y-%m")
    return None


class HnThreadSpider(scrapy.Spider):
    """One raw record per top-level comment of the monthly threads named `thread_title`."""

    thread_title: str = ""

    def __init__(self, threads: str | None = None, months: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.thread_ids = thread_ids(threads)
        self.months = int(months) if months else None

    @property
    def api(self) -> str:
        """The Algolia HN API root (setting `HN_API_URL`), e.g. https://hn.algolia.com/api/v1."""
        return self.settings.get("HN_API_URL").rstrip("/")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> HnThreadSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.allowed_domains = [urlsplit(spider.api).hostname]
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.thread_ids:
            for tid in self.thread_ids:
                yield self.thread_request(tid)
        else:
            yield scrapy.Request(self.api + SEARCH_PATH, callback=self.parse_search)

    def thread_request(self, tid: int | str) -> scrapy.Request:
        return scrapy.Request(f"{self.api}/items/{tid}", callback=self.parse_thread)

    def wanted_months(self) -> int:
        return self.months or self.settings.getint("HN_MONTHS", 2)

    def _json(self, response: Response) -> dict[str, Any] | None:
        """The response's JSON object, or None (logged, and counted as `<name>/pages_failed`)
        when it is not one: truncated, HTML from a proxy, a bare list."""
        try:
            data = response.json()
        except (ValueError, AttributeError):  # not JSON, or not a text response at all
            data = None
        if isinstance(data, dict):
            return data
        self.crawler.stats.inc_value(f"{self.name}/pages_failed")
        self.logger.error(
            "%s: HTTP %s, not a JSON object (%d bytes of %s)",
            response.url,
            response.status,
            len(response.body),
            response.headers.get("Content-Type", b"no type").decode("latin-1"),
        )
        return None

    def parse_search(self, response: Response, found: int = 0) -> Iterator[scrapy.Request]:
        data = self._json(response)
        if data is None:
            return
        hits = sorted(
            (
                h
                for h in _list(data.get("hits"))
                if isinstance(h, dict)
                and self.thread_title in _text(h.get("title"))
                and str(h.get("objectID", "")).isdigit()
            ),
            key=lambda h: _int(h.get("created_at_i")) or 0,
            reverse=True,
        )
        for hit in hits[: self.wanted_months() - found]:
            self.crawler.stats.inc_value(f"{self.name}/threads_found")
            yield self.thread_request(hit["objectID"])
        found += min(len(hits), self.wanted_months() - found)
        page, pages = _int(data.get("page")) or 0, _int(data.get("nbPages")) or 1
        if found < self.wanted_months() and page + 1 < pages:
            yield response.follow(
                f"{self.api}{SEARCH_PATH}&page={page + 1}",
                self.parse_search,
                cb_kwargs={"found": found},
            )
        elif found == 0:
            self.logger.error("No '%s' thread found in the search results", self.thread_title)

    def parse_thread(self, response: Response) -> Iterator[dict[str, Any]]:
        thread = self._json(response)
        if thread is None:
            return
        title = _text(thread.get("title"))
        if self.thread_title not in title:
            self.logger.warning(
                "Item %s is not a '%s' thread: %r", thread.get("id"), self.thread_title, title
            )
        month = thread_month(title, _int(thread.get("created_at_i")))
        self.crawler.stats.inc_value(f"{self.name}/threads")
        for comment in _list(thread.get("children")):
            # One malformed comment (a string or null among the children, no id, a number for
            # text) is counted and skipped; the rest of the thread still loads.
            if not isinstance(comment, dict) or _int(comment.get("id")) is None:
                self.crawler.stats.inc_value(f"{self.name}/comments_malformed")
                continue
            if comment.get("type") != "comment":
                continue
            # A deleted comment has no text; a trimmed dump may drop the author of a live one.
            if not comment.get("text"):
                self.crawler.stats.inc_value(f"{self.name}/comments_deleted")
                continue
            author = comment.get("author")
            if not isinstance(comment["text"], str) or not isinstance(author, str | None):
                self.crawler.stats.inc_value(f"{self.name}/comments_malformed")
                continue
            self.crawler.stats.inc_value(f"{self.name}/comments")
            # Replies are other people's records, not part of this one.
            record = {k: v for k, v in comment.items() if k != "children"}
            cid = _int(comment["id"])
            yield raw_record(
                response,
                source=self.name,
                source_id=cid,
                url=COMMENT_URL.format(cid),
                record=record,
                thread_id=_int(thread.get("id")),
                thread_title=title,
                month=month,
            )


def _int(value: Any) -> int | None:
    """An item id or timestamp as the API sends it (a number, or digits), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


class HnHiringSpider(HnThreadSpider):
    """Job offers: top-level comments of "Ask HN: Who is hiring? (Month Year)"."""

    name = "hn_hiring"
    thread_title = "Ask HN: Who is hiring?"


class HnWantsSpider(HnThreadSpider):
    """People seeking work: top-level comments of "Ask HN: Who wants to be hired? (Month Year)".

    People who asked to be forgotten are dropped by `spiders.pipelines.SuppressionPipeline`."""

    name = "hn_wants"
    thread_title = "Ask HN: Who wants to be hired?"
