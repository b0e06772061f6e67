"""GitHub profiles of hireable contributors → candidates.

The spider keeps only people who marked themselves available for hire, with their public
profile fields and their contributions per repository. Read: `login` (the handle), `name`,
`location`, `company`, `blog`, public `email`, `bio`, `html_url`, `updated_at`, and the
repositories contributed to, which are the skills evidence ("pytorch/pytorch" → pytorch,
"huggingface/transformers" → the taxonomy's name for it). A record whose `hireable` is not
true is skipped (`not_hireable`), whatever reached the raw zone.
"""

from __future__ import annotations

import re
from typing import Any

from pipelines.classify import classify_seniority
from pipelines.extract.boards import clean
from pipelines.extract.candidates import (
    CandidateExtraction,
    ExtractedCandidate,
    excerpt,
    find_emails,
    parse_roles,
    person_name,
)
from pipelines.location import parse_location, region_of
from pipelines.remote import parse_remote
from pipelines.skills import extract_skills
from pipelines.times import iso_time


def repo_skills(contributions: object) -> list[str]:
    """Skills named by the repositories contributed to, most contributions first."""
    if not isinstance(contributions, dict):
        return []
    ranked = sorted(contributions.items(), key=lambda kv: -(kv[1] or 0))
    found: dict[str, None] = {}
    for repo, _ in ranked:
        words = re.sub(r"[/_.\-]+", " ", str(repo))
        for skill in extract_skills(words):
            found.setdefault(skill, None)
    return list(found)


def _blog(value: object) -> str | None:
    url = clean(value)
    if not url:
        return None
    return url if re.match(r"(?i)https?://", url) else f"https://{url}"


def extract_github_candidate(
    record: dict[str, Any], context: dict[str, Any]
) -> CandidateExtraction:
    handle = clean(record.get("login"))
    if not handle:
        return CandidateExtraction(skip_reason="empty")
    if record.get("hireable") is not True:
        return CandidateExtraction(skip_reason="not_hireable")
    bio = clean(record.get("bio")) or ""
    location_text = clean(record.get("location"))
    place = parse_location(location_text or "")
    skills = repo_skills(record.get("contributions"))
    skills += [s for s in extract_skills(bio) if s not in skills]
    roles, role_text = parse_roles({}, bio) if bio else ([], "")
    emails = find_emails(clean(record.get("email")) or "", handle)
    urls = [u for u in (clean(record.get("html_url")), _blog(record.get("blog"))) if u]
    return CandidateExtraction(
        ExtractedCandidate(
            handle=handle,
            location_text=location_text,
            country=place.country,
            region=place.region or (region_of(place.country) if place.country else None),
            remote=parse_remote(bio).remote if bio else "unknown",
            skills=skills,
            roles=roles,
            seniority=classify_seniority(role_text or bio),
            email=emails[0] if emails else None,
            urls=urls,
            posted_at=iso_time(record.get("updated_at")),
            name=person_name(clean(record.get("name"))),
            excerpt=excerpt(bio),
        )
    )
