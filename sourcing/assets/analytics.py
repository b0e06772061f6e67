"""Analysts' views over the warehouse (their SQL lives in `warehouse/views/`)."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.rawzone.files import write_atomically
from sourcing.assets.leads import candidates, companies
from sourcing.assets.metadata import OWNERS
from sourcing.assets.postings import postings
from sourcing.assets.quality import data_quality_table
from sourcing.resources import RawZoneResource
from warehouse.db import create_views, migrate


@dg.asset(
    group_name="analytics",
    kinds={"duckdb"},
    deps=[postings, companies, candidates],
    pool="duckdb_writer",
    owners=OWNERS,
    tags={"layer": "analytics"},
)
def trend_views(duckdb: DuckDBResource) -> dg.MaterializeResult:
    """`salary_trends`, `skill_trends`, `remote_trends` and the other views (`company_hiring`
    names each company once, through `company_postings`). The trend views' rows are stored
    here (`warehouse.aggregates`), so it runs after every table they read, candidates too
    (`skill_supply_demand`)."""
    with duckdb.get_connection() as con:
        migrate(con)
        names = create_views(con)
    return dg.MaterializeResult(metadata={"views": ", ".join(names)})


@dg.asset(
    group_name="analytics",
    kinds={"html"},
    deps=[trend_views, candidates, data_quality_table],
    owners=OWNERS,
    tags={"layer": "analytics"},
)
def report(duckdb: DuckDBResource, raw_zone: RawZoneResource) -> dg.MaterializeResult:
    """The analysts' HTML report (`<data-dir>/report.html`): self-contained, opens offline.
    Its supply-and-demand chart reads `candidates` and its data-quality table
    `data_quality`, so it waits for them too."""
    from warehouse.report import build_report

    with duckdb.get_connection() as con:
        built = build_report(con)
    path = raw_zone.zone().data_dir / "report.html"
    write_atomically(path, built.html.encode("utf-8"))
    metadata = {k: v for k, v in built.numbers.items() if v is not None}
    metadata["path"] = dg.MetadataValue.path(str(path))
    return dg.MaterializeResult(metadata=metadata)
