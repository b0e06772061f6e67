"""Scrapy item pipelines: what every spider's items pass before the feed export writes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from pipelines.leads import Suppression, is_suppressed, parse_suppression

KEY_FILE = "suppression.key"  # as `warehouse.erase.KEY_FILE` (spiders know no warehouse)


def read_suppressed(path: str | None) -> Suppression:
    """`<data-dir>/suppression.sha256` (lines `kind<TAB>hash<TAB>added<TAB>scheme`) with its
    key, `suppression.key`, beside it."""
    if not path or not Path(path).exists():
        return Suppression()
    key_file = Path(path).with_name(KEY_FILE)
    key = bytes.fromhex(key_file.read_text(encoding="ascii").strip()) if key_file.exists() else None
    return parse_suppression(Path(path).read_text(encoding="utf-8"), key)


class SuppressionPipeline:
    """Drop the records of people who asked to be forgotten (`sourcing forget`), whatever the
    source, before anything reaches the raw zone. Setting `SUPPRESSION_FILE` names the list;
    drops are counted in the stats (`suppression/dropped`), and `PrivateLogFormatter` keeps
    the record out of the log."""

    def __init__(self, crawler: Crawler, suppressed: Suppression) -> None:
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
