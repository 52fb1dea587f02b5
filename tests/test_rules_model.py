"""Roster and City rules at their edges: exact errors (a missing year, a match's columns), a key
that two roster units share (never settled through the geography), what a match keeps of its
misses, and the rows of one province."""

import attrs
import pytest

import skillrevival
from skillrevival import MatchStatus, NotFoundError, Problem, ValidationError
from skillrevival._campaign.tables import city_rows


@pytest.fixture(scope="module")
def roster() -> skillrevival.Roster:
    return skillrevival.campaign().roster


def _sharing_jinnan(roster: skillrevival.Roster) -> skillrevival.Roster:
    """The roster with 重庆's 江北区 (500105) also called 天津's 津南区 (120112): its own names
    make 津南区 ambiguous, though the geography alone would say 120112."""
    provinces = list(roster.provinces)
    row = next(i for i, p in enumerate(provinces) if p.name == "重庆")
    cities = [
        attrs.evolve(c, other_names=(*c.other_names, "津南区")) if c.adcode == "500105" else c
        for c in provinces[row].cities
    ]
    provinces[row] = attrs.evolve(provinces[row], cities=tuple(cities))
    return attrs.evolve(roster, provinces=tuple(provinces))


def test_code_in_needs_a_year(roster: skillrevival.Roster) -> None:
    with pytest.raises(ValidationError) as caught:
        roster.city("铜仁").code_in(None)  # type: ignore[arg-type]
    assert caught.value.problems == (Problem("year", "expected a year, got None"),)
    assert str(caught.value) == "invalid value: 1 problem\n  year: expected a year, got None"


def test_get_city_leaves_a_name_two_roster_units_share_unanswered(
    roster: skillrevival.Roster,
) -> None:
    shared = _sharing_jinnan(roster)
    assert {c.adcode for c in shared.find_cities("津南区")} == {"120112", "500105"}
    assert shared.get_city("津南区") is None
    assert "津南区" not in shared


def test_match_names_every_unknown_province(roster: skillrevival.Roster) -> None:
    with pytest.raises(ValidationError) as caught:
        roster.match(["苏州", "宿州", "宿迁"], provinces=["火星", " ", "Mars"])
    assert caught.value.what == "value"
    assert str(caught.value) == (
        "invalid value: 2 problems\n"
        "  provinces[0]: no province named '火星'\n"
        "  provinces[2]: no province named 'Mars'"
    )


def test_city_refuses_a_name_two_roster_units_share(roster: skillrevival.Roster) -> None:
    shared = _sharing_jinnan(roster)
    with pytest.raises(NotFoundError) as caught:
        shared.city("津南区")
    assert {c.adcode for c in caught.value.candidates if isinstance(c, skillrevival.City)} == {
        "120112",
        "500105",
    }


@pytest.mark.parametrize("path", ["names", "provinces"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "江苏",
            "expected a list of names or codes, got a single string '江苏'; "
            "wrap it in a list: ['江苏']",
        ),
        (5, "expected a list of names or codes, got int"),
    ],
)
def test_match_refuses_a_column_that_is_no_list(
    roster: skillrevival.Roster, path: str, value: object, message: str
) -> None:
    names, provinces = (value, None) if path == "names" else (["苏州"], value)
    with pytest.raises(ValidationError) as caught:
        roster.match(names, provinces=provinces)  # type: ignore[arg-type]
    assert str(caught.value) == f"invalid value: 1 problem\n  {path}: {message}"


def test_match_needs_a_province_for_each_name(roster: skillrevival.Roster) -> None:
    with pytest.raises(ValidationError) as caught:
        roster.match(["苏州", "宿州"], provinces=["江苏"])
    assert caught.value.problems == (
        Problem("provinces", "must line up with names: 1 entries for 2 names"),
    )


def test_a_miss_that_is_no_name_keeps_the_value_as_written(roster: skillrevival.Roster) -> None:
    report = roster.match([3.5, None, True])
    assert [miss.query for miss in report.misses] == ["3.5", "None", "True"]
    assert all(miss.candidates == () for miss in report.misses)


def test_suggestions_for_a_miss_come_from_the_year_asked_for(
    roster: skillrevival.Roster,
) -> None:
    # 铜仁地区 became 铜仁市 in 2011: the 2025 list has only the city, the 2005 list the 地区.
    [miss_2025] = roster.match(["铜仁地"], year=2025).misses
    assert "铜仁市" in miss_2025.candidates
    assert "铜仁地区" not in miss_2025.candidates
    [miss_2005] = roster.match(["铜仁地"], year=2005).misses
    assert "铜仁地区" in miss_2005.candidates


def test_a_roster_code_outside_the_geography_is_placed_by_its_province(
    roster: skillrevival.Roster,
) -> None:
    # 139001 is 定州's statistical code (and 武安市's in the civil-affairs lists of 1988-1994:
    # the roster's own codes come first); 定州 lies in 河北.
    assert roster.match(["139001"], provinces=["河北"]).matches == (roster.city("定州"),)
    assert roster.match(["139001"], provinces=["江苏"]).statuses == (MatchStatus.UNKNOWN,)


def test_city_rows_of_one_province_are_its_cities_alone() -> None:
    campaign = skillrevival.campaign()
    jiangxi = campaign.roster.province("江西")
    rows = list(city_rows(campaign, jiangxi))
    assert [row["name"] for row in rows] == [city.name for city in jiangxi.cities]
    assert {row["province"] for row in rows} == {"江西"}
