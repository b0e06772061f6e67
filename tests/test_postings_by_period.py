"""`postings_by_period` by running counts (issue 14) gives the rows of its former definition,
which expanded each posting over every period it was open (kept in tests/data/views_before),
on a warehouse generated as bench.queries does, with reposts added: a Hacker News post
repeated in its own month (overlapping spans), in the next month (adjacent) and two months
later (a gap), so the merging of a posting's spans into runs is exercised."""

from __future__ import annotations

from pathlib import Path

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


def test_running_counts_match_the_expanded_definition(tmp_path):
    path = tmp_path / "w.duckdb"
    build(path, 3000)
    con = connect(path)
    con.execute(REPOSTS)
    assert con.execute("SELECT count(*) FROM reposts").fetchone()[0] > 100
    create_views(con)
    stored = con.execute("SELECT * FROM postings_by_period").fetchall()
    before = con.execute((BEFORE / "postings_by_period.sql").read_text()).fetchall()
    con.close()
    assert len(stored) > 10_000
    assert stored == before
