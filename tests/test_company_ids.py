"""One company, one id: the key dedupe blocks on (legal suffixes, case, punctuation, aliases)
names the rows of `companies` and maps each posting to its company (`company_postings`)."""

import pytest

from pipelines.leads import company_id, company_postings


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
