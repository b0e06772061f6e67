"""Forgetting a person: the suppression list, scrubbing the raw zone, compacting the warehouse.

`sourcing forget --email ADDR | --handle NAME | --url URL`:

1. adds sha256("kind:normalized value") to `<data-dir>/suppression.sha256` (and, on the next
   load, to the `suppression_list` table): the plain value is never stored;
2. removes from every raw-zone file each record that holds one of the person's identifiers
   (author handle, an email its text spells out, obfuscated or not, a link, or the plain
   value itself), rewriting the file atomically: a temp file beside it, fsync, rename;
3. deletes the HTTP cache, and any other file under the data directory (earlier exports, HAR
   recordings) that contains the plain value; the caller is told which;
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
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.leads import ID_KINDS, identifier_hash, normalize_identifier, record_identifiers

SUPPRESSION_FILE = "suppression.sha256"


def suppression_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / SUPPRESSION_FILE


def read_suppression(data_dir: Path | str) -> dict[str, tuple[str, str | None]]:
    """hash → (kind, added_at) of everyone who asked to be forgotten."""
    path = suppression_path(data_dir)
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[1].strip()] = (parts[0].strip(), parts[2].strip() if len(parts) > 2 else None)
    return out


def suppression_rows(data_dir: Path | str) -> list[dict]:
    """The `suppression_list` table's rows."""
    return [
        {
            "id_hash": h,
            "kind": kind,
            "added_at": datetime.fromisoformat(at).replace(tzinfo=None) if at else None,
        }
        for h, (kind, at) in sorted(read_suppression(data_dir).items())
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
    if kind not in ID_KINDS:
        raise ValueError(f"unknown identifier kind {kind!r}")
    if not normalize_identifier(kind, value):
        raise ValueError(f"empty {kind}")
    digest = identifier_hash(kind, value)
    known = read_suppression(data_dir)
    if digest not in known:
        known[digest] = (kind, datetime.now(UTC).isoformat(timespec="seconds"))
        body = "# sha256 of 'kind:normalized value' of people who asked to be forgotten\n"
        body += "".join(f"{k}\t{h}\t{at or ''}\n" for h, (k, at) in sorted(known.items()))
        write_atomically(suppression_path(data_dir), body.encode("utf-8"))
    return digest


@dataclass
class ScrubReport:
    files_rewritten: list[Path] = field(default_factory=list)
    records_removed: int = 0
    other_files_removed: list[Path] = field(default_factory=list)


def _plain_forms(kind: str, value: str) -> list[str]:
    """How the value may appear verbatim in a stored file (lower case)."""
    norm = normalize_identifier(kind, value)
    if kind == "handle":
        return []  # a handle is matched as the record's author, not as any substring
    return [norm]


def _unescape(line: str) -> str:
    return line.replace("&#x2f;", "/").replace("&#x2F;", "/").replace("\\/", "/").lower()


def _holds(line: str, forms: Iterable[str]) -> bool:
    low = _unescape(line)
    return any(f and f in low for f in forms)


def scrub_raw(data_dir: Path | str, hashes: set[str], forms: Iterable[str] = ()) -> ScrubReport:
    """Remove the records of the people in `hashes` from every raw-zone file."""
    report = ScrubReport()
    forms = list(forms)
    root = Path(data_dir) / "raw"
    if not root.exists():
        return report
    for path in sorted([*root.rglob("*.jsonl"), *root.rglob("*.jsonl.gz")]):
        gz = path.suffix == ".gz"
        raw_bytes = path.read_bytes()
        text = (gzip.decompress(raw_bytes) if gz else raw_bytes).decode("utf-8", "replace")
        kept, removed = [], 0
        for line in text.splitlines(keepends=True):
            drop = False
            if line.strip():
                if _holds(line, forms):
                    drop = True
                else:
                    try:
                        record = json.loads(line)
                        drop = isinstance(record, dict) and not record_identifiers(
                            record
                        ).isdisjoint(hashes)
                    except ValueError:
                        drop = False
            if drop:
                removed += 1
            else:
                kept.append(line)
        if removed:
            data = "".join(kept).encode("utf-8")
            write_atomically(path, gzip.compress(data, mtime=0) if gz else data, mode=0o644)
            report.files_rewritten.append(path)
            report.records_removed += removed
    return report


def _file_holds(path: Path, forms: list[str]) -> bool:
    if path.suffix == ".parquet":
        try:
            import pyarrow.parquet as pq

            rows = pq.read_table(path).to_pylist()
        except Exception:
            return False
        return _holds(json.dumps(rows, default=str, ensure_ascii=False), forms)
    try:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile):
        return False
    return _holds(data.decode("utf-8", "replace"), forms)


def scrub_other_files(
    data_dir: Path | str, forms: list[str], keep: Iterable[Path] = ()
) -> list[Path]:
    """Delete the HTTP cache, and every other file of the data directory (outside the raw
    zone and `keep`) that holds the value: earlier exports, HAR recordings. Returns them."""
    data_dir = Path(data_dir)
    removed: list[Path] = []
    cache = data_dir / ".httpcache"
    if cache.exists():
        shutil.rmtree(cache)
        removed.append(cache)
    if not forms:
        return removed
    skip = {Path(p).resolve() for p in keep}
    raw = (data_dir / "raw").resolve()
    for path in sorted(data_dir.rglob("*")):
        resolved = path.resolve()
        if not path.is_file() or resolved in skip or raw in resolved.parents:
            continue
        if path.name == SUPPRESSION_FILE or path.suffix in (".duckdb", ".wal"):
            continue
        if _file_holds(path, forms):
            path.unlink()
            removed.append(path)
    return removed


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
    add_suppression(data_dir, kind, value)
    hashes = set(read_suppression(data_dir))
    forms = _plain_forms(kind, value)
    report = scrub_raw(data_dir, hashes, forms)
    report.other_files_removed = scrub_other_files(
        data_dir, forms, keep=[Path(db), Path(str(db) + ".wal")]
    )
    return report
