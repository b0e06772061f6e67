"""CSV cells a spreadsheet opens as text, never as a formula (CSV injection).

A text cell starting with `=`, `+`, `-`, `@`, tab or carriage return, after any spaces (some
importers trim them), is prefixed with `'`, so Excel, LibreOffice and Google Sheets show it
as written and run nothing; numbers stay numbers.
Used by every CSV the project writes for people to open: lead exports and `sourcing query`."""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: str) -> str:
    """A CSV text cell that a spreadsheet would run as a formula, made plain text."""
    return "'" + value if value.lstrip(" ").startswith(FORMULA_START) else value
