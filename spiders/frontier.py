"""A crawl frontier shared by many crawler processes, in Redis (scrapy-redis).

Off unless the `FRONTIER_URL` setting (environment `SOURCING_FRONTIER`) names a Redis
server. Then every process crawling the same source with the same `FRONTIER_KEY` shares:

- **one request queue and one set of seen URLs** (scrapy-redis's scheduler, priority queue
  and dupefilter): a request any process schedules is fetched once, by whichever process
  pops it first;
- **one politeness budget per domain**: right before a request goes out, its process
  reserves the domain's next free instant in Redis (`reserve`) and waits for it, so all
  processes together send a domain at most one request per `DOWNLOAD_DELAY`; each
  process's AutoThrottle and Retry-After backoff only ever add to that.

A process with nothing to do stays while another one is still fetching (it may yet find
links), looking at the queue again at each of Scrapy's engine heartbeats (5 s); the last
process to finish empties the queue and the seen set, so the next crawl starts afresh.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Any
from urllib.parse import urlsplit

from redis import Redis
from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)

# A worker that popped a request counts as busy for this long at most (seconds) unless it
# goes idle first: a crashed process cannot hold the others forever.
LEASE = 300
# Keys of a frontier nobody touches any more disappear after this long (seconds).
TTL = 24 * 3600

# Reserve the next free instant of one domain, on Redis's clock (no clock skew between
# machines): returns [seconds to wait, the reserved instant].
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local delay = tonumber(ARGV[1])
local ttl = math.ceil((slot + delay - now) * 1000) + 1000
redis.call('SET', KEYS[1], string.format('%.6f', slot + delay), 'PX', ttl)
return {string.format('%.6f', slot - now), string.format('%.6f', slot)}
"""


def frontier_settings(url: str, key: str) -> dict[str, Any]:
    """The Scrapy settings that put a crawl on the shared frontier at `url` under `key`."""
    return {
        "FRONTIER_URL": url,
        "FRONTIER_KEY": key,
        "REDIS_URL": url,
        "SCHEDULER": "spiders.frontier.FrontierScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_KEY": f"{key}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{key}:%(spider)s:dupefilter",
        # Never emptied by one process closing: FrontierScheduler lets the last one do it.
        "SCHEDULER_PERSIST": True,
        "DOWNLOAD_HANDLERS": {
            "http": "spiders.frontier.PoliteDownloadHandler",
            "https": "spiders.frontier.PoliteDownloadHandler",
        },
    }


class FrontierError(RuntimeError):
    """The shared frontier cannot be used: the message says why and what to do."""


def check(url: str) -> None:
    """Fail clearly, before crawling, when the frontier's Redis does not answer."""
    try:
        Redis.from_url(url, socket_connect_timeout=5).ping()
    except Exception as exc:  # bad URL, refused, timeout, auth...
        raise FrontierError(
            f"the shared frontier {url} (SOURCING_FRONTIER) does not answer: {exc};"
            " start Redis there, or unset SOURCING_FRONTIER to crawl on one process"
        ) from exc


def reserve(server: Redis, key: str, host: str, delay: float) -> tuple[float, float]:
    """Reserve `host`'s next free instant; return (seconds to wait, the instant reserved).

    Reservations of one host, from any process, are at least `delay` seconds apart."""
    wait, slot = server.eval(_RESERVE, 1, f"{key}:polite:{host}", delay)
    return float(wait), float(slot)


class FrontierScheduler(Scheduler):
    """scrapy-redis's scheduler that knows which processes still work on the frontier.

    Each process holds a lease in `<key>:<spider>:workers` while it schedules or fetches; an
    idle process keeps its spider open (it reports pending requests) while another holds
    one. Enqueue and dequeue are written here, on scrapy-redis's queue and dupefilter, to
    take the lease and to count stats without the `spider` argument Scrapy deprecated."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.key = crawler.settings["FRONTIER_KEY"]
        scheduler.worker = f"{socket.gethostname()}:{os.getpid()}"
        return scheduler

    def open(self, spider: Any) -> None:
        super().open(spider)
        self.workers = f"{self.key}:{spider.name}:workers"

    def enqueue_request(self, request: Request) -> bool:
        # Busy from before the URL is marked seen until it is in the queue: no other process
        # may find it seen, the queue empty and nobody busy, and leave (or empty the frontier).
        self._lease()
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.queue.push(request)
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        # The lease comes before the pop, so no process sees the queue empty and this
        # process idle while it holds a request. An empty queue does not end it: requests
        # may still be in flight here; `has_pending_requests` ends it once this one is idle.
        self._lease()
        request = self.queue.pop()
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def _lease(self) -> None:
        now, _ = self.server.time()
        self.server.zadd(self.workers, {self.worker: now + LEASE})

    def has_pending_requests(self) -> bool:
        """Asked by Scrapy only when this process is idle: pending if the shared queue holds
        requests or another process still fetches (and may find more)."""
        if len(self) > 0:
            return True
        self.server.zrem(self.workers, self.worker)
        return self._others_busy()

    def _others_busy(self) -> bool:
        now, _ = self.server.time()
        return self.server.zcount(self.workers, now, "+inf") > 0

    def close(self, reason: str) -> None:
        self.server.zrem(self.workers, self.worker)
        if not self._others_busy() and len(self) == 0:
            self.server.delete(self.workers)
            self.flush()
            logger.info("Last process on the frontier %s: emptied it", self.key)
        else:
            for key in (self.queue.key, self.df.key, self.workers):
                self.server.expire(key, TTL)


class PoliteDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP handler, waiting first for the domain's next free instant on the
    shared frontier, so the delay holds across processes at the moment requests leave."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.server = get_redis_from_settings(crawler.settings)
        self.key = crawler.settings["FRONTIER_KEY"]
        self.delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self.stats = crawler.stats

    async def download_request(self, request: Request) -> Response:
        host = urlsplit(request.url).hostname or ""
        wait, _ = reserve(self.server, self.key, host, self.delay)
        if wait > 0:
            self.stats.inc_value("frontier/polite_waits")
            from twisted.internet import reactor  # the one Scrapy installed, not a default

            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return await super().download_request(request)
