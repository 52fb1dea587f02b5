"""The roster inside the geography (skillrevival._campaign.join): the place of each roster unit
and the units in each place, codes of other years, is_implementing in any year and how it reads a
key, and what match accepts.

Expected values were typed by hand from the Ministry of Civil Affairs' code lists: 铜仁地区 522200
became 铜仁市 520600 in 2011; 日喀则地区 542300 became 日喀则市 540200 in 2014; 江北区 500105
of 重庆 is gone from the 2025 list (两江新区 500157 is new); 110100 and 419000 are grouping
codes (市辖区 of 北京, 省直辖县级行政区划 of 河南). The roster's facts are from 附件2 of
人社部函〔2015〕67号.
"""

from __future__ import annotations

import pytest

import skillrevival
from skillrevival import NotFoundError, Place, Problem, ValidationError

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


# --- is_implementing: how it reads a key, and what it refuses ---------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (" 130682 ", True),  # 定州, padded as a spreadsheet cell may be
        ("１３０６８２", True),  # 定州, in full-width digits
        ("１３０６０２", False),  # a district of 保定, in full-width digits
    ],
)
def test_a_code_is_read_after_normalising(key: str, expected: bool) -> None:
    assert skillrevival.is_implementing(key) is expected


@pytest.mark.parametrize("key", ["999999", 999999, " 999999", "９９９９９９"])
def test_a_code_in_no_list_is_refused_with_the_years_searched(key: str | int) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.is_implementing(key)
    typed = key if isinstance(key, str) else str(key)
    message = f"no place has the code {typed!r} in any list from 1980 to 2025"
    assert caught.value.problems == (Problem("code_or_name", message),)
    assert caught.value.what == "value"


@pytest.mark.parametrize(
    ("key", "kind"), [(13.0, "float"), (None, "NoneType"), (b"130682", "bytes")]
)
def test_a_key_of_another_type_is_refused_by_name(key: object, kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.is_implementing(key)  # type: ignore[arg-type]
    message = f"expected a name or a code, got {kind}"
    assert str(caught.value) == f"invalid value: 1 problem\n  code_or_name: {message}"


def test_a_name_whose_places_disagree_is_unknown_and_says_why() -> None:
    # 江北区 of 宁波 (330205) is not on the roster; 江北区 of 重庆 (500105) is, until 2024.
    with pytest.raises(NotFoundError) as caught:
        skillrevival.is_implementing("江北区")
    error = caught.value
    assert str(error) == (
        "'江北区' names places of which some are implementing units and some not: "
        "江北区 330205 (浙江, 1980-); 江北区 500105 (重庆, 1997-2024)"
    )
    assert error.key == "江北区"
    assert error.suggestions == ("330205", "500105")
    codes = [place.code for place in error.candidates if isinstance(place, Place)]
    assert codes == ["330205", "500105"]
    assert len(error.candidates) == 2
