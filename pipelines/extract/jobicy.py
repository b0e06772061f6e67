"""Jobicy remote-jobs API → `ExtractedPosting`.

Every Jobicy job is remote. Structure read: `jobTitle`, `companyName`, `jobGeo` (where a
candidate may live: "LATAM,  Canada,  USA", "Anywhere", "Germany"), `jobLevel` ("Any",
"Entry", "Midweight", "Senior", "Manager"...), `salaryMin`/`salaryMax`/`salaryCurrency`/
`salaryPeriod` (present only when stated), `pubDate` (ISO 8601), `url`, and the HTML
`jobDescription`.
"""

from __future__ import annotations

import re
from typing import Any

from pipelines.extract.boards import board_salary, clean
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links, html_to_text
from pipelines.times import iso_time

SENIORITY = {
    "entry": "junior",
    "junior": "junior",
    "midweight": "mid",
    "mid": "mid",
    "senior": "senior",
    "lead": "lead",
    "manager": "manager",
    "director": "director",
}


def geo_text(value: object) -> str | None:
    """'LATAM,  Canada,  USA' → 'LATAM, Canada, USA'."""
    if not isinstance(value, str):
        return None
    parts = [p.strip() for p in re.split(r"\s*,\s*", value) if p.strip()]
    return ", ".join(parts) or None


def extract_jobicy(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One remote posting per Jobicy job."""
    title = clean(record.get("jobTitle"))
    if not title:
        return Extraction(skip_reason="empty")
    body = record.get("jobDescription") if isinstance(record.get("jobDescription"), str) else ""
    level = clean(record.get("jobLevel"))
    return Extraction(
        [
            ExtractedPosting(
                title=title,
                company=clean(record.get("companyName")),
                description=html_to_text(body) or (clean(record.get("jobExcerpt")) or ""),
                location_text=geo_text(record.get("jobGeo")),
                structured_salary=board_salary(
                    record.get("salaryMin"),
                    record.get("salaryMax"),
                    record.get("salaryCurrency"),
                    record.get("salaryPeriod"),
                ),
                structured_remote="remote",
                structured_seniority=SENIORITY.get(level.lower()) if level else None,
                posted_at=iso_time(record.get("pubDate")),
                url=clean(record.get("url")),
                urls=extract_links(body),
            )
        ]
    )
