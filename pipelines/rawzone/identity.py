"""A person's identifiers (email, handle, link) as a raw record holds them, normalized the
one way they are compared and hashed everywhere."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from pipelines.extract.candidates import find_emails, find_urls
from pipelines.text import html_to_text

ID_KINDS = ("email", "handle", "url")


def normalize_identifier(kind: str, value: str) -> str:
    """The form a person's identifier is compared (and hashed) in.

    email: lower case, trimmed; handle: lower case, no leading "@"; url: lower case, without
    scheme, "www.", query, fragment or trailing slash ("https://www.GitHub.com/x/" → github.com/x).
    """
    value = (value or "").strip()
    if kind == "email":
        return value.lower().removeprefix("mailto:")
    if kind == "handle":
        return value.lower().lstrip("@")
    if kind == "url":
        url = value if re.match(r"(?i)[a-z][a-z0-9+.-]*://", value) else f"https://{value}"
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        return f"{host}{parts.path}".rstrip("/").lower()
    raise ValueError(f"unknown identifier kind {kind!r}; expected one of {', '.join(ID_KINDS)}")


def identifier_hash(kind: str, value: str, key: bytes | None = None) -> str:
    """What the suppression list stores, never the value: HMAC-SHA256 of
    `kind:normalized value` under the data directory's secret key, so nobody can test a list
    of public handles against it. Without a key, plain sha256 (lists written before keys)."""
    message = f"{kind}:{normalize_identifier(kind, value)}".encode()
    if key:
        return hmac.new(key, message, hashlib.sha256).hexdigest()
    return hashlib.sha256(message).hexdigest()


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def author(raw: dict[str, Any]) -> str | None:
    """The normalized Hacker News handle of a raw record's author (other sources: None)."""
    record = raw.get("record")
    handle = record.get("author") if isinstance(record, dict) else None
    if not str(raw.get("source", "")).startswith("hn_") or not isinstance(handle, str):
        return None
    return normalize_identifier("handle", handle) or None


def record_ids(raw: dict[str, Any]) -> set[tuple[str, str]]:
    """Every identifier of a person that a raw-zone record holds, as (kind, normalized
    value): the Hacker News author, and the email addresses and links its text states
    (obfuscations decoded)."""
    record = raw.get("record") if isinstance(raw.get("record"), dict) else {}
    ids: set[tuple[str, str]] = set()
    handle = record.get("author") if str(raw.get("source", "")).startswith("hn_") else None
    handle = handle if isinstance(handle, str) and handle.strip() else None
    if handle:
        ids.add(("handle", normalize_identifier("handle", handle)))
    html = "\n".join(_strings(record))
    text = html_to_text(html, keep_newlines=True) if "<" in html or "&" in html else html
    for email in find_emails(text, handle):
        ids.add(("email", normalize_identifier("email", email)))
    for url in find_urls(html, text):
        ids.add(("url", normalize_identifier("url", url)))
    return ids
