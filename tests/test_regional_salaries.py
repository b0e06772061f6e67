"""`regional_salaries` on a hand-built warehouse, with every figure worked out by hand."""

from __future__ import annotations

from tests.test_views import posting, warehouse


def paid(n: int, usd: float, **extra) -> dict:
    return posting(n, "2026-10-05", salary_min_usd=usd - 10e3, salary_max_usd=usd + 10e3, **extra)


def cell(con, region: str, role: str = "all", seniority: str = "all") -> dict:
    cur = con.execute(
        "SELECT * FROM regional_salaries WHERE region = ? AND role = ? AND seniority = ?",
        [region, role, seniority],
    )
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    assert len(rows) == 1, rows
    return dict(zip(names, rows[0], strict=True))


def test_regional_salaries_by_hand(tmp_path):
    poland = [
        paid(i, 50e3 + i * 1e3, region="Eastern Europe", country="PL", countries=["PL"])
        for i in range(25)  # midpoints 50k … 74k
    ]
    con = warehouse(
        tmp_path,
        [
            *poland,
            paid(100, 150e3),  # North America, senior ml_engineer
            paid(101, 170e3, seniority="staff"),
            paid(102, 190e3, role="data_scientist"),
            paid(103, 90e3, region="Middle East & Africa", country="AE", countries=["AE"]),
            paid(104, 1e6, is_ml=False),  # not ML: left out
            paid(105, 1e6, region=None, country=None, countries=[]),  # no region: left out
            posting(106, "2026-10-05", region="Latin America"),  # no salary: left out
        ],
    )
    pl = cell(con, "Eastern Europe")
    # 25 values: p25 at rank 7 (56k), median rank 13 (62k), p75 rank 19 (68k); the median's
    # interval: ranks round(12.5 - 0.98·5) = 8 and round(13.5 + 0.98·5) = 18.
    assert (pl["n"], pl["p25_usd"], pl["median_usd"], pl["p75_usd"]) == (25, 56e3, 62e3, 68e3)
    assert (pl["median_low"], pl["median_high"]) == (57e3, 67e3)
    assert pl["recommended"] is True and pl["small_sample"] is False

    na = cell(con, "North America")
    assert (na["n"], na["median_usd"], na["p25_usd"], na["p75_usd"]) == (3, 170e3, 160e3, 180e3)
    assert (na["median_low"], na["median_high"]) == (150e3, 190e3)  # n < 6: the whole range
    assert na["small_sample"] is True
    assert cell(con, "North America", "ml_engineer", "senior")["median_usd"] == 150e3
    assert cell(con, "North America", "ml_engineer")["n"] == 2
    assert cell(con, "North America", "all", "staff")["median_usd"] == 170e3

    assert cell(con, "Middle East & Africa")["recommended"] is False
    regions = {
        r[0] for r in con.execute("SELECT DISTINCT region FROM regional_salaries").fetchall()
    }
    assert regions == {"all", "Eastern Europe", "North America", "Middle East & Africa"}
    everything = cell(con, "all")
    assert everything["n"] == 29 and everything["recommended"] is False
