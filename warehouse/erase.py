"""Forgetting a person: the data directory's part (`pipelines.rawzone`), then the warehouse's.

`sourcing forget --email ADDR | --handle NAME | --url URL`:

1. finds the person's other identifiers (`scrub.person_identifiers`: the handle of every post
   that holds the one given, and the addresses and links of their own posts), and adds each,
   keyed, to the suppression list (`pipelines.rawzone.suppression`; and, on the next load, to
   the `suppression_list` table): the plain value is never stored;
2. removes from every raw-zone file each record that holds one of the person's identifiers
   (author handle, an email its text spells out, obfuscated or not, a link, or the plain
   value itself, matched whole), rewriting the file atomically;
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

from pathlib import Path

import duckdb

from pipelines.rawzone import suppression
from pipelines.rawzone.files import publish
from pipelines.rawzone.identity import ID_KINDS, normalize_identifier
from pipelines.rawzone.layout import RawZone
from pipelines.rawzone.scrub import ScrubReport, person_identifiers, scrub_other_files, scrub_raw


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
    publish(fresh, db)
    Path(str(db) + ".wal").unlink(missing_ok=True)


def forget_files(data_dir: Path | str, kind: str, value: str, db: Path | str) -> ScrubReport:
    """Steps 1–3 of the module docstring; the caller rebuilds, then calls `compact`."""
    if kind not in ID_KINDS:
        raise ValueError(f"unknown identifier kind {kind!r}")
    if not normalize_identifier(kind, value):
        raise ValueError(f"empty {kind}")
    zone = RawZone(data_dir)
    ids = person_identifiers(zone, kind, value)
    suppression.add(zone.suppression_file, ids)
    report = scrub_raw(zone, suppression.load(zone.suppression_file), ids)
    report.identifiers = len(ids)
    report.other_files_removed = scrub_other_files(
        zone, ids, keep=[Path(db), Path(str(db) + ".wal")]
    )
    return report
