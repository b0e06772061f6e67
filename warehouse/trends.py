"""One trend over time for `sourcing trends`: the share of postings with a skill, role or
region per month or week, with its n, Wilson 95% interval and small-sample flag.

The population of a period is the postings posted or reposted in it (`active_spans`' starts,
as `posting_months`), each with the skills its records of that period ask for: ML postings
(`population='ml'`), every posting (`'all'`) or both, one row each (`'both'`). So `--by month`
with a skill gives exactly `skill_trends`' `postings`, `n`, `share_low` and `share_high` of
the same population.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warehouse.db import connect

GRAINS = {"month": "%Y-%m", "week": "%G-W%V"}
POPULATIONS = {"ml": ["ml"], "all": ["all"], "both": ["ml", "all"]}
SMALL_N = 20  # the views' `small_sample` threshold

COLUMNS = [
    "period",
    "population",
    "postings",
    "n",
    "share",
    "share_low",
    "share_high",
    "small_sample",
]


@dataclass(frozen=True)
class TrendFilter:
    skill: str | None = None
    role: str | None = None
    region: str | None = None

    def label(self) -> str:
        parts = [f"{k} = {v}" for k, v in vars(self).items() if v]
        return " and ".join(parts) or "every posting"


def trend_sql(wanted: TrendFilter, grain: str, population: str) -> tuple[str, list]:
    """The query of one trend and its parameters (the filter's values are bound, not pasted)."""
    if grain not in GRAINS:
        raise ValueError(f"grain must be one of {', '.join(GRAINS)}")
    if population not in POPULATIONS:
        raise ValueError(f"population must be one of {', '.join(POPULATIONS)}")
    tests, params = ["true"], [grain]
    if wanted.skill:
        tests.append("list_contains(l.skills, ?)")
        params.append(wanted.skill)
    if wanted.role:
        tests.append("p.role = ?")
        params.append(wanted.role)
    if wanted.region:
        tests.append("coalesce(p.region, 'unknown') = ?")
        params.append(wanted.region)
    params.append(POPULATIONS[population])
    match = " AND ".join(tests)
    sql = f"""
        WITH listed AS (
            SELECT posting_id, date_trunc(?, started) AS period,
                list_distinct(flatten(list(skills))) AS skills
            FROM active_spans
            GROUP BY ALL
        ),
        matched AS (
            SELECT l.period, p.is_ml, {match} AS hit
            FROM listed AS l JOIN postings AS p USING (posting_id)
        ),
        pops AS (
            SELECT period, 'ml' AS population, hit FROM matched WHERE is_ml
            UNION ALL
            SELECT period, 'all' AS population, hit FROM matched
        ),
        counted AS (
            SELECT period, population, count(*) FILTER (hit) AS postings, count(*) AS n
            FROM pops
            WHERE list_contains(?, population)
            GROUP BY ALL
        )
        SELECT
            strftime(period, '{GRAINS[grain]}') AS period,
            population,
            postings,
            n,
            round(postings / n, 4) AS share,
            round(wilson_low(postings, n), 4) AS share_low,
            round(wilson_high(postings, n), 4) AS share_high,
            n < {SMALL_N} AS small_sample
        FROM counted
        WHERE period >= ?::TIMESTAMP
        ORDER BY counted.period, population DESC
    """
    return sql, params


def trend(
    db: Path | str,
    wanted: TrendFilter,
    grain: str = "month",
    since: str | None = None,
    population: str = "ml",
) -> tuple[list[str], list[tuple]]:
    """The trend's rows from the warehouse file `db` (read-only); `since` is a date
    ('2024-01' or '2024-01-15'): periods starting before it are left out."""
    sql, params = trend_sql(wanted, grain, population)
    start = since or "0001-01"
    if len(start) == 7:
        start += "-01"
    con = connect(db, read_only=True)
    try:
        rows = con.execute(sql, [*params, start]).fetchall()
    finally:
        con.close()
    return COLUMNS, rows
