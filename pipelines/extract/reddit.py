"""Reddit posts (subreddit listings, `t3` things) → postings or candidates.

Job subreddits tag each post in its title or flair: "[Hiring]" posts become postings,
"[For Hire]" posts become candidates, and every other post is skipped with a reason
(`untagged`; a hiring post read as a candidate is `not_a_candidate`, and the reverse
`not_hiring`). Deleted and removed posts are `deleted`.

Read: `title` (its tag and the role), `selftext` (markdown, as written), `author`,
`created_utc`, `permalink`, `link_flair_text`, `subreddit`. A hiring post names no company
in a field: the company stays unknown unless the title states it as "Company | Role".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pipelines.extract.boards import clean, epoch_time
from pipelines.extract.candidates import CandidateExtraction, extract_candidate
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import extract_links

_TAG = re.compile(
    r"^\s*[\[(【]\s*(?P<tag>hiring|for\s*hire|hire\s*me)\s*[\])】]\s*[:\-–|]?\s*", re.I
)
_REMOVED = {"[deleted]", "[removed]"}


def post_kind(post: dict[str, Any]) -> str | None:
    """ "hiring", "for_hire", or None for an untagged post (title tag first, then flair)."""
    title = post.get("title") if isinstance(post.get("title"), str) else ""
    m = _TAG.match(title)
    tag = m.group("tag") if m else (post.get("link_flair_text") or "")
    tag = re.sub(r"\s+", " ", str(tag)).strip().lower()
    if tag == "hiring":
        return "hiring"
    if tag in ("for hire", "forhire", "hire me"):
        return "for_hire"
    return None


def _untagged_title(title: str) -> str:
    return _TAG.sub("", title, count=1).strip()


def _gone(post: dict[str, Any]) -> bool:
    return post.get("author") in _REMOVED or post.get("selftext") in _REMOVED


def _url(post: dict[str, Any]) -> str | None:
    link = clean(post.get("permalink"))
    return f"https://www.reddit.com{link}" if link and link.startswith("/") else link


def _title_parts(title: str) -> tuple[str, str | None, str | None]:
    """(role, company, place) from a "Role | Company | Place" or "Company - Role" title."""
    parts = [p.strip() for p in re.split(r"\s+[|•]\s+", title) if p.strip()]
    if len(parts) >= 2:
        return parts[0], parts[1], (parts[2] if len(parts) > 2 else None)
    return title, None, None


def _skip_reason(record: dict[str, Any], kind: str, other_kind: str) -> str | None:
    """Why a post is not read as `kind`: deleted, untagged, or `other_kind` (tagged otherwise)."""
    if _gone(record):
        return "deleted"
    tagged = post_kind(record)
    if tagged != kind:
        return other_kind if tagged else "untagged"
    return None


def extract_reddit_posting(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """A "[Hiring]" post as one posting."""
    if reason := _skip_reason(record, "hiring", "not_hiring"):
        return Extraction(skip_reason=reason)
    title = _untagged_title(record.get("title") or "")
    role, company, place = _title_parts(title)
    if not role:
        return Extraction(skip_reason="empty")
    body = record.get("selftext") if isinstance(record.get("selftext"), str) else ""
    return Extraction(
        [
            ExtractedPosting(
                title=role,
                company=company,
                description=f"{title}\n\n{body}".strip(),
                location_text=place,
                posted_at=epoch_time(record.get("created_utc")),
                url=_url(record),
                urls=extract_links(record.get("selftext_html") or ""),
            )
        ]
    )


def extract_reddit_candidate(
    record: dict[str, Any], context: dict[str, Any]
) -> CandidateExtraction:
    """A "[For Hire]" post as one candidate, read like a "Who wants to be hired?" comment."""
    if reason := _skip_reason(record, "for_hire", "not_a_candidate"):
        return CandidateExtraction(skip_reason=reason)
    title = _untagged_title(record.get("title") or "")
    body = record.get("selftext") if isinstance(record.get("selftext"), str) else ""
    created = record.get("created_utc")
    comment = {
        "author": record.get("author"),
        # The post as one text: its title is its headline (role, place, rate).
        "text": f"{title}\n\n{body}".strip(),
        "created_at": (
            datetime.fromtimestamp(created, UTC).isoformat()
            if isinstance(created, int | float)
            else None
        ),
    }
    return extract_candidate(comment, stated=True)
