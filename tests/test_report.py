"""The HTML report: built from the sample, opened in a real headless Chromium (offline), and
the report asset's metadata; the candidate chart falls back to `candidates` or says so."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from sourcing.assets.analytics import report, trend_views
from sourcing.definitions import build_resources
from warehouse.db import migrations, view_sql
from warehouse.report import build_report

CHROMIUM = "/usr/bin/chromium"
CHARTS = {
    "coverage",
    "index",
    "salary",
    "skill_shares",
    "skills",
    "remote",
    "regions",
    "supply",
    "companies",
}
needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium is not installed (.ci/run installs it)"
)


def chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND",  # the page must need no network
            "--enable-logging=stderr",
            "--v=0",
            *args,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory, sample_data):
    data = sample_data
    out = tmp_path_factory.mktemp("report") / "report.html"
    proc = subprocess.run(
        [sys.executable, "-m", "sourcing.cli", "report", "-o", str(out), "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return out, proc.stdout


def test_the_report_command_prints_the_key_numbers(sample_report):
    out, stdout = sample_report
    assert re.search(r"ml_postings +\d+", stdout) and "median_ml_salary_usd" in stdout
    assert f"report: {out} ({len(CHARTS)} charts)" in stdout


def test_the_report_is_self_contained(sample_report):
    html = sample_report[0].read_text()
    assert html.startswith("<!DOCTYPE html>")
    for outside in ("<script src", "<link", "@import", "url(", "<img", "<iframe", "http-equiv"):
        assert outside not in html, outside
    figures = re.findall(r'<figure class="chart" id="chart-(\w+)"', html)
    assert set(figures) == CHARTS
    for block in html.split('<figure class="chart"')[1:]:
        assert "<h2>" in block and 'class="axis-label"' in block or "data-empty" in block


def _basis(block: str) -> tuple[int, str, str, str]:
    """(n, first, last, the line's text) of the first basis line in `block`."""
    found = re.search(
        r'<p class="basis" data-n="(\d+)" data-first="([^"]*)" data-last="([^"]*)">(.*?)</p>',
        block,
    )
    assert found, block[:300]
    n, first, last, text = found.groups()
    return int(n), first, last, re.sub(r"<[^>]+>", "", text)


def test_every_chart_and_the_quality_section_state_their_n_and_period(sample_report, sample_data):
    html = sample_report[0].read_text()
    con = duckdb.connect(str(sample_data / "sourcing.duckdb"), read_only=True)
    ml, first_day, last_day = con.execute(
        "SELECT count(*), strftime(min(coalesce(posted_at, first_seen)), '%Y-%m-%d'),"
        " strftime(max(coalesce(posted_at, first_seen)), '%Y-%m-%d') FROM postings WHERE is_ml"
    ).fetchone()
    months = con.execute("SELECT min(month), max(month) FROM skill_trends").fetchone()
    blocks = {name: html.split(f'id="chart-{name}"')[1].split("</figure>")[0] for name in CHARTS}
    for name, block in blocks.items():
        assert "data-empty" not in block, f"chart {name} is empty on the sample"
        n, first, last, text = _basis(block)
        assert n > 0 and first <= last, name
        assert text.startswith(f"n = {n:,} ") and f" · {first} to {last}" in text, text
    # Checked against the warehouse: the region chart rests on every ML posting, over the
    # days they were posted; the share chart on the months of skill_trends.
    assert _basis(blocks["regions"])[:3] == (ml, first_day, last_day)
    assert _basis(blocks["skill_shares"])[1:3] == months
    assert _basis(blocks["skills"])[1:3] == months  # three months back, but none before data
    quality = html.split("id='data-quality'")[1].split("</section>")[0]
    rows, *_ = con.execute(
        "SELECT total FROM data_quality WHERE source = 'all' AND field = 'title'"
        " AND kind = 'filled'"
    ).fetchone()
    n, first, last, text = _basis(quality)
    assert n == rows and "source rows" in text and first and last


def test_the_supply_chart_lists_the_samples_skills_with_counts_from_the_tables(
    sample_report, sample_data
):
    html = sample_report[0].read_text()
    block = html.split('id="chart-supply"')[1].split("</figure>")[0]
    con = duckdb.connect(str(sample_data / "sourcing.duckdb"), read_only=True)
    # From the tables, not the view: a candidate counts once in each month they posted.
    supply = dict(
        con.execute(
            "SELECT skill, count(DISTINCT (candidate_id, month)) FROM candidate_posts,"
            " unnest(skills) AS s(skill) WHERE month IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    demand = dict(
        con.execute(
            "SELECT skill, count(*) FROM postings, unnest(skills) AS s(skill) WHERE is_ml"
            " GROUP BY 1"
        ).fetchall()
    )
    drawn = re.findall(r"<title>([^<:]+): (\d+) candidates offering it</title>", block)
    asked = dict(re.findall(r"<title>([^<:]+): (\d+) ML postings asking for it</title>", block))
    assert len(drawn) == 12 and [k for k, _ in drawn] == list(asked)
    for skill, offering in drawn:
        assert int(offering) == supply.get(skill, 0), skill
        assert int(asked[skill]) == demand.get(skill, 0), skill
    # The skills most named on both sides together, and no other.
    both = {k: supply.get(k, 0) + demand.get(k, 0) for k in supply.keys() | demand.keys()}
    top = sorted(both, key=lambda k: (-both[k], k))[:12]
    assert [k for k, _ in drawn] == top
    assert "python" in asked


def test_the_quality_figures_match_the_data_quality_table(sample_report, sample_data):
    html = sample_report[0].read_text()
    quality = html.split("id='data-quality'")[1].split("</section>")[0]
    con = duckdb.connect(str(sample_data / "sourcing.duckdb"), read_only=True)
    found = con.execute("SELECT source, field, kind, count, total FROM data_quality").fetchall()
    counts = {(s, f, k): n for s, f, k, n, _ in found}
    totals = {s: t for s, f, k, _, t in found if k == "filled"}
    table = {
        source: re.findall(r"<td>([^<]*)</td>", cells)
        for source, cells in re.findall(r"<tr data-source='([^']+)'>(.*?)</tr>", quality)
    }
    assert set(table) == set(totals) and list(table)[-1] == "all"
    for source, total in totals.items():
        suspect = sum(n for (s, _, k), n in counts.items() if s == source and "company_is" in k)
        expected = [
            f"{total:,}",
            f"{counts[(source, 'salary_min', 'filled')] / total:.0%}",
            f"{counts[(source, 'country', 'filled')] / total:.0%}",
            f"{counts[(source, 'skills', 'filled')] / total:.0%}",
            f"{1 - counts[(source, 'title', 'filled')] / total:.0%}",
            f"{suspect / total:.0%}",
        ]
        assert table[source] == expected, source


@needs_chromium
def test_the_report_renders_in_chromium_with_every_chart_drawn(sample_report, tmp_path):
    page = sample_report[0]
    proc = chromium(page, tmp_path / "profile", "--dump-dom")
    assert proc.returncode == 0, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line]
    assert not console, console
    assert "Uncaught" not in proc.stderr
    dom = proc.stdout
    assert 'data-charts-drawn="yes"' in dom  # the inline script ran to its end
    drawn = dict(re.findall(r'data-chart="(\w+)"[^>]*?data-marks="(\d+)"', dom))
    assert set(drawn) == CHARTS
    for name, marks in drawn.items():
        block = dom.split(f'data-chart="{name}"')[1].split("</figure>")[0]
        if name == "supply" and "no candidate data yet" in block:
            continue  # the leads work has not filled `candidates` in this warehouse
        assert int(marks) > 0, f"chart {name} drew nothing"
    assert dom.count("<svg") >= len(CHARTS)
    assert dom.count('class="basis"') == len(CHARTS) + 1  # and the data-quality section
    shot = tmp_path / "report.png"
    proc = chromium(
        page,
        tmp_path / "profile",
        "--hide-scrollbars",
        "--window-size=1400,2200",
        f"--screenshot={shot}",
    )
    assert shot.stat().st_size > 50_000  # a page of charts, not a blank one


def test_the_report_asset_shows_the_key_numbers(tmp_path, sample_data):
    db = tmp_path / "sourcing.duckdb"
    shutil.copy(sample_data / "sourcing.duckdb", db)
    result = dg.materialize([trend_views, report], resources=build_resources(tmp_path, db))
    assert result.success
    [event] = [
        e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey("report")
    ]
    metadata = {k: v.value for k, v in event.materialization.metadata.items()}
    assert metadata["postings"] > 50 and 0 < metadata["ml_salary_share"] <= 1
    assert metadata["median_ml_salary_usd"] > 10_000 and metadata["charts"] == len(CHARTS)
    assert (tmp_path / "report.html").exists() and metadata["path"] == str(tmp_path / "report.html")


def _bare_warehouse(with_candidates: bool) -> duckdb.DuckDBPyConnection:
    """Postings (migrations 001 and 002), the lead tables (003), the company mapping (005),
    the interval macros (011) and their sorted-list forms (017) and the trend views only;
    candidates' posts when asked."""
    con = duckdb.connect()
    by_name = {m.name: m for m in migrations()}
    for name in (
        "postings",
        "dedupe",
        "leads",
        "company_postings",
        "interval_macros",
        "sorted_order_statistics",
    ):
        con.execute(by_name[name].sql)
    con.execute(
        "INSERT INTO postings (posting_id, title, company, is_ml, role, seniority, subfields,"
        " skills, countries, remote, remote_scope, visa_sponsorship, equity, posted_at,"
        " first_seen, last_seen, status, source_count, salary_min_usd, salary_max_usd) VALUES"
        " ('p1', 'ML Engineer', 'Acme', true, 'ml_engineer', 'senior', [], ['pytorch', 'sql'],"
        "  [], 'remote', [], 'unknown', false, ?, ?, ?, 'open', 1, 150000, 170000),"
        " ('p2', 'Data Scientist', 'Beta', true, 'data_scientist', 'mid', [], ['sql'],"
        "  [], 'onsite', [], 'unknown', false, ?, ?, ?, 'open', 1, NULL, NULL)",
        [datetime(2026, 10, 1), datetime(2026, 11, 1), datetime(2026, 11, 1)]
        + [datetime(2026, 11, 2), datetime(2026, 11, 2), datetime(2026, 11, 2)],
    )
    con.execute(
        "INSERT INTO posting_sources (source, source_id, role_index, posting_id, title,"
        " fetched_at) VALUES ('hn_hiring', '1', 0, 'p1', 'ML Engineer', now()),"
        " ('lever', 'x', 0, 'p2', 'Data Scientist', now())"
    )
    for name in (
        "active_spans",
        "posting_months",
        "population_months",
        "posting_index",
        "salary_trends",
        "skill_trends",
        "remote_trends",
        "company_hiring",
        "skill_supply_demand",
    ):
        con.execute(f"CREATE VIEW {name} AS {view_sql()[name]}")
    if with_candidates:
        con.execute(
            "INSERT INTO candidate_posts (candidate_id, source, source_id, month, skills, roles)"
            " VALUES ('c1', 'hn_wants', '1', '2026-11', ['pytorch'], []),"
            " ('c2', 'hn_wants', '2', '2026-11', ['pytorch', 'rust'], [])"
        )
    return con


def test_without_candidates_the_supply_chart_says_so():
    built = build_report(_bare_warehouse(with_candidates=False))
    supply = next(c for c in built.charts if c.name == "supply")
    assert supply.empty and "no candidate data yet" in supply.svg
    assert built.numbers["ml_postings"] == 2 and built.numbers["median_ml_salary_usd"] == 160000


def test_with_candidates_the_supply_chart_compares_both_sides():
    built = build_report(_bare_warehouse(with_candidates=True))
    supply = next(c for c in built.charts if c.name == "supply")
    assert not supply.empty and supply.svg.count('class="mark"') == 2 * 3  # 3 skills
    assert "pytorch: 2 candidates offering it" in supply.svg
    assert "sql: 2 ML postings asking for it" in supply.svg
    assert built.numbers["candidates"] == 2


def test_trend_charts_draw_intervals_grey_small_cells_and_the_index():
    built = build_report(_bare_warehouse(with_candidates=False))
    charts = {c.name: c for c in built.charts}
    shares = charts["skill_shares"]
    # sql: 1 of 1 ML posting in October, 1 of 1 in November; pytorch: 1 of 1 in October,
    # 0 of 1 in November; every cell rests on fewer than 20 postings: grey, with whiskers.
    assert shares.svg.count('class="interval"') == 4
    assert shares.svg.count('class="mark small"') == 4 and 'class="mark"' not in shares.svg
    assert "sql · 2026-10: 95% interval 21% to 100%" in shares.svg  # Wilson for 1 of 1
    salary = charts["salary"]
    assert salary.svg.count('class="interval"') == 1 and 'class="mark small"' in salary.svg
    index = charts["index"]
    assert not index.empty and "all ML postings 2026-10 (1)" in index.note
    assert "Method" in built.html and "Wilson 95% interval" in built.html
