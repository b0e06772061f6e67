"""The checks behind `sourcing export leads`, `run -a` and `crawl -a`, without the CLI."""

from __future__ import annotations

from datetime import datetime

import pytest

from sourcing import filters
from sourcing.sources import check_pins, spider_arguments

LEADS = {
    "kind": "candidates",
    "skills": None,
    "role": None,
    "region": None,
    "country": None,
    "remote": False,
    "since": None,
    "min_match": None,
    "limit": None,
    "all_companies": False,
    "overlap": None,
    "profile": "full",
}


def test_lead_options_become_the_exports_filters():
    got = filters.leads(
        **{
            **LEADS,
            "skills": "PyTorch, k8s",
            "country": "de",
            "since": datetime(2024, 3, 1),
            "min_match": 0.3,
            "overlap": "Europe/Warsaw:4",
        }
    )
    assert got.skills == ["pytorch", "kubernetes"]
    assert got.country == "DE"
    assert str(got.since) == "2024-03-01"
    assert got.min_match == 0.3 and got.overlap is not None


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        ({"min_match": 0.5}, filters.Conflict, "--min-match needs --skills"),
        ({"profile": "gem", "kind": "companies"}, filters.Conflict, "--profile gem lists people"),
        ({"all_companies": True}, filters.Conflict, "--all-companies applies to --kind companies"),
        ({"role": "wizard"}, filters.InvalidFilter, "'wizard'; one of"),
        ({"country": "Germany"}, filters.InvalidFilter, "two-letter ISO country code"),
        ({"skills": "cobolx"}, filters.InvalidFilter, "not in the skills taxonomy"),
        ({"overlap": "Mars/Base:4"}, filters.InvalidFilter, "is not an IANA time zone"),
    ],
)
def test_lead_options_that_do_not_hold_say_why(change, error, words):
    with pytest.raises(error, match=words):
        filters.leads(**{**LEADS, **change})


def test_an_invalid_filter_names_its_option():
    with pytest.raises(filters.InvalidFilter) as caught:
        filters.leads(**{**LEADS, "overlap": "nonsense"})
    assert caught.value.option == "--overlap"


def test_run_pins_name_a_source_the_run_crawls():
    check_pins(["hn_hiring:threads=1"], ["hn_hiring", "greenhouse"])
    with pytest.raises(ValueError, match="which this run does not crawl"):
        check_pins(["greenhouse:boards=x"], ["hn_hiring"])
    with pytest.raises(ValueError, match="is not SOURCE:KEY=VALUE"):
        check_pins(["nowhere:threads=1"], ["hn_hiring"])


def test_crawl_arguments_are_key_value_pairs():
    assert spider_arguments(["threads=1,2", "pages=a=b"]) == {"threads": "1,2", "pages": "a=b"}
    with pytest.raises(ValueError, match="'threads' is not KEY=VALUE"):
        spider_arguments(["threads"])
