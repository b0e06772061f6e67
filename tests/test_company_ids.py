"""One company, one id: the key dedupe blocks on (legal suffixes, case, punctuation, aliases)
names the rows of `companies` and maps each posting to its company (`company_postings`)."""

import pytest

from pipelines.company_identity import company_id, resolve_companies
from pipelines.leads import company_postings


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lumenforge AI, Inc.", "lumenforge ai"),
        ("Acme GmbH", "ACME"),
        ("The Quill Metrics Company Ltd", "Quill Metrics Company"),
    ],
)
def test_spellings_of_one_company_share_an_id(a, b):
    assert company_id(a) == company_id(b) is not None


def test_different_companies_keep_different_ids():
    assert company_id("Lumen AI") != company_id("Lumen Labs")


@pytest.mark.parametrize("name", [None, "", "  ", "(YC W24)"])
def test_no_usable_name_no_id(name):
    assert company_id(name) is None


def test_postings_without_a_company_are_left_out_of_the_mapping():
    rows = company_postings([{"posting_id": "a", "company": "Acme"}, {"posting_id": "b"}])
    assert rows == [{"posting_id": "a", "company_id": company_id("ACME Inc.")}]


def _posting(pid, company, url):
    return {"posting_id": pid, "company": company, "url": url}


BOARDS = {
    "ashby": "https://jobs.ashbyhq.com/{}/0b6f3a1e-1111-4a2b-9c3d-000000000001",
    "greenhouse": "https://boards.greenhouse.io/{}/jobs/7214403002",
    "lever": "https://jobs.lever.co/{}/5a0e6f7e-2222-4b3c-8d4e-000000000002",
}


@pytest.mark.parametrize(
    ("token", "name", "ats"),
    [
        ("lumenforge", "Lumenforge AI", "ashby"),  # the token leaves out a generic last word
        ("parallaxbio", "Parallax Bio", "lever"),  # the token is the name without spaces
        ("quillhq", "Quill", "greenhouse"),  # the token adds one
    ],
)
def test_a_board_token_joins_the_company_it_spells(token, name, ats):
    rows = [
        _posting("a", name, "https://news.ycombinator.com/item?id=1"),
        _posting("b", token, BOARDS[ats].format(token)),
        _posting("c", f"{name}, Inc.", "https://example.com/jobs/1"),
    ]
    resolved = resolve_companies(rows)
    assert {c.company_id for c in resolved.values()} == {company_id(name)}
    assert {c.name for c in resolved.values()} == {name}
    assert {r["company_id"] for r in company_postings(rows)} == {company_id(name)}


def test_a_token_that_fits_two_companies_joins_neither():
    rows = [
        _posting("a", "Lumen AI", "https://example.com/a"),
        _posting("b", "Lumen Labs", "https://example.org/b"),
        _posting("c", "lumen", BOARDS["lever"].format("lumen")),
    ]
    resolved = resolve_companies(rows)
    assert len({c.company_id for c in resolved.values()}) == 3
    assert resolved["c"].name == "lumen"


def test_a_display_name_that_looks_like_a_token_is_not_a_token():
    # the name is lower case but is not the token of any of the posting's links
    rows = [_posting("a", "lumen", "https://example.com/jobs/1"), _posting("b", "Lumen AI", None)]
    resolved = resolve_companies(rows)
    assert resolved["a"].company_id != resolved["b"].company_id


def test_a_company_known_only_by_its_token_is_named_as_its_text_spells_it():
    rows = [_posting("a", "cerebrassystems", BOARDS["greenhouse"].format("cerebrassystems"))]
    text = {"a": "At Cerebras Systems we build wafer-scale chips. Join Cerebras Systems."}
    assert resolve_companies(rows, descriptions=text)["a"].name == "Cerebras Systems"
    assert resolve_companies(rows)["a"].name == "cerebrassystems"  # no text: the token stays


def test_a_token_joins_the_company_whose_other_board_has_it():
    rows = [
        _posting("a", "Nimbus Forge", BOARDS["greenhouse"].format("nimbus")),
        _posting("b", "nimbus", BOARDS["ashby"].format("nimbus")),
    ]
    resolved = resolve_companies(rows)
    assert resolved["a"] == resolved["b"] and resolved["b"].name == "Nimbus Forge"
