"""Lever postings (`api.lever.co/v0/postings/<company>?mode=json`).

Structure read: `categories` (location, allLocations, commitment, team), `salaryRange`
{min, max, currency, interval}, `workplaceType`, `country` (alpha-2), `createdAt` (ms epoch),
`hostedUrl`/`applyUrl`. The description is the posting's plain text, its `lists` (headed
bullet lists, HTML) and its closing `additional` text.
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.ats import (
    company,
    country_code,
    epoch_ms,
    joined,
    plain_or_html,
    structured_salary,
    workplace,
)
from pipelines.model import ExtractedPosting, Extraction, Salary
from pipelines.text import extract_links, html_to_text
from pipelines.titles import clean_title

_INTERVALS = {
    "per-year-salary": "year",
    "per-month-salary": "month",
    "per-week-salary": "week",
    "per-day-wage": "day",
    "per-hour-wage": "hour",
}


def _salary(record: dict[str, Any]) -> Salary | None:
    pay = record.get("salaryRange")
    if not isinstance(pay, dict):
        return None
    interval = pay.get("interval")
    if interval and interval not in _INTERVALS:  # e.g. "one-time": not base pay
        return None
    return structured_salary(
        pay.get("min"), pay.get("max"), pay.get("currency"), _INTERVALS.get(interval, "year")
    )


def _plain(record: dict[str, Any], field: str) -> str:
    return plain_or_html(record.get(f"{field}Plain"), record.get(field))


def _description(record: dict[str, Any]) -> str:
    lists = [
        joined(item.get("text"), html_to_text(item.get("content")))
        for item in record.get("lists") or []
        if isinstance(item, dict)
    ]
    return joined(_plain(record, "description"), *lists, _plain(record, "additional"))


def _location(categories: dict[str, Any]) -> str | None:
    places = [p.strip() for p in categories.get("allLocations") or [] if isinstance(p, str)]
    places = [p for p in places if p] or [(categories.get("location") or "").strip()]
    return "; ".join(dict.fromkeys(p for p in places if p)) or None


def extract_lever(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    title = (record.get("text") or "").strip()
    if not title:
        return Extraction(skip_reason="empty")
    categories = record.get("categories") if isinstance(record.get("categories"), dict) else {}
    structured = _salary(record)
    salary_words = _plain(record, "salaryDescription") if not structured else ""
    country = country_code(record.get("country"))
    html_parts = [record.get("description"), record.get("additional")]
    html_parts += [i.get("content") for i in record.get("lists") or [] if isinstance(i, dict)]
    posting = ExtractedPosting(
        title=clean_title(title),
        posted_title=title,
        company=company(context),
        description=_description(record),
        location_text=_location(categories),
        structured_salary=structured,
        salary_text=salary_words or None,
        structured_remote=workplace(record.get("workplaceType")),
        countries=[country] if country else [],
        posted_at=epoch_ms(record.get("createdAt")),
        url=record.get("hostedUrl") or None,
        apply_url=record.get("applyUrl") or None,
        urls=extract_links("\n".join(p for p in html_parts if isinstance(p, str))),
    )
    return Extraction([posting])
