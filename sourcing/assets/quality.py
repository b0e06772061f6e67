"""The `data_quality` asset: share filled and anomalies per source and field
(pipelines/quality.py), loaded next to the postings it describes."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.quality import anomalies, data_quality
from sourcing.assets.metadata import warehouse_asset
from sourcing.assets.postings import postings
from warehouse.db import migrate
from warehouse.load import read_table, replace_tables


@warehouse_asset(
    name="data_quality",
    group_name="postings",
    deps=[postings],
)
def data_quality_table(duckdb: DuckDBResource) -> dg.MaterializeResult:
    """`data_quality`: per source and field, the share filled and each anomaly's count
    (a company that is a place, pay outside plausible bounds, a header tag as title...)."""
    with duckdb.get_connection() as con:
        migrate(con)
        rows = read_table(con, "normalized_postings")
        quality = data_quality(
            rows, read_table(con, "postings"), read_table(con, "posting_sources")
        )
        replace_tables(con, {"data_quality": quality})
    return dg.MaterializeResult(
        metadata={"anomalies": dg.MetadataValue.json(anomalies(quality)), "rows": len(rows)}
    )
