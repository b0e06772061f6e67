"""The `greenhouse`, `lever` and `ashby` spiders, crawled for real (in a subprocess) against
recorded responses."""

import json

import pytest

from pipelines.rawzone.layout import RawZone
from sourcing.crawl import CrawlError, crawl
from spiders.sources.ats import ATS_NAMES, board_tokens, load_boards
from tests.builders import (
    ASHBY_BOARD,
    GREENHOUSE_BOARD,
    LEVER_BOARD,
    ashby_job,
    greenhouse_board,
    greenhouse_job,
    json_entry,
    lever_posting,
    write_entries,
)

# name → (board URL template, board document for a list of jobs, a job builder)
ATS = {
    "greenhouse": (
        GREENHOUSE_BOARD,
        greenhouse_board,
        lambda i, t, tok: greenhouse_job(i, t, token=tok),
    ),
    "lever": (LEVER_BOARD, list, lambda i, t, tok: lever_posting(f"p-{i}", t, token=tok)),
    "ashby": (
        ASHBY_BOARD,
        lambda jobs: {"jobs": jobs},
        lambda i, t, tok: ashby_job(f"a-{i}", t, token=tok),
    ),
}
BOARDS_YAML = """\
boards:
  - {name: Acme Machine Learning, ats: greenhouse, token: acmeml, careers_url: "https://acme.example/jobs"}
  - {name: Acme Machine Learning, ats: lever, token: acmeml, careers_url: "https://acme.example/jobs"}
  - {name: Acme Machine Learning, ats: ashby, token: acmeml, careers_url: "https://acme.example/jobs"}
  - {name: Beta Vision, ats: greenhouse, token: betavision, careers_url: null}
"""


def read(result):
    return (
        [json.loads(line) for line in result.path.read_text().splitlines()] if result.path else []
    )


def board(name, token, titles, start=1):
    url, doc, job = ATS[name]
    return json_entry(
        url.format(token), doc([job(start + i, t, token) for i, t in enumerate(titles)])
    )


@pytest.fixture
def boards_file(tmp_path):
    path = tmp_path / "boards.yaml"
    path.write_text(BOARDS_YAML)
    return path


def run(name, tmp_path, entries, boards=None, boards_file=None):
    har = write_entries(tmp_path / f"{name}.har", entries)
    settings = {"ATS_BOARDS_FILE": str(boards_file)} if boards_file else None
    args = {"boards": boards} if boards else None
    return crawl(name, RawZone(tmp_path), replay=har, spider_args=args, settings=settings)


@pytest.mark.parametrize("name", list(ATS))
def test_each_job_of_each_pinned_board_is_one_verbatim_record(name, tmp_path, boards_file):
    entries = [
        board(name, "acmeml", ["ML Engineer", "Data Scientist"]),
        board(name, "zeta", ["SRE"], 7),
    ]
    result = run(name, tmp_path, entries, boards="acmeml,zeta", boards_file=boards_file)
    records = read(result)
    assert len(records) == 3
    first = records[0]
    url, doc, job = ATS[name]
    assert first["source"] == name
    assert first["record"] == job(1, "ML Engineer", "acmeml")  # exactly as the source sent it
    assert first["request_url"] == url.format("acmeml")
    assert first["context"] == {
        "board": "acmeml",
        "company": "Acme Machine Learning",
        "careers_url": "https://acme.example/jobs",
    }
    assert records[2]["context"] == {"board": "zeta", "company": None, "careers_url": None}
    assert first["fetched_at"] == "2026-11-01T18:00:00+00:00"
    assert result.stats[f"{name}/boards"] == 2 and result.stats[f"{name}/jobs"] == 3


@pytest.mark.parametrize(
    ("name", "source_id", "url"),
    [
        ("greenhouse", "1", "https://job-boards.greenhouse.io/acmeml/jobs/1"),
        ("lever", "p-1", "https://jobs.lever.co/acmeml/p-1"),
        ("ashby", "a-1", "https://jobs.ashbyhq.com/acmeml/a-1"),
    ],
)
def test_source_id_and_url_are_the_sources_own(name, source_id, url, tmp_path):
    result = run(name, tmp_path, [board(name, "acmeml", ["ML Engineer"])], boards="acmeml")
    record = read(result)[0]
    assert (record["source_id"], record["url"]) == (source_id, url)


@pytest.mark.parametrize("name", list(ATS))
def test_without_boards_the_shipped_list_is_read_for_this_ats_only(name, tmp_path, boards_file):
    entries = [board(name, "acmeml", ["ML Engineer"]), board(name, "betavision", ["CV Researcher"])]
    result = run(name, tmp_path, entries, boards_file=boards_file)
    boards = {r["context"]["board"] for r in read(result)}
    assert boards == ({"acmeml", "betavision"} if name == "greenhouse" else {"acmeml"})
    assert result.summary["not_recorded"] == 0  # no other ATS's boards were asked for


@pytest.mark.parametrize("name", list(ATS))
def test_a_missing_board_is_logged_and_counted_not_fatal(name, tmp_path):
    result = run(name, tmp_path, [board(name, "acmeml", ["ML Engineer"])], boards="gone,acmeml")
    assert result.items == 1
    assert result.stats[f"{name}/boards_failed"] == 1
    assert result.summary["not_recorded"] == 1


@pytest.mark.parametrize("name", list(ATS))
def test_a_malformed_board_is_logged_and_counted_and_the_others_load(name, tmp_path):
    url = ATS[name][0]
    wrong_shape = {"ok": False} if name == "lever" else [{"id": 1}]
    entries = [
        board(name, "acmeml", ["ML Engineer"]),
        json_entry(url.format("html"), b"<html>maintenance</html>"),
        json_entry(url.format("shape"), wrong_shape),
    ]
    result = run(name, tmp_path, entries, boards="html,acmeml,shape")
    assert result.items == 1
    assert result.stats[f"{name}/boards_malformed"] == 2
    assert result.summary["errors"] == 2


@pytest.mark.parametrize("name", list(ATS))
def test_only_malformed_boards_fail_the_crawl_with_a_clear_message(name, tmp_path):
    entries = [json_entry(ATS[name][0].format("acmeml"), b"<html>oops")]
    with pytest.raises(CrawlError, match="no records: 0 HTTP errors, 1 errors logged"):
        run(name, tmp_path, entries, boards="acmeml")
    assert not list(tmp_path.glob("raw/**/*.jsonl*"))


@pytest.mark.parametrize("name", list(ATS))
def test_an_empty_board_yields_nothing_and_is_counted(name, tmp_path):
    result = run(name, tmp_path, [board(name, "acmeml", [])], boards="acmeml")
    assert result.items == 0 and result.path is None
    assert result.stats[f"{name}/boards_empty"] == 1
    assert result.summary["errors"] == 0


def test_jobs_without_an_id_are_counted_and_skipped(tmp_path):
    jobs = [greenhouse_job(1, "ML Engineer"), {"title": "no id"}, "not a job"]
    entries = [json_entry(GREENHOUSE_BOARD.format("acmeml"), greenhouse_board(jobs))]
    result = run("greenhouse", tmp_path, entries, boards="acmeml")
    assert result.items == 1
    assert result.stats["greenhouse/jobs_without_id"] == 2


def test_lever_is_asked_for_the_whole_board_in_one_request(tmp_path):
    """Lever returns every posting when no `limit` is sent; the request is exactly `?mode=json`."""
    postings = [lever_posting(f"p-{i}", f"Role {i}") for i in range(150)]
    entries = [json_entry("https://api.lever.co/v0/postings/acmeml?mode=json", postings)]
    result = run("lever", tmp_path, entries, boards="acmeml")
    assert result.items == 150
    assert result.summary["not_recorded"] == 0


def test_board_tokens_are_checked():
    assert board_tokens(" acmeml, beta ,,") == ["acmeml", "beta"]
    with pytest.raises(ValueError, match="boards must be board tokens"):
        board_tokens("https://boards.greenhouse.io/acmeml")


def test_the_shipped_board_list_names_at_least_40_companies():
    boards = load_boards()
    assert len(boards) >= 40
    assert {"greenhouse", "lever", "ashby"} <= {b.ats for b in boards} <= set(ATS_NAMES)
    assert all(b.name and b.careers_url for b in boards)
    assert len({(b.ats, b.token) for b in boards}) == len(boards)


def test_a_board_list_entry_without_an_ats_is_a_clear_error(tmp_path):
    path = tmp_path / "boards.yaml"
    path.write_text("boards:\n  - {name: X, token: x}\n")
    with pytest.raises(ValueError, match="board #1 needs a token and an ats"):
        load_boards(path)
