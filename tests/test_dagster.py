"""The Dagster graph: loadable definitions, and a crawl run whose sensor-triggered warehouse run
loads the bundled sample."""

import dagster as dg
import duckdb

from sourcing.definitions import build_resources, defs
from sourcing.paths import SAMPLE_DIR
from sourcing.raw_zone import crawl_day
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
    assert len(graph.asset_check_keys) == 7
    # The report's supply-and-demand chart reads candidates: it runs after them.
    report_parents = graph.get(dg.AssetKey("report")).parent_keys
    assert {dg.AssetKey("trend_views"), dg.AssetKey("candidates")} <= report_parents
    assert dg.AssetKey("data_quality") in report_parents


def test_a_crawl_run_triggers_a_warehouse_run_of_its_crawl_date_that_passes_the_checks(
    tmp_path,
):
    db = tmp_path / "sourcing.duckdb"
    resources = build_resources(tmp_path, db, replay=SAMPLE_DIR, spider_args=sample_spider_args())
    instance = dg.DagsterInstance.ephemeral()
    crawl = defs.resolve_job_def("daily_crawl").execute_in_process(
        instance=instance, resources=resources
    )
    assert crawl.success
    (day,) = {crawl_day(path) for path in tmp_path.glob("raw/*/*/*.jsonl")}

    sensor = defs.resolve_sensor_def("rebuild_after_crawl")
    context = dg.build_run_status_sensor_context(
        sensor_name=sensor.name,
        dagster_event=crawl.get_run_success_event(),
        dagster_instance=instance,
        dagster_run=crawl.dagster_run,
        resources=resources,
    )
    requested = sensor(context)
    assert [r.partition_key for r in requested.run_requests] == [day]
    (new_dates,) = requested.dynamic_partitions_requests
    assert list(new_dates.partition_keys) == [day]

    instance.add_dynamic_partitions(new_dates.partitions_def_name, [day])
    result = defs.resolve_job_def("warehouse").execute_in_process(
        partition_key=day, instance=instance, resources=resources
    )
    assert result.success
    checks = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert checks == {
        "postings_not_empty": True,
        "salary_min_not_above_max": True,
        "no_duplicate_source_titles": True,
        "postings_name_one_company": True,
        "salaries_within_annual_bounds": True,
        "companies_are_names": True,
        "titles_are_titles": True,
    }
    con = duckdb.connect(str(db), read_only=True)
    postings, sources = con.execute(
        "SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM posting_sources)"
    ).fetchone()
    assert postings > 50 and sources >= postings
