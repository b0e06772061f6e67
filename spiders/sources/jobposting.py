"""schema.org `JobPosting`s embedded in any HTML page (JSON-LD, and microdata), via extruct.

Pages come from `-a urls=URL,URL`, or from `-a sitemap=URL,URL` (a sitemap index, a sitemap
or a site's robots.txt; `.xml.gz` works too), or by default from the shipped, editable list
`spiders/jobposting_pages.yaml` (setting `JOBPOSTING_PAGES_FILE`). From a sitemap index only
the sitemaps matching `-a sitemap_follow=REGEX` are read, and from a sitemap only the pages
matching `-a sitemap_pages=REGEX` (both default to everything); at most `JOBPOSTING_MAX_PAGES`
pages are fetched per crawl (`-a max_pages=N`).

A page may hold any number of postings: one raw record per `JobPosting` object, wherever it
sits (top level, a JSON-LD array, `@graph`, inside an `ItemList` or a `WebPage`). A page whose
structured data cannot be parsed is logged, counted (`jobposting/pages_malformed`) and skipped.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import scrapy
import yaml
from scrapy.http import Response
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from spiders.records import raw_record

PAGES_FILE = Path(__file__).resolve().parent.parent / "jobposting_pages.yaml"
MAX_PAGES = 200  # default of the JOBPOSTING_MAX_PAGES setting
SYNTAXES = ["json-ld", "microdata"]


def url_list(value: str | None, what: str) -> list[str]:
    """`-a urls=a,b` → ['a', 'b']; a clear error for anything that is not an http(s) URL."""
    urls = [part.strip() for part in (value or "").split(",") if part.strip()]
    bad = [u for u in urls if urlsplit(u).scheme not in ("http", "https") or not urlsplit(u).netloc]
    if bad:
        raise ValueError(f"{what} must be http(s) URLs, got {', '.join(bad)}")
    return urls


def load_pages(path: Path = PAGES_FILE) -> tuple[list[str], list[str]]:
    """The shipped list: `pages:` (page URLs) and `sitemaps:` (sitemap URLs)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return (
        url_list(",".join(data.get("pages") or []), f"{path}: pages"),
        url_list(",".join(data.get("sitemaps") or []), f"{path}: sitemaps"),
    )


def is_job_posting(node: dict[str, Any]) -> bool:
    """`@type` JobPosting, also as one of several types or as a full schema.org IRI."""
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1] == "JobPosting" for t in types)


def job_postings(data: Any) -> Iterator[dict[str, Any]]:
    """Every JobPosting object in extracted structured data, outermost first, in page order."""
    if isinstance(data, list):
        for item in data:
            yield from job_postings(item)
    elif isinstance(data, dict):
        if is_job_posting(data):
            yield data
            return
        for value in data.values():
            yield from job_postings(value)


def nodes_by_id(data: Any, found: dict[str, dict] | None = None) -> dict[str, dict]:
    """`@id` → node for every node that says more than its `@id` (to resolve references)."""
    found = {} if found is None else found
    if isinstance(data, list):
        for item in data:
            nodes_by_id(item, found)
    elif isinstance(data, dict):
        if isinstance(data.get("@id"), str) and len(data) > 1:
            found.setdefault(data["@id"], data)
        for value in data.values():
            nodes_by_id(value, found)
    return found


def source_id(posting: dict[str, Any], page_url: str) -> str:
    """The posting's own id: `identifier.value` (or a bare identifier) scoped by the page's
    host, since sites number their jobs independently; else its `@id`; else a stable hash of
    the page URL and title."""
    host = urlsplit(page_url).hostname or ""
    ident = posting.get("identifier")
    if isinstance(ident, list):
        ident = ident[0] if ident else None
    if isinstance(ident, dict):
        ident = ident.get("value")
    if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident).strip():
        return f"{host}:{str(ident).strip()}"
    own = posting.get("@id")
    if isinstance(own, str) and own.strip():
        return own.strip() if urlsplit(own).netloc else f"{host}:{own.strip()}"
    title = posting.get("title")
    key = f"{page_url}\x1f{title if isinstance(title, str) else ''}"
    return f"{host}:{hashlib.sha1(key.encode()).hexdigest()[:16]}"


class JobPostingSpider(scrapy.Spider):
    """One raw record per JobPosting; context = the page it was found on and the syntax, plus
    the hiring organization's node when the posting only refers to it by `@id`."""

    name = "jobposting"

    def __init__(
        self,
        urls: str | None = None,
        sitemap: str | None = None,
        sitemap_follow: str | None = None,
        sitemap_pages: str | None = None,
        max_pages: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.urls = url_list(urls, "urls")
        self.sitemaps = url_list(sitemap, "sitemap")
        self.follow = re.compile(sitemap_follow or "")
        self.page_filter = re.compile(sitemap_pages or "")
        self.max_pages = int(max_pages) if max_pages else None
        self.pages_requested = 0
        self.seen: set[str] = set()

    def count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"{self.name}/{key}", n)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        urls, sitemaps = self.urls, self.sitemaps
        if not urls and not sitemaps:
            listed = Path(self.settings.get("JOBPOSTING_PAGES_FILE") or PAGES_FILE)
            urls, sitemaps = load_pages(listed)
            if not urls and not sitemaps:
                self.logger.warning(
                    "Nothing to crawl: pass -a urls= or -a sitemap=, or list pages in %s", listed
                )
        for url in sitemaps:
            yield scrapy.Request(url, callback=self.parse_sitemap)
        for url in urls:
            if request := self.page_request(url):
                yield request

    def page_request(self, url: str) -> scrapy.Request | None:
        cap = self.max_pages or self.settings.getint("JOBPOSTING_MAX_PAGES", MAX_PAGES)
        if self.pages_requested >= cap:
            if self.pages_requested == cap:
                self.logger.warning("Page cap of %d reached; the other pages are skipped", cap)
            self.pages_requested += 1
            self.count("pages_over_cap")
            return None
        self.pages_requested += 1
        return scrapy.Request(url, callback=self.parse)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        if urlsplit(response.url).path == "/robots.txt":
            for url in sitemap_urls_from_robots(response.text, base_url=response.url):
                yield scrapy.Request(url, callback=self.parse_sitemap)
            return
        try:
            body = response.body
            if gzip_magic_number(response):
                body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            sitemap = Sitemap(body)
        except (OSError, ValueError, lxml.etree.LxmlError, StopIteration):  # bad gzip or XML
            sitemap = None
        if sitemap is None or sitemap.type not in ("sitemapindex", "urlset"):
            self.count("sitemaps_invalid")
            self.logger.error("Not a sitemap: %s; skipped", response.url)
            return
        self.count("sitemaps")
        locs = [entry["loc"] for entry in sitemap if entry.get("loc")]
        if sitemap.type == "sitemapindex":
            for loc in locs:
                if self.follow.search(loc):
                    yield scrapy.Request(loc, callback=self.parse_sitemap)
            return
        for loc in locs:
            if self.page_filter.search(loc) and (request := self.page_request(loc)):
                yield request

    def parse(self, response: Response) -> Iterator[dict[str, Any]]:
        if not hasattr(response, "text") or not response.text.strip():
            self.count("pages_empty")
            self.logger.warning("Empty or not a text page: %s; skipped", response.url)
            return
        import extruct  # 0.7 s to import: only this spider's crawls pay for it

        try:
            data = extruct.extract(
                response.text, base_url=response.url, syntaxes=SYNTAXES, uniform=True
            )
        except Exception as exc:  # any page may hold any kind of broken markup
            data = self.json_ld_blocks(response)
            if not data["json-ld"]:
                self.count("pages_malformed")
                self.logger.warning(
                    "Unreadable structured data in %s (%s: %s); page skipped",
                    response.url,
                    type(exc).__name__,
                    exc,
                )
                return
        self.count("pages")
        found = 0
        for syntax in SYNTAXES:
            refs = nodes_by_id(data.get(syntax))
            for posting in job_postings(data.get(syntax)):
                found += 1
                sid = source_id(posting, response.url)
                if sid in self.seen:  # the same posting in both syntaxes, or on two pages
                    self.count("postings_duplicate")
                    continue
                self.seen.add(sid)
                yield self.record(response, posting, sid, syntax, refs)
        if not found:
            self.count("pages_without_postings")
            self.logger.info("No JobPosting in %s", response.url)

    def json_ld_blocks(self, response: Response) -> dict[str, list]:
        """When extruct gives up on a page (one broken JSON-LD block fails it whole), each
        JSON-LD block on its own: the broken ones are counted (`ld_blocks_malformed`), the
        others still give their postings."""
        blocks = []
        try:
            texts = response.xpath('//script[@type="application/ld+json"]/text()').getall()
        except Exception:  # markup lxml cannot even tokenize
            texts = []
        for text in texts:
            try:
                blocks.append(json.loads(text))
            except ValueError:
                self.count("ld_blocks_malformed")
        return {"json-ld": blocks, "microdata": []}

    def record(
        self,
        response: Response,
        posting: dict[str, Any],
        sid: str,
        syntax: str,
        refs: dict[str, dict],
    ) -> dict[str, Any]:
        self.count("postings")
        context: dict[str, Any] = {"page_url": response.url, "syntax": syntax}
        org = posting.get("hiringOrganization")
        if isinstance(org, dict) and set(org) <= {"@id", "@type"} and org.get("@id") in refs:
            context["hiring_organization"] = refs[org["@id"]]
        url = posting.get("url")
        return raw_record(
            response,
            source=self.name,
            source_id=sid,
            url=urljoin(response.url, url.strip()) if isinstance(url, str) else response.url,
            record=posting,
            **context,
        )
