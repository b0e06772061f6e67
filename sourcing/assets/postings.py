"""Postings assets: normalize the raw zone, then dedupe into `postings` and `posting_sources`."""

from collections import Counter
from typing import Any

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.dedupe import dedupe
from pipelines.lifecycle import apply_lifecycle, expires_at
from pipelines.normalize import normalize_record, parse_time
from pipelines.versions import crawl_records, latest_versions
from sourcing.assets.crawl import raw_asset_key
from sourcing.raw_zone import ReadStats
from sourcing.resources import RawZoneResource
from sourcing.sources import SOURCES
from warehouse.db import migrate
from warehouse.load import read_table, replace_tables

JOB_SOURCES = [s.name for s in SOURCES.values() if s.kind == "jobs"]


def normalize_all(records: list[dict[str, Any]], log: Any) -> tuple[list[dict], list[dict]]:
    """(normalized rows, skipped records); a record that breaks a parser is skipped and
    counted, never fatal, and its content never logged (it may hold personal data)."""
    rows, skipped = [], []
    for raw in latest_versions(records):
        try:
            result = normalize_record(raw)
            reason = result.skip_reason
        except Exception as exc:  # one bad record must not stop the others
            log.warning(f"{raw['source']} {raw['source_id']}: {type(exc).__name__} in a parser")
            result, reason = None, f"error:{type(exc).__name__}"
        if reason or result is None:
            skipped.append(
                {
                    "source": raw["source"],
                    "source_id": raw["source_id"],
                    "reason": reason,
                    "fetched_at": parse_time(raw["fetched_at"]),
                    "url": raw.get("url"),
                }
            )
        else:
            expiry = expires_at(raw)
            rows.extend({**row, "expires_at": expiry} for row in result.postings)
    return rows, skipped


@dg.asset(
    group_name="postings",
    kinds={"python", "duckdb"},
    deps=[raw_asset_key(s) for s in JOB_SOURCES],
    pool="duckdb_writer",
)
def normalized_postings(
    context: dg.AssetExecutionContext, raw_zone: RawZoneResource, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    """Every job record of the raw zone (latest version of each), normalized: one row per role.
    Records that are not job offers land in `skipped_records` with the reason."""
    stats = ReadStats()
    zone = raw_zone.zone()
    files_and_records = list(zone.read_with_files(JOB_SOURCES, stats))
    records = [record for _, record in files_and_records]
    crawls = crawl_records(
        (path.relative_to(zone.root.parent).as_posix(), record)
        for path, record in files_and_records
    )
    rows, skipped = normalize_all(records, context.log)
    with duckdb.get_connection() as con:
        migrate(con)
        replace_tables(
            con,
            {"normalized_postings": rows, "skipped_records": skipped, "crawl_records": crawls},
        )
    reasons = Counter(s["reason"] for s in skipped)
    return dg.MaterializeResult(
        metadata={
            "raw_files": stats.files,
            "raw_records": stats.records,
            "bad_raw_lines": sum(stats.bad_lines.values()),
            "normalized_rows": len(rows),
            "skipped": dg.MetadataValue.json(dict(reasons)),
        }
    )


@dg.asset(
    group_name="postings",
    kinds={"python", "duckdb"},
    deps=[normalized_postings],
    pool="duckdb_writer",
)
def postings(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """One row per real-world job (`postings`) and its source records (`posting_sources`)."""
    with duckdb.get_connection() as con:
        migrate(con)
        rows = read_table(con, "normalized_postings")
        jobs, links = dedupe(rows)
        apply_lifecycle(jobs, links, rows, read_table(con, "crawl_records"))
        replace_tables(con, {"postings": jobs, "posting_sources": links})
    with_salary = sum(1 for j in jobs if j["salary_min"] is not None)
    methods = Counter(x["match_method"] for x in links)
    return dg.MaterializeResult(
        metadata={
            "postings": len(jobs),
            "source_records": len({(x["source"], x["source_id"]) for x in links}),
            "ml_postings": sum(1 for j in jobs if j["is_ml"]),
            "share_with_salary": round(with_salary / len(jobs), 3) if jobs else 0.0,
            "multi_record_postings": sum(1 for j in jobs if j["source_count"] > 1),
            "match_methods": dg.MetadataValue.json(dict(methods)),
            "closed": sum(1 for j in jobs if j["status"] == "closed"),
            "reposts": sum(j["repost_count"] for j in jobs),
        }
    )
