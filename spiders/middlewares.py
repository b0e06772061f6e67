"""Downloader middlewares: answer requests from HAR files or record them into one, and retry
politely when a server asks us to wait.

The HAR middlewares sit next to the downloader (see `settings.DOWNLOADER_MIDDLEWARES`), so
robots.txt, retries, redirects, decompression, stats and feed exports run unchanged over
replayed responses.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes

from spiders.har import (
    HarResponse,
    har_entry,
    load_entries,
    read_har_entries,
    request_key,
    write_har,
)

logger = logging.getLogger(__name__)


def _har_path(crawler: Crawler, setting: str) -> Path:
    """The HAR file (or folder) `setting` names; without one the middleware stays off."""
    path = crawler.settings.get(setting)
    if not path:
        raise NotConfigured
    return Path(path)


class HarReplayMiddleware:
    """Answer every request from the HAR file(s) named by the `HAR_REPLAY` setting.

    A request with no entry gets a 404 response: it is logged and counted (`har/miss`),
    never fatal, and never sent to the network.
    """

    def __init__(self, crawler: Crawler, entries: dict) -> None:
        self.stats = crawler.stats
        self.entries = entries

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HarReplayMiddleware:
        path = _har_path(crawler, "HAR_REPLAY")
        entries = load_entries(path)
        logger.info("Replaying %d recorded responses from %s", len(entries), path)
        return cls(crawler, entries)

    def process_request(self, request: Request, spider: Spider | None = None) -> Response:
        recorded: HarResponse | None = self.entries.get(request_key(request.method, request.url))
        if recorded is None:
            robots = request.url.endswith("/robots.txt")
            self.stats.inc_value("har/miss_robots" if robots else "har/miss")
            if not robots:
                logger.warning("No recorded response for %s %s", request.method, request.url)
            return Response(request.url, status=404, request=request)
        self.stats.inc_value("har/hit")
        headers = Headers(recorded.headers)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=recorded.body)
        return cls(
            url=request.url,
            status=recorded.status,
            headers=headers,
            body=recorded.body,
            request=request,
        )


class HarRecorderMiddleware:
    """Add every response the crawl received to the HAR file named by `HAR_RECORD` (created
    if missing), so the crawls of one `sourcing run` share one recording."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: list[dict] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HarRecorderMiddleware:
        middleware = cls(_har_path(crawler, "HAR_RECORD"))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        self.entries.append(
            har_entry(
                method=request.method,
                url=request.url,
                request_headers=_pairs(request.headers),
                status=response.status,
                response_headers=_pairs(response.headers),
                body=response.body,
                started=datetime.now(UTC).isoformat(timespec="milliseconds"),
            )
        )
        return response

    def spider_closed(self, spider: Spider) -> None:
        write_har(self.path, read_har_entries(self.path) + self.entries)
        logger.info("Recorded %d responses to %s", len(self.entries), self.path)


def _pairs(headers: Headers) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """A `Retry-After` header in seconds: delta-seconds or an HTTP date (RFC 9110), else None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, plus `Retry-After` on 429 and 503: the domain's requests
    (its download slot) wait as long as the server asked before the retry goes out.

    A wait longer than `RETRY_AFTER_MAX` seconds is not retried at all (the server asked us
    to stay away longer than a crawl should block); the response then fails like any other
    HTTP error. Waits are counted (`retry_after/waits`, `retry_after/seconds`)."""

    CODES = (429, 503)

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 120.0)
        self.paused_until: dict[str, float] = {}  # download slot -> monotonic time

    def _slot(self, request: Request) -> str:
        return self.crawler.engine.downloader.get_slot_key(request)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        wait = self.paused_until.get(self._slot(request), 0.0) - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        wait = None
        if response.status in self.CODES and not request.meta.get("dont_retry", False):
            wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is None:
            return super().process_response(request, response)
        stats = self.crawler.stats
        if wait > self.max_wait:
            stats.inc_value("retry_after/too_long")
            logger.warning(
                "%s asked to wait %.0fs before retrying %s (more than RETRY_AFTER_MAX, %.0fs):"
                " not retried",
                response.status,
                wait,
                request.url,
                self.max_wait,
            )
            return response
        slot = self._slot(request)
        self.paused_until[slot] = max(self.paused_until.get(slot, 0.0), time.monotonic() + wait)
        retry = super().process_response(request, response)
        if isinstance(retry, Request):
            stats.inc_value("retry_after/waits")
            stats.inc_value("retry_after/seconds", round(wait))
            logger.info("%s: waiting %.0fs (Retry-After) before %s", response.status, wait, slot)
        return retry
