"""Dagster resources: where the raw zone is, and how crawls run (live, replayed, recorded)."""

from __future__ import annotations

import dagster as dg

from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlResult, crawl


class RawZoneResource(dg.ConfigurableResource):
    """The data directory (a folder, or a URL on an object store); the raw zone is
    `<data_dir>/raw`."""

    data_dir: str

    def zone(self) -> RawZone:
        return RawZone(self.data_dir)


class CrawlerResource(dg.ConfigurableResource):
    """How spiders run. `replay`: answer every request from HAR file(s), never the network.
    `record`: a HAR file that receives every response the crawls fetched (each crawl adds
    its entries to it).
    `spider_args`: `source:key=value` pins such as `hn_hiring:threads=123`.
    `retries`: a failed crawl follows the crawl assets' retry policy (off: it fails at once,
    as `sourcing run` wants)."""

    replay: str | None = None
    record: str | None = None
    spider_args: list[str] = []
    timeout_seconds: int = 3600
    retries: bool = True

    def args_for(self, source: str) -> dict[str, str]:
        args = {}
        for item in self.spider_args:
            name, _, pair = item.partition(":")
            if name == source and "=" in pair:
                key, value = pair.split("=", 1)
                args[key] = value
        return args

    def crawl(self, source: str, zone: RawZone) -> CrawlResult:
        return crawl(
            source,
            zone,
            replay=self.replay,
            record=self.record,
            spider_args=self.args_for(source),
            cache_dir=zone.cache_dir,
            timeout=self.timeout_seconds,
        )
