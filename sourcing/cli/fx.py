"""`sourcing fx refresh`: the arguments of the exchange-rate refresh (`sourcing.fx`)."""

from __future__ import annotations

from pathlib import Path

import click

from sourcing.cli.options import choice_option


@click.group()
def fx() -> None:
    """The exchange-rate table that converts salaries to annual USD.

    \b
    Example:
      sourcing fx refresh
    """


@fx.command("refresh")
@choice_option(
    "--source",
    choices=["ecb"],
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
