"""The units that a panel follows: records joined through renames and new codes, and the
prefecture tier.

Facts typed by hand from the Ministry of Civil Affairs' lists: 铜仁地区 522200 became 铜仁市
520600 in 2011 and 日喀则地区 542300 became 日喀则市 540200 in 2014 (a prefecture made a city);
儋州 was 460003 until 2002, 469003 (held by 海南 directly) from 2003 and the prefecture-level
460400 from 2015; 崇明县 310230 became 崇明区 310151 in 2016; 江北区 500105 of 重庆 ends in
2024 (两江新区 500157 took it and 渝北区); 莱芜 371200 (prefecture-level from 1992) ends when
济南 370100 absorbs it (2019). The municipalities are 北京, 天津, 上海 and 重庆.
"""

from __future__ import annotations

import pytest

import skillrevival
from skillrevival._geo.lineage import Units, prefecture_tier


@pytest.fixture(scope="module")
def units() -> Units:
    return skillrevival.geography().units()


def chain(geo: skillrevival.Geography, units: Units, code: str) -> list[tuple[str, int]]:
    """The codes and start years of the unit that the newest record of ``code`` is a state of."""
    return [(p.code, p.start) for p in units.records(units.unit(geo.place(code)))]


@pytest.mark.parametrize(
    ("code", "records"),
    [
        ("522200", [("522200", 1980), ("520600", 2011)]),
        ("520600", [("522200", 1980), ("520600", 2011)]),
        ("542300", [("542300", 1980), ("540200", 2014)]),
        ("460400", [("460029", 1988), ("460003", 1993), ("469003", 2003), ("460400", 2015)]),
        ("310230", [("310230", 1980), ("310151", 2016)]),
        ("500105", [("510211", 1980), ("500105", 1997)]),  # 四川's until 1996
        ("500157", [("500157", 2025)]),
        ("371200", [("371200", 1992)]),
        ("370100", [("370100", 1980)]),
    ],
)
def test_a_unit_is_its_records_oldest_first(
    geo: skillrevival.Geography, units: Units, code: str, records: list[tuple[str, int]]
) -> None:
    assert chain(geo, units, code) == records


def test_records_of_one_unit_share_its_key(geo: skillrevival.Geography, units: Units) -> None:
    danzhou = [geo.place(code) for code in ("460003", "469003", "460400")]
    assert len({units.unit(place) for place in danzhou}) == 1
    assert units.unit(geo.place("522200")) == units.unit(geo.place("520600"))
    assert units.unit(geo.place("500105")) != units.unit(geo.place("500157"))
    assert units.unit(geo.place("500105")) != units.unit(geo.place("500112"))
    assert units.unit(geo.place("371200")) != units.unit(geo.place("370100"))
    assert units.unit(geo.place("522200")) != units.unit(geo.place("542300"))


def test_every_record_is_in_exactly_one_unit(geo: skillrevival.Geography, units: Units) -> None:
    keys = {units.unit(place) for place in geo.records}
    held = [record for key in keys for record in units.records(key)]
    assert len(held) == len(geo.records)
    assert {id(record) for record in held} == {id(record) for record in geo.records}


@pytest.mark.parametrize(
    ("code", "year", "expected"),
    [
        ("520600", 2000, "522200"),
        ("520600", 2010, "522200"),
        ("520600", 2011, "520600"),
        ("520600", 2025, "520600"),
        ("460400", 2002, "460003"),
        ("460400", 2014, "469003"),
        ("460400", 2015, "460400"),
        ("500105", 2024, "500105"),
        ("500105", 2025, None),
        ("500157", 2024, None),
    ],
)
def test_in_year_gives_the_record_in_force(
    geo: skillrevival.Geography, units: Units, code: str, year: int, expected: str | None
) -> None:
    record = units.in_year(units.unit(geo.place(code)), year)
    assert (None if record is None else record.code) == expected


def test_municipalities(geo: skillrevival.Geography) -> None:
    assert geo.municipalities == frozenset({"110000", "120000", "310000", "500000"})


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("130600", True),  # 保定市, a prefecture-level city
        ("522200", True),  # 铜仁地区, a prefecture
        ("152900", True),  # 阿拉善盟, a league
        ("652800", True),  # 巴音郭楞蒙古自治州
        ("110000", True),  # 北京, a municipality as a whole
        ("419001", True),  # 济源, county-level, held by 河南 directly
        ("429021", True),  # 神农架林区
        ("659001", True),  # 石河子, an XPCC city
        ("469003", True),  # 儋州 under 海南 before 2015
        ("130682", False),  # 定州, a county-level city inside 保定
        ("310230", False),  # 崇明县 belongs to 上海
        ("500105", False),  # 江北区 belongs to 重庆
        ("410000", False),  # 河南省
        ("330000", False),  # 浙江省
    ],
)
def test_prefecture_tier(geo: skillrevival.Geography, code: str, expected: bool) -> None:
    assert prefecture_tier(geo, geo.place(code)) is expected
