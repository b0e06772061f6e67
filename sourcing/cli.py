"""The `sourcing` command: run the pipeline, crawl one source, rebuild, query."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from pipelines.rawzone.storage import as_path, is_local
from sourcing import filters
from sourcing.paths import SAMPLE_DIR, data_dir, db_path
from sourcing.trends import trends


def _data(data: str | None) -> Path:
    """The data directory, created if missing (on an object store: its bucket must exist);
    a clear message when it cannot be used."""
    try:
        d = data_dir(data)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        if is_local(d):
            d.mkdir(parents=True, exist_ok=True)
        probe = d / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        where = "" if is_local(d) else " (does the bucket exist? are the AWS_* settings right?)"
        raise click.ClickException(
            f"cannot use {d} as the data directory: {exc.strerror or exc}{where}"
        ) from exc
    return d


def _paths(data: str | None, db: str | None) -> tuple[Path, Path]:
    d = _data(data)
    return d, db_path(d, db)


@contextmanager
def _told(output: str | None = None) -> Iterator[None]:
    """Turn the failures a user can fix into one line each: a warehouse that is missing,
    busy or not DuckDB, an output path that cannot be written, a DuckDB error."""
    import duckdb

    from warehouse.db import WarehouseUnavailable

    try:
        yield
    except (FileNotFoundError, FileExistsError, WarehouseUnavailable) as exc:
        if isinstance(exc, FileNotFoundError) and exc.filename and output:
            raise click.ClickException(f"cannot write {output}: {exc.strerror}") from exc
        raise click.ClickException(str(exc)) from exc
    except (IsADirectoryError, NotADirectoryError, PermissionError) as exc:
        target = output or exc.filename
        raise click.ClickException(f"cannot write {target}: {exc.strerror}") from exc
    except duckdb.Error as exc:
        raise click.ClickException(f"{type(exc).__name__}: {exc}") from exc


def _interrupted(message: str) -> NoReturn:
    click.echo(f"\n{message}", err=True)
    sys.exit(130)


def _run_interrupted(exc: Exception) -> NoReturn:
    _interrupted(
        f"{exc}: stopped; nothing more was crawled or loaded, and the warehouse holds what"
        " it held before the stage under way. Run the command again to finish."
    )


data_option = click.option(
    "--data-dir",
    "data",
    metavar="DIR",
    help="Data directory (default ./data or $SOURCING_DATA_DIR), or an object-store URL such"
    " as s3://bucket/prefix (endpoint and keys from the AWS_* variables).",
)
db_option = click.option(
    "--db",
    metavar="PATH",
    help="DuckDB file, always local (default <data-dir>/sourcing.duckdb, or ./sourcing.duckdb"
    " when the data directory is an object-store URL).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ml-sourcing", prog_name="sourcing")
def main() -> None:
    """ML Sourcing: public ML job postings and candidates → a DuckDB dataset.

    \b
    Example:
      sourcing run --sample
      sourcing query "select company, title, salary_min_usd from postings limit 5"
      sourcing --version
    """
    # Raw zone, warehouse, report, exports, logs and HTTP cache hold people's posts: every
    # file this command (and the spiders it starts) creates is owner-only.
    os.umask(0o077)


def _fresh(record: str | None) -> None:
    """A recording starts empty: the crawls of this command append to it."""
    if record:
        Path(record).unlink(missing_ok=True)


def _print_report(report, db: Path) -> None:
    from sourcing.summary import run_summary

    for line in run_summary(report, db):
        click.echo(line)


@main.command()
@click.option("--sample", is_flag=True, help="Replay the recordings bundled with the package.")
@click.option("--replay", metavar="PATH", help="Replay HAR file(s): a file or a folder.")
@click.option("--record", metavar="FILE.har", help="Write what the crawls fetched to a HAR file.")
@click.option("--sources", metavar="A,B", help="Crawl only these sources (default: all).")
@click.option(
    "-a",
    "spider_args",
    multiple=True,
    metavar="SOURCE:KEY=VALUE",
    help="Pin a spider argument, e.g. -a hn_hiring:threads=48100001.",
)
@data_option
@db_option
def run(sample, replay, record, sources, spider_args, data, db) -> None:
    """Crawl, normalize, dedupe and load the warehouse: the whole asset graph once.

    Without --sample or --replay the live sources are crawled (politely).

    \b
    Example:
      sourcing run --sample
      sourcing run --sources hn_hiring --record hn.har
    """
    from sourcing.definitions import build_resources
    from sourcing.runner import Interrupted, materialize_graph
    from sourcing.sources import SOURCES, sample_spider_args, select

    if sample and replay:
        raise click.UsageError("use --sample or --replay, not both")
    try:
        chosen = [s.name for s in select(sources)]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--sources") from exc
    for pin in spider_args:
        source, _, pair = pin.partition(":")
        if "=" not in pair or source not in SOURCES:
            raise click.BadParameter(
                f"{pin!r} is not SOURCE:KEY=VALUE with a source name, e.g. hn_hiring:threads=1",
                param_hint="-a",
            )
        if source not in chosen:
            raise click.BadParameter(
                f"{pin!r} pins {source}, which this run does not crawl", param_hint="-a"
            )
    if sample:
        replay = str(SAMPLE_DIR)
        spider_args = (*sample_spider_args(), *spider_args)
    d, db_file = _paths(data, db)
    _fresh(record)
    resources = build_resources(
        d, db_file, replay=replay, record=record, spider_args=list(spider_args)
    )
    try:
        report = materialize_graph(resources, chosen, say=click.echo)
    except Interrupted as exc:
        _run_interrupted(exc)
    _print_report(report, db_file)
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("source")
@click.option("--replay", metavar="PATH", help="Answer requests from HAR file(s), not the network.")
@click.option("--record", metavar="FILE.har", help="Write what the crawl fetched to a HAR file.")
@click.option(
    "-a",
    "spider_args",
    multiple=True,
    metavar="KEY=VALUE",
    help="Spider argument, e.g. -a threads=48100001,48100002.",
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
    from sourcing.sources import select

    try:
        select(source)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="SOURCE") from exc
    args = {}
    for pair in spider_args:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="-a")
        key, value = pair.split("=", 1)
        args[key] = value
    zone = RawZone(_data(data))
    _fresh(record)
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
            _interrupted(f"{exc} (nothing was added to the raw zone)")
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{source}: {result.summary}")
    click.echo(f"raw file: {result.path or '(nothing fetched)'}")


@main.command()
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

    d, db_file = _paths(data, db)
    if not RawZone(d).files():
        raise click.ClickException(
            f"the raw zone {d / 'raw'} holds no crawl, so there is nothing to rebuild from: run"
            " `sourcing crawl SOURCE` or `sourcing run` first (`sourcing run --sample` to try)"
        )
    try:
        report = materialize_graph(build_resources(d, db_file), None, say=click.echo, rebuild=True)
    except Interrupted as exc:
        _run_interrupted(exc)
    _print_report(report, db_file)
    if not report.ok:
        sys.exit(1)


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


@main.command()
@click.argument("sql", required=False)
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Print the first N rows.")
@db_option
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
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
    _, db_file = _paths(data, db)
    with _told():
        columns, rows = run_query(db_file, text, limit=limit)
    click.echo(format_rows(columns, rows, fmt, limit=limit))


@main.command()
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
    from warehouse.report import write_report

    _, db_file = _paths(data, db)
    with _told(output):
        built = write_report(db_file, as_path(output))
    width = max(map(len, built.numbers), default=0)
    for key, value in built.numbers.items():
        click.echo(f"  {key:<{width}}  {value}")
    click.echo(f"report: {output} ({len(built.charts)} charts)")


@main.group()
def export() -> None:
    """Export data for sharing: dataset snapshots, lead lists.

    \b
    Example:
      sourcing export dataset --format parquet -o snapshot/
    """


@export.command("dataset")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet"]),
    default="parquet",
    show_default=True,
    help="File format of the tables.",
)
@click.option(
    "-o", "--output", metavar="DIR", required=True, help="Snapshot directory (replaced if one)."
)
@click.option(
    "--with-candidates",
    is_flag=True,
    help="Include the candidates' tables (personal data: left out by default).",
)
@data_option
@db_option
def export_dataset(fmt, output, with_candidates, data, db) -> None:
    """Every warehouse table as Parquet, hive-partitioned by month, with a manifest.json.

    Writes DIR/<table>/month=YYYY-MM/*.parquet and DIR/manifest.json (schema version, row
    counts, date range, sources, sha256 of every file). Read it back with any Parquet reader.
    The candidates' tables hold people's own posts and are left out unless --with-candidates.

    DIR may be an object-store URL (s3://bucket/prefix): the snapshot is uploaded with its
    manifest last; read it in place with warehouse.objectstore (docs/deploy.md).

    \b
    Example:
      sourcing export dataset --format parquet -o snapshot/
      duckdb -c "select count(*) from read_parquet('snapshot/postings/*/*.parquet',
                 hive_partitioning = true)"
      sourcing export dataset -o s3://acme-sourcing/snapshots/2026-12
    """
    from sourcing.summary import labelled
    from warehouse.snapshot import export_dataset as export

    _, db_file = _paths(data, db)
    with _told(output):
        result = export(db_file, as_path(output), with_personal=with_candidates)
    m = result.manifest
    width = max(map(len, result.rows), default=0)
    for table, rows in result.rows.items():
        files = len(m["tables"][table]["files"])
        click.echo(f"  {table:<{width}}  {rows:>7} rows  {files} file{'s' if files != 1 else ''}")
    if m["date_range"]:
        dates = f"{m['date_range']['min'][:10]} … {m['date_range']['max'][:10]}"
        click.echo(labelled("dates", dates))
    click.echo(labelled("schema version", m["schema"]["version"]))
    if m["left_out"]:
        left_out = f"{', '.join(m['left_out'])} (personal data; --with-candidates)"
        click.echo(labelled("left out", left_out))
    click.echo(f"snapshot: {output}/ (manifest.json lists every file with its sha256)")


@export.command("leads")
@click.option(
    "--kind", type=click.Choice(["candidates", "companies"]), required=True, help="Who to list."
)
@click.option("--skills", metavar="A,B", help="Rank by match score on these skills.")
@click.option("--role", metavar="ROLE", help="e.g. ml_engineer, data_scientist.")
@click.option("--region", metavar="REGION", help='e.g. "Western Europe".')
@click.option("--country", metavar="CC", help="ISO 3166 alpha-2 country code, e.g. DE.")
@click.option("--remote", is_flag=True, help="Only people (companies) open to remote work.")
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE", help="Posted on or after."
)
@click.option(
    "--min-match", type=click.FloatRange(0, 1), metavar="0.5", help="Lowest match score kept."
)
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="The best N rows only.")
@click.option(
    "--all-companies",
    is_flag=True,
    help="Companies: also those with no ML posting (default: only those hiring for ML).",
)
@click.option(
    "--profile",
    type=click.Choice(["full", "gem", "greenhouse"]),
    default="full",
    show_default=True,
    help="Candidates: every column, or the columns Gem's or Greenhouse's CSV import reads.",
)
@click.option(
    "--overlap",
    metavar="ZONE:HOURS",
    help="Keep only leads sharing at least HOURS working hours (09:00-17:00 local, standard time)"
    " with the IANA zone ZONE, from their UTC offsets (companies: any open posting), e.g."
    " Europe/Warsaw:4. Leads whose offsets are unknown are left out.",
)
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), required=True)
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 byte order mark (Excel).")
@click.option("-o", "--output", metavar="FILE", required=True, help="File to write (mode 0600).")
@data_option
@db_option
def export_leads(
    kind,
    skills,
    role,
    region,
    country,
    remote,
    since,
    min_match,
    limit,
    all_companies,
    profile,
    overlap,
    fmt,
    bom,
    output,
    data,
    db,
) -> None:
    """Lead lists: people seeking ML work, or companies hiring for it.

    Every row carries `url`, the post or posting it came from. With --skills, rows are
    ranked by a match score (skill overlap weighted by rarity, times recency; see
    pipelines/leads.py) and say which of the skills each lead has (`matched_skills`) and
    lacks (`missing_skills`). Candidates also carry `source`, `posted_at` and `excerpt`, the
    opening words of their post; a first and last name only where the person wrote one.
    Companies: those with an ML posting (--all-companies for every one), their ML job
    titles and links (`ml_titles`, `ml_urls`), salaries to the nearest thousand USD.

    \b
    Example:
      sourcing export leads --kind candidates --skills pytorch,kubernetes \\
          --region "Western Europe" --min-match 0.3 --format csv -o leads.csv
      sourcing export leads --kind candidates --skills jax --profile gem --limit 50 \\
          --format csv -o gem.csv
      sourcing export leads --kind companies --role ml_engineer --format jsonl -o firms.jsonl
      sourcing export leads --kind candidates --overlap Europe/Warsaw:4 --format csv -o cet.csv
    """
    from pipelines.timezones import parse_overlap
    from warehouse.export import LAWFUL_USE, LeadFilters
    from warehouse.export import export_leads as run_export

    try:
        wanted = filters.skills(filters.comma_list(skills))
        filters.role(role)
        filters.region(region)
        country = filters.country(country)
    except filters.InvalidFilter as exc:
        raise click.BadParameter(str(exc), param_hint=exc.option) from exc
    if bom and fmt != "csv":
        raise click.UsageError("--bom applies to --format csv only")
    if min_match is not None and not wanted:
        raise click.UsageError("--min-match needs --skills")
    try:
        wanted_overlap = parse_overlap(overlap) if overlap else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--overlap") from exc
    if profile != "full" and kind != "candidates":
        raise click.UsageError(f"--profile {profile} lists people: use it with --kind candidates")
    if all_companies and kind != "companies":
        raise click.UsageError("--all-companies applies to --kind companies only")
    wanted_filters = LeadFilters(
        skills=wanted,
        role=role,
        region=region,
        country=country,
        remote=remote,
        since=since.date() if since else None,
        min_match=min_match,
        limit=limit,
        all_companies=all_companies,
        overlap=wanted_overlap,
    )
    _, db_file = _paths(data, db)
    with _told(output):
        rows = run_export(
            db_file, kind, as_path(output), fmt, wanted_filters, bom=bom, profile=profile
        )
    if kind == "candidates":
        click.echo(LAWFUL_USE, err=True)
    if profile == "greenhouse":
        unnamed = sum(1 for r in rows if not r["First Name"])
        if unnamed:
            click.echo(
                f"{unnamed} of {len(rows)} people wrote no name: Greenhouse's import needs"
                " First and Last Name, so fill them in from their post or leave those rows out",
                err=True,
            )
    click.echo(f"{len(rows)} {kind} → {output} ({fmt}, owner-only permissions)")


@main.command()
@click.option("--email", metavar="ADDR", help="The person's email address.")
@click.option("--handle", metavar="NAME", help="The person's Hacker News username.")
@click.option("--url", metavar="URL", help="A link of the person's (GitHub, LinkedIn, site).")
@data_option
@db_option
def forget(email, handle, url, data, db) -> None:
    """Erase a person: from every table, the raw zone and stale exports, for good.

    Their identifier, and the others their posts hold (handle, addresses, links), are added
    to the suppression list that every later crawl and rebuild honours, as keyed hashes, never
    in plain; the raw files that held them are rewritten atomically; exports, recordings and
    snapshot files that held them are deleted; the warehouse is rebuilt and compacted.

    \b
    Example:
      sourcing forget --email jane@example.com
      sourcing forget --handle jdoe_hn
    """
    from sourcing.forget import ForgetError, one_identifier
    from sourcing.forget import forget as run_forget
    from sourcing.runner import Interrupted

    try:
        kind, value = one_identifier(email=email, handle=handle, url=url)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    d, db_file = _paths(data, db)
    try:
        with _told():
            result = run_forget(d, db_file, kind, value, say=click.echo)
    except Interrupted as exc:
        _run_interrupted(exc)
    except ForgetError as exc:
        raise click.ClickException(str(exc)) from exc
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    for line in result.lines(db_file):
        click.echo(line)


@main.command()
def sources() -> None:
    """List the sources, what each yields, its politeness settings and bundled sample.

    \b
    Example:
      sourcing sources
    """
    from sourcing.sources import SOURCES, politeness

    for source in SOURCES.values():
        click.echo(f"{source.name}  [{source.kind}]  {source.yields}")
        settings = politeness(source.name)
        click.echo("    " + ", ".join(f"{k}={v}" for k, v in settings.items()))
        click.echo(f"    sample: {source.sample or 'none'}")


@main.group()
def fx() -> None:
    """The exchange-rate table that converts salaries to annual USD.

    \b
    Example:
      sourcing fx refresh
    """


@fx.command("refresh")
@click.option(
    "--source",
    type=click.Choice(["ecb"]),
    default="ecb",
    show_default=True,
    help="Where the rates come from: the ECB's daily euro reference rates since 1999.",
)
@click.option("--url", metavar="URL", help="Download from here instead of the ECB's address.")
@click.option(
    "--file",
    "file",
    metavar="ZIP",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read a copy of eurofxref-hist.zip fetched earlier instead of downloading.",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Table to write, with PATH's .meta.json beside it (default: the shipped table).",
)
def fx_refresh(source, url, file, output) -> None:
    """Download the ECB rate history (one request) and rewrite the monthly USD rate table.

    Months from 2014-01 to the newest ECB day; a month's rate is the mean of its daily
    rates, converted to USD per unit through EUR/USD. AED comes from its USD peg; other
    currencies the ECB lacks keep their previous rows. The table's source and date go to
    fx_rates.meta.json. Nothing is written if the download or the file is bad.

    \b
    Example:
      sourcing fx refresh
      sourcing fx refresh -o /tmp/fx_rates.csv
      sourcing fx refresh --file ~/Downloads/eurofxref-hist.zip
    """
    import httpx

    from sourcing.fx import SOURCES, meta_path, refresh, summary, table_path

    if url and file:
        raise click.UsageError("give --url or --file, not both")
    path = table_path(output)
    click.echo(f"reading {file} …" if file else f"downloading {url or SOURCES[source]} …")
    try:
        result = refresh(url or SOURCES[source], path, file=file)
    except (httpx.HTTPError, OSError, ValueError) as exc:
        raise click.ClickException(f"{type(exc).__name__}: {exc}") from exc
    click.echo(summary(result))
    click.echo(f"wrote {path} and {meta_path(path)}")


main.add_command(trends)

if __name__ == "__main__":
    main()
