"""Trend bench: are the trend views' monthly figures what the raw texts say?

    uv run python -m bench.trends --har HAR_DIR --threads ID,ID [--history HISTORY_DIR]
    uv run python -m bench.trends --db DATA/sourcing.duckdb [--skills a,b] [--min-n 20]

`--har` builds the warehouse from the recorded "Who is hiring?" threads in
`HAR_DIR/hn_hiring.har` (crawled by the real spider into a scratch data dir, then
`sourcing rebuild`); `--db` reads a warehouse built before. `--history` crawls dated Greenhouse
snapshots (`<date>.har` + `<date>.tokens`, oldest first, as `bench.lifecycle` does) into a
second scratch warehouse for (4). It prints:

1. each skill's monthly share of ML postings (`skill_trends`) against a plain word count of
   the same postings' texts (the source records of that month), and the largest gap in
   percentage points, over every cell and over cells with n >= --min-n; `sibling` counts the
   ML postings whose skill another role of the same post asks for (the per-role split: the
   word count sees the whole post), and `per post` is the gap with those counted as found;
   and the same over the ML postings of posts that name one role only, whose text is theirs
   alone (a post naming several roles gives each its own section's skills);
2. the same per post (comment) of each thread, every post: the skills of all the post's roles
   against a word count of its text, which leaves out the per-role split of (1);
3. per Hacker News thread month: active postings (`monthly_postings`) against the distinct
   posts (comments) of that month's thread that gave a posting: active must never be fewer;
4. per crawl of the job boards (a warehouse built from crawls on several dates): the postings
   it listed, those open at the crawl's time in `active_spans` (must be the same), and that
   week's active, new and closed postings (`weekly_postings`; active never fewer).

The plain word count looks for the skill's taxonomy aliases as whole words: case-insensitive
for aliases longer than three letters, as written for shorter ones ("Go", "TF", "R"), with no
context rules; so a gap measures what the extractor's rules (context, concept, per-role text)
change, not a ground truth.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import duckdb

from bench.lifecycle import crawl_snapshots
from pipelines.rawzone.layout import RawZone
from pipelines.skills import taxonomy
from sourcing.crawl import crawl

DEFAULT_SKILLS = (
    "python,pytorch,tensorflow,kubernetes,react,hadoop,go,spark,aws,sql,scikit-learn,java,docker"
)


def plain_pattern(aliases: list[str]) -> re.Pattern:
    """Whole-word alternation of the aliases; short ones keep their case."""
    parts = []
    for alias in sorted(aliases, key=len, reverse=True):
        word = re.escape(alias)
        parts.append(word if len(alias) <= 3 else f"(?i:{word})")
    return re.compile(r"(?<![\w.+#-])(?:" + "|".join(parts) + r")(?![\w+#]|\.\w)")


def skill_gaps(con: duckdb.DuckDBPyConnection, skills: list[str], min_n: int) -> None:
    texts = con.execute(
        "WITH roles AS (SELECT source, source_id, count(*) AS roles,"
        "   list_distinct(flatten(list(skills))) AS post_skills FROM normalized_postings"
        "   GROUP BY ALL)"
        " SELECT s.posting_id, strftime(s.started, '%Y-%m') AS month,"
        " string_agg(np.description, ' ') AS text,"
        " list_distinct(flatten(list(s.skills))) AS skills, max(r.roles) = 1 AS single_role,"
        " list_distinct(flatten(list(r.post_skills))) AS post_skills"
        " FROM active_spans s"
        " JOIN normalized_postings np USING (source, source_id, role_index)"
        " JOIN roles r USING (source, source_id)"
        " JOIN postings p ON p.posting_id = s.posting_id"
        " WHERE p.is_ml GROUP BY ALL"
    ).fetchall()
    by_month: dict[str, list[str]] = defaultdict(list)
    single: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
    # (the posting's skills, those of every role of its post) per month, beside by_month
    roles_of: dict[str, list[tuple[list[str], list[str]]]] = defaultdict(list)
    for _, month, text, found, one_role, post_skills in texts:
        by_month[month].append(text or "")
        roles_of[month].append((found, post_skills))
        if one_role:
            single[month].append((found, text or ""))
    table = taxonomy()
    view = {
        (m, s): (k, n)
        for m, s, k, n in con.execute(
            "SELECT month, skill, postings, n FROM skill_trends WHERE population = 'ml'"
        ).fetchall()
    }
    ml = dict(
        con.execute(
            "SELECT month, max(n) FROM skill_trends WHERE population = 'ml' GROUP BY month"
        ).fetchall()
    )
    worst = {"all": (0.0, None), f"n>={min_n}": (0.0, None), "per post": (0.0, None)}
    print(
        f"{'month':8} {'skill':14} {'n':>4} {'view':>7} {'words':>7} {'gap pp':>7}"
        f" {'sibling':>7} {'per post':>8}"
    )
    for skill in skills:
        pattern = plain_pattern(table[skill]["aliases"])
        for month in sorted(by_month):
            n = ml.get(month, 0)
            if not n:
                continue
            k = view.get((month, skill), (0, n))[0]
            words = sum(bool(pattern.search(t)) for t in by_month[month])
            # Texts per posting can outnumber n when a posting's records of one month differ.
            gap = (k / n - words / len(by_month[month])) * 100
            # ML postings whose skill is asked for by another role of their post (its own
            # line or section): the per-role split, which a word count of the post cannot see.
            sibling = sum(skill not in f and skill in p for f, p in roles_of[month])
            post_gap = gap + sibling / len(by_month[month]) * 100
            print(
                f"{month:8} {skill:14} {n:4} {k / n:7.1%} {words / len(by_month[month]):7.1%}"
                f" {gap:+7.1f} {sibling:7} {post_gap:+8.1f}"
            )
            for key, ok, value in (
                ("all", True, gap),
                (f"n>={min_n}", n >= min_n, gap),
                ("per post", n >= min_n, post_gap),
            ):
                if ok and abs(value) > abs(worst[key][0]):
                    worst[key] = (value, f"{skill} {month} (n={n})")
    for key, (gap, where) in worst.items():
        label = (
            f"role rows, n>={min_n}, a skill of another role of the post counted"
            if key == "per post"
            else f"{key} cells"
        )
        print(f"largest gap, {label}: {gap:+.1f} points at {where}")
    # A post naming several roles gives each role its own section's skills while its text
    # names them all: over postings from one-role records the texts are the postings' own.
    worst_single = (0.0, None)
    for skill in skills:
        pattern = plain_pattern(table[skill]["aliases"])
        for month, items in sorted(single.items()):
            if len(items) < min_n:
                continue
            found = sum(skill in f for f, _ in items) / len(items)
            words = sum(bool(pattern.search(t)) for _, t in items) / len(items)
            if abs(found - words) > abs(worst_single[0]):
                worst_single = (found - words, f"{skill} {month} (n={len(items)})")
    print(
        f"largest gap, ML postings from one-role posts (n>={min_n}): "
        f"{worst_single[0] * 100:+.1f} points at {worst_single[1]}"
    )


def post_gaps(con: duckdb.DuckDBPyConnection, skills: list[str]) -> None:
    posts = con.execute(
        "SELECT strftime(expires_at - INTERVAL 1 MICROSECOND, '%Y-%m') AS month, source_id,"
        " flatten(list(skills)) AS skills, any_value(description) AS text"
        " FROM normalized_postings WHERE source = 'hn_hiring' AND expires_at IS NOT NULL"
        " GROUP BY ALL"
    ).fetchall()
    by_month: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
    for month, _, found, text in posts:
        by_month[month].append((found, text or ""))
    table = taxonomy()
    worst = (0.0, None)
    for skill in skills:
        pattern = plain_pattern(table[skill]["aliases"])
        for month, items in sorted(by_month.items()):
            if len(items) < 20:
                continue
            found = sum(skill in f for f, _ in items) / len(items)
            words = sum(bool(pattern.search(t)) for _, t in items) / len(items)
            if abs(found - words) > abs(worst[0]):
                worst = (found - words, f"{skill} {month} (n={len(items)} posts)")
    print(f"largest gap per post, extracted vs words: {worst[0] * 100:+.1f} points at {worst[1]}")


def thread_counts(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(
        "WITH posts AS ("
        "  SELECT strftime(np.expires_at - INTERVAL 1 MICROSECOND, '%Y-%m') AS month,"
        "         count(DISTINCT np.source_id) AS posts"
        "  FROM normalized_postings np WHERE np.source = 'hn_hiring' AND np.expires_at IS NOT NULL"
        "  GROUP BY 1),"
        " active AS ("
        "  SELECT month, sum(active) AS active, sum(new) AS new FROM monthly_postings"
        "  WHERE source = 'hn_hiring' AND role = 'all' AND region = 'all' AND country = 'all'"
        "  GROUP BY 1)"
        " SELECT posts.month, posts.posts, coalesce(active.active, 0), coalesce(active.new, 0)"
        " FROM posts LEFT JOIN active USING (month) ORDER BY 1"
    ).fetchall()
    print(f"\n{'month':8} {'posts':>6} {'active':>7} {'new':>6} {'active-posts':>12}")
    fewer = 0
    for month, posts, active, new in rows:
        fewer += active < posts
        print(f"{month:8} {posts:6} {active:7} {new:6} {active - posts:+12}")
    print(f"months with fewer active postings than thread posts: {fewer} of {len(rows)}")


def lifecycle_series(con: duckdb.DuckDBPyConnection) -> None:
    """Per crawl date of the full-listing boards: the postings that crawl listed against the
    week's active, new and closed postings (`weekly_postings`); active is never fewer."""
    rows = con.execute(
        "WITH listed AS ("
        "  SELECT cr.crawled_at AS crawl_at, cr.crawled_at::DATE AS day,"
        "         strftime(cr.crawled_at, '%G-W%V') AS week,"
        "         count(DISTINCT ps.posting_id) AS listed"
        "  FROM crawl_records cr JOIN posting_sources ps USING (source, source_id)"
        "  WHERE cr.source <> 'hn_hiring' GROUP BY ALL),"
        " open_then AS ("
        "  SELECT l.crawl_at, count(DISTINCT s.posting_id) AS open_at FROM listed l"
        "  JOIN active_spans s ON s.started <= l.crawl_at"
        "  AND (s.closed IS NULL OR s.closed > l.crawl_at)"
        "  GROUP BY ALL),"
        " weekly AS ("
        "  SELECT week, sum(active) AS active, sum(new) AS new, sum(closed) AS closed"
        "  FROM weekly_postings WHERE source = 'all' AND role = 'all' AND region = 'all'"
        "  AND country = 'all' GROUP BY week)"
        " SELECT day, week, listed, coalesce(open_at, 0), active, new, closed"
        " FROM listed LEFT JOIN open_then USING (crawl_at) LEFT JOIN weekly USING (week)"
        " ORDER BY day"
    ).fetchall()
    if not rows:
        return
    print(
        f"\n{'crawl':10} {'week':8} {'listed':>6} {'open':>6} {'active':>6} {'new':>5}"
        f" {'closed':>6}"
    )
    for day, week, listed, open_at, active, new, closed in rows:
        print(f"{day!s:10} {week:8} {listed:6} {open_at:6} {active:6} {new:5} {closed:6}")
    fewer = sum(r[4] < r[2] for r in rows)
    differ = sum(r[3] != r[2] for r in rows)
    print(f"crawls whose week has fewer active postings than it listed: {fewer} of {len(rows)}")
    print(f"crawls whose open postings (active_spans) differ from those listed: {differ}")


def build(data_dir: Path, fill: Callable[[Path], object]) -> Path:
    """A warehouse in `data_dir`: `fill(data_dir)` crawls into its raw zone, then
    `sourcing rebuild` loads it exactly as a user would."""
    fill(data_dir)
    db = data_dir / "sourcing.duckdb"
    subprocess.run(
        [sys.executable, "-m", "sourcing.cli", "rebuild", "--data-dir", str(data_dir), "--db",
         str(db)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return db


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    given = parser.add_mutually_exclusive_group(required=True)
    given.add_argument("--db", help="a warehouse built from real threads")
    given.add_argument("--har", type=Path, help="a folder holding hn_hiring.har")
    parser.add_argument("--threads", help="with --har: the thread ids recorded in it (ID,ID)")
    parser.add_argument("--history", type=Path, help="dated Greenhouse snapshots, for (4)")
    parser.add_argument("--skills", default=DEFAULT_SKILLS)
    parser.add_argument("--min-n", type=int, default=20)
    args = parser.parse_args()
    if args.har and not args.threads:
        parser.error("--har needs --threads (the Hacker News thread ids recorded in the file)")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if args.har:
            har, threads = args.har / "hn_hiring.har", {"threads": args.threads}
            db = build(
                Path(tmp, "hn"),
                lambda d: crawl("hn_hiring", RawZone(d), replay=har, spider_args=threads),
            )
        con = duckdb.connect(str(db), read_only=True)
        skill_gaps(con, args.skills.split(","), args.min_n)
        post_gaps(con, args.skills.split(","))
        thread_counts(con)
        lifecycle_series(con)
        if args.history:
            history = build(Path(tmp, "history"), lambda d: crawl_snapshots(args.history, d))
            lifecycle_series(duckdb.connect(str(history), read_only=True))


if __name__ == "__main__":
    main()
