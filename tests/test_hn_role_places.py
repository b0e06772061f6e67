"""Per-role places and work modes in invented HN comments: a role whose own line or section
names a place or a work mode has them; the other roles keep the comment's.

Every comment here was written for this test; none is taken from a real thread.
"""

from __future__ import annotations

import pytest

from pipelines.extract.hn import extract_hn
from pipelines.extract.hn.where import mode_only, own_where, place_heading
from pipelines.normalize import normalize_posting


def _postings(text: str) -> dict[str, tuple[str | None, str | None]]:
    html = "<p>".join(text.split("\n"))
    found = extract_hn({"id": 1, "text": html, "author": "someone"}).postings
    return {p.title: (p.location_text, p.remote_text) for p in found}


def test_role_line_place_beside_the_title() -> None:
    got = _postings(
        "Tallowby | Denver, CO | Onsite\nWe are hiring:\n- Senior Data Scientist (Oslo)\n"
        "- ML Engineer, Lisbon or remote\n- Founding Engineer | Leeds\n- Backend Engineer\n"
        "Email jobs@tallowby.example"
    )
    assert got["Senior Data Scientist"] == ("Oslo", "Onsite")
    assert got["ML Engineer"] == ("Lisbon or remote", "Lisbon or remote")
    assert got["Founding Engineer"] == ("Leeds", "Onsite")
    assert got["Backend Engineer"] == ("Denver, CO", "Onsite")


def test_place_headings_over_their_roles() -> None:
    got = _postings(
        "Tallowby | Seattle | ONSITE & Remote for some roles\nOpen roles:\n*INDIA:*\n"
        "- Data Engineer\n- QA Engineer\nDublin office:\n- Product Designer\n"
        "- ML Engineer (remote)\nApply at https://tallowby.example/careers"
    )
    assert got["Data Engineer"] == ("INDIA", "ONSITE & Remote for some roles")
    assert got["QA Engineer"] == ("INDIA", "ONSITE & Remote for some roles")
    assert got["Product Designer"] == ("Dublin", "ONSITE & Remote for some roles")
    assert got["ML Engineer"] == ("Dublin", "remote")


def test_a_sentence_heading_places_the_roles_below_it() -> None:
    got = _postings(
        "Tallowby | REMOTE | Full-time\nWe hire people who keep European hours.\n"
        "* Product Engineer: https://tallowby.example/jobs/1\n"
        "We also have two roles in Norway specifically:\n"
        "* Backend Engineer: https://tallowby.example/jobs/3\n"
        "* QA Engineer: https://tallowby.example/jobs/4"
    )
    assert got["Product Engineer"] == (None, "REMOTE")
    assert got["Backend Engineer"] == ("Norway", "REMOTE")
    assert got["QA Engineer"] == ("Norway", "REMOTE")


def test_roles_without_places_keep_the_comments() -> None:
    got = _postings(
        "Tallowby | Austin, TX | Hybrid\nWe're hiring:\n- Senior Backend Engineer - Payments\n"
        "- Frontend Engineer (React, TypeScript)\nEmail jobs@tallowby.example"
    )
    assert set(got.values()) == {("Austin, TX", "Hybrid")}


@pytest.mark.parametrize(
    ("line", "title", "expected"),
    [
        ("- Data Scientist (Remote, EU)", "Data Scientist", ("Remote, EU", "Remote, EU")),
        ("* Platform Engineer - Munich - $90k", "Platform Engineer", ("Munich", None)),
        ("- SRE (3 days in office)", "SRE", (None, "3 days in office")),
        # levels and employment types beside the place are no part of it
        (
            "Analyst (Entry-level, Hanoi, Hybrid)",
            "Analyst",
            ("Hanoi, Hybrid", "Hanoi, Hybrid"),
        ),
        ("- Writer (Senior, Full-time, Remote)", "Writer", (None, "Remote")),
        ("- Writer (Junior, Remote, Worldwide)", "Writer", (None, "Remote, Worldwide")),
        ("- Writer (Senior, Full-time, React)", "Writer", (None, None)),
        # a description that names a city says nothing of where the role is
        ("- Designer - builds our studio in Paris", "Designer", (None, None)),
        # specialties and tools are no places
        ("- Software Engineer - Frontend", "Software Engineer", (None, None)),
        ("- Backend Engineer (Go, Postgres)", "Backend Engineer", (None, None)),
        ("- Analyst, https://jobs.example.com/12", "Analyst", (None, None)),
        # a work mode stated first in brackets, then a remark after a comma
        (
            "- Rails Developer (Possible REMOTE, our last hire works from Leeds) - https://x.example/1",
            "Rails Developer",
            (None, "Possible REMOTE"),
        ),
        ("- Designer (Oslo, we have a lovely office)", "Designer", (None, None)),
        # a remote word keeps the scope in brackets after it
        (
            "- Staff Engineer | Oslo, Remote (Nordics) | $90k",
            "Staff Engineer",
            ("Oslo, Remote (Nordics)", "Oslo, Remote (Nordics)"),
        ),
        ("- Analyst - Remote (US/Canada)", "Analyst", ("Remote (US/Canada)", "Remote (US/Canada)")),
        # a coast or a time zone narrows the place it stands beside
        ("[2] Designer - US West Coast/UK/Spain", "Designer", ("US West Coast/UK/Spain", None)),
        (
            "- Analyst (Remote, US Central time)",
            "Analyst",
            ("Remote, US Central time", "Remote, US Central time"),
        ),
    ],
)
def test_own_where(line: str, title: str, expected: tuple[str | None, str | None]) -> None:
    assert own_where(line, title) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Toronto office:", ("Toronto", None)),
        ("*GERMANY:*", ("GERMANY", None)),
        ("REMOTE (EU)", ("REMOTE (EU)", "REMOTE (EU)")),
        ("Remote roles:", (None, "Remote")),
        # a short sentence that puts the roles below it in a place, named last
        ("We also have two roles in Norway specifically:", ("Norway", None)),
        ("Two more openings in Leeds:", ("Leeds", None)),
        # not headings: prose, other headings, a mixed-case line without a colon
        ("We have an office in Toronto:", None),
        ("We're hiring engineers in Leeds who love Go:", None),
        ("Three roles on our distributed team (HQ in Leeds):", None),
        ("Requirements:", None),
        ("Toronto", None),
    ],
)
def test_place_heading(line: str, expected: tuple[str | None, str | None] | None) -> None:
    assert place_heading(line) == expected


def test_the_roles_country_is_its_own() -> None:
    html = (
        "Tallowby | Denver, CO | Onsite<p>Open roles:<p>- Research Scientist (Oslo)"
        "<p>- Data Engineer<p>Email jobs@tallowby.example"
    )
    raw = {"source": "hn_hiring", "source_id": "1", "fetched_at": "2026-01-01T00:00:00Z"}
    postings = extract_hn({"id": 1, "text": html, "author": "someone"}).postings
    rows = {p.title: normalize_posting(p, raw, i, len(postings)) for i, p in enumerate(postings)}
    assert rows["Research Scientist"]["country"] == "NO"
    assert rows["Data Engineer"]["country"] == "US"


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        ("REMOTE (USA, LATAM, INDIA)", "REMOTE"),
        ("Remote (US)", "Remote"),
        ("Denver, CO & Remote", "Remote"),
        ("Canada", None),
    ],
)
def test_mode_only(remote: str, expected: str | None) -> None:
    assert mode_only(remote) == expected


def test_a_placed_role_keeps_the_comments_mode_not_its_places() -> None:
    got = _postings(
        "Tallowby | REMOTE (USA, Mexico) | Full-time\nOpen roles:\nMEXICO:\n- QA Engineer\n"
        "- Data Engineer\nApply at https://tallowby.example/careers"
    )
    assert got["QA Engineer"] == ("MEXICO", "REMOTE")


def test_a_header_that_sums_up_the_roles_modes_gives_a_place_only_role_none() -> None:
    """The header's "Denver, Remote (US)" repeats one role's own line: a role whose line names
    only "Denver" states no work mode, and the other role's remote words do not give it one."""
    text = (
        "Tallowby | Denver, Remote (US)\n"
        "- Staff Backend Engineer | Denver, Remote (US) | $180k\n"
        "- Account Executive | Denver | $120k\n"
        "Apply at https://tallowby.example/careers"
    )
    got = _postings(text)
    assert got["Staff Backend Engineer"][1] == "Denver, Remote (US)"
    assert got["Account Executive"] == ("Denver", None)
    html = "<p>".join(text.split("\n"))
    found = extract_hn({"id": 1, "text": html, "author": "someone"}).postings
    seller = next(p for p in found if p.title == "Account Executive")
    raw = {"source": "hn_hiring", "source_id": "1", "fetched_at": "2026-01-01T00:00:00Z"}
    assert normalize_posting(seller, raw, 1, 2)["remote"] == "unknown"


def test_a_place_inside_the_headers_remote_scope_keeps_the_remote() -> None:
    """ "REMOTE (US, INDIA)" lets remote work be done from India: a role under an "INDIA:"
    heading is remote, even where another heading says "Remote US"."""
    got = _postings(
        "Tallowby | REMOTE (US, INDIA) | Engineering\nOpen roles:\n*Remote US:*\n"
        "- Data Engineer\n*INDIA:*\n- QA Engineer\nApply at https://tallowby.example/careers"
    )
    assert got["QA Engineer"] == ("INDIA", "REMOTE")


def test_a_header_that_leaves_the_mode_to_each_role_gives_the_others_none() -> None:
    """ "ONSITE & Remote for some roles": a role that states no mode of its own has none, and
    another role's "(Onsite)" elsewhere in the comment does not give it one."""
    text = (
        "Tallowby | Leeds, UK | ONSITE & Remote for some roles | Full-time\n"
        "We build ledgers for small farms.\nHiring for:\n"
        "- Senior Platform Engineer (Rust, queues) (Onsite)\n- Staff Data Engineer (Spark)\n"
        "- Head of Sales\nEmail jobs@tallowby.example"
    )
    found = extract_hn({"id": 1, "text": "<p>".join(text.split("\n")), "author": "someone"})
    raw = {"source": "hn_hiring", "source_id": "1", "fetched_at": "2026-01-01T00:00:00Z"}
    postings = found.postings
    modes = {
        p.title: normalize_posting(p, raw, i, len(postings))["remote"]
        for i, p in enumerate(postings)
    }
    assert modes == {
        "Senior Platform Engineer": "onsite",
        "Staff Data Engineer": "unknown",
        "Head of Sales": "unknown",
    }
