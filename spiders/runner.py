"""Run one spider in this process and write its items to a raw-zone file.

`sourcing` starts this module in a subprocess for every crawl (Twisted's reactor cannot be
restarted inside one process):

    python -m spiders.runner hn_hiring --out data/raw/hn_hiring/2026-11-28/RUN.jsonl \\
        --stats stats.json [--replay FILE.har] [--record FILE.har] [-a threads=ID] [-s NAME=VALUE]

Items go to `<out>.part` through Scrapy's feed exports and the file is renamed to `<out>`
only when the crawl has finished, so the raw zone never holds a half-written file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from pipelines.rawzone.files import publish
from pipelines.rawzone.layout import part_file


def crawl_settings(out: Path, replay: str | None, record: str | None, cache: str | None) -> dict:
    settings: dict = {
        "FEEDS": {str(out): {"format": "jsonlines", "overwrite": True, "encoding": "utf-8"}},
        "HAR_REPLAY": replay,
        "HAR_RECORD": record,
        "LOG_INSTALL_ROOT_HANDLER": True,
    }
    if replay:
        # Recorded responses come back instantly; the politeness delays serve no one.
        settings.update(DOWNLOAD_DELAY=0, AUTOTHROTTLE_ENABLED=False, RETRY_ENABLED=False)
    elif cache:
        settings.update(HTTPCACHE_ENABLED=True, HTTPCACHE_DIR=cache)
    return settings


def run(
    source: str,
    out: Path,
    spider_args: dict[str, str],
    replay: str | None = None,
    record: str | None = None,
    cache: str | None = None,
    overrides: dict[str, str] | None = None,
) -> dict:
    """Crawl `source` into `out` and return the crawl's stats."""
    settings = get_project_settings()
    spider_cls = SpiderLoader.from_settings(settings).load(source)
    part = part_file(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    settings.setdict(overrides or {}, priority="cmdline")
    settings.setdict(crawl_settings(part, replay, record, cache), priority="cmdline")
    if settings.get("FRONTIER_URL") and not replay:
        from spiders.frontier import check, frontier_settings  # redis: only when shared

        check(settings["FRONTIER_URL"])
        shared = frontier_settings(settings["FRONTIER_URL"], settings["FRONTIER_KEY"])
        settings.setdict(shared, priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    process.crawl(crawler, **spider_args)
    process.start()
    stats = {
        k: v.isoformat() if hasattr(v, "isoformat") else v
        for k, v in crawler.stats.get_stats().items()
    }
    if part.exists() and stats.get("item_scraped_count", 0) > 0:
        publish(part, out)
    else:
        part.unlink(missing_ok=True)
    return stats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--stats", type=Path, required=True)
    parser.add_argument("--replay")
    parser.add_argument("--record")
    parser.add_argument("--cache")
    parser.add_argument("-a", dest="args", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    ns = parser.parse_args(argv)
    os.umask(0o077)  # the raw file, the log and the HTTP cache hold people's posts: owner-only
    spider_args = dict(arg.split("=", 1) for arg in ns.args)
    overrides = dict(arg.split("=", 1) for arg in ns.settings)
    stats = run(ns.source, ns.out, spider_args, ns.replay, ns.record, ns.cache, overrides)
    ns.stats.write_text(json.dumps(stats, indent=1, default=str), encoding="utf-8")
    sys.exit(0)


if __name__ == "__main__":
    main()
