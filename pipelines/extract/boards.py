"""Helpers the job board extractors (RemoteOK, Remotive, We Work Remotely, Arbeitnow,
Himalayas, Jobicy...) share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from pipelines.extract.ats import structured_salary
from pipelines.location import find_places, parse_location, region_of
from pipelines.model import ExtractedPosting, Extraction, Salary
from pipelines.remote import parse_remote, role_dependent
from pipelines.salary import parse_salary
from pipelines.text import extract_links, html_to_text
from pipelines.titles import clean_title, title_pay


def tag_list(tags: object) -> list[str]:
    """The board's tags as stripped strings (the normalizer maps them to skills)."""
    if not isinstance(tags, list):
        return []
    return [t.strip() for t in tags if isinstance(t, str) and t.strip()]


def rfc822_time(value: object) -> datetime | None:
    """An RSS date ("Mon, 07 Nov 2022 16:20:50 +0000") as an aware datetime, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def clean(value: object) -> str | None:
    """A stripped string field, None when missing or blank."""
    return value.strip() or None if isinstance(value, str) else None


# Pay-period words of the boards' structured pay fields → SALARY_PERIODS.
PAY_PERIODS = {
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "year": "year",
    "monthly": "month",
    "month": "month",
    "weekly": "week",
    "week": "week",
    "daily": "day",
    "day": "day",
    "hourly": "hour",
    "hour": "hour",
}


def pay_period(value: object) -> str | None:
    """'annual', 'Yearly', 'hourly'... → 'year', 'hour'...; None for anything else."""
    return PAY_PERIODS.get(value.strip().lower()) if isinstance(value, str) else None


def epoch_time(value: object) -> datetime | None:
    """Seconds since the epoch (an int, or digits) as a UTC datetime; None when unreadable."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return datetime.fromtimestamp(value, UTC)


def board_salary(low: object, high: object, currency: object, period: object) -> Salary | None:
    """Structured pay from a board's min/max/currency/period fields; None when they hold no
    pay, or when a period is stated that is not a pay period we know (not base pay)."""
    known = pay_period(period)
    if period not in (None, "") and known is None:
        return None
    return structured_salary(low, high, currency, known or "year")


# Where a board's description says the job may be done: "Location: Mexico" (to the end of
# its sentence: "Location: Our company is remote. You can be based in …" goes on), "remotely
# (within the US)", "candidates inside Poland", "based in the EU or UK", "live within commuting
# distance of our Tokyo hub", "unable to consider applicants who live outside of the US".
_STATEMENT_RE = re.compile(
    r"^[ \t\-•*]*(?:job\s+|work\s+)?location\s*:\s*(?P<line>(?:[^.\n]|\.(?=\S)|(?<=\bSt)\.){1,80})|"
    r"\b(?:remote(?:ly)?|position|role|job|opportunity|located|based|resid\w*|liv(?:e|es|ing)|"
    r"work(?:ing)?\s+from\s+anywhere|"
    r"candidates?|applicants?|talent|hire|hiring|open\s+to\s+\w+|(?:authori[sz]ed|eligib\w*|right)\s+to\s+work)[\s(]+"
    r"(?:(?:who|that|must|need\s+to|are|is|be|currently|only|fully|remote(?:ly)?|located|based|"
    r"work(?:ing)?|anywhere)[\s(]+){0,3}"
    r"(?:in|within|inside|from|outside(?:\s+of)?)[\s(]+(?:the\s+following\s+countries\s*:\s*)?"
    r"(?P<clause>(?:[^.;:!?\n]|\.(?=[A-Za-z])){1,80})|"
    r"\b(?P<based>[A-Z][\w.]*)-based,?\s+(?:\w+,?\s+){0,2}(?:role|position|job|opportunity)\b|"
    r"\bbe\s+(?P<be_based>[A-Z][\w.]*-based(?:\s+or\s+[A-Z][\w.]*-based)*)\b",
    re.IGNORECASE | re.MULTILINE,
)
# A clause stops at words that start something else ("…in the US, and will report to …").
_CLAUSE_END_RE = re.compile(
    r"\b(?:and\s+(?:will|report|work|must|are|is)|who|which|with|to\s+(?!\w+\s+time)|"
    r"for|during|where|as|at\s+(?!least)|that|but)\b|[()\[\]|/·]\s*(?![A-Z]{2}\b)",
    re.IGNORECASE,
)
# Words before a statement in its sentence that make it the company's ("Acme is a company
# based in Denmark", "our studio, located in Austin", "offices in Lyon"), not the job's,
# unless the sentence is about the job ("this role can be filled in our headquarters or…").
_COMPANY_RE = re.compile(
    r"\b(?:compan(?:y|ies)|headquarter\w*|hq|offices?|founded|studio|startup|firm|agency)\b",
    re.IGNORECASE,
)
_JOB_RE = re.compile(
    r"\b(?:this|the)\s+(?:role|position|job)\b|\byou\s+(?:can|may|will|must)\b", re.IGNORECASE
)
# "Acme is based in LA and London", "We are located in Austin": a subject other than the
# reader or the applicants that "is based in" a place is where the company sits.
_SEATED_SUBJECT_RE = re.compile(
    r"\b(?!you\b|candidates?\b|applicants?\b)\w+\s+(?:is|are)\s+(?:currently\s+)?$",
    re.IGNORECASE,
)
# A pay note's words ("this range is specific to employees based in the United States") say
# whose pay the figures are, not where the job may be done.
_PAY_NOTE_RE = re.compile(
    r"\b(?:salary|salaries|compensation|(?:this|the|base|pay|salary)\s+range)\b", re.IGNORECASE
)
_SENTENCE_START_RE = re.compile(r"[.!?\n]")
_PLACE_TEXT_LIMIT = 20_000  # statements are near the top or in the closing notes


def stated_places(description: str | None) -> tuple[list[str], list[str], list[str]]:
    """(countries, regions, named) the location statements of a board's description name
    (see `_STATEMENT_RE`), in order: a city counts as its country, `named` are the countries
    named as such (not through a city); regions are those named."""
    countries: list[str] = []
    regions: list[str] = []
    named: list[str] = []
    if not description:
        return countries, regions, named
    text = description[:_PLACE_TEXT_LIMIT] + "\n" + description[-_PLACE_TEXT_LIMIT:]
    for m in _STATEMENT_RE.finditer(text):
        before = text[max(0, m.start() - 120) : m.start()]
        sentence = _SENTENCE_START_RE.split(before)[-1]
        if m.group("clause") and _company_sentence(m.group(0), sentence):
            continue
        if m.group("clause") and _PAY_NOTE_RE.search(sentence):
            continue
        clause = m.group("line") or m.group("clause") or m.group("based") or m.group("be_based")
        if m.group("clause"):
            cut = _CLAUSE_END_RE.search(clause)
            clause = clause[: cut.start()] if cut else clause
        for place in find_places(clause):
            countries += place.countries
            regions += place.regions
            named += place.countries if place.city is None else ()
    return [list(dict.fromkeys(found)) for found in (countries, regions, named)]


def _company_sentence(statement: str, sentence: str) -> bool:
    """Whether the sentence a place statement ends is about the company, not the job."""
    if _JOB_RE.search(sentence):
        return False
    seated = statement.lower().startswith(("based", "located")) and _SEATED_SUBJECT_RE.search(
        sentence
    )
    return bool(seated or _COMPANY_RE.search(sentence))


def board_location(location: str | None, description: str | None) -> str | None:
    """The board's location field, or the places its description states when the field
    names no place ("Remote", empty), the whole world, or a narrower place than the
    statements do (an office city for a job open across the EU and UK or North America).
    A country stated beside a region that holds it ("the EU or UK", "North America Remote /
    San Francisco") is part of that region's scope, not a country of the job's own."""
    countries, regions, named = stated_places(description)
    if not countries and not regions:
        return location
    outside = [c for c in countries if region_of(c) not in regions]
    said = " / ".join([*regions, *(_country_name(c) for c in outside)])
    board_regions = {r for p in find_places(location or "") for r in p.regions}
    if board_regions:
        # The board's region ("Europe Only") is the scope, unless the text names countries
        # inside it ("open to candidates inside Poland").
        inside = named and not regions and all(region_of(c) in board_regions for c in named)
        return " / ".join(_country_name(c) for c in named) if inside else location
    own = parse_location(location or "")
    if not own.countries:
        # "Anywhere in the World" is the board's widest choice: the text's places narrow it.
        worldwide = "Worldwide" in parse_remote(location or "").scope
        return f"{location} ({said})" if location and not worldwide else said
    wider = bool(regions) or len(countries) > 1
    covered = all(c in countries or region_of(c) in regions for c in own.countries)
    return said if wider and covered else location


def _country_name(code: str) -> str:
    import pycountry  # imported when first needed: it costs every process 0.07 s

    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def pay_words(title: str) -> str | None:
    """The pay a board's title states ("Designer ($110-$190/hr)"), when it reads as a
    salary: the posting's salary words."""
    words = title_pay(title)
    return words if words and parse_salary(words) else None


# The job's own arrangement in a labelled line or a LinkedIn tag: "Work Location: Onsite
# (Plant 2)", "Workplace type: Hybrid", "#LI-Hybrid".
_ARRANGEMENT_RE = re.compile(
    r"^[ \t\-•*]*(?:work(?:place)?\s*(?:location|type|model|arrangement|setting|style|mode)|"
    r"location\s*type|workplace|work\s+environment)\s*:\s*(?P<value>[^\n]{1,60})|"
    r"#LI-(?P<tag>Hybrid|On-?site|Remote)\b",
    re.IGNORECASE | re.MULTILINE,
)


# A sentence about the job itself: "This is a remote, US-based role", "You will work remotely".
_JOB_SENTENCE_RE = re.compile(r"\b(?:role|position|job|opportunity|you)\b", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"[^.!?\n]+")


def _job_said_remote(description: str) -> bool:
    """Whether a sentence about the job, not one that leaves it to each role, says remote."""
    return any(
        "remot" in sentence.lower()
        and _JOB_SENTENCE_RE.search(sentence)
        and not role_dependent(sentence)
        and parse_remote(sentence).remote == "remote"
        for sentence in _SENTENCE_RE.findall(description)
    )


def board_remote(description: str | None) -> str:
    """A remote board's policy for a job: remote, unless the job's text states in a
    labelled line or tag that it is hybrid or onsite. A text that leaves the way of working
    to each role (jobs copied from a company's careers site) makes the board's rule
    unreliable: unknown, unless a sentence about the job says remote."""
    description = description or ""
    for m in _ARRANGEMENT_RE.finditer(description):
        policy = parse_remote(m.group("value") or m.group("tag")).remote
        if policy in ("hybrid", "onsite"):
            return policy
    if role_dependent(description) and not _job_said_remote(description):
        return "unknown"
    return "remote"


def board_posting(
    record: dict[str, Any],
    title: str,
    company: str | None,
    description: str,
    location: str | None,
    html: str,
    **fields: Any,
) -> ExtractedPosting:
    """A remote board's job as a posting: what every JSON board fills alike (the cleaned
    title, the `tags`, the place from `location` or the text, the remote policy by the board's
    rule, the links of `html`), plus the board's own `fields` (pay, dates, URLs)."""
    return ExtractedPosting(
        title=clean_title(title, company),
        posted_title=title,
        company=company,
        description=description,
        tags=tag_list(record.get("tags")),
        location_text=board_location(location, description),
        structured_remote=board_remote(description),
        urls=extract_links(html),
        **fields,
    )


@dataclass(frozen=True)
class RemoteApiFields:
    """Where a remote-only jobs API (Himalayas, Jobicy) keeps what every such API has."""

    title: str
    description: str  # HTML
    excerpt: str  # plain text, the description when the HTML gives none
    pay: tuple[str, str, str, str]  # least, most, currency, period
    company: str = "companyName"


def remote_api_extraction(
    record: dict[str, Any], names: RemoteApiFields, **fields: Any
) -> Extraction:
    """One remote posting per job of a remote-only API: title, company, text, pay and links
    read by `names`, plus the API's own `fields` (place, level, dates, URLs)."""
    title = clean(record.get(names.title))
    if not title:
        return Extraction(skip_reason="empty")
    body = record.get(names.description)
    body = body if isinstance(body, str) else ""
    posting = ExtractedPosting(
        title=title,
        company=clean(record.get(names.company)),
        description=html_to_text(body) or (clean(record.get(names.excerpt)) or ""),
        structured_salary=board_salary(*(record.get(key) for key in names.pay)),
        structured_remote="remote",
        urls=extract_links(body),
        **fields,
    )
    return Extraction([posting])
