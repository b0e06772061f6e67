"""`sourcing query`, `trends` and `report`: reading the warehouse."""

from __future__ import annotations

import re
import sys

import click

from pipelines.rawzone.storage import as_path
from sourcing.cli.options import (
    choice_option,
    data_option,
    db_option,
    echo_lines,
    paths,
    region_option,
    role_option,
    told,
)
from sourcing.paths import data_dir, db_path

SINCE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _sql(sql: str | None) -> str:
    """The SQL argument, or standard input for `-` (or no argument with piped input)."""
    if sql is None or sql == "-":
        stdin = sys.stdin
        if sql is None and stdin.isatty():
            raise click.UsageError('give the SQL, e.g. sourcing query "select 1", or pipe it in')
        sql = stdin.read()
    if not sql.strip():
        raise click.UsageError("the SQL is empty")
    return sql


@click.command()
@click.argument("sql", required=False)
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Print the first N rows.")
@db_option
@data_option
@choice_option(
    "--format",
    "fmt",
    choices=["table", "csv", "json"],
    help="table: numbers right-aligned; csv: cells safe in spreadsheets; json: a list.",
)
def query(sql, limit, db, data, fmt) -> None:
    """Run a read-only SQL query on the warehouse. SQL is the argument, or standard input
    when it is `-` or left out.

    \b
    Example:
      sourcing query "select country, count(*) from postings group by 1 order by 2 desc"
      sourcing query --limit 20 --format csv - < my_query.sql > out.csv
    """
    from warehouse.query import format_rows, run_query

    text = _sql(sql)
    _, db_file = paths(data, db)
    with told():
        columns, rows = run_query(db_file, text, limit=limit)
    click.echo(format_rows(columns, rows, fmt, limit=limit))


@click.command()
@click.option("--skill", metavar="SKILL", help="A skill of the taxonomy, e.g. pytorch.")
@role_option
@region_option(", or unknown")
@choice_option("--by", "grain", choices=["month", "week"])
@click.option("--since", metavar="YYYY-MM[-DD]", help="Leave out periods before this date.")
@choice_option(
    "--population",
    choices=["ml", "all", "both"],
    help="Shares of ML postings, of every posting, or both (one row each per period).",
)
@choice_option("--format", "fmt", choices=["table", "csv"])
@data_option
@db_option
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
    from sourcing.summary import trend_heading, trend_percent
    from warehouse.query import format_rows
    from warehouse.trends import TrendFilter, trend

    if not (skill or role or region):
        raise click.UsageError("give --skill, --role or --region")
    try:
        skill = filters.skill_names([skill], "--skill")[0] if skill else None
        filters.valid_role(role)
        filters.valid_region(region, extra=["unknown"])
    except filters.InvalidFilter as exc:
        raise click.BadParameter(str(exc), param_hint=exc.option) from exc
    if since and not SINCE.match(since):
        raise click.BadParameter("a date like 2024-01 or 2024-01-15", param_hint="--since")
    wanted = TrendFilter(skill=skill, role=role, region=region)
    try:
        columns, rows = trend(db_path(data_dir(data), db), wanted, grain, since, population)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "table":
        click.echo(trend_heading(population, wanted.label(), grain))
        rows = [trend_percent(columns, row) for row in rows]
    click.echo(format_rows(columns, rows, fmt))


@click.command()
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    default="report.html",
    show_default=True,
    help="Where to write the HTML report.",
)
@data_option
@db_option
def report(output, data, db) -> None:
    """Write the analysts' report: one self-contained HTML file with charts (opens offline).

    Median ML salary by role over time, rising and falling skills, remote share, postings by
    region, candidate supply vs demand, top hiring companies, and the data's coverage.

    \b
    Example:
      sourcing report -o report.html && xdg-open report.html
    """
    from sourcing.summary import report_summary
    from warehouse.report import write_report

    _, db_file = paths(data, db)
    with told(output):
        built = write_report(db_file, as_path(output))
    echo_lines(report_summary(built, output))
