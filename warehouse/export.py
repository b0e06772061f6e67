"""Lead-list exports: candidates or companies, filtered and ranked, as CSV, JSON Lines or
Parquet.

- Filters are bound as SQL parameters; no user text is ever pasted into SQL.
- CSV is safe to open in Excel and Google Sheets (`warehouse.csv_safe`: a text cell that
  would run as a formula is prefixed with `'`); `bom=True` adds a UTF-8 byte order mark.
- Files are written with owner-only permissions (0600), atomically.
- Every row carries `url`: the post or posting the lead published, to cite (with an import
  profile: inside `notes`, beside the skills matched and the post's opening words).
- Companies: those with an ML posting unless `all_companies`; salaries to the nearest
  thousand dollars.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pipelines.leads import match_score, skill_idf
from pipelines.rawzone.files import write_atomically
from pipelines.timezones import Overlap
from warehouse.csv_safe import neutralize
from warehouse.db import connect

KINDS = ("candidates", "companies")
FORMATS = ("csv", "jsonl", "parquet")
PROFILES = ("full", "gem", "greenhouse")
SALARY_ROUNDING = -3  # companies' salaries to the nearest thousand dollars: a range, not a figure

COLUMNS = {
    "candidates": [
        "candidate_id", "matched_skills", "missing_skills", "handle", "first_name", "last_name",
        "roles", "seniority", "skills", "location_text", "country", "region", "utc_offset_min",
        "utc_offset_max", "remote", "relocate", "email", "github_url", "linkedin_url", "urls",
        "source", "posted_at", "excerpt", "first_seen", "last_seen", "posts", "url",
    ],
    "companies": [
        "company_id", "matched_skills", "missing_skills", "name", "domain", "ml_postings",
        "open_postings", "hiring_velocity", "roles", "ml_titles", "ml_urls", "top_skills",
        "salary_min_usd", "salary_max_usd", "countries", "regions", "remote_share", "ats",
        "careers_url", "contact", "first_seen", "last_seen", "url",
    ],
}  # fmt: skip

# The column names the sourcing tools' CSV imports map by themselves (their help pages:
# Gem's candidate CSV import fields; Greenhouse Recruiting's bulk prospect import template).
# A name is only the one the person wrote; nothing is guessed from a handle.
IMPORT_COLUMNS = {
    "gem": {
        "first_name": "first_name", "last_name": "last_name", "email": "email",
        "linkedin_url": "linkedin_url", "github_url": "github_url", "location": "location_text",
        "notes": "notes",
    },
    "greenhouse": {
        "First Name": "first_name", "Last Name": "last_name", "Email": "email",
        "Social Media": "linkedin_url", "Website": "website", "Address": "location_text",
        "Notes": "notes",
    },
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
    limit: int | None = None  # the best N rows only
    all_companies: bool = False  # companies: also those with no ML posting
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
    if kind == "companies" and not f.all_companies:
        clauses.append("ml_postings > 0")
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
    """The rows to export, best match first when skills are given (else newest first), with
    the skills asked for that each lead has (`matched_skills`) and lacks (`missing_skills`)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}")
    columns = list(COLUMNS[kind])
    stored = [c for c in columns if c not in ("matched_skills", "missing_skills")]
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
            f"SELECT {', '.join(stored)}, skills AS _skills{ranges} FROM {kind}{where}"
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
    for row in rows:
        have = set(row.pop("_skills") or ())
        row["matched_skills"] = [s for s in filters.skills if s in have]
        row["missing_skills"] = [s for s in filters.skills if s not in have]
        for col in ("salary_min_usd", "salary_max_usd"):
            if row.get(col) is not None:
                row[col] = int(round(row[col], SALARY_ROUNDING))
    if filters.skills:
        for row in rows:
            # the overlap only needs the asked-for skills the lead has
            have = row["matched_skills"]
            row["match"] = match_score(filters.skills, have, idf, row["last_seen"], newest)
        floor = filters.min_match if filters.min_match is not None else 0.0
        rows = [r for r in rows if r["match"] > 0 and r["match"] >= floor]
        rows.sort(key=lambda r: -r["match"])
        columns.insert(1, "match")
    if filters.overlap:
        for row in rows:
            row["overlap_hours"] = filters.overlap.shared(row.pop("_ranges"))
        rows = [r for r in rows if filters.overlap.keeps(r["overlap_hours"])]
        columns.insert(1, "overlap_hours")
    if filters.limit is not None:
        rows = rows[: filters.limit]
    return columns, rows


def notes(row: dict) -> str:
    """Why a person is on the list, in one cell for an import tool's notes field."""
    parts = []
    if row.get("matched_skills"):
        parts.append("Matched: " + ", ".join(row["matched_skills"]))
    if row.get("missing_skills"):
        parts.append("Missing: " + ", ".join(row["missing_skills"]))
    posted = row.get("posted_at")
    when = f" {posted:%Y-%m-%d}" if isinstance(posted, datetime | date) else ""
    parts.append(f"Posted{when} on {row.get('source')}: {row.get('url') or ''}".rstrip(": "))
    if row.get("excerpt"):
        parts.append(f"\u201c{row['excerpt']}\u201d")
    return ". ".join(parts)


def import_rows(profile: str, rows: list[dict]) -> tuple[list[str], list[dict]]:
    """Candidate rows under the column names of an import tool (`IMPORT_COLUMNS`)."""
    mapping = IMPORT_COLUMNS[profile]
    out = []
    for row in rows:
        extra = {
            "notes": notes(row),
            "website": row.get("github_url")
            or next((u for u in row.get("urls") or () if u != row.get("linkedin_url")), None),
        }
        out.append({name: {**row, **extra}.get(col) for name, col in mapping.items()})
    return list(mapping), out


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


def export_leads(
    db: Path | str,
    kind: str,
    out: Path | str,
    fmt: str,
    filters: LeadFilters | None = None,
    bom: bool = False,
    profile: str = "full",
) -> list[dict]:
    """Write the lead list to `out` (with `profile` gem or greenhouse: candidates under the
    column names that tool imports); return the rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}")
    if profile != "full" and kind != "candidates":
        raise ValueError(f"--profile {profile} lists people: use it with --kind candidates")
    columns, rows = select_leads(db, kind, filters or LeadFilters())
    if profile != "full":
        columns, rows = import_rows(profile, rows)
    if fmt == "csv":
        data = to_csv(columns, rows, bom=bom)
    elif fmt == "jsonl":
        data = to_jsonl(columns, rows)
    else:
        data = to_parquet(columns, rows)
    write_atomically(out, data)  # owner-only (0600): leads are personal data
    return rows
