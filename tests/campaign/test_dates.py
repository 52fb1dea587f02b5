"""Dates in a document (skillrevival._campaign.dates) are read only as calendar dates written
YYYY-MM-DD, with a message that says which of the two rules failed."""

import re

import pendulum
import pytest

from skillrevival._campaign.dates import parse_iso_date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2015-04-20", pendulum.Date(2015, 4, 20)),
        ("2016-02-29", pendulum.Date(2016, 2, 29)),
        ("2016-12-31", pendulum.Date(2016, 12, 31)),
    ],
)
def test_a_date_is_read_as_written(text: str, date: pendulum.Date) -> None:
    parsed = parse_iso_date(text)
    assert isinstance(parsed, pendulum.Date)
    assert (parsed.year, parsed.month, parsed.day) == (date.year, date.month, date.day)


@pytest.mark.parametrize("text", ["2015/04/20", "2015-4-20", "2015-04-20T00:00", "20150420", ""])
def test_a_date_not_written_yyyy_mm_dd_is_refused(text: str) -> None:
    message = f"expected a date as YYYY-MM-DD, got {text!r}"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse_iso_date(text)


@pytest.mark.parametrize("text", ["2015-02-29", "2015-04-31", "2015-13-01", "2015-00-10"])
def test_a_date_not_in_the_calendar_is_refused(text: str) -> None:
    message = f"{text!r} is not a date in the calendar"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        parse_iso_date(text)
