"""Get on Board jobs (`getonbrd.com/api/v0/categories/<slug>/jobs`, JSON:API) →
`ExtractedPosting`.

Read from `attributes`: `title`; the HTML `description`, `projects`, `functions`,
`desirable` and `benefits`; `min_salary`/`max_salary` (Get on Board states pay in US
dollars a month, gross); `remote_modality` ("fully_remote", "remote_local", "hybrid",
"no_remote"...); `country` and `tenant_city`; `seniority` (an id: 1 no experience ... 5
expert); `published_at` (seconds since the epoch); the expanded `company` name; and
`links.public_url`.
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.ats import company, country_code, joined, structured_salary
from pipelines.extract.boards import clean, epoch_time
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links, html_to_text

TEXT_FIELDS = ("description", "projects", "functions", "desirable", "benefits")
REMOTE = {
    "fully_remote": "remote",
    "remote_local": "remote",
    "hybrid": "hybrid",
    "no_remote": "onsite",
}
SENIORITY = {1: "junior", 2: "junior", 3: "mid", 4: "senior"}  # 5 "expert" is not one level


def _related(attributes: dict[str, Any], name: str) -> dict[str, Any]:
    """A relationship's `data` object ({} when missing)."""
    value = attributes.get(name)
    data = value.get("data") if isinstance(value, dict) else None
    return data if isinstance(data, dict) else {}


def extract_getonboard(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    attributes = record.get("attributes") if isinstance(record.get("attributes"), dict) else {}
    title = clean(attributes.get("title"))
    if not title:
        return Extraction(skip_reason="empty")
    html = [attributes.get(k) for k in TEXT_FIELDS if isinstance(attributes.get(k), str)]
    owner = _related(attributes, "company").get("attributes") or {}
    country = clean(attributes.get("country"))
    place = ", ".join(p for p in (clean(attributes.get("tenant_city")), country) if p)
    level = _related(attributes, "seniority").get("id")
    links = record.get("links") if isinstance(record.get("links"), dict) else {}
    code = country_code(country)
    return Extraction(
        [
            ExtractedPosting(
                title=title,
                company=company(context, owner.get("name") if isinstance(owner, dict) else None),
                description=joined(*(html_to_text(h) for h in html)),
                location_text=place or None,
                structured_salary=structured_salary(
                    attributes.get("min_salary"), attributes.get("max_salary"), "USD", "month"
                ),
                structured_remote=REMOTE.get(str(attributes.get("remote_modality") or "")),
                structured_seniority=SENIORITY.get(level if isinstance(level, int) else -1),
                countries=[code] if code else [],
                posted_at=epoch_time(attributes.get("published_at")),
                url=clean(links.get("public_url")),
                urls=extract_links("\n".join(html)),
            )
        ]
    )
