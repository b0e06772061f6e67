"""Personio XML feed positions (`<company>.jobs.personio.de/xml`) → `ExtractedPosting`.

The spider turns each `<position>` into a dict of its elements. Read: `name` (the title),
`subcompany`, `office` and `additionalOffices`, `jobDescriptions` [{name, value (HTML)}],
`seniority` ("entry-level", "experienced", "executive", "student"), `keywords` (comma
separated), `createdAt`. The feed states no pay and no country: both come from the words.
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.ats import company, joined
from pipelines.extract.boards import clean
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links, html_to_text
from pipelines.times import iso_time

SENIORITY = {"student": "intern", "entry-level": "junior", "executive": "director"}


def extract_personio(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    title = clean(record.get("name"))
    if not title:
        return Extraction(skip_reason="empty")
    sections = [d for d in record.get("jobDescriptions") or [] if isinstance(d, dict)]
    html = [d.get("value") for d in sections if isinstance(d.get("value"), str)]
    offices = [clean(record.get("office")), *map(clean, record.get("additionalOffices") or [])]
    keywords = clean(record.get("keywords")) or ""
    return Extraction(
        [
            ExtractedPosting(
                title=title,
                company=company(context, record.get("subcompany")),
                description=joined(
                    *(joined(d.get("name"), html_to_text(d.get("value"))) for d in sections)
                ),
                location_text="; ".join(dict.fromkeys(o for o in offices if o)) or None,
                structured_seniority=SENIORITY.get((clean(record.get("seniority")) or "").lower()),
                tags=[k.strip() for k in keywords.split(",") if k.strip()],
                posted_at=iso_time(record.get("createdAt")),
                urls=extract_links("\n".join(html)),
            )
        ]
    )
