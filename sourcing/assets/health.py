"""Crawl health checks, per source: a volume check (a crawl that brings far fewer records
than the one before warns the operator) that runs with each crawl of its source.

Freshness (a source not crawled for two days fails) is each crawl asset's `FreshnessPolicy`
(`sourcing.assets.crawl`), which the daemon evaluates. (No `from __future__ import
annotations`: Dagster reads the context annotation.)
"""

import dagster as dg

from sourcing.assets.crawl import raw_asset_key
from sourcing.sources import SOURCES

VOLUME_FLOOR = 0.5  # a crawl under half the previous crawl's records warns


def volume_dropped(items: int, previous: int | None, floor: float = VOLUME_FLOOR) -> bool:
    """True when a crawl brought under `floor` times the previous crawl's records (a first
    crawl, or one after an empty crawl, never counts as a drop)."""
    return bool(previous) and items < floor * previous


def _items(record: dg.EventLogRecord) -> int | None:
    metadata = record.asset_materialization.metadata if record.asset_materialization else {}
    return metadata["items"].value if "items" in metadata else None


def volume_check(source: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=raw_asset_key(source),
        name="volume_not_dropped",
        description=(
            f"Warns when a `{source}` crawl brings under {VOLUME_FLOOR:.0%} of the records of"
            " the crawl before it: a site that changed its layout, blocked us or lost a board."
        ),
    )
    def _check(context: dg.AssetCheckExecutionContext) -> dg.AssetCheckResult:
        records = context.instance.fetch_materializations(raw_asset_key(source), limit=2).records
        items = [_items(r) for r in records]
        latest = items[0] if items else None
        previous = items[1] if len(items) > 1 else None
        return dg.AssetCheckResult(
            passed=latest is None or not volume_dropped(latest, previous),
            severity=dg.AssetCheckSeverity.WARN,
            metadata={"items": latest or 0, "previous_items": previous or 0},
        )

    return _check


volume_checks = [volume_check(name) for name in SOURCES]
