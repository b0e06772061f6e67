"""SmartRecruiters postings (`api.smartrecruiters.com/v1/companies/<id>/postings/<posting>`).

Structure read: `name` (the title), `company.name`, `location` {city, region, country
(lower-case alpha-2), remote, hybrid, fullLocation}, `experienceLevel.id`,
`typeOfEmployment`, `releasedDate`, `postingUrl`/`applyUrl`, and the job ad's HTML sections
(`jobAd.sections`: company, job, qualifications, additional information) as the description.
SmartRecruiters states no pay field: pay is read from the ad's words. A record from the list
alone (its detail failed) has no `jobAd` and is read without a description.
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.ats import company, country_code, joined
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links, html_to_text
from pipelines.times import iso_time

SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")
# experienceLevel ids → SENIORITIES. "associate" and "mid_senior_level" (the default of most
# experienced roles) span several of our levels and "not_applicable" says nothing: unread.
SENIORITY = {
    "internship": "intern",
    "entry_level": "junior",
    "director": "director",
    "executive": "director",
}


def _sections(record: dict[str, Any]) -> list[str]:
    """The job ad's HTML sections, in the order SmartRecruiters shows them."""
    ad = record.get("jobAd") if isinstance(record.get("jobAd"), dict) else {}
    sections = ad.get("sections") if isinstance(ad.get("sections"), dict) else {}
    found = [sections.get(key) for key in SECTIONS]
    return [s["text"] for s in found if isinstance(s, dict) and isinstance(s.get("text"), str)]


def _label(record: dict[str, Any], field: str, key: str = "id") -> str | None:
    value = record.get(field)
    return value.get(key) if isinstance(value, dict) else None


def _remote(location: dict[str, Any]) -> str | None:
    """remote/hybrid from the location's flags; two false flags are often just unset, so
    they leave the policy to the ad's words."""
    if location.get("remote") is True:
        return "remote"
    if location.get("hybrid") is True:
        return "hybrid"
    return None


def _place(location: dict[str, Any]) -> str | None:
    full = location.get("fullLocation")
    if isinstance(full, str) and full.strip():
        return full.strip()
    parts = [location.get(k) for k in ("city", "region", "country")]
    return ", ".join(p.strip() for p in parts if isinstance(p, str) and p.strip()) or None


def extract_smartrecruiters(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    title = (record.get("name") or "").strip() if isinstance(record.get("name"), str) else ""
    if not title:
        return Extraction(skip_reason="empty")
    location = record.get("location") if isinstance(record.get("location"), dict) else {}
    country = country_code(location.get("country"))
    sections = _sections(record)
    return Extraction(
        [
            ExtractedPosting(
                title=title,
                company=company(context, _label(record, "company", "name")),
                description=joined(*(html_to_text(s) for s in sections)),
                location_text=_place(location),
                structured_remote=_remote(location),
                structured_seniority=SENIORITY.get(_label(record, "experienceLevel") or ""),
                countries=[country] if country else [],
                posted_at=iso_time(record.get("releasedDate")),
                url=record.get("postingUrl") or None,
                apply_url=record.get("applyUrl") or None,
                urls=extract_links("\n".join(sections)),
            )
        ]
    )
