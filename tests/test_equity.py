"""Equity offered as pay, and the other senses of "equity" (invented texts)."""

import pytest

from pipelines.equity import has_equity
from pipelines.salary import has_equity as reexported

CASES = [
    # offered
    ("Competitive pay\n- Company Stock-Options\n- Great team", True),
    ("€50,000 - €60,000 + share appreciation rights (SARs)", True),
    ("Total compensation may also include Restricted Stock Units and a bonus.", True),
    ("- 401(k) Matching\n- Employee Stock Incentive Plan.", True),
    ("$150k + 0.5% equity", True),
    ("Generous ESOP for every hire", True),
    ("Comp: 40-60k + ESOPs", True),  # the plural
    ("Early hires get VSOPs", True),
    ("RSUs vest over four years", True),
    # other senses
    ("Creative that builds brand equity across markets.", False),
    ("Balance long-term equity with short-term performance in a brand plan.", False),
    ("Support clients on venture financing (SAFE, convertible debt, and equity).", False),
    ("Administer stock option plans and manage cap tables for clients.", False),
    ("Our tools help founders manage their equity. Managing equity shouldn't be hard.", False),
    ("We take seriously our commitment to equality and equity.", False),
    ("Design rooted in equity, diversity, and justice.", False),
    ("Equity Analysis and Practice: you know your group identities.", False),
    ("- 401k with matching\n- Employee stock purchase plan", False),
    ("SARS-CoV-2 research lab", False),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_has_equity(text: str, expected: bool) -> None:
    assert has_equity(text) is expected


def test_salary_module_reexports_it() -> None:
    assert reexported is has_equity


def test_a_sentence_is_searched_when_it_holds_a_word_some_match_needs() -> None:
    # Sentences without an equity word are skipped; a lone "SAR" holds "sar", not "sars".
    assert has_equity("Stock photos by our team. Pay: base plus SAR grants.")
    assert has_equity("Pay in ſtock options. We are a small team.")
    assert not has_equity("Stock photos by our team. Pay: base plus a bonus.")
