"""The model's behaviour: immutability, lookups, phases by date, the converter's round trip."""

import datetime as dt
import subprocess
import sys

import attrs
import pendulum
import pytest

import skillrevival
from skillrevival import MatchStatus, NotFoundError, Problem, ValidationError


def test_campaign_is_cached_and_equal(campaign: skillrevival.Campaign) -> None:
    assert skillrevival.campaign() is campaign
    again = skillrevival.loads(skillrevival.converter.dumps(campaign))
    assert again == campaign
    assert hash(again) == hash(campaign)


def test_objects_cannot_be_changed(campaign: skillrevival.Campaign) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        campaign.batch = 3  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        campaign.roster.provinces[0].quota = 9  # type: ignore[misc]
    assert isinstance(campaign.roster.provinces, tuple)
    assert isinstance(campaign.roster.cities, tuple)
    with pytest.raises(AttributeError):
        campaign.roster.provinces[0].extra = 1  # type: ignore[attr-defined]


def test_import_reads_no_data_and_skips_cattrs() -> None:
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: event == 'open' and opened.append(str(args[0])))\n"
        "import skillrevival\n"
        "print('cattrs' in sys.modules, [p for p in opened if p.endswith('.json')])\n"
        "skillrevival.campaign()\n"
        "print([p for p in opened if p.endswith('.json')][-1].endswith('campaign.json'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["False []", "True"]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("苏州", "苏州市"),
        ("苏州市", "苏州市"),
        (" 苏 州 ", "苏州市"),
        ("\u3000苏州市", "苏州市"),
        ("鹰谭", "鹰谭市"),
        ("凉山州", "凉山州"),
        ("凉山", "凉山州"),
        ("巴州", "巴州"),
        ("第一师阿拉尔市", "第一师阿拉尔市"),
        ("九龙坡", "九龙坡区"),
        ("滨海新区", "滨海新区"),
    ],
)
def test_city_lookup(campaign: skillrevival.Campaign, key: str, expected: str) -> None:
    assert campaign.roster.city(key).name == expected
    assert campaign.roster.get_city(key) is campaign.roster.city(key)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("江苏", "江苏"),
        ("江苏省", "江苏"),
        ("北京市", "北京"),
        ("内蒙古", "内蒙古"),
        ("新疆兵团", "新疆兵团"),
    ],
)
def test_province_lookup(campaign: skillrevival.Campaign, key: str, expected: str) -> None:
    assert campaign.roster.province(key).name == expected


@pytest.mark.parametrize("key", ["朝阳区", "苏州区", "巴", "", "   ", "南京", "Suzhou2"])
def test_misses(campaign: skillrevival.Campaign, key: str) -> None:
    assert campaign.roster.get_city(key) is None
    with pytest.raises(NotFoundError) as caught:
        campaign.roster.city(key)
    assert isinstance(caught.value, LookupError)
    assert repr(key) in str(caught.value)


def test_miss_suggests_closest(campaign: skillrevival.Campaign) -> None:
    with pytest.raises(NotFoundError) as caught:
        campaign.roster.city("苏洲市")
    assert caught.value.suggestions[0] == "苏州市"  # a key city() accepts
    assert "did you mean 苏州市 (江苏)" in str(caught.value)
    with pytest.raises(NotFoundError, match="no province named '江酥'"):
        campaign.roster.province("江酥")


def test_province_of(campaign: skillrevival.Campaign) -> None:
    assert campaign.roster.province_of(campaign.roster.city("定州")).name == "河北"


@pytest.mark.parametrize(
    ("day", "number"),
    [
        (pendulum.Date(2015, 2, 28), None),
        (pendulum.Date(2015, 3, 1), 1),
        (dt.date(2015, 5, 31), 1),
        (dt.date(2015, 6, 1), 2),
        (dt.datetime(2016, 9, 30, 23, 59), 2),
        (pendulum.datetime(2016, 10, 1), 3),
        ("2016-12-31", 3),
        ("2017-01-01", None),
    ],
)
def test_phase_on(campaign: skillrevival.Campaign, day: object, number: int | None) -> None:
    phase = campaign.phase_on(day)  # type: ignore[arg-type]
    assert (phase.number if phase else None) == number


@pytest.mark.parametrize("day", ["2016-13-01", "1 May 2016", 20160101, None])
def test_phase_on_rejects_what_is_not_a_date(campaign: skillrevival.Campaign, day: object) -> None:
    with pytest.raises(ValidationError) as caught:
        campaign.phase_on(day)  # type: ignore[arg-type]
    assert caught.value.problems[0].path == "date"


def test_converter_writes_dates_as_iso_strings(campaign: skillrevival.Campaign) -> None:
    data = skillrevival.converter.unstructure(campaign)
    assert data["notice"]["issued_on"] == "2015-04-20"
    assert data["phases"][1]["end"] == "2016-09-30"
    assert data["roster"]["provinces"][0]["cities"][0] == {
        "seq": 1,
        "name": "丰台区",
        "province": "北京",
        "adcode": "110106",
        "official_name": "丰台区",
        "level": "municipal_district",
        "parent": "110000",
        "name_en": "Fengtai",
        "source": "gb2260-201504",
        "other_names": [],
        "other_codes": [],
    }


def test_parts_load_on_their_own(campaign: skillrevival.Campaign) -> None:
    roster = skillrevival.converter.dumps(campaign.roster)
    assert skillrevival.loads(roster, skillrevival.Roster) == campaign.roster
    phase = skillrevival.converter.unstructure(campaign.phases[0])
    assert skillrevival.structure(phase, skillrevival.Phase) == campaign.phases[0]


def test_cannot_load_an_unknown_class() -> None:
    with pytest.raises(ValidationError, match="cannot read"):
        skillrevival.structure({}, dict)


def test_load_reads_a_file(tmp_path: object, campaign: skillrevival.Campaign) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "campaign.json"
    path.write_text(skillrevival.converter.dumps(campaign), encoding="utf-8")
    assert skillrevival.load(path) == campaign
    with pytest.raises(ValidationError, match="cannot read"):
        skillrevival.load(path.with_name("missing.json"))


# ==================================================================================================
# Roster and City rules at their edges: exact errors (a missing year, a match's columns), a key
# that two roster units share (never settled through the geography), what a match keeps of its
# misses, and the rows of one province.
# ==================================================================================================


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
    # (铜人地区 misprints 仁; 铜仁地, as before, is now read as an address: 铜仁, then 地.)
    [miss_2025] = roster.match(["铜人地区"], year=2025).misses
    assert miss_2025.candidates
    assert "铜仁地区" not in miss_2025.candidates
    [miss_2005] = roster.match(["铜人地区"], year=2005).misses
    assert "铜仁地区" in miss_2005.candidates


def test_a_roster_code_outside_the_geography_is_placed_by_its_province(
    roster: skillrevival.Roster,
) -> None:
    # 139001 is 定州's statistical code (and 武安市's in the civil-affairs lists of 1988-1994:
    # the roster's own codes come first); 定州 lies in 河北.
    assert roster.match(["139001"], provinces=["河北"]).matches == (roster.city("定州"),)
    assert roster.match(["139001"], provinces=["江苏"]).statuses == (MatchStatus.UNKNOWN,)
