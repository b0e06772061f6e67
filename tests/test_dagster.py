"""The Dagster graph: loadable definitions, and a full materialization on the bundled sample."""

import dagster as dg
import duckdb

from sourcing.assets.checks import postings_checks
from sourcing.definitions import all_assets, build_resources, defs
from sourcing.paths import SAMPLE_DIR
from sourcing.sources import sample_spider_args


def test_definitions_load_with_a_schedule_and_checks():
    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    keys = {k.to_user_string() for k in graph.get_all_asset_keys()}
    assert {"raw_hn_hiring", "normalized_postings", "postings", "trend_views"} <= keys
    assert defs.resolve_schedule_def("daily_crawl_schedule").cron_schedule == "0 4 * * *"
    sensors = {
        defs.resolve_sensor_def(n).name
        for n in ("rebuild_after_crawl", "rebuild_after_failed_crawl")
    }
    assert len(sensors) == 2
    assert len(graph.asset_check_keys) == 3
    # The report's supply-and-demand chart reads candidates: it runs after them.
    report_parents = graph.get(dg.AssetKey("report")).parent_keys
    assert {dg.AssetKey("trend_views"), dg.AssetKey("candidates")} <= report_parents


def test_materializing_every_asset_loads_the_warehouse_and_passes_the_checks(tmp_path):
    db = tmp_path / "sourcing.duckdb"
    result = dg.materialize(
        [*all_assets, *postings_checks],
        resources=build_resources(
            tmp_path, db, replay=SAMPLE_DIR, spider_args=sample_spider_args()
        ),
    )
    assert result.success
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks == {
        "postings_not_empty": True,
        "salary_min_not_above_max": True,
        "no_duplicate_source_titles": True,
    }
    con = duckdb.connect(str(db), read_only=True)
    postings, sources = con.execute(
        "SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM posting_sources)"
    ).fetchone()
    assert postings > 50 and sources >= postings
    assert list(tmp_path.glob("raw/hn_hiring/*/*.jsonl"))
