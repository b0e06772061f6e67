"""Crawl health, per source: a volume check (a crawl that brings far fewer records than the
one before warns the operator), evaluated by the crawl asset itself, in the same step.

Freshness (a source not crawled for two days fails) is each crawl asset's `FreshnessPolicy`
(`sourcing.assets.crawl`), which the daemon evaluates.
"""

from __future__ import annotations

import dagster as dg

VOLUME_CHECK = "volume_not_dropped"
VOLUME_FLOOR = 0.5  # a crawl under half the previous crawl's records warns


def volume_dropped(items: int, previous: int | None, floor: float = VOLUME_FLOOR) -> bool:
    """True when a crawl brought under `floor` times the previous crawl's records (a first
    crawl, or one after an empty crawl, never counts as a drop)."""
    return bool(previous) and items < floor * previous


def volume_spec(source: str, key: dg.AssetKey) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        VOLUME_CHECK,
        asset=key,
        description=(
            f"Warns when a `{source}` crawl brings under {VOLUME_FLOOR:.0%} of the records of"
            " the crawl before it: a site that changed its layout, blocked us or lost a board."
        ),
    )


def previous_items(instance: dg.DagsterInstance, key: dg.AssetKey) -> int | None:
    """The record count of the asset's latest crawl (None: never crawled, or not counted)."""
    records = instance.fetch_materializations(key, limit=1).records
    if not records or records[0].asset_materialization is None:
        return None
    metadata = records[0].asset_materialization.metadata
    return metadata["items"].value if "items" in metadata else None


def volume_result(items: int, previous: int | None) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        check_name=VOLUME_CHECK,
        passed=not volume_dropped(items, previous),
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"items": items, "previous_items": previous or 0},
    )
