"""The `sourcing` command: run the pipeline, crawl one source, rebuild, query, export.

Each module here handles the arguments of one group of commands and leaves the work to the
modules it calls (`sourcing.summary`, `filters`, `forget`, `fx`, `sources`, `warehouse`)."""

from __future__ import annotations

import os

import click

from sourcing.cli.analysis import query, report, trends
from sourcing.cli.export import export
from sourcing.cli.forget import forget
from sourcing.cli.fx import fx
from sourcing.cli.pipeline import crawl, rebuild, run, sources


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


for command in (run, crawl, rebuild, query, report, export, forget, sources, fx, trends):
    main.add_command(command)
