"""Analysts' views over the warehouse (their SQL lives in `warehouse/views/`)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from sourcing.assets.postings import postings
from warehouse.db import create_views, migrate


@dg.asset(group_name="analytics", kinds={"duckdb"}, deps=[postings], pool="duckdb_writer")
def trend_views(duckdb: DuckDBResource) -> dg.MaterializeResult:
    """`salary_trends`, `skill_trends`, `remote_trends` and the other views."""
    with duckdb.get_connection() as con:
        migrate(con)
        names = create_views(con)
    return dg.MaterializeResult(metadata={"views": ", ".join(names)})
