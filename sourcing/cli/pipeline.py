"""`sourcing run`, `crawl`, `rebuild` and `sources`: crawling and loading the warehouse."""

from __future__ import annotations

import sys

import click

from sourcing.cli.options import (
    data_option,
    db_option,
    echo_lines,
    fresh,
    har_options,
    interrupted,
    paths,
    run_interrupted,
    writable_data_dir,
)
from sourcing.paths import SAMPLE_DIR


def _finish(report, db) -> None:
    """The run's summary; exit status 1 when a stage or check failed."""
    from sourcing.summary import run_summary

    echo_lines(run_summary(report, db))
    if not report.ok:
        sys.exit(1)


@click.command()
@click.option("--sample", is_flag=True, help="Replay the recordings bundled with the package.")
@har_options(
    "Replay HAR file(s): a file or a folder.", "SOURCE:KEY=VALUE", "hn_hiring:threads=48100001"
)
@click.option("--sources", metavar="A,B", help="Crawl only these sources (default: all).")
@data_option
@db_option
def run(sample, replay, record, spider_args, sources, data, db) -> None:
    """Crawl, normalize, dedupe and load the warehouse: the whole asset graph once.

    Without --sample or --replay the live sources are crawled (politely).

    \b
    Example:
      sourcing run --sample
      sourcing run --sources hn_hiring --record hn.har
    """
    from sourcing.definitions import build_resources
    from sourcing.runner import Interrupted, materialize_graph
    from sourcing.sources import check_pins, sample_spider_args, select

    if sample and replay:
        raise click.UsageError("use --sample or --replay, not both")
    try:
        chosen = [s.name for s in select(sources)]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--sources") from exc
    try:
        check_pins(spider_args, chosen)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-a") from exc
    if sample:
        replay = str(SAMPLE_DIR)
        spider_args = (*sample_spider_args(), *spider_args)
    d, db_file = paths(data, db)
    fresh(record)
    resources = build_resources(
        d, db_file, replay=replay, record=record, spider_args=list(spider_args)
    )
    try:
        report = materialize_graph(resources, chosen, say=click.echo)
    except Interrupted as exc:
        run_interrupted(exc)
    _finish(report, db_file)


@click.command()
@click.argument("source")
@har_options(
    "Answer requests from HAR file(s), not the network.", "KEY=VALUE", "threads=48100001,48100002"
)
@data_option
def crawl(source, replay, record, spider_args, data) -> None:
    """Run one spider into the raw zone (<data-dir>/raw/SOURCE/<date>/<run>.jsonl).

    \b
    Example:
      sourcing crawl hn_hiring --replay hn.har -a threads=48100001
    """
    from pipelines.rawzone.layout import RawZone
    from sourcing.crawl import INTERRUPTED, CrawlError, stop_on_signals
    from sourcing.crawl import crawl as run_crawl
    from sourcing.sources import select, spider_arguments

    try:
        select(source)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="SOURCE") from exc
    try:
        args = spider_arguments(spider_args)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-a") from exc
    zone = RawZone(writable_data_dir(data))
    fresh(record)
    click.echo(f"crawl {source} …")
    try:
        with stop_on_signals():
            result = run_crawl(
                source,
                zone,
                replay=replay,
                record=record,
                spider_args=args,
                cache_dir=zone.cache_dir,
            )
    except CrawlError as exc:
        if INTERRUPTED.is_set():
            interrupted(f"{exc} (nothing was added to the raw zone)")
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{source}: {result.summary}")
    click.echo(f"raw file: {result.path or '(nothing fetched)'}")


@click.command()
@data_option
@db_option
def rebuild(data, db) -> None:
    """Rebuild every warehouse table from the raw zone (no crawling): every crawl date again.

    \b
    Example:
      sourcing rebuild --data-dir data
    """
    from pipelines.rawzone.layout import RawZone
    from sourcing.definitions import build_resources
    from sourcing.runner import Interrupted, materialize_graph

    d, db_file = paths(data, db)
    if not RawZone(d).files():
        raise click.ClickException(
            f"the raw zone {d / 'raw'} holds no crawl, so there is nothing to rebuild from: run"
            " `sourcing crawl SOURCE` or `sourcing run` first (`sourcing run --sample` to try)"
        )
    try:
        report = materialize_graph(build_resources(d, db_file), None, say=click.echo, rebuild=True)
    except Interrupted as exc:
        run_interrupted(exc)
    _finish(report, db_file)


@click.command()
def sources() -> None:
    """List the sources, what each yields, its politeness settings and bundled sample.

    \b
    Example:
      sourcing sources
    """
    from sourcing.sources import describe

    echo_lines(describe())
