"""The `regional_salaries` view, on a small hand-built warehouse with figures worked out by
hand."""

from tests.test_views import one, posting, warehouse


def test_regional_salaries_by_hand(tmp_path):
    rows = [
        posting(
            i,
            "2026-10-05",
            region="Latin America",
            country="BR",
            countries=["BR"],
            salary_min_usd=lo,
            salary_max_usd=hi,
        )
        for i, (lo, hi) in enumerate([(30e3, 50e3), (60e3, 60e3), (70e3, 90e3)])
    ]  # midpoints 40k, 60k, 80k
    rows += [
        posting(10, "2026-10-06", region="East Asia", salary_min_usd=100e3, salary_max_usd=100e3),
        posting(
            11, "2026-10-06", region="Southeast Asia", salary_min_usd=50e3, salary_max_usd=50e3
        ),
        posting(12, "2026-10-07", region="Oceania", salary_min_usd=1e5, salary_max_usd=1e5),
        posting(13, "2026-10-07", region=None, salary_min_usd=1e5, salary_max_usd=1e5),
        posting(
            14,
            "2026-10-07",
            region="Latin America",
            is_ml=False,
            salary_min_usd=9e5,
            salary_max_usd=9e5,
        ),
    ]
    con = warehouse(tmp_path, rows)
    assert one(
        con,
        "SELECT postings_with_salary, p25_usd, median_usd, p75_usd, few_postings"
        " FROM regional_salaries WHERE region = 'Latin America' AND role = 'all'"
        " AND seniority = 'all'",
    ) == (3, 50000, 60000, 70000, True)
    # East and Southeast Asia are one region; Oceania and rows without a region are left out.
    assert one(
        con,
        "SELECT postings_with_salary, median_usd FROM regional_salaries"
        " WHERE region = 'East and Southeast Asia' AND role = 'all' AND seniority = 'all'",
    ) == (2, 75000)
    regions = {
        r for (r,) in con.execute("SELECT DISTINCT region FROM regional_salaries").fetchall()
    }
    assert regions == {"Latin America", "East and Southeast Asia"}
