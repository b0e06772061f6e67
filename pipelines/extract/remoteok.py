"""RemoteOK API jobs → `ExtractedPosting`.

The description loses RemoteOK's anti-spam paragraph (a code word and an IP-derived tag).
RemoteOK double-encodes UTF-8 in some fields ("MecÃ¡nico"); titles, company names and
locations are repaired like the description. A place the title ends with ("… Philippines") is
the location when the location field is empty. `salary_min`/`salary_max` are USD integers with
0 for "not stated". The field is meant to be annual, but a few posters type an hourly rate
into it (30-30, 80-140): amounts up to 300 are taken as hourly, from 8,000 as annual, and
the ambiguous band in between is dropped rather than stored as a salary it may not be.
Posters also type other currencies and periods into those USD-a-year fields (PLN 350,700 as
350700, €2,500/month as 30000): when the description states pay with its own currency or
period and its figures agree with the fields', the description's pay is the salary.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pipelines.extract.boards import board_posting, clean
from pipelines.location import find_places
from pipelines.model import Extraction, Salary
from pipelines.salary import find_salaries
from pipelines.text import html_to_text, repair_mojibake
from pipelines.times import iso_time
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


# Periods in a year, to compare figures stated per month or week with the annual fields.
_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


def _agrees(stated: Salary, fields: Salary) -> bool:
    """Whether a figure of `stated`, as is or over a year, is one of the fields' figures."""
    if stated.currency is None or stated.currency_uncertain:
        return False
    scale = _PER_YEAR[stated.period] // _PER_YEAR[fields.period] or 1
    figures = [f for f in (stated.min, stated.max) if f]
    targets = [f for f in (fields.min, fields.max) if f]
    return any(abs(f * k - t) <= 0.01 * t for f in figures for k in {1, scale} for t in targets)


def stated_pay(fields: Salary | None, description: str) -> Salary | None:
    """The salary: the structured fields, or the description's pay that they mistype."""
    if fields is None or not description:
        return fields
    found = find_salaries(description)
    return next((s for s in found if _agrees(s, fields)), fields)


def _posted(record: dict[str, Any]) -> datetime | None:
    posted = iso_time(record.get("date"))
    if posted is None and isinstance(record.get("epoch"), int | float):
        posted = datetime.fromtimestamp(record["epoch"], UTC)
    return posted


def _fixed(value: Any) -> str | None:
    text = clean(value)
    return repair_mojibake(text) if text else None


def _title_place(title: str, company: str | None) -> str | None:
    """The place a title ends with and its cleaning cuts ("Creative Strategist Philippines",
    "Designer (LATAM)"): where the job is when the location field is empty."""
    cleaned = clean_title(title, company)
    head = title.find(cleaned)
    if cleaned == title or head < 0:
        return None
    tail = title[head + len(cleaned) :].strip(" -–—|,()[]")
    return tail if find_places(tail) else None


def extract_remoteok(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One posting per RemoteOK job; remote by the board's rule unless the text says otherwise."""
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
            board_posting(
                record,
                title,
                company,
                description,
                _fixed(record.get("location")) or _title_place(title, company),
                html,
                structured_salary=stated_pay(
                    remoteok_salary(record.get("salary_min"), record.get("salary_max")),
                    description,
                ),
                posted_at=_posted(record),
                url=clean(record.get("url")),
                apply_url=clean(record.get("apply_url")),
            )
        ]
    )
