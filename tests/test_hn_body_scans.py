"""The HN body readers' shortcuts find what the plain scans find."""

from __future__ import annotations

import re

import pytest

from pipelines.blurb import _SENTENCE_END
from pipelines.extract.hn.body import _ALSO_HIRING, _also_hiring_matches
from pipelines.text import lowered

_TEXTS = [
    "We are also hiring a Backend Engineer (Go) for the API team.",
    "Acme | Remote\nAlso: Senior Data Analyst (£55k) and Staff ML Engineer (£110k), same office.",
    "First line.  We ALSO need designers! And we're looking for PMs; additionally seeking SREs",
    "FDEs welcome as well. Designers are also welcome too!\n\n   plus: QA Engineers",
    "We also have many open roles across software, cloud and autonomy for software engineers.",
    "We also have a developer position open for someone with Rust experience.",
    "Nothing here.\tAlſo hiring: writers (long s).\nİ also ne\u0130d: x",
    "alsohiring: no boundary. We'realso hiring? no. Hiring also, looking for: Data Engineers",
    "",
    "also",
    ".\n\nAlso hiring data scientists.\r\nAlso: Designers",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_also_hiring_is_tried_where_a_match_can_start(text: str) -> None:
    found = [(m.span(), m.groups()) for m in _also_hiring_matches(text, lowered(text))]
    assert found == [(m.span(), m.groups()) for m in _ALSO_HIRING.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Acme builds X.  We use Go. we hire! Now? Yes.\tNo.\n\nA",
        "U.S. based. E.g. This. .A . B",
        "End.   ",
        "",
    ],
)
def test_a_sentence_end_written_space_first_splits_as_the_plain_one(text: str) -> None:
    assert _SENTENCE_END.split(text) == re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
