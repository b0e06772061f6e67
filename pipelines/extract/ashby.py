"""Ashby job-board jobs (`api.ashbyhq.com/posting-api/job-board/<org>?includeCompensation=true`).

Structure read: the `compensation` object (its `summaryComponents`, else the first tier's
`components`, of type "Salary" with minValue/maxValue/currencyCode/interval), `workplaceType`
and `isRemote`, `location` and `secondaryLocations`, `address.postalAddress.addressCountry`
(a country name), `publishedAt`, `jobUrl`/`applyUrl`. Unlisted jobs (`isListed: false`) are
reachable only by their link and are skipped.
"""

from __future__ import annotations

import re
from typing import Any

from pipelines.extract.ats import company, country_code, plain_or_html, structured_salary, workplace
from pipelines.location import parse_location
from pipelines.model import ExtractedPosting, Extraction, Salary
from pipelines.text import extract_links
from pipelines.times import iso_time

_INTERVAL = re.compile(r"^1\s+(YEAR|MONTH|WEEK|DAY|HOUR)$", re.I)


def _components(pay: dict[str, Any]) -> list[dict[str, Any]]:
    components = pay.get("summaryComponents") or []
    if not components:
        tiers = [t for t in pay.get("compensationTiers") or [] if isinstance(t, dict)]
        components = tiers[0].get("components") or [] if tiers else []
    return [c for c in components if isinstance(c, dict)]


def _salary(record: dict[str, Any]) -> Salary | None:
    pay = record.get("compensation")
    if not isinstance(pay, dict):
        return None
    for part in _components(pay):
        if part.get("compensationType") != "Salary":
            continue
        interval = _INTERVAL.match(str(part.get("interval") or "").strip())
        if part.get("interval") and not interval:
            continue  # "NONE" or an unknown interval: not a rate of pay
        period = interval.group(1).lower() if interval else "year"
        salary = structured_salary(
            part.get("minValue"), part.get("maxValue"), part.get("currencyCode"), period
        )
        if salary:
            return salary
    return None


def _places(record: dict[str, Any]) -> list[tuple[str | None, Any]]:
    """(location name, address) of the main and secondary locations."""
    places = [(record.get("location"), record.get("address"))]
    for extra in record.get("secondaryLocations") or []:
        if isinstance(extra, dict):
            places.append((extra.get("location"), extra.get("address")))
        elif isinstance(extra, str):
            places.append((extra, None))
    return places


def _country(name: Any, address: Any) -> str | None:
    """The address's country, unless the location's name is a region: the address of a
    "North America" or "Remote (Europe)" location is one country picked for the form, and
    would narrow the job to it."""
    if isinstance(name, str) and _region_only(name):
        return None
    postal = address.get("postalAddress") if isinstance(address, dict) else None
    return country_code(postal.get("addressCountry")) if isinstance(postal, dict) else None


def _region_only(name: str) -> bool:
    location = parse_location(name)
    return bool(location.regions) and not location.countries


def extract_ashby(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    if record.get("isListed") is False:
        return Extraction(skip_reason="unlisted")
    title = (record.get("title") or "").strip()
    if not title:
        return Extraction(skip_reason="empty")
    places = _places(record)
    names = [n.strip() for n, _ in places if isinstance(n, str) and n.strip()]
    countries = [c for name, address in places if (c := _country(name, address))]
    structured = _salary(record)
    pay = record.get("compensation") if isinstance(record.get("compensation"), dict) else {}
    salary_words = None if structured else pay.get("scrapeableCompensationSalarySummary")
    remote = workplace(record.get("workplaceType"))
    if remote is None and record.get("isRemote") is True:
        remote = "remote"
    posting = ExtractedPosting(
        title=title,
        company=company(context),
        description=plain_or_html(record.get("descriptionPlain"), record.get("descriptionHtml")),
        location_text="; ".join(dict.fromkeys(names)) or None,
        structured_salary=structured,
        salary_text=salary_words or None,
        structured_remote=remote,
        countries=list(dict.fromkeys(countries)),
        posted_at=iso_time(record.get("publishedAt")),
        url=record.get("jobUrl") or None,
        apply_url=record.get("applyUrl") or None,
        urls=extract_links(record.get("descriptionHtml")),
    )
    return Extraction([posting])
