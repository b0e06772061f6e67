"""Lifecycle: closing on a later full crawl, failed crawls, HN month expiry, reposts, and
the lifecycle bench on dated board snapshots (HAR files written here)."""

from datetime import UTC, datetime
from email.utils import format_datetime

from bench.lifecycle import crawl_snapshots, lifecycle, render, table
from pipelines.dedupe import dedupe
from pipelines.lifecycle import apply_lifecycle, month_end, union
from pipelines.versions import crawl_records
from tests.builders import (
    GREENHOUSE_BOARD,
    greenhouse_board,
    greenhouse_job,
    json_entry,
    write_entries,
)
from tests.test_dedupe import RANKING, SEARCH, row


def at(day: int, month: int = 11) -> datetime:
    return datetime(2026, month, day, 10, tzinfo=UTC)


def crawl(day: int, board: str, *ids: str, source: str = "greenhouse", month: int = 11):
    """The records of one successful crawl file of one board."""
    f = f"raw/{source}/2026-{month:02d}-{day:02d}/run-{board}-{day}.jsonl"
    return [
        (f, {"source": source, "source_id": i, "fetched_at": at(day, month).isoformat(),
             "context": {"board": board}})
        for i in ids
    ]  # fmt: skip


def run(rows, *crawls):
    postings, links = dedupe(rows)
    records = crawl_records(pair for c in crawls for pair in c)
    apply_lifecycle(postings, links, rows, records)
    return {p["posting_id"]: p for p in postings}, {x["source_id"]: x["posting_id"] for x in links}


def test_a_job_missing_from_a_later_crawl_of_its_board_closes_then():
    rows = [
        row("greenhouse", "1", "Data Scientist", SEARCH),
        row("greenhouse", "2", "Staff ML Engineer", RANKING),
    ]
    postings, ids = run(rows, crawl(1, "q", "1", "2"), crawl(8, "q", "2"))
    assert postings[ids["1"]]["status"] == "closed" and postings[ids["1"]]["closed_at"] == at(8)
    assert postings[ids["2"]]["status"] == "open" and postings[ids["2"]]["closed_at"] is None


def test_a_crawl_of_another_board_closes_nothing_on_this_one():
    rows = [
        row("greenhouse", "1", "Data Scientist", SEARCH),
        row("greenhouse", "9", "Analyst", RANKING, "Other"),
    ]
    postings, ids = run(rows, crawl(1, "q", "1"), crawl(8, "other", "9"))
    assert postings[ids["1"]]["status"] == "open"


def test_a_failed_crawl_closes_nothing():
    # The crawl of day 8 failed: it left no file, so only day 1 counts.
    rows = [row("greenhouse", "1", "Data Scientist", SEARCH)]
    postings, ids = run(rows, crawl(1, "q", "1"))
    assert postings[ids["1"]]["status"] == "open"


def test_hn_postings_close_at_the_end_of_their_threads_month():
    oct_row = row(
        "hn_hiring",
        "1",
        "Data Scientist",
        SEARCH,
        first_seen=at(20),
        expires_at=month_end("2026-10"),
    )
    nov_row = row(
        "hn_hiring",
        "2",
        "Platform Engineer",
        RANKING,
        first_seen=at(20),
        expires_at=month_end("2026-11"),
    )
    postings, ids = run([oct_row, nov_row], crawl(20, "hn", "1", "2", source="hn_hiring"))
    assert postings[ids["1"]]["status"] == "closed"
    assert postings[ids["1"]]["closed_at"] == datetime(2026, 11, 1, tzinfo=UTC)
    assert postings[ids["2"]]["status"] == "open"  # "now" is the newest crawl, not the clock


def test_a_job_that_comes_back_is_a_repost_not_a_new_posting():
    rows = [row("greenhouse", "1", "Data Scientist", SEARCH)]
    postings, ids = run(rows, crawl(1, "q", "1"), crawl(8, "q", "x"), crawl(15, "q", "1", "x"))
    [posting] = postings.values()
    assert posting["status"] == "open" and posting["repost_count"] == 1


def test_a_repost_under_a_new_ats_id_joins_the_old_posting():
    old = row("greenhouse", "1", "Data Scientist, Growth", SEARCH)
    new = row("greenhouse", "2", "Data Scientist, Growth", SEARCH, first_seen=at(15))
    postings, ids = run(
        [old, new], crawl(1, "q", "1"), crawl(8, "q", "x"), crawl(15, "q", "2", "x")
    )
    assert ids["1"] == ids["2"]
    assert postings[ids["1"]]["repost_count"] == 1 and postings[ids["1"]]["status"] == "open"


def test_union_of_intervals():
    assert union([(at(1), at(5)), (at(3), at(9)), (at(10), None)]) == [
        (at(1), at(9)),
        (at(10), None),
    ]
    assert union([(at(1), None), (at(3), at(4))]) == [(at(1), None)]


# --- bench/lifecycle.py on dated board snapshots shaped like the real time series ---------

SNAPSHOTS = {  # date -> board -> jobs listed (id, title); a board left out was not crawled
    "2026-01-05": {"acmeml": [(101, "ML Engineer"), (102, "Data Scientist"),
                              (103, "Data Analyst")],
                   "borealvision": [(201, "Computer Vision Engineer")]},
    "2026-01-19": {"acmeml": [(101, "ML Engineer"), (102, "Data Scientist"),
                              (104, "Research Scientist")]},
    "2026-02-02": {"acmeml": [(101, "ML Engineer"), (104, "Research Scientist")],
                   "borealvision": [(201, "Computer Vision Engineer")]},
    "2026-02-16": {"acmeml": [(101, "ML Engineer"), (104, "Research Scientist"),
                              (102, "Data Scientist")],
                   "borealvision": [(202, "Robotics Engineer")]},
}  # fmt: skip
BODY = {
    "ML Engineer": "Train and ship ranking models for our marketplace search.",
    "Data Scientist": "Design pricing experiments and model customer lifetime value.",
    "Data Analyst": "Build dashboards on onboarding funnels for the product team.",
    "Research Scientist": "Publish on long-context evaluation of language models.",
    "Computer Vision Engineer": "Detect defects on production lines from camera images.",
    "Robotics Engineer": "Plan grasps for arms that pick parts from moving belts.",
}


def write_snapshots(folder):
    """One HAR per date (each response's Date header is the snapshot's time) and its board
    tokens beside it, as the real history folder has them."""
    for date, boards in SNAPSHOTS.items():
        when = datetime.fromisoformat(date).replace(hour=4, tzinfo=UTC)
        entries = [
            json_entry(
                GREENHOUSE_BOARD.format(token),
                greenhouse_board(
                    [greenhouse_job(jid, title, token=token, company_name=token.title(),
                                    content=f"&lt;p&gt;{BODY[title]}&lt;/p&gt;")
                     for jid, title in jobs]
                ),
                date=format_datetime(when, usegmt=True),
            )
            for token, jobs in boards.items()
        ]  # fmt: skip
        write_entries(folder / f"{date}.har", entries)
        (folder / f"{date}.tokens").write_text(",".join(boards), encoding="utf-8")


def test_lifecycle_bench_reads_dated_snapshots_as_an_analyst_would(tmp_path):
    write_snapshots(tmp_path / "history")
    crawl_snapshots(tmp_path / "history", tmp_path / "data")
    result = lifecycle(tmp_path / "data")
    got = [
        (str(s.at.date()), s.open, s.opened, s.reopened, s.closed, s.median_days_open)
        for s in table(result)
    ]
    assert got == [
        ("2026-01-05", 4, 4, 0, 0, None),
        # 103 closed after 14 days; Boreal Vision not crawled: 201 stays open.
        ("2026-01-19", 4, 1, 0, 1, 14),
        ("2026-02-02", 3, 0, 0, 1, 28),  # 102 closed
        # 102 back (a repost of the same posting), 201 closed after 42 days, 202 new.
        ("2026-02-16", 4, 1, 1, 1, 42),
    ]
    by_title = {p["title"]: p for p in result.postings}
    assert by_title["Data Scientist"]["status"] == "open"
    assert by_title["Data Scientist"]["repost_count"] == 1
    assert by_title["Data Analyst"]["status"] == "closed"
    assert by_title["Data Analyst"]["closed_at"] == datetime(2026, 1, 19, 4, tzinfo=UTC)
    assert by_title["Computer Vision Engineer"]["last_seen"] == datetime(2026, 2, 2, 4, tzinfo=UTC)
    assert "| 2026-02-16 | 4 | 1 | 1 | 1 | 42 |" in render(table(result))
