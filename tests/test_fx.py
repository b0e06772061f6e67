"""Table-driven tests for conversion to annual USD and for the shipped rate table."""

from __future__ import annotations

import csv
import datetime
from importlib import resources

import pytest

from pipelines import fx
from pipelines.model import Salary

CURRENCIES = [
    "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY", "SGD", "PLN", "SEK", "NOK", "DKK",
    "BRL", "MXN", "ZAR", "NZD", "ILS", "AED", "HKD", "CNY", "KRW", "CZK", "HUF", "RON", "TRY",
]  # fmt: skip


def _salary(lo: float, hi: float, currency: str | None, period: str) -> Salary:
    return Salary(min=lo, max=hi, currency=currency, period=period, text="")


def _rows() -> list[dict[str, str]]:
    path = resources.files("pipelines").joinpath("data", "fx_rates.csv")
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# (min, max, currency, period, date, expected (min, max) in USD per year); the comment is the
# USD per unit of that month in the shipped table (the ECB's monthly mean).
ANNUAL_CASES = [
    (150_000, 200_000, "USD", "year", datetime.date(2024, 7, 1), (150_000, 200_000)),
    (75, 75, "USD", "hour", datetime.date(2024, 7, 1), (156_000, 156_000)),
    (60, 90, "USD", "hour", datetime.date(2019, 3, 15), (124_800, 187_200)),
    (800, 800, "USD", "day", datetime.date(2020, 1, 1), (208_000, 208_000)),
    (3_000, 3_000, "USD", "week", datetime.date(2021, 6, 30), (156_000, 156_000)),
    (9_000, 9_000, "USD", "month", datetime.date(2025, 2, 1), (108_000, 108_000)),
    (70_000, 90_000, "EUR", "year", datetime.date(2014, 1, 20), (95_271, 122_492)),  # 1.36102
    (100_000, 100_000, "EUR", "year", datetime.date(2022, 9, 1), (99_038, 99_038)),  # 0.990377
    (60_000, 80_000, "GBP", "year", datetime.date(2016, 7, 4), (78_966, 105_288)),  # 1.3161
    (4_000, 4_000, "EUR", "month", datetime.date(2025, 12, 31), (56_202, 56_202)),  # 1.17087
    (500, 500, "GBP", "day", datetime.date(2018, 4, 2), (183_002, 183_002)),  # 260 days, 1.40771
    (140_000, 140_000, "CHF", "year", datetime.date(2015, 6, 1), (150_156, 150_156)),  # 1.07254
    (120_000, 150_000, "CAD", "year", datetime.date(2016, 1, 1), (84_381, 105_476)),  # 0.703173
    (
        15_790_000,
        15_790_000,
        "JPY",
        "year",
        datetime.date(2024, 6, 1),
        (100_047, 100_047),
    ),  # 0.00633612
]


@pytest.mark.parametrize(("lo", "hi", "currency", "period", "on", "expected"), ANNUAL_CASES)
def test_annual_usd(lo, hi, currency, period, on, expected) -> None:
    got = fx.annual_usd(_salary(lo, hi, currency, period), on)
    assert got == pytest.approx(expected, rel=1e-3)


# A monthly rate applies to every day of its month; dates outside the table use its ends.
SAME_RATE_CASES = [
    ("EUR", datetime.date(2020, 5, 1), datetime.date(2020, 5, 31)),
    ("INR", datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)),
    ("GBP", datetime.date(2010, 6, 1), datetime.date(2014, 1, 1)),
    ("JPY", datetime.date(2031, 1, 1), datetime.date(2026, 11, 1)),
    ("TRY", datetime.date(2026, 12, 15), datetime.date(2026, 11, 30)),
]


@pytest.mark.parametrize(("currency", "a", "b"), SAME_RATE_CASES)
def test_rate_of_the_month(currency: str, a: datetime.date, b: datetime.date) -> None:
    assert fx.usd_per_unit(currency, a) == fx.usd_per_unit(currency, b)


def test_nearest_earlier_month_when_a_month_is_missing(monkeypatch) -> None:
    table = {"EUR": (["2020-01", "2020-02", "2020-05"], [1.10, 1.20, 1.50])}
    monkeypatch.setattr(fx, "_table", lambda: table)
    salary = _salary(1_000, 1_000, "EUR", "year")
    assert fx.annual_usd(salary, datetime.date(2020, 4, 10)) == (1_200, 1_200)
    assert fx.annual_usd(salary, datetime.date(2020, 5, 1)) == (1_500, 1_500)
    assert fx.annual_usd(salary, datetime.date(2019, 12, 31)) == (1_100, 1_100)


@pytest.mark.parametrize("currency", [None, "XYZ", "BTC", "usd"])
def test_unknown_currency(currency: str | None) -> None:
    salary = _salary(100_000, 120_000, currency, "year")
    assert fx.annual_usd(salary, datetime.date(2024, 1, 1)) == (None, None)


def test_table_is_complete() -> None:
    rows = _rows()
    months = [f"{y:04d}-{m:02d}" for y in range(2014, 2027) for m in range(1, 13)]
    months = [m for m in months if m <= "2026-10"]  # the ECB data runs to 2026-10-30
    assert {(r["month"], r["currency"]) for r in rows} == {
        (m, c) for m in months for c in CURRENCIES
    }
    assert len(rows) == len(months) * len(CURRENCIES)
    assert fx.currencies() == frozenset(CURRENCIES)


# Loose sanity ranges of USD per unit over 2014-2026, to catch inverted or shifted rates.
RANGE_CASES = [
    ("USD", 1.0, 1.0),
    ("EUR", 0.95, 1.40),
    ("GBP", 1.10, 1.75),
    ("CHF", 0.95, 1.35),
    ("CAD", 0.68, 0.94),
    ("AUD", 0.60, 0.95),
    ("NZD", 0.55, 0.90),
    ("INR", 1 / 100, 1 / 58),
    ("JPY", 1 / 165, 1 / 98),
    ("CNY", 1 / 7.4, 1 / 6.0),
    ("KRW", 1 / 1600, 1 / 1000),
    ("SEK", 1 / 11.5, 1 / 6.2),
    ("DKK", 1 / 7.6, 1 / 5.3),
    ("AED", 0.2720, 0.2725),
    ("HKD", 1 / 7.86, 1 / 7.74),
    ("TRY", 1 / 55, 1 / 2.0),
]


@pytest.mark.parametrize(("currency", "low", "high"), RANGE_CASES)
def test_rates_are_plausible(currency: str, low: float, high: float) -> None:
    rates = [float(r["usd_per_unit"]) for r in _rows() if r["currency"] == currency]
    assert rates
    assert all(low <= rate <= high for rate in rates)


def test_rates_source_is_recorded() -> None:
    assert "fx_rates.csv" in fx.RATES_SOURCE
    assert "ECB euro foreign exchange reference rates" in fx.RATES_SOURCE
    assert "data through 2026-10-30" in fx.RATES_SOURCE
