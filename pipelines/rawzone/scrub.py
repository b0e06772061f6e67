"""Scrubbing a person out of the data directory: their records out of every raw-zone file,
and every other file that holds one of their identifiers (exports, HAR recordings, snapshot
files) deleted. Identifiers match only whole: `e@x.com` is not inside `jane@x.com`."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.rawzone.files import write_atomically
from pipelines.rawzone.identity import author, normalize_identifier, record_ids
from pipelines.rawzone.layout import KEY_FILE, SUPPRESSION_FILE, RawZone
from pipelines.rawzone.read import as_record, text_lines
from pipelines.rawzone.suppression import Suppression


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


def person_identifiers(zone: RawZone, kind: str, value: str) -> set[tuple[str, str]]:
    """Every identifier of the person named by one: the handle of each post that holds it,
    and the addresses and links of their own "Who wants to be hired?" posts that no one else
    posted, repeated until nothing new turns up (an email finds a post, its handle finds the
    person's other post, which may give a link). Values are normalized; never printed."""
    person = {(kind, normalize_identifier(kind, value))}
    posts, owners = [], defaultdict(set)
    for path in zone.every_file():
        for line in text_lines(path):
            record = as_record(line)
            if record is None:
                continue
            ids, handle = record_ids(record), author(record)
            posts.append((line, record.get("source"), handle, ids))
            for found in ids:
                owners[found].add(handle)
    while True:
        matcher, grown = _matcher(person), set(person)
        for line, source, handle, ids in posts:
            if ids.isdisjoint(person) and not _holds(line, matcher):
                continue
            if handle:
                grown.add(("handle", handle))
            if source == "hn_wants":
                grown |= {i for i in ids if i[0] != "handle" and owners[i] <= {handle}}
        if grown == person:
            return person
        person = grown


def scrub_raw(
    zone: RawZone, suppression: Suppression, ids: Iterable[tuple[str, str]] = ()
) -> ScrubReport:
    """Remove from every raw-zone file each record of a suppressed person, or that holds one
    of `ids` whole (`_pattern`), rewriting the file atomically."""
    report = ScrubReport()
    matcher = _matcher(i for i in ids if i[0] != "handle")  # a handle counts as the author
    for path in zone.every_file():
        kept, removed = [], 0
        for line in text_lines(path):
            record = as_record(line)
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

            with path.open("rb") as f:  # a file object: pyarrow reads no UPath
                rows = pq.read_table(f).to_pylist()
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
    zone: RawZone, ids: Iterable[tuple[str, str]], keep: Iterable[Path] = ()
) -> list[Path]:
    """Delete the HTTP cache, and every other file of the data directory (outside the raw
    zone and `keep`) that holds one of `ids`: exports, HAR recordings, snapshot files (whose
    manifest then stops listing them). Returns what was removed."""
    removed: list[Path] = []
    if zone.cache_dir.exists():
        shutil.rmtree(zone.cache_dir)
        removed.append(zone.cache_dir)
    matcher = _matcher(ids)
    if matcher is None:
        return removed
    skip = {Path(p).resolve() for p in keep}
    raw = zone.root.resolve()
    for path in sorted(zone.data_dir.rglob("*")):
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
