"""Large synthetic documents, generated fast from the bundled campaign.

The bundled campaign's JSON is the template: its notice, phases and sources are kept, and its
roster is replaced by ``size`` cities spread over the same provinces in round robin. Each city is
a copy of a real city of its province (so that any field the model gains is present and
consistent) with a new, unique printed name of three Han characters and 市, its position, in
any other text field that repeats the template's name, the new name, and new codes: its
``adcode`` and any ``other_codes`` are unique in the document, keep the template's province
prefix and never end in 00, so that no city is another's parent. Every document is valid.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

_FIRST_HAN = 0x4E00
_BASE = 400  # 400**3 = 64 million distinct names, all in the CJK block
_CODES_PER_PREFIX = 100 * 99  # 4 digits after the province's 2, the last two never 00


def bundled_data() -> dict[str, Any]:
    """The bundled campaign as parsed JSON."""
    text = resources.files("skillrevival").joinpath("data", "campaign.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def city_name(number: int) -> str:
    """A printed city name that no other ``number`` shares, even once normalised or stemmed."""
    digits = (number // _BASE**2, (number // _BASE) % _BASE, number % _BASE)
    return "".join(chr(_FIRST_HAN + d) for d in digits) + "市"


def campaign_data(size: int) -> dict[str, Any]:
    """A valid campaign document whose roster lists ``size`` cities."""
    data = bundled_data()
    provinces = data["roster"]["provinces"]
    templates = [province["cities"] for province in provinces]
    members: list[list[dict[str, Any]]] = [[] for _ in provinces]
    used: dict[str, int] = {}  # codes given so far under each 2-digit prefix
    for number in range(size):
        row = number % len(provinces)
        template = templates[row][len(members[row]) % len(templates[row])]
        city = _city_from(template, number, len(members[row]) + 1)
        for holder in (city, *city.get("other_codes", ())):
            key = "adcode" if holder is city else "code"
            holder[key] = _new_code(holder[key][:2], used)
        members[row].append(city)
    kept = []
    for province, cities in zip(provinces, members, strict=True):
        if cities:
            kept.append(dict(province, seq=len(kept) + 1, quota=len(cities), cities=cities))
    data["roster"] = dict(data["roster"], provinces=kept, total_quota=size)
    return data


def campaign_text(size: int) -> bytes:
    """:func:`campaign_data` as UTF-8 JSON text."""
    return json.dumps(campaign_data(size), ensure_ascii=False).encode("utf-8")


def _new_code(prefix: str, used: dict[str, int]) -> str:
    """The next unused 6-digit code under ``prefix``; its last two digits are never 00."""
    number = used.get(prefix, 0)
    if number >= _CODES_PER_PREFIX:
        raise ValueError(f"more than {_CODES_PER_PREFIX} codes under prefix {prefix}")
    used[prefix] = number + 1
    return f"{prefix}{number // 99:02d}{number % 99 + 1:02d}"


def _city_from(template: dict[str, Any], number: int, seq: int) -> dict[str, Any]:
    name = city_name(number)
    city = copy.deepcopy(template)
    for key, value in city.items():
        if isinstance(value, str) and template["name"] in value and key != "province":
            city[key] = value.replace(template["name"], name)
    city["seq"] = seq
    city["name"] = name
    # Every key names one city (validation sees to it): names the template shares with its
    # copies get the copy's number.
    city["official_name"] = name
    city["name_en"] = f"{template['name_en']} {number}"
    city["other_names"] = [f"{other} {number}" for other in template.get("other_names", ())]
    return city


def bad_campaign_data(size: int) -> tuple[dict[str, Any], int]:
    """A campaign of ``size`` cities with two problems in each, and the number of problems.

    Each city's code is written as a number (a shape problem) and its English name is blank
    (a text problem): two mistakes, two problems, whatever the size.
    """
    data = campaign_data(size)
    for province in data["roster"]["provinces"]:
        for city in province["cities"]:
            city["adcode"] = int(city["adcode"])
            city["name_en"] = " "
    return data, 2 * size
