"""Scrapy item pipelines: what every spider's items pass before the feed export writes them."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.rawzone import suppression
from pipelines.rawzone.suppression import Suppression, is_suppressed


class SuppressionPipeline:
    """Drop the records of people who asked to be forgotten (`sourcing forget`), whatever the
    source, before anything reaches the raw zone. Setting `SUPPRESSION_FILE` names the list
    (its key beside it); drops are counted in the stats (`suppression/dropped`), and
    `PrivateLogFormatter` keeps the record out of the log."""

    def __init__(self, crawler: Crawler, suppressed: Suppression) -> None:
        self.stats = crawler.stats
        self.suppressed = suppressed

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SuppressionPipeline:
        return cls(crawler, suppression.load(crawler.settings.get("SUPPRESSION_FILE")))

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        if self.suppressed and is_suppressed(item, self.suppressed):
            self.stats.inc_value("suppression/dropped")
            raise DropItem("a person on the suppression list")
        return item
