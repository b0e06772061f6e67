"""RemoteOK API jobs → `ExtractedPosting`.

The description loses RemoteOK's anti-spam paragraph (a code word and an IP-derived tag).
RemoteOK double-encodes UTF-8 in some fields ("MecÃ¡nico"); titles, company names and
locations are repaired like the description. `salary_min`/`salary_max` are USD integers with
0 for "not stated". The field is meant to be annual, but a few posters type an hourly rate
into it (30-30, 80-140): amounts up to 300 are taken as hourly, from 8,000 as annual, and
the ambiguous band in between is dropped rather than stored as a salary it may not be.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pipelines.extract.boards import board_location, clean, iso_time, tag_list
from pipelines.model import ExtractedPosting, Extraction, Salary
from pipelines.text import extract_links, html_to_text, repair_mojibake
from pipelines.titles import clean_title

# RemoteOK appends an anti-spam paragraph to every description: a code word and a tag that
# encodes the viewer's IP address. It is tracking, not part of the job.
_SPAM_CHECK = re.compile(r"\s*Please mention the word \S+ and tag \S+ when applying[^\n]*")
HOURLY_MAX = 300
ANNUAL_MIN = 8_000


def _amount(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        amount = float(value)
    except (TypeError, ValueError):
        return None
    return amount if amount > 0 else None


def _figure(amount: float) -> str:
    return f"{amount:.0f}" if amount.is_integer() else f"{amount:g}"


def remoteok_salary(salary_min: Any, salary_max: Any) -> Salary | None:
    """The structured USD salary, with its period told by magnitude (see the module doc)."""
    low, high = _amount(salary_min), _amount(salary_max)
    if low is None and high is None:
        return None
    low, high = sorted((low or high, high or low))
    if high <= HOURLY_MAX:
        period = "hour"
    elif low >= ANNUAL_MIN:
        period = "year"
    else:
        return None
    figures = _figure(low) if low == high else f"{_figure(low)}-{_figure(high)}"
    text = f"USD {figures} per {period}"
    return Salary(min=low, max=high, currency="USD", period=period, text=text)


def _posted(record: dict[str, Any]) -> datetime | None:
    posted = iso_time(record.get("date"))
    if posted is None and isinstance(record.get("epoch"), int | float):
        posted = datetime.fromtimestamp(record["epoch"], UTC)
    return posted


def _fixed(value: Any) -> str | None:
    text = clean(value)
    return repair_mojibake(text) if text else None


def extract_remoteok(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One posting per RemoteOK job; every RemoteOK job is remote by the board's rule."""
    title = _fixed(record.get("position"))
    if not title:
        return Extraction(skip_reason="empty")
    # Repaired before the HTML becomes text: collapsing whitespace first would cut the
    # mojibake of a no-break space ("Â\xa0") in half, past repair.
    html = repair_mojibake(record.get("description") or "")
    company = _fixed(record.get("company"))
    description = _SPAM_CHECK.sub("", html_to_text(html))
    return Extraction(
        [
            ExtractedPosting(
                title=clean_title(title, company),
                company=company,
                description=description,
                tags=tag_list(record.get("tags")),
                location_text=board_location(_fixed(record.get("location")), description),
                structured_salary=remoteok_salary(
                    record.get("salary_min"), record.get("salary_max")
                ),
                structured_remote="remote",
                posted_at=_posted(record),
                url=clean(record.get("url")),
                apply_url=clean(record.get("apply_url")),
                urls=extract_links(html),
            )
        ]
    )
