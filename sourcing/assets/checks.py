"""Asset checks on `postings` (the invariants analysts rely on) and on `data_quality` (how
much of what was read is wrong at a glance)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from sourcing.assets.postings import postings
from sourcing.assets.quality import data_quality_table

# Anomalies tolerated before a check fails: a share of all normalized rows.
MAX_BAD_COMPANIES = 0.01
MAX_BAD_TITLES = 0.02


def _count(duckdb: DuckDBResource, sql: str) -> int:
    with duckdb.get_connection() as con:
        return con.execute(sql).fetchone()[0]


def _no_rows(name: str, description: str, count_sql: str, label: str) -> dg.AssetChecksDefinition:
    """A check on `postings` that passes when `count_sql` counts no bad row; the count goes
    in the metadata as `label`."""

    @dg.asset_check(asset=postings, name=name, description=description)
    def check(duckdb: DuckDBResource) -> dg.AssetCheckResult:
        bad = _count(duckdb, count_sql)
        return dg.AssetCheckResult(passed=bad == 0, metadata={label: bad})

    return check


@dg.asset_check(asset=postings, blocking=True)
def postings_not_empty(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Blocks the tables downstream when dedupe left no posting at all."""
    n = _count(duckdb, "SELECT count(*) FROM postings")
    return dg.AssetCheckResult(passed=n > 0, metadata={"postings": n})


salary_min_not_above_max = _no_rows(
    "salary_min_not_above_max",
    "No posting's minimum pay (as stated or in USD) is above its maximum.",
    "SELECT count(*) FROM postings WHERE salary_min > salary_max"
    " OR salary_min_usd > salary_max_usd",
    "postings_min_above_max",
)
no_duplicate_source_titles = _no_rows(
    "no_duplicate_source_titles",
    "No source record's role (same title) lands in two postings.",
    "SELECT count(*) FROM (SELECT source, source_id, lower(title) FROM posting_sources"
    " GROUP BY ALL HAVING count(DISTINCT posting_id) > 1)",
    "duplicated_source_titles",
)


def _anomalies(duckdb: DuckDBResource, kinds: tuple[str, ...]) -> tuple[dict[str, int], int]:
    """(kind → count over every source, rows) from `data_quality`."""
    with duckdb.get_connection() as con:
        found = con.execute(
            "SELECT kind, count, total FROM data_quality WHERE source = 'all'"
            " AND kind IN (SELECT unnest(?))",
            [list(kinds)],
        ).fetchall()
    return {kind: n for kind, n, _ in found}, max((t for *_, t in found), default=0)


def _share_check(
    duckdb: DuckDBResource, kinds: tuple[str, ...], limit: float
) -> dg.AssetCheckResult:
    counts, total = _anomalies(duckdb, kinds)
    share = sum(counts.values()) / total if total else 0.0
    return dg.AssetCheckResult(
        passed=share <= limit,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={**counts, "share_of_rows": round(share, 4), "limit": limit},
    )


@dg.asset_check(asset=data_quality_table)
def postings_name_one_company(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """No posting joins records of two companies (a dedupe error, never tolerated)."""
    counts, _ = _anomalies(duckdb, ("posting_mixed_companies",))
    mixed = counts.get("posting_mixed_companies", 0)
    return dg.AssetCheckResult(passed=mixed == 0, metadata={"postings_mixed_companies": mixed})


@dg.asset_check(asset=data_quality_table)
def salaries_within_annual_bounds(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """No stored pay outside $5k–$1M a year once converted (the parser leaves such pay
    empty: `salary_rejected` counts those, for review)."""
    counts, _ = _anomalies(duckdb, ("salary_out_of_bounds", "salary_rejected"))
    bad = counts.get("salary_out_of_bounds", 0)
    return dg.AssetCheckResult(passed=bad == 0, metadata=counts)


@dg.asset_check(asset=data_quality_table)
def companies_are_names(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Few companies that are a place, an e-mail address, a link or a date."""
    kinds = ("company_is_place", "company_is_email", "company_is_url", "company_is_date")
    return _share_check(duckdb, kinds, MAX_BAD_COMPANIES)


@dg.asset_check(asset=data_quality_table)
def titles_are_titles(duckdb: DuckDBResource) -> dg.AssetCheckResult:
    """Few empty titles where the text names a role, and few header tags as titles."""
    return _share_check(duckdb, ("empty_title_names_role", "title_is_header_tag"), MAX_BAD_TITLES)


postings_checks = [
    postings_not_empty,
    salary_min_not_above_max,
    no_duplicate_source_titles,
    postings_name_one_company,
    salaries_within_annual_bounds,
    companies_are_names,
    titles_are_titles,
]
