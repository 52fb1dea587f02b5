"""The roster's rules across its rows, each pinned by its exact problems: provinces numbered
1..n, the total quota, no province or city name and no code listed twice, and no lookup key (a
printed, official, English or other name, a code) that names two records.

The places are those of the bundled roster: 北京 (row 0, code 11), 河北 (row 2, code 13: 唐山市
130200, 保定市 130600, 秦皇岛市 130300, 定州市 130682 with statistical code 139001), 江苏 (row 9,
code 32: 无锡市 320200, 苏州市 320500 "Suzhou", 南通市 320600, ...), 浙江 (row 10, code 33, 浙江省:
温州市 330300, ...), 安徽 (row 11, code 34), 海南 (row 20, code 46: 海口市), 西藏 (row 25, code
54: 日喀则市, also Xigazê), 新疆 (row 30: 乌鲁木齐市, Urumqi, also Ürümqi) and 新疆兵团 (row 31,
no code).
"""

from typing import Any

import pytest

import skillrevival
from skillrevival import Problem, Roster
from skillrevival._campaign.rules import check_rules

Doc = dict[str, Any]
LOOKUP = "a lookup by it could not tell the two apart"
P = "roster.provinces"


def _provinces(doc: Doc) -> list[Doc]:
    provinces: list[Doc] = doc["roster"]["provinces"]
    return provinces


def _clash(where: str, value: str, first: str, seen: str, what: str = "city") -> Problem:
    return Problem(where, f"{value!r} also names the {what} at {first} ({seen!r}): {LOOKUP}")


# --- numbering and quotas ---


def test_provinces_numbered_out_of_order(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[3]["seq"] = 9
    _provinces(doc)[8]["seq"] = 4
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[3].seq", "province is numbered 9, but it stands at position 4"),
        Problem(f"{P}[8].seq", "province is numbered 4, but it stands at position 9"),
    ]


def test_roster_province_seq_zero(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[0]["seq"] = 0
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[0].seq", "province is numbered 0, but it stands at position 1"),
        Problem(f"{P}[0].seq", "must be 1 or more, got 0"),
    ]


def test_a_quota_and_the_total_disagree_with_the_cities(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["quota"] = 6
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[9].quota", "quota is 6, but 5 cities are listed"),
        Problem(
            "roster.total_quota", "total_quota is 100, but the provinces' quotas add up to 101"
        ),
    ]


def test_total_is_not_checked_while_a_quota_is_not_a_whole_number(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["quota"] = True
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[9].quota", "expected a whole number, got true")
    ]


def test_total_is_not_checked_when_it_is_not_a_whole_number(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["roster"]["total_quota"] = "100"
    _provinces(doc)[9]["quota"] = 4
    _provinces(doc)[9]["cities"].pop()
    assert skillrevival.validate(doc) == [
        Problem("roster.total_quota", "expected a whole number, got the string '100'")
    ]


def test_roster_alone_total_and_provinces(campaign_doc: Doc) -> None:
    roster = campaign_doc["roster"]
    roster["total_quota"] = 99
    assert skillrevival.validate(roster, Roster) == [
        Problem("total_quota", "total_quota is 99, but the provinces' quotas add up to 100")
    ]
    roster["provinces"] = {}
    assert skillrevival.validate(roster, Roster) == [
        Problem("provinces", "expected an array, got an object")
    ]


def test_roster_rules_under_a_path(campaign_doc: Doc) -> None:
    roster = campaign_doc["roster"]
    roster["provinces"] = []
    roster["total_quota"] = 0
    assert check_rules(roster, Roster, "roster") == [
        Problem("roster.provinces", "a roster lists at least one province")
    ]


# --- names listed twice ---


def test_a_province_listed_twice(campaign_doc: Doc) -> None:
    """Each row's own rules first, then the names across rows."""
    doc = campaign_doc
    _provinces(doc)[3]["name"] = "北京"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[3].cities[{i}].province", "names province '山西', but it is listed under '北京'"
        )
        for i in range(3)
    ] + [Problem(f"{P}[3].name", "province '北京' is already listed at roster.provinces[0].name")]


def test_a_province_listed_twice_once_spaces_are_dropped(campaign_doc: Doc) -> None:
    doc = campaign_doc
    province = _provinces(doc)[20]
    province["name"] = "江 苏"
    for city in province["cities"]:
        city["province"] = "江 苏"
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[20].name", "province '江 苏' is already listed at roster.provinces[9].name")
    ]


def test_a_city_listed_in_two_provinces(campaign_doc: Doc) -> None:
    """The first city of a row: its path counts from that row's start."""
    doc = campaign_doc
    _provinces(doc)[10]["cities"][0]["name"] = "苏州市"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[10].cities[0].name",
            "city '苏州市' is already listed at roster.provinces[9].cities[1].name",
        )
    ]


def test_a_city_listed_at_the_end_of_one_row_and_the_start_of_the_next(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][4]["name"] = "温州市"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[10].cities[0].name",
            "city '温州市' is already listed at roster.provinces[9].cities[4].name",
        )
    ]


def test_city_paths_skip_a_row_without_cities(campaign_doc: Doc) -> None:
    doc = campaign_doc
    hainan = _provinces(doc)[20]
    hainan.update(quota=0, cities=[])
    doc["roster"]["total_quota"] = 99
    _provinces(doc)[21]["cities"][0]["name"] = "海南岛"
    _provinces(doc)[22]["cities"][1]["name"] = "海南岛"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[22].cities[1].name",
            "city '海南岛' is already listed at roster.provinces[21].cities[0].name",
        )
    ]


def test_a_city_listed_twice_once_case_and_width_are_folded(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[10]["cities"][0]["name"] = "SUZHOU"
    _provinces(doc)[11]["cities"][0]["name"] = "ｓｕｚｈｏｕ"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[11].cities[0].name",
            "city 'ｓｕｚｈｏｕ' is already listed at roster.provinces[10].cities[0].name",
        ),
        _clash(f"{P}[10].cities[0].name", "SUZHOU", f"{P}[9].cities[1].name_en", "Suzhou"),
        _clash(f"{P}[11].cities[0].name", "ｓｕｚｈｏｕ", f"{P}[9].cities[1].name_en", "Suzhou"),
    ]


def test_a_city_listed_after_one_without_a_name(campaign_doc: Doc) -> None:
    doc = campaign_doc
    del _provinces(doc)[9]["cities"][0]["name"]
    _provinces(doc)[9]["cities"][3]["name"] = "苏州市"
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[9].cities[0].name", "required field is missing"),
        Problem(
            f"{P}[9].cities[3].name",
            "city '苏州市' is already listed at roster.provinces[9].cities[1].name",
        ),
    ]


def test_blank_names_are_not_listed_twice(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][0]["name"] = " "
    _provinces(doc)[9]["cities"][1]["name"] = " "
    assert check_rules(doc["roster"], Roster, text=False) == []
    assert set(skillrevival.validate(doc)) == {
        Problem(f"{P}[9].cities[0].name", "must not be empty or blank"),
        Problem(f"{P}[9].cities[1].name", "must not be empty or blank"),
    }


# --- codes listed twice ---


def test_a_province_code_listed_twice(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[25]["code"] = "46"
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[25].cities[0].adcode", "code 540200 does not lie in the province's code 46"),
        Problem(
            f"{P}[25].code", "province code '46' is already listed at roster.provinces[20].code"
        ),
    ]


def test_province_code_paths_skip_a_region_without_a_code(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[0].update(code=None, within="11")
    _provinces(doc)[25]["code"] = "46"
    _provinces(doc)[25]["cities"][0]["adcode"] = "460200"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[25].code", "province code '46' is already listed at roster.provinces[20].code"
        )
    ]


def test_a_city_code_listed_twice(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][2]["adcode"] = "320500"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[9].cities[2].adcode",
            "code '320500' is already listed at roster.provinces[9].cities[1].adcode",
        )
    ]


def test_an_other_code_that_is_another_citys_code(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[2]["cities"][3]["other_codes"][0]["code"] = "130200"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[2].cities[3].other_codes[0].code",
            "code '130200' is already listed at roster.provinces[2].cities[0].adcode",
        )
    ]


def test_a_city_code_that_is_another_citys_other_code(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][0]["other_codes"] = [
        {"code": "320500", "kind": "statistical", "source": "nbs-statistical-codes", "note": "x"}
    ]
    _provinces(doc)[9]["cities"][4]["adcode"] = "320200"
    assert skillrevival.validate(doc) == [
        Problem(
            f"{P}[9].cities[1].adcode",
            "code '320500' is already listed at roster.provinces[9].cities[0].other_codes[0].code",
        ),
        Problem(
            f"{P}[9].cities[4].adcode",
            "code '320200' is already listed at roster.provinces[9].cities[0].adcode",
        ),
    ]


# --- lookup keys shared by two records ---


def test_a_citys_official_name_that_is_another_citys_name(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[10]["cities"][0]["official_name"] = "苏州市"
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[10].cities[0].official_name", "苏州市", f"{P}[9].cities[1].name", "苏州市")
    ]


def test_a_citys_name_that_is_an_earlier_citys_other_name(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[30]["cities"][2]["name"] = "Wulumuqi"
    _provinces(doc)[30]["cities"][2]["province"] = "新疆"
    assert skillrevival.validate(doc) == [
        _clash(
            f"{P}[30].cities[2].name", "Wulumuqi", f"{P}[30].cities[0].other_names[1]", "Wulumuqi"
        )
    ]


def test_english_names_clash_once_case_is_folded(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[11]["cities"][0]["name_en"] = "SUZHOU"
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[11].cities[0].name_en", "SUZHOU", f"{P}[9].cities[1].name_en", "Suzhou")
    ]


def test_names_clash_once_accents_are_dropped(campaign_doc: Doc) -> None:
    """Xigazê (an other name of 日喀则市) and XIGAZE are one key."""
    doc = campaign_doc
    _provinces(doc)[30]["cities"][1]["other_names"] = ["Kelamayi", "XIGAZE"]
    assert skillrevival.validate(doc) == [
        _clash(
            f"{P}[30].cities[1].other_names[1]",
            "XIGAZE",
            f"{P}[25].cities[0].other_names[0]",
            "Xigazê",
        )
    ]


def test_an_accented_name_clashes_with_a_plain_one(campaign_doc: Doc) -> None:
    """Ürümqi is Urumqi once accents are dropped: the first of 乌鲁木齐市's keys to clash."""
    doc = campaign_doc
    _provinces(doc)[9]["cities"][0]["other_names"] = ["Ürümqi"]
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[30].cities[0].name_en", "Urumqi", f"{P}[9].cities[0].other_names[0]", "Ürümqi")
    ]


def test_a_name_that_is_another_citys_code(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][0]["other_names"] = ["320500"]
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[9].cities[1].adcode", "320500", f"{P}[9].cities[0].other_names[0]", "320500")
    ]


def test_a_name_that_is_another_citys_other_code(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][0]["other_names"] = ["139001"]
    assert skillrevival.validate(doc) == [
        _clash(
            f"{P}[9].cities[0].other_names[0]",
            "139001",
            f"{P}[2].cities[3].other_codes[0].code",
            "139001",
        )
    ]


def test_two_cities_that_share_several_keys_are_reported_once(campaign_doc: Doc) -> None:
    doc = campaign_doc
    city = _provinces(doc)[10]["cities"][0]
    city.update(official_name="苏州市", name_en="Suzhou", other_names=["苏州"])
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[10].cities[0].official_name", "苏州市", f"{P}[9].cities[1].name", "苏州市")
    ]


def test_each_pair_of_cities_is_reported(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[10]["cities"][0]["official_name"] = "苏州市"
    _provinces(doc)[11]["cities"][0]["other_names"] = ["苏州市"]
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[10].cities[0].official_name", "苏州市", f"{P}[9].cities[1].name", "苏州市"),
        _clash(f"{P}[11].cities[0].other_names[0]", "苏州市", f"{P}[9].cities[1].name", "苏州市"),
    ]


def test_a_city_may_repeat_its_own_keys(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][1]["other_names"] = ["苏州市", "SUZHOU", "320500"]
    assert skillrevival.validate(doc) == []


def test_cities_that_are_not_objects_still_count_in_the_key_check(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][0] = None
    _provinces(doc)[10]["cities"][0]["official_name"] = "苏州市"
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[9].cities[0]", "expected an object, got null"),
        _clash(f"{P}[10].cities[0].official_name", "苏州市", f"{P}[9].cities[1].name", "苏州市"),
    ]


def test_other_names_that_are_not_a_list_are_the_converters(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][0]["other_names"] = "苏州市"
    _provinces(doc)[9]["cities"][2]["other_codes"] = "320500"
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[9].cities[0].other_names", "expected an array, got the string '苏州市'"),
        Problem(f"{P}[9].cities[2].other_codes", "expected an array, got the string '320500'"),
    ]


def test_blank_and_missing_keys_name_nothing(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["cities"][0]["other_names"] = [" "]
    _provinces(doc)[10]["cities"][0]["other_names"] = [" "]
    _provinces(doc)[9]["cities"][1]["official_name"] = None
    _provinces(doc)[10]["cities"][1]["official_name"] = None
    assert check_rules(doc, skillrevival.Campaign, text=False) == []


# --- province keys ---


def test_a_provinces_english_name_that_is_another_provinces_name(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[10]["name_en"] = "江苏"
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[10].name_en", "江苏", f"{P}[9].name", "江苏", "province")
    ]


def test_two_provinces_with_one_official_name(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["official_name"] = "浙江省"
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[10].official_name", "浙江省", f"{P}[9].official_name", "浙江省", "province")
    ]


@pytest.mark.parametrize(("name", "seen"), [("32", "32"), ("320000", "320000")])
def test_a_province_named_by_another_provinces_code(
    campaign_doc: Doc, name: str, seen: str
) -> None:
    """A province is found by its code (32) and by its code as six digits (320000)."""
    doc = campaign_doc
    _provinces(doc)[10]["other_names"] = [name]
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[10].other_names[0]", name, f"{P}[9].code", seen, "province")
    ]


def test_a_province_named_by_a_later_provinces_code(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[0]["other_names"] = ["330000"]
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[10].code", "330000", f"{P}[0].other_names[0]", "330000", "province")
    ]


def test_province_names_clash_once_accents_are_dropped(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["other_names"] = ["Xìzàng"]
    assert skillrevival.validate(doc) == [
        _clash(f"{P}[25].other_names[0]", "Xizang", f"{P}[9].other_names[0]", "Xìzàng", "province")
    ]


def test_a_province_may_repeat_its_own_keys(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[9]["other_names"] = ["江苏省", "JIANGSU", "32", "320000"]
    assert skillrevival.validate(doc) == []


def test_a_province_that_is_not_an_object_still_counts(campaign_doc: Doc) -> None:
    doc = campaign_doc
    _provinces(doc)[0] = "北京"
    doc["roster"]["total_quota"] = 97
    _provinces(doc)[10]["name_en"] = "江苏"
    assert skillrevival.validate(doc) == [
        Problem(f"{P}[0]", "expected an object, got the string '北京'"),
        _clash(f"{P}[10].name_en", "江苏", f"{P}[9].name", "江苏", "province"),
    ]


# --- a clash is found whatever else is odd in the roster ---


def _two_rows(campaign_doc: Doc) -> Doc:
    """A roster of 江苏 and 浙江 alone (no region without a code)."""
    roster = campaign_doc["roster"]
    roster["provinces"] = [roster["provinces"][9], roster["provinces"][10]]
    roster["provinces"][0]["seq"] = 1
    roster["provinces"][1]["seq"] = 2
    roster["total_quota"] = 10
    return roster


def test_a_small_roster_is_valid(campaign_doc: Doc) -> None:
    assert skillrevival.validate(_two_rows(campaign_doc), Roster) == []


def test_a_province_named_by_another_provinces_code_in_a_roster_of_coded_provinces(
    campaign_doc: Doc,
) -> None:
    roster = _two_rows(campaign_doc)
    roster["provinces"][1]["other_names"] = ["32"]
    assert skillrevival.validate(roster, Roster) == [
        _clash("provinces[1].other_names[0]", "32", "provinces[0].code", "32", "province")
    ]


def test_a_roster_whose_only_city_is_not_an_object(campaign_doc: Doc) -> None:
    roster = _two_rows(campaign_doc)
    del roster["provinces"][1]
    roster["provinces"][0].update(quota=1, cities=["南通市"])
    roster["total_quota"] = 1
    assert skillrevival.validate(roster, Roster) == [
        Problem("provinces[0].cities[0]", "expected an object, got the string '南通市'")
    ]


def test_a_roster_whose_only_province_is_not_an_object(campaign_doc: Doc) -> None:
    roster = _two_rows(campaign_doc)
    roster["provinces"] = ["江苏"]
    assert skillrevival.validate(roster, Roster) == [
        Problem("provinces[0]", "expected an object, got the string '江苏'")
    ]


def test_a_city_clash_beside_other_names_that_are_not_a_list(campaign_doc: Doc) -> None:
    roster = _two_rows(campaign_doc)
    roster["provinces"][0]["cities"][0]["other_names"] = "无锡"
    roster["provinces"][1]["cities"][0]["official_name"] = "苏州市"
    assert skillrevival.validate(roster, Roster) == [
        Problem("provinces[0].cities[0].other_names", "expected an array, got the string '无锡'"),
        _clash(
            "provinces[1].cities[0].official_name",
            "苏州市",
            "provinces[0].cities[1].name",
            "苏州市",
        ),
    ]


def test_a_province_clash_beside_other_names_that_are_not_a_list(campaign_doc: Doc) -> None:
    roster = _two_rows(campaign_doc)
    roster["provinces"][0]["other_names"] = "苏"
    roster["provinces"][1]["name_en"] = "江苏"
    assert skillrevival.validate(roster, Roster) == [
        Problem("provinces[0].other_names", "expected an array, got the string '苏'"),
        _clash("provinces[1].name_en", "江苏", "provinces[0].name", "江苏", "province"),
    ]


def test_a_city_clash_beside_a_missing_name(campaign_doc: Doc) -> None:
    roster = _two_rows(campaign_doc)
    del roster["provinces"][0]["cities"][0]["official_name"]
    roster["provinces"][1]["cities"][0]["official_name"] = "苏州市"
    assert skillrevival.validate(roster, Roster) == [
        Problem("provinces[0].cities[0].official_name", "required field is missing"),
        _clash(
            "provinces[1].cities[0].official_name",
            "苏州市",
            "provinces[0].cities[1].name",
            "苏州市",
        ),
    ]


def test_a_city_listed_twice_once_inner_spaces_are_dropped(campaign_doc: Doc) -> None:
    roster = _two_rows(campaign_doc)
    roster["provinces"][1]["cities"][0]["name"] = "苏 州市"
    assert skillrevival.validate(roster, Roster) == [
        Problem(
            "provinces[1].cities[0].name",
            "city '苏 州市' is already listed at provinces[0].cities[1].name",
        )
    ]


def test_a_city_clash_beside_a_name_holding_nul(campaign_doc: Doc) -> None:
    """NUL is no white space and no separator: a name holding it is a name like any other."""
    roster = _two_rows(campaign_doc)
    roster["provinces"][0]["cities"][0]["other_names"] = ["无\x00锡"]
    assert skillrevival.validate(roster, Roster) == []
    roster["provinces"][1]["cities"][0]["official_name"] = "苏州市"
    assert skillrevival.validate(roster, Roster) == [
        _clash(
            "provinces[1].cities[0].official_name",
            "苏州市",
            "provinces[0].cities[1].name",
            "苏州市",
        ),
    ]


def test_a_city_code_of_two_digits_is_not_read_as_a_province_code(campaign_doc: Doc) -> None:
    """Only a province is also found by its code with 0000 added; a city's short code is just
    a bad code (and a clash elsewhere makes the walk over every key run)."""
    roster = _two_rows(campaign_doc)
    roster["provinces"][0]["cities"][0]["adcode"] = "32"
    roster["provinces"][0]["cities"][2]["other_names"] = ["320000"]
    roster["provinces"][1]["cities"][0]["official_name"] = "苏州市"
    assert skillrevival.validate(roster, Roster) == [
        Problem("provinces[0].cities[0].adcode", "must be 6 digits, got '32'"),
        _clash(
            "provinces[1].cities[0].official_name",
            "苏州市",
            "provinces[0].cities[1].name",
            "苏州市",
        ),
    ]


def test_a_province_code_of_six_digits_is_one_mistake(campaign_doc: Doc) -> None:
    roster = _two_rows(campaign_doc)
    roster["provinces"][1]["code"] = "320000"
    assert skillrevival.validate(roster, Roster) == [
        Problem("provinces[1].code", "must be 2 digits or null, got '320000'")
    ]
