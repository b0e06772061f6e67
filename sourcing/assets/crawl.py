"""Crawl assets: one per source, each a Scrapy crawl into a new raw-zone file.

Each source has its own pool, `crawl_<source>`: with the shipped `dagster.yaml` (every pool
limited to 1) a source is never crawled twice at once, while different sources crawl side by
side. A failed crawl is retried twice, 5 then 10 minutes later (sites that rate-limit or are
briefly down); `sourcing run` switches retries off to report a failure at once. An
interrupted crawl (Ctrl-C, SIGTERM, a run terminated from the UI) is never retried: Dagster
retries interrupted steps under a retry policy, which would keep a stopped run waiting minutes.
"""

import datetime

import dagster as dg

from sourcing.assets.health import previous_items, volume_result, volume_spec
from sourcing.assets.metadata import OWNERS
from sourcing.crawl import CrawlError
from sourcing.resources import CrawlerResource, RawZoneResource
from sourcing.sources import SOURCES, Source

# A source not crawled for two days fails its freshness (a day and a half warns): the daily
# schedule missed it twice, or every crawl of it failed.
CRAWL_FRESHNESS = dg.FreshnessPolicy.time_window(
    fail_window=datetime.timedelta(days=2), warn_window=datetime.timedelta(hours=36)
)
CRAWL_RETRY = dg.RetryPolicy(
    max_retries=2, delay=300, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS
)


def raw_asset_key(source: str) -> dg.AssetKey:
    return dg.AssetKey(f"raw_{source}")


def crawl_pool(source: str) -> str:
    return f"crawl_{source}"


def crawl_asset(source: Source) -> dg.AssetsDefinition:
    @dg.asset(
        name=f"raw_{source.name}",
        group_name="crawl",
        kinds={"scrapy"},
        pool=crawl_pool(source.name),
        retry_policy=CRAWL_RETRY,
        freshness_policy=CRAWL_FRESHNESS,
        owners=OWNERS,
        tags={
            "layer": "raw",
            "source_kind": "-".join(source.spec.kinds),
        },  # tag values allow no "+"
        check_specs=[volume_spec(source.name, raw_asset_key(source.name))],
        description=f"Crawl `{source.name}`: {source.yields}. Appends one file to the raw zone.",
    )
    def _raw(
        context: dg.AssetExecutionContext, raw_zone: RawZoneResource, crawler: CrawlerResource
    ) -> dg.MaterializeResult:
        previous = previous_items(context.instance, raw_asset_key(source.name))
        try:
            result = crawler.crawl(source.name, raw_zone.zone())
        except CrawlError as exc:
            if crawler.retries:
                raise
            raise dg.Failure(str(exc), allow_retries=False) from exc
        except BaseException as exc:
            if isinstance(exc, Exception):
                raise
            # Dagster raises interrupts inside steps; the spider was already told to stop.
            raise dg.Failure(f"{source.name}: interrupted", allow_retries=False) from exc
        context.log.info(f"{source.name}: {result.summary}")
        return dg.MaterializeResult(
            metadata={
                **{k: dg.MetadataValue.int(v) for k, v in result.summary.items()},
                "file": dg.MetadataValue.path(str(result.path) if result.path else "(none)"),
            },
            check_results=[volume_result(result.items, previous)],
        )

    return _raw


crawl_assets = [crawl_asset(s) for s in SOURCES.values()]
