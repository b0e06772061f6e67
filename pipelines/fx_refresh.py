"""The monthly USD rate table rebuilt from the ECB's historical euro reference rates.

The ECB publishes `eurofxref-hist.zip`: one CSV, newest day first, a `Date` column then one
column per currency holding units per euro ("N/A" when not quoted, and a trailing comma on
every line). USD per unit of X on a day is (USD per EUR) / (X per EUR); a month's rate is the
mean of its days. Pure functions: the download and the file writes live in `sourcing/fx.py`.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

ECB_HIST_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
# Currencies the ECB does not quote but that are pegged to the dollar: units per USD.
USD_PEGS = {"AED": 3.6725}

Row = tuple[str, str, float]  # (month 'YYYY-MM', currency, USD per unit)


@dataclass
class Refresh:
    rows: list[Row]
    first_month: str
    last_month: str
    data_through: str  # the newest ECB day used, 'YYYY-MM-DD'
    from_ecb: int = 0
    pegged: int = 0
    kept: list[str] = field(default_factory=list)  # 'YYYY-MM CUR' rows kept from the old table


def ecb_csv(zip_bytes: bytes) -> str:
    """The text of the single CSV inside the ECB's zip."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(zip_bytes))
    except zipfile.BadZipFile as exc:
        raise ValueError(f"the ECB download is not a zip file: {exc}") from exc
    with archive:
        names = [n for n in archive.namelist() if n.lower().endswith(".csv")]
        if len(names) != 1:
            raise ValueError(f"expected one CSV in the ECB zip, found {names or 'none'}")
        return archive.read(names[0]).decode("utf-8-sig")


def monthly_usd_rates(csv_text: str, start: str) -> tuple[dict[tuple[str, str], float], str]:
    """((month, currency) -> mean USD per unit over the month's days, newest day) from the
    ECB CSV, for months from `start` on. EUR is the EUR/USD rate itself; USD is 1."""
    reader = csv.DictReader(io.StringIO(csv_text), skipinitialspace=True)
    if not reader.fieldnames or "Date" not in reader.fieldnames or "USD" not in reader.fieldnames:
        raise ValueError("not an ECB rates CSV: no Date or USD column")
    daily: dict[tuple[str, str], list[float]] = defaultdict(list)
    newest = ""
    for line in reader:
        day = (line.get("Date") or "").strip()
        usd_per_eur = _number(line.get("USD"))
        if len(day) != 10 or day[:7] < start or usd_per_eur is None:
            continue
        newest = max(newest, day)
        month = day[:7]
        daily[(month, "EUR")].append(usd_per_eur)
        daily[(month, "USD")].append(1.0)
        for currency, value in line.items():
            per_eur = _number(value)
            if currency and currency not in ("Date", "USD") and per_eur:
                daily[(month, currency.strip())].append(usd_per_eur / per_eur)
    return {key: fmean(values) for key, values in daily.items()}, newest


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:  # "N/A"
        return None


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while (label := f"{year:04d}-{month:02d}") <= last:
        out.append(label)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def refresh_table(zip_bytes: bytes, existing: list[Row], start: str = "2014-01") -> Refresh:
    """The new table for the currencies of `existing`, from `start` to the ECB's newest
    month: ECB monthly means where the ECB quotes the currency, the peg for pegged ones,
    else the existing row for that month (reported in `kept`)."""
    rates, newest = monthly_usd_rates(ecb_csv(zip_bytes), start)
    if not newest:
        raise ValueError(f"the ECB file has no USD rates from {start} on")
    old = {(m, c): r for m, c, r in existing}
    currencies = list(dict.fromkeys(c for _, c, _ in existing))
    result = Refresh([], start, newest[:7], newest)
    for month in _months(start, newest[:7]):
        for currency in currencies:
            if currency in USD_PEGS:
                rate, result.pegged = 1 / USD_PEGS[currency], result.pegged + 1
            elif (month, currency) in rates:
                rate, result.from_ecb = rates[(month, currency)], result.from_ecb + 1
            elif (month, currency) in old:
                rate = old[(month, currency)]
                result.kept.append(f"{month} {currency}")
            else:
                continue
            result.rows.append((month, currency, float(f"{rate:.6g}")))
    return result


def table_csv(rows: list[Row]) -> str:
    """The rows as `fx_rates.csv` text (`month,currency,usd_per_unit`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["month", "currency", "usd_per_unit"])
    writer.writerows((m, c, f"{r:.6g}") for m, c, r in rows)
    return out.getvalue()


def describe(refresh: Refresh, url: str, retrieved: str) -> str:
    """The table's provenance, as `fx.RATES_SOURCE` reports it."""
    pegs = ", ".join(f"{c} from its USD peg ({p} {c}/USD)" for c, p in USD_PEGS.items())
    kept = ""
    if refresh.kept:
        kept = f"; {len(refresh.kept)} rows the ECB lacks kept from the previous table"
    return (
        f"pipelines/data/fx_rates.csv: monthly means of the ECB euro foreign exchange reference "
        f"rates ({url}, retrieved {retrieved}, data through {refresh.data_through}) for "
        f"{refresh.first_month}..{refresh.last_month}, converted to USD per unit through the "
        f"EUR/USD rate; {pegs}{kept}."
    )
