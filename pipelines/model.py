"""Records passed between the pipeline stages.

Extractors (one per source) turn a raw source record into `ExtractedPosting`s: the fields as
the source states them, untouched. The normalizers turn those into `Posting`s with the
canonical values of DESIGN.md. Keeping the two apart lets every source share one set of
normalizers, and lets `salary_source` say whether pay came from structure or from text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

SALARY_PERIODS = ("year", "month", "week", "day", "hour")


@dataclass(frozen=True)
class Salary:
    """Base pay as stated: amounts in their own currency and period."""

    min: float | None  # None when only the most is stated ("up to $180k")
    max: float | None  # None when only the least is stated ("$200k+", "from €60k")
    currency: str | None  # ISO 4217; None when no currency could be told
    period: str  # one of SALARY_PERIODS
    text: str  # the words the salary was read from
    currency_uncertain: bool = False  # e.g. a bare "$" that context could not resolve


@dataclass(frozen=True)
class Location:
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-2, in the order they were named
    regions: tuple[str, ...] = ()  # DESIGN.md regions, named or implied by the countries
    cities: tuple[str, ...] = ()

    @property
    def country(self) -> str | None:
        return self.countries[0] if self.countries else None

    @property
    def region(self) -> str | None:
        return self.regions[0] if self.regions else None


@dataclass(frozen=True)
class RemotePolicy:
    remote: str = "unknown"  # remote / hybrid / onsite / unknown
    scope: tuple[str, ...] = ()  # countries (alpha-2), regions or time zones a remote job allows
    visa_sponsorship: str = "unknown"  # yes / no / unknown


@dataclass
class ExtractedPosting:
    """One role as a source states it, before normalization."""

    title: str
    company: str | None = None
    # The title as the source wrote it, before cleaning cut a place, tag or lead-in from it:
    # dedupe reads the places it names ("Psychiatrist - Illinois" / "- Kansas": two jobs).
    posted_title: str | None = None
    description: str = ""  # clean plain text
    location_text: str | None = None
    salary_text: str | None = None  # the part of the text that states pay, if any
    structured_salary: Salary | None = None  # pay from the source's own fields
    remote_text: str | None = None  # the words about remote work, if separate from location
    structured_remote: str | None = None  # remote/hybrid/onsite from the source's own fields
    structured_equity: bool = False  # the source's own fields grant equity ("Stock Level")
    # Whether the description may state the work mode when the header words do not; False for
    # one role of a post whose roles state their own modes in their own lines, where the text's
    # remote words are the other roles'.
    mode_in_description: bool = True
    # One of SENIORITIES from the source's own level field: used when the title and
    # description state no level.
    structured_seniority: str | None = None
    countries: list[str] = field(default_factory=list)  # alpha-2 from the source's own fields
    posted_at: datetime | None = None
    valid_through: datetime | None = None  # when the source says the posting expires
    url: str | None = None  # where the posting can be read
    apply_url: str | None = None
    urls: list[str] = field(default_factory=list)  # links found in the posting
    # The text to read this role's skills from, when a record describes several roles and says
    # which words belong to which (the shared text plus this role's own section); None: all.
    skills_text: str | None = None
    tags: list[str] = field(default_factory=list)  # the board's own tags ("python", "mlops")
    # UTC offsets (hours) the source's own fields allow a remote worker (Himalayas'
    # `timezoneRestrictions`); empty when the source states none.
    utc_offsets: list[float] = field(default_factory=list)


@dataclass
class Extraction:
    """What an extractor made of one raw record: postings, or the reason there are none."""

    postings: list[ExtractedPosting] = field(default_factory=list)
    skip_reason: str | None = None  # e.g. "not_a_job_offer", "deleted", "empty"
