"""Dates as the data format writes them: strict ISO ``YYYY-MM-DD``, read into ``pendulum.Date``."""

from __future__ import annotations

import re

import pendulum

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits, as ISO 8601


def parse_iso_date(text: str) -> pendulum.Date:
    """Read ``YYYY-MM-DD`` into a :class:`pendulum.Date`; raise ValueError on anything else.

    Stricter than :func:`pendulum.parse`, which also takes times, week dates and ordinals: a data
    file holds calendar dates, and an impossible one (2015-02-30) is an error, not a rollover.
    """
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {text!r}")
    year, month, day = (int(part) for part in match.groups())
    try:
        return pendulum.Date(year, month, day)
    except ValueError:
        raise ValueError(f"{text!r} is not a date in the calendar") from None
