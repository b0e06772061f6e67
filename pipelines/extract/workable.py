"""Workable job widget jobs (`apply.workable.com/api/v1/widget/accounts/<account>`) →
`ExtractedPosting`.

Structure read: `title`, `telecommuting` (true: remote), `city`/`state`/`country` and
`locations` [{city, region, country, countryCode, hidden}], `experience` ("Entry level",
"Mid-Senior level", "Director"...), `published_on`, `url`/`application_url`, and the HTML
`description` (`details=true`). The widget states no pay: it is read from the text.
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.ats import company, country_code
from pipelines.extract.boards import clean
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links, html_to_text
from pipelines.times import iso_time

SENIORITY = {
    "internship": "intern",
    "entry level": "junior",
    "director": "director",
    "executive": "director",
}


def _places(record: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(places as written, their alpha-2 codes) from `locations`, else the job's own fields."""
    places, codes = [], []
    for loc in record.get("locations") or []:
        if not isinstance(loc, dict) or loc.get("hidden") is True:
            continue
        parts = [clean(loc.get(k)) for k in ("city", "region", "country")]
        places.append(", ".join(p for p in parts if p))
        if code := country_code(loc.get("countryCode")) or country_code(loc.get("country")):
            codes.append(code)
    if not places:
        parts = [clean(record.get(k)) for k in ("city", "state", "country")]
        places = [", ".join(p for p in parts if p)]
        if code := country_code(record.get("country")):
            codes.append(code)
    return [p for p in places if p], list(dict.fromkeys(codes))


def extract_workable(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    title = clean(record.get("title"))
    if not title:
        return Extraction(skip_reason="empty")
    html = record.get("description") if isinstance(record.get("description"), str) else ""
    places, codes = _places(record)
    level = (clean(record.get("experience")) or "").lower()
    return Extraction(
        [
            ExtractedPosting(
                title=title,
                company=company(context),
                description=html_to_text(html),
                location_text="; ".join(places) or None,
                structured_remote="remote" if record.get("telecommuting") is True else None,
                structured_seniority=SENIORITY.get(level),
                countries=codes,
                posted_at=iso_time(record.get("published_on")),
                url=clean(record.get("url")) or clean(record.get("shortlink")),
                apply_url=clean(record.get("application_url")),
                urls=extract_links(html),
            )
        ]
    )
