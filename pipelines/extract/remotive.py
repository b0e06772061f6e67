"""Remotive API jobs → `ExtractedPosting`.

Remotive states pay only as free text (`salary`: "", "$90k - $105k"), which goes to the
salary normalizer as `salary_text`. `candidate_required_location` ("USA", "Europe",
"Worldwide") is where a candidate may work from: the location the remote scope is read from.
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.boards import board_location, board_remote, clean, pay_words, tag_list
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links, html_to_text
from pipelines.times import iso_time
from pipelines.titles import clean_title


def extract_remotive(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One posting per Remotive job; remote by the board's rule unless the text says otherwise."""
    title = clean(record.get("title"))
    if not title:
        return Extraction(skip_reason="empty")
    html = record.get("description") or ""
    company = clean(record.get("company_name"))
    description = html_to_text(html)
    return Extraction(
        [
            ExtractedPosting(
                title=clean_title(title, company),
                company=company,
                description=description,
                tags=tag_list(record.get("tags")),
                location_text=board_location(
                    clean(record.get("candidate_required_location")), description
                ),
                salary_text=clean(record.get("salary")) or pay_words(title),
                structured_remote=board_remote(description),
                posted_at=iso_time(record.get("publication_date")),
                url=clean(record.get("url")),
                urls=extract_links(html),
            )
        ]
    )
