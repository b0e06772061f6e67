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

from pipelines.extract.boards import RemoteApiFields, clean, remote_api_extraction
from pipelines.model import Extraction
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


FIELDS = RemoteApiFields(
    title="jobTitle",
    description="jobDescription",
    excerpt="jobExcerpt",
    pay=("salaryMin", "salaryMax", "salaryCurrency", "salaryPeriod"),
)


def extract_jobicy(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One remote posting per Jobicy job."""
    level = clean(record.get("jobLevel"))
    return remote_api_extraction(
        record,
        FIELDS,
        location_text=geo_text(record.get("jobGeo")),
        structured_seniority=SENIORITY.get(level.lower()) if level else None,
        posted_at=iso_time(record.get("pubDate")),
        url=clean(record.get("url")),
    )
