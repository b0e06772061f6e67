"""The source catalog: every source this project reads, declared once, as pure facts.

Everything that needs to know something about a source reads it here: the normalizer (which
extractor), lifecycle (what one crawl's listing means), dedupe (how far a source's fields are
trusted), canonical URLs and lead lists (which links name one of its jobs, where its boards
live), and `sourcing/sources.py` (spider, sample, politeness). Adding a source is one
`SourceSpec` below plus its spider, extractor, sample and tests; `tests/test_sources_contract.py`
checks that every entry has them all (CONTRIBUTING.md lists the steps).

No I/O, no Scrapy, no Dagster: `pipelines/` stays importable on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from types import MappingProxyType
from typing import Any

KINDS = ("jobs", "candidates")
# What one successful crawl of a source lists:
#   board   every open job of each board it read (an ATS board per token): a job missing from
#           a later crawl of that board has closed;
#   full    every open job of the whole source;
#   feed    only recent items: a missing item says nothing about whether it closed;
#   thread  comments of monthly threads: a job expires with its thread's month.
LISTINGS = ("board", "full", "feed", "thread")
# How far a source's fields are trusted when one job is seen on several sources (lower wins):
# an ATS's own structure, a schema.org page, an aggregator board, free text in a post.
STRUCTURE_RANK = {"ats": 0, "schema_org": 1, "board": 2, "free_text": 3}
# Fields a source may state in its own structure (not read from its text).
STRUCTURED_FIELDS = (
    "title",
    "company",
    "location",
    "country",
    "remote",
    "salary",
    "seniority",
    "timezone",
    "tags",
    "posted_at",
    "employment_type",
)


@dataclass(frozen=True)
class SourceSpec:
    """One source, as facts.

    `extractor` and `candidate_extractor` are `module:function` references, resolved on use
    (so the catalog imports no parser): a posting extractor is called as
    `f(record, context) -> Extraction`, a candidate extractor as
    `f(record, context) -> CandidateExtraction`.
    """

    name: str
    kinds: tuple[str, ...]
    yields: str
    listing: str
    structure: str
    extractor: str | None = None
    candidate_extractor: str | None = None
    # Public page of one board (`{board}` = its token) for ATS sources, else None.
    board_url: str | None = None
    # Regexes on `host/path` (host lower-cased, without `www.`) of a link to one of its jobs:
    # group `job` is the job's id in the source, group `board` (optional) its board token.
    job_urls: tuple[str, ...] = ()
    # Domains that serve its pages for many companies (never a company's own domain).
    hosts: tuple[str, ...] = ()
    # Scrapy settings this source's spider overrides (on top of spiders/settings.py).
    politeness: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    sample: str | None = None  # file name of the bundled sample HAR; `<name>.har` when None
    # Spider arguments that aim the crawl at what the bundled sample recorded.
    sample_args: tuple[tuple[str, str], ...] = ()
    structured: tuple[str, ...] = ()  # STRUCTURED_FIELDS it gives in its own fields
    # (field, preferred) pairs of record fields its extractor reads only when the preferred
    # one holds no time (Greenhouse's `updated_at`, moved by every edit of a board, dates a
    # job only without `first_published`): left out of the record's version key then, so a
    # job re-crawled unchanged is the same version (pipelines.versions.version_key).
    fallback_times: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        bad = [k for k in self.kinds if k not in KINDS]
        if not self.kinds or bad:
            raise ValueError(f"{self.name}: kinds must be among {KINDS}, got {self.kinds}")
        if self.listing not in LISTINGS:
            raise ValueError(f"{self.name}: listing must be one of {LISTINGS}")
        if self.structure not in STRUCTURE_RANK:
            raise ValueError(f"{self.name}: structure must be one of {tuple(STRUCTURE_RANK)}")
        if ("jobs" in self.kinds) != bool(self.extractor):
            raise ValueError(f"{self.name}: a jobs source needs an extractor, others none")
        if ("candidates" in self.kinds) != bool(self.candidate_extractor):
            raise ValueError(f"{self.name}: a candidates source needs a candidate_extractor")
        unknown = [f for f in self.structured if f not in STRUCTURED_FIELDS]
        if unknown:
            raise ValueError(f"{self.name}: unknown structured fields {unknown}")

    @property
    def spider_name(self) -> str:
        """The Scrapy spider that crawls it: always the source's own name, so a raw-zone
        folder, a crawl asset and `sourcing crawl NAME` all say the same."""
        return self.name

    @property
    def sample_file(self) -> str:
        return self.sample or f"{self.name}.har"

    @property
    def rank(self) -> int:
        return STRUCTURE_RANK[self.structure]

    @property
    def is_ats(self) -> bool:
        return self.board_url is not None


@cache
def resolve(reference: str) -> Callable[..., Any]:
    """`"pipelines.extract.remotive:extract_remotive"` → that function."""
    module, _, name = reference.partition(":")
    return getattr(import_module(module), name)


_ATS_POLITENESS = MappingProxyType({"DOWNLOAD_DELAY": 1.0})
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

CATALOG: dict[str, SourceSpec] = {
    s.name: s
    for s in (
        SourceSpec(
            "hn_hiring",
            ("jobs",),
            "one record per top-level comment of Hacker News 'Who is hiring?' threads",
            hosts=("ycombinator.com",),
            listing="thread",
            structure="free_text",
            extractor="pipelines.extract.adapters:extract_hn_hiring",
            structured=("posted_at",),
        ),
        SourceSpec(
            "hn_wants",
            ("candidates",),
            "one record per top-level comment of Hacker News 'Who wants to be hired?' threads",
            hosts=("ycombinator.com",),
            listing="thread",
            structure="free_text",
            candidate_extractor="pipelines.extract.adapters:extract_hn_wants",
            structured=("posted_at",),
        ),
        SourceSpec(
            "greenhouse",
            ("jobs",),
            "one record per job of Greenhouse job boards (boards.yaml or -a boards=)",
            hosts=("greenhouse.io",),
            listing="board",
            structure="ats",
            extractor="pipelines.extract.greenhouse:extract_greenhouse",
            board_url="https://boards.greenhouse.io/{board}",
            job_urls=(
                r"^(?:job-boards|boards)(?:\.eu)?\.greenhouse\.io/(?P<board>[^/]+)/jobs/(?P<job>\d+)",
            ),
            sample_args=(("boards", "quillmetrics,borealvision,lumenforgeai"),),
            structured=("title", "company", "location", "salary", "posted_at"),
            fallback_times=(("updated_at", "first_published"),),
        ),
        SourceSpec(
            "lever",
            ("jobs",),
            "one record per posting of Lever job boards (boards.yaml or -a boards=)",
            hosts=("lever.co",),
            listing="board",
            structure="ats",
            extractor="pipelines.extract.lever:extract_lever",
            board_url="https://jobs.lever.co/{board}",
            job_urls=(rf"^jobs(?:\.eu)?\.lever\.co/(?P<board>[^/]+)/(?P<job>{_UUID})",),
            sample_args=(("boards", "tidewaterlabs,nordlys"),),
            structured=("title", "location", "country", "remote", "salary", "posted_at"),
        ),
        SourceSpec(
            "ashby",
            ("jobs",),
            "one record per job of Ashby job boards (boards.yaml or -a boards=)",
            hosts=("ashbyhq.com",),
            listing="board",
            structure="ats",
            extractor="pipelines.extract.ashby:extract_ashby",
            board_url="https://jobs.ashbyhq.com/{board}",
            job_urls=(rf"^jobs\.ashbyhq\.com/(?P<board>[^/]+)/(?P<job>{_UUID})",),
            sample_args=(("boards", "lumenforge,parallaxbio"),),
            structured=("title", "location", "country", "remote", "salary", "posted_at"),
        ),
        SourceSpec(
            "smartrecruiters",
            ("jobs",),
            "one record per public posting of SmartRecruiters company boards "
            "(boards.yaml or -a boards=)",
            hosts=("smartrecruiters.com",),
            listing="board",
            structure="ats",
            extractor="pipelines.extract.smartrecruiters:extract_smartrecruiters",
            board_url="https://jobs.smartrecruiters.com/{board}",
            job_urls=(
                r"^(?:jobs|careers)\.smartrecruiters\.com/(?P<board>[^/]+)/(?P<job>\d{6,})",
                r"^api\.smartrecruiters\.com/v1/companies/(?P<board>[^/]+)/postings/(?P<job>\d+)",
            ),
            politeness=_ATS_POLITENESS,
            sample_args=(("boards", "KestrelAnalytik,VinhedoDados"),),
            structured=(
                "title",
                "company",
                "location",
                "country",
                "remote",
                "seniority",
                "employment_type",
                "posted_at",
            ),
        ),
        SourceSpec(
            "recruitee",
            ("jobs",),
            "one record per published offer of Recruitee company boards "
            "(boards.yaml or -a boards=)",
            hosts=("recruitee.com",),
            listing="board",
            structure="ats",
            extractor="pipelines.extract.recruitee:extract_recruitee",
            board_url="https://{board}.recruitee.com",
            job_urls=(r"^(?P<board>[^./]+)\.recruitee\.com/o/(?P<job>[^/?#]+)",),
            politeness=_ATS_POLITENESS,
            sample_args=(("boards", "brisaverde,lindenfeld"),),
            structured=(
                "title",
                "company",
                "location",
                "country",
                "remote",
                "salary",
                "seniority",
                "tags",
                "posted_at",
            ),
        ),
        SourceSpec(
            "workable",
            ("jobs",),
            "one record per job of Workable account job widgets (boards.yaml or -a boards=)",
            hosts=("workable.com",),
            listing="board",
            structure="ats",
            extractor="pipelines.extract.workable:extract_workable",
            board_url="https://apply.workable.com/{board}",
            job_urls=(
                r"^apply\.workable\.com/(?P<board>[^/]+)/j/(?P<job>[0-9a-z]+)",
                r"^apply\.workable\.com/j/(?P<job>[0-9a-z]+)",
            ),
            politeness=_ATS_POLITENESS,
            sample_args=(("boards", "tanagra-labs,cerro-azul-ai"),),
            structured=("title", "location", "country", "remote", "seniority", "posted_at"),
        ),
        SourceSpec(
            "personio",
            ("jobs",),
            "one record per position of Personio company XML feeds (boards.yaml or -a boards=)",
            hosts=("personio.de", "personio.com"),
            listing="board",
            structure="ats",
            extractor="pipelines.extract.personio:extract_personio",
            board_url="https://{board}.jobs.personio.de",
            job_urls=(r"^(?P<board>[^./]+)\.jobs\.personio\.(?:de|com)/job/(?P<job>\d+)",),
            politeness=_ATS_POLITENESS,
            sample_args=(("boards", "hafenblick-data,olivar-analytics"),),
            structured=("title", "company", "location", "seniority", "tags", "posted_at"),
        ),
        SourceSpec(
            "remoteok",
            ("jobs",),
            "one record per job of the RemoteOK API (credit: Remote OK)",
            hosts=("remoteok.com", "remoteok.io"),
            listing="full",
            structure="board",
            extractor="pipelines.extract.remoteok:extract_remoteok",
            structured=("title", "company", "remote", "salary", "tags", "posted_at"),
        ),
        SourceSpec(
            "remotive",
            ("jobs",),
            "one record per job of the Remotive API (all categories)",
            hosts=("remotive.com", "remotive.io"),
            listing="full",
            structure="board",
            extractor="pipelines.extract.remotive:extract_remotive",
            structured=("title", "company", "remote", "tags", "posted_at"),
        ),
        SourceSpec(
            "weworkremotely",
            ("jobs",),
            "one record per item of We Work Remotely category feeds",
            hosts=("weworkremotely.com",),
            listing="full",
            structure="board",
            extractor="pipelines.extract.weworkremotely:extract_weworkremotely",
            structured=("title", "company", "remote", "posted_at"),
        ),
        SourceSpec(
            "arbeitnow",
            ("jobs",),
            "one record per job of the Arbeitnow job-board API (Germany and Europe; newest "
            "pages, -a pages=N)",
            hosts=("arbeitnow.com",),
            listing="feed",
            structure="board",
            extractor="pipelines.extract.arbeitnow:extract_arbeitnow",
            politeness=MappingProxyType({"DOWNLOAD_DELAY": 2.0}),
            structured=("title", "company", "location", "remote", "tags", "posted_at"),
        ),
        SourceSpec(
            "himalayas",
            ("jobs",),
            "one record per job of the Himalayas remote-jobs API (newest pages, -a pages=N)",
            hosts=("himalayas.app",),
            listing="feed",
            structure="board",
            extractor="pipelines.extract.himalayas:extract_himalayas",
            politeness=MappingProxyType({"DOWNLOAD_DELAY": 2.0}),
            structured=(
                "title",
                "company",
                "country",
                "remote",
                "salary",
                "seniority",
                "timezone",
                "tags",
                "employment_type",
                "posted_at",
            ),
        ),
        SourceSpec(
            "jobicy",
            ("jobs",),
            "one record per job of the Jobicy remote-jobs API (latest jobs per industry, "
            "-a industries=a,b; credit: Jobicy)",
            hosts=("jobicy.com",),
            listing="feed",
            structure="board",
            extractor="pipelines.extract.jobicy:extract_jobicy",
            politeness=MappingProxyType({"DOWNLOAD_DELAY": 5.0}),
            structured=(
                "title",
                "company",
                "location",
                "remote",
                "salary",
                "seniority",
                "employment_type",
                "posted_at",
            ),
        ),
        SourceSpec(
            "getonboard",
            ("jobs",),
            "one record per job of Get on Board categories (Latin America; -a categories=a,b, "
            "-a pages=N)",
            hosts=("getonbrd.com", "getonboard.com"),
            listing="feed",
            structure="board",
            extractor="pipelines.extract.getonboard:extract_getonboard",
            politeness=MappingProxyType({"DOWNLOAD_DELAY": 2.0}),
            structured=(
                "title",
                "company",
                "location",
                "country",
                "remote",
                "salary",
                "seniority",
                "posted_at",
            ),
        ),
        SourceSpec(
            "reddit",
            ("jobs", "candidates"),
            "one record per post of job subreddits: [Hiring] posts become postings, [For Hire] "
            "posts candidates, the rest is skipped with a reason (-a subreddits=a,b)",
            hosts=("reddit.com",),
            listing="feed",
            structure="free_text",
            extractor="pipelines.extract.reddit:extract_reddit_posting",
            candidate_extractor="pipelines.extract.reddit:extract_reddit_candidate",
            # Reddit asks unauthenticated clients for at most about 10 requests a minute.
            politeness=MappingProxyType({"DOWNLOAD_DELAY": 6.0, "AUTOTHROTTLE_START_DELAY": 6.0}),
            sample_args=(("subreddits", "MLjobs,forhire"),),
            structured=("posted_at",),
        ),
        SourceSpec(
            "github",
            ("candidates",),
            "one record per contributor of leading ML repositories who marked themselves "
            "hireable on GitHub (github_repos.yaml or -a repos=owner/name)",
            hosts=("github.com",),
            listing="feed",
            structure="board",
            candidate_extractor="pipelines.extract.github:extract_github_candidate",
            # The REST API is GitHub's documented way in for programs (robots.txt governs its
            # web pages); unauthenticated it allows 60 requests an hour: the spider stops
            # when the API says the allowance is spent.
            politeness=MappingProxyType({"ROBOTSTXT_OBEY": False, "DOWNLOAD_DELAY": 1.0}),
            sample_args=(("repos", "pytorch/pytorch,huggingface/transformers,vllm-project/vllm"),),
            structured=("location", "company", "posted_at"),
        ),
        SourceSpec(
            "jobposting",
            ("jobs",),
            "one record per schema.org JobPosting in HTML pages (-a urls= or -a sitemap=)",
            listing="feed",
            structure="schema_org",
            extractor="pipelines.extract.jobposting:extract_jobposting",
            sample_args=(
                (
                    "urls",
                    "https://jobs.brightkiln.example/openings/ml-platform-engineer,"
                    "https://careers.ostrava-analytics.example/cs/prace/datovy-analytik,"
                    "https://www.harbourline-logistics.example/careers/warehouse-shift-lead/,"
                    "https://jobs.quietpine.example/postings/4471,"
                    "https://careers.nimbus-relay.example/jobs",
                ),
                ("sitemap", "https://careers.velmora.example/sitemap_index.xml"),
            ),
            structured=("title", "company", "location", "country", "salary", "posted_at"),
        ),
    )
}


def sources_of_kind(kind: str) -> list[SourceSpec]:
    """The sources that yield `kind` ("jobs" or "candidates"), in catalog order."""
    return [s for s in CATALOG.values() if kind in s.kinds]


def posting_extractor(source: str) -> Callable[..., Any] | None:
    """The posting extractor of a source, or None when it has none (or is unknown)."""
    spec = CATALOG.get(source)
    return resolve(spec.extractor) if spec and spec.extractor else None


def candidate_extractor(source: str) -> Callable[..., Any] | None:
    """The candidate extractor of a source, or None when it has none (or is unknown)."""
    spec = CATALOG.get(source)
    return resolve(spec.candidate_extractor) if spec and spec.candidate_extractor else None


ATS_SOURCES = tuple(s.name for s in CATALOG.values() if s.is_ats)
FULL_LISTING = frozenset(s.name for s in CATALOG.values() if s.listing in ("board", "full"))
PER_BOARD = frozenset(s.name for s in CATALOG.values() if s.listing == "board")
JOB_URL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (s.name, re.compile(p, re.I)) for s in CATALOG.values() for p in s.job_urls
)


def job_in_url(where: str) -> tuple[str, str, str | None] | None:
    """(source, job id lower-cased, board token or None) for `host/path` of a link to one
    source's job, else None."""
    for source, pattern in JOB_URL_PATTERNS:
        if m := pattern.match(where):
            return source, m.group("job").lower(), m.groupdict().get("board")
    return None


def spider_settings(source: str) -> dict[str, Any]:
    """The Scrapy settings a source's spider overrides (its `custom_settings`)."""
    return dict(CATALOG[source].politeness)
