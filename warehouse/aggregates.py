"""Pre-aggregated trend views: computed once when the warehouse is written, read in
milliseconds after (issue 14: trend views < 1 s at 10 million postings).

Each view named in MATERIALIZED keeps its name and columns, but its rows are computed when
`create_views` runs (at the end of every load, by the `trend_views` asset) and stored in a
table of the same name in the `aggregates` schema; the view then reads that table. The SQL in
`views/<name>.sql` stays the definition: `refresh` evaluates it, helpers first, so a view
built on a materialized helper (`posting_months` on `active_spans`) reads the stored rows.
A warehouse changed without `create_views` shows the figures of its last load, as a
snapshot would.
"""

from __future__ import annotations

import time

import duckdb

SCHEMA = "aggregates"

# The published trend figures (a snapshot ships them as tables too: warehouse/snapshot.py).
TRENDS: tuple[str, ...] = (
    "skill_trends",
    "remote_trends",
    "salary_trends",
    "regional_salaries",
    "company_hiring",
    "skill_supply_demand",
)
# Helpers before the views that read them.
MATERIALIZED: tuple[str, ...] = (
    "active_spans",
    "posting_months",
    "population_months",
    "postings_by_period",
    *TRENDS,
    "posting_index",
    "posting_lifecycle",
)


def refresh(con: duckdb.DuckDBPyConnection, definitions: dict[str, str]) -> dict[str, float]:
    """Store the rows of every MATERIALIZED view (defined in `definitions`, name → SELECT)
    and point the view at them; return the seconds each took to store."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    took = {}
    for name in MATERIALIZED:
        if name not in definitions:
            continue
        start = time.perf_counter()
        con.execute(f'CREATE OR REPLACE TABLE {SCHEMA}."{name}" AS {definitions[name]}')
        con.execute(f'CREATE OR REPLACE VIEW "{name}" AS SELECT * FROM {SCHEMA}."{name}"')
        took[name] = time.perf_counter() - start
    return took
