"""Raw source records → normalized postings, one per role, with DESIGN.md's canonical values.

Each source has an extractor that reads the fields as the source states them; everything
after that (salary, location, remote, skills, role, seniority) is shared by all sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from pipelines.blurb import without_blurb
from pipelines.catalog import resolve, sources_of_kind
from pipelines.classify import (
    ML_ROLES,
    classify_role,
    classify_seniority,
    classify_subfields,
    is_ml,
)
from pipelines.fx import annual_usd
from pipelines.location import parse_location, region_of, split_places
from pipelines.model import ExtractedPosting, Extraction, Location, RemotePolicy, Salary
from pipelines.remote import (
    TWO_LETTER_TIME_ZONES,
    parse_remote,
    remote_as_perk,
    remote_mode,
    visa_sponsorship,
)
from pipelines.salary import find_salaries, has_equity, one_salary, out_of_bounds, parse_salary
from pipelines.skills import asked_of, extract_skills, tag_skills
from pipelines.times import utc_time
from pipelines.timezones import offset_columns, posting_offsets
from pipelines.titles import cut_tags
from pipelines.urls import record_urls

# An extractor reads one source record; `context` is what the spider knew about the page it
# came from (the HN thread, the ATS board and company name...).
Extractor = Callable[[dict[str, Any], dict[str, Any]], Extraction]

# Every job source of the catalog (pipelines/catalog.py) and where its extractor lives.
_EXTRACTOR_PATHS = {s.name: s.extractor for s in sources_of_kind("jobs") if s.extractor}


@lru_cache(maxsize=64)  # the catalog has some twenty job sources
def extractor(source: str | None) -> Extractor | None:
    """The extractor of a job source, None for a source without one. Imported on first use: a
    process normalizing one source (a Dagster partition's) does not import the other sources'
    extractors and build their patterns, a quarter of a Greenhouse process's import time."""
    path = _EXTRACTOR_PATHS.get(source or "")
    return resolve(path) if path else None


@dataclass
class Normalized:
    postings: list[dict[str, Any]]
    skip_reason: str | None = None


def parse_time(value: str | datetime | None) -> datetime | None:
    """An ISO 8601 string or datetime as a timezone-aware UTC datetime."""
    if isinstance(value, str) and value:
        return _parse_text_time(value)
    return None if value is None or value == "" else utc_time(value)


@lru_cache(maxsize=1024)  # a crawl's records share their fetch time
def _parse_text_time(value: str) -> datetime:
    return utc_time(value)


def _salary(
    posting: ExtractedPosting, country: str | None, roles: int
) -> tuple[Salary | None, str | None, str | None]:
    """(pay, its source, the words of pay left out as implausible): pay from the source's
    structure first, then from the stated salary words, then from the description when it
    states one pay (`one_salary`) and the record has one role. Pay outside the plausible bounds
    for its period, structured or not, is never kept."""
    rejected: list[str] = []
    found = posting.structured_salary
    if found is not None:
        if not out_of_bounds(found.min, found.max, found.currency, found.period):
            return found, "structured", None
        rejected.append(found.text)
    elif posting.salary_text:
        if salary := parse_salary(posting.salary_text, country=country, rejected=rejected):
            return salary, "text", None
    elif roles == 1 and posting.description:
        stated = find_salaries(posting.description, country=country, rejected=rejected)
        if salary := one_salary(stated):
            return salary, "text", None
    return None, None, (rejected[0] if rejected else None)


def _header(posting: _PlaceWords) -> str:
    """The posting's header words: its remote and location segments."""
    return " ".join(t for t in (posting.remote_text, posting.location_text) if t)


def _remote(posting: _PlaceWords, header: str) -> RemotePolicy:
    """The remote policy: the source's own field first, then the `header` words (location and
    remote segments), then the tags cleaning cut from the title ("Data Scientist (Hybrid)"),
    then the description (where the extractor lets it speak for the role). A "remote" with a
    stated location ("USA Only", "Europe") and no scope of its own takes its scope from that
    location."""
    stated = parse_remote(header) if header else RemotePolicy()
    body = posting.description if posting.mode_in_description else ""  # the words read
    visa = stated.visa_sponsorship
    if visa == "unknown" and body:
        visa = visa_sponsorship(body)
    if posting.structured_remote:
        scope = stated.scope
        if posting.structured_remote == "remote" and not scope:
            scope = _location_scope(posting.location_text)
        return RemotePolicy(posting.structured_remote, scope, visa)
    if stated.remote == "unknown" and posting.title_tags:
        titled = parse_remote(posting.title_tags)
        scope = titled.scope or _location_scope(posting.location_text)
        stated = RemotePolicy(titled.remote, scope if titled.remote == "remote" else ())
    # The body's scope is read only when its policy is the one chosen.
    if stated.remote == "unknown":
        chosen = parse_remote(body) if body else RemotePolicy()
    elif stated.remote == "onsite" and body and _some_days_away(body):
        chosen = RemotePolicy("hybrid")  # "NYC (Onsite)", then "4 days/week in the office"
    else:
        chosen = stated
    return RemotePolicy(chosen.remote, chosen.scope, visa)


def _some_days_away(body: str) -> bool:
    """Whether a description below an onsite header lets the job leave the office some days:
    office days ("4 days/week in the office"), or remote work among its perks ("flex hours,
    and the opportunity to work remotely"). Remote work stated as the job's ("Remote from
    Spain is fine") leaves the header's onsite standing."""
    return remote_mode(body) == "hybrid" or remote_as_perk(body)


def _location_scope(location_text: str | None) -> tuple[str, ...]:
    """The scope a job's location gives a remote policy stated elsewhere."""
    return parse_remote(f"Remote ({location_text})").scope if location_text else ()


def _country(location: Location, policy: RemotePolicy) -> str | None:
    """The one country the job is in: the named place's, or for a remote job limited to one
    country that country. None when the job spans several countries ("Amsterdam or Berlin",
    "Remote (US/Canada)") or a region or time zones ("Warsaw office or Remote (EU)")."""
    named = set(location.countries)
    if len(named) > 1:
        return None
    if policy.remote == "remote" and policy.scope:
        scope = set(policy.scope)
        # "Remote (Pacific Timezone)" is limited to a time zone, not to Portugal.
        zones = {s for s in scope if len(s) != 2 or s in TWO_LETTER_TIME_ZONES and s not in named}
        if zones or len(scope | named) > 1:
            return None
        return next(iter(scope))
    return location.country


def _skills(posting: ExtractedPosting, role: str) -> list[str]:
    """Skills named in the posting's own text (its section when the record has several roles),
    then those of the board's tags ("golang" → go). A whole page (no `skills_text` of the
    role's own words) is read without the company's story ("Acme delivers Linux
    infrastructure"), and tells a non-technical job only its tools and the fields its title
    names, from the text or a tag (a board tags a marketing job at a security firm
    "security")."""
    text = posting.skills_text
    if not text:
        page = posting.description  # an empty one (a board listing's job) holds no story
        if page:
            page = without_blurb(page, posting.company, header=False)
        text = f"{posting.title}\n{page}"
    if posting.company and len(posting.company) > 2:
        text = text.replace(posting.company, " ")  # "Larkhill Robotics" asks for no robotics
    found = extract_skills(text)
    if posting.tags:
        found = list(
            dict.fromkeys(
                [*found, *tag_skills(posting.tags, found, None if role in ML_ROLES else text)]
            )
        )
    if not posting.skills_text:
        found = asked_of(found, posting.title, technical=role != "other")
    return found


def _seniority(posting: ExtractedPosting) -> str:
    """The level the title (or description) states, else the source's own level field."""
    stated = classify_seniority(posting.title, posting.description)
    if stated == "unknown" and posting.structured_seniority:
        return posting.structured_seniority
    return stated


class _PlaceWords(NamedTuple):
    """What a posting's places, remote policy and UTC offsets are read from."""

    location_text: str | None
    remote_text: str | None
    structured_remote: str | None
    title_tags: str  # the work-mode words cleaning cut from the title (`cut_tags`)
    description: str
    mode_in_description: bool
    countries: tuple[str, ...]
    utc_offsets: tuple[float, ...]


@lru_cache(maxsize=4096)  # a board's jobs share their place and remote words
def _places(
    words: _PlaceWords,
) -> tuple[Location, RemotePolicy, str | None, tuple[float, float] | None]:
    """(the places named, the remote policy, the one country, the UTC offset range)."""
    location = parse_location(words.location_text or "")
    if not location.countries and words.countries:
        location = Location(
            countries=words.countries,
            regions=tuple(dict.fromkeys(r for c in words.countries if (r := region_of(c)))),
            cities=location.cities,
        )
    header = _header(words)
    policy = _remote(words, header)
    offsets = posting_offsets(
        remote=policy.remote,
        scope=policy.scope,
        header=header,
        description=words.description,
        location_text=words.location_text,
        countries=words.countries,
        structured=words.utc_offsets,
    )
    return location, policy, _country(location, policy), offsets


def _title_tags(posting: ExtractedPosting) -> str:
    """The words cleaning cut from the posting's title (and the mode of a CJK mode word in a
    bracket it kept, see `cut_tags`) when they state a work mode, else "" (most state a place
    or a contract: those postings share their place words' readings)."""
    posted = posting.posted_title
    if not posted:
        return ""
    tags = cut_tags(posted, posting.title, posting.company)
    return tags if tags and remote_mode(tags) != "unknown" else ""


def normalize_posting(
    posting: ExtractedPosting, raw: dict[str, Any], role_index: int, roles: int
) -> dict[str, Any]:
    location, policy, country, offsets = _places(
        _PlaceWords(
            posting.location_text,
            posting.remote_text,
            posting.structured_remote,
            _title_tags(posting),
            posting.description,
            posting.mode_in_description,
            tuple(posting.countries),
            tuple(posting.utc_offsets),
        )
    )
    salary, salary_source, salary_rejected = _salary(posting, country or location.country, roles)
    fetched_at = parse_time(raw["fetched_at"])
    posted_at = posting.posted_at or fetched_at
    usd_min, usd_max = annual_usd(salary, posted_at.date()) if salary else (None, None)
    # A role beside others is read from its own words: another role's hiring sentence ("we
    # are also hiring data scientists") does not name a generic "Software Engineer".
    own = posting.skills_text if roles > 1 and posting.skills_text else posting.description
    role = classify_role(posting.title, own)
    skills = _skills(posting, role)
    url = posting.url or raw.get("url")
    canonical_url, urls = record_urls(raw["source"], url, posting.apply_url, posting.urls)
    return {
        "source": raw["source"],
        "source_id": raw["source_id"],
        "role_index": role_index,
        "title": posting.title,
        "posted_title": posting.posted_title if posting.posted_title != posting.title else None,
        "company": posting.company,
        "is_ml": is_ml(role),
        "role": role,
        "seniority": _seniority(posting),
        "subfields": classify_subfields(posting.title, posting.description, skills),
        "skills": skills,
        "location_text": posting.location_text,
        "locations": split_places(posting.location_text),
        "countries": list(location.countries),
        "country": country,
        "region": location.region or (region_of(country) if country else None),
        "remote": policy.remote,
        "remote_scope": list(policy.scope),
        "visa_sponsorship": policy.visa_sponsorship,
        **offset_columns(offsets),
        "salary_min": salary.min if salary else None,
        "salary_max": salary.max if salary else None,
        "salary_currency": salary.currency if salary else None,
        "salary_currency_uncertain": salary.currency_uncertain if salary else None,
        "salary_period": salary.period if salary else None,
        "salary_min_usd": usd_min,
        "salary_max_usd": usd_max,
        "salary_text": salary.text if salary else None,
        "salary_source": salary_source,
        "salary_rejected": salary_rejected,
        "equity": posting.structured_equity
        or has_equity(" ".join(t for t in (posting.salary_text, posting.description) if t)),
        "posted_at": posted_at,
        "first_seen": parse_time(raw["first_seen"]) if raw.get("first_seen") else fetched_at,
        "last_seen": parse_time(raw["last_seen"]) if raw.get("last_seen") else fetched_at,
        "fetched_at": fetched_at,
        "url": url,
        "apply_url": posting.apply_url,
        "canonical_url": canonical_url,
        "urls": urls,
        "description": posting.description,
    }


def normalize_record(raw: dict[str, Any]) -> Normalized:
    """Normalize one raw-zone record (see `spiders.records.raw_record`)."""
    extract = extractor(raw.get("source"))
    if extract is None:
        return Normalized([], f"no extractor for source {raw.get('source')!r}")
    extraction = extract(raw["record"], raw.get("context") or {})
    if extraction.skip_reason or not extraction.postings:
        return Normalized([], extraction.skip_reason or "no_postings")
    roles = len(extraction.postings)
    return Normalized(
        [normalize_posting(p, raw, i, roles) for i, p in enumerate(extraction.postings)]
    )
