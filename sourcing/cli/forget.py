"""`sourcing forget`: the arguments of the forget workflow (`sourcing.forget`)."""

from __future__ import annotations

import click

from sourcing.cli.options import data_option, db_option, echo_lines, paths, run_interrupted, told


@click.command()
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
    d, db_file = paths(data, db)
    try:
        with told():
            result = run_forget(d, db_file, kind, value, say=click.echo)
    except Interrupted as exc:
        run_interrupted(exc)
    except ForgetError as exc:
        raise click.ClickException(str(exc)) from exc
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    echo_lines(result.lines(db_file))
