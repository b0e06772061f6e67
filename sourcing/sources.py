"""The sources this project reads, what each yields, and how politely it is crawled."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from sourcing.paths import SAMPLE_DIR

POLITENESS_SETTINGS = (
    "ROBOTSTXT_OBEY",
    "USER_AGENT",
    "DOWNLOAD_DELAY",
    "AUTOTHROTTLE_ENABLED",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "CLOSESPIDER_ERRORCOUNT",
)


@dataclass(frozen=True)
class Source:
    name: str
    kind: str  # "jobs": postings; "candidates": people seeking work
    yields: str
    # Spider arguments that point the crawl at what the bundled sample recorded (e.g. the
    # ATS boards in it), so `--sample` fetches only what is there.
    sample_args: tuple[tuple[str, str], ...] = ()

    @property
    def sample(self) -> Path | None:
        path = SAMPLE_DIR / f"{self.name}.har"
        return path if path.exists() else None


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source(
            "hn_hiring",
            "jobs",
            "one record per top-level comment of Hacker News 'Who is hiring?' threads",
        ),
        Source(
            "hn_wants",
            "candidates",
            "one record per top-level comment of Hacker News 'Who wants to be hired?' threads",
        ),
        Source(
            "greenhouse",
            "jobs",
            "one record per job of Greenhouse job boards (boards.yaml or -a boards=)",
            (("boards", "quillmetrics,borealvision,lumenforgeai"),),
        ),
        Source(
            "lever",
            "jobs",
            "one record per posting of Lever job boards (boards.yaml or -a boards=)",
            (("boards", "tidewaterlabs,nordlys"),),
        ),
        Source(
            "ashby",
            "jobs",
            "one record per job of Ashby job boards (boards.yaml or -a boards=)",
            (("boards", "lumenforge,parallaxbio"),),
        ),
        Source("remoteok", "jobs", "one record per job of the RemoteOK API (credit: Remote OK)"),
        Source("remotive", "jobs", "one record per job of the Remotive API (all categories)"),
        Source("weworkremotely", "jobs", "one record per item of We Work Remotely category feeds"),
        Source(
            "jobposting",
            "jobs",
            "one record per schema.org JobPosting in HTML pages (-a urls= or -a sitemap=)",
            (
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
        ),
    )
}


def select(names: str | None) -> list[Source]:
    """`--sources a,b` → those sources (all when empty), with a clear error for unknown names."""
    if not names:
        return list(SOURCES.values())
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in SOURCES]
    if unknown:
        raise ValueError(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(SOURCES)}")
    return [SOURCES[n] for n in wanted]


def sample_spider_args() -> list[str]:
    """`source:key=value` pins that aim every spider at its bundled sample."""
    return [f"{s.name}:{k}={v}" for s in SOURCES.values() for k, v in s.sample_args]


def politeness(name: str) -> dict[str, Any]:
    """The effective politeness settings of a source's spider."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "spiders.settings")
    settings = get_project_settings()
    spider = SpiderLoader.from_settings(settings).load(name)
    settings.setdict(getattr(spider, "custom_settings", None) or {}, priority="spider")
    return {key: settings.get(key) for key in POLITENESS_SETTINGS}
