"""Remotive API jobs → `ExtractedPosting`.

Remotive states pay only as free text (`salary`: "", "$90k - $105k"), which goes to the
salary normalizer as `salary_text`. `candidate_required_location` ("USA", "Europe",
"Worldwide") is where a candidate may work from: the location the remote scope is read from.
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.boards import board_posting, clean, pay_words
from pipelines.model import Extraction
from pipelines.text import html_to_text
from pipelines.times import iso_time


def extract_remotive(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One posting per Remotive job; remote by the board's rule unless the text says otherwise."""
    title = clean(record.get("title"))
    if not title:
        return Extraction(skip_reason="empty")
    html = record.get("description") or ""
    return Extraction(
        [
            board_posting(
                record,
                title,
                clean(record.get("company_name")),
                html_to_text(html),
                clean(record.get("candidate_required_location")),
                html,
                salary_text=clean(record.get("salary")) or pay_words(title),
                posted_at=iso_time(record.get("publication_date")),
                url=clean(record.get("url")),
            )
        ]
    )
