"""What the `sourcing` commands share: the data-directory and warehouse options, the HAR
options, and turning the failures a user can fix into one line each."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from pipelines.rawzone.storage import is_local
from sourcing.paths import data_dir, db_path

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


def choice_option(*names: str, choices: list[str], help: str | None = None) -> Callable:
    """An option taking one of `choices`, the first being its default."""
    return click.option(
        *names, type=click.Choice(choices), default=choices[0], show_default=True, help=help
    )


role_option = click.option("--role", metavar="ROLE", help="e.g. ml_engineer, data_scientist.")


def region_option(also: str = "") -> Callable:
    """`--region`, a region of pipelines/location.py (`also`: what else is accepted)."""
    return click.option("--region", metavar="REGION", help=f'e.g. "Western Europe"{also}.')


def har_options(replay_help: str, metavar: str, example: str) -> Callable:
    """`--replay`, `--record` and `-a` (spider arguments, shaped like `example`) of a
    command that crawls."""
    options = (
        click.option("--replay", metavar="PATH", help=replay_help),
        click.option("--record", metavar="FILE.har", help="Write what was fetched to a HAR file."),
        click.option(
            "-a",
            "spider_args",
            multiple=True,
            metavar=metavar,
            help=f"Spider argument, e.g. -a {example}.",
        ),
    )

    def decorate(command: Callable) -> Callable:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def writable_data_dir(data: str | None) -> Path:
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


def paths(data: str | None, db: str | None) -> tuple[Path, Path]:
    """The data directory (made ready for writing) and the warehouse file."""
    d = writable_data_dir(data)
    return d, db_path(d, db)


@contextmanager
def told(output: str | None = None) -> Iterator[None]:
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


def interrupted(message: str) -> NoReturn:
    click.echo(f"\n{message}", err=True)
    sys.exit(130)


def run_interrupted(exc: Exception) -> NoReturn:
    interrupted(
        f"{exc}: stopped; nothing more was crawled or loaded, and the warehouse holds what"
        " it held before the stage under way. Run the command again to finish."
    )


def fresh(record: str | None) -> None:
    """A recording starts empty: the crawls of this command append to it."""
    if record:
        Path(record).unlink(missing_ok=True)


def echo_lines(lines: list[str], err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)
