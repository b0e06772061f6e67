"""RemoteOK: every job on the board, from its public JSON API (one request, no paging).

The API answers a list whose first element is a legal notice, not a job: it asks for a
followed link back to the posting on Remote OK and a mention of Remote OK as the source. The
notice is skipped (counted as `remoteok/legal_notice`); every record keeps its `url` and
carries the credit in its context (`attribution`) so exports can honour those terms.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from spiders.sources.remote_boards import RemoteBoardSpider

ATTRIBUTION = "Remote OK (https://remoteok.com)"


class RemoteOkSpider(RemoteBoardSpider):
    """One raw record per job of `https://remoteok.com/api` (setting `REMOTEOK_API_URL`)."""

    name = "remoteok"
    url_setting = "REMOTEOK_API_URL"
    default_url = "https://remoteok.com/api"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(self.feed_url, callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        data = self.json_body(response)
        if data is None:
            return
        if not isinstance(data, list):
            self.count("malformed")
            self.logger.error("%s: expected a JSON list, got %s", response.url, type(data).__name__)
            return
        yield from self.job_records(response, self._without_notice(data), attribution=ATTRIBUTION)

    def _without_notice(self, data: list[Any]) -> Iterator[Any]:
        for element in data:
            if isinstance(element, dict) and "legal" in element and "id" not in element:
                self.count("legal_notice")
            else:
                yield element
