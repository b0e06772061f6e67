"""Query bench: how long each analysts' view takes on a warehouse of N generated postings.

    uv run python -m bench.queries --postings 1000000 [--postings 10000000] [--dir /tmp/q]

For each size it writes a warehouse with DuckDB itself (one INSERT … SELECT per table over
`range(N)`, values drawn from hashes of the row number, so a size always gives the same data):
`postings` spread over 36 months (40% Hacker News posts that end with their thread's month,
the rest job-board records, half of them closed), one `posting_sources` and
`normalized_postings` row per posting (10% of postings merged from two records),
`company_postings`/`companies` over 5,000 companies, candidate posts, and a crawl.
It times `create_views`, which the `trend_views` asset runs after each load and which stores
the pre-aggregated views (`warehouse.aggregates`). Then it times every view as
`CREATE TEMP TABLE AS SELECT * FROM view` (every column is computed: a `count(*)` alone would
let DuckDB skip most of them), beside two floors measured in the same run: a plain `count(*)`
of postings and a group-by of postings by month and role.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

from warehouse.db import connect, create_views

ROLES = ["ml_engineer", "data_scientist", "research_scientist", "data_engineer", "ai_engineer",
         "mlops_engineer", "software_engineer", "other"]  # fmt: skip
SENIORITY = ["junior", "mid", "senior", "staff", "lead", "unknown"]
PLACES = [
    ("US", "North America"),
    ("CA", "North America"),
    ("DE", "Western Europe"),
    ("GB", "Western Europe"),
    ("PL", "Eastern Europe"),
    ("BR", "Latin America"),
    ("IN", "South Asia"),
    ("SG", "Southeast Asia"),
    ("JP", "East Asia"),
    (None, None),
]
REMOTE = ["remote", "hybrid", "onsite", "unknown"]
SKILLS = ["python", "pytorch", "tensorflow", "sql", "spark", "aws", "kubernetes", "docker",
          "scikit-learn", "jax", "go", "java", "react", "hadoop", "llm", "rag", "airflow",
          "dbt", "snowflake", "gcp", "azure", "pandas", "numpy", "cuda", "triton"]  # fmt: skip
START = "2024-01-01"
MONTHS = 36


def _pick(values: list, key: str) -> str:
    """SQL picking one of `values` by rnd(`key`) (a SQL expression)."""
    return f"({values!r})[1 + rnd({key}) % {len(values)}]".replace("None", "NULL")


def limit(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Cap what DuckDB may take: 8 GB of memory, and 40 GB of temporary files in a directory
    beside the warehouse (a 10M run spills; without a cap it could fill the disk)."""
    con.execute("SET memory_limit = '8GB'")
    con.execute(f"SET temp_directory = '{path}.tmp'")
    con.execute("SET max_temp_directory_size = '40GB'")


def build(path: Path, n: int) -> None:
    """Write a warehouse of `n` generated postings at `path` (replacing it)."""
    path.unlink(missing_ok=True)
    con = connect(path)
    limit(con, path)
    # rnd(i, key): a deterministic pseudo-random BIGINT in [0, 2^31) per row and key
    con.execute("CREATE TEMP MACRO rnd(i, key) AS (hash(i, key) % 2147483648)::BIGINT")
    countries = [c for c, _ in PLACES]
    regions = [r for _, r in PLACES]
    con.execute(
        f"""
        INSERT INTO postings (posting_id, title, company, is_ml, role, seniority, subfields,
            skills, countries, country, region, remote, remote_scope, visa_sponsorship,
            salary_min_usd, salary_max_usd, equity, posted_at, first_seen, last_seen, status,
            closed_at, source_count, canonical_source)
        WITH g AS (
            SELECT i, rnd(i, 'place') % {len(PLACES)} + 1 AS place,
                TIMESTAMP '{START}' + to_seconds((rnd(i, 't') % ({MONTHS} * 30 * 86400))::BIGINT)
                    AS posted,
                rnd(i, 'src') % 10 < 4 AS hn
            FROM range({n}) AS r(i)
        )
        SELECT 'p' || i, 'Machine Learning Engineer', 'Company ' || rnd(i, 'c') % 5000,
            rnd(i, 'ml') % 10 < 6, {_pick(ROLES, "i, 'role'")}, {_pick(SENIORITY, "i, 's'")},
            [], list_distinct([({SKILLS!r})[1 + rnd(i, k) % {len(SKILLS)}]
                               FOR k IN range(1 + rnd(i, 'k') % 4)]),
            CASE WHEN place < {len(PLACES)} THEN [({countries!r})[place]] ELSE [] END,
            ({countries!r})[place], ({regions!r})[place], {_pick(REMOTE, "i, 'r'")}, [],
            'unknown',
            CASE WHEN rnd(i, 'pay') % 10 < 4 THEN 80000 + rnd(i, 'lo') % 100000 END,
            CASE WHEN rnd(i, 'pay') % 10 < 4 THEN 180000 + rnd(i, 'hi') % 100000 END,
            false, posted, posted, posted + INTERVAL 20 DAY,
            CASE WHEN hn OR rnd(i, 'open') % 2 = 0 THEN 'closed' ELSE 'open' END,
            CASE WHEN hn THEN date_trunc('month', posted) + INTERVAL 1 MONTH
                 WHEN rnd(i, 'open') % 2 = 0 THEN posted + INTERVAL 20 DAY END,
            1 + (rnd(i, 'dup') % 10 = 0)::INT,
            CASE WHEN hn THEN 'hn_hiring:' ELSE 'greenhouse:' END || i
        FROM g
    """.replace("'None'", "NULL").replace("None", "NULL")
    )
    con.execute("""
        INSERT INTO posting_sources (source, source_id, role_index, posting_id, title,
            fetched_at, is_canonical)
        SELECT split_part(canonical_source, ':', 1), split_part(canonical_source, ':', 2), 0,
            posting_id, title, first_seen, true
        FROM postings
        UNION ALL
        SELECT 'remoteok', posting_id, 0, posting_id, title, first_seen, false
        FROM postings WHERE source_count = 2
    """)
    con.execute("""
        INSERT INTO normalized_postings (source, source_id, role_index, title, is_ml, role,
            seniority, subfields, skills, countries, remote, remote_scope, visa_sponsorship,
            equity, posted_at, first_seen, last_seen, fetched_at, expires_at)
        SELECT ps.source, ps.source_id, 0, p.title, p.is_ml, p.role, p.seniority, [], p.skills,
            p.countries, p.remote, [], 'unknown', false, p.posted_at, p.first_seen,
            p.last_seen, p.first_seen,
            CASE WHEN ps.source = 'hn_hiring' THEN p.closed_at END
        FROM posting_sources AS ps JOIN postings AS p USING (posting_id)
    """)
    con.execute("""
        INSERT INTO companies (company_id, name, open_postings, ml_postings, top_skills, skills,
            roles, countries, regions, remote_share, ats, hiring_velocity, first_seen, last_seen)
        SELECT 'c' || i, 'Company ' || i, 0, 1, [], [], [], [], [], 0, [], 0,
            TIMESTAMP '2024-01-01', TIMESTAMP '2026-12-01'
        FROM range(5000) AS r(i)
    """)
    con.execute("""
        INSERT INTO company_postings (posting_id, company_id)
        SELECT posting_id, 'c' || split_part(company, ' ', 2) FROM postings
    """)
    con.execute(f"""
        INSERT INTO candidate_posts (candidate_id, source, source_id, skills, roles, month)
        SELECT 'k' || i % {max(n // 50, 1)}, 'hn_wants', 'w' || i,
            [({SKILLS!r})[1 + rnd(i, 'ks') % {len(SKILLS)}]], ['ml_engineer'],
            strftime(TIMESTAMP '{START}' + to_days((rnd(i, 'km') % ({MONTHS} * 30))::INT),
                     '%Y-%m')
        FROM range({n // 10}) AS r(i)
    """)
    con.execute(f"""
        INSERT INTO crawl_records (raw_file, run_id, source, scope, source_id, crawled_at)
        VALUES ('raw/x.jsonl', 'r1', 'greenhouse', 'all', '0',
                TIMESTAMP '{START}' + INTERVAL {MONTHS} MONTH)
    """)
    con.close()


def timed(con: duckdb.DuckDBPyConnection, sql: str) -> float:
    start = time.perf_counter()
    con.execute(sql).fetchall()
    return time.perf_counter() - start


def bench(path: Path, views: list[str]) -> dict[str, float]:
    """Seconds per view (and the floors) on the warehouse at `path`."""
    con = duckdb.connect(str(path), read_only=True)
    limit(con, path)
    found = {
        r[0]
        for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    }
    times = {
        "floor: count(*)": timed(con, "SELECT count(*) FROM postings"),
        "floor: group by month, role": timed(
            con,
            "SELECT date_trunc('month', posted_at), role, count(*), avg(salary_min_usd)"
            " FROM postings GROUP BY ALL",
        ),
    }
    for view in views or sorted(found):
        try:
            times[view] = timed(con, f'CREATE OR REPLACE TEMP TABLE _t AS SELECT * FROM "{view}"')
        except duckdb.OutOfMemoryException:
            times[view] = float("nan")  # over the memory limit: printed as nan
        print(f"  {view}: {times[view]:.2f} s", flush=True)
    con.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, action="append", help="sizes (repeatable)")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/bench-queries"))
    parser.add_argument("--view", action="append", default=[], help="only these views")
    parser.add_argument("--reuse", action="store_true", help="keep a warehouse built before")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict[str, float]] = {}
    for n in args.postings or [1_000_000]:
        path = args.dir / f"postings-{n}.duckdb"
        if not (args.reuse and path.exists()):
            start = time.perf_counter()
            build(path, n)
            print(f"built {n:,} postings in {time.perf_counter() - start:.1f} s: {path}")
        start = time.perf_counter()
        con = connect(path)
        limit(con, path)
        stored: dict[str, float] = {}
        create_views(con, stored)  # what the trend_views asset does after a load
        con.execute("CHECKPOINT")
        con.close()
        refreshed = time.perf_counter() - start
        print(f"create_views (stores the pre-aggregates) in {refreshed:.1f} s", flush=True)
        for name, seconds in stored.items():
            print(f"  stored {name} in {seconds:.2f} s", flush=True)
        results[n] = {"create_views (at load)": refreshed, **bench(path, args.view)}
    sizes = list(results)
    print("| view | " + " | ".join(f"{n:,} postings (s)" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name in results[sizes[0]]:
        print(f"| {name} | " + " | ".join(f"{results[n][name]:.2f}" for n in sizes) + " |")


if __name__ == "__main__":
    main()
