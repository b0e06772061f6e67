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
        assert "n = " in block or "data-empty" in block  # the postings behind it


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
    """Postings (migrations 001 and 002), the company mapping (005, with a minimal
    `companies`), the interval macros (011) and the trend views only, plus a minimal
    `candidates`."""
    con = duckdb.connect()
    by_name = {m.name: m for m in migrations()}
    for name in ("postings", "dedupe", "company_postings", "interval_macros"):
        con.execute(by_name[name].sql)
    con.execute("CREATE TABLE companies (company_id VARCHAR, name VARCHAR)")
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
        "posting_index",
        "salary_trends",
        "skill_trends",
        "remote_trends",
        "company_hiring",
    ):
        con.execute(f"CREATE VIEW {name} AS {view_sql()[name]}")
    if with_candidates:
        con.execute("CREATE TABLE candidates (candidate_id VARCHAR, skills VARCHAR[])")
        con.execute(
            "INSERT INTO candidates VALUES ('c1', ['pytorch']), ('c2', ['pytorch', 'rust'])"
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
