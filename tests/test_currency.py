import re

import pytest

from pipelines.currency import CODE_PATTERN, SIGN_CLASS, country_currency


@pytest.mark.parametrize(
    ("country", "code"),
    [
        ("DE", "EUR"),
        ("UK", "GBP"),
        ("SE", "SEK"),
        ("AR", "ARS"),
        ("KE", "KES"),
        (None, None),
        ("ZZ", None),
    ],
)
def test_country_currency_from_the_table_then_geonames(country, code):
    assert country_currency(country) == code


@pytest.mark.parametrize("text", ["€90k", "£70,000", "$150k", "₪400k", "¥8M", "₩68,000,000"])
def test_sign_class_sees_every_sign_the_tables_read(text):
    assert re.search(SIGN_CLASS, text)


def test_sign_class_ignores_letters_and_digits():
    assert not re.search(SIGN_CLASS, "R 500 kr 90 Ft 12")


def test_code_pattern_matches_whole_codes_only():
    assert re.fullmatch(CODE_PATTERN, "CHF")
    assert not re.fullmatch(CODE_PATTERN, "XYZ")
