"""The sources this project reads, what each yields, and how politely it is crawled.

The facts about each source live in the catalog, `pipelines/catalog.py` (its entries in
`pipelines/data/sources.yaml`); this adds what
running it takes (its Scrapy spider and its settings, its bundled sample)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from pipelines.catalog import CATALOG, SourceSpec
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
    """A catalog entry (pipelines/catalog.py) with what running it needs: its bundled sample."""

    spec: SourceSpec

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def kind(self) -> str:
        """ "jobs", "candidates", or "jobs+candidates" for a source that yields both."""
        return "+".join(self.spec.kinds)

    @property
    def yields(self) -> str:
        return self.spec.yields

    @property
    def spider(self) -> str:
        return self.spec.spider_name

    @property
    def sample_args(self) -> tuple[tuple[str, str], ...]:
        return self.spec.sample_args

    @property
    def sample(self) -> Path | None:
        path = SAMPLE_DIR / self.spec.sample_file
        return path if path.exists() else None


SOURCES: dict[str, Source] = {name: Source(spec) for name, spec in CATALOG.items()}


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
    spider = SpiderLoader.from_settings(settings).load(SOURCES[name].spider)
    settings.setdict(getattr(spider, "custom_settings", None) or {}, priority="spider")
    return {key: settings.get(key) for key in POLITENESS_SETTINGS}


def check_pins(pins: tuple[str, ...] | list[str], chosen: list[str]) -> None:
    """`sourcing run -a SOURCE:KEY=VALUE` pins: each names a source this run crawls."""
    for pin in pins:
        source, _, pair = pin.partition(":")
        if "=" not in pair or source not in SOURCES:
            raise ValueError(
                f"{pin!r} is not SOURCE:KEY=VALUE with a source name, e.g. hn_hiring:threads=1"
            )
        if source not in chosen:
            raise ValueError(f"{pin!r} pins {source}, which this run does not crawl")


def spider_arguments(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`sourcing crawl -a KEY=VALUE` pairs → the spider's arguments."""
    args = {}
    for pair in pairs:
        if "=" not in pair:
            raise ValueError(f"{pair!r} is not KEY=VALUE")
        key, value = pair.split("=", 1)
        args[key] = value
    return args


def describe() -> list[str]:
    """`sourcing sources`: each source, what it yields, its politeness and its sample."""
    lines = []
    for source in SOURCES.values():
        lines.append(f"{source.name}  [{source.kind}]  {source.yields}")
        settings = politeness(source.name)
        lines.append("    " + ", ".join(f"{k}={v}" for k, v in settings.items()))
        lines.append(f"    sample: {source.sample or 'none'}")
    return lines
