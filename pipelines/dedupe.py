"""Normalized source postings → one posting per real-world job, with provenance.

Version 1 merges what is certainly the same job: the same role of the same source record,
however many crawls saw it, and one role listed twice in one record (e.g. for two cities)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

SOURCE_LINK_FIELDS = ("source", "source_id", "role_index", "title", "url", "fetched_at")
NOT_IN_POSTINGS = ("source", "source_id", "role_index", "fetched_at", "description")


def title_key(title: str) -> str:
    return re.sub(r"[^a-z0-9+#]+", " ", title.lower()).strip()


def posting_id(source: str, source_id: str, title: str) -> str:
    """A stable id: the same job gets the same id in every run and every rebuild."""
    digest = hashlib.sha1(f"{source}\x1f{source_id}\x1f{title_key(title)}".encode())
    return digest.hexdigest()[:16]


def _merge_locations(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One posting from the rows of one job listed for several places."""
    first = dict(rows[0])
    if len(rows) > 1:
        first["countries"] = list(dict.fromkeys(c for r in rows for c in r["countries"]))
        first["location_text"] = (
            " / ".join(dict.fromkeys(r["location_text"] for r in rows if r["location_text"]))
            or None
        )
    return first


def dedupe(rows: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(postings, posting_sources) from normalized rows."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(posting_id(row["source"], row["source_id"], row["title"]), []).append(row)
    postings, links = [], []
    for pid, members in sorted(groups.items()):
        members.sort(key=lambda r: r["role_index"])
        merged = _merge_locations(members)
        posting = {k: v for k, v in merged.items() if k not in NOT_IN_POSTINGS}
        posting.update(
            posting_id=pid,
            status="open",
            closed_at=None,
            source_count=len({(m["source"], m["source_id"]) for m in members}),
            first_seen=min(m["first_seen"] for m in members),
            last_seen=max(m["last_seen"] for m in members),
        )
        postings.append(posting)
        links.extend({**{k: m[k] for k in SOURCE_LINK_FIELDS}, "posting_id": pid} for m in members)
    return postings, links
