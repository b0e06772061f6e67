"""Scrapy item pipelines: what every spider's items pass before the feed export writes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.leads import is_suppressed


def read_suppressed(path: str | None) -> frozenset[str]:
    """The hashes of `<data-dir>/suppression.sha256` (lines `kind<TAB>sha256<TAB>added`)."""
    if not path or not Path(path).exists():
        return frozenset()
    rows = [line.split("\t") for line in Path(path).read_text(encoding="utf-8").splitlines()]
    return frozenset(r[1].strip() for r in rows if len(r) > 1 and not r[0].startswith("#"))


class SuppressionPipeline:
    """Drop the records of people who asked to be forgotten (`sourcing forget`), whatever the
    source, before anything reaches the raw zone. Setting `SUPPRESSION_FILE` names the list;
    drops are counted in the stats (`suppression/dropped`), and `PrivateLogFormatter` keeps
    the record out of the log."""

    def __init__(self, crawler: Crawler, suppressed: frozenset[str]) -> None:
        self.stats = crawler.stats
        self.suppressed = suppressed

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SuppressionPipeline:
        return cls(crawler, read_suppressed(crawler.settings.get("SUPPRESSION_FILE")))

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if self.suppressed and is_suppressed(item, self.suppressed):
            self.stats.inc_value("suppression/dropped")
            raise DropItem("a person on the suppression list")
        return item
