"""Conversion of stated pay to annual US dollars, from the monthly rate table shipped in
`pipelines/data/fx_rates.csv` (columns `month,currency,usd_per_unit`), whose source and date
are in `fx_rates.meta.json`."""

from __future__ import annotations

import bisect
import csv
import datetime
import json
from functools import cache
from importlib import resources

from pipelines.model import Salary

TABLE = resources.files("pipelines").joinpath("data", "fx_rates.csv")
# The table's provenance, written by `sourcing fx refresh` next to the table.
META = resources.files("pipelines").joinpath("data", "fx_rates.meta.json")
RATES_SOURCE: str = json.loads(META.read_text(encoding="utf-8"))["description"]

# Working time per year, for annualizing pay stated per shorter period.
PERIODS_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260, "hour": 2080}


@cache
def _table() -> dict[str, tuple[list[str], list[float]]]:
    """currency -> (sorted months 'YYYY-MM', USD per unit for each month)."""
    rows: dict[str, list[tuple[str, float]]] = {}
    with TABLE.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows.setdefault(row["currency"], []).append((row["month"], float(row["usd_per_unit"])))
    table = {}
    for currency, pairs in rows.items():
        pairs.sort()
        table[currency] = ([m for m, _ in pairs], [r for _, r in pairs])
    return table


def currencies() -> frozenset[str]:
    """The ISO 4217 codes the rate table knows."""
    return frozenset(_table())


def usd_per_unit(currency: str | None, on: datetime.date | None = None) -> float | None:
    """USD for one unit of `currency` in `on`'s month (nearest earlier month in the table;
    the first month for earlier dates); the latest month when `on` is None."""
    if currency is None or currency not in _table():
        return None
    months, rates = _table()[currency]
    if on is None:
        return rates[-1]
    i = bisect.bisect_right(months, f"{on.year:04d}-{on.month:02d}") - 1
    return rates[max(i, 0)]


def annual_usd(salary: Salary, on: datetime.date) -> tuple[float | None, float | None]:
    """(min, max) in USD per year, using the rate of `on`'s month (nearest earlier month
    available); (None, None) when the currency is unknown; an open end stays None."""
    rate = usd_per_unit(salary.currency, on)
    if rate is None or salary.period not in PERIODS_PER_YEAR:
        return None, None
    factor = rate * PERIODS_PER_YEAR[salary.period]
    low = None if salary.min is None else round(salary.min * factor, 2)
    high = None if salary.max is None else round(salary.max * factor, 2)
    return low, high
