"""Places by code, name and English name through time, and the roster inside the geography.

Every expected value here was typed by hand from the Ministry of Civil Affairs' code lists (as
the issue and the sources name them), not from the data file: 铜仁地区 522200 became 铜仁市
520600 in 2011; 日喀则地区 542300 became 日喀则市 540200 in 2014; 江北区 500105 of 重庆 is gone
from the 2025 list (it and 渝北区 500112 are gone, 两江新区 500157 is new); 110100 and 419000
are grouping codes (市辖区 of 北京, 省直辖县级行政区划 of 河南).
"""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import skillrevival
from skillrevival import NotFoundError, ValidationError


@pytest.fixture(scope="module")
def geo() -> skillrevival.Geography:
    return skillrevival.geography()


@pytest.fixture(scope="module")
def roster() -> skillrevival.Roster:
    return skillrevival.campaign().roster


# --- by code ------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["500105", 500105])
def test_code_as_text_or_integer(geo: skillrevival.Geography, query: str | int) -> None:
    place = geo.place(query)
    assert (place.code, place.name, place.end) == ("500105", "江北区", 2024)
    assert place.successors == ("500157",)


@pytest.mark.parametrize(("grouping", "unit"), [("110100", "110000"), ("419000", "410000")])
def test_grouping_codes_mean_their_unit(
    geo: skillrevival.Geography, grouping: str, unit: str
) -> None:
    assert geo.place(grouping).code == unit
    assert geo.place(grouping, year=2015).code == unit


def test_code_of_another_year(geo: skillrevival.Geography) -> None:
    old = geo.place("522200")
    assert (old.name, old.end, old.successors) == ("铜仁地区", 2010, ("520600",))
    assert geo.place("522200", year=2010) == old
    with pytest.raises(NotFoundError) as caught:
        geo.place("522200", year=2015)
    assert caught.value.suggestions == ("520600",)  # the unit's code in that year's list
    assert geo.place(caught.value.suggestions[0], year=2015).name == "铜仁市"


def test_full_width_code(geo: skillrevival.Geography) -> None:
    assert geo.place("３２０５００").name == "苏州市"


def test_code_in_no_list(geo: skillrevival.Geography) -> None:
    with pytest.raises(NotFoundError) as caught:
        geo.place("999999")
    assert caught.value.candidates == ()
    assert geo.get_place("999999") is None


# --- by name, through time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "year", "code"),
    [
        ("铜仁", None, "520600"),  # the newest record of the name
        ("铜仁市", None, "520600"),
        ("铜仁地区", None, "522200"),
        ("铜仁", 2011, "520600"),
        ("日喀则地区", None, "542300"),
        ("日喀则", None, "540200"),
        ("日喀则", 2014, "540200"),
        ("Xigazê", None, "540200"),  # the roster's spelling
        ("Shigatse City", None, "540200"),
        ("两江新区", None, "500157"),
        ("巴州区", None, "511902"),  # a full name names its own place
        (" 苏 州　市 ", None, "320500"),
        ("SUZHOU", None, None),  # ambiguous: see below
    ],
)
def test_by_name(geo: skillrevival.Geography, query: str, year: int | None, code: str) -> None:
    if code is None:
        assert geo.get_place(query, year) is None
    else:
        assert geo.place(query, year).code == code


# name | candidate codes | province that settles each
HOMOGRAPHS = [
    ("Suzhou", {"320500": "江苏", "341300": "安徽", "620902": "甘肃"}),
    ("Taizhou", {"321200": "江苏", "331000": "浙江"}),
    ("Yulin", {"610800": "陕西", "450900": "广西"}),
    ("Baoshan", {"530500": "云南", "310113": "上海", "230506": "黑龙江"}),
    ("江北区", {"330205": "浙江", "500105": "重庆"}),
    ("宝山区", {"310113": "上海", "230506": "黑龙江"}),
    ("巴州", {"652800": "新疆", "511902": "四川"}),
]


@pytest.mark.parametrize(("name", "settled"), HOMOGRAPHS)
def test_homographs_are_ambiguous_and_settled_by_province(
    geo: skillrevival.Geography, name: str, settled: dict[str, str]
) -> None:
    with pytest.raises(NotFoundError) as caught:
        geo.place(name)
    error = caught.value
    assert {place.code for place in error.candidates} == set(settled)
    assert set(error.suggestions) == set(settled)
    assert all(geo.place(code).code == code for code in error.suggestions)
    for code, province in settled.items():
        assert geo.place(name, province=province).code == code
        assert geo.place(name, province=code[:2]).code == code


def test_yichun_needs_the_year_in_heilongjiang(geo: skillrevival.Geography) -> None:
    # 伊春市 and its district 伊春区 (230702, until the 2019 reform) are both Yichun.
    with pytest.raises(NotFoundError) as caught:
        geo.place("Yichun")
    assert {p.code for p in caught.value.candidates} == {"360900", "230700", "230702"}
    assert geo.place("Yichun", province="江西").code == "360900"
    with pytest.raises(NotFoundError) as caught:
        geo.place("Yichun", province="黑龙江")
    assert {p.code for p in caught.value.candidates} == {"230700", "230702"}
    assert geo.place("Yichun", 2020, province="黑龙江").code == "230700"


def test_unknown_name_suggests_values_the_lookup_accepts(geo: skillrevival.Geography) -> None:
    with pytest.raises(NotFoundError) as caught:
        geo.place("苏洲市")
    error = caught.value
    assert "苏州市" in error.suggestions
    assert error.candidates == ()
    for suggestion in error.suggestions:
        geo.place(suggestion)
    assert geo.get_place("苏洲市") is None


def test_errors_pickle_with_their_candidates(geo: skillrevival.Geography) -> None:
    with pytest.raises(NotFoundError) as caught:
        geo.place("江北区")
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.candidates == caught.value.candidates
    assert str(again) == str(caught.value)


@pytest.mark.parametrize(
    ("query", "year", "path"),
    [
        (True, None, "query"),
        (None, None, "query"),
        ("苏州", 1979, "year"),
        ("苏州", "2015", "year"),
    ],
)
def test_bad_arguments(geo: skillrevival.Geography, query: object, year: object, path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.place(query, year)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == path


def test_unknown_province(geo: skillrevival.Geography) -> None:
    with pytest.raises(NotFoundError):
        geo.place("江北区", province="Atlantis")


# --- resolve_code, for panels -------------------------------------------------------------------


def test_resolve_code(geo: skillrevival.Geography) -> None:
    assert geo.resolve_code("110100").code == "110000"
    assert geo.resolve_code(419000).code == "410000"
    assert geo.resolve_code("522200", 2015).code == "520600"
    assert geo.resolve_code("522200", 2010).code == "522200"
    assert geo.resolve_code("542300", 2015).code == "540200"
    with pytest.raises(NotFoundError):
        geo.resolve_code("999999")
    with pytest.raises(NotFoundError):
        geo.resolve_code("500105", 2025)  # 江北区 is gone, not continued
    with pytest.raises(ValidationError):
        geo.resolve_code("苏州")


# --- the roster inside the geography ------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "implementing", "holds"),
    [
        ("522200", "铜仁市", []),
        ("520600", "铜仁市", []),
        ("542300", "日喀则市", []),
        ("500105", "江北区", []),
        ("500157", None, []),
        ("130682", "定州市", []),
        ("130600", "保定市", ["定州市"]),
        ("360900", None, ["丰城市"]),
        ("110000", None, ["丰台区", "大兴区", "门头沟区"]),
        ("320000", None, ["无锡市", "苏州市", "南通市", "盐城市", "宿迁市"]),
        ("130602", None, []),
    ],
)
def test_place_and_roster(
    geo: skillrevival.Geography, code: str, implementing: str | None, holds: list[str]
) -> None:
    place = geo.place(code)
    roster = skillrevival.campaign().roster
    city = roster.unit_of(place)
    assert (None if city is None else city.name) == implementing
    assert sorted(c.name for c in roster.cities_in(place)) == sorted(holds)


def test_every_roster_unit_has_its_2015_place(roster: skillrevival.Roster) -> None:
    for city in roster.cities:
        place = city.place
        assert (place.code, place.name) == (city.adcode, city.official_name), city.name
        assert place.in_201504, city.name
        assert place.in_force(2015), city.name
        assert skillrevival.campaign().roster.unit_of(place) == city


@pytest.mark.parametrize(
    ("name", "year", "code"),
    [
        ("铜仁", 2010, "522200"),
        ("铜仁", 2011, "520600"),
        ("铜仁", 2025, "520600"),
        ("日喀则", 2013, "542300"),
        ("日喀则", 2014, "540200"),
        ("江北区", 2024, "500105"),
        ("江北区", 2025, None),
        ("北碚区", 2025, "500109"),
        ("滨海新区", 2008, None),  # made in 2009 from 塘沽, 汉沽 and 大港
        ("苏州", 2000, "320500"),
    ],
)
def test_code_in(roster: skillrevival.Roster, name: str, year: int, code: str | None) -> None:
    assert roster.city(name).code_in(year) == code


def test_jiangbei_says_what_replaced_it(
    roster: skillrevival.Roster, geo: skillrevival.Geography
) -> None:
    jiangbei = roster.city("江北区")
    assert jiangbei.place.end == 2024
    assert [p.name for p in geo.successors(jiangbei.place)] == ["两江新区"]
    assert jiangbei.place.successors == ("500157",)


@pytest.mark.parametrize(
    ("key", "printed"),
    [
        ("522200", "铜仁市"),
        ("铜仁地区", "铜仁市"),
        ("日喀则地区", "日喀则市"),
        ("542300", "日喀则市"),
    ],
)
def test_roster_finds_units_by_names_and_codes_of_other_years(
    roster: skillrevival.Roster, key: str, printed: str
) -> None:
    assert roster.city(key).name == printed
    assert roster.get_city(key) is roster.city(key)


def test_roster_still_misses_places_that_are_not_units(roster: skillrevival.Roster) -> None:
    with pytest.raises(NotFoundError):
        roster.city("两江新区")
    assert roster.get_city("500157") is None
    assert roster.get_city("江北区 ") is roster.city("500105")  # the roster's own index first


def test_codes_as_of_no_longer_says_no_code_changed(roster: skillrevival.Roster) -> None:
    assert "no roster unit's code has changed" not in roster.codes_as_of
    assert "500105" in roster.codes_as_of


# --- is_implementing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("542300", True),  # 日喀则地区, whose unit is on the roster as 日喀则市
        (542300, True),
        ("522200", True),
        ("110100", False),  # Beijing as a whole
        ("419000", False),  # Henan's directly administered units as a whole
        ("500105", True),  # 江北区, gone from the 2025 list but a roster unit all the same
        ("500157", False),
        ("日喀则地区", True),
        ("江北区", True),  # two 江北区, one on the roster: they disagree ...
    ],
)
def test_is_implementing_any_year(key: str | int, expected: bool) -> None:
    if key == "江北区":  # ... so the answer is unknown, and said so
        with pytest.raises(NotFoundError) as caught:
            skillrevival.is_implementing(key)
        assert {p.code for p in caught.value.candidates} == {"330205", "500105"}
        return
    assert skillrevival.is_implementing(key) is expected


def test_is_implementing_refuses_a_code_in_no_list() -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.is_implementing("999999")
    assert caught.value.problems[0].path == "code_or_name"


# --- what match accepts -------------------------------------------------------------------------


def test_match_reads_whole_floats_and_numpy_integers(roster: skillrevival.Roster) -> None:
    numpy = pytest.importorskip("numpy")
    report = roster.match([320500.0, numpy.int64(130682), numpy.float64(360600.0), 3.5])
    assert [c.name if c else None for c in report.matches] == ["苏州市", "定州市", "鹰谭市", None]
    assert report.statuses[-1] is skillrevival.MatchStatus.UNKNOWN


def test_match_reads_a_pandas_series_with_its_province_column(
    roster: skillrevival.Roster,
) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"city": ["Taizhou", "Taizhou"], "province": ["浙江", "江苏"]})
    report = roster.match(frame["city"], provinces=frame["province"])
    assert [p.code if p else None for p in report.places] == ["331000", "321200"]
    assert [c.name if c else None for c in report.matches] == ["台州市", None]


@pytest.mark.parametrize("names", ["苏州", b"320500"])
def test_match_refuses_a_lone_string(roster: skillrevival.Roster, names: object) -> None:
    with pytest.raises(ValidationError) as caught:
        roster.match(names)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "names"


def test_match_province_column_must_line_up(roster: skillrevival.Roster) -> None:
    with pytest.raises(ValidationError) as caught:
        roster.match(["Suzhou", "Taizhou"], provinces=["江苏"])
    assert caught.value.problems[0].path == "provinces"
    with pytest.raises(ValidationError) as caught:
        roster.match(["Suzhou", "Taizhou"], provinces=["Atlantis", "Nowhere"])
    assert [p.path for p in caught.value.problems] == ["provinces[0]", "provinces[1]"]


def test_match_by_year(roster: skillrevival.Roster) -> None:
    report = roster.match(["522200", "江北区", "500105", "139001"], year=2025)
    assert report.statuses[0] is skillrevival.MatchStatus.UNKNOWN  # not in the 2025 list
    assert report.statuses[2] is skillrevival.MatchStatus.UNKNOWN
    assert report.matches[3] is roster.city("定州")  # its statistical code, through the roster
    assert report.places[1] is not None
    assert report.places[1].code == "330205"  # 重庆's is gone in 2025
    report = roster.match(["522200", "铜仁地区"], year=2010)
    assert [c.name if c else None for c in report.matches] == ["铜仁市", "铜仁市"]


def test_closest_names_are_computed_when_read(roster: skillrevival.Roster) -> None:
    report = roster.match(["苏洲市"])
    [miss] = report.misses
    assert miss.reason is skillrevival.MissReason.UNKNOWN
    assert "苏州市" in miss.candidates


def test_a_numpy_year_is_a_year_for_codes_and_names_alike() -> None:
    """A year read from a pandas column is a numpy integer: every lookup takes it."""
    numpy = pytest.importorskip("numpy")
    geo = skillrevival.geography()
    year = numpy.int64(2015)
    assert geo.place("320500", year).name == "苏州市"
    assert geo.place("苏州市", year).code == "320500"
    assert [p.code for p in geo.by_code("522200", numpy.int32(2010))] == ["522200"]
    assert len(geo.places(year, "prefecture_city")) == len(geo.places(2015, "prefecture_city"))


@pytest.mark.parametrize(
    "lookup",
    [
        lambda geo: geo.place("320500", 1979),
        lambda geo: geo.place("苏州市", 1979),
        lambda geo: geo.by_code("320500", 1979),
        lambda geo: geo.places(1979),
    ],
)
def test_a_year_outside_the_lists_gets_one_message_from_every_lookup(lookup: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        lookup(skillrevival.geography())
    assert [str(p) for p in caught.value.problems] == [
        "year: expected a year from 1980 to 2025 (each year's list), got 1979"
    ]
