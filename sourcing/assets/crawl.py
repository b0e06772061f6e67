"""Crawl assets: one per source, each a Scrapy crawl into a new raw-zone file."""

import dagster as dg

from sourcing.resources import CrawlerResource, RawZoneResource
from sourcing.sources import SOURCES, Source


def raw_asset_key(source: str) -> dg.AssetKey:
    return dg.AssetKey(f"raw_{source}")


def crawl_asset(source: Source) -> dg.AssetsDefinition:
    @dg.asset(
        name=f"raw_{source.name}",
        group_name="crawl",
        kinds={"scrapy"},
        pool="crawl",
        description=f"Crawl `{source.name}`: {source.yields}. Appends one file to the raw zone.",
    )
    def _raw(
        context: dg.AssetExecutionContext, raw_zone: RawZoneResource, crawler: CrawlerResource
    ) -> dg.MaterializeResult:
        result = crawler.crawl(source.name, raw_zone.zone())
        context.log.info(f"{source.name}: {result.summary}")
        return dg.MaterializeResult(
            metadata={
                **{k: dg.MetadataValue.int(v) for k, v in result.summary.items()},
                "file": dg.MetadataValue.path(str(result.path) if result.path else "(none)"),
            }
        )

    return _raw


crawl_assets = [crawl_asset(s) for s in SOURCES.values()]
