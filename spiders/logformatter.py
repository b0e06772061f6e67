"""Log lines about items that name the record, never print it: records can hold personal
data (a Hacker News handle, an email address in a comment), which must not reach logs."""

from __future__ import annotations

from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


def _name(item: Any) -> str:
    if isinstance(item, dict) and "source" in item:
        return f"{item['source']} record {item.get('source_id')}"
    return type(item).__name__


def _private(result: LogFormatterResult, msg: str, item: Any, **args: Any) -> LogFormatterResult:
    """Scrapy's own log entry (its level kept) with the item named, not printed."""
    return {**result, "msg": msg, "args": {"item": _name(item), **args}}


class PrivateLogFormatter(LogFormatter):
    """Scrapy's entries for scraped, dropped and failed items. `where` is the response (or
    failure) and the spider, passed on to Scrapy's own formatter untouched."""

    def scraped(self, item: Any, *where: Response | Failure | Spider | None) -> LogFormatterResult:
        return _private(super().scraped(item, *where), "Scraped %(item)s", item)

    def dropped(
        self, item: Any, exception: BaseException, *where: Response | Failure | Spider | None
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, *where)
        return _private(result, "Dropped %(item)s: %(exception)s", item, exception=exception)

    def item_error(
        self, item: Any, exception: BaseException, *where: Response | Failure | Spider | None
    ) -> LogFormatterResult:
        return _private(
            super().item_error(item, exception, *where), "Error processing %(item)s", item
        )
