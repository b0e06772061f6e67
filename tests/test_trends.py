"""Trends an analyst can publish (issue 16): active/new/closed postings per period, reposts
and multi-country postings, intervals on every share and median, the index and `sourcing
trends` — on a small hand-built warehouse with every figure worked out by hand."""

from __future__ import annotations

from datetime import datetime

import pytest
from click.testing import CliRunner
from scipy.stats import binomtest

from sourcing.cli import main
from tests.test_views import one, posting, warehouse
from warehouse.db import create_views
from warehouse.load import replace_tables


def wilson(k: int, n: int) -> tuple[float, float]:
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    return round(ci.low, 4), round(ci.high, 4)


def member(
    pid: str, source: str, sid: str, posted: str, expires: str | None = None, skills=()
) -> tuple:
    """A source record of posting `pid`: its `posting_sources` and `normalized_postings` rows."""
    link = {"source": source, "source_id": sid, "role_index": 0, "posting_id": pid, "title": "t"}
    link["fetched_at"] = datetime(2026, 3, 15)
    row = {
        "source": source,
        "source_id": sid,
        "role_index": 0,
        "title": "t",
        "is_ml": True,
        "role": "ml_engineer",
        "seniority": "mid",
        "subfields": [],
        "skills": list(skills),
        "countries": [],
        "remote": "unknown",
        "remote_scope": [],
        "visa_sponsorship": "unknown",
        "equity": False,
        "posted_at": datetime.fromisoformat(posted),
        "first_seen": datetime(2026, 3, 15),
        "last_seen": datetime(2026, 3, 15),
        "fetched_at": datetime(2026, 3, 15),
        "expires_at": datetime.fromisoformat(expires) if expires else None,
    }
    return link, row


@pytest.fixture
def market(tmp_path):
    """p1: a Hacker News post of the January thread reposted in March (not February), open in
    the US and Canada, and still open (March's thread has not ended at the last crawl); its
    March text also asks for JAX (the posting keeps its first record's skills); p2: a
    Greenhouse job posted 20 January, still open; p3: a non-ML job open 1-10 February; p4: a
    posting with no source record (its own columns), March."""
    seen = {"first_seen": datetime(2026, 3, 15), "last_seen": datetime(2026, 3, 15)}
    rows = [
        posting(
            1,
            "2026-01-05",
            countries=["US", "CA"],
            country=None,
            skills=["pytorch"],
            **seen,
        ),
        posting(2, "2026-01-20", countries=["DE"], country="DE", region="Western Europe", **seen),
        posting(
            3,
            "2026-02-01",
            is_ml=False,
            status="closed",
            closed_at=datetime(2026, 2, 10),
            first_seen=datetime(2026, 2, 1),
            last_seen=datetime(2026, 2, 9),
        ),
        posting(4, "2026-03-10", **seen),
    ]
    members = [
        member("p1", "hn_hiring", "101", "2026-01-05T16:00:00", "2026-02-01", ["pytorch"]),
        member("p1", "hn_hiring", "301", "2026-03-03T16:00:00", "2026-04-01", ["pytorch", "jax"]),
        member("p2", "greenhouse", "7", "2026-01-20T09:00:00"),
        member("p3", "greenhouse", "8", "2026-02-01T09:00:00"),
    ]
    con = warehouse(tmp_path, rows)
    crawl = {"raw_file": "raw/greenhouse/2026-03-15/r.jsonl", "run_id": "r", "source": "greenhouse"}
    replace_tables(
        con,
        {
            "posting_sources": [link for link, _ in members],
            "normalized_postings": [row for _, row in members],
            "crawl_records": [
                {
                    **crawl,
                    "scope": "greenhouse/acme",
                    "source_id": "7",
                    "crawled_at": datetime(2026, 3, 15),
                }
            ],
        },
    )
    create_views(con)  # as the trend_views asset does after every load
    return con


def totals(con, view: str = "monthly_postings", period: str = "month", **dims) -> dict:
    where = " AND ".join(
        f"{d} = '{dims.get(d, 'all')}'" for d in ("source", "role", "region", "country")
    )
    rows = con.execute(
        f"SELECT {period}, is_ml, active, new, closed FROM {view} WHERE {where} ORDER BY ALL"
    ).fetchall()
    return {(p, ml): (a, n, c) for p, ml, a, n, c in rows}


def test_monthly_postings_count_reposts_in_their_months_only(market):
    assert totals(market) == {
        ("2026-01", True): (2, 2, 0),  # p1 (January thread), p2
        ("2026-02", False): (1, 1, 1),  # p3 opened and closed
        ("2026-02", True): (1, 0, 0),  # p2 only: p1 was not posted in February
        ("2026-03", True): (3, 1, 0),  # p1 reposted, p2, p4 new
    }


def test_monthly_postings_per_country_source_and_role(market):
    # p1 counts once in the US and once in Canada, once in 'all'.
    assert totals(market, country="US")[("2026-01", True)] == (1, 1, 0)
    assert totals(market, country="CA")[("2026-03", True)] == (1, 0, 0)
    assert totals(market, country="DE")[("2026-02", True)] == (1, 0, 0)
    assert totals(market, source="hn_hiring") == {
        ("2026-01", True): (1, 1, 0),
        ("2026-03", True): (1, 0, 0),
    }
    # p4 has no source record: its source is 'unknown'.
    assert totals(market, source="unknown") == {("2026-03", True): (1, 1, 0)}
    assert totals(market, region="Western Europe", role="ml_engineer")[("2026-03", True)] == (
        1,
        0,
        0,
    )


def test_weekly_postings_follow_the_thread_to_its_months_end(market):
    weeks = totals(market, "weekly_postings", "week", source="hn_hiring")
    # 5 January 2026 is a Monday (week 2); January's thread ends on Saturday the 31st (week 5):
    # p1 is not active in February. The repost of 3 March (week 10) is not new, and stays
    # active until the last crawl (15 March, week 11), not beyond.
    assert weeks == {
        ("2026-W02", True): (1, 1, 0),
        ("2026-W03", True): (1, 0, 0),
        ("2026-W04", True): (1, 0, 0),
        ("2026-W05", True): (1, 0, 0),
        ("2026-W10", True): (1, 0, 0),
        ("2026-W11", True): (1, 0, 0),
    }


def test_skill_trends_count_a_repost_in_each_month_with_intervals(market):
    def shares(skill: str) -> list[tuple]:
        return market.execute(
            "SELECT month, population, postings, n, share, share_low, share_high, small_sample,"
            " prev_3m_postings, prev_3m_n, prev_3m_share, share_change FROM skill_trends"
            " WHERE skill = ? ORDER BY month, population DESC",
            [skill],
        ).fetchall()

    # January: p1 of p1, p2; March: p1 of p1, p4 (p2 was posted in January). Over every
    # posting February also counts (p3, not ML), so March looks back on 3 postings, not 2.
    # The first month has nothing to look back on: all four look-back columns are NULL.
    assert shares("pytorch") == [
        ("2026-01", "ml", 1, 2, 0.5, *wilson(1, 2), True, None, None, None, None),
        ("2026-01", "all", 1, 2, 0.5, *wilson(1, 2), True, None, None, None, None),
        ("2026-02", "all", 0, 1, 0.0, *wilson(0, 1), True, 1, 2, 0.5, -0.5),
        ("2026-03", "ml", 1, 2, 0.5, *wilson(1, 2), True, 1, 2, 0.5, 0.0),
        ("2026-03", "all", 1, 2, 0.5, *wilson(1, 2), True, 1, 3, 0.3333, 0.1667),
    ]
    # p1's March text asks for JAX too: the repost counts with what it said then.
    assert [r[:4] for r in shares("jax")] == [("2026-03", "ml", 1, 2), ("2026-03", "all", 1, 2)]


def test_posting_index_against_the_first_month(market):
    rows = market.execute(
        "SELECT month, active, base_month, index, index_3m FROM posting_index"
        " WHERE dimension = 'all' ORDER BY month"
    ).fetchall()
    assert rows == [
        ("2026-01", 2, "2026-01", 100.0, 100.0),
        ("2026-02", 1, "2026-01", 50.0, 75.0),
        ("2026-03", 3, "2026-01", 150.0, 100.0),
    ]
    # A skill gets a zero in a month with data but without it.
    assert market.execute(
        "SELECT month, active, index FROM posting_index WHERE value = 'pytorch' ORDER BY month"
    ).fetchall() == [("2026-01", 1, 100.0), ("2026-02", 0, 0.0), ("2026-03", 1, 100.0)]


def test_remote_trends_unknown_is_a_share_of_its_own(tmp_path):
    policies = ["remote"] * 9 + ["onsite"] * 6 + ["hybrid"] * 5 + ["unknown"] * 10
    rows = [posting(i, "2026-10-01", remote=p) for i, p in enumerate(policies)]
    rows += [posting(40 + i, "2026-10-02", is_ml=False, remote="unknown") for i in range(10)]
    con = warehouse(tmp_path, rows)
    row = one(
        con,
        "SELECT postings, stated, n, remote_share, remote_share_low, remote_share_high,"
        " unknown_share, unknown_share_low, unknown_share_high, remote_share_of_postings,"
        " small_sample FROM remote_trends WHERE population = 'ml' AND role = 'all'"
        " AND region = 'all'",
    )
    assert row == (30, 20, 20, 0.45, *wilson(9, 20), 0.3333, *wilson(10, 30), 0.3, False)
    hybrid = one(con, "SELECT hybrid_share_low, hybrid_share_high FROM remote_trends LIMIT 1")
    assert hybrid == wilson(5, 20)
    # Over every posting: the 10 non-ML postings state nothing, so the shares of those that
    # state a policy stay, and the unknown share grows to 20 of 40.
    assert one(
        con,
        "SELECT postings, stated, remote_share, unknown_share FROM remote_trends"
        " WHERE population = 'all' AND role = 'all' AND region = 'all'",
    ) == (40, 20, 0.45, 0.5)


@pytest.mark.parametrize(
    ("count", "interval", "small"), [(20, (60e3, 150e3), False), (5, (10e3, 50e3), True)]
)
def test_salary_trends_median_interval_from_order_statistics(tmp_path, count, interval, small):
    # Salaries 10k, 20k, ... : for n = 20 the 95% interval runs from the 6th to the 15th
    # value (ranks 10 - 0.98·√20 and 11 + 0.98·√20, rounded); for n = 5, the whole range.
    rows = [
        posting(i, "2026-10-01", salary_min_usd=(i + 1) * 10e3, salary_max_usd=(i + 1) * 10e3)
        for i in range(count)
    ]
    rows += [posting(100 + i, "2026-10-02") for i in range(3)]  # no salary stated
    rows.append(posting(200, "2026-10-03", is_ml=False, salary_min_usd=1e6, salary_max_usd=1e6))
    con = warehouse(tmp_path, rows)
    cell = "role = 'all' AND region = 'all' AND seniority = 'all'"
    assert one(
        con,
        "SELECT postings, n, median_low, median_high, small_sample FROM salary_trends"
        f" WHERE population = 'ml' AND {cell}",
    ) == (count + 3, count, *interval, small)
    # Over every posting the non-ML posting and its salary count too.
    assert one(
        con, f"SELECT postings, n FROM salary_trends WHERE population = 'all' AND {cell}"
    ) == (count + 4, count + 1)


def test_trends_command_prints_the_views_figures(market, tmp_path):
    market.close()
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()
    result = runner.invoke(main, ["trends", "--skill", "PyTorch", "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    low, high = wilson(1, 2)
    assert result.output.splitlines() == [
        "period,population,postings,n,share,share_low,share_high,small_sample",
        f"2026-01,ml,1,2,0.5,{low},{high},True",
        f"2026-03,ml,1,2,0.5,{low},{high},True",
    ]
    # Both populations: February has a posting, not an ML one; JAX only in p1's March text.
    result = runner.invoke(
        main, ["trends", "--skill", "jax", "--population", "both", "--db", db, "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == [
        "2026-01,ml,0,2,0.0,0.0,0.6576,True",
        "2026-01,all,0,2,0.0,0.0,0.6576,True",
        "2026-02,all,0,1,0.0,0.0,0.7935,True",
        f"2026-03,ml,1,2,0.5,{low},{high},True",
        f"2026-03,all,1,2,0.5,{low},{high},True",
    ]
    # Over every posting, by week, since March: p1's repost and p4 in week 10 and 11.
    result = runner.invoke(
        main,
        ["trends", "--role", "ml_engineer", "--by", "week", "--since", "2026-03", "--db", db,
         "--population", "all"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "2026-W10  all                1  1  100.0%" in result.output  # counts right-aligned
    assert "2026-W11  all                1  1  100.0%" in result.output
    assert "2026-W05" not in result.output
    for bad in (["--skill", "cobolx"], ["--role", "wizard"], []):
        assert runner.invoke(main, ["trends", *bad, "--db", db]).exit_code == 2
