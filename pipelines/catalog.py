"""The source catalog: every source this project reads, declared once, as pure facts.

Everything that needs to know something about a source reads it here: the normalizer (which
extractor), lifecycle (what one crawl's listing means), dedupe (how far a source's fields are
trusted), canonical URLs and lead lists (which links name one of its jobs, where its boards
live), and `sourcing/sources.py` (spider, sample, politeness). The entries are data, in
`pipelines/data/sources.yaml`, one `SourceSpec` each, checked as they load. Adding a source is
one entry there plus its spider, extractor, sample and tests; `tests/test_sources_contract.py`
checks that every entry has them all (CONTRIBUTING.md lists the steps).

No Scrapy, no Dagster: `pipelines/` stays importable on its own (the only file read is the
catalog's own data, shipped with the package).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import import_module, resources
from types import MappingProxyType
from typing import Any

from pipelines import prebuilt

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


_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


def _spec(entry: dict[str, Any]) -> SourceSpec:
    """An entry of data/sources.yaml as a SourceSpec: lists become tuples, `sample_args` a
    tuple of pairs, `politeness` a read-only mapping, and `{uuid}` in a job URL a UUID."""
    fields = {k: tuple(v) if isinstance(v, list) else v for k, v in entry.items()}
    fields["job_urls"] = tuple(p.replace("{uuid}", _UUID) for p in entry.get("job_urls", ()))
    fields["sample_args"] = tuple((entry.get("sample_args") or {}).items())
    fields["politeness"] = MappingProxyType(dict(entry.get("politeness") or {}))
    fields["fallback_times"] = tuple(map(tuple, entry.get("fallback_times", ())))
    return SourceSpec(**fields)


def catalog_text() -> str:
    """The shipped catalog, `pipelines/data/sources.yaml`, as text."""
    return resources.files("pipelines").joinpath("data/sources.yaml").read_text("utf-8")


def parse_catalog(text: str) -> list[dict[str, Any]]:
    """The entries of a catalog's YAML text, read with libyaml's safe loader (PyYAML's wheels
    bundle it; 2 ms where the pure-Python one takes 14, the same values)."""
    import yaml  # only when the catalog changed: see `_entries`

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_CACHE_PREFIX = "catalog-"


def _entries() -> list[dict[str, Any]]:
    """The shipped catalog's entries. Every process reads them as it starts, and importing
    PyYAML costs some 20 ms (its modules and their patterns) of the fraction of a second a
    worker takes to be ready: they are parsed once per catalog text and kept as a prebuilt
    table."""
    text = catalog_text()
    path = prebuilt.cache_file(_CACHE_PREFIX, text)
    return prebuilt.load_or_build(path, _CACHE_PREFIX, partial(parse_catalog, text))


def _load() -> dict[str, SourceSpec]:
    return {s.name: s for s in map(_spec, _entries())}


CATALOG: dict[str, SourceSpec] = _load()


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
