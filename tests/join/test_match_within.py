"""roster.match for places inside or around the roster's units (within, contains), a year per
row, and the tier a column names (level=).

Expected values were typed by hand from the Ministry of Civil Affairs' code lists and 附件2 of
人社部函〔2015〕67号: 苏州 320500 is on the roster; 吴中区 320506 is a district of 苏州 (made
from 吴县市 320586 at the turn of 2001), 昆山市 320583 a county-level city under 苏州; 上海's
roster units are 嘉定区 310114, 虹口区 310109, 宝山区 310113; 北京's are 丰台区 110106, 大兴区
110115, 门头沟区 110109 (海淀区 110108 is not); 江苏's are 无锡, 苏州, 南通, 盐城, 宿迁; 宜春
360900 is not on the roster but holds 丰城市 360981, which is; 重庆's are 江北区 500105 (gone
from the 2025 list), 九龙坡区 500107 and 北碚区 500109; 万山特区 522230 lay under 铜仁地区
522200 until 2010, whose unit is on the roster as 铜仁市.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import MatchStatus, MissReason, ValidationError

WITHIN = MatchStatus.WITHIN
CONTAINS = MatchStatus.CONTAINS


@pytest.mark.parametrize(
    ("name", "year", "status", "city", "code"),
    [
        ("吴中区", 2015, WITHIN, "苏州市", "320506"),  # a district of 苏州
        ("昆山市", 2015, WITHIN, "苏州市", "320583"),  # a county-level city under 苏州
        ("320583", 2015, WITHIN, "苏州市", "320583"),  # the same by its code
        ("吴县市", 1995, WITHIN, "苏州市", "320586"),  # 吴中区's predecessor, under 苏州 too
        ("万山特区", 2005, WITHIN, "铜仁市", "522230"),  # under 铜仁地区, the roster's 铜仁
        ("苏州", 2015, MatchStatus.IMPLEMENTING, "苏州市", "320500"),
        ("嘉定区", 2015, MatchStatus.IMPLEMENTING, "嘉定区", "310114"),  # itself on the roster
        ("定州市", 2015, MatchStatus.IMPLEMENTING, "定州市", "130682"),  # on it, though in 保定
        ("上海", 2015, CONTAINS, None, "310000"),
        ("江苏", 2015, CONTAINS, None, "320000"),
        ("宜春", 2015, CONTAINS, None, "360900"),  # holds 丰城市
        ("海淀区", 2015, MatchStatus.NOT_IMPLEMENTING, None, "110108"),  # 北京's, not on it
        ("宿州", 2015, MatchStatus.NOT_IMPLEMENTING, None, "341300"),
    ],
)
def test_what_a_place_is_to_the_roster(
    roster: skillrevival.Roster,
    name: str,
    year: int,
    status: MatchStatus,
    city: str | None,
    code: str,
) -> None:
    report = roster.match([name], year=year)
    assert report.statuses == (status,)
    assert (None if report.matches[0] is None else report.matches[0].name) == city
    place = report.places[0]
    assert place is not None
    assert place.code == code  # the place itself, not the unit it lies in


def test_within_and_contains_without_a_year(roster: skillrevival.Roster) -> None:
    # No year: each name's newest record, and the years of that record.
    report = roster.match(["吴中区", "吴县市", "上海", "海淀区"])
    assert report.statuses == (WITHIN, WITHIN, CONTAINS, MatchStatus.NOT_IMPLEMENTING)
    assert [c.adcode if c else None for c in report.matches] == ["320500", "320500", None, None]


def test_a_place_contains_what_lies_in_it_in_the_entrys_year(
    roster: skillrevival.Roster,
) -> None:
    report = roster.match(["重庆", "重庆"], year=[2015, 2025])
    assert report.statuses == (CONTAINS, CONTAINS)
    held = [[c.adcode for c in miss.cities] for miss in report.misses]
    # 江北区 500105 is gone from the 2025 list (两江新区 took it in).
    assert held == [["500105", "500107", "500109"], ["500107", "500109"]]


def test_the_years_of_within_are_the_years_of_the_place(roster: skillrevival.Roster) -> None:
    # 吴中区 is in no list before 2000; 吴县市 in none after 1999.
    report = roster.match(["吴中区", "吴县市", "吴县市"], year=[1995, 1995, 2015])
    assert report.statuses == (MatchStatus.UNKNOWN, WITHIN, MatchStatus.UNKNOWN)


def test_matched_and_complete_count_within(roster: skillrevival.Roster) -> None:
    report = roster.match(["吴中区", "昆山市", "苏州"], year=2015)
    assert report.matched == 3  # two within 苏州, and 苏州 itself
    assert report.complete
    assert report.misses == ()
    report = roster.match(["吴中区", "上海"], year=2015)
    assert report.matched == 1
    assert not report.complete
    assert report.located  # both places are found: 上海 just names no one unit


def test_a_contains_miss_names_the_units_inside(roster: skillrevival.Roster) -> None:
    report = roster.match(["上海", "昆山市", "北京"], year=2015)
    [shanghai, beijing] = report.misses
    assert (shanghai.position, shanghai.reason) == (0, MissReason.CONTAINS)
    assert [c.name for c in shanghai.cities] == ["嘉定区", "虹口区", "宝山区"]
    assert [p.code for p in shanghai.places] == ["310000"]
    assert shanghai.candidates == (
        "嘉定区 310114 (上海, 1992-)",
        "虹口区 310109 (上海, 1980-)",
        "宝山区 310113 (上海, 1988-)",
    )
    assert (beijing.position, beijing.reason) == (2, MissReason.CONTAINS)
    assert {c.adcode for c in beijing.cities} == {"110106", "110115", "110109"}


def test_is_implementing_still_means_the_place_itself() -> None:
    # 吴中区 lies within 苏州, and 上海 holds 嘉定区: neither is itself an implementing unit.
    assert skillrevival.is_implementing("吴中区") is False
    assert skillrevival.is_implementing("上海") is False
    assert skillrevival.is_implementing("嘉定区") is True


# --- a year per row -------------------------------------------------------------------------------


def test_a_year_per_row(roster: skillrevival.Roster) -> None:
    names = ["铜仁地区", "铜仁地区", "吴中区", "江北区", "江北区"]
    # 铜仁地区 522200 ended in 2010; 江北区 of 重庆 is gone in 2025 (宁波's stays, off the roster).
    report = roster.match(
        names, year=[2010, 2015, None, 2015.0, 2025], provinces=[""] * 3 + ["重庆", "重庆"]
    )
    assert report.statuses == (
        MatchStatus.IMPLEMENTING,
        MatchStatus.UNKNOWN,
        WITHIN,
        MatchStatus.IMPLEMENTING,
        MatchStatus.UNKNOWN,
    )
    assert [c.adcode if c else None for c in report.matches] == [
        "520600",  # 铜仁地区 is the roster's 铜仁市
        None,
        "320500",
        "500105",
        None,
    ]


def test_a_year_column_may_be_a_pandas_series_with_gaps(roster: skillrevival.Roster) -> None:
    pandas = pytest.importorskip("pandas")
    years = pandas.Series([2015, None, 1995], dtype="Int64")
    report = roster.match(["吴中区", "吴中区", "吴县市"], year=years)
    assert report.statuses == (WITHIN, WITHIN, WITHIN)


def test_bad_years_are_named_by_row(roster: skillrevival.Roster) -> None:
    with pytest.raises(ValidationError) as caught:
        roster.match(["苏州", "苏州", "苏州", "苏州"], year=[2015, 1979, "2015", 2015.5])
    assert [p.path for p in caught.value.problems] == ["year[1]", "year[2]", "year[3]"]
    assert caught.value.what == "value"


def test_a_year_column_must_line_up(roster: skillrevival.Roster) -> None:
    with pytest.raises(ValidationError) as caught:
        roster.match(["苏州", "苏州"], year=[2015])
    assert [p.path for p in caught.value.problems] == ["year"]
    assert "1 years for 2 names" in caught.value.problems[0].message
    with pytest.raises(ValidationError) as caught:
        roster.match(["苏州"], year="2015")
    assert [p.path for p in caught.value.problems] == ["year"]


NAMES = [
    "吴中区",
    "吴县市",
    "昆山市",
    "铜仁",
    "铜仁地区",
    "江北区",
    "上海",
    "重庆",
    "宜春",
    "Suzhou",
]
YEARS = [None, 1995, 2005, 2010, 2015, 2025]


@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(YEARS)), max_size=12))
def test_a_year_per_row_is_each_years_rows_matched_alone(
    rows: list[tuple[str, int | None]],
) -> None:
    roster = skillrevival.campaign().roster
    report = roster.match([name for name, _ in rows], year=[year for _, year in rows])
    for position, (name, year) in enumerate(rows):
        alone = roster.match([name], year=year)
        assert report.statuses[position] == alone.statuses[0]
        assert report.matches[position] is alone.matches[0]
        assert report.places[position] == alone.places[0]
    assert report.matched == sum(
        status in (MatchStatus.IMPLEMENTING, WITHIN) for status in report.statuses
    )


# --- the tier a column names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "level", "code"),
    [
        ("长沙", "prefecture", "430100"),  # 长沙市, not 长沙县 430121
        ("长沙", "county", "430121"),
        ("西安", "prefecture", "610100"),  # not 吉林's or 黑龙江's 西安区
        ("海南", "province", "460000"),  # not 海南区 or 青海's 海南州
        ("铜仁", "prefecture", "522200"),  # in 2010 铜仁地区, not the county-level 铜仁市
    ],
)
def test_a_level_settles_a_name_shared_across_tiers(
    roster: skillrevival.Roster, name: str, level: str, code: str
) -> None:
    year = 2010 if name == "铜仁" else 2015
    assert roster.match([name], year=year).statuses == (MatchStatus.AMBIGUOUS,)
    report = roster.match([name], year=year, level=level)  # type: ignore[arg-type]
    place = report.places[0]
    assert place is not None
    assert place.code == code


@pytest.mark.parametrize("level", ["city", "Prefecture", 2, ""])
def test_a_bad_level_is_refused_by_name(roster: skillrevival.Roster, level: object) -> None:
    with pytest.raises(ValidationError) as caught:
        roster.match(["苏州"], level=level)  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == ["level"]
