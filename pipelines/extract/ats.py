"""Helpers shared by the ATS extractors (Greenhouse, Lever, Ashby): their structured pay,
country, workplace and time fields, read the same careful way for all three."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pipelines.fx import usd_per_unit
from pipelines.model import SALARY_PERIODS, Salary
from pipelines.text import html_to_text

# A pay figure in an annual field at or below this (in USD) is an hourly rate; between this
# and _YEAR_MIN_USD it could be a month, week or day and is dropped rather than guessed.
_HOUR_MAX_USD = 300.0
_YEAR_MIN_USD = 8_000.0
_WORKPLACE = {
    "remote": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite",
    "on-site": "onsite",
    "on_site": "onsite",
    "in-office": "onsite",
}


def amount(value: Any) -> float | None:
    """A pay figure from a number or numeric string; None for 0/"0.0"/"0.01" placeholders
    (no pay is below one unit), blanks and anything that is not a number."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        return None
    return number if number >= 1 else None


def structured_salary(low: Any, high: Any, currency: Any, period: str | None) -> Salary | None:
    """A `Salary` from a source's pay fields, or None when they hold no real pay.

    Placeholders (0, "0.0", null) are ignored, a single figure is both ends, and an annual
    field holding an hourly-sized figure becomes "hour" (a figure too small for a year and too
    big for an hour is dropped, never stored as annual)."""
    lo, hi = amount(low), amount(high)
    if lo is None and hi is None:
        return None
    lo, hi = sorted((lo or hi, hi or lo))
    code = currency.strip().upper() if isinstance(currency, str) and currency.strip() else None
    period = period if period in SALARY_PERIODS else "year"
    if period == "year":
        usd = hi * (usd_per_unit(code) or 1.0)
        if usd <= _HOUR_MAX_USD:
            period = "hour"
        elif usd < _YEAR_MIN_USD:
            return None
    return Salary(
        min=lo,
        max=hi,
        currency=code,
        period=period,
        text=salary_text(lo, hi, code, period),
        currency_uncertain=code is None,
    )


def salary_text(lo: float, hi: float, currency: str | None, period: str) -> str:
    """'USD 150000-200000 per year'."""
    figures = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    if lo >= 1e6 or hi >= 1e6:  # keep big figures out of scientific notation
        figures = f"{lo:.0f}" if lo == hi else f"{lo:.0f}-{hi:.0f}"
    return " ".join(p for p in (currency, figures, f"per {period}") if p)


def country_code(value: Any) -> str | None:
    """ISO alpha-2 from an alpha-2/alpha-3 code or a country name ('United States' → 'US');
    None for regions ('European Union') and blanks."""
    if not isinstance(value, str) or not value.strip():
        return None
    import pycountry  # imported when first needed: it costs every process 0.07 s

    try:
        return pycountry.countries.lookup(value.strip()).alpha_2
    except LookupError:
        return None


def workplace(value: Any) -> str | None:
    """'remote'/'hybrid'/'onsite' from a workplace-type field ('OnSite', 'on-site', 'Hybrid');
    None for 'unspecified' and blanks."""
    if not isinstance(value, str):
        return None
    key = value.strip().lower()
    return _WORKPLACE.get(key) or _WORKPLACE.get(key.replace(" ", "-"))


def epoch_ms(value: Any) -> datetime | None:
    """A UTC datetime from milliseconds since the epoch (Lever's `createdAt`)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    return datetime.fromtimestamp(value / 1000, UTC)


def company(context: dict[str, Any], own_name: Any = None) -> str | None:
    """The board list's name for the company, else the source's own, else the board token."""
    for name in (context.get("company"), own_name, context.get("board")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def plain_or_html(plain: Any, html: Any) -> str:
    """The source's plain-text rendering when it has one, else its HTML as clean text."""
    if isinstance(plain, str) and plain.strip():
        return plain.strip()
    return html_to_text(html if isinstance(html, str) else None)


def joined(*parts: str | None) -> str:
    """Non-empty text parts as paragraphs."""
    return "\n\n".join(p.strip() for p in parts if p and p.strip())
