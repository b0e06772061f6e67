"""Arbeitnow job-board API jobs → `ExtractedPosting`.

Fields read: `title`, `company_name`, `location` ("Berlin, Berlin"), `remote` (a flag: true
means fully remote; false says only that it is not, so the words decide between hybrid and
office), `tags`, `job_types`, `created_at` (seconds since the epoch), `url`, and
`description`, HTML whose markup Arbeitnow sends entity-escaped ("&lt;p&gt;"), unescaped here
before it is read. Pay is never structured: it is read from the text (German "€ brutto
jährlich" and the like).
"""

from __future__ import annotations

import html
from typing import Any

from pipelines.extract.boards import clean, epoch_time, tag_list
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links, html_to_text


def unescaped_html(value: object) -> str:
    """Arbeitnow's description as real HTML: its markup arrives entity-escaped once."""
    if not isinstance(value, str):
        return ""
    return html.unescape(value) if "&lt;" in value else value


def extract_arbeitnow(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One posting per Arbeitnow job."""
    title = clean(record.get("title"))
    if not title:
        return Extraction(skip_reason="empty")
    body = unescaped_html(record.get("description"))
    return Extraction(
        [
            ExtractedPosting(
                title=title,
                company=clean(record.get("company_name")),
                description=html_to_text(body),
                location_text=clean(record.get("location")),
                structured_remote="remote" if record.get("remote") is True else None,
                tags=tag_list(record.get("tags")),
                posted_at=epoch_time(record.get("created_at")),
                url=clean(record.get("url")),
                urls=extract_links(body),
            )
        ]
    )
