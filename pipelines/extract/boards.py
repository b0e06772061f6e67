"""Helpers the job board extractors (RemoteOK, Remotive, We Work Remotely, Arbeitnow,
Himalayas, Jobicy...) share."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from pipelines.extract.ats import structured_salary
from pipelines.model import Salary


def tag_list(tags: object) -> list[str]:
    """The board's tags as stripped strings (the normalizer maps them to skills)."""
    if not isinstance(tags, list):
        return []
    return [t.strip() for t in tags if isinstance(t, str) and t.strip()]


def iso_time(value: object) -> datetime | None:
    """An ISO 8601 timestamp as an aware datetime (naive ones are UTC); None when unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def rfc822_time(value: object) -> datetime | None:
    """An RSS date ("Mon, 07 Nov 2022 16:20:50 +0000") as an aware datetime, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def clean(value: object) -> str | None:
    """A stripped string field, None when missing or blank."""
    return value.strip() or None if isinstance(value, str) else None


# Pay-period words of the boards' structured pay fields → SALARY_PERIODS.
PAY_PERIODS = {
    "annual": "year",
    "annually": "year",
    "yearly": "year",
    "year": "year",
    "monthly": "month",
    "month": "month",
    "weekly": "week",
    "week": "week",
    "daily": "day",
    "day": "day",
    "hourly": "hour",
    "hour": "hour",
}


def pay_period(value: object) -> str | None:
    """'annual', 'Yearly', 'hourly'... → 'year', 'hour'...; None for anything else."""
    return PAY_PERIODS.get(value.strip().lower()) if isinstance(value, str) else None


def epoch_time(value: object) -> datetime | None:
    """Seconds since the epoch (an int, or digits) as a UTC datetime; None when unreadable."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return datetime.fromtimestamp(value, UTC)


def board_salary(low: object, high: object, currency: object, period: object) -> Salary | None:
    """Structured pay from a board's min/max/currency/period fields; None when they hold no
    pay, or when a period is stated that is not a pay period we know (not base pay)."""
    known = pay_period(period)
    if period not in (None, "") and known is None:
        return None
    return structured_salary(low, high, currency, known or "year")
