"""The Dagster graph: loadable definitions that say who owns what and how it runs, and a crawl
materialized from the asset graph whose sensor-requested warehouse run loads the sample."""

import asyncio
import datetime

import dagster as dg
import duckdb
import pytest

from pipelines.rawzone.layout import RawZone, crawl_day
from sourcing.assets.crawl import crawl_assets, crawl_pool, raw_asset_key
from sourcing.assets.health import volume_dropped
from sourcing.assets.metadata import PARSER_VERSION, parser_version
from sourcing.crawl import CrawlResult
from sourcing.definitions import build_resources, defs
from sourcing.paths import SAMPLE_DIR
from sourcing.resources import CrawlerResource, RawZoneResource
from sourcing.sources import SOURCES, sample_spider_args

GRAPH = defs.resolve_asset_graph()


def node(key: str):
    return GRAPH.get(dg.AssetKey(key))


def test_definitions_load_with_a_schedule_and_checks():
    dg.Definitions.validate_loadable(defs)
    keys = {k.to_user_string() for k in GRAPH.get_all_asset_keys()}
    assert {"raw_hn_hiring", "normalized_postings", "postings", "trend_views"} <= keys
    assert defs.resolve_schedule_def("daily_crawl_schedule").cron_schedule == "0 4 * * *"
    sensors = {
        defs.resolve_sensor_def(n).name
        for n in ("rebuild_after_crawl", "rebuild_after_failed_crawl")
    }
    assert len(sensors) == 2
    check_names = {k.name for k in GRAPH.asset_check_keys}
    assert {"postings_not_empty", "volume_not_dropped"} <= check_names
    assert {"postings_name_one_company", "salaries_within_annual_bounds"} <= check_names
    # The report's supply-and-demand chart reads candidates: it runs after them.
    report_parents = node("report").parent_keys
    assert {dg.AssetKey("trend_views"), dg.AssetKey("candidates")} <= report_parents
    assert dg.AssetKey("data_quality") in report_parents


def test_the_schedule_and_the_sensors_are_on_from_the_first_start_and_say_what_they_do():
    schedule = defs.resolve_schedule_def("daily_crawl_schedule")
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    assert "04:00 UTC" in schedule.description
    for name in ("rebuild_after_crawl", "rebuild_after_failed_crawl"):
        sensor = defs.resolve_sensor_def(name)
        assert sensor.default_status == dg.DefaultSensorStatus.RUNNING
        assert "warehouse" in sensor.description


def test_every_check_has_a_description():
    checks = [GRAPH.get_check_spec(key) for key in GRAPH.asset_check_keys]
    assert checks
    assert [spec.name for spec in checks if not spec.description] == []


def test_crawls_retry_and_must_be_fresh_and_each_source_has_its_own_pool():
    for source in SOURCES:
        crawl = node(f"raw_{source}")
        assert crawl.pools == {crawl_pool(source)}
        policy = crawl.freshness_policy
        assert policy.fail_window.to_timedelta() == datetime.timedelta(days=2)
        assert crawl.owners == ["team:sourcing"]
        assert crawl.tags["layer"] == "raw"
    (asset,) = crawl_assets[:1]
    policy = asset.op.retry_policy
    assert policy.max_retries == 2 and policy.backoff == dg.Backoff.EXPONENTIAL
    writers = [k for k in GRAPH.get_all_asset_keys() if node(k.path[0]).pools == {"duckdb_writer"}]
    assert {"normalized_crawls", "postings", "candidates", "companies", "trend_views"} <= {
        k.path[0] for k in writers
    }


def test_the_normalizing_assets_carry_the_parser_version(tmp_path):
    assert node("normalized_crawls").code_version == PARSER_VERSION
    assert node("candidates").code_version == PARSER_VERSION
    # The version follows the parsers' code and data: any change gives a new one.
    (tmp_path / "salary.py").write_text("RATE = 1\n")
    before = parser_version(tmp_path)
    (tmp_path / "salary.py").write_text("RATE = 2\n")
    assert parser_version(tmp_path) != before
    (tmp_path / "skills.yaml").write_text("pytorch: [torch]\n")
    assert len({before, parser_version(tmp_path)}) == 2


@pytest.mark.parametrize(
    ("items", "previous", "dropped"),
    [
        (2, 25, True),
        (12, 25, True),
        (13, 25, False),
        (30, 25, False),
        (0, None, False),
        (5, 0, False),
    ],
)
def test_volume_drop(items, previous, dropped):
    assert volume_dropped(items, previous) is dropped


class CountingCrawler(CrawlerResource):
    """A crawler that writes nothing and reports `items` records (no spider)."""

    items: int = 0

    def crawl(self, source: str, zone: RawZone) -> CrawlResult:
        return CrawlResult(source, None, self.items, {})


def test_the_volume_check_warns_when_a_crawl_brings_far_fewer_records(tmp_path):
    instance = dg.DagsterInstance.ephemeral()
    evaluations = []
    for items in (25, 24, 2):
        crawler = CountingCrawler(items=items)
        result = dg.materialize(
            crawl_assets,
            selection=[raw_asset_key("lever")],
            instance=instance,
            resources={"crawler": crawler, "raw_zone": RawZoneResource(data_dir=str(tmp_path))},
        )
        (evaluation,) = result.get_asset_check_evaluations()
        evaluations.append(evaluation)
    assert [e.passed for e in evaluations] == [True, True, False]
    dropped = evaluations[-1]
    assert dropped.check_name == "volume_not_dropped"
    assert dropped.severity == dg.AssetCheckSeverity.WARN
    assert dropped.metadata["previous_items"].value == 24


def freshness(key: dg.AssetKey, instance: dg.DagsterInstance, hours_later: float) -> str:
    """The freshness state the daemon would give the asset `hours_later` than now."""
    from dagster._core.definitions.freshness_evaluator import TimeWindowFreshnessPolicyEvaluator
    from dagster._core.loader import LoadingContextForTest
    from dagster._core.test_utils import freeze_time

    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=hours_later)
    with freeze_time(later):
        state = asyncio.run(
            TimeWindowFreshnessPolicyEvaluator().evaluate_freshness(
                LoadingContextForTest(instance), GRAPH.get(key)
            )
        )
    return state.value


def test_a_source_not_crawled_for_two_days_fails_its_freshness(tmp_path):
    instance = dg.DagsterInstance.ephemeral()
    key = raw_asset_key("lever")
    assert freshness(key, instance, 0) == "UNKNOWN"  # never crawled
    dg.materialize(
        crawl_assets,
        selection=[key],
        instance=instance,
        resources={
            "crawler": CountingCrawler(items=3),
            "raw_zone": RawZoneResource(data_dir=str(tmp_path)),
        },
    )
    assert [freshness(key, instance, h) for h in (1, 35, 37, 47, 49)] == [
        "PASS",
        "PASS",
        "WARN",
        "WARN",
        "FAIL",
    ]


def sensor_result(name: str, result: dg.ExecuteInProcessResult, instance, resources):
    sensor = defs.resolve_sensor_def(name)
    event = result.get_run_success_event() if result.success else result.get_run_failure_event()
    context = dg.build_run_status_sensor_context(
        sensor_name=sensor.name,
        dagster_event=event,
        dagster_instance=instance,
        dagster_run=result.dagster_run,
        resources=resources,
    )
    return sensor(context)


def test_a_crawl_from_the_asset_graph_triggers_one_warehouse_run_that_passes_the_checks(
    tmp_path,
):
    db = tmp_path / "sourcing.duckdb"
    resources = build_resources(tmp_path, db, replay=SAMPLE_DIR, spider_args=sample_spider_args())
    instance = dg.DagsterInstance.ephemeral()
    # Not the daily_crawl job: two crawl assets picked in the graph (the UI's "Materialize").
    crawl = dg.materialize(
        crawl_assets,
        selection=[raw_asset_key("greenhouse"), raw_asset_key("hn_wants")],
        instance=instance,
        resources=resources,
    )
    assert crawl.success
    (day,) = {crawl_day(path) for path in tmp_path.glob("raw/*/*/*.jsonl")}

    request = sensor_result("rebuild_after_crawl", crawl, instance, resources)
    assert isinstance(request, dg.RunRequest)
    assert request.run_key == f"after-{crawl.run_id}"
    assert request.tags["sourcing/crawl_dates"] == day

    result = defs.resolve_job_def("warehouse").execute_in_process(
        instance=instance, resources=resources
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
    (normalized,) = [
        m
        for m in result.asset_materializations_for_node("normalized_crawls")
        if m.asset_key == dg.AssetKey("normalized_crawls")
    ]
    assert list(normalized.metadata["crawl_dates"].value) == [day]
    postings = result.asset_materializations_for_node("postings")[0].metadata
    assert postings["dagster/table_name"].value == "sourcing.main.postings"
    columns = [c.name for c in postings["dagster/column_schema"].value.columns]
    assert {"posting_id", "salary_min_usd", "remote"} <= set(columns)
    con = duckdb.connect(str(db), read_only=True)
    (count,) = con.execute("SELECT count(*) FROM postings").fetchone()
    con.close()
    assert postings["dagster/row_count"].value == count > 10

    # The warehouse run wrote no raw file: its own success requests nothing (no loop), and
    # a second load finds no crawl date left to normalize.
    again = sensor_result("rebuild_after_crawl", result, instance, resources)
    assert isinstance(again, dg.SkipReason)
    second = defs.resolve_job_def("warehouse").execute_in_process(
        instance=instance, resources=resources
    )
    (normalized,) = second.asset_materializations_for_node("normalized_crawls")
    assert normalized.metadata["crawl_dates"].value == {}
