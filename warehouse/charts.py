"""The report's charts: each reads its rows with a query of `report_sql/` and draws them
with `warehouse.svg`, saying how many postings (or candidates) it rests on and which period.

The queries are `.sql` files beside the views (`warehouse/report_sql/<name>.sql`, `?` a
parameter), loaded by name: the page's Python holds no SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

import duckdb

from warehouse import svg

TOP_ROLES = 6
TOP_SKILLS = 6  # rising and falling each
TOP_COMPANIES = 10
SUPPLY_SKILLS = 12
SHARE_SKILLS = 5  # skills in the share-with-interval chart
INDEX_ROLES = 4  # roles beside the whole market in the index chart
SMALL_N = 20  # the views' `small_sample` threshold: such points are greyed


@cache
def sql(name: str) -> str:
    """The report query `report_sql/<name>.sql`."""
    return resources.files("warehouse").joinpath("report_sql", f"{name}.sql").read_text()


def rows(con: duckdb.DuckDBPyConnection, name: str, *params: Any) -> list[tuple]:
    """Every row of the report query `name`."""
    return con.execute(sql(name), list(params)).fetchall()


def one(con: duckdb.DuckDBPyConnection, name: str, *params: Any) -> tuple:
    """The single row of the report query `name`."""
    return con.execute(sql(name), list(params)).fetchone()


def exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(one(con, "exists", name)[0])


Period = tuple[str, str]  # first and last date (or month) covered


def period_of(first: date | str | None, last: date | str | None) -> Period | None:
    """(first, last) as text: days for dates, months as the views spell them."""
    if first is None or last is None:
        return None
    if isinstance(first, date | datetime):
        return f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}"
    return str(first), str(last)


@dataclass
class Chart:
    name: str
    title: str
    svg: str
    n: int  # how many postings (or candidates, posting-months: `unit`) the chart rests on
    unit: str
    period: Period | None  # the first and last date (or month) it covers
    note: str  # what the figure is, its units, and the number behind it
    empty: bool = False

    @classmethod
    def nothing(cls, name: str, title: str, message: str) -> Chart:
        """The chart's place when there is nothing to draw: `message` says why."""
        return cls(name, title, svg.empty(message), 0, "postings", None, "", True)

    @property
    def basis(self) -> str:
        """'n = 120 ML postings · 2026-09 to 2026-11': what the chart rests on."""
        span = f"{self.period[0]} to {self.period[1]}" if self.period else "no period"
        return f"n = {self.n:,} {self.unit} · {span}"


def usd_k(value: float) -> str:
    return f"${value / 1000:,.0f}k"


def pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _pp(value: float) -> str:
    return f"{value * 100:+.0f} pp" if value else "0 pp"


def _count(value: float) -> str:
    return f"{value:,.0f}"


def plural(n: int, word: str = "posting") -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _months(found: list[tuple]) -> list[str]:
    return sorted({r[0] for r in found})


def _top_series(
    found: list[tuple], weight: Callable[[tuple], int], top: int
) -> tuple[list[str], dict[str, int], dict[str, list], dict[str, list]]:
    """Rows (month, key, value, n, few, low, high) as a line chart's input: the months, each
    key's summed `weight`, and for the `top` keys by it their points (x index, value, n, few)
    and whiskers (x index, low, high)."""
    months = _months(found)
    totals: dict[str, int] = {}
    for row in found:
        totals[row[1]] = totals.get(row[1], 0) + weight(row)
    keys = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    series = {
        k: [(months.index(m), v, n, few) for m, key, v, n, few, _, _ in found if key == k]
        for k in keys
    }
    intervals = {
        k: [(months.index(m), lo, hi) for m, key, _, _, _, lo, hi in found if key == k]
        for k in keys
    }
    return months, totals, series, intervals


def salary_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    found = rows(con, "salary")
    title = "Median ML salary by role over time"
    if not found:
        return Chart.nothing("salary", title, "no ML postings with a salary yet")
    months, by_role, series, intervals = _top_series(found, lambda r: r[3], TOP_ROLES)
    roles = list(series)
    n = sum(by_role[r] for r in roles)
    note = (
        f"Median of each posting's salary midpoint, annual base pay in US dollars, by the month "
        f"it was posted; the {len(roles)} roles with the most salaries. Whiskers: 95% interval "
        f"of the median (order statistics); grey hollow points: fewer than {SMALL_N} postings."
    )
    chart = svg.line_chart(
        months, series, "Month posted", "Median annual salary (USD)", usd_k, "postings", intervals
    )
    return Chart(
        "salary", title, chart, n, "ML postings with a salary", (months[0], months[-1]), note
    )


def skills_chart(con: duckdb.DuckDBPyConnection) -> tuple[Chart, dict]:
    latest = one(con, "skills_latest")[0]
    title = "Top rising and falling skills"
    if latest is None:
        message = "needs ML postings in two different months"
        return Chart.nothing("skills", title, message), {}
    found = rows(con, "skills_change", latest, latest)
    rising = [r for r in found if r[1] > 0][:TOP_SKILLS]
    falling = [r for r in reversed(found) if r[1] < 0][:TOP_SKILLS][::-1]
    ml_now, ml_before = (found[0][3], found[0][5]) if found else (0, 0)
    bars = [
        (
            skill,
            change,
            f"{skill}: {n}/{ml} ML postings in {latest} vs {prev}/{ml_prev} before ({_pp(change)})",
        )
        for skill, change, n, ml, prev, ml_prev, _ in rising + falling
    ]
    period = (found[0][6], latest) if found else (latest, latest)
    note = (
        f"Change in the share of ML postings asking for each skill, {latest} against the three "
        f"months before, in percentage points; skills seen in at least 2 postings. "
        f"{plural(ml_now, 'ML posting')} in {latest} and {ml_before:,} before."
    )
    n = ml_now + ml_before
    if not bars:
        nothing = svg.empty("no skill changed its share")
        return Chart("skills", title, nothing, n, "ML postings", period, note, True), {}
    chart = svg.bar_chart(
        bars, "Change in share of ML postings (percentage points)", _pp, diverging=True
    )
    figures = {
        "top_rising_skill": f"{rising[0][0]} ({_pp(rising[0][1])})" if rising else "none",
        "top_falling_skill": f"{falling[-1][0]} ({_pp(falling[-1][1])})" if falling else "none",
    }
    return Chart("skills", title, chart, n, "ML postings", period, note), figures


def remote_chart(con: duckdb.DuckDBPyConnection) -> tuple[Chart, float | None]:
    found = rows(con, "remote")
    title = "Remote share of ML postings over time"
    stated = [r for r in found if r[1] > r[2]]
    if not stated:
        return Chart.nothing("remote", title, "no ML posting states a remote policy yet"), None
    months = [r[0] for r in stated]
    stacks = {
        "remote": [r[3] for r in stated],
        "hybrid": [r[4] for r in stated],
        "onsite": [r[5] for r in stated],
    }
    n = sum(r[1] - r[2] for r in stated)
    unknown = sum(r[2] for r in found)
    chart = svg.stacked_columns(
        months,
        stacks,
        "Month posted",
        "Share of ML postings (%)",
        pct,
        totals=[f"{r[1] - r[2]}/{r[1]}" for r in stated],
        y_max=1.0,
    )
    remote, told, every = one(con, "remote_all")
    note = (
        f"Share of ML postings that are remote, hybrid or onsite, by month posted, in percent; "
        f"ML postings that state a policy ({unknown:,} that do not are left out). Above each "
        f"column: postings that state a policy / all ML postings of the month; how often "
        f"postings state it changes over time, so read shares with it. Over every posting, ML "
        f"or not, in the same months: {pct(remote / told)} remote of the {told:,} of "
        f"{plural(every)} that state a policy."
    )
    overall = sum(r[3] * (r[1] - r[2]) for r in stated) / n
    period = (months[0], months[-1])
    return Chart("remote", title, chart, n, "ML postings stating a policy", period, note), overall


def skill_share_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    found = rows(con, "skill_shares")
    title = "Share of ML postings asking for the top skills, with 95% intervals"
    if not found:
        return Chart.nothing("skill_shares", title, "no ML postings yet")
    months, _, series, intervals = _top_series(found, lambda r: round(r[2] * r[3]), SHARE_SKILLS)
    skills = list(series)
    n = sum(dict((r[0], r[3]) for r in found).values())
    note = (
        f"Share of the month's ML postings (posted or reposted in it) that ask for each of the "
        f"{len(skills)} most asked-for skills, in percent. Whiskers: Wilson 95% interval; grey "
        f"hollow points: fewer than {SMALL_N} ML postings that month."
    )
    every = rows(con, "skill_shares_all", months[-1], skills)
    if every:
        shares = ", ".join(f"{k} {pct(share)}" for k, share, _ in every)
        note += f" Over every posting of {months[-1]}, ML or not (n = {every[0][2]:,}): {shares}."
    chart = svg.line_chart(
        months, series, "Month posted", "Share of ML postings", pct, "ML postings", intervals
    )
    period = (months[0], months[-1])
    return Chart("skill_shares", title, chart, n, "ML posting-months", period, note)


def index_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    title = "Index of active ML postings (base month = 100)"
    if not exists(con, "posting_index"):
        return Chart.nothing("index", title, "no posting_index view")
    roles = [r[0] for r in rows(con, "index_roles", INDEX_ROLES)]
    found = rows(con, "index", roles)
    if not found:
        return Chart.nothing("index", title, "no ML postings yet")
    months = _months(found)
    names = ["all ML postings", *roles]
    series = {
        name: [(months.index(m), idx, a, a < SMALL_N) for m, s, idx, a, _, _ in found if s == name]
        for name in names
    }
    bases = {s: (b, ba) for _, s, _, _, b, ba in found}
    n = sum(a for _, s, _, a, _, _ in found if s == "all ML postings")
    note = (
        "ML postings active in each month (open at any time in it; a monthly thread's post "
        "in each month it was posted or reposted) relative to the series' base month = 100: "
        + "; ".join(f"{s} {b} ({ba})" for s, (b, ba) in bases.items())
        + f". Grey hollow points: fewer than {SMALL_N} active postings. Months with no data "
        "at all are left out."
    )
    chart = svg.line_chart(
        months, series, "Month", "Index (base = 100)", lambda v: f"{v:.0f}", "active postings"
    )
    return Chart("index", title, chart, n, "ML posting-months", (months[0], months[-1]), note)


def region_chart(con: duckdb.DuckDBPyConnection) -> Chart:
    found = rows(con, "regions")
    title = "ML postings by region"
    if not found:
        return Chart.nothing("regions", title, "no ML postings yet")
    n = sum(r[1] for r in found)
    bars = [(region, count, f"{region}: {plural(count)}") for region, count, _, _ in found]
    chart = svg.bar_chart(bars, "ML postings (count)", _count)
    note = (
        "ML postings by the region of the job's location, all months; 'unknown' when the "
        "posting names no place."
    )
    period = period_of(min(r[2] for r in found), max(r[3] for r in found))
    return Chart("regions", title, chart, n, "ML postings", period, note)


def supply_chart(con: duckdb.DuckDBPyConnection) -> tuple[Chart, int]:
    """Skills supply (candidates naming the skill) against demand (ML postings asking for
    it), from `skill_supply_demand`; (chart, candidates it rests on)."""
    title = "Skills: candidate supply vs ML demand"
    if not exists(con, "skill_supply_demand"):
        return Chart.nothing("supply", title, "no skill_supply_demand view"), 0
    found = rows(con, "supply", SUPPLY_SKILLS)
    first, last, candidates, ml = one(con, "supply_basis")
    if not candidates:
        return Chart.nothing("supply", title, "no candidate data yet"), 0
    chart = svg.grouped_bar_chart(
        [(skill, [offering, asking]) for skill, offering, asking in found],
        ["candidates offering it", "ML postings asking for it"],
        "Count (candidates, postings)",
    )
    note = (
        f"For the {len(found)} skills most named on either side: people who posted that they "
        f"seek work and name the skill (once in each month they posted), and ML postings that "
        f"ask for it; counts from the view skill_supply_demand."
    )
    unit = f"ML postings and {plural(candidates, 'candidate')}"
    return Chart("supply", title, chart, ml, unit, period_of(first, last), note), candidates


def companies_chart(con: duckdb.DuckDBPyConnection) -> tuple[Chart, str | None]:
    found = rows(con, "companies", TOP_COMPANIES)
    title = "Top hiring companies"
    if not found:
        return Chart.nothing("companies", title, "no ML postings with a company yet"), None
    n = sum(r[1] for r in found)
    bars = [
        (c, total, f"{c}: {plural(total, 'ML posting')}, {open_} open")
        for c, total, open_, _, _ in found
    ]
    chart = svg.bar_chart(bars, "ML postings (count)", _count)
    note = (
        f"The {len(found)} companies with the most ML postings, all months (one bar per "
        f"company whatever spelling its postings use)."
    )
    period = period_of(min(r[3] for r in found), max(r[4] for r in found))
    chart_ = Chart("companies", title, chart, n, "ML postings", period, note)
    return chart_, f"{found[0][0]} ({found[0][1]})"


def _largest(stacks: dict[str, list[int]], keep: int) -> dict[str, list[int]]:
    """The `keep` largest stacks, the rest summed into one 'other (N sources)': one colour
    each in the legend."""
    if len(stacks) <= keep + 1:
        return stacks
    ranked = sorted(stacks, key=lambda s: (-sum(stacks[s]), s))
    rest = ranked[keep:]
    other = [sum(stacks[s][i] for s in rest) for i in range(len(stacks[rest[0]]))]
    return {s: stacks[s] for s in ranked[:keep]} | {f"other ({len(rest)} sources)": other}


def coverage(con: duckdb.DuckDBPyConnection) -> tuple[Chart, dict]:
    postings, ml, ml_salary, first, last = one(con, "coverage_totals")
    per_source = rows(con, "coverage_sources")
    months = sorted({r[1] for r in per_source})
    sources = sorted({r[0] for r in per_source})
    stacks = _largest(
        {
            s: [sum(n for src, m, n in per_source if src == s and m == month) for month in months]
            for s in sources
        },
        len(svg.PALETTE) - 1,
    )
    per_month = dict(rows(con, "coverage_months"))
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
        _count,
        totals=[str(per_month.get(m, 0)) for m in months],
    )
    note = (
        f"All postings (ML or not) by the month posted and the source that listed them; a "
        f"posting listed by several sources counts once in each, the total above a column "
        f"once. {len(sources)} sources."
    )
    figures["_table"] = [
        ("Sources", f"{len(sources)}: {', '.join(sources)}"),
        ("Months", f"{len(months)}: {months[0]} to {months[-1]}"),
        ("Postings", f"{postings:,} ({ml:,} ML or data roles)"),
        ("ML postings with a salary", f"{ml_salary:,} ({figures['ml_salary_share']:.0%})"),
    ]
    return Chart("coverage", title, chart, postings, "postings", period_of(first, last), note), (
        figures
    )


def overall_median(con: duckdb.DuckDBPyConnection) -> float | None:
    value = one(con, "median_salary")[0]
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


@dataclass
class SourceQuality:
    """The data-quality figures of one source (or 'all'): shares of its rows."""

    source: str
    rows: int
    salary: float
    country: float
    skills: float
    empty_title: float
    suspect_company: float
    period: Period | None


def quality_by_source(con: duckdb.DuckDBPyConnection) -> list[SourceQuality]:
    """Per source, then 'all': the shares with a salary, country and skills, with no title and
    with a suspect company, from `data_quality` when it is loaded."""
    if not exists(con, "data_quality"):
        return []
    return [
        SourceQuality(*row[:7], period_of(row[7], row[8])) for row in rows(con, "quality_sources")
    ]


def quality(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    """(anomaly, count, out of) over every source, from `data_quality` when it is loaded."""
    if not exists(con, "data_quality"):
        return []
    found = rows(con, "anomalies")
    order = list(QUALITY_LABELS)
    found.sort(key=lambda r: order.index(r[0]) if r[0] in order else len(order))
    return [(QUALITY_LABELS.get(kind, kind), n, total) for kind, n, total in found]
