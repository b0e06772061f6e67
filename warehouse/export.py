"""Lead-list exports: candidates or companies, filtered and ranked, as CSV, JSON Lines or
Parquet.

- Filters are bound as SQL parameters; no user text is ever pasted into SQL.
- CSV is safe to open in Excel and Google Sheets: a text cell starting with `=`, `+`, `-`,
  `@`, tab or carriage return is prefixed with `'` so it is read as text, never a formula;
  `bom=True` adds a UTF-8 byte order mark for Excel.
- Files are written with owner-only permissions (0600), atomically.
- Every row carries `url`: the post or posting the lead published, to cite.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pipelines.leads import match_score, skill_idf
from pipelines.timezones import Overlap
from warehouse.db import connect

KINDS = ("candidates", "companies")
FORMATS = ("csv", "jsonl", "parquet")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = {
    "candidates": [
        "candidate_id", "handle", "roles", "seniority", "skills", "location_text", "country",
        "region", "utc_offset_min", "utc_offset_max", "remote", "relocate", "email", "github_url",
        "linkedin_url", "urls", "first_seen", "last_seen", "posts", "url",
    ],
    "companies": [
        "company_id", "name", "domain", "ml_postings", "open_postings", "hiring_velocity",
        "roles", "top_skills", "salary_min_usd", "salary_max_usd", "countries", "regions",
        "remote_share", "ats", "careers_url", "contact", "first_seen", "last_seen", "url",
    ],
}  # fmt: skip

LAWFUL_USE = (
    "Reminder: these people published their post themselves, to be contacted about work that"
    " fits what they wrote. Under the GDPR and similar laws, contact them only about such work"
    " (legitimate interest), cite the post (url), keep the list no longer than needed, do not"
    " enrich it from other sources, and honour every request to be forgotten"
    " (`sourcing forget`)."
)


@dataclass
class LeadFilters:
    skills: list[str] = field(default_factory=list)  # canonical names; ranks by match score
    role: str | None = None
    region: str | None = None
    country: str | None = None  # ISO 3166 alpha-2
    remote: bool = False
    since: date | None = None  # last post / posting on or after
    min_match: float | None = None
    overlap: Overlap | None = None  # working hours in common with a zone (--overlap)


# The offset ranges an --overlap filter reads: a candidate's own, a company's open postings'.
_RANGES = {
    "candidates": "[[utc_offset_min, utc_offset_max]]",
    "companies": "(SELECT list([p.utc_offset_min, p.utc_offset_max]) FROM company_postings cp"
    " JOIN postings p USING (posting_id) WHERE cp.company_id = companies.company_id"
    " AND p.status = 'open')",
}


def _where(kind: str, f: LeadFilters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.role:
        clauses.append("list_contains(roles, ?)")
        params.append(f.role)
    if f.region:
        clauses.append("region = ?" if kind == "candidates" else "list_contains(regions, ?)")
        params.append(f.region)
    if f.country:
        clauses.append("country = ?" if kind == "candidates" else "list_contains(countries, ?)")
        params.append(f.country.upper())
    if f.remote:
        clauses.append("remote = 'remote'" if kind == "candidates" else "remote_share > 0")
    if f.since:
        clauses.append("CAST(last_seen AS DATE) >= ?")
        params.append(f.since)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def select_leads(db: Path | str, kind: str, filters: LeadFilters) -> tuple[list[str], list[dict]]:
    """The rows to export, best match first when skills are given (else newest first)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    columns = list(COLUMNS[kind])
    skills_col = "skills"
    where, params = _where(kind, filters)
    con = connect(db, read_only=True)
    try:
        order = (
            "last_seen DESC NULLS LAST"
            if kind == "candidates"
            else ("hiring_velocity DESC, ml_postings DESC, name")
        )
        ranges = f", {_RANGES[kind]} AS _ranges" if filters.overlap else ""
        cursor = con.execute(
            f"SELECT {', '.join(columns)}, {skills_col} AS _skills{ranges} FROM {kind}{where}"
            f" ORDER BY {order}",
            params,
        )
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
        if filters.skills:
            docs = [r[0] for r in con.execute("SELECT skills FROM candidates").fetchall()]
            docs += [r[0] for r in con.execute("SELECT skills FROM postings").fetchall()]
            idf = skill_idf(docs)
            newest = con.execute(
                "SELECT greatest((SELECT max(last_seen) FROM candidates),"
                " (SELECT max(last_seen) FROM postings))"
            ).fetchone()[0]
    finally:
        con.close()
    if filters.skills:
        for row in rows:
            row["match"] = match_score(
                filters.skills, row["_skills"], idf, row["last_seen"], newest
            )
        floor = filters.min_match if filters.min_match is not None else 0.0
        rows = [r for r in rows if r["match"] > 0 and r["match"] >= floor]
        rows.sort(key=lambda r: -r["match"])
        columns.insert(1, "match")
    if filters.overlap:
        for row in rows:
            row["overlap_hours"] = filters.overlap.shared(row.pop("_ranges"))
        rows = [r for r in rows if filters.overlap.keeps(r["overlap_hours"])]
        columns.insert(1, "overlap_hours")
    for row in rows:
        row.pop("_skills", None)
    return columns, rows


def neutralize(value: str) -> str:
    """A CSV text cell that a spreadsheet would run as a formula, made plain text."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = "; ".join(str(_plain(v)) for v in value)
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    elif isinstance(value, datetime | date):
        value = value.isoformat()
    if isinstance(value, str):
        return neutralize(value)
    return value


def to_csv(columns: list[str], rows: list[dict], bom: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")


def to_jsonl(columns: list[str], rows: list[dict]) -> bytes:
    lines = [
        json.dumps({c: _plain(row.get(c)) for c in columns}, ensure_ascii=False) for row in rows
    ]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")


def to_parquet(columns: list[str], rows: list[dict]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])
    if not rows:
        table = pa.table({c: pa.array([], pa.string()) for c in columns})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def write_private(path: Path | str, data: bytes) -> Path:
    """Write `data` to `path` with owner-only permissions (0600), atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def export_leads(
    db: Path | str,
    kind: str,
    out: Path | str,
    fmt: str,
    filters: LeadFilters | None = None,
    bom: bool = False,
) -> int:
    """Write the lead list to `out`; return how many rows it holds."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    columns, rows = select_leads(db, kind, filters or LeadFilters())
    if fmt == "csv":
        data = to_csv(columns, rows, bom=bom)
    elif fmt == "jsonl":
        data = to_jsonl(columns, rows)
    else:
        data = to_parquet(columns, rows)
    write_private(out, data)
    return len(rows)
