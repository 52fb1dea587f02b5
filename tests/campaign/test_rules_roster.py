"""The cross-field rules of the roster, its provinces and cities, each pinned by its exact problems.

Numbering, quotas and the total, names and codes listed once, a city's codes (six digits, a
parent only below prefecture level and in the same province, a district under its
municipality), a city's code inside its province's, and no lookup key shared by two records.
Each city rule is checked three ways: on the city alone, in its province alone and in the whole
campaign, because a province's row takes a quick path for cities that look usual and must not
take it for one that breaks a rule. The places are those of the bundled roster: 北京 (row 0,
code 11: 丰台区 110106, a district with parent 110000), 河北 (row 2: 唐山市 130200, 保定市
130600, 定州市 130682 under 130600 with statistical code 139001), 江苏 (row 9, code 32: 无锡市
320200, 苏州市 320500, ...), 浙江 (row 10, code 33), 河南 (row 15: 济源市 419001, its fifth
city, under 410000), 海南 (row 20, code 46, one city), 西藏 (row 25, code 54, 日喀则市 also
Xigazê) and 新疆兵团 (row 31, no code, within 65).
"""

import copy
from typing import Any

import pytest

import skillrevival
from skillrevival import City, Problem, Province
from skillrevival._campaign.rules import check_rules

Doc = dict[str, Any]
LOOKUP = "a lookup by it could not tell the two apart"


def _row(campaign_doc: Doc, index: int) -> Doc:
    """Row ``index`` of the roster: a copy, apart from the document."""
    province: Doc = copy.deepcopy(campaign_doc["roster"]["provinces"][index])
    return province


# (row, city, changes to the city, [(path inside the city, message)])
CITY_CASES: dict[str, tuple[int, int, Doc, list[tuple[str, str]]]] = {
    "adcode_five_digits": (
        9,
        1,
        {"adcode": "32050"},
        [("adcode", "must be 6 digits, got '32050'")],
    ),
    "adcode_seven_digits": (
        9,
        1,
        {"adcode": "3205000"},
        [("adcode", "must be 6 digits, got '3205000'")],
    ),
    "adcode_full_width_digits": (
        9,
        1,
        {"adcode": "３２０５００"},
        [("adcode", "must be 6 digits, got '３２０５００'")],
    ),
    "adcode_with_a_letter": (
        2,
        3,
        {"adcode": "13068a"},
        [("adcode", "must be 6 digits, got '13068a'")],
    ),
    "parent_five_digits": (
        2,
        3,
        {"parent": "13060"},
        [("parent", "must be 6 digits or null, got '13060'")],
    ),
    "parent_full_width_digit": (
        2,
        3,
        {"parent": "13060０"},
        [("parent", "must be 6 digits or null, got '13060０'")],
    ),
    "other_code_five_digits": (
        2,
        3,
        {
            "other_codes": [
                {
                    "code": "13900",
                    "kind": "statistical",
                    "source": "nbs-statistical-codes",
                    "note": "x",
                }
            ]
        },
        [("other_codes[0].code", "must be 6 digits, got '13900'")],
    ),
    "county_without_parent": (
        2,
        3,
        {"parent": None},
        [("parent", "a unit of level 'county_city' needs its parent's code")],
    ),
    "county_in_chinese_without_parent": (
        9,
        1,
        {"level": "县级市"},
        [("parent", "a unit of level 'county_city' needs its parent's code")],
    ),
    "district_without_parent": (
        0,
        0,
        {"parent": None},
        [("parent", "a unit of level 'municipal_district' needs its parent's code")],
    ),
    "prefecture_with_parent": (
        9,
        1,
        {"parent": "320000"},
        [("parent", "a prefecture-level unit ('prefecture_city') has no parent, got '320000'")],
    ),
    "prefecture_in_chinese_with_parent": (
        9,
        1,
        {"level": "地区", "parent": "320000"},
        [("parent", "a prefecture-level unit ('prefecture') has no parent, got '320000'")],
    ),
    "own_parent": (2, 3, {"parent": "130682"}, [("parent", "a unit cannot be its own parent")]),
    "parent_in_another_province": (
        2,
        3,
        {"parent": "110000"},
        [("parent", "parent 110000 is not a prefecture or province holding 130682")],
    ),
    "parent_a_county": (
        2,
        3,
        {"parent": "130601"},
        [("parent", "parent 130601 is not a prefecture or province holding 130682")],
    ),
    "district_under_a_prefecture": (
        0,
        0,
        {"parent": "110100"},
        [("parent", "a district of a municipality has the municipality as parent, not 110100")],
    ),
    "district_in_chinese_under_a_prefecture": (
        0,
        0,
        {"level": "直辖市市辖区", "parent": "110100"},
        [("parent", "a district of a municipality has the municipality as parent, not 110100")],
    ),
    "district_in_another_province": (
        0,
        0,
        {"parent": "120000"},
        [("parent", "parent 120000 is not a prefecture or province holding 110106")],
    ),
}

# Changes that leave a city valid: the rules must not find anything in them.
VALID_CITY_CASES: dict[str, tuple[int, int, Doc]] = {
    "county_under_its_province": (2, 3, {"parent": "130000"}),
    "district_in_chinese": (0, 0, {"level": "直辖市市辖区"}),
    "prefecture_in_chinese": (9, 1, {"level": "地级市"}),
    "county_with_statistical_code": (2, 3, {}),
    "xpcc_city": (31, 0, {}),
}


def _changed(campaign_doc: Doc, row: int, index: int, changes: Doc) -> tuple[Doc, Doc]:
    """A copy of the campaign with one city changed, and that city."""
    doc: Doc = copy.deepcopy(campaign_doc)
    city = doc["roster"]["provinces"][row]["cities"][index]
    city.update(changes)
    return doc, city


@pytest.mark.parametrize("name", sorted(CITY_CASES))
def test_city_rule_on_the_city_alone(campaign_doc: Doc, name: str) -> None:
    row, index, changes, expected = CITY_CASES[name]
    _, city = _changed(campaign_doc, row, index, changes)
    assert skillrevival.validate(city, City) == [Problem(p, m) for p, m in expected]


@pytest.mark.parametrize("name", sorted(CITY_CASES))
def test_city_rule_in_its_province(campaign_doc: Doc, name: str) -> None:
    row, index, changes, expected = CITY_CASES[name]
    doc, _ = _changed(campaign_doc, row, index, changes)
    province = doc["roster"]["provinces"][row]
    where = f"cities[{index}]"
    assert skillrevival.validate(province, Province) == [
        Problem(f"{where}.{p}", m) for p, m in expected
    ]


@pytest.mark.parametrize("name", sorted(CITY_CASES))
def test_city_rule_in_the_campaign(campaign_doc: Doc, name: str) -> None:
    row, index, changes, expected = CITY_CASES[name]
    doc, _ = _changed(campaign_doc, row, index, changes)
    where = f"roster.provinces[{row}].cities[{index}]"
    assert skillrevival.validate(doc) == [Problem(f"{where}.{p}", m) for p, m in expected]


@pytest.mark.parametrize("name", sorted(VALID_CITY_CASES))
def test_valid_city_changes(campaign_doc: Doc, name: str) -> None:
    row, index, changes = VALID_CITY_CASES[name]
    doc, city = _changed(campaign_doc, row, index, changes)
    assert skillrevival.validate(city, City) == []
    assert skillrevival.validate(doc["roster"]["provinces"][row], Province) == []
    assert skillrevival.validate(doc) == []


def test_a_code_that_is_not_text_gets_the_converters_problem_only(campaign_doc: Doc) -> None:
    _, city = _changed(campaign_doc, 2, 3, {"adcode": 130682, "parent": 130600})
    assert skillrevival.validate(city, City) == [
        Problem("adcode", "expected a string, got the number 130682"),
        Problem("parent", "expected a string, got the number 130600"),
    ]
    assert check_rules(city, City) == []


def test_no_parent_rule_without_a_level_the_rules_know(campaign_doc: Doc) -> None:
    for level in (None, 3, "city"):
        _, city = _changed(campaign_doc, 2, 3, {"level": level, "parent": None})
        assert check_rules(city, City) == [], level
    _, city = _changed(campaign_doc, 2, 3, {"level": "county_city", "parent": "1306"})
    assert check_rules(city, City) == [Problem("parent", "must be 6 digits or null, got '1306'")]


def test_an_other_code_repeating_the_citys_own(campaign_doc: Doc) -> None:
    doc, city = _changed(campaign_doc, 2, 3, {})
    city["other_codes"][0]["code"] = "130682"
    assert skillrevival.validate(city, City) == [
        Problem("other_codes[0].code", "repeats the city's own adcode 130682")
    ]
    where = "roster.provinces[2].cities[3]"
    assert skillrevival.validate(doc) == [
        Problem(f"{where}.other_codes[0].code", "repeats the city's own adcode 130682")
    ]


def test_other_codes_are_checked_each_at_its_index(campaign_doc: Doc) -> None:
    _, city = _changed(campaign_doc, 2, 3, {})
    first = city["other_codes"][0]
    city["other_codes"] = [first, dict(first, code="1390"), dict(first, code="130682")]
    assert skillrevival.validate(city, City) == [
        Problem("other_codes[1].code", "must be 6 digits, got '1390'"),
        Problem("other_codes[2].code", "repeats the city's own adcode 130682"),
    ]


def test_city_seq_below_one_alone_and_in_its_row(campaign_doc: Doc) -> None:
    doc, city = _changed(campaign_doc, 9, 0, {"seq": 0})
    assert skillrevival.validate(city, City) == [Problem("seq", "must be 1 or more, got 0")]
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[9].cities[0].seq", "city is numbered 0, but it stands at position 1"
        ),
        Problem("roster.provinces[9].cities[0].seq", "must be 1 or more, got 0"),
    ]
    _, city = _changed(campaign_doc, 9, 0, {"seq": 1})
    assert skillrevival.validate(city, City) == []


# --- a city inside its province ---


def test_a_city_whose_code_lies_in_another_province(campaign_doc: Doc) -> None:
    doc, _ = _changed(campaign_doc, 9, 1, {"adcode": "330600"})
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[9].cities[1].adcode",
            "code 330600 does not lie in the province's code 32",
        )
    ]
    assert skillrevival.validate(doc["roster"]["provinces"][9]["cities"][1], City) == []


def test_a_city_of_a_region_without_a_code_lies_in_the_region_it_is_within(
    campaign_doc: Doc,
) -> None:
    doc, _ = _changed(campaign_doc, 31, 0, {"adcode": "649002", "parent": "640000"})
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[31].cities[0].adcode",
            "code 649002 does not lie in the province's code 65",
        )
    ]


def test_no_province_check_for_a_province_code_that_is_no_code(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["roster"]["provinces"][9]["code"] = "3"
    doc["roster"]["provinces"][9]["cities"][1]["adcode"] = "330600"
    assert skillrevival.validate(doc) == [
        Problem("roster.provinces[9].code", "must be 2 digits or null, got '3'")
    ]


def test_a_city_naming_another_province(campaign_doc: Doc) -> None:
    doc, _ = _changed(campaign_doc, 9, 2, {"province": "浙江"})
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[9].cities[2].province",
            "names province '浙江', but it is listed under '江苏'",
        )
    ]


def test_a_province_row_reports_numbers_then_its_codes_then_its_cities(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    province["code"] = "320"
    cities = province["cities"]
    cities[0].update(province="浙江", adcode="32020")
    cities[1]["seq"] = 3
    cities[3]["seq"] = 1
    assert skillrevival.validate(province, Province) == [
        Problem("cities[1].seq", "city is numbered 3, but it stands at position 2"),
        Problem("cities[3].seq", "city is numbered 1, but it stands at position 4"),
        Problem("code", "must be 2 digits or null, got '320'"),
        Problem("cities[0].adcode", "must be 6 digits, got '32020'"),
        Problem("cities[0].province", "names province '浙江', but it is listed under '江苏'"),
    ]


def test_a_city_that_is_not_an_object_in_a_row(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    province["cities"][2] = "南通市"
    assert skillrevival.validate(province, Province) == [
        Problem("cities[2]", "expected an object, got the string '南通市'")
    ]


def test_a_city_without_a_province_or_seq_gets_no_rule_of_them(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    del province["cities"][2]["province"]
    province["cities"][3]["seq"] = "4"
    assert skillrevival.validate(province, Province) == [
        Problem("cities[2].province", "required field is missing"),
        Problem("cities[3].seq", "expected a whole number, got the string '4'"),
    ]


def test_a_province_without_a_name_still_checks_its_cities(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    province["name"] = 32
    province["cities"][1]["adcode"] = "330500"
    province["cities"][2]["seq"] = 9
    assert skillrevival.validate(province, Province) == [
        Problem("name", "expected a string, got the number 32"),
        Problem("cities[2].seq", "city is numbered 9, but it stands at position 3"),
        Problem("cities[1].adcode", "code 330500 does not lie in the province's code 32"),
    ]


# --- a province's own fields ---


def test_province_seq_below_one(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    province["seq"] = 0
    assert skillrevival.validate(province, Province) == [Problem("seq", "must be 1 or more, got 0")]


def test_negative_quota(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    province["quota"] = -5
    assert skillrevival.validate(province, Province) == [
        Problem("quota", "must not be negative, got -5")
    ]


@pytest.mark.parametrize(("quota", "listed"), [(4, 5), (6, 5), (0, 5)])
def test_quota_against_the_cities_listed(campaign_doc: Doc, quota: int, listed: int) -> None:
    province = _row(campaign_doc, 9)
    province["quota"] = quota
    assert skillrevival.validate(province, Province) == [
        Problem("quota", f"quota is {quota}, but {listed} cities are listed")
    ]


def test_quota_of_fewer_cities(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    del province["cities"][3:]
    assert skillrevival.validate(province, Province) == [
        Problem("quota", "quota is 5, but 3 cities are listed")
    ]
    province["quota"] = 3
    assert skillrevival.validate(province, Province) == []


def test_quota_zero_with_no_city_is_valid_for_the_province(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    province.update(quota=0, cities=[])
    assert skillrevival.validate(province, Province) == []


def test_no_quota_rule_without_a_list_of_cities_or_a_whole_quota(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    province["cities"] = None
    assert skillrevival.validate(province, Province) == [
        Problem("cities", "expected an array, got null")
    ]
    province = _row(campaign_doc, 9)
    province["quota"] = 4.0
    assert skillrevival.validate(province, Province) == [
        Problem("quota", "expected a whole number, got the number 4.0")
    ]
    province["quota"] = True
    assert check_rules(province, Province) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("code", "320", "must be 2 digits or null, got '320'"),
        ("code", "3", "must be 2 digits or null, got '3'"),
        ("code", "３２", "must be 2 digits or null, got '３２'"),
        ("code", "3a", "must be 2 digits or null, got '3a'"),
    ],
)
def test_province_code_not_two_digits(
    campaign_doc: Doc, field: str, value: str, message: str
) -> None:
    province = _row(campaign_doc, 20)
    province[field] = value
    assert skillrevival.validate(province, Province) == [Problem(field, message)]


def test_within_not_two_digits(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 31)
    province["within"] = "650"
    assert skillrevival.validate(province, Province) == [
        Problem("within", "must be 2 digits or null, got '650'")
    ]


def test_a_region_without_a_code_must_say_where_it_lies(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 31)
    province["within"] = None
    assert skillrevival.validate(province, Province) == [
        Problem("within", "a region without a code must say where it lies")
    ]


def test_a_region_with_a_code_lies_within_no_other(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 20)
    province["within"] = "44"
    assert skillrevival.validate(province, Province) == [
        Problem("within", "only a region without a code lies within another")
    ]


def test_a_region_without_a_code_field_gets_the_converters_problem_only(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 31)
    del province["code"]
    province["within"] = None
    assert skillrevival.validate(province, Province) == [
        Problem("code", "required field is missing")
    ]


# --- a province alone, and under a path ---


def test_province_alone_under_a_path(campaign_doc: Doc) -> None:
    """check_rules puts a province's problems under the path it is given (as in a roster)."""
    province = _row(campaign_doc, 9)
    province["cities"][2]["name"] = "苏州市"
    province["cities"][3]["official_name"] = "无锡市"
    province["seq"] = 0
    assert check_rules(province, Province, "roster.provinces[9]") == [
        Problem("roster.provinces[9].seq", "must be 1 or more, got 0"),
        Problem(
            "roster.provinces[9].cities[2].name",
            "city '苏州市' is already listed at roster.provinces[9].cities[1].name",
        ),
        Problem(
            "roster.provinces[9].cities[3].official_name",
            "'无锡市' also names the city at roster.provinces[9].cities[0].name ('无锡市'): "
            + LOOKUP,
        ),
    ]


def test_province_alone_key_clashes(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 30)
    cities = province["cities"]
    cities[1]["other_names"] = ["URUMQI"]
    cities[2]["name_en"] = "Wulumuqi"
    assert skillrevival.validate(province, Province) == [
        Problem(
            "cities[1].other_names[0]",
            "'URUMQI' also names the city at cities[0].name_en ('Urumqi'): " + LOOKUP,
        ),
        Problem(
            "cities[2].name_en",
            "'Wulumuqi' also names the city at cities[0].other_names[1] ('Wulumuqi'): " + LOOKUP,
        ),
    ]


# --- a city that a row's quick path must not pass ---

ROW_CASES: dict[str, tuple[int, int, Doc, list[tuple[str, str]]]] = {
    "parent_of_four_digits_ending_in_zeros": (
        15,
        4,
        {"parent": "4100"},
        [("parent", "must be 6 digits or null, got '4100'")],
    ),
    "parent_of_seven_digits_ending_in_zeros": (
        15,
        4,
        {"parent": "4100000"},
        [("parent", "must be 6 digits or null, got '4100000'")],
    ),
    "own_parent_ending_in_zeros": (
        9,
        1,
        {"level": "county_city", "parent": "320500"},
        [("parent", "a unit cannot be its own parent")],
    ),
}


@pytest.mark.parametrize("name", sorted(ROW_CASES))
def test_unusual_parents_alone_and_in_a_row(campaign_doc: Doc, name: str) -> None:
    row, index, changes, expected = ROW_CASES[name]
    doc, city = _changed(campaign_doc, row, index, changes)
    assert skillrevival.validate(city, City) == [Problem(p, m) for p, m in expected]
    assert skillrevival.validate(doc["roster"]["provinces"][row], Province) == [
        Problem(f"cities[{index}].{p}", m) for p, m in expected
    ]


@pytest.mark.parametrize(("row", "index", "parent"), [(2, 1, None), (15, 4, "410000")])
def test_a_level_that_is_an_array_is_the_converters(
    campaign_doc: Doc, row: int, index: int, parent: str | None
) -> None:
    province = _row(campaign_doc, row)
    province["cities"][index].update(level=["地级市"], parent=parent)
    problems = skillrevival.validate(province, Province)
    assert [p.path for p in problems] == [f"cities[{index}].level"]
    assert problems[0].message.startswith("expected AdminLevel as one of 'prefecture_city'")
    assert problems[0].message.endswith(", got an array")


def test_a_lone_city_without_a_name(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 20)
    province["cities"][0]["name"] = None
    assert skillrevival.validate(province, Province) == [
        Problem("cities[0].name", "expected a string, got null")
    ]


def test_a_province_code_written_as_a_number_is_the_converters(campaign_doc: Doc) -> None:
    province = _row(campaign_doc, 9)
    province["code"] = 32
    assert skillrevival.validate(province, Province) == [
        Problem("code", "expected a string, got the number 32")
    ]


def test_negative_quota_in_the_campaign(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["roster"]["provinces"][9]["quota"] = -1
    assert skillrevival.validate(doc) == [
        Problem("roster.provinces[9].quota", "must not be negative, got -1"),
        Problem("roster.total_quota", "total_quota is 100, but the provinces' quotas add up to 94"),
    ]


@pytest.mark.parametrize(
    ("row", "within", "message"),
    [
        (31, "650", "must be 2 digits or null, got '650'"),
        (31, None, "a region without a code must say where it lies"),
        (20, "44", "only a region without a code lies within another"),
    ],
)
def test_where_a_region_lies_in_the_campaign(
    campaign_doc: Doc, row: int, within: str | None, message: str
) -> None:
    doc = campaign_doc
    doc["roster"]["provinces"][row]["within"] = within
    assert skillrevival.validate(doc) == [Problem(f"roster.provinces[{row}].within", message)]
