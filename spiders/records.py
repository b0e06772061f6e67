"""The raw-zone record every spider yields: the source record verbatim plus provenance."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.http import Response


def fetched_at(response: Response) -> str:
    """When the response was produced: its HTTP `Date` header, else now (UTC, ISO 8601).

    Using the server's date means a replayed recording keeps the time it was recorded, so
    replaying the same HAR twice yields identical records.
    """
    raw = response.headers.get("Date")
    if raw:
        try:
            return parsedate_to_datetime(raw.decode("latin-1")).astimezone(UTC).isoformat()
        except (TypeError, ValueError):
            pass
    return datetime.now(UTC).isoformat(timespec="seconds")


def raw_record(
    response: Response,
    *,
    source: str,
    source_id: str | int,
    url: str,
    record: dict[str, Any],
    **context: Any,
) -> dict[str, Any]:
    """One line of the raw zone. `context` holds what the record means only in its page
    (for a Hacker News comment: its thread id, title and month)."""
    return {
        "source": source,
        "source_id": str(source_id),
        "url": url,
        "fetched_at": fetched_at(response),
        "request_url": response.url,
        "record": record,
        "context": context,
    }


def record_id(value: Any) -> str | None:
    """A source's own record id as the raw zone keeps it: a non-empty string or a number;
    None for anything else a broken feed may send (a list, an object, true, "")."""
    if isinstance(value, bool) or not isinstance(value, str | int) or str(value).strip() == "":
        return None
    return str(value).strip()


def link(value: Any, default: str) -> str:
    """A record's URL when the feed gave one as text, else `default` (`"url": 14` happens)."""
    return value.strip() if isinstance(value, str) and value.strip() else default
