"""Roster behaves as a collection of its cities: len, iteration and `in` (as pycountry's do)."""

from __future__ import annotations

import skillrevival


def test_len_is_the_notice_s_hundred_cities(roster: skillrevival.Roster) -> None:
    assert len(roster) == 100  # 附件2: 100 implementing cities


def test_iteration_gives_the_cities_in_the_notice_s_order(roster: skillrevival.Roster) -> None:
    cities = list(roster)
    assert cities == list(roster.cities)
    assert cities[0].name == "丰台区"  # 北京's row comes first in 附件2


def test_in_takes_a_city_a_name_or_a_code(roster: skillrevival.Roster) -> None:
    dingzhou = roster.city("定州")
    assert dingzhou in roster
    for key in ("定州", "定州市", "Dingzhou", "130682", 130682, " 苏州 ", "SUZHOU CITY"):
        assert key in roster, key
    for key in ("南京", "130600x", 999999, None, 1.5, True, b"130682"):
        assert key not in roster, key
    other = skillrevival.City(1, "某市", "江苏", "320999", "某市", dingzhou.level, None, "X", "s")
    assert other not in roster


def test_in_agrees_with_get_city(roster: skillrevival.Roster) -> None:
    for city in roster:
        for key in (city.name, city.adcode, int(city.adcode), city.name_en):
            assert (key in roster) == (roster.get_city(key) is city)
