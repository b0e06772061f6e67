"""The lines the commands print: what `sourcing run`, `rebuild` and `forget` did (each
source, the warehouse, the checks, what to try next), the report, snapshot and trend lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

EXAMPLE_QUERY = (
    "select role, count(*) as postings, median(salary_max_usd) as median_max_usd "
    "from postings where is_ml group by role order by postings desc"
)


def labelled(label: str, text: object) -> str:
    """One indented `label  value` line, aligned like the summary's."""
    return f"  {label:<16} {text}"


def run_summary(report: Any, db: Path) -> list[str]:
    """The summary of a materialization (`sourcing.runner.RunReport`) and the warehouse."""
    from warehouse.summary import summarize

    lines = ["", "== Summary =="]
    failed = {k: v for k, v in report.failed.items() if k != "warehouse"}
    if report.crawled or failed:
        lines.append("  records fetched per source:")
    for source, summary in report.crawled.items():
        extra = ", ".join(
            f"{k} {v}" for k, v in summary.items() if k not in ("items", "file") and v
        )
        lines.append(labelled(f"  {source}", f"{summary['items']:>6}  ({extra})"))
    for source, error in failed.items():
        lines.append(labelled(f"  {source}", f"FAILED: {error.splitlines()[0]}"))
    if "warehouse" in report.failed:
        return lines
    if report.normalized:
        records = sum(m["raw_records"] for m in report.normalized.values())
        dates = ", ".join(report.normalized)
        lines.append(labelled("normalized", f"{records:>6}  records of crawl dates {dates}"))
        bad = sum(m.get("bad_raw_lines", 0) for m in report.normalized.values())
        if bad:
            why = "skipped (not UTF-8, not JSON, or odd field types)"
            lines.append(labelled("bad raw lines", f"{bad:>6}  {why}"))
    s = summarize(db)
    lines.append(labelled("postings", f"{s.postings:>6}  ({s.ml_postings} ML or data roles)"))
    implausible = (
        f"; {s.salary_out_of_bounds} stated pay out of bounds, left empty"
        if s.salary_out_of_bounds
        else ""
    )
    lines.append(
        labelled("with a salary", f"{s.with_salary:>6}  ({s.salary_share:.0%}{implausible})")
    )
    lines.append(labelled("by source", ", ".join(f"{k} {v}" for k, v in s.per_source.items())))
    people = f"{s.candidates:>6}  (people seeking work; {s.companies} companies hiring)"
    lines.append(labelled("candidates", people))
    if s.skipped:
        lines.append(
            labelled("records skipped", ", ".join(f"{r} {n}" for r, n in s.skipped.items()))
        )
    lines.append(labelled("top skills", ", ".join(f"{k} ({n})" for k, n in s.top_skills)))
    lines.append(labelled("data quality", s.quality_line))
    failed_checks = [name for name, ok in report.checks.items() if not ok]
    passed = len(report.checks) - len(failed_checks)
    lines.append(
        labelled(
            "checks",
            f"{passed}/{len(report.checks)} passed"
            + (f" — failed: {', '.join(failed_checks)}" if failed_checks else ""),
        )
    )
    lines.append(labelled("warehouse", db))
    lines += ["", f'Next, try:\n  sourcing query "{EXAMPLE_QUERY}" --db {db}']
    return lines


def trend_heading(population: str, label: str, grain: str) -> str:
    """The line above a `sourcing trends` table."""
    who = {"ml": "ML postings", "all": "postings", "both": "ML postings and of all postings"}
    return f"Share of {who[population]} with {label}, per {grain} (95% Wilson interval)"


def trend_percent(columns: list[str], row: tuple) -> tuple:
    """Shares as percentages with one decimal, for reading (CSV keeps the fractions)."""
    return tuple(
        f"{value:.1%}" if name.startswith("share") and value is not None else value
        for name, value in zip(columns, row, strict=True)
    )


def report_summary(built: Any, output: str) -> list[str]:
    """`sourcing report`'s headline numbers (`warehouse.report.Report`) and where it went."""
    width = max(map(len, built.numbers), default=0)
    lines = [f"  {key:<{width}}  {value}" for key, value in built.numbers.items()]
    return [*lines, f"report: {output} ({len(built.charts)} charts)"]


def snapshot_summary(result: Any, output: str) -> list[str]:
    """`sourcing export dataset`'s tables, rows and files (`warehouse.snapshot` result)."""
    m = result.manifest
    width = max(map(len, result.rows), default=0)
    lines = []
    for table, rows in result.rows.items():
        files = len(m["tables"][table]["files"])
        lines.append(f"  {table:<{width}}  {rows:>7} rows  {files} file{'s' if files != 1 else ''}")
    if m["date_range"]:
        lines.append(
            labelled("dates", f"{m['date_range']['min'][:10]} … {m['date_range']['max'][:10]}")
        )
    lines.append(labelled("schema version", m["schema"]["version"]))
    if m["left_out"]:
        left_out = f"{', '.join(m['left_out'])} (personal data; --with-candidates)"
        lines.append(labelled("left out", left_out))
    lines.append(f"snapshot: {output}/ (manifest.json lists every file with its sha256)")
    return lines


def unnamed_warning(rows: list[dict]) -> str | None:
    """Greenhouse's candidate import needs names: how many rows lack one, and what to do."""
    unnamed = sum(1 for r in rows if not r["First Name"])
    if not unnamed:
        return None
    return (
        f"{unnamed} of {len(rows)} people wrote no name: Greenhouse's import needs"
        " First and Last Name, so fill them in from their post or leave those rows out"
    )
