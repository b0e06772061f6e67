"""Paged public job-feed APIs: Arbeitnow, Himalayas, Jobicy and Get on Board.

Each answers a JSON document holding one page of its newest jobs. The spiders read the first
`-a pages=N` pages (default `default_pages`), follow the source's own paging (Arbeitnow's
`links.next`, Himalayas' `nextCursor`, Get on Board's `meta.total_pages`) and stop early at
an empty page or at the end. What they read is a feed of recent jobs, not the whole board
(the catalog's `listing: feed`), so a job missing from a later crawl is not thereby closed.

A page that is not JSON, or has no job list, is logged and counted (`<name>/malformed`) and
ends the paging; the jobs read so far are kept.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlencode

import scrapy
from scrapy.http import Response

from pipelines.catalog import spider_settings
from spiders.records import raw_record
from spiders.sources.remote_boards import RemoteBoardSpider, split_list


def page_count(value: str | int | None, default: int) -> int:
    """`-a pages=3` → 3; a clear error for anything that is not a positive whole number."""
    if value is None or value == "":
        return default
    try:
        pages = int(value)
    except ValueError:
        pages = 0
    if pages < 1:
        raise ValueError(f"pages must be a positive whole number, got {value!r}")
    return pages


class FeedSpider(RemoteBoardSpider):
    """Pages of a JSON feed: subclasses say where the jobs are, their id and the next page."""

    default_pages = 3
    jobs_key = "jobs"

    def __init__(self, pages: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.pages = page_count(pages, self.default_pages)
        self.seen: set[str] = set()

    def first_requests(self) -> list[scrapy.Request]:
        return [scrapy.Request(self.feed_url, callback=self.parse)]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.first_requests():
            yield request

    def jobs(self, data: Any) -> list | None:
        """The page's items, or None when it has no list of them (a changed format)."""
        jobs = data.get(self.jobs_key) if isinstance(data, dict) else None
        return jobs if isinstance(jobs, list) else None

    def job_id(self, job: dict[str, Any]) -> Any:
        return job.get("id")

    def job_url(self, job: dict[str, Any]) -> str | None:
        return job.get("url")

    def next_url(self, data: dict[str, Any], response: Response, jobs: int) -> str | None:
        """The next page's URL, or None at the end."""
        return None

    def context(self, response: Response) -> dict[str, Any]:
        return {}

    def parse(self, response: Response, page: int = 1, **kwargs: Any) -> Iterator[Any]:
        data = self.json_body(response)
        if data is None:
            return
        jobs = self.jobs(data)
        if jobs is None:
            self.count("malformed")
            self.logger.error("%s: no %r list in the response", response.url, self.jobs_key)
            return
        self.count("pages")
        yielded = 0
        for job in jobs:
            job_id = self.job_id(job) if isinstance(job, dict) else None
            if job_id in (None, ""):
                self.count("not_a_job")
                self.logger.warning("%s: skipped an element that is not a job", response.url)
                continue
            if str(job_id) in self.seen:  # listed on two pages or under two filters
                self.count("duplicates")
                continue
            self.seen.add(str(job_id))
            yielded += 1
            self.count("jobs")
            yield raw_record(
                response,
                source=self.name,
                source_id=job_id,
                url=self.job_url(job) or response.url,
                record=job,
                **self.context(response),
            )
        if not jobs:
            self.nothing_found(response)
            return
        following = self.next_url(data, response, len(jobs))
        if following and page < self.pages:
            yield scrapy.Request(
                following, callback=self.parse, cb_kwargs={**kwargs, "page": page + 1}
            )


class ArbeitnowSpider(FeedSpider):
    """`{"data": [...], "links": {"next": URL|null}, "meta": {...}}`, 100 jobs a page;
    a job's id is its `slug` (setting `ARBEITNOW_API_URL`)."""

    name = "arbeitnow"
    custom_settings = spider_settings("arbeitnow")
    url_setting = "ARBEITNOW_API_URL"
    default_url = "https://www.arbeitnow.com/api/job-board-api"
    jobs_key = "data"

    def job_id(self, job: dict[str, Any]) -> Any:
        return job.get("slug")

    def next_url(self, data: dict[str, Any], response: Response, jobs: int) -> str | None:
        links = data.get("links")
        following = links.get("next") if isinstance(links, dict) else None
        return following if isinstance(following, str) and following else None


class HimalayasSpider(FeedSpider):
    """`{"jobs": [...], "offset", "limit", "totalCount", "nextCursor"}` (setting
    `HIMALAYAS_API_URL`): pages by `cursor` when the answer gives one, else by `offset`.
    A job's id is its `guid` (its page on Himalayas)."""

    name = "himalayas"
    custom_settings = spider_settings("himalayas")
    url_setting = "HIMALAYAS_API_URL"
    default_url = "https://himalayas.app/jobs/api"
    limit = 20  # the API's page size

    def first_requests(self) -> list[scrapy.Request]:
        url = f"{self.feed_url}?{urlencode({'limit': self.limit, 'offset': 0})}"
        return [scrapy.Request(url, callback=self.parse)]

    def job_id(self, job: dict[str, Any]) -> Any:
        return job.get("guid") or job.get("applicationLink")

    def job_url(self, job: dict[str, Any]) -> str | None:
        return job.get("guid") or job.get("applicationLink")

    def next_url(self, data: dict[str, Any], response: Response, jobs: int) -> str | None:
        cursor = data.get("nextCursor")
        if isinstance(cursor, str) and cursor:
            return f"{self.feed_url}?{urlencode({'limit': self.limit, 'cursor': cursor})}"
        offset, total = data.get("offset"), data.get("totalCount")
        if isinstance(offset, int) and isinstance(total, int) and offset + jobs < total:
            return f"{self.feed_url}?{urlencode({'limit': self.limit, 'offset': offset + jobs})}"
        return None


class JobicySpider(FeedSpider):
    """The latest jobs of each industry, `?count=100&industry=<slug>` (`-a industries=a,b`;
    default data science and engineering; setting `JOBICY_API_URL`). The API does not page.
    Jobicy asks to be credited with a link: every record carries the credit in its context."""

    name = "jobicy"
    custom_settings = spider_settings("jobicy")
    url_setting = "JOBICY_API_URL"
    default_url = "https://jobicy.com/api/v2/remote-jobs"
    default_industries = ("data-science", "engineering")
    count_per_request = 100

    def __init__(self, industries: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.industries = split_list(industries) or list(self.default_industries)

    def first_requests(self) -> list[scrapy.Request]:
        return [
            scrapy.Request(
                f"{self.feed_url}?{urlencode({'count': self.count_per_request, 'industry': i})}",
                callback=self.parse,
            )
            for i in self.industries
        ]

    def context(self, response: Response) -> dict[str, Any]:
        return {"attribution": "Jobicy (https://jobicy.com)"}


class GetOnBoardSpider(FeedSpider):
    """Get on Board (Latin America): the jobs of each category, JSON:API pages
    `{"data": [...], "meta": {"page", "per_page", "total_pages"}}` with the company expanded
    (`-a categories=a,b`; default data science and machine learning; setting
    `GETONBOARD_API_URL`, the categories endpoint)."""

    name = "getonboard"
    custom_settings = spider_settings("getonboard")
    url_setting = "GETONBOARD_API_URL"
    default_url = "https://www.getonbrd.com/api/v0/categories"
    takes_categories = True
    default_categories = ("data-science-analytics", "machine-learning-ai")
    jobs_key = "data"
    per_page = 100

    def page_url(self, category: str, page: int) -> str:
        query = urlencode({"per_page": self.per_page, "page": page, "expand": '["company"]'})
        return f"{self.feed_url}/{category}/jobs?{query}"

    def first_requests(self) -> list[scrapy.Request]:
        return [
            scrapy.Request(self.page_url(c, 1), callback=self.parse, cb_kwargs={"category": c})
            for c in self.categories
        ]

    def job_url(self, job: dict[str, Any]) -> str | None:
        links = job.get("links")
        return links.get("public_url") if isinstance(links, dict) else None

    def context(self, response: Response) -> dict[str, Any]:
        return {"category": response.cb_kwargs.get("category")}

    def next_url(self, data: dict[str, Any], response: Response, jobs: int) -> str | None:
        meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
        page, pages = meta.get("page"), meta.get("total_pages")
        category = response.cb_kwargs.get("category")
        if isinstance(page, int) and isinstance(pages, int) and page < pages and category:
            return self.page_url(category, page + 1)
        return None
