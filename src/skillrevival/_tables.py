"""The roster as rows of plain values: one shape for the command line's exports and for frames.

Column names are a stable, documented contract (see the docs' data format page); each column is
a name and a function of the record, listed once here so that CSV, JSON Lines and DataFrames
cannot drift apart.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from typing import Any

from ._model import Campaign, City, Province

Column = tuple[str, Callable[[Province, City], Any]]

CITY_COLUMNS: tuple[Column, ...] = (
    ("province_seq", lambda p, c: p.seq),
    ("province", lambda p, c: p.name),
    ("seq", lambda p, c: c.seq),
    ("name", lambda p, c: c.name),
)
"""Columns of the city table, in order: one row per implementing unit."""

ProvinceColumn = tuple[str, Callable[[Province], Any]]

PROVINCE_COLUMNS: tuple[ProvinceColumn, ...] = (
    ("seq", lambda p: p.seq),
    ("name", lambda p: p.name),
    ("quota", lambda p: p.quota),
)
"""Columns of the province table, in order: one row per row of 附件2."""


def plain(value: Any) -> Any:
    """A value as CSV and JSON hold it: enumerations by their stable string value."""
    return value.value if isinstance(value, enum.Enum) else value


def city_rows(campaign: Campaign, province: Province | None = None) -> Iterator[dict[str, Any]]:
    """One dict per city, in the notice's order; only ``province``'s cities when given."""
    rows = (province,) if province is not None else campaign.roster.provinces
    for row in rows:
        for city in row.cities:
            yield {name: plain(get(row, city)) for name, get in CITY_COLUMNS}


def province_rows(campaign: Campaign) -> Iterator[dict[str, Any]]:
    """One dict per province, in the notice's order."""
    for row in campaign.roster.provinces:
        yield {name: plain(get(row)) for name, get in PROVINCE_COLUMNS}
