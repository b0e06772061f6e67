"""Asset checks on `postings`: the invariants analysts rely on."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from sourcing.assets.postings import postings


def _count(duckdb: DuckDBResource, sql: str) -> int:
    with duckdb.get_connection() as con:
        return con.execute(sql).fetchone()[0]


@dg.asset_check(asset=postings, blocking=True)
def postings_not_empty(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Blocks the tables downstream when dedupe left no posting at all."""
    n = _count(duckdb, "SELECT count(*) FROM postings")
    return dg.AssetCheckResult(passed=n > 0, metadata={"postings": n})


@dg.asset_check(asset=postings)
def salary_min_not_above_max(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """No posting's minimum pay (as stated or in USD) is above its maximum."""
    bad = _count(
        duckdb,
        "SELECT count(*) FROM postings WHERE salary_min > salary_max"
        " OR salary_min_usd > salary_max_usd",
    )
    return dg.AssetCheckResult(passed=bad == 0, metadata={"postings_min_above_max": bad})


@dg.asset_check(asset=postings)
def no_duplicate_source_titles(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """No source record's role (same title) lands in two postings."""
    dup = _count(
        duckdb,
        "SELECT count(*) FROM (SELECT source, source_id, lower(title) FROM posting_sources"
        " GROUP BY ALL HAVING count(DISTINCT posting_id) > 1)",
    )
    return dg.AssetCheckResult(passed=dup == 0, metadata={"duplicated_source_titles": dup})


postings_checks = [postings_not_empty, salary_min_not_above_max, no_duplicate_source_titles]
