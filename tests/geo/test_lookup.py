"""Places by code, name and English name through time (the roster inside the geography: in
tests/join/test_roster_places.py).

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
