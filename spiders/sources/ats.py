"""Job boards hosted by applicant-tracking systems: Greenhouse, Lever, Ashby, SmartRecruiters,
Recruitee, Workable and Personio.

Each board is a public JSON document listing every open job of one company, so the spiders
differ only in the board's URL, where the jobs sit in the document and each job's id
and public URL. Boards come from `-a boards=TOKEN,TOKEN` or, by default, from the shipped
board list `spiders/boards.yaml` (setting `ATS_BOARDS_FILE`). A board that is gone (404) or
answers with something that is not a job list is logged and counted, never fatal: the other
boards still load.

Greenhouse, Lever, Ashby, Recruitee, Workable (JSON) and Personio (an XML feed) answer with
the whole board in one document. SmartRecruiters
pages its list (`offset`/`limit`, `totalFound`) and gives a job's text only in its detail
document, fetched per job.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
import yaml
from parsel import Selector
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from pipelines.catalog import ATS_SOURCES, spider_settings
from spiders.records import link, raw_record, record_id

BOARDS_FILE = Path(__file__).resolve().parent.parent / "boards.yaml"
ATS_NAMES = ATS_SOURCES


@dataclass(frozen=True)
class Board:
    token: str
    ats: str
    name: str | None = None
    careers_url: str | None = None


def load_boards(path: Path = BOARDS_FILE) -> list[Board]:
    """The board list: `boards:` entries with `name`, `ats`, `token`, `careers_url`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    boards = []
    for i, entry in enumerate(data.get("boards") or []):
        if (
            not isinstance(entry, dict)
            or not entry.get("token")
            or entry.get("ats") not in ATS_NAMES
        ):
            raise ValueError(f"{path}: board #{i + 1} needs a token and an ats in {ATS_NAMES}")
        boards.append(
            Board(str(entry["token"]), entry["ats"], entry.get("name"), entry.get("careers_url"))
        )
    return boards


def board_tokens(value: str | None) -> list[str]:
    """`-a boards=a,b` → ['a', 'b']; a clear error for a token that cannot be a URL segment."""
    tokens = [part.strip() for part in (value or "").split(",") if part.strip()]
    bad = [t for t in tokens if "/" in t or "?" in t or " " in t]
    if bad:
        raise ValueError(f"boards must be board tokens (no '/', '?' or spaces), got {bad}")
    return tokens


class AtsSpider(scrapy.Spider):
    """One raw record per job of each board; context = the board token and the company's
    name and careers page from the board list (None when the board is not listed)."""

    api_url: str = ""  # the board URL with `{token}`; setting `<NAME>_API_URL` overrides it

    def __init__(self, boards: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.tokens = board_tokens(boards)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> AtsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        host = urlsplit(spider.board_url("x")).hostname or ""
        # A board per subdomain (`<token>.recruitee.com`) allows the ATS's whole domain.
        spider.allowed_domains = [host.removeprefix("x.")]
        return spider

    def board_url(self, token: str) -> str:
        template = self.settings.get(f"{self.name.upper()}_API_URL") or self.api_url
        return template.format(token=token)

    def boards(self) -> list[Board]:
        listed = [
            b
            for b in load_boards(Path(self.settings.get("ATS_BOARDS_FILE") or BOARDS_FILE))
            if b.ats == self.name
        ]
        if not self.tokens:
            return listed
        known = {b.token.lower(): b for b in listed}
        return [known.get(t.lower(), Board(t, self.name)) for t in self.tokens]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.boards():
            yield scrapy.Request(
                self.board_url(board.token),
                callback=self.parse_board,
                errback=self.board_failed,
                cb_kwargs={"board": board},
            )

    def count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"{self.name}/{key}", n)

    def board_failed(self, failure: Failure) -> None:
        board = failure.request.cb_kwargs["board"]
        self.count("boards_failed")
        if failure.check(HttpError):
            status = failure.value.response.status
            self.logger.warning("%s board %r: HTTP %s, skipped", self.name, board.token, status)
        else:
            self.logger.warning("%s board %r failed: %s", self.name, board.token, failure.value)

    def parse_board(self, response: Response, board: Board) -> Iterator[dict[str, Any]]:
        try:
            document = self.document(response)
            jobs = self.jobs(document)
        except ValueError as exc:
            jobs, reason = None, f"not JSON ({exc})"
        else:
            reason = "no job list in it"
        if jobs is None:
            self.count("boards_malformed")
            self.logger.error("%s board %r: %s; skipped", self.name, board.token, reason)
            return
        self.count("boards")
        if not jobs:
            self.count("boards_empty")
            self.logger.info("%s board %r has no open jobs", self.name, board.token)
        context = {
            "board": board.token,
            "company": board.name or self.board_name(document),
            "careers_url": board.careers_url,
        }
        for job in jobs:
            if not isinstance(job, dict) or record_id(self.job_id(job)) is None:
                self.count("jobs_without_id")
                continue
            self.count("jobs")
            yield raw_record(
                response,
                source=self.name,
                source_id=record_id(self.job_id(job)),
                url=self.job_url(job, board.token),
                record=job,
                **context,
            )

    def document(self, response: Response) -> Any:
        """The board document (JSON by default); ValueError when it cannot be read."""
        return response.json()

    def jobs(self, data: Any) -> list | None:
        """The board document's job list, or None when it has none (a changed format)."""
        jobs = data.get("jobs") if isinstance(data, dict) else None
        return jobs if isinstance(jobs, list) else None

    def board_name(self, document: Any) -> str | None:
        """The company's name as the board document states it, for a board not in the list."""
        return None

    def job_id(self, job: dict[str, Any]) -> Any:
        """The job's id in its ATS (what its URLs name)."""
        return job.get("id")

    def job_url(self, job: dict[str, Any], token: str) -> str:
        raise NotImplementedError


class GreenhouseSpider(AtsSpider):
    """`{"jobs": [...], "meta": {"total": N}}`; `content=true` adds each job's HTML."""

    name = "greenhouse"
    api_url = "https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true"

    def job_url(self, job: dict[str, Any], token: str) -> str:
        return link(
            job.get("absolute_url"), f"https://boards.greenhouse.io/{token}/jobs/{job['id']}"
        )


class LeverSpider(AtsSpider):
    """A bare JSON list of postings (all of them: no `skip`/`limit` is sent)."""

    name = "lever"
    api_url = "https://api.lever.co/v0/postings/{token}?mode=json"

    def jobs(self, data: Any) -> list | None:
        return data if isinstance(data, list) else None

    def job_url(self, job: dict[str, Any], token: str) -> str:
        return link(job.get("hostedUrl"), f"https://jobs.lever.co/{token}/{job['id']}")


class AshbySpider(AtsSpider):
    """`{"jobs": [...]}`; `includeCompensation=true` adds each job's pay."""

    name = "ashby"
    api_url = "https://api.ashbyhq.com/posting-api/job-board/{token}?includeCompensation=true"

    def job_url(self, job: dict[str, Any], token: str) -> str:
        return link(job.get("jobUrl"), f"https://jobs.ashbyhq.com/{token}/{job['id']}")


class SmartRecruitersSpider(AtsSpider):
    """`{"offset", "limit", "totalFound", "content": [...]}` pages of a company's public
    postings, then each posting's detail document (`jobAd.sections`, `postingUrl`,
    `applyUrl`), which is the record kept. A detail that fails keeps the list entry, so the
    job still loads (without its text); counted as `smartrecruiters/details_failed`."""

    name = "smartrecruiters"
    custom_settings = spider_settings("smartrecruiters")
    api_url = "https://api.smartrecruiters.com/v1/companies/{token}/postings"
    page_size = 100

    def board_url(self, token: str, offset: int = 0) -> str:
        base = super().board_url(token)
        return f"{base}?limit={self.page_size}&offset={offset}"

    def jobs(self, data: Any) -> list | None:
        jobs = data.get("content") if isinstance(data, dict) else None
        return jobs if isinstance(jobs, list) else None

    def job_url(self, job: dict[str, Any], token: str) -> str:
        return job.get("postingUrl") or f"https://jobs.smartrecruiters.com/{token}/{job['id']}"

    def parse_board(self, response: Response, board: Board) -> Iterator[Any]:
        for item in super().parse_board(response, board):
            yield scrapy.Request(
                f"{super().board_url(board.token)}/{item['source_id']}",
                callback=self.parse_detail,
                errback=self.detail_failed,
                cb_kwargs={"listed": item, "board": board},
            )
        page = _json_or_none(response)
        listed = self.jobs(page) or []
        offset = page.get("offset") if listed else None
        total = page.get("totalFound") if listed else None
        if isinstance(offset, int) and isinstance(total, int) and offset + len(listed) < total:
            yield scrapy.Request(
                self.board_url(board.token, offset + len(listed)),
                callback=self.parse_board,
                errback=self.board_failed,
                cb_kwargs={"board": board},
            )

    def parse_detail(
        self, response: Response, listed: dict[str, Any], board: Board
    ) -> Iterator[dict[str, Any]]:
        detail = _json_or_none(response)
        if not isinstance(detail, dict) or str(detail.get("id")) != listed["source_id"]:
            self.count("details_malformed")
            yield listed
            return
        self.count("details")
        yield {
            **listed,
            "url": self.job_url(detail, board.token),
            "record": {**listed["record"], **detail},
        }

    def detail_failed(self, failure: Failure) -> Iterator[dict[str, Any]]:
        self.count("details_failed")
        self.logger.warning("detail %s failed: %s", failure.request.url, failure.value)
        yield failure.request.cb_kwargs["listed"]


class RecruiteeSpider(AtsSpider):
    """`{"offers": [...]}` from a company's own subdomain (every published offer)."""

    name = "recruitee"
    custom_settings = spider_settings("recruitee")
    api_url = "https://{token}.recruitee.com/api/offers/"

    def jobs(self, data: Any) -> list | None:
        jobs = data.get("offers") if isinstance(data, dict) else None
        return jobs if isinstance(jobs, list) else None

    def job_url(self, job: dict[str, Any], token: str) -> str:
        return job.get("careers_url") or f"https://{token}.recruitee.com/o/{job.get('slug')}"


class WorkableSpider(AtsSpider):
    """The account's job widget, `{"name", "description", "jobs": [...]}`; `details=true`
    adds each job's description. A job's id is its `shortcode`."""

    name = "workable"
    custom_settings = spider_settings("workable")
    api_url = "https://apply.workable.com/api/v1/widget/accounts/{token}?details=true"

    def job_id(self, job: dict[str, Any]) -> Any:
        return job.get("shortcode")

    def board_name(self, document: Any) -> str | None:
        name = document.get("name") if isinstance(document, dict) else None
        return name.strip() if isinstance(name, str) and name.strip() else None

    def job_url(self, job: dict[str, Any], token: str) -> str:
        return job.get("url") or f"https://apply.workable.com/{token}/j/{job['shortcode']}/"


class PersonioSpider(AtsSpider):
    """The company's XML feed, `<workzag-jobs><position>...`: each position becomes a dict of
    its elements (`jobDescriptions` a list of {name, value}, `additionalOffices` a list)."""

    name = "personio"
    custom_settings = spider_settings("personio")
    api_url = "https://{token}.jobs.personio.de/xml"

    def document(self, response: Response) -> Any:
        root = Selector(text=response.text, type="xml")
        if not root.xpath("/workzag-jobs"):
            raise ValueError("no <workzag-jobs> root")
        return [_position(p) for p in root.xpath("/workzag-jobs/position")]

    def jobs(self, data: Any) -> list | None:
        return data if isinstance(data, list) else None

    def job_url(self, job: dict[str, Any], token: str) -> str:
        return f"https://{token}.jobs.personio.de/job/{job['id']}"


def _position(node: Selector) -> dict[str, Any]:
    """One `<position>` as a dict of its child elements' text."""
    position: dict[str, Any] = {}
    for child in node.xpath("./*"):
        tag = child.xpath("name()").get()
        if tag == "jobDescriptions":
            position[tag] = [
                {
                    "name": (d.xpath("./name/text()").get() or "").strip(),
                    "value": d.xpath("./value/text()").get() or "",
                }
                for d in child.xpath("./jobDescription")
            ]
        elif tag == "additionalOffices":
            position[tag] = [o.strip() for o in child.xpath("./office/text()").getall()]
        else:
            position[tag] = (child.xpath("string()").get() or "").strip()
    return position


def _json_or_none(response: Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
