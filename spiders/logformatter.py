"""Log lines about items that name the record, never print it: records can hold personal
data (a Hacker News handle, an email address in a comment), which must not reach logs."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


def _name(item: Any) -> str:
    if isinstance(item, dict) and "source" in item:
        return f"{item['source']} record {item.get('source_id')}"
    return type(item).__name__


class PrivateLogFormatter(LogFormatter):
    def scraped(self, item: Any, response: Response | Failure | None, spider: Spider):
        result = super().scraped(item, response, spider)
        return {**result, "msg": "Scraped %(item)s", "args": {"item": _name(item)}}

    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        return {
            "level": logging.INFO,
            "msg": "Dropped %(item)s: %(exception)s",
            "args": {"item": _name(item), "exception": exception},
        }

    def item_error(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        result = super().item_error(item, exception, response, spider)
        return {**result, "msg": "Error processing %(item)s", "args": {"item": _name(item)}}
