"""The roster as rows of plain values: one shape for the command line's exports and for frames.

Column names are a stable, documented contract (see the docs' data format page); each column is
a name and a function of the record, listed once here so that CSV, JSON Lines and DataFrames
cannot drift apart.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from typing import Any

from .model import Campaign, City, Province

Column = tuple[str, Callable[[Province, City], Any]]

CITY_COLUMNS: tuple[Column, ...] = (
    ("province_seq", lambda p, c: p.seq),
    ("province", lambda p, c: p.name),
    ("seq", lambda p, c: c.seq),
    ("name", lambda p, c: c.name),
    ("official_name", lambda p, c: c.official_name),
    ("name_en", lambda p, c: c.name_en),
    ("adcode", lambda p, c: c.adcode),
    ("level", lambda p, c: c.level),
    ("parent", lambda p, c: c.parent),
    ("prefecture_code", lambda p, c: c.prefecture_code),
    ("province_code", lambda p, c: p.code),
    ("province_official_name", lambda p, c: p.official_name),
    ("province_name_en", lambda p, c: p.name_en),
    ("source", lambda p, c: c.source),
)
"""Columns of the city table, in order: one row per implementing unit.

``name`` is as printed (鹰谭市), ``official_name`` as in the code list (鹰潭市); ``level`` is an
:class:`~skillrevival.AdminLevel` value; ``parent`` is None for prefecture-level units;
``prefecture_code`` is :attr:`City.prefecture_code`; ``province_code`` is the 2-digit code,
None for 新疆兵团.
"""

CITY_TABLE_COLUMNS: tuple[str, ...] = ("province_seq", "province", "seq", "name", "adcode", "level")
"""The columns a terminal table shows; CSV and JSON carry all of :data:`CITY_COLUMNS`."""

ProvinceColumn = tuple[str, Callable[[Province], Any]]

PROVINCE_COLUMNS: tuple[ProvinceColumn, ...] = (
    ("seq", lambda p: p.seq),
    ("name", lambda p: p.name),
    ("official_name", lambda p: p.official_name),
    ("name_en", lambda p: p.name_en),
    ("code", lambda p: p.code),
    ("adcode", lambda p: p.adcode),
    ("within", lambda p: p.within),
    ("quota", lambda p: p.quota),
    ("source", lambda p: p.source),
)
"""Columns of the province table, in order: one row per row of 附件2.

``code`` and ``adcode`` are None for 新疆兵团, whose ``within`` is 65 (Xinjiang).
"""


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
