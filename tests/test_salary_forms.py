"""Salary forms that real postings use and the parser once missed or misread (issue 11),
written as invented examples: one case per class of failure."""

from __future__ import annotations

import pytest

from pipelines.model import Salary
from pipelines.salary import find_salaries, one_salary

Y, MO, H, D = "year", "month", "hour", "day"

# (text, country, [(min, max, currency, period), ...])
FORMS = [
    # a short left side borrows the thousands of a grouped right side
    ("Staff Data Eng | Remote | Salary: $131-176,000 DOE", "US", [(131_000, 176_000, "USD", Y)]),
    # "+" between a figure and its multiplier
    ("Web Dev | 65-95+k DOE | Reno, NV", "US", [(65_000, 95_000, "USD", Y)]),
    # a bare range cued by an adjective before equity
    ("Founding Eng | 115-140k + generous equity", "US", [(115_000, 140_000, "USD", Y)]),
    # open ends said after the figure
    ("We will pay $135k and up for the right person.", "US", [(135_000, None, "USD", Y)]),
    ("we guarantee $17/hr minimum for part-timers", "US", [(17, None, "USD", H)]),
    # ceilings said before the figure
    ("Pay for this role is capped at $128,000/year.", "US", [(None, 128_000, "USD", Y)]),
    ("Rates not to exceed $95/hour.", "US", [(None, 95, "USD", H)]),
    # a symbol between "starts at" and the figure; a monthly figure in a stated currency
    ("Our compensation starts at ✨6500 USD✨ for this role.", None, [(6500, None, "USD", MO)]),
    # a spelled-out period after a slash
    ("Pay range: $2100 - $2600 NZD / Monthly", None, [(2100, 2600, "NZD", MO)]),
    ("Contract: €410 / Daily", None, [(410, 410, "EUR", D)]),
    # a thousands group split by a space on the right side of a range
    ("The pay band is $58,250- $97, 400 annually.", "US", [(58_250, 97_400, "USD", Y)]),
    # perks with the amount first
    ("- ¥1,900,000 lifetime benefit for fertility care", "JP", []),
    ("- $3,000 of conference expenses each year", "US", []),
    # OTE named early in a long sentence
    (
        "The OTE compensation for applicants located in the greater Denver metro area or in "
        "Austin is $140,000-$171,000 depending on level.",
        "US",
        [],
    ),
    # ... unless the sentence then names the base
    (
        "OTE is high for this role, and the base salary is $120,000-$140,000.",
        "US",
        [(120_000, 140_000, "USD", Y)],
    ),
]


@pytest.mark.parametrize(("text", "country", "expected"), FORMS)
def test_salary_forms(text: str, country: str | None, expected) -> None:
    found = find_salaries(text, country=country)
    assert [(s.min, s.max, s.currency, s.period) for s in found] == expected
    assert all(s.text in text for s in found)


def _pay(lo, hi, currency="USD", period=Y) -> Salary:
    return Salary(min=lo, max=hi, currency=currency, period=period, text=f"{lo}-{hi}")


ONE_CASES = [
    ([], None),
    ([_pay(90_000, 120_000)], (90_000, 120_000, "USD", Y)),
    # levels that meet: one range
    ([_pay(4000, 6000, period=MO), _pay(6000, 9200, period=MO)], (4000, 9200, "USD", MO)),
    # the range again with an open floor
    ([_pay(180_000, 200_000), _pay(200_000, None)], (180_000, 200_000, "USD", Y)),
    # the same pay in another currency: the first stated
    ([_pay(60_000, 80_000, "GBP"), _pay(76_000, 101_000)], (60_000, 80_000, "GBP", Y)),
    # the same pay per hour and per day
    ([_pay(None, 80, period=H), _pay(None, 700, period=D)], (None, 80, "USD", H)),
    # different pay: nothing
    ([_pay(20, None, period=H), _pay(90_000, None)], None),
    ([_pay(50_000, 60_000), _pay(150_000, 190_000)], None),
    ([_pay(100_000, 120_000), _pay(100_000, 120_000, "EUR")], (100_000, 120_000, "USD", Y)),
    ([_pay(100_000, 120_000), _pay(40_000, 50_000, "EUR")], None),
]


@pytest.mark.parametrize(("found", "expected"), ONE_CASES)
def test_one_salary(found: list[Salary], expected) -> None:
    got = one_salary(found)
    if expected is None:
        assert got is None
    else:
        assert got is not None and (got.min, got.max, got.currency, got.period) == expected
