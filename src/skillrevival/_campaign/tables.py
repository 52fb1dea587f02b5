"""The one registry of the tables' columns: name, how to get the value, English and Chinese label.

Column names are a stable, documented contract (see the docs' data format page). Everything that
shows a column reads it here, so that nothing can drift apart: the command line's exports (CSV,
JSON Lines), the DataFrames of :mod:`skillrevival.frames` (and their public ``PANEL_COLUMNS`` and
``FLAG_COLUMNS``), the labels of the files they write (Stata variable labels, Excel's ``about``
sheet, Parquet field descriptions) and the headings of the docs' roster tables.

A Chinese label is the notice's own word where it has one: 序号, 地区 and 数量 are the headings
of 附件2, and a city's name is what its column calls it, 实施城市. 地区 (not 省份) because a row
of 附件2 may be a region that is no province (新疆兵团); ``level`` is 单位类型 (the kind of
unit: 地级市 and 自治州 are of one rank), ``parent`` 上级单位代码.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .model import Campaign, Province


class Column(NamedTuple):
    """A column of a table: its name, its labels, and how to get its value from the records.

    ``get`` takes the province and the city (a city table) or the province (the province table);
    it is None for the columns that :mod:`skillrevival.frames` computes a whole column at a time
    (the treatment panel's, the flags').
    """

    name: str
    en: str
    zh: str
    get: Callable[..., Any] | None = None

    @property
    def label(self) -> str:
        """The label the files give the column: ``English (中文)``."""
        return f"{self.en} ({self.zh})"


class Table(NamedTuple):
    """A table: its name (the sheet, the frame's ``attrs["table"]``), title and columns in order."""

    name: str
    title: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The columns' names, in order."""
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column | None:
        """The column called ``name``, or None."""
        return next((column for column in self.columns if column.name == name), None)


CITIES = Table(
    "cities",
    "The 100 implementing units of 人社部函〔2015〕67号 附件2",
    (
        Column("province_seq", "Row of the province in 附件2", "地区序号", lambda p, c: p.seq),
        Column("province", "Province as printed in 附件2", "地区", lambda p, c: p.name),
        Column("seq", "Position in its row of 附件2", "序号", lambda p, c: c.seq),
        Column("name", "Name as printed in the notice", "实施城市", lambda p, c: c.name),
        Column(
            "official_name",
            "Official name in the code list",
            "规范名称",
            lambda p, c: c.official_name,
        ),
        Column("name_en", "English name", "英文名称", lambda p, c: c.name_en),
        Column("adcode", "Code of the unit (GB/T 2260)", "行政区划代码", lambda p, c: c.adcode),
        Column("level", "Kind of administrative unit", "单位类型", lambda p, c: c.level),
        Column("parent", "Code of the unit that holds it", "上级单位代码", lambda p, c: c.parent),
        Column(
            "prefecture_code",
            "Prefecture-level unit it rolls up into",
            "所属地级单位代码",
            lambda p, c: c.prefecture_code,
        ),
        Column("province_code", "Province code, 2 digits", "省级代码", lambda p, c: p.code),
        Column(
            "province_official_name",
            "Province, official name",
            "地区规范名称",
            lambda p, c: p.official_name,
        ),
        Column(
            "province_name_en", "Province, English name", "地区英文名称", lambda p, c: p.name_en
        ),
        Column("source", "Source of the record", "来源", lambda p, c: c.source),
    ),
)
"""The city table, one row per implementing unit.

``name`` is as printed (鹰谭市), ``official_name`` as in the code list (鹰潭市); ``level`` is an
:class:`~skillrevival.AdminLevel` value; ``parent`` is None for prefecture-level units;
``prefecture_code`` is :attr:`City.prefecture_code`; ``province_code`` is the 2-digit code,
None for 新疆兵团.
"""

PROVINCES = Table(
    "provinces",
    "The 32 rows of 附件2 of 人社部函〔2015〕67号, with their quotas",
    (
        Column("seq", "Row of the province in 附件2", "序号", lambda p: p.seq),
        Column("name", "Province as printed in 附件2", "地区", lambda p: p.name),
        Column(
            "official_name", "Official name in the code list", "规范名称", lambda p: p.official_name
        ),
        Column("name_en", "English name", "英文名称", lambda p: p.name_en),
        Column("code", "Province code, 2 digits", "省级代码", lambda p: p.code),
        Column("adcode", "Code of the province (GB/T 2260)", "行政区划代码", lambda p: p.adcode),
        Column(
            "within", "Province its units lie in (新疆兵团)", "所在省份代码", lambda p: p.within
        ),
        Column("quota", "Quota of implementing cities", "数量", lambda p: p.quota),
        Column("source", "Source of the record", "来源", lambda p: p.source),
    ),
)
"""The province table, one row per row of 附件2.

``code`` and ``adcode`` are None for 新疆兵团, whose ``within`` is 65 (Xinjiang).
"""

PANEL = Table(
    "panel",
    "Treatment panel of the second-batch Hundred Cities Skills Revitalization Campaign",
    (
        Column("adcode", "Code of the unit (GB/T 2260)", "行政区划代码"),
        Column("code_in_year", "Code in that year's list", "当年代码"),
        Column("year", "Year (list in force at 31 December)", "年份"),
        Column("province_code", "Province code, 2 digits", "省级代码"),
        Column("treated", "Implementing unit, year >= 2015", "实施城市且已实施"),
        Column("first_treated", "First year treated (2015)", "首次实施年份"),
        Column("event_time", "Years since first treated", "相对实施年份"),
        Column("phase", "Phases of 附件1 五 in the year", "实施阶段"),
        Column("exposure_months", "Months of the year in the campaign", "实施月数"),
        Column("unit_id", "Numeric id of the unit (for xtset)", "单位编号"),
        Column("roster_adcode", "Implementing unit it is or lies in", "所属实施单位代码"),
    ),
)
"""The treatment panel of :func:`skillrevival.frames.treatment_panel`, one row per unit and year."""

FLAGS = Table(
    "flags",
    "Places named in a column, flagged",
    (
        Column("code", "Code of the place named, in the year's list", "行政区划代码"),
        Column("name", "Official name of the place named", "规范名称"),
        Column("level", "Kind of administrative unit", "单位类型"),
        Column("implementing", "Is itself an implementing unit", "是否为实施单位"),
        Column("adcode", "Code of the implementing unit as of the notice", "实施单位代码"),
        Column("status", "Match status (MatchStatus)", "匹配结果"),
        Column("treated", "Is or lies in an implementing unit", "是否受实施覆盖"),
    ),
)
"""The flags of :func:`skillrevival.frames.flag`, one row per entry of the column flagged."""

TABLES: dict[str, Table] = {table.name: table for table in (CITIES, PROVINCES, PANEL, FLAGS)}
"""Every table by name, in this order."""

ROSTER_TABLES: tuple[str, ...] = ("cities", "provinces")
"""The tables of the roster, which the command line's ``export`` writes (cities by default)."""

CITY_COLUMNS: tuple[Column, ...] = CITIES.columns
"""Columns of the city table, in order."""

PROVINCE_COLUMNS: tuple[Column, ...] = PROVINCES.columns
"""Columns of the province table, in order."""

CITY_TABLE_COLUMNS: tuple[str, ...] = ("province_seq", "province", "seq", "name", "adcode", "level")
"""The columns a terminal table shows; CSV and JSON carry all of :data:`CITY_COLUMNS`."""

FORMATS: tuple[str, ...] = ("csv", "json", "jsonl", "dta", "xlsx", "parquet")
"""The formats a table is written in, each also the file suffix it is taken from."""

TEXT_FORMATS: tuple[str, ...] = ("csv", "json", "jsonl")
"""The formats that can go to a terminal (standard output); the others need a file."""


def column(name: str, table: str | None = None) -> Column | None:
    """The column ``name`` of ``table``; else (a table not in the registry, a column that a frame
    gained by a join) the first table's column of that name, or None when no table has one."""
    own = TABLES.get(table or "")
    found = own.column(name) if own is not None else None
    if found is None:
        found = next((c for known in TABLES.values() if (c := known.column(name))), None)
    return found


def plain(value: Any) -> Any:
    """A value as CSV and JSON hold it: enumerations by their stable string value."""
    return value.value if isinstance(value, enum.Enum) else value


def _getters(table: Table) -> list[tuple[str, Callable[..., Any]]]:
    return [(c.name, c.get) for c in table.columns if c.get is not None]


def city_rows(campaign: Campaign, province: Province | None = None) -> Iterator[dict[str, Any]]:
    """One dict per city, in the notice's order; only ``province``'s cities when given."""
    getters = _getters(CITIES)
    for row in (province,) if province is not None else campaign.roster.provinces:
        for city in row.cities:
            yield {name: plain(get(row, city)) for name, get in getters}


def province_rows(campaign: Campaign) -> Iterator[dict[str, Any]]:
    """One dict per province, in the notice's order."""
    getters = _getters(PROVINCES)
    for row in campaign.roster.provinces:
        yield {name: plain(get(row)) for name, get in getters}


def rows(table: str, campaign: Campaign) -> Iterator[dict[str, Any]]:
    """The rows of the roster's table ``table`` (one of :data:`ROSTER_TABLES`)."""
    return city_rows(campaign) if table == "cities" else province_rows(campaign)
