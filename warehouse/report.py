"""The analysts' report: one self-contained HTML file of charts over the warehouse.

The charts are inline SVG drawn here (`warehouse.svg`), so the page needs no network, no
CDN and no script to be read. It draws from the trend views (`salary_trends`, `skill_trends`,
`remote_trends`, `company_hiring`), from `postings`, and for candidate supply from
`skill_supply_demand` or `candidates` when the warehouse has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import duckdb

from pipelines.rawzone.files import write_atomically
from warehouse import svg
from warehouse.db import connect

TOP_ROLES = 6
TOP_SKILLS = 6  # rising and falling each
TOP_COMPANIES = 10
SUPPLY_SKILLS = 12
SHARE_SKILLS = 5  # skills in the share-with-interval chart
INDEX_ROLES = 4  # roles beside the whole market in the index chart
SMALL_N = 20  # the views' `small_sample` threshold: such points are greyed


@dataclass
class Chart:
    name: str
    title: str
    svg: str
    postings: int  # how many postings the chart rests on
    note: str  # what the figure is, its units, and the number behind it
    empty: bool = False

    @classmethod
    def nothing(cls, name: str, title: str, message: str) -> Chart:
        """The chart's place when there is nothing to draw: `message` says why."""
        return cls(name, title, svg.empty(message), 0, "", True)


@dataclass
class Report:
    html: str
    charts: list[Chart]
    numbers: dict[str, object] = field(default_factory=dict)  # the key figures, for metadata


def _exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables"
            " WHERE table_schema = 'main' AND table_name = ?",
            [name],
        ).fetchone()[0]
    )


def _columns(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
        [name],
    ).fetchall()
    return [r[0] for r in rows]


def _usd_k(value: float) -> str:
    return f"${value / 1000:,.0f}k"


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _pp(value: float) -> str:
    return f"{value * 100:+.0f} pp" if value else "0 pp"


def _plural(n: int, word: str = "posting") -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# --- the charts --------------------------------------------------------------------------


def salary_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    rows = con.execute(
        "SELECT month, role, median_usd, postings_with_salary, small_sample, median_low,"
        " median_high FROM salary_trends WHERE population = 'ml'"
        " AND region = 'all' AND seniority = 'all' AND role <> 'all' ORDER BY month"
    ).fetchall()
    months = sorted({r[0] for r in rows})
    by_role: dict[str, int] = {}
    for _, role, _, n, *_ in rows:
        by_role[role] = by_role.get(role, 0) + n
    roles = sorted(by_role, key=lambda r: (-by_role[r], r))[:TOP_ROLES]
    series = {
        role: [(months.index(m), med, n, few) for m, r, med, n, few, _, _ in rows if r == role]
        for role in roles
    }
    intervals = {
        role: [(months.index(m), lo, hi) for m, r, _, _, _, lo, hi in rows if r == role]
        for role in roles
    }
    n = sum(by_role[r] for r in roles)
    title = "Median ML salary by role over time"
    if not rows:
        return Chart.nothing("salary", title, "no ML postings with a salary yet")
    note = (
        f"Median of each posting's salary midpoint, annual base pay in US dollars, by the month "
        f"it was posted; the {len(roles)} roles with the most salaries. Based on "
        f"{_plural(n, 'ML posting')} with a salary. Whiskers: 95% interval of the median "
        f"(order statistics); grey hollow points: fewer than {SMALL_N} postings."
    )
    chart = svg.line_chart(
        months,
        series,
        "Month posted",
        "Median annual salary (USD)",
        _usd_k,
        "postings",
        intervals,
    )
    return Chart("salary", title, chart, n, note)


def skills_chart(con: duckdb.DuckDBPyConnection) -> tuple[Chart, dict]:
    latest = con.execute(
        "SELECT max(month) FROM skill_trends WHERE population = 'ml' AND prev_3m_n IS NOT NULL"
    ).fetchone()[0]
    title = "Top rising and falling skills"
    if latest is None:
        message = "needs ML postings in two different months"
        return Chart.nothing("skills", title, message), {}
    rows = con.execute(
        "SELECT skill, share_change, postings, n, prev_3m_postings, prev_3m_n FROM skill_trends"
        " WHERE population = 'ml' AND month = ? AND postings + prev_3m_postings >= 2"
        " ORDER BY share_change DESC, skill",
        [latest],
    ).fetchall()
    rising = [r for r in rows if r[1] > 0][:TOP_SKILLS]
    falling = [r for r in reversed(rows) if r[1] < 0][:TOP_SKILLS][::-1]
    ml_now, ml_before = (rows[0][3], rows[0][5]) if rows else (0, 0)
    bars = [
        (
            skill,
            change,
            f"{skill}: {n}/{ml} ML postings in {latest} vs {prev}/{ml_prev} before ({_pp(change)})",
        )
        for skill, change, n, ml, prev, ml_prev in rising + falling
    ]
    n = ml_now + ml_before
    note = (
        f"Change in the share of ML postings asking for each skill, {latest} against the three "
        f"months before, in percentage points; skills seen in at least 2 postings. Based on "
        f"{_plural(ml_now, 'ML posting')} in {latest} and {ml_before:,} before."
    )
    if not bars:
        return Chart("skills", title, svg.empty("no skill changed its share"), n, note, True), {}
    chart = svg.bar_chart(
        bars, "Change in share of ML postings (percentage points)", _pp, diverging=True
    )
    figures = {
        "top_rising_skill": f"{rising[0][0]} ({_pp(rising[0][1])})" if rising else "none",
        "top_falling_skill": f"{falling[-1][0]} ({_pp(falling[-1][1])})" if falling else "none",
    }
    return Chart("skills", title, chart, n, note), figures


def remote_chart(con: duckdb.DuckDBPyConnection) -> tuple[Chart, float | None]:
    rows = con.execute(
        "SELECT month, postings, unknown, remote_share, hybrid_share, onsite_share"
        " FROM remote_trends WHERE population = 'ml' AND role = 'all' AND region = 'all'"
        " ORDER BY month"
    ).fetchall()
    title = "Remote share of ML postings over time"
    stated = [r for r in rows if r[1] > r[2]]
    if not stated:
        return Chart.nothing("remote", title, "no ML posting states a remote policy yet"), None
    months = [r[0] for r in stated]
    stacks = {
        "remote": [r[3] for r in stated],
        "hybrid": [r[4] for r in stated],
        "onsite": [r[5] for r in stated],
    }
    n = sum(r[1] - r[2] for r in stated)
    unknown = sum(r[2] for r in rows)
    chart = svg.stacked_columns(
        months,
        stacks,
        "Month posted",
        "Share of ML postings (%)",
        _pct,
        totals=[f"{r[1] - r[2]}/{r[1]}" for r in stated],
        y_max=1.0,
    )
    note = (
        f"Share of ML postings that are remote, hybrid or onsite, by month posted, in percent. "
        f"Based on {_plural(n, 'ML posting')} that state a policy ({unknown:,} that do not are "
        f"left out). Above each column: postings that state a policy / all ML postings of the "
        f"month; how often postings state it changes over time, so read shares with it."
    )
    remote, told, every = con.execute(
        "SELECT sum(remote), sum(stated), sum(postings) FROM remote_trends"
        " WHERE population = 'all' AND role = 'all' AND region = 'all'"
    ).fetchone()
    note += (
        f" Over every posting, ML or not, in the same months: {_pct(remote / told)} remote of "
        f"the {told:,} of {_plural(every)} that state a policy."
    )
    overall = sum(r[3] * (r[1] - r[2]) for r in stated) / n
    return Chart("remote", title, chart, n, note), overall


def skill_share_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    rows = con.execute(
        "SELECT month, skill, share, n, small_sample, share_low, share_high"
        " FROM skill_trends WHERE population = 'ml' ORDER BY month"
    ).fetchall()
    title = "Share of ML postings asking for the top skills, with 95% intervals"
    if not rows:
        return Chart.nothing("skill_shares", title, "no ML postings yet")
    months = sorted({r[0] for r in rows})
    asked: dict[str, int] = {}
    for _, skill, share, n, *_ in rows:
        asked[skill] = asked.get(skill, 0) + round(share * n)
    skills = sorted(asked, key=lambda k: (-asked[k], k))[:SHARE_SKILLS]
    series = {
        k: [(months.index(m), share, n, few) for m, s, share, n, few, _, _ in rows if s == k]
        for k in skills
    }
    intervals = {
        k: [(months.index(m), lo, hi) for m, s, _, _, _, lo, hi in rows if s == k] for k in skills
    }
    n = sum(dict((r[0], r[3]) for r in rows).values())
    note = (
        f"Share of the month's ML postings (posted or reposted in it) that ask for each of the "
        f"{len(skills)} most asked-for skills, in percent. Whiskers: Wilson 95% interval; grey "
        f"hollow points: fewer than {SMALL_N} ML postings that month. Based on "
        f"{_plural(n, 'ML posting-month')}."
    )
    latest = max(months)
    every = con.execute(
        "SELECT skill, share, n FROM skill_trends"
        " WHERE population = 'all' AND month = ? AND list_contains(?, skill) ORDER BY share DESC",
        [latest, skills],
    ).fetchall()
    if every:
        shares = ", ".join(f"{k} {_pct(share)}" for k, share, _ in every)
        note += f" Over every posting of {latest}, ML or not (n = {every[0][2]:,}): {shares}."
    chart = svg.line_chart(
        months, series, "Month posted", "Share of ML postings", _pct, "ML postings", intervals
    )
    return Chart("skill_shares", title, chart, n, note)


def index_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    title = "Index of active ML postings (base month = 100)"
    if not _exists(con, "posting_index"):
        return Chart.nothing("index", title, "no posting_index view")
    roles = [
        r[0]
        for r in con.execute(
            "SELECT value FROM posting_index WHERE dimension = 'role' GROUP BY value"
            f" ORDER BY sum(active) DESC, value LIMIT {INDEX_ROLES}"
        ).fetchall()
    ]
    rows = con.execute(
        "SELECT month, CASE WHEN dimension = 'all' THEN 'all ML postings' ELSE value END,"
        " index, active, base_month, base_active FROM posting_index"
        " WHERE dimension = 'all' OR (dimension = 'role' AND list_contains(?, value))"
        " ORDER BY month",
        [roles],
    ).fetchall()
    if not rows:
        return Chart.nothing("index", title, "no ML postings yet")
    months = sorted({r[0] for r in rows})
    names = ["all ML postings", *roles]
    series = {
        name: [(months.index(m), idx, a, a < SMALL_N) for m, s, idx, a, _, _ in rows if s == name]
        for name in names
    }
    bases = {s: (b, ba) for _, s, _, _, b, ba in rows}
    n = sum(a for _, s, _, a, _, _ in rows if s == "all ML postings")
    note = (
        "ML postings active in each month (open at any time in it; a monthly thread's post "
        "in each month it was posted or reposted) relative to the series' base month = 100: "
        + "; ".join(f"{s} {b} ({ba})" for s, (b, ba) in bases.items())
        + f". Grey hollow points: fewer than {SMALL_N} active postings. Months with no data "
        f"at all are left out. Based on {_plural(n, 'ML posting-month')}."
    )
    chart = svg.line_chart(
        months, series, "Month", "Index (base = 100)", lambda v: f"{v:.0f}", "active postings"
    )
    return Chart("index", title, chart, n, note)


def region_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    rows = con.execute(
        "SELECT coalesce(region, 'unknown') AS region, count(*) AS n FROM postings WHERE is_ml"
        " GROUP BY 1 ORDER BY n DESC, region"
    ).fetchall()
    title = "ML postings by region"
    if not rows:
        return Chart.nothing("regions", title, "no ML postings yet")
    n = sum(r[1] for r in rows)
    bars = [(region, count, f"{region}: {_plural(count)}") for region, count in rows]
    chart = svg.bar_chart(bars, "ML postings (count)", lambda v: f"{v:,.0f}")
    note = (
        f"ML postings by the region of the job's location, all months; 'unknown' when the "
        f"posting names no place. Based on {_plural(n, 'ML posting')}."
    )
    return Chart("regions", title, chart, n, note)


def _supply_rows(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple[str, int, int]], str]:
    """(skill, candidates offering, ML postings asking), and where they came from."""
    if _exists(con, "skill_supply_demand"):
        cols = _columns(con, "skill_supply_demand")
        skill = next((c for c in cols if c == "skill"), None)
        supply = next((c for c in cols if "candidate" in c), None)
        demand = next((c for c in cols if "posting" in c and "share" not in c), None)
        if skill and supply and demand:
            rows = con.execute(
                f'SELECT "{skill}", sum("{supply}")::INT, sum("{demand}")::INT'
                f" FROM skill_supply_demand GROUP BY 1"
            ).fetchall()
            return rows, "view skill_supply_demand"
    if _exists(con, "candidates") and "skills" in _columns(con, "candidates"):
        rows = con.execute(
            "WITH supply AS (SELECT skill, count(DISTINCT candidate_id) AS n"
            "   FROM candidates, unnest(skills) AS s(skill) GROUP BY 1),"
            " demand AS (SELECT skill, count(*) AS n"
            "   FROM postings, unnest(skills) AS s(skill) WHERE is_ml GROUP BY 1)"
            " SELECT coalesce(s.skill, d.skill), coalesce(s.n, 0)::INT, coalesce(d.n, 0)::INT"
            " FROM supply s FULL JOIN demand d ON s.skill = d.skill"
        ).fetchall()
        return rows, "tables candidates and postings"
    return [], ""


def supply_chart(con: duckdb.DuckDBPyConnection) -> tuple[Chart, int]:
    rows, origin = _supply_rows(con)
    title = "Candidate supply vs demand per skill"
    candidates = 0
    if _exists(con, "candidates"):
        candidates = con.execute("SELECT count(*) FROM candidates").fetchone()[0]
    if not rows or not candidates or not any(r[1] for r in rows):
        return Chart.nothing("supply", title, "no candidate data yet"), 0
    rows = sorted(rows, key=lambda r: (-(r[1] + r[2]), r[0]))[:SUPPLY_SKILLS]
    ml = con.execute("SELECT count(*) FROM postings WHERE is_ml").fetchone()[0]
    chart = svg.grouped_bar_chart(
        [(skill, [offering, asking]) for skill, offering, asking in rows],
        ["candidates offering it", "ML postings asking for it"],
        "Count (candidates, postings)",
    )
    note = (
        f"For the {len(rows)} skills most named on either side, all months: people who posted "
        f"that they seek work and name the skill, and ML postings that ask for it (counts; from "
        f"{origin}). Based on {_plural(ml, 'ML posting')} and "
        f"{_plural(candidates, 'candidate')}."
    )
    return Chart("supply", title, chart, ml, note), candidates


def companies_chart(con: duckdb.DuckDBPyConnection) -> tuple[Chart, str | None]:
    rows = con.execute(
        "SELECT company, sum(new_ml_postings)::INT AS total,"
        " arg_max(open_ml_postings, month)::INT AS open"
        f" FROM company_hiring GROUP BY company ORDER BY total DESC, open DESC, company"
        f" LIMIT {TOP_COMPANIES}"
    ).fetchall()
    title = "Top hiring companies"
    if not rows:
        return Chart.nothing("companies", title, "no ML postings with a company yet"), None
    n = sum(r[1] for r in rows)
    bars = [
        (c, total, f"{c}: {_plural(total, 'ML posting')}, {open_} open") for c, total, open_ in rows
    ]
    chart = svg.bar_chart(bars, "ML postings (count)", lambda v: f"{v:,.0f}")
    note = (
        f"The {len(rows)} companies with the most ML postings, all months (one bar per company "
        f"whatever spelling its postings use). Based on {_plural(n, 'ML posting')}."
    )
    return Chart("companies", title, chart, n, note), f"{rows[0][0]} ({rows[0][1]})"


def coverage(con: duckdb.DuckDBPyConnection) -> tuple[Chart, dict]:
    postings, ml, ml_salary, first, last = con.execute(
        "SELECT count(*), count(*) FILTER (is_ml),"
        " count(*) FILTER (is_ml AND salary_min_usd IS NOT NULL),"
        " min(coalesce(posted_at, first_seen)), max(coalesce(posted_at, first_seen))"
        " FROM postings"
    ).fetchone()
    per_source = con.execute(
        "SELECT ps.source, strftime(coalesce(p.posted_at, p.first_seen), '%Y-%m') AS month,"
        " count(DISTINCT p.posting_id)"
        " FROM postings p JOIN posting_sources ps USING (posting_id) GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    months = sorted({r[1] for r in per_source})
    sources = sorted({r[0] for r in per_source})
    stacks = {
        s: [sum(n for src, m, n in per_source if src == s and m == month) for month in months]
        for s in sources
    }
    per_month = dict(
        con.execute(
            "SELECT strftime(coalesce(posted_at, first_seen), '%Y-%m'), count(*) FROM postings"
            " GROUP BY 1"
        ).fetchall()
    )
    figures = {
        "postings": postings,
        "ml_postings": ml,
        "ml_salary_share": round(ml_salary / ml, 3) if ml else 0.0,
        "sources": len(sources),
        "months": len(months),
        "first_month": months[0] if months else None,
        "last_month": months[-1] if months else None,
    }
    title = "Coverage: postings by month and source"
    if not months:
        return Chart.nothing("coverage", title, "the warehouse holds no postings yet"), figures
    chart = svg.stacked_columns(
        months,
        stacks,
        "Month posted",
        "Postings (count)",
        lambda v: f"{v:,.0f}",
        totals=[str(per_month.get(m, 0)) for m in months],
    )
    note = (
        f"All postings (ML or not) by the month posted and the source that listed them; a "
        f"posting listed by several sources counts once in each, the total above a column "
        f"once. Based on {_plural(postings)} from {len(sources)} sources, "
        f"{first:%Y-%m-%d} to {last:%Y-%m-%d}."
    )
    figures["_table"] = [
        ("Sources", f"{len(sources)}: {', '.join(sources)}"),
        ("Months", f"{len(months)}: {months[0]} to {months[-1]}"),
        ("Postings", f"{postings:,} ({ml:,} ML or data roles)"),
        ("ML postings with a salary", f"{ml_salary:,} ({figures['ml_salary_share']:.0%})"),
    ]
    return Chart("coverage", title, chart, postings, note), figures


def _overall_median(con: duckdb.DuckDBPyConnection) -> float | None:
    value = con.execute(
        "SELECT median((salary_min_usd + salary_max_usd) / 2) FROM postings"
        " WHERE is_ml AND salary_min_usd IS NOT NULL AND salary_max_usd IS NOT NULL"
    ).fetchone()[0]
    return round(value) if value is not None else None


# What each anomaly of `data_quality` (pipelines/quality.py) means, in the report's words.
QUALITY_LABELS = {
    "salary_out_of_bounds": "stored pay outside $5k–$1M a year",
    "salary_rejected": "stated pay implausible, left empty",
    "company_is_place": "company is a place",
    "company_is_email": "company is an e-mail address",
    "company_is_url": "company is a link",
    "company_is_date": "company is a date",
    "empty_title_names_role": "no title, though the text names a role",
    "title_is_header_tag": "title is only header tags",
    "posting_mixed_companies": "posting joins records of two companies",
}


def quality(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    """(anomaly, count, out of) over every source, from `data_quality` when it is loaded."""
    if not _exists(con, "data_quality"):
        return []
    found = con.execute(
        "SELECT kind, count, total FROM data_quality WHERE source = 'all' AND kind <> 'filled'"
    ).fetchall()
    order = list(QUALITY_LABELS)
    found.sort(key=lambda r: order.index(r[0]) if r[0] in order else len(order))
    return [(QUALITY_LABELS.get(kind, kind), n, total) for kind, n, total in found]


def _quality_html(rows: list[tuple[str, int, int]]) -> str:
    if not rows:
        return ""
    body = "".join(
        f"<tr><th>{escape(label)}</th><td>{n:,}</td><td>{n / total:.2%}</td></tr>"
        if total
        else f"<tr><th>{escape(label)}</th><td>{n:,}</td><td>–</td></tr>"
        for label, n, total in rows
    )
    return (
        "<section class='quality' id='data-quality'><h2>Data quality</h2>"
        "<table class='coverage'><tr><th>anomaly</th><th>count</th><th>share</th></tr>"
        f"{body}</table><p class='note'>Source rows (postings for the last line) whose values"
        " look wrong at a glance, from the warehouse's <code>data_quality</code> table, which"
        " also holds the share of each field filled per source.</p></section>"
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
section.quality { background: #fff; border-radius: 8px; padding: 16px 18px;
  box-shadow: 0 1px 3px rgba(0,0,0,.12); }
section.quality .note { color: #555; font-size: 13px; }
figcaption { color: #555; font-size: 13px; margin-top: 6px; }
.n { font-weight: 600; color: #222; }
.kpis { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 12px; padding: 0; }
.kpis li { list-style: none; background: #eef2f6; border-radius: 6px; padding: 6px 10px; }
.kpis b { display: block; font-size: 18px; }
table.coverage { border-collapse: collapse; margin-top: 8px; font-size: 13px; }
table.coverage th { text-align: left; padding: 3px 12px 3px 0; color: #555; font-weight: 500; }
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
    note = escape(chart.note)
    if chart.postings:
        note += f' <span class="n">n = {chart.postings:,} postings.</span>'
    return (
        f'<figure class="chart" id="chart-{chart.name}" data-chart="{chart.name}"'
        f' data-postings="{chart.postings}"{" data-empty" if chart.empty else ""}>'
        f"<h2>{escape(chart.title)}</h2>{chart.svg}{extra}"
        f"<figcaption>{note}</figcaption></figure>"
    )


def render(
    charts: list[Chart],
    numbers: dict,
    table: list[tuple[str, str]],
    anomalies: Sequence[tuple[str, int, int]] = (),
) -> str:
    kpis = [
        ("ML postings", f"{numbers['ml_postings']:,}"),
        ("with a salary", f"{numbers['ml_salary_share']:.0%}"),
        (
            "median ML salary",
            _usd_k(numbers["median_ml_salary_usd"]) if numbers["median_ml_salary_usd"] else "–",
        ),
        (
            "remote share",
            _pct(numbers["remote_share"]) if numbers["remote_share"] is not None else "–",
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
        "<table class='coverage'>"
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
        f"<main>{''.join(figures)}{_quality_html(list(anomalies))}</main>{_method()}"
        "<footer>Salaries are annual base pay in US dollars, converted from the posted "
        "currency and period. A posting's month is when it was posted, or first seen when the "
        "source gives no date. Every figure comes from the warehouse's views; see "
        "docs/warehouse.md.</footer>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )


def build_report(con: duckdb.DuckDBPyConnection) -> Report:
    """Every chart and key figure from an open warehouse connection (views created)."""
    cover, figures = coverage(con)
    table = figures.pop("_table", [])
    skills, skill_figures = skills_chart(con)
    remote, remote_share = remote_chart(con)
    supply, candidates = supply_chart(con)
    companies, top_company = companies_chart(con)
    charts = [
        cover,
        index_chart(con),
        salary_chart(con),
        skill_share_chart(con),
        skills,
        remote,
        region_chart(con),
        supply,
        companies,
    ]
    numbers = {
        **figures,
        "median_ml_salary_usd": _overall_median(con),
        "remote_share": round(remote_share, 3) if remote_share is not None else None,
        **skill_figures,
        "top_company": top_company,
        "candidates": candidates,
        "charts": len(charts),
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    anomalies = quality(con)
    numbers["data_quality_anomalies"] = sum(n for _, n, _ in anomalies) if anomalies else None
    return Report(render(charts, numbers, table, anomalies), charts, numbers)


def write_report(db: Path | str, out: Path | str) -> Report:
    """Build the report from the warehouse file `db` (read-only) and write it to `out`."""
    con = connect(db, read_only=True)
    try:
        missing = [
            v
            for v in ("salary_trends", "skill_trends", "remote_trends", "company_hiring")
            if not _exists(con, v)
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
