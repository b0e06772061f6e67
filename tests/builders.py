"""Builders for test inputs shaped exactly like the sources' responses (invented content)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from spiders.har import har_entry, write_har

RECORDED = "Sat, 01 Nov 2026 18:00:00 GMT"


def _ts(iso: str) -> int:
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC).timestamp())


def hn_comment(
    cid: int,
    text: str | None,
    *,
    thread: int,
    author: str | None = "someone",
    created: str = "2026-11-02T16:00:00.000Z",
    replies: list | None = None,
) -> dict:
    """A comment as the Algolia items API returns it (`author`/`text` null when deleted)."""
    return {
        "id": cid,
        "created_at": created,
        "created_at_i": _ts(created),
        "type": "comment",
        "author": author,
        "title": None,
        "url": None,
        "text": text,
        "points": None,
        "parent_id": thread,
        "story_id": thread,
        "children": replies or [],
        "options": [],
    }


def hn_thread(
    tid: int, title: str, comments: list[dict], created: str = "2026-11-02T15:00:00.000Z"
) -> dict:
    return {
        "id": tid,
        "created_at": created,
        "created_at_i": _ts(created),
        "type": "story",
        "author": "whoishiring",
        "title": title,
        "url": None,
        "text": "Please state the location and include REMOTE for remote work.",
        "points": 250,
        "parent_id": None,
        "story_id": tid,
        "children": comments,
        "options": [],
    }


def hn_search(threads: list[dict], page: int = 0, pages: int = 1) -> dict:
    """An Algolia `search_by_date` response listing `threads` (newest first)."""
    hits = [
        {
            "_highlightResult": {
                "title": {"matchLevel": "none", "matchedWords": [], "value": t["title"]}
            },
            "_tags": ["story", "author_whoishiring", f"story_{t['id']}"],
            "author": "whoishiring",
            "children": [c["id"] for c in t["children"]],
            "created_at": t["created_at"],
            "created_at_i": t["created_at_i"],
            "num_comments": len(t["children"]),
            "objectID": str(t["id"]),
            "points": 250,
            "story_id": t["id"],
            "story_text": t["text"],
            "title": t["title"],
            "updated_at": t["created_at"],
        }
        for t in threads
    ]
    return {
        "exhaustive": {"nbHits": True, "typo": True},
        "exhaustiveNbHits": True,
        "exhaustiveTypo": True,
        "hits": hits,
        "hitsPerPage": 20,
        "nbHits": len(hits) * pages,
        "nbPages": pages,
        "page": page,
        "params": "tags=story%2Cauthor_whoishiring",
        "processingTimeMS": 3,
        "query": "",
        "serverTimeMS": 4,
    }


def json_entry(url: str, data: Any, status: int = 200, date: str = RECORDED) -> dict:
    body = data if isinstance(data, bytes) else json.dumps(data).encode()
    return har_entry(
        method="GET",
        url=url,
        request_headers=[],
        status=status,
        response_headers=[("Content-Type", "application/json; charset=utf-8"), ("Date", date)],
        body=body,
        started="2026-11-01T18:00:00.000Z",
    )


def write_entries(path: Path, entries: list[dict]) -> Path:
    write_har(path, entries)
    return path
