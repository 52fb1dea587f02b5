"""The rules of finding places by name (skillrevival._geo.names), each on a fact of the lists.

What a lookup that fails says, word for word (what the query names, in which year and province,
and what might do instead); which province a name or code means; which records are one unit
(铜仁地区 522200 became 铜仁市 520600 in 2011, 儋州 469003 became the prefecture-level 460400 in
2015, 伊犁地区 654100 was folded into 伊犁哈萨克自治州 654000 after 2000); which roster units a
place is a record of or holds (保定 holds 定州). Expected values are typed from the code lists:
the records' codes, names and years, and the messages' documented shapes.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise
from types import SimpleNamespace

import attrs
import numpy as np
import pytest

import skillrevival
from skillrevival import Geography, NotFoundError, ValidationError
from skillrevival._campaign.join import RosterLinks
from skillrevival._geo.lineage import tier, unit_records
from skillrevival._geo.names import (
    PlaceNames,
    _overlap,
    as_query,
    describe,
    find_places,
    not_found,
    province_code,
    same_unit,
)


def record(code: str, start: int | None = None) -> skillrevival.Place:
    """The record of ``code`` (its newest, or the one that starts in ``start``)."""
    found = [
        p for p in skillrevival.geography().records if p.code == code and start in (None, p.start)
    ]
    return found[-1]


def miss(query: object, year: int | None = None, province: object = None) -> NotFoundError:
    with pytest.raises(NotFoundError) as caught:
        skillrevival.geography().place(query, year, province=province)  # type: ignore[arg-type]
    return caught.value


# --- what a failed lookup says ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "year", "province", "message", "codes"),
    [
        (
            "江北区",
            None,
            None,
            "place '江北区' is ambiguous: it names 江北区 330205 (浙江, 1980-); "
            "江北区 500105 (重庆, 1997-2024); give the province",
            ("330205", "500105"),
        ),
        (
            "江北区",
            2015,
            None,
            "place '江北区' in the 2015 list is ambiguous: it names 江北区 330205 (浙江, 1980-); "
            "江北区 500105 (重庆, 1997-2024); give the province",
            ("330205", "500105"),
        ),
        (
            "朝阳",
            None,
            "辽宁",
            "place '朝阳' in 210000 is ambiguous: it names 朝阳市 211300 (辽宁, 1984-); "
            "朝阳县 211321 (辽宁, 1984-); give the code",
            ("211300", "211321"),
        ),
        (
            "朝阳",
            2015,
            "辽宁",
            "place '朝阳' in the 2015 list in 210000 is ambiguous: it names "
            "朝阳市 211300 (辽宁, 1984-); 朝阳县 211321 (辽宁, 1984-); give the code",
            ("211300", "211321"),
        ),
        (  # in 2005 the prefecture 铜仁地区 and the county-level 铜仁市 both stood
            "铜仁",
            2005,
            None,
            "place '铜仁' in the 2005 list is ambiguous: it names "
            "铜仁地区 522200 (贵州, 1980-2010); 铜仁市 522201 (贵州, 1987-2010); give the code",
            ("522200", "522201"),
        ),
        (  # in 2000 伊犁地区 had not yet been folded into the autonomous prefecture
            "伊犁",
            2000,
            None,
            "place '伊犁' in the 2000 list is ambiguous: it names "
            "伊犁哈萨克自治州 654000 (新疆, 1984-); 伊犁地区 654100 (新疆, 1984-2000); "
            "give the code",
            ("654000", "654100"),
        ),
    ],
)
def test_an_ambiguous_name_lists_every_candidate(
    query: str, year: int | None, province: str | None, message: str, codes: tuple[str, ...]
) -> None:
    error = miss(query, year, province)
    assert str(error) == message
    assert error.key == query
    assert error.suggestions == codes
    assert tuple(p.code for p in error.candidates) == codes


@pytest.mark.parametrize(
    ("query", "year", "province", "message", "suggestions"),
    [
        (
            "铜仁地区",
            2015,
            None,
            "no place '铜仁地区' in the 2015 list: it names 铜仁地区 522200 (贵州, 1980-2010); "
            "in 2015: 520600",
            ("520600",),
        ),
        (
            "522200",
            2015,
            None,
            "no place '522200' in the 2015 list: it names 铜仁地区 522200 (贵州, 1980-2010); "
            "in 2015: 520600",
            ("520600",),
        ),
        (  # full-width digits are read as the code
            "５２２２００",
            2015,
            None,
            "no place '５２２２００' in the 2015 list: it names 铜仁地区 522200 (贵州, 1980-2010); "
            "in 2015: 520600",
            ("520600",),
        ),
        (
            "铜仁地区",
            2015,
            "贵州",
            "no place '铜仁地区' in the 2015 list in 520000: it names "
            "铜仁地区 522200 (贵州, 1980-2010); in 2015: 520600",
            ("520600",),
        ),
        (  # its unit's 2015 record is in 贵州, not in 湖南: nothing to offer
            "铜仁地区",
            2015,
            "湖南",
            "no place '铜仁地区' in the 2015 list in 430000: it names "
            "铜仁地区 522200 (贵州, 1980-2010)",
            (),
        ),
        (
            "522200",
            2015,
            "52",
            "no place '522200' in the 2015 list in 520000: it names "
            "铜仁地区 522200 (贵州, 1980-2010); in 2015: 520600",
            ("520600",),
        ),
        (  # 两江新区 is first in the 2025 list: no record of its unit in 2015
            "两江新区",
            2015,
            None,
            "no place '两江新区' in the 2015 list: it names 两江新区 500157 (重庆, 2025-)",
            (),
        ),
        (
            "苏州市",
            None,
            "安徽",
            "no place '苏州市' in 340000: it names 苏州市 320500 (江苏, 1980-)",
            (),
        ),
        (
            "320500",
            2015,
            "34",
            "no place '320500' in the 2015 list in 340000: it names 苏州市 320500 (江苏, 1980-)",
            (),
        ),
        (
            "江北区",
            None,
            "湖南",  # not 四川: 重庆's 江北区 was 四川's 510211 until 1996
            "no place '江北区' in 430000: it names 江北区 330205 (浙江, 1980-); "
            "江北区 500105 (重庆, 1997-2024)",
            (),
        ),
        (  # both 东市区 (of 蚌埠 and of 合肥) went on under their codes with new names
            "东市区",
            2015,
            None,
            "no place '东市区' in the 2015 list: it names 东市区 340302 (安徽, 1980-2003); "
            "东市区 340102 (安徽, 1980-2001); in 2015: 340302, 340102",
            ("340302", "340102"),
        ),
    ],
)
def test_a_name_of_another_year_or_province_says_what_it_names(
    query: str, year: int | None, province: str | None, message: str, suggestions: tuple[str, ...]
) -> None:
    error = miss(query, year, province)
    assert str(error) == message
    assert error.key == query
    assert error.suggestions == suggestions
    assert error.candidates == ()


@pytest.mark.parametrize(
    ("query", "year", "message", "suggestions"),
    [
        (
            "苏洲",
            None,
            "no place named '苏洲'; did you mean 香洲区, 长洲区, 苏州市?",
            ("香洲区", "长洲区", "苏州市"),
        ),
        (
            "苏洲",
            2015,
            "no place named '苏洲' in the 2015 list; did you mean 香洲区, 长洲区, 苏州市?",
            ("香洲区", "长洲区", "苏州市"),
        ),
        # 江北区 names two places: each is offered by its code
        (
            "江北去",
            None,
            "no place named '江北去'; did you mean 330205, 500105?",
            ("330205", "500105"),
        ),
        (
            "铜仁地",
            None,
            "no place named '铜仁地'; did you mean 铜仁地区, 铜仁市?",
            ("铜仁地区", "铜仁市"),
        ),
        # 铜仁地区, the closest, is not in the 2015 list: 铜仁市 is
        (
            "铜仁地",
            2015,
            "no place named '铜仁地' in the 2015 list; did you mean 铜仁市?",
            ("铜仁市",),
        ),
        # the closest, the 巢湖市 of 2011 on, is not in the 2005 list; the 巢湖市 of then is
        (
            "巢湖地",
            2005,
            "no place named '巢湖地' in the 2005 list; did you mean 巢湖市?",
            ("巢湖市",),
        ),
        ("zzzzqqq", None, "no place named 'zzzzqqq'", ()),
    ],
)
def test_an_unknown_name_offers_the_closest_values_a_lookup_accepts(
    query: str, year: int | None, message: str, suggestions: tuple[str, ...]
) -> None:
    error = miss(query, year)
    assert str(error) == message
    assert error.key == query
    assert error.suggestions == suggestions
    for value in suggestions:  # each one is accepted by the same lookup
        assert skillrevival.geography().place(value, year) is not None


def test_an_unknown_code_names_the_years_of_the_lists() -> None:
    error = miss("999999")
    assert str(error) == "no place has the code '999999' in any list from 1980 to 2025"
    assert (error.key, error.suggestions, error.candidates) == ("999999", (), ())
    with pytest.raises(NotFoundError, match=r"^no place has the code '999999' in any list"):
        skillrevival.geography().resolve_code("999999", 2015)


def test_without_a_name_index_a_name_has_no_suggestions() -> None:
    error = not_found(skillrevival.geography(), None, "苏洲", None, None)
    assert (str(error), error.key, error.suggestions) == ("no place named '苏洲'", "苏洲", ())
    assert find_places(skillrevival.geography(), None, "苏州", None, None) == ()


def test_a_place_in_a_message_names_its_province_and_years() -> None:
    assert describe(record("500105"), skillrevival.geography()) == "江北区 500105 (重庆, 1997-2024)"
    assert describe(record("520600"), skillrevival.geography()) == "铜仁市 520600 (贵州, 2011-)"
    assert describe(record("320000"), skillrevival.geography()) == "江苏省 320000 (1980-)"
    # a province the geography does not hold is given by its code
    stray = attrs.evolve(record("320500"), province="710000")
    assert describe(stray, skillrevival.geography()) == "苏州市 320500 (710000, 1980-)"


# --- which records a name answers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "year", "province", "code"),
    [
        ("铜仁", None, None, "520600"),  # the newest unit; 522201 ended before it began
        ("铜仁市", None, None, "520600"),
        ("铜仁", 2012, None, "520600"),
        ("铜仁地区", None, None, "522200"),
        ("伊犁", None, None, "654000"),  # 伊犁地区 went on as the autonomous prefecture
        ("江北区", None, "重庆", "500105"),
        ("江北区", None, "50", "500105"),
        ("江北区", 2015, "浙江", "330205"),
        ("江北区", 2025, None, "330205"),  # 重庆's is gone from the 2025 list
        ("320500", None, "江苏", "320500"),
        ("３２０５００", 2015, "江苏", "320500"),
        ("Xigazê", None, None, "540200"),
        ("第一师", None, None, "659002"),
        (320500, None, None, "320500"),
        (320500.0, None, None, "320500"),  # a spreadsheet's column of codes
        (np.int64(320500), 2015, None, "320500"),
        ("苏州", np.int64(2015), None, "320500"),
    ],
)
def test_a_name_answers_one_unit(query: object, year: object, province: str, code: str) -> None:
    assert skillrevival.geography().place(query, year, province=province).code == code  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "province"), [("３２０５００", "34"), ("320500", "安徽"), ("苏州", "XPCC")]
)
def test_a_code_or_name_outside_the_province_is_not_found(query: str, province: str) -> None:
    assert skillrevival.geography().get_place(query, province=province) is None


def test_the_geography_knows_the_roster_s_genuine_names_but_not_its_misprint() -> None:
    names = skillrevival.geography().names()
    assert [p.code for p in names.find("第一师")] == ["659002"]  # the XPCC's 1st division, 阿拉尔
    assert [p.code for p in names.find("Xigazê")] == ["540200"]
    assert names.find("鹰谭市") == ()  # printed in the notice for 鹰潭市: the roster's name only
    # and the county-level 鹰潭市 362302 under 上饶地区 (1980-1982), before the prefecture of 1983
    assert [p.code for p in names.find("鹰潭市")] == ["360600", "362302"]


@pytest.mark.parametrize(
    ("value", "query"),
    [
        ("苏州", "苏州"),
        (320500, "320500"),
        (np.int32(320500), "320500"),
        (320500.0, "320500"),
        (0.0, "0"),
        (Fraction(6, 2), "3"),
        (3.5, None),
        (-1.0, None),
        (float("nan"), None),
        (True, None),
        (None, None),
    ],
)
def test_what_counts_as_a_query(value: object, query: str | None) -> None:
    assert as_query(value) == query


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (None, "expected a name or a code, got NoneType None"),
        (3.5, "expected a name or a code, got float 3.5"),
        (True, "expected a name or a code, got bool True"),
    ],
)
def test_a_query_that_is_neither_name_nor_code_is_refused(query: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.geography().place(query)  # type: ignore[arg-type]
    assert [(p.path, p.message) for p in caught.value.problems] == [("query", message)]


@pytest.mark.parametrize("year", [1979, 2026, True, "2015", 2015.0])
def test_a_year_outside_the_lists_is_refused(year: object) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.geography().place("苏州", year)  # type: ignore[arg-type]
    message = f"expected a year from 1980 to 2025 (each year's list), got {year!r}"
    assert [(p.path, p.message) for p in caught.value.problems] == [("year", message)]


# --- which province a name or code means ------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "code"),
    [
        ("江苏省", "320000"),
        ("江苏", "320000"),
        ("JIANGSU", "320000"),
        (" 江 苏 ", "320000"),
        ("32", "320000"),
        ("320000", "320000"),
        ("Inner Mongolia", "150000"),
        ("Nei Mongol", "150000"),  # the roster's other names
        ("xizang", "540000"),
    ],
)
def test_a_province_by_any_of_its_names(province: str, code: str) -> None:
    assert skillrevival.geography().names().province_code(province) == code
    assert province_code(skillrevival.geography(), province) == code


@pytest.mark.parametrize("province", ["XPCC", "新疆兵团", "兵团"])
def test_the_roster_s_row_names_settle_a_province_in_match_only(province: str) -> None:
    # The XPCC's row of the roster lies within 新疆; the geography has no province of that name.
    report = skillrevival.campaign().roster.match(["石河子"], provinces=[province])
    assert [p.code for p in report.places if p is not None] == ["659001"]
    with pytest.raises(NotFoundError):
        province_code(skillrevival.geography(), province)


@pytest.mark.parametrize("province", ["江苏州", "320500", "99", "3"])
def test_no_province_of_that_name(province: str) -> None:
    for find in (
        skillrevival.geography().names().province_code,
        lambda p: province_code(skillrevival.geography(), p),
    ):
        with pytest.raises(NotFoundError) as caught:
            find(province)
        assert str(caught.value) == f"no province named {province!r}"
        assert caught.value.key == province


@pytest.mark.parametrize("province", [None, 3.5, True])
def test_a_province_that_is_neither_name_nor_code_is_refused(province: object) -> None:
    for find in (
        skillrevival.geography().names().province_code,
        lambda p: province_code(skillrevival.geography(), p),
    ):
        with pytest.raises(ValidationError) as caught:
            find(province)
        [problem] = caught.value.problems
        assert problem.path == "province"


@pytest.mark.parametrize(
    ("province", "code"), [("32", "320000"), ("320000", "320000"), (50, "500000")]
)
def test_a_province_code_needs_no_name_index(
    monkeypatch: pytest.MonkeyPatch, province: object, code: str
) -> None:
    geography = skillrevival.geography()

    def no_index(self: Geography) -> PlaceNames:
        raise AssertionError("the name index was built")

    monkeypatch.setattr(Geography, "names", no_index)
    assert province_code(geography, province) == code


# --- which records are one unit ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("320000", 0),  # a province
        ("320500", 1),  # a prefecture-level city
        ("652800", 1),  # an autonomous prefecture
        ("419001", 1),  # 济源, held by 河南 directly
        ("429004", 1),  # 仙桃, held by 湖北 directly
        ("469003", 1),  # 儋州 before it was made a prefecture
        ("130682", 2),  # 定州, in 保定
        ("460105", 2),  # a district of 海口
        ("110105", 2),  # a district of 北京
        ("500229", 2),  # a county of 重庆
    ],
)
def test_the_tier_of_a_unit(code: str, level: int) -> None:
    assert tier(skillrevival.geography(), record(code)) == level


@pytest.mark.parametrize(
    ("code", "chain"),
    [
        ("520600", ["522200", "520600"]),  # 铜仁地区 made a city
        ("522200", ["522200", "520600"]),
        # 儋县 became 儋州市 in 1993; 儋州, made a prefecture in 2015
        ("460400", ["460029", "460003", "469003", "460400"]),
        ("469003", ["460029", "460003", "469003", "460400"]),
        ("110115", ["110224", "110115"]),  # 大兴县 became 大兴区
        ("150600", ["152700", "150600"]),  # 伊克昭盟 became 鄂尔多斯市
        ("451000", ["452600", "451000"]),  # 百色地区, despite the county-level 百色市
        ("340181", ["342601", "341402", "340181"]),  # 居巢区 became the county-level 巢湖市
        # 四川's 江北区 until 重庆 became a municipality; 两江新区 is not 江北区 alone
        ("500105", ["510211", "500105"]),
        ("341400", ["342600", "341400"]),  # 巢湖地区, then the prefecture 巢湖市, split in 2011
        ("320500", ["320500"]),
    ],
)
def test_the_lineage_of_a_unit(code: str, chain: list[str]) -> None:
    assert [p.code for p in unit_records(skillrevival.geography(), record(code))] == chain


def test_the_code_of_a_unit_in_another_year() -> None:
    tongren = skillrevival.campaign().roster.city("铜仁")
    assert [tongren.code_in(year) for year in (2005, 2010, 2011, 2025)] == [
        "522200",
        "522200",
        "520600",
        "520600",
    ]
    assert skillrevival.geography().resolve_code("522200", 2015).code == "520600"
    assert skillrevival.geography().resolve_code("520600", 2005).code == "522200"
    assert skillrevival.geography().resolve_code("469003", 2020).code == "460400"
    assert skillrevival.geography().resolve_code("500105", 2000) is record(
        "500105"
    )  # 重庆's 江北区 from 1997
    with pytest.raises(NotFoundError):
        skillrevival.geography().resolve_code("500105", 2025)


def test_a_record_is_one_unit_with_itself_and_its_successors() -> None:
    geography = skillrevival.geography()
    yili_area, yili = record("654100"), record("654000")
    assert same_unit(geography, yili, yili)
    assert same_unit(geography, yili_area, yili)
    assert same_unit(geography, yili_area, attrs.evolve(yili))  # an equal copy is the same
    assert same_unit(geography, record("522200"), record("520600"))
    assert same_unit(geography, record("460003"), record("460400"))  # through 469003
    assert not same_unit(geography, record("522201"), record("520600"))
    assert not same_unit(geography, record("500105"), record("330205"))


def _chain(length: int) -> tuple[SimpleNamespace, list[SimpleNamespace]]:
    """A geography of one unit renamed every year, ``length`` records long."""
    records = [
        SimpleNamespace(code=f"{n:06d}", start=n, end=n, parent=None, province=f"{n:06d}")
        for n in range(length)
    ]
    following = {id(a): (b,) for a, b in pairwise(records)}
    before = {id(b): (a,) for a, b in pairwise(records)}
    stub = SimpleNamespace(
        successors=lambda p: following.get(id(p), ()),
        predecessors=lambda p: before.get(id(p), ()),
    )
    return stub, records


def test_the_search_for_one_unit_visits_at_most_64_records() -> None:
    stub, records = _chain(70)
    assert same_unit(stub, records[0], records[64])  # type: ignore[arg-type]
    assert not same_unit(stub, records[0], records[65])  # type: ignore[arg-type]


def test_a_lineage_holds_at_most_64_records_each_way() -> None:
    stub, records = _chain(140)
    found = unit_records(stub, records[70])  # type: ignore[arg-type]
    assert [p.start for p in found] == list(range(6, 135))


@pytest.mark.parametrize(
    ("one", "other", "common"),
    [
        ((2000, 2010), (2010, None), True),
        ((2010, None), (2000, 2010), True),
        ((2000, 2010), (2011, None), False),
        ((2011, None), (2000, 2010), False),
        ((2020, 2022), (2000, 2010), False),
        ((2000, 2010), (2020, 2022), False),
        ((2000, None), (2020, None), True),
        ((2005, 2005), (2000, 2010), True),
    ],
)
def test_two_records_overlap_when_they_share_a_year(
    one: tuple[int, int | None], other: tuple[int, int | None], common: bool
) -> None:
    first = SimpleNamespace(start=one[0], end=one[1])
    second = SimpleNamespace(start=other[0], end=other[1])
    assert _overlap(first, second) is common  # type: ignore[arg-type]


# --- the roster inside the geography ----------------------------------------------------------


def test_the_roster_units_a_place_holds() -> None:
    held = {
        "130000": ["唐山市", "保定市", "秦皇岛市", "定州市"],  # in the roster's order
        "130600": ["定州市"],  # 保定 holds 定州, not itself
        "360900": ["丰城市"],
        "120000": ["滨海新区", "津南区", "宝坻区"],
        "520000": ["安顺市", "铜仁市"],
        "522200": [],
        "320100": [],
    }
    for code, names in held.items():
        assert [c.name for c in skillrevival.campaign().roster.cities_in(record(code))] == names, (
            code
        )


def test_the_roster_unit_a_record_is_of() -> None:
    expected = {
        "522200": "铜仁市",  # 铜仁地区, the same unit before 2011
        "520600": "铜仁市",
        "452600": "百色市",
        "110224": "大兴区",
        "130600": "保定市",
        "130682": "定州市",
        "320500": "苏州市",
        "130602": None,  # a district of 保定
        "320100": None,  # 南京 is not on the roster
    }
    for code, name in expected.items():
        unit = skillrevival.campaign().roster.unit_of(record(code))
        assert (None if unit is None else unit.name) == name, code


def test_a_roster_unit_the_geography_lacks_is_skipped() -> None:
    roster = skillrevival.campaign().roster
    dingzhou = roster.city("定州")
    ghost = attrs.evolve(roster.city("苏州"), adcode="999999")
    links = RosterLinks(skillrevival.geography(), SimpleNamespace(cities=(ghost, dingzhou)))  # type: ignore[arg-type]
    assert links.contained(record("130600")) == (dingzhou,)
    assert links.implementing(record("130682")) is dingzhou
    assert links.implementing(record("320500")) is None  # not on this roster
    with pytest.raises(AttributeError, match="roster links are read-only; cannot set 'x'"):
        links.x = 1  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("adcode", "code", "start", "name"),
    [
        ("520600", "520600", 2011, "铜仁市"),
        ("110228", "110228", 1980, "密云县"),  # made 密云区 later in 2015
        ("130602", "130602", 1983, "新市区"),  # its code went to 竞秀区 later in 2015
    ],
)
def test_a_roster_unit_is_its_record_of_april_2015(
    adcode: str, code: str, start: int, name: str
) -> None:
    city = attrs.evolve(skillrevival.campaign().roster.city("铜仁"), adcode=adcode)
    place = city.place
    assert (place.code, place.start, place.name) == (code, start, name)


def test_a_roster_unit_without_a_record_of_april_2015() -> None:
    city = attrs.evolve(skillrevival.campaign().roster.city("铜仁"), adcode="110118")  # 密云区
    with pytest.raises(NotFoundError, match=r"^the geography has no record of 铜仁市 \(110118\)"):
        _ = city.place


def test_a_unit_whose_holder_is_missing_is_linked_but_not_held() -> None:
    """A geography with a gap (保定 missing from the lists, and 保定地区, which held 定县 and
    定州 until 1994) still links 定州 to its records."""
    geography = skillrevival.geography()

    def by_code(code: str, year: int | None = None) -> tuple[skillrevival.Place, ...]:
        return () if code in ("130600", "132400") else geography.by_code(code, year)

    gap = SimpleNamespace(
        years=geography.years,
        records=geography.records,
        by_code=by_code,
        successors=geography.successors,
        predecessors=geography.predecessors,
    )
    dingzhou = skillrevival.campaign().roster.city("定州")
    links = RosterLinks(gap, SimpleNamespace(cities=(dingzhou,)))  # type: ignore[arg-type]
    assert links.implementing(record("130682")) is dingzhou
    assert links.contained(record("130000")) == ()


def test_ambiguous_advice_names_only_what_can_settle_it() -> None:
    """矿区 names two districts of 山西: the province cannot tell them apart, the year can
    (140203 went in 2017)."""
    with pytest.raises(NotFoundError) as caught:
        skillrevival.geography().place("矿区")
    assert str(caught.value) == (
        "place '矿区' is ambiguous: it names 矿区 140303 (山西, 1980-); "
        "矿区 140203 (山西, 1980-2017); give the year or the code"
    )
    assert skillrevival.geography().place("矿区", 2018).code == "140303"
