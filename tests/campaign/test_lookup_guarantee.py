"""Validation guarantees lookups: in a roster that validates, every key finds exactly its record.

Rosters are drawn valid, then keys are copied from one record into another's fields (a name as
another's official name, a code as another's other name, ...). Whatever the result, either
validation reports a problem or every key of every city and province finds that record alone.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import Problem, strategies
from skillrevival._campaign.model import city_keys, province_keys

CITY_FIELDS = ("name", "official_name", "name_en", "other_names", "adcode", "other_codes")
PROVINCE_FIELDS = ("name", "official_name", "name_en", "other_names")


def _put(record: dict[str, Any], field: str, key: str) -> None:
    if field == "other_names":
        record["other_names"] = [*record.get("other_names", []), key]
    elif field == "other_codes":
        other = {"code": key, "kind": "current", "source": "notice", "note": "copied"}
        record["other_codes"] = [*record.get("other_codes", []), other]
    else:
        record[field] = key


@given(strategies.rosters(), st.data())
def test_every_key_of_a_valid_roster_finds_its_record(roster: Any, data: st.DataObject) -> None:
    doc = skillrevival.converter.unstructure(roster)
    cities = [c for p in doc["provinces"] for c in p["cities"]]
    for _ in range(data.draw(st.integers(0, 3), label="copies")):
        if data.draw(st.booleans(), label="a province"):
            source, target = (data.draw(st.sampled_from(doc["provinces"])) for _ in "ab")
            keys = province_keys(skillrevival.converter.structure(source, skillrevival.Province))
            field = data.draw(st.sampled_from(PROVINCE_FIELDS))
        else:
            source, target = (data.draw(st.sampled_from(cities)) for _ in "ab")
            keys = city_keys(skillrevival.converter.structure(source, skillrevival.City))
            field = data.draw(st.sampled_from(CITY_FIELDS))
        _put(target, field, data.draw(st.sampled_from(keys)))
    if skillrevival.validate(doc, skillrevival.Roster):
        return  # refused: nothing to promise
    valid = skillrevival.structure(doc, skillrevival.Roster)
    for city in valid.cities:
        for key in city_keys(city):
            assert valid.city(key) is city, key
    for province in valid.provinces:
        for key in province_keys(province):
            assert valid.province(key) is province, key


def test_the_issue_s_second_suzhou_is_refused_with_both_paths() -> None:
    """A second 苏州 row named "苏州" with code 320510 validated clean; now it is refused."""
    doc = skillrevival.converter.unstructure(skillrevival.campaign().roster)
    jiangsu = doc["provinces"][9]
    copy = dict(jiangsu["cities"][1], name="苏州", adcode="320510", seq=6)
    jiangsu["cities"].append(copy)
    jiangsu["quota"] = 6
    doc["total_quota"] = 101
    assert skillrevival.validate(doc, skillrevival.Roster) == [
        Problem(
            "provinces[9].cities[5].official_name",
            "'苏州市' also names the city at provinces[9].cities[1].name ('苏州市'): "
            "a lookup by it could not tell the two apart",
        )
    ]
