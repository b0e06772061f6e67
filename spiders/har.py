"""HAR 1.2 files: read entries keyed the way DESIGN.md matches requests, and write new ones.

A request matches an entry with the same method, scheme, host, path and query parameters
compared as a set (order ignored), so recorded fixtures survive harmless reordering of
query strings by a spider.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from pipelines.rawzone.files import write_atomically

HAR_VERSION = "1.2"
RequestKey = tuple[str, str, str, str, tuple[tuple[str, str], ...]]


def request_key(method: str, url: str) -> RequestKey:
    parts = urlsplit(url)
    query = tuple(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return (method.upper(), parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query)


@dataclass(frozen=True)
class HarResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    started: str  # the entry's startedDateTime


def har_files(path: Path) -> list[Path]:
    """The HAR files at `path`: the file itself, or every *.har in a folder, sorted."""
    if path.is_dir():
        return sorted(path.rglob("*.har"))
    if path.is_file():
        return [path]
    raise FileNotFoundError(f"no HAR file or folder at {path}")


def _entry_body(content: dict) -> bytes:
    text = content.get("text") or ""
    if content.get("encoding") == "base64":
        return base64.b64decode(text)
    return text.encode("utf-8")


def read_har_entries(file: Path) -> list[dict]:
    """The raw entries of one HAR file ([] if it does not exist yet)."""
    if not file.exists():
        return []
    try:
        return json.loads(file.read_text(encoding="utf-8"))["log"].get("entries", [])
    except (json.JSONDecodeError, KeyError, UnicodeDecodeError, AttributeError) as exc:
        raise ValueError(f"{file} is not a HAR file: {exc}") from exc


def load_entries(path: Path) -> dict[RequestKey, HarResponse]:
    """Every entry of the HAR file(s) at `path`; a later entry for the same request wins."""
    entries: dict[RequestKey, HarResponse] = {}
    for file in har_files(path):
        for entry in read_har_entries(file):
            req, resp = entry["request"], entry["response"]
            entries[request_key(req["method"], req["url"])] = HarResponse(
                status=int(resp["status"]),
                headers=[(h["name"], h["value"]) for h in resp.get("headers", [])],
                body=_entry_body(resp.get("content", {})),
                started=entry.get("startedDateTime", ""),
            )
    return entries


def har_entry(
    *,
    method: str,
    url: str,
    request_headers: Iterable[tuple[str, str]],
    status: int,
    response_headers: Iterable[tuple[str, str]],
    body: bytes,
    started: str,
) -> dict:
    """One HAR 1.2 entry. Bodies that are not UTF-8 text are stored base64-encoded."""
    response_headers = list(response_headers)
    mime = next((v for k, v in response_headers if k.lower() == "content-type"), "")
    content: dict = {"size": len(body), "mimeType": mime}
    try:
        content["text"] = body.decode("utf-8")
    except UnicodeDecodeError:
        content["text"], content["encoding"] = base64.b64encode(body).decode("ascii"), "base64"
    query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    return {
        "startedDateTime": started,
        "time": 0,
        "request": {
            "method": method,
            "url": url,
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": [{"name": k, "value": v} for k, v in request_headers],
            "queryString": [{"name": k, "value": v} for k, v in query],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": status,
            "statusText": "",
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": [{"name": k, "value": v} for k, v in response_headers],
            "content": content,
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(body),
        },
        "cache": {},
        "timings": {"send": 0, "wait": 0, "receive": 0},
    }


def write_har(path: Path, entries: list[dict], creator: str = "ml-sourcing") -> None:
    """Write `entries` as a HAR 1.2 file, atomically."""
    har = {
        "log": {
            "version": HAR_VERSION,
            "creator": {"name": creator, "version": "1"},
            "entries": entries,
        }
    }
    write_atomically(path, json.dumps(har, ensure_ascii=False, indent=1).encode("utf-8"))
