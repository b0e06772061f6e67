"""Helpers the remote job board extractors (RemoteOK, Remotive, We Work Remotely) share."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


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
