"""`sourcing trends`: one trend as a table (or CSV) with its n and 95% interval."""

from __future__ import annotations

import re

import click

from sourcing.paths import data_dir, db_path

SINCE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


@click.command()
@click.option("--skill", metavar="SKILL", help="A skill of the taxonomy, e.g. pytorch.")
@click.option("--role", metavar="ROLE", help="e.g. ml_engineer, data_scientist.")
@click.option("--region", metavar="REGION", help='e.g. "Western Europe", or unknown.')
@click.option(
    "--by", "grain", type=click.Choice(["month", "week"]), default="month", show_default=True
)
@click.option("--since", metavar="YYYY-MM[-DD]", help="Leave out periods before this date.")
@click.option(
    "--population",
    type=click.Choice(["ml", "all", "both"]),
    default="ml",
    show_default=True,
    help="Shares of ML postings, of every posting, or both (one row each per period).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True
)
@click.option("--data-dir", "data", metavar="DIR", help="Data directory (default ./data).")
@click.option("--db", metavar="PATH", help="DuckDB file (default <data-dir>/sourcing.duckdb).")
def trends(skill, role, region, grain, since, population, fmt, data, db) -> None:
    """Print how the share of postings with a skill, role or region moved, per month or week.

    Each period and population (`ml`: ML postings, `all`: every posting): the postings that
    match (`postings`), the postings posted or reposted in it (`n`), the share, its Wilson 95%
    interval (`share_low`, `share_high`), and `small_sample` when n < 20.
    Several of --skill/--role/--region: postings matching all of them.

    \b
    Example:
      sourcing trends --skill pytorch --by month --since 2024-01
      sourcing trends --role ml_engineer --region "Western Europe" --format csv
      sourcing trends --skill python --population both
    """
    from sourcing import filters
    from warehouse.query import format_rows
    from warehouse.trends import TrendFilter, trend

    if not (skill or role or region):
        raise click.UsageError("give --skill, --role or --region")
    try:
        skill = filters.skills([skill], "--skill")[0] if skill else None
        filters.role(role)
        filters.region(region, extra=["unknown"])
    except filters.InvalidFilter as exc:
        raise click.BadParameter(str(exc), param_hint=exc.option) from exc
    if since and not SINCE.match(since):
        raise click.BadParameter("a date like 2024-01 or 2024-01-15", param_hint="--since")
    wanted = TrendFilter(skill=skill, role=role, region=region)
    d = data_dir(data)
    try:
        columns, rows = trend(db_path(d, db), wanted, grain, since, population)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "table":
        who = {"ml": "ML postings", "all": "postings", "both": "ML postings and of all postings"}[
            population
        ]
        click.echo(f"Share of {who} with {wanted.label()}, per {grain} (95% Wilson interval)")
        rows = [_percent(columns, row) for row in rows]
    click.echo(format_rows(columns, rows, fmt))


def _percent(columns: list[str], row: tuple) -> tuple:
    """Shares as percentages with one decimal, for reading (CSV keeps the fractions)."""
    return tuple(
        f"{value:.1%}" if name.startswith("share") and value is not None else value
        for name, value in zip(columns, row, strict=True)
    )
