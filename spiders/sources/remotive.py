"""Remotive: remote jobs from its public API (one request per category, no paging).

By default the spider reads the unfiltered feed `https://remotive.com/api/remote-jobs`: one
request (Remotive asks for few) that holds the data, software-dev and AI/ML categories the
project is after and the rest of the board, which analysts need to compare the ML share.
`-a categories=data,software-dev,ai-ml` asks for `?category=<slug>` per category instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlencode

import scrapy
from scrapy.http import Response

from spiders.sources.remote_boards import RemoteBoardSpider


class RemotiveSpider(RemoteBoardSpider):
    """One raw record per job of the Remotive API (setting `REMOTIVE_API_URL`)."""

    name = "remotive"
    url_setting = "REMOTIVE_API_URL"
    default_url = "https://remotive.com/api/remote-jobs"
    takes_categories = True

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if not self.categories:
            yield scrapy.Request(self.feed_url, callback=self.parse)
        for slug in self.categories:
            url = f"{self.feed_url}?{urlencode({'category': slug})}"
            yield scrapy.Request(url, callback=self.parse, cb_kwargs={"category": slug})

    def parse(
        self, response: Response, category: str | None = None, **kwargs: Any
    ) -> Iterator[dict[str, Any]]:
        data = self.json_body(response)
        if data is None:
            return
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            self.count("malformed")
            self.logger.error("%s: no 'jobs' list in the response", response.url)
            return
        context = {"category_slug": category} if category else {}
        yield from self.job_records(response, jobs, **context)
