"""Scrapy settings shared by every spider: polite by default.

`sourcing` adds the per-run settings (feed export path, HAR replay or record, cache folder)
when it starts a crawl; see `spiders.runner`.
"""

import os

BOT_NAME = "ml-sourcing"
SPIDER_MODULES = ["spiders.sources"]
NEWSPIDER_MODULE = "spiders.sources"

# Identify the crawler honestly, with a way to reach its operator.
CONTACT_URL = os.environ.get("SOURCING_CONTACT_URL", "https://github.com/ml-sourcing/ml-sourcing")
USER_AGENT = f"ml-sourcing/0.1 (+{CONTACT_URL})"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
RETRY_TIMES = 3
# The longest Retry-After a crawl waits for (seconds); a server asking for more is not retried.
RETRY_AFTER_MAX = 120
# Stop a crawl that keeps failing instead of hammering a struggling site.
CLOSESPIDER_ERRORCOUNT = 10

# Development cache; `spiders.runner` points it into the data directory and turns it off
# when replaying recorded responses.
HTTPCACHE_ENABLED = False
HTTPCACHE_EXPIRATION_SECS = 6 * 3600
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

DOWNLOADER_MIDDLEWARES = {
    # Retries that honour Retry-After (429, 503) per domain, in place of Scrapy's own.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.RetryAfterMiddleware": 550,
    # Next to the downloader, so retries, redirects, decompression and stats see
    # recorded responses exactly as they would see live ones.
    "spiders.middlewares.HarReplayMiddleware": 950,
    "spiders.middlewares.HarRecorderMiddleware": 960,
}
HAR_REPLAY = None  # a HAR file or folder: answer every request from it, never the network
HAR_RECORD = None  # a HAR file: write every response received into it

# People who asked to be forgotten never reach the raw zone, from any source; `sourcing`
# points SUPPRESSION_FILE at `<data-dir>/suppression.sha256`.
ITEM_PIPELINES = {"spiders.pipelines.SuppressionPipeline": 100}
SUPPRESSION_FILE = None

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
# Items may hold personal data: log lines name them (source and id), never print them.
LOG_FORMATTER = "spiders.logformatter.PrivateLogFormatter"

# The Algolia Hacker News API; each thread is fetched as <HN_API_URL>/items/<id>.
HN_API_URL = "https://hn.algolia.com/api/v1"
# How many monthly Hacker News threads the HN spiders read when no thread ids are given.
HN_MONTHS = 2

# The shared crawl frontier (`spiders.frontier`): a Redis URL puts every crawl's queue, seen
# URLs and per-domain delay there, shared by all processes with the same key; off when unset.
FRONTIER_URL = os.environ.get("SOURCING_FRONTIER") or None
FRONTIER_KEY = os.environ.get("SOURCING_FRONTIER_KEY") or "ml-sourcing"
