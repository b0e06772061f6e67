"""The suppression list: people who asked to be forgotten (`sourcing forget`), kept as keyed
hashes of their identifiers, never the values.

`<data-dir>/suppression.sha256` holds one line per identifier,
`kind<TAB>hash<TAB>added_at<TAB>scheme`: scheme `hmac-sha256` for HMAC-SHA256 of
"kind:normalized value" under the secret key in `suppression.key` beside it (0600), or empty
for a plain sha256 line written before the list had a key. Every crawl (the spiders' item
pipeline) and every rebuild (the candidates asset) skips the records of people on it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipelines.rawzone.files import write_atomically
from pipelines.rawzone.identity import ID_KINDS, identifier_hash, normalize_identifier, record_ids
from pipelines.rawzone.layout import key_file
from pipelines.rawzone.storage import as_path
from pipelines.times import utc_time

KEYED = "hmac-sha256"  # the scheme column of a keyed line
HEADER = "# HMAC-SHA256 of 'kind:normalized value' of people who asked to be forgotten\n"


@dataclass(frozen=True)
class Entry:
    kind: str
    added_at: str | None
    scheme: str  # KEYED, or "" for a plain sha256 line


@dataclass(frozen=True)
class Suppression:
    """The hashes of people who asked to be forgotten: keyed ones (HMAC under `key`) and
    plain sha256 ones from lists written before the key existed."""

    key: bytes | None = None
    keyed: frozenset[str] = frozenset()
    plain: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.keyed or self.plain)

    def holds(self, ids: Iterable[tuple[str, str]]) -> bool:
        """Whether one of these (kind, normalized value) identifiers is suppressed."""
        for kind, value in ids:
            if self.keyed and self.key and identifier_hash(kind, value, self.key) in self.keyed:
                return True
            if self.plain and identifier_hash(kind, value) in self.plain:
                return True
        return False


def is_suppressed(raw: dict[str, Any], suppressed: Suppression | set[str] | frozenset[str]) -> bool:
    """Whether a raw record belongs to someone on the suppression list (a `Suppression`, or a
    set of plain sha256 hashes)."""
    if not isinstance(suppressed, Suppression):
        suppressed = Suppression(plain=frozenset(suppressed))
    return bool(suppressed) and suppressed.holds(record_ids(raw))


def read_key(list_file: Path | str, create: bool = False) -> bytes | None:
    """The list's secret key (made on first use when `create`): with it, a hash cannot be
    reversed by hashing a list of public handles."""
    path = key_file(list_file)
    if not path.exists():
        if not create:
            return None
        write_atomically(path, secrets.token_hex(32).encode() + b"\n", mode=0o600)
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


def read_entries(list_file: Path | str) -> dict[str, Entry]:
    """hash → Entry of every line of the list (none when there is no list)."""
    path = as_path(list_file)
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2 or line.startswith("#"):
            continue
        at = parts[2] if len(parts) > 2 and parts[2] else None
        out[parts[1]] = Entry(parts[0], at, parts[3] if len(parts) > 3 else "")
    return out


def load(list_file: Path | str | None) -> Suppression:
    """The list with its key, as crawls and rebuilds match records against it."""
    if not list_file:
        return Suppression()
    entries = read_entries(list_file)
    keyed = frozenset(h for h, e in entries.items() if e.scheme == KEYED)
    plain = frozenset(entries.keys() - keyed)
    return Suppression(read_key(list_file), keyed, plain)


def rows(list_file: Path | str) -> list[dict[str, Any]]:
    """The warehouse's `suppression_list` rows: `id_hash`, `kind`, `added_at` (naive UTC)."""
    return [
        {
            "id_hash": h,
            "kind": e.kind,
            "added_at": utc_time(e.added_at).replace(tzinfo=None) if e.added_at else None,
        }
        for h, e in sorted(read_entries(list_file).items())
    ]


def add(list_file: Path | str, ids: Iterable[tuple[str, str]]) -> list[str]:
    """Add identifiers (kind, value), keyed, to the list (rewritten atomically, 0600); return
    their hashes."""
    ids = list(ids)
    for kind, value in ids:
        if kind not in ID_KINDS:
            raise ValueError(f"unknown identifier kind {kind!r}")
        if not normalize_identifier(kind, value):
            raise ValueError(f"empty {kind}")
    key = read_key(list_file, create=True)
    known = read_entries(list_file)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    digests = [identifier_hash(kind, value, key) for kind, value in ids]
    fresh = {d: Entry(kind, now, KEYED) for d, (kind, _) in zip(digests, ids, strict=True)}
    if not fresh.keys() <= known.keys():
        known = {**fresh, **known}
        body = HEADER + "".join(
            f"{e.kind}\t{h}\t{e.added_at or ''}\t{e.scheme}\n" for h, e in sorted(known.items())
        )
        write_atomically(list_file, body.encode("utf-8"))
    return digests
