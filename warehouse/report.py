"""The analysts' report: one self-contained HTML file of charts over the warehouse.

The charts (`warehouse.charts`, whose queries are `report_sql/*.sql`) are inline SVG, so the
page needs no network, no CDN and no script to be read. Every chart, and the data-quality
section, says what it rests on: its n and the period it covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import duckdb

from pipelines.rawzone.files import write_atomically
from warehouse import charts as c
from warehouse.charts import Chart, SourceQuality
from warehouse.db import connect


@dataclass
class Report:
    html: str
    charts: list[Chart]
    numbers: dict[str, object] = field(default_factory=dict)  # the key figures, for metadata


def _basis(n: int, unit: str, period: c.Period | None) -> str:
    """The line under a figure: its n and period, also as data attributes for a reader."""
    span = f"{period[0]} to {period[1]}" if period else "no period"
    first, last = period or ("", "")
    return (
        f'<p class="basis" data-n="{n}" data-first="{first}" data-last="{last}">'
        f'<span class="n">n = {n:,} {escape(unit)}</span> · '
        f'<span class="period">{escape(span)}</span></p>'
    )


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _quality_html(
    sources: Sequence[SourceQuality], anomalies: Sequence[tuple[str, int, int]]
) -> str:
    if not sources and not anomalies:
        return ""
    columns = ("source", "rows", "salary", "country", "skills", "no title", "suspect company")
    per_source = "".join(
        f"<tr data-source='{escape(q.source)}'><th>{escape(q.source)}</th><td>{q.rows:,}</td>"
        + "".join(
            f"<td>{_share(v)}</td>"
            for v in (q.salary, q.country, q.skills, q.empty_title, q.suspect_company)
        )
        + "</tr>"
        for q in sources
    )
    kinds = "".join(
        f"<tr><th>{escape(label)}</th><td>{n:,}</td><td>{n / total:.2%}</td></tr>"
        if total
        else f"<tr><th>{escape(label)}</th><td>{n:,}</td><td>–</td></tr>"
        for label, n, total in anomalies
    )
    every = next((q for q in sources if q.source == "all"), None)
    basis = _basis(every.rows, "source rows", every.period) if every else ""
    return (
        "<section class='quality' id='data-quality'><h2>Data quality</h2>"
        "<table class='figures'><tr>"
        + "".join(f"<th>{col}</th>" for col in columns)
        + f"</tr>{per_source}</table>"
        "<p class='note'>Per source: the rows read from it (one per job a record holds), the "
        "share with a salary, a country and skills, the share with no title, and the share "
        "whose company is a place, an e-mail address, a link or a date.</p>"
        "<table class='figures'><tr><th>anomaly</th><th>count</th><th>share</th></tr>"
        f"{kinds}</table><p class='note'>Source rows (postings for the last line) whose values"
        " look wrong at a glance, from the warehouse's <code>data_quality</code> table.</p>"
        f"{basis}</section>"
    )


# --- the page ----------------------------------------------------------------------------

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #222; background: #f4f5f7; }
header { background: #1d2b3a; color: #fff; padding: 22px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; color: #c9d3dd; }
main { padding: 20px 32px 40px; display: grid; gap: 20px;
  grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); }
figure.chart { margin: 0; background: #fff; border-radius: 8px; padding: 16px 18px;
  box-shadow: 0 1px 3px rgba(0,0,0,.12); }
figure.chart h2, section.quality h2 { margin: 0 0 8px; font-size: 17px; }
section.quality { grid-column: 1 / -1; background: #fff; border-radius: 8px; padding: 16px 18px;
  box-shadow: 0 1px 3px rgba(0,0,0,.12); }
section.quality .note { color: #555; font-size: 13px; }
figcaption { color: #555; font-size: 13px; margin-top: 6px; }
.n { font-weight: 600; color: #222; }
.kpis { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 12px; padding: 0; }
.kpis li { list-style: none; background: #eef2f6; border-radius: 6px; padding: 6px 10px; }
.kpis b { display: block; font-size: 18px; }
table.figures { border-collapse: collapse; margin-top: 8px; font-size: 13px; }
table.figures th { text-align: left; padding: 3px 12px 3px 0; color: #555; font-weight: 500; }
table.figures td { text-align: right; padding: 3px 12px 3px 0; font-variant-numeric: tabular-nums; }
table.kv td { text-align: left; }
table.figures tr:first-child th + th { text-align: right; }
.basis { margin: 6px 0 0; color: #333; font-size: 13px; }
footer { padding: 0 32px 30px; color: #666; font-size: 12px; }
section.method { margin: 0 32px 20px; background: #fff; border-radius: 8px;
  padding: 16px 18px; box-shadow: 0 1px 3px rgba(0,0,0,.12); font-size: 14px; }
section.method h2 { margin: 0 0 8px; font-size: 17px; }
section.method dt { font-weight: 600; margin-top: 6px; }
section.method dd { margin: 0 0 0 0; color: #333; }
svg text { font-family: inherit; }
"""

# A few lines of inline script: counts what each chart drew into data attributes, so a
# browser (or a test) can tell the page rendered. The page reads the same without it.
SCRIPT = """
document.querySelectorAll("figure.chart").forEach(function (f) {
  f.dataset.marks = f.querySelectorAll(".mark").length;
});
document.body.dataset.chartsDrawn = document.querySelectorAll(
  "figure.chart svg .mark, figure.chart svg .empty").length ? "yes" : "no";
"""


# What the trend figures mean: the short form of docs/method.md, printed under the charts.
METHOD = [
    (
        "Posting",
        "One real-world job after dedupe: the same job listed by several sources, or posted "
        "again in a later monthly thread, is one posting.",
    ),
    (
        "Active, new, closed",
        "Active in a period: open at any time in it. A Hacker News post is open from its "
        "comment to the end of its thread's month, so a job reposted in three threads is "
        "active in those three months and not in the months between; a job-board listing from "
        "its posting date until the first crawl that no longer lists it (or the newest crawl). "
        "New: first opened in the period. Closed: closed in it.",
    ),
    (
        "Months of a trend",
        "Skill, remote and salary trends count a posting in every month it was posted or "
        "reposted. A posting open in several countries counts once in each country and once "
        "in the total.",
    ),
    (
        "Intervals",
        "Shares carry their n and a Wilson 95% interval; medians a distribution-free 95% "
        "interval from order statistics. Cells with n < 20 are flagged (grey here): their "
        "intervals are wide, read them as such. The remote share leaves out postings that do "
        "not state a policy; how many do is shown beside it, since that changes over time.",
    ),
    (
        "Index",
        "Active ML postings per month relative to a base month (= 100): the series' first "
        "month with at least 20 active postings.",
    ),
    (
        "What the data cannot say",
        "Hacker News threads and the crawled job boards are not the whole labour market; "
        "sources enter at different dates, so a rise can be a new source. Months in which "
        "nothing was crawled are absent, not zero.",
    ),
]


def _method() -> str:
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in METHOD)
    return (
        "<section class='method' id='method'><h2>Method</h2><dl>"
        f"{items}</dl><p>In full: docs/method.md.</p></section>"
    )


def _figure(chart: Chart, extra: str = "") -> str:
    return (
        f'<figure class="chart" id="chart-{chart.name}" data-chart="{chart.name}"'
        f"{' data-empty' if chart.empty else ''}>"
        f"<h2>{escape(chart.title)}</h2>{chart.svg}{extra}"
        f"<figcaption>{escape(chart.note)}"
        f"{_basis(chart.n, chart.unit, chart.period)}</figcaption></figure>"
    )


def render(
    charts: list[Chart],
    numbers: dict,
    table: list[tuple[str, str]],
    sources: Sequence[SourceQuality] = (),
    anomalies: Sequence[tuple[str, int, int]] = (),
) -> str:
    kpis = [
        ("ML postings", f"{numbers['ml_postings']:,}"),
        ("with a salary", f"{numbers['ml_salary_share']:.0%}"),
        (
            "median ML salary",
            c.usd_k(numbers["median_ml_salary_usd"]) if numbers["median_ml_salary_usd"] else "–",
        ),
        (
            "remote share",
            c.pct(numbers["remote_share"]) if numbers["remote_share"] is not None else "–",
        ),
        ("sources", str(numbers["sources"])),
        ("months", str(numbers["months"])),
    ]
    kpi_html = (
        "<ul class='kpis'>"
        + "".join(f"<li><b>{escape(v)}</b>{escape(k)}</li>" for k, v in kpis)
        + "</ul>"
    )
    table_html = (
        "<table class='figures kv'>"
        + "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in table)
        + "</table>"
    )
    figures = []
    for chart in charts:
        extra = kpi_html + table_html if chart.name == "coverage" else ""
        figures.append(_figure(chart, extra))
    span = f"{numbers['first_month']} to {numbers['last_month']}" if numbers["first_month"] else ""
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>ML talent market report</title>"
        f"<style>{CSS}</style></head><body>"
        "<header><h1>ML talent market report</h1>"
        f"<p>Public ML job postings, {escape(span)} · {numbers['postings']:,} postings "
        f"· generated {escape(numbers['generated_at'])} by ML Sourcing</p></header>"
        f"<main>{''.join(figures)}{_quality_html(sources, anomalies)}</main>{_method()}"
        "<footer>Salaries are annual base pay in US dollars, converted from the posted "
        "currency and period. A posting's month is when it was posted, or first seen when the "
        "source gives no date. Every figure comes from the warehouse's views; see "
        "docs/warehouse.md.</footer>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def build_report(con: duckdb.DuckDBPyConnection) -> Report:
    """Every chart and key figure from an open warehouse connection (views created)."""
    cover, figures = c.coverage(con)
    table = figures.pop("_table", [])
    skills, skill_figures = c.skills_chart(con)
    remote, remote_share = c.remote_chart(con)
    supply, candidates = c.supply_chart(con)
    companies, top_company = c.companies_chart(con)
    charts = [
        cover,
        c.index_chart(con),
        c.salary_chart(con),
        c.skill_share_chart(con),
        skills,
        remote,
        c.region_chart(con),
        supply,
        companies,
    ]
    numbers = {
        **figures,
        "median_ml_salary_usd": c.overall_median(con),
        "remote_share": round(remote_share, 3) if remote_share is not None else None,
        **skill_figures,
        "top_company": top_company,
        "candidates": candidates,
        "charts": len(charts),
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    anomalies = c.quality(con)
    numbers["data_quality_anomalies"] = sum(n for _, n, _ in anomalies) if anomalies else None
    sources = c.quality_by_source(con)
    return Report(render(charts, numbers, table, sources, anomalies), charts, numbers)


def write_report(db: Path | str, out: Path | str) -> Report:
    """Build the report from the warehouse file `db` (read-only) and write it to `out`."""
    con = connect(db, read_only=True)
    try:
        missing = [
            v
            for v in ("salary_trends", "skill_trends", "remote_trends", "company_hiring")
            if not c.exists(con, v)
        ]
        if missing:
            raise FileNotFoundError(
                f"the warehouse at {db} lacks the views {', '.join(missing)}:"
                " run `sourcing run` (or `sourcing rebuild`) first"
            )
        report = build_report(con)
    finally:
        con.close()
    write_atomically(out, report.html.encode("utf-8"))
    return report
