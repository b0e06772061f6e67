"""The project's one ISO 8601 time parser."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from pipelines.times import iso_time, utc_time


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-07T10:00:00Z", datetime(2026, 3, 7, 10, tzinfo=UTC)),
        ("2026-03-07T10:00:00", datetime(2026, 3, 7, 10, tzinfo=UTC)),
        (" 2026-03-07 ", datetime(2026, 3, 7, tzinfo=UTC)),
        (
            "2026-03-07T10:00:00+09:00",
            datetime(2026, 3, 7, 10, tzinfo=timezone(timedelta(hours=9))),
        ),
        (datetime(2026, 3, 7), datetime(2026, 3, 7, tzinfo=UTC)),
        ("", None),
        ("   ", None),
        ("last Tuesday", None),
        (None, None),
        (1_700_000_000, None),
    ],
)
def test_iso_time(value, expected) -> None:
    got = iso_time(value)
    assert got == expected
    assert got is None or got.tzinfo is not None


def test_utc_time_raises_on_text_that_is_not_iso() -> None:
    with pytest.raises(ValueError):
        utc_time("07/03/2026")
