"""We Work Remotely: the RSS feed of each job category (one request per category, no paging).

`-a categories=remote-design-jobs,...` replaces the default categories below. Each `<item>`
becomes a record holding its child elements by tag name as the feed states them (namespaced
ones with their prefix, e.g. `media:content`; an element with attributes and no text as a
dict of its attributes). Both feed formats are read: the 2022 one with `media:content`,
`type` and `expires_at`, and the 2026 one without them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from lxml import etree
from scrapy.http import Response

from spiders.records import raw_record
from spiders.sources.remote_boards import RemoteBoardSpider

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def item_record(item: etree._Element) -> dict[str, Any]:
    """An RSS `<item>` as a dict of its children; a repeated tag becomes a list."""
    record: dict[str, Any] = {}
    for child in item:
        if not isinstance(child.tag, str):  # comments, processing instructions
            continue
        name = etree.QName(child).localname
        if child.prefix:
            name = f"{child.prefix}:{name}"
        text = (child.text or "").strip()
        value: Any = dict(child.attrib) if child.attrib and not text else child.text
        if name in record:
            previous = record[name]
            record[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            record[name] = value
    return record


class WeWorkRemotelySpider(RemoteBoardSpider):
    """One raw record per job of the category feeds (setting `WWR_FEED_URL`, a template)."""

    name = "weworkremotely"
    url_setting = "WWR_FEED_URL"
    default_url = "https://weworkremotely.com/categories/{category}.rss"
    takes_categories = True
    default_categories = (
        "remote-programming-jobs",
        "remote-back-end-programming-jobs",
        "remote-full-stack-programming-jobs",
        "remote-front-end-programming-jobs",
        "remote-devops-sysadmin-jobs",
        "remote-design-jobs",
        "remote-management-and-finance-jobs",
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.seen: set[str] = set()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for category in self.categories:
            yield scrapy.Request(
                self.feed_url.format(category=category),
                callback=self.parse,
                cb_kwargs={"category": category},
            )

    def parse(self, response: Response, category: str = "", **kwargs: Any) -> Iterator[dict]:
        try:
            root = etree.fromstring(response.body, parser=_PARSER)
        except etree.XMLSyntaxError as exc:
            self.count("malformed")
            self.logger.error("%s is not XML (%s): %r", response.url, exc, response.body[:80])
            return
        channel = root.find("channel")
        if root.tag != "rss" or channel is None:
            self.count("malformed")
            self.logger.error("%s: not an RSS 2.0 feed (root <%s>)", response.url, root.tag)
            return
        items = channel.findall("item")
        for item in items:
            record = item_record(item)
            job_id = record.get("guid") or record.get("link")
            if not isinstance(job_id, str) or not job_id.strip():
                self.count("not_a_job")
                self.logger.warning("%s: skipped an item with no guid or link", response.url)
                continue
            job_id = job_id.strip()
            if job_id in self.seen:  # one job listed in two of the requested categories
                self.count("duplicates")
                continue
            self.seen.add(job_id)
            self.count("jobs")
            yield raw_record(
                response,
                source=self.name,
                source_id=job_id,
                url=(record.get("link") or job_id).strip(),
                record=record,
                feed_category=category,
            )
        if not items:
            self.nothing_found(response)
