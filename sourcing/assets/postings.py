"""Postings assets: normalize each crawl date of the raw zone, pick every record's latest
version, then dedupe into `postings` and `posting_sources`.

(No `from __future__ import annotations` here: Dagster reads the config annotation.)"""

from collections import Counter

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import Field

from pipelines.dedupe import dedupe_table
from pipelines.lifecycle import apply_lifecycle
from sourcing.assets.crawl import raw_asset_key
from sourcing.assets.metadata import PARSER_VERSION, table_metadata, warehouse_asset
from sourcing.normalizing import JOB_SOURCES, default_workers, normalize_dates
from sourcing.partitions import days_to_load, zone_files
from sourcing.resources import RawZoneResource
from warehouse.crawl_dates import keep_days, latest_rows
from warehouse.db import migrate
from warehouse.load import read_arrow, read_table, replace_tables

# What lifecycle reads of a normalized row (`record_intervals`).
LIFECYCLE_FIELDS = ["source", "source_id", "first_seen", "posted_at", "expires_at"]


class NormalizeConfig(dg.Config):
    """Which crawl dates to normalize. By default, those whose raw files (name and size)
    differ from the ones the warehouse loaded: new, grown or scrubbed dates."""

    dates: list[str] = Field(
        default=[], description="Normalize exactly these crawl dates (YYYY-MM-DD) again."
    )
    all_dates: bool = Field(
        default=False, description="Normalize every crawl date of the raw zone (a rebuild)."
    )
    workers: int = Field(
        default=0, description="Processes that normalize (0: one per core this step may use)."
    )


@warehouse_asset(
    group_name="postings",
    deps=[raw_asset_key(s) for s in JOB_SOURCES],
    code_version=PARSER_VERSION,
    tags={"layer": "normalized"},
)
def normalized_crawls(
    context: dg.AssetExecutionContext,
    config: NormalizeConfig,
    raw_zone: RawZoneResource,
    duckdb: DuckDBResource,
) -> dg.MaterializeResult:
    """The job records of each crawl date's raw files, each record's latest version that day
    normalized once, and which records each crawl listed (per-date tables). Normalizing is the
    slow step, so a run normalizes only the dates that changed since the last load (or the
    dates its config names), all in one run: downstream assets then rebuild once. A version
    normalized before (same content, same `code_version`) is not normalized again, and the
    others are spread over every core (`sourcing.normalizing`). Loading a date again replaces
    its rows."""
    zone = raw_zone.zone()
    present = zone.days()
    with duckdb.get_connection() as con:
        migrate(con)
        if config.all_dates:
            days = present
        elif config.dates:
            unknown = sorted(set(config.dates) - set(present))
            if unknown:
                raise dg.Failure(f"no raw files for crawl date(s) {', '.join(unknown)}")
            days = sorted(set(config.dates))
        else:
            loaded = {r["raw_file"]: r["bytes"] for r in read_table(con, "crawl_files")}
            days = days_to_load(zone_files(zone), loaded)
        workers = config.workers or default_workers()
        run = normalize_dates(zone, days, con, PARSER_VERSION, workers)
        for day, done in run.per_day.items():
            context.log.info(f"normalized {day}: {done['normalized_rows']} rows")
        table = table_metadata(con, duckdb, "version_postings")
    per_day = run.per_day
    return dg.MaterializeResult(
        metadata={
            **table,
            "crawl_dates": dg.MetadataValue.json(per_day),
            "record_versions": run.versions,
            "versions_normalized": run.normalized,
            "share_skipped": run.share_skipped,
            "workers": workers,
            "raw_records": sum(d["raw_records"] for d in per_day.values()),
            "normalized_rows": sum(d["normalized_rows"] for d in per_day.values()),
            "bad_raw_lines": sum(d["bad_raw_lines"] for d in per_day.values()),
        }
    )


@warehouse_asset(
    group_name="postings",
    deps=[normalized_crawls],
    tags={"layer": "normalized"},
)
def normalized_postings(raw_zone: RawZoneResource, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """Every job record of the raw zone (its latest version over every crawl date),
    normalized: one row per role. Records that are not job offers land in `skipped_records`
    with the reason. The rows of a crawl date whose raw folder is gone are dropped first."""
    with duckdb.get_connection() as con:
        migrate(con)
        dropped = keep_days(con, raw_zone.zone().days())
        rows, skipped = latest_rows(con)
        replace_tables(con, {"normalized_postings": rows, "skipped_records": skipped})
        table = table_metadata(con, duckdb, "normalized_postings")
    return dg.MaterializeResult(
        metadata={
            **table,
            "normalized_rows": len(rows),
            "skipped": dg.MetadataValue.json(dict(Counter(s["reason"] for s in skipped))),
            "salaries_out_of_bounds": sum(1 for r in rows if r["salary_rejected"]),
            "crawl_dates_dropped": dropped,
        }
    )


@warehouse_asset(
    group_name="postings",
    deps=[normalized_postings],
    tags={"layer": "warehouse"},
)
def postings(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
    """One row per real-world job (`postings`) and its source records (`posting_sources`)."""
    with duckdb.get_connection() as con:
        migrate(con)
        rows = read_arrow(con, "normalized_postings")
        job_columns, link_columns = dedupe_table(rows)
        jobs, links = job_columns.to_pylist(), link_columns.to_pylist()
        del job_columns, link_columns
        records = rows.select(LIFECYCLE_FIELDS).to_pylist()
        del rows
        apply_lifecycle(jobs, links, records, read_table(con, "crawl_records"))
        replace_tables(con, {"postings": jobs, "posting_sources": links})
        table = table_metadata(con, duckdb, "postings")
    with_salary = sum(1 for j in jobs if j["salary_min"] is not None)
    methods = Counter(x["match_method"] for x in links)
    return dg.MaterializeResult(
        metadata={
            **table,
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
