"""Rules that hold for every generated campaign, roster and date."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import converter, strategies


@given(strategies.campaigns())
def test_round_trip(campaign: skillrevival.Campaign) -> None:
    data = converter.unstructure(campaign)
    assert skillrevival.validate(data) == []
    assert skillrevival.structure(data) == campaign
    assert skillrevival.loads(converter.dumps(campaign)) == campaign


@given(strategies.rosters(), st.data())
def test_changed_quota_is_reported_at_its_province(
    roster: skillrevival.Roster, data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(roster.provinces) - 1))
    delta = data.draw(st.integers(-5, 5).filter(bool))
    doc = converter.unstructure(roster)
    doc["provinces"][index]["quota"] += delta
    paths = [p.path for p in skillrevival.validate(doc, skillrevival.Roster)]
    assert f"provinces[{index}].quota" in paths


@given(strategies.rosters())
def test_every_city_found_by_printed_and_short_name(roster: skillrevival.Roster) -> None:
    for city in roster.cities:
        assert roster.city(city.name) is city
        stem = skillrevival.normalize(city.name)
        for suffix in ("自治州", "地区", "市", "区", "州", "盟", "县", "旗"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                stem = stem[: -len(suffix)]
                break
        assert roster.city(stem) is city
    for province in roster.provinces:
        assert roster.province(province.name) is province


@given(st.dates(dt.date(2014, 1, 1), dt.date(2018, 1, 1)))
def test_phase_on_agrees_with_plain_comparison(day: dt.date) -> None:
    campaign = skillrevival.campaign()
    expected = [p for p in campaign.phases if p.start <= day <= p.end]
    assert campaign.phase_on(day) == (expected[0] if expected else None)
    moment = dt.datetime(day.year, day.month, day.day, 12)
    assert campaign.phase_on(moment) == campaign.phase_on(day)


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = skillrevival.normalize(text)
    assert skillrevival.normalize(once) == once
