"""`sourcing export dataset` and `sourcing export leads`."""

from __future__ import annotations

import click

from pipelines.rawzone.storage import as_path
from sourcing.cli import options


@click.group()
def export() -> None:
    """Export data for sharing: dataset snapshots, lead lists.

    \b
    Example:
      sourcing export dataset --format parquet -o snapshot/
    """


@export.command("dataset")
@options.choice_option("--format", "fmt", choices=["parquet"], help="File format of the tables.")
@click.option(
    "-o", "--output", metavar="DIR", required=True, help="Snapshot directory (replaced if one)."
)
@click.option(
    "--with-candidates",
    is_flag=True,
    help="Include the candidates' tables (personal data: left out by default).",
)
@options.data_option
@options.db_option
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
    from sourcing.summary import snapshot_summary
    from warehouse.snapshot import export_dataset as run_export

    _, db_file = options.paths(data, db)
    with options.told(output):
        result = run_export(db_file, as_path(output), with_personal=with_candidates)
    options.echo_lines(snapshot_summary(result, output))


@export.command("leads")
@click.option(
    "--kind", type=click.Choice(["candidates", "companies"]), required=True, help="Who to list."
)
@click.option("--skills", metavar="A,B", help="Rank by match score on these skills.")
@options.role_option
@options.region_option()
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
@options.choice_option(
    "--profile",
    choices=["full", "gem", "greenhouse"],
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
@options.data_option
@options.db_option
def export_leads(fmt, bom, output, data, db, **wanted) -> None:
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
    from sourcing import filters
    from sourcing.summary import unnamed_warning
    from warehouse.export import LAWFUL_USE
    from warehouse.export import export_leads as run_export

    kind, profile = wanted["kind"], wanted["profile"]
    if bom and fmt != "csv":
        raise click.UsageError("--bom applies to --format csv only")
    try:
        chosen = filters.leads(**wanted)
    except filters.InvalidFilter as exc:
        raise click.BadParameter(str(exc), param_hint=exc.option) from exc
    except filters.Conflict as exc:
        raise click.UsageError(str(exc)) from exc
    _, db_file = options.paths(data, db)
    with options.told(output):
        rows = run_export(db_file, kind, as_path(output), fmt, chosen, bom=bom, profile=profile)
    if kind == "candidates":
        click.echo(LAWFUL_USE, err=True)
    if profile == "greenhouse" and (warning := unnamed_warning(rows)):
        click.echo(warning, err=True)
    click.echo(f"{len(rows)} {kind} → {output} ({fmt}, owner-only permissions)")
