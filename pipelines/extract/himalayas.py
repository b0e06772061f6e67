"""Himalayas jobs API → `ExtractedPosting`.

Every Himalayas job is remote. Structure read: `minSalary`/`maxSalary`/`currency`/
`salaryPeriod` ("annual", "hourly"...), `seniority` (a list: "Entry-level", "Mid-level",
"Senior"...), `locationRestrictions` (country names a candidate may live in; none = anywhere),
`employmentType`, `pubDate` (seconds since the epoch), `guid`/`applicationLink`, and the
HTML `description`, `timezoneRestrictions` (the UTC offsets, in hours, a candidate may work
from; none = no limit).
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.ats import country_code
from pipelines.extract.boards import RemoteApiFields, clean, epoch_time, remote_api_extraction
from pipelines.model import Extraction

# Himalayas' levels → SENIORITIES; the lowest stated level is the one kept.
SENIORITY = {
    "entry-level": "junior",
    "junior": "junior",
    "mid-level": "mid",
    "senior": "senior",
    "manager": "manager",
    "director": "director",
    "executive": "director",
}


def _seniority(levels: object) -> str | None:
    if not isinstance(levels, list):
        return None
    found = [SENIORITY.get(str(level).strip().lower()) for level in levels]
    return next((s for s in found if s), None)


def _offsets(value: object) -> list[float]:
    """The numbers of `timezoneRestrictions` that are UTC offsets (-12..+14)."""
    if not isinstance(value, list):
        return []
    numbers = (v for v in value if isinstance(v, int | float) and not isinstance(v, bool))
    return [float(v) for v in numbers if -12 <= v <= 14]


FIELDS = RemoteApiFields(
    title="title",
    description="description",
    excerpt="excerpt",
    pay=("minSalary", "maxSalary", "currency", "salaryPeriod"),
)


def extract_himalayas(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One remote posting per Himalayas job."""
    places = [p.strip() for p in record.get("locationRestrictions") or [] if isinstance(p, str)]
    countries = [c for p in places if (c := country_code(p))]
    return remote_api_extraction(
        record,
        FIELDS,
        location_text=", ".join(p for p in places if p) or None,
        structured_seniority=_seniority(record.get("seniority")),
        countries=list(dict.fromkeys(countries)),
        posted_at=epoch_time(record.get("pubDate")),
        url=clean(record.get("guid")) or clean(record.get("applicationLink")),
        apply_url=clean(record.get("applicationLink")),
        utc_offsets=_offsets(record.get("timezoneRestrictions")),
    )
