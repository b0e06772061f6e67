"""The analysts' views: each on a small hand-built warehouse with numbers worked out by hand,
and on the bundled sample against the same figures computed here from `postings`."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import datetime

import duckdb
import pytest

from warehouse.db import connect, create_views
from warehouse.load import replace_tables

VIEWS = ("salary_trends", "skill_trends", "remote_trends", "company_hiring")


def posting(n: int, posted: str, **extra) -> dict:
    row = {
        "posting_id": f"p{n}",
        "title": "Machine Learning Engineer",
        "company": "Acme",
        "is_ml": True,
        "role": "ml_engineer",
        "seniority": "senior",
        "subfields": [],
        "skills": [],
        "countries": ["US"],
        "country": "US",
        "region": "North America",
        "remote": "remote",
        "remote_scope": [],
        "visa_sponsorship": "unknown",
        "equity": False,
        "posted_at": datetime.fromisoformat(posted),
        "first_seen": datetime(2026, 11, 25),
        "last_seen": datetime(2026, 11, 25),
        "status": "open",
        "closed_at": None,
        "salary_min_usd": None,
        "salary_max_usd": None,
        "source_count": 1,
    }  # every column the tests set is here: the load takes its columns from the first row
    return {**row, **extra}


def warehouse(tmp_path, rows: list[dict]) -> duckdb.DuckDBPyConnection:
    con = connect(tmp_path / "w.duckdb")
    replace_tables(con, {"postings": rows})
    create_views(con)
    return con


def one(con, sql: str, *params):
    return con.execute(sql, list(params)).fetchone()


def test_salary_trends_percentiles_by_hand(tmp_path):
    paid = [
        posting(i, "2026-10-05", salary_min_usd=lo, salary_max_usd=hi)
        for i, (lo, hi) in enumerate(
            [(90e3, 110e3), (120e3, 120e3), (130e3, 150e3), (160e3, 160e3), (170e3, 190e3)]
        )
    ]
    con = warehouse(
        tmp_path,
        [
            *paid,  # midpoints 100k, 120k, 140k, 160k, 180k
            posting(
                10,
                "2026-10-06",
                role="data_scientist",
                region=None,
                salary_min_usd=80e3,
                salary_max_usd=80e3,
            ),
            posting(11, "2026-10-07", is_ml=False, salary_min_usd=1e6, salary_max_usd=1e6),
            posting(12, "2026-10-08"),  # no salary
        ],
    )
    row = one(
        con,
        "SELECT postings_with_salary, p25_usd, median_usd, p75_usd, few_postings"
        " FROM salary_trends WHERE month = '2026-10' AND role = 'ml_engineer'"
        " AND region = 'North America' AND seniority = 'senior'",
    )
    assert row == (5, 120000, 140000, 160000, False)
    # The data scientist has no region: counted under 'unknown', flagged, not hidden.
    assert one(
        con,
        "SELECT postings_with_salary, median_usd, few_postings FROM salary_trends"
        " WHERE role = 'data_scientist' AND region = 'unknown' AND seniority = 'all'",
    ) == (1, 80000, True)
    # The rolled-up row: 6 ML salaries (the non-ML million is left out); median of
    # 80, 100, 120, 140, 160, 180k = 130k; p25 = 100k + 0.25 * 20k = 105k.
    assert one(
        con,
        "SELECT postings_with_salary, p25_usd, median_usd FROM salary_trends"
        " WHERE role = 'all' AND region = 'all' AND seniority = 'all'",
    ) == (6, 105000, 130000)


def test_skill_trends_change_against_the_three_months_before(tmp_path):
    months = {
        "2026-06": [["pytorch"]],  # outside October's window
        "2026-07": [["pytorch"], ["sql"]],
        "2026-08": [["tensorflow"], []],
        "2026-09": [["tensorflow"], ["sql"]],
        "2026-10": [["pytorch", "sql"], ["pytorch"], ["sql"], []],
    }
    rows = [
        posting(n, f"{month}-10", skills=skills)
        for n, (month, skills) in enumerate((m, s) for m, lists in months.items() for s in lists)
    ]
    rows.append(posting(99, "2026-10-11", is_ml=False, skills=["pytorch"]))
    con = warehouse(tmp_path, rows)

    def october(skill):
        return one(
            con,
            "SELECT postings, n, share, prev_3m_postings, prev_3m_n, share_change"
            " FROM skill_trends WHERE population = 'ml' AND month = '2026-10' AND skill = ?",
            skill,
        )

    # pytorch: 2 of 4 in October; 1 of the 6 ML postings of July to September.
    assert october("pytorch") == (2, 4, 0.5, 1, 6, round(0.5 - 1 / 6, 4))
    assert october("sql") == (2, 4, 0.5, 2, 6, round(0.5 - 2 / 6, 4))
    # tensorflow is gone in October: a row with 0 postings and a falling share.
    assert october("tensorflow") == (0, 4, 0.0, 2, 6, round(-2 / 6, 4))
    # Over every posting: the non-ML posting asks for pytorch too.
    assert one(
        con,
        "SELECT postings, n, prev_3m_postings, prev_3m_n FROM skill_trends"
        " WHERE population = 'all' AND month = '2026-10' AND skill = 'pytorch'",
    ) == (3, 5, 1, 6)
    # The first month has nothing to compare with: every look-back column is NULL.
    assert one(
        con,
        "SELECT prev_3m_postings, prev_3m_n, prev_3m_share, share_change FROM skill_trends"
        " WHERE month = '2026-06' AND population = 'ml'",
    ) == (None, None, None, None)


def test_remote_trends_shares_leave_unknown_out(tmp_path):
    policies = ["remote", "remote", "hybrid", "onsite", "unknown"]
    rows = [posting(i, "2026-10-01", remote=p) for i, p in enumerate(policies)]
    rows.append(posting(9, "2026-10-01", role="data_scientist", remote="onsite"))
    con = warehouse(tmp_path, rows)
    assert one(
        con,
        "SELECT postings, remote, hybrid, onsite, unknown, remote_share, hybrid_share,"
        " onsite_share FROM remote_trends WHERE population = 'ml' AND role = 'ml_engineer'"
        " AND region = 'all'",
    ) == (5, 2, 1, 1, 1, 0.5, 0.25, 0.25)
    assert one(
        con,
        "SELECT postings, remote_share FROM remote_trends"
        " WHERE population = 'ml' AND role = 'all' AND region = 'all'",
    ) == (6, 0.4)


def test_company_hiring_new_closed_open(tmp_path):
    con = warehouse(
        tmp_path,
        [
            posting(1, "2026-09-03"),
            posting(2, "2026-09-04", status="closed", closed_at=datetime(2026, 10, 15)),
            posting(3, "2026-10-01"),
            # closed without closed_at: closed when last seen (November)
            posting(4, "2026-10-02", status="closed", last_seen=datetime(2026, 11, 20)),
            posting(5, "2026-10-03", is_ml=False),
            posting(6, "2026-10-04", company=None),
            posting(7, "2026-11-05", company="Beta"),
        ],
    )
    rows = con.execute(
        "SELECT month, company, new_ml_postings, closed_ml_postings, open_ml_postings"
        " FROM company_hiring ORDER BY month, company"
    ).fetchall()
    assert rows == [
        ("2026-09", "Acme", 2, 0, 2),
        ("2026-10", "Acme", 2, 1, 3),
        ("2026-11", "Acme", 0, 1, 2),
        ("2026-11", "Beta", 1, 0, 1),
    ]


def company_row(company_id: str, name: str) -> dict:
    empty = dict.fromkeys(("top_skills", "skills", "roles", "countries", "regions", "ats"), [])
    return {
        "company_id": company_id,
        "name": name,
        "open_postings": 0,
        "ml_postings": 0,
        **empty,
        "remote_share": 0.0,
        "hiring_velocity": 0.0,
        "first_seen": datetime(2026, 10, 1),
        "last_seen": datetime(2026, 10, 1),
    }


def test_company_hiring_counts_a_company_once_whatever_its_spelling(tmp_path):
    con = warehouse(
        tmp_path,
        [
            posting(1, "2026-10-01", company="Lumenforge AI"),
            posting(2, "2026-10-02", company="Lumenforge AI, Inc."),
            posting(3, "2026-10-03", company="lumenforge ai"),
        ],
    )
    # what the companies asset writes: one company, and the company of each posting
    replace_tables(
        con,
        {
            "companies": [company_row("c1", "Lumenforge AI")],
            "company_postings": [{"posting_id": f"p{n}", "company_id": "c1"} for n in (1, 2, 3)],
        },
    )
    create_views(con)  # the trend_views asset runs after the companies asset
    assert con.execute("SELECT company, new_ml_postings FROM company_hiring").fetchall() == [
        ("Lumenforge AI", 3)
    ]


def test_views_on_an_empty_warehouse(tmp_path):
    con = warehouse(tmp_path, [])
    for view in VIEWS:
        assert one(con, f"SELECT count(*) FROM {view}") == (0,)


# --- the same figures on the bundled sample, computed here from `postings` ---------------


@pytest.fixture(scope="module")
def sample(sample_data):
    con = duckdb.connect(str(sample_data / "sourcing.duckdb"), read_only=True)
    # A posting's months: those its source records were posted in (a repost adds a month),
    # each with the skills of that month's records.
    cursor = con.execute(
        "SELECT p.* EXCLUDE (skills),"
        " strftime(least(np.first_seen, coalesce(np.posted_at, np.first_seen)), '%Y-%m')"
        " AS month, list_distinct(flatten(list(np.skills))) AS skills"
        " FROM postings p JOIN posting_sources ps USING (posting_id)"
        " JOIN normalized_postings np USING (source, source_id, role_index) GROUP BY ALL"
    )
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    assert len({r["posting_id"] for r in rows}) < len(rows)  # the sample has a repost
    yield con, [r for r in rows if r["is_ml"]]
    con.close()


def test_sample_salary_trends_median_by_role(sample):
    con, ml = sample
    paid = [r for r in ml if r["salary_min_usd"] is not None]
    month, role = Counter((r["month"], r["role"]) for r in paid).most_common(1)[0][0]
    mids = [
        (r["salary_min_usd"] + r["salary_max_usd"]) / 2
        for r in paid
        if (r["month"], r["role"]) == (month, role)
    ]
    row = one(
        con,
        "SELECT postings_with_salary, median_usd, few_postings FROM salary_trends WHERE"
        " population = 'ml' AND month = ? AND role = ? AND region = 'all' AND seniority = 'all'",
        month,
        role,
    )
    assert row == (len(mids), round(statistics.median(mids)), len(mids) < 5)
    assert len(mids) >= 5  # the sample has one well-filled cell


def test_sample_skill_trends_share_of_python(sample):
    con, ml = sample
    month = max(r["month"] for r in ml)
    latest = [r for r in ml if r["month"] == month]
    asking = sum("python" in r["skills"] for r in latest)
    assert asking > 0
    assert one(
        con,
        "SELECT postings, n, share FROM skill_trends"
        " WHERE population = 'ml' AND month = ? AND skill = 'python'",
        month,
    ) == (asking, len(latest), round(asking / len(latest), 4))


def test_sample_remote_trends_by_month(sample):
    con, ml = sample
    for month in sorted({r["month"] for r in ml}):
        policies = Counter(r["remote"] for r in ml if r["month"] == month)
        stated = sum(n for p, n in policies.items() if p != "unknown")
        expected = round(policies["remote"] / stated, 4) if stated else None
        assert one(
            con,
            "SELECT postings, remote_share FROM remote_trends"
            " WHERE population = 'ml' AND month = ? AND role = 'all' AND region = 'all'",
            month,
        ) == (policies.total(), expected)


def test_sample_company_hiring_totals(sample):
    con, ml = sample
    with_company = {r["posting_id"]: r for r in ml if r["company"] is not None}.values()
    new, last = one(con, "SELECT sum(new_ml_postings), max(month) FROM company_hiring")
    assert new == len(with_company)
    still_open = sum(r["status"] == "open" for r in with_company)
    assert one(con, "SELECT sum(open_ml_postings) FROM company_hiring WHERE month = ?", last) == (
        still_open,
    )
