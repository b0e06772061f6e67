"""ISO 8601 times as the project keeps them: timezone-aware, UTC when the text names no
zone ("Z" read as UTC, as Python 3.10's `fromisoformat` does not)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def utc_time(value: str | datetime) -> datetime:
    """An ISO 8601 string or a datetime as an aware datetime (naive ones are UTC); raises
    ValueError on text that is not ISO 8601."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def iso_time(value: Any) -> datetime | None:
    """Like `utc_time`, for a source's field: None when missing, blank or unreadable."""
    if isinstance(value, datetime):
        return utc_time(value)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return utc_time(value)
    except ValueError:
        return None
