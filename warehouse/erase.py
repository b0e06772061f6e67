"""Forgetting a person: the suppression list, scrubbing the raw zone, compacting the warehouse.

`sourcing forget --email ADDR | --handle NAME | --url URL`:

1. finds the person's other identifiers (`person_identifiers`: the handle of every post that
   holds the one given, and the addresses and links of their own posts), and adds each, as
   HMAC-SHA256 of "kind:normalized value" under a secret key kept beside the list
   (`suppression.key`, 0600), to `<data-dir>/suppression.sha256` (and, on the next load, to
   the `suppression_list` table): the plain value is never stored, and nobody without the
   key can test a list of public handles against the hashes;
2. removes from every raw-zone file each record that holds one of the person's identifiers
   (author handle, an email its text spells out, obfuscated or not, a link, or the plain
   value itself, matched whole), rewriting the file atomically: a temp file beside it,
   fsync, rename;
3. deletes the HTTP cache, and any other file under the data directory (exports, HAR
   recordings, snapshot Parquet, whose manifest then stops listing it) that holds one of
   the identifiers; the caller is told which;
4. after the caller has rebuilt the tables from the scrubbed raw zone (the crawl dates of the
   rewritten files load again, their per-date rows too: the files' sizes changed), `compact`
   copies the DuckDB file into a fresh one, so no deleted row survives in free blocks.

Every later crawl (`hn_wants` reads `SUPPRESSION_FILE`) and rebuild (the candidates asset)
skips the suppressed hashes.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import secrets
import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.leads import (
    ID_KINDS,
    KEYED,
    Suppression,
    identifier_hash,
    normalize_identifier,
    parse_suppression,
    record_ids,
)
from pipelines.times import utc_time

SUPPRESSION_FILE = "suppression.sha256"
KEY_FILE = "suppression.key"  # the list's secret HMAC key, beside it, owner-only
HEADER = "# HMAC-SHA256 of 'kind:normalized value' of people who asked to be forgotten\n"


def suppression_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / SUPPRESSION_FILE


def suppression_key(data_dir: Path | str, create: bool = False) -> bytes | None:
    """The data directory's secret key for the suppression list (made on first use when
    `create`): with it, a hash cannot be reversed by hashing a list of public handles."""
    path = Path(data_dir) / KEY_FILE
    if not path.exists():
        if not create:
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, secrets.token_hex(32).encode() + b"\n", mode=0o600)
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


def read_suppression(data_dir: Path | str) -> dict[str, tuple[str, str | None, str]]:
    """hash → (kind, added_at, scheme) of everyone who asked to be forgotten; scheme is
    `hmac-sha256`, or "" for a plain sha256 line written before the list had a key."""
    path = suppression_path(data_dir)
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) >= 2:
            at = parts[2] if len(parts) > 2 and parts[2] else None
            out[parts[1]] = (parts[0], at, parts[3] if len(parts) > 3 else "")
    return out


def load_suppression(data_dir: Path | str) -> Suppression:
    """The suppression list with its key, as the crawls and rebuilds match records to it."""
    path = suppression_path(data_dir)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return parse_suppression(text, suppression_key(data_dir))


def suppression_rows(data_dir: Path | str) -> list[dict]:
    """The `suppression_list` table's rows."""
    return [
        {
            "id_hash": h,
            "kind": kind,
            "added_at": utc_time(at).replace(tzinfo=None) if at else None,
        }
        for h, (kind, at, _) in sorted(read_suppression(data_dir).items())
    ]


def write_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to a temp file beside `path`, fsync it, rename it over `path`, and fsync
    the folder, so a reader sees the old file or the new one, never half of either."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def add_suppression(data_dir: Path | str, kind: str, value: str) -> str:
    """Add a person's identifier (hashed) to the suppression list; return the hash."""
    return add_identifiers(data_dir, {(kind, value)})[0]


def add_identifiers(data_dir: Path | str, ids: Iterable[tuple[str, str]]) -> list[str]:
    """Add identifiers (kind, value) to the suppression list, keyed; return their hashes."""
    ids = list(ids)
    for kind, value in ids:
        if kind not in ID_KINDS:
            raise ValueError(f"unknown identifier kind {kind!r}")
        if not normalize_identifier(kind, value):
            raise ValueError(f"empty {kind}")
    key = suppression_key(data_dir, create=True)
    known = read_suppression(data_dir)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    digests = [identifier_hash(kind, value, key) for kind, value in ids]
    fresh = {d: (kind, now, KEYED) for d, (kind, _) in zip(digests, ids, strict=True)}
    if not fresh.keys() <= known.keys():
        known = {**fresh, **known}
        body = HEADER + "".join(
            f"{k}\t{h}\t{at or ''}\t{scheme}\n" for h, (k, at, scheme) in sorted(known.items())
        )
        write_atomically(suppression_path(data_dir), body.encode("utf-8"))
    return digests


@dataclass
class ScrubReport:
    files_rewritten: list[Path] = field(default_factory=list)
    records_removed: int = 0
    other_files_removed: list[Path] = field(default_factory=list)
    identifiers: int = 0  # how many of the person's identifiers were suppressed


def _pattern(kind: str, value: str) -> str:
    """A regex that finds the identifier in stored text only whole (lower case): `e@x.com`
    is not inside `jane@x.com` or `e@x.com.au`, `github.com/jo` not inside `github.com/jojo`;
    a handle only as a field's value (`"author": "jo"`, a CSV cell), never as a word of text."""
    v = re.escape(value)
    if kind == "email":
        return rf"(?<![\w.+%-]){v}(?![\w-]|\.[\w-])"
    if kind == "url":
        after = r"(?![\w-]|\.[\w-])" if "/" in value else r"(?![\w-]|\.[\w-]|/[\w-])"
        return rf"(?<![\w@.-])(?:www\.)?{v}{after}"
    q = r'\\*"'  # a quote, escaped once more in JSON held inside JSON (a HAR's body)
    return (
        rf"{q}(?:author|handle|by|username){q}\s*:\s*{q}{v}{q}|(?:^|[,\t])\"?{v}\"?(?=[,\t\r\n]|$)"
    )


def _matcher(ids: Iterable[tuple[str, str]]) -> re.Pattern[str] | None:
    parts = [_pattern(kind, value) for kind, value in sorted(set(ids)) if value]
    return re.compile("|".join(parts), re.MULTILINE) if parts else None


def _unescape(text: str) -> str:
    return text.replace("&#x2f;", "/").replace("&#x2F;", "/").replace("\\/", "/").lower()


def _holds(text: str, matcher: re.Pattern[str] | None) -> bool:
    return matcher is not None and matcher.search(_unescape(text)) is not None


def _raw_files(data_dir: Path | str) -> list[Path]:
    root = Path(data_dir) / "raw"
    if not root.exists():
        return []
    # `.part`: what a crawl killed mid-way left behind; never loaded, but it may hold them.
    patterns = ("*.jsonl", "*.jsonl.gz", "*.jsonl.part")
    return sorted(path for pattern in patterns for path in root.rglob(pattern))


def _lines(path: Path) -> list[str]:
    data = path.read_bytes()
    text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")
    return text.splitlines(keepends=True)


def _parse(line: str) -> dict | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _author(record: dict) -> str | None:
    if not str(record.get("source", "")).startswith("hn_"):
        return None
    body = record.get("record")
    author = body.get("author") if isinstance(body, dict) else None
    return normalize_identifier("handle", author) if isinstance(author, str) else None


def person_identifiers(data_dir: Path | str, kind: str, value: str) -> set[tuple[str, str]]:
    """Every identifier of the person named by one: the handle of each post that holds it,
    and the addresses and links of their own "Who wants to be hired?" posts that no one else
    posted, repeated until nothing new turns up (an email finds a post, its handle finds the
    person's other post, which may give a link). Values are normalized; never printed."""
    person = {(kind, normalize_identifier(kind, value))}
    posts, owners = [], defaultdict(set)
    for path in _raw_files(data_dir):
        for line in _lines(path):
            record = _parse(line) if line.strip() else None
            if record is None:
                continue
            ids, author = record_ids(record), _author(record)
            posts.append((line, record.get("source"), author, ids))
            for found in ids:
                owners[found].add(author)
    while True:
        matcher, grown = _matcher(person), set(person)
        for line, source, author, ids in posts:
            if ids.isdisjoint(person) and not _holds(line, matcher):
                continue
            if author:
                grown.add(("handle", author))
            if source == "hn_wants":
                grown |= {i for i in ids if i[0] != "handle" and owners[i] <= {author}}
        if grown == person:
            return person
        person = grown


def scrub_raw(
    data_dir: Path | str, suppression: Suppression, ids: Iterable[tuple[str, str]] = ()
) -> ScrubReport:
    """Remove from every raw-zone file each record of a suppressed person, or that holds one
    of `ids` whole (`_pattern`), rewriting the file atomically."""
    report = ScrubReport()
    matcher = _matcher(i for i in ids if i[0] != "handle")  # a handle counts as the author
    for path in _raw_files(data_dir):
        kept, removed = [], 0
        for line in _lines(path):
            record = _parse(line) if line.strip() else None
            drop = _holds(line, matcher) or (
                record is not None and suppression.holds(record_ids(record))
            )
            if drop:
                removed += 1
            else:
                kept.append(line)
        if removed:
            data = "".join(kept).encode("utf-8")
            gz = path.suffix == ".gz"
            write_atomically(path, gzip.compress(data, mtime=0) if gz else data)
            report.files_rewritten.append(path)
            report.records_removed += removed
    return report


def _file_holds(path: Path, matcher: re.Pattern[str] | None) -> bool:
    if path.suffix == ".parquet":
        try:
            import pyarrow.parquet as pq

            rows = pq.read_table(path).to_pylist()
        except Exception:
            return False
        return _holds(json.dumps(rows, default=str, ensure_ascii=False), matcher)
    try:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile):
        return False
    return _holds(data.decode("utf-8", "replace"), matcher)


def scrub_other_files(
    data_dir: Path | str, ids: Iterable[tuple[str, str]], keep: Iterable[Path] = ()
) -> list[Path]:
    """Delete the HTTP cache, and every other file of the data directory (outside the raw
    zone and `keep`) that holds one of `ids`: exports, HAR recordings, snapshot files (whose
    manifest then stops listing them). Returns what was removed."""
    data_dir = Path(data_dir)
    removed: list[Path] = []
    cache = data_dir / ".httpcache"
    if cache.exists():
        shutil.rmtree(cache)
        removed.append(cache)
    matcher = _matcher(ids)
    if matcher is None:
        return removed
    skip = {Path(p).resolve() for p in keep}
    raw = (data_dir / "raw").resolve()
    for path in sorted(data_dir.rglob("*")):
        resolved = path.resolve()
        if not path.is_file() or resolved in skip or raw in resolved.parents:
            continue
        if path.name in (SUPPRESSION_FILE, KEY_FILE, "manifest.json"):
            continue
        if path.suffix in (".duckdb", ".wal"):
            continue
        if _file_holds(path, matcher):
            path.unlink()
            removed.append(path)
            _unlist(path)
    return removed


def _unlist(removed: Path) -> None:
    """Take a deleted file out of the manifest of the dataset snapshot that holds it."""
    for folder in removed.parents:
        manifest_path = folder / "manifest.json"
        if not manifest_path.exists():
            continue
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            tables = manifest["tables"]
        except (OSError, ValueError, KeyError, TypeError):
            return
        name = removed.relative_to(folder).as_posix()
        for table in tables.values():
            files = table.get("files", [])
            gone = [f for f in files if f.get("path") == name]
            if gone:
                table["files"] = [f for f in files if f.get("path") != name]
                table["rows"] = table.get("rows", 0) - sum(f.get("rows", 0) for f in gone)
                manifest.setdefault("erased_files", []).append(name)
                body = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
                write_atomically(manifest_path, body.encode("utf-8"))
        return


def compact(db: Path | str) -> None:
    """Copy the warehouse into a fresh file and swap it in: deleted rows can linger in a
    DuckDB file's free blocks; a copy holds only the live ones."""
    db = Path(db)
    if not db.exists():
        return
    fresh = db.with_name(f".{db.name}.compact")
    fresh.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    try:
        con.execute("CHECKPOINT")
        name = con.execute("SELECT current_database()").fetchone()[0]
        con.execute("ATTACH ? AS fresh_copy", [str(fresh)])
        con.execute(f'COPY FROM DATABASE "{name}" TO fresh_copy')
        con.execute("DETACH fresh_copy")
    finally:
        con.close()
    with fresh.open("rb") as f:
        os.fsync(f.fileno())
    os.replace(fresh, db)
    Path(str(db) + ".wal").unlink(missing_ok=True)
    _fsync_dir(db.parent)


def forget_files(data_dir: Path | str, kind: str, value: str, db: Path | str) -> ScrubReport:
    """Steps 1–3 of the module docstring; the caller rebuilds, then calls `compact`."""
    if kind not in ID_KINDS:
        raise ValueError(f"unknown identifier kind {kind!r}")
    if not normalize_identifier(kind, value):
        raise ValueError(f"empty {kind}")
    ids = person_identifiers(data_dir, kind, value)
    add_identifiers(data_dir, ids)
    report = scrub_raw(data_dir, load_suppression(data_dir), ids)
    report.identifiers = len(ids)
    report.other_files_removed = scrub_other_files(
        data_dir, ids, keep=[Path(db), Path(str(db) + ".wal")]
    )
    return report
