"""`postings_by_period`, `company_hiring` and `posting_index` by running counts (issue 14)
give the rows of their former definitions, which expanded each posting over every period it
was open or joined every company month with every posting of the company (kept in
tests/data/views_before), on a warehouse generated as bench.queries does, with reposts added:
a Hacker News post repeated in its own month (overlapping spans), in the next month (adjacent)
and two months later (a gap), so the merging of a posting's spans into runs is exercised.
`salary_trends`, which now sorts a cell's salaries once and reads its quartiles from them, is
compared with its former SQL the same way, and so are the helpers `active_spans` (which no
longer takes a posting's first start by a window) and `posting_months` (which groups only the
months of several spans), as sets of rows. `dedupe_clusters`, which now lists the members of
the postings of several members only, is compared in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.queries import build
from warehouse.db import connect, create_views

BEFORE = Path(__file__).parent / "data" / "views_before"

REPOSTS = """
    CREATE TEMP TABLE reposts AS
    SELECT p.posting_id, 'r' || ps.source_id AS source_id,
        date_trunc('month', p.posted_at) + to_months((hash(p.posting_id) % 3)::INT)
            + INTERVAL 3 DAY AS posted
    FROM postings AS p JOIN posting_sources AS ps USING (posting_id)
    WHERE ps.source = 'hn_hiring' AND hash(p.posting_id) % 4 = 0;
    INSERT INTO posting_sources (source, source_id, role_index, posting_id, title, fetched_at,
        is_canonical)
    SELECT 'hn_hiring', source_id, 0, posting_id, 't', posted, false FROM reposts;
    INSERT INTO normalized_postings (source, source_id, role_index, title, is_ml, role,
        seniority, subfields, skills, countries, remote, remote_scope, visa_sponsorship, equity,
        posted_at, first_seen, last_seen, fetched_at, expires_at)
    SELECT 'hn_hiring', source_id, 0, 't', true, 'other', 'mid', [], [], [], 'unknown', [],
        'unknown', false, posted, posted, posted, posted,
        date_trunc('month', posted) + INTERVAL 1 MONTH
    FROM reposts;
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("w") / "w.duckdb"
    build(path, 3000)
    con = connect(path)
    con.execute(REPOSTS)
    assert con.execute("SELECT count(*) FROM reposts").fetchone()[0] > 100
    create_views(con)
    yield con
    con.close()


@pytest.mark.parametrize(
    ("view", "least"),
    [
        ("postings_by_period", 1000),
        ("company_hiring", 1000),
        ("posting_index", 1000),
        ("salary_trends", 1000),
        ("dedupe_clusters", 200),  # the merged postings and the reposted ones
    ],
)
def test_running_counts_match_the_former_definition(generated, view, least):
    stored = generated.execute(f"SELECT * FROM {view}").fetchall()
    before = generated.execute((BEFORE / f"{view}.sql").read_text()).fetchall()
    assert len(stored) > least
    assert stored == before


@pytest.mark.parametrize("helper", ["active_spans", "posting_months"])
def test_helpers_match_the_former_definition(generated, helper):
    """The helpers have no order: the same rows, each as often, in any order."""
    before = (BEFORE / f"{helper}.sql").read_text()
    count, missing, extra = generated.execute(f"""
        SELECT
            (SELECT count(*) FROM {helper}),
            (SELECT count(*) FROM (({before}) EXCEPT ALL SELECT * FROM {helper})),
            (SELECT count(*) FROM (SELECT * FROM {helper} EXCEPT ALL ({before})))
    """).fetchone()
    assert count > 1000
    assert (missing, extra) == (0, 0)
