"""Recruitee offers (`<company>.recruitee.com/api/offers/`) → `ExtractedPosting`.

Structure read: `title`, `company_name`, `location`/`city`/`country`, `country_code`, the
workplace flags `remote`/`hybrid`/`on_site`, `salary` {min, max, currency, period},
`experience_code`, `tags`, `published_at`/`created_at` ("2026-11-15 09:00:00 UTC"),
`careers_url`/`careers_apply_url`, and the HTML `description` and `requirements`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pipelines.extract.ats import company, country_code, joined
from pipelines.extract.boards import board_salary, clean, tag_list
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links, html_to_text
from pipelines.times import iso_time

SENIORITY = {
    "student": "intern",
    "internship": "intern",
    "entry_level": "junior",
    "mid_level": "mid",
    "senior_level": "senior",
    "manager": "manager",
    "executive": "director",
}


def recruitee_time(value: object) -> datetime | None:
    """'2026-11-15 09:00:00 UTC' (or ISO 8601) as an aware datetime."""
    if isinstance(value, str) and value.strip().endswith(" UTC"):
        value = value.strip().removesuffix(" UTC").replace(" ", "T") + "+00:00"
    return iso_time(value)


def _workplace(record: dict[str, Any]) -> str | None:
    if record.get("remote") is True:
        return "remote"
    if record.get("hybrid") is True:
        return "hybrid"
    if record.get("on_site") is True:
        return "onsite"
    return None


def extract_recruitee(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    title = clean(record.get("title"))
    if not title:
        return Extraction(skip_reason="empty")
    html = [record.get(k) for k in ("description", "requirements")]
    html = [h for h in html if isinstance(h, str)]
    pay = record.get("salary") if isinstance(record.get("salary"), dict) else {}
    country = country_code(record.get("country_code")) or country_code(record.get("country"))
    place = clean(record.get("location")) or ", ".join(
        p for p in (clean(record.get("city")), clean(record.get("country"))) if p
    )
    return Extraction(
        [
            ExtractedPosting(
                title=title,
                company=company(context, record.get("company_name")),
                description=joined(*(html_to_text(h) for h in html)),
                location_text=place or None,
                structured_salary=board_salary(
                    pay.get("min"), pay.get("max"), pay.get("currency"), pay.get("period")
                ),
                structured_remote=_workplace(record),
                structured_seniority=SENIORITY.get(str(record.get("experience_code") or "")),
                countries=[country] if country else [],
                tags=tag_list(record.get("tags")),
                posted_at=recruitee_time(record.get("published_at"))
                or recruitee_time(record.get("created_at")),
                url=clean(record.get("careers_url")),
                apply_url=clean(record.get("careers_apply_url")),
                urls=extract_links("\n".join(html)),
            )
        ]
    )
