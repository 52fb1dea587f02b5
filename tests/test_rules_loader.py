"""Reading's rules at their edges: how validate() names a wrong value, and is_implementing's
reading of codes and the exact errors it raises.

The roster's facts are from 附件2 of 人社部函〔2015〕67号 (定州 130682 and 保定 130600 are on it);
the codes' years are from the geography's lists, 2000 to 2025.
"""

import pytest

import skillrevival
from skillrevival import NotFoundError, Phase, Place, Problem, ValidationError
from skillrevival._campaign.model import Attachment

FORTY = "0123456789" * 4


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (2.5, "the number 2.5"),
        ("12", "the string '12'"),
        (FORTY, f"the string '{FORTY}'"),  # 40 characters are shown whole
        (FORTY + "X", "the string '0123456789012345678901234567890123456...'"),  # 41: cut to 37
        ([1], "an array"),
        ({"n": 1}, "an object"),
        ({1, 2}, "set"),  # not JSON at all: named by its Python type
    ],
)
def test_a_wrong_value_is_named_as_a_files_author_sees_it(value: object, shown: str) -> None:
    document = {"number": value, "title": {"zh": "一", "en": "one"}}
    expected = Problem("number", f"expected a whole number, got {shown}")
    assert skillrevival.validate(document, Attachment) == [expected]


PHASE_1 = {
    "number": 1,
    "name": {"zh": "第一阶段", "en": "Phase 1"},
    "printed_period": "2015年3-5月",
    "start": "2015-03-01",
    "end": "2015-05-31",
    "tasks": [{"zh": "启动", "en": "Start"}],
    "clause": "附件1 五",
}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (20150301, "expected a date as a YYYY-MM-DD string, got the number 20150301"),
        (None, "expected a date as a YYYY-MM-DD string, got null"),
        (["2015-03-01"], "expected a date as a YYYY-MM-DD string, got an array"),
    ],
)
def test_a_date_must_be_a_string(value: object, message: str) -> None:
    assert skillrevival.validate({**PHASE_1, "start": value}, Phase) == [Problem("start", message)]


def test_a_valid_date_string_is_read_as_that_date() -> None:
    assert skillrevival.validate(PHASE_1, Phase) == []
    phase = skillrevival.structure({**PHASE_1, "start": "2015-03-02"}, Phase)
    assert (phase.start.year, phase.start.month, phase.start.day) == (2015, 3, 2)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (" 130682 ", True),  # 定州, padded as a spreadsheet cell may be
        ("１３０６８２", True),  # 定州, in full-width digits
        ("１３０６０２", False),  # a district of 保定, in full-width digits
    ],
)
def test_a_code_is_read_after_normalising(key: str, expected: bool) -> None:
    assert skillrevival.is_implementing(key) is expected


@pytest.mark.parametrize("key", ["999999", 999999, " 999999", "９９９９９９"])
def test_a_code_in_no_list_is_refused_with_the_years_searched(key: str | int) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.is_implementing(key)
    typed = key if isinstance(key, str) else str(key)
    message = f"no place has the code {typed!r} in any list from 1980 to 2025"
    assert caught.value.problems == (Problem("code_or_name", message),)
    assert caught.value.what == "value"


@pytest.mark.parametrize(
    ("key", "kind"), [(13.0, "float"), (None, "NoneType"), (b"130682", "bytes")]
)
def test_a_key_of_another_type_is_refused_by_name(key: object, kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.is_implementing(key)  # type: ignore[arg-type]
    message = f"expected a name or a code, got {kind}"
    assert str(caught.value) == f"invalid value: 1 problem\n  code_or_name: {message}"


def test_a_name_whose_places_disagree_is_unknown_and_says_why() -> None:
    # 江北区 of 宁波 (330205) is not on the roster; 江北区 of 重庆 (500105) is, until 2024.
    with pytest.raises(NotFoundError) as caught:
        skillrevival.is_implementing("江北区")
    error = caught.value
    assert str(error) == (
        "'江北区' names places of which some are implementing units and some not: "
        "江北区 330205 (浙江, 1980-); 江北区 500105 (重庆, 1997-2024)"
    )
    assert error.key == "江北区"
    assert error.suggestions == ("330205", "500105")
    codes = [place.code for place in error.candidates if isinstance(place, Place)]
    assert codes == ["330205", "500105"]
    assert len(error.candidates) == 2


DINGZHOU = {
    "seq": 4,
    "name": "定州市",
    "province": "河北",
    "adcode": "130682",
    "official_name": "定州市",
    "level": "county_city",
    "parent": "130600",
    "name_en": "Dingzhou",
    "source": "gb2260-201504",
}


@pytest.mark.parametrize("level", ["county_city", "县级市"])
def test_a_level_is_read_by_its_value_or_its_chinese_term(level: str) -> None:
    city = skillrevival.structure({**DINGZHOU, "level": level}, skillrevival.City)
    assert city.level is skillrevival.AdminLevel.COUNTY_CITY


def test_a_class_that_no_document_describes_is_refused_by_name() -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.validate({}, int)  # type: ignore[arg-type]
    names = (
        "Campaign, Notice, Phase, PlanItem, Roster, Province, City, Term, Attachment, "
        "StatedDuration, Anomaly, Source, OtherCode"
    )
    message = f"cannot read a <class 'int'>; expected one of {names}"
    assert caught.value.problems == (Problem("cls", message),)


def test_a_rule_refuses_what_has_the_right_shape() -> None:
    # Every value has its type, but the phase would end before it starts.
    document = {**PHASE_1, "start": "2015-06-01"}
    expected = [Problem("end", "phase ends (2015-05-31) before it starts (2015-06-01)")]
    assert skillrevival.validate(document, Phase) == expected
    with pytest.raises(ValidationError) as caught:
        skillrevival.structure(document, Phase)
    assert list(caught.value.problems) == expected


def test_shape_problems_come_first_then_the_rules() -> None:
    document = {**PHASE_1, "number": "1", "start": "2015-06-01"}
    assert skillrevival.validate(document, Phase) == [
        Problem("number", "expected a whole number, got the string '1'"),
        Problem("end", "phase ends (2015-05-31) before it starts (2015-06-01)"),
    ]


def test_a_value_of_the_wrong_shape_gets_that_one_problem() -> None:
    # Padded, which the text rule would also say: the date's own problem is the one reported.
    document = {**PHASE_1, "start": " 2015-03-01"}
    assert skillrevival.validate(document, Phase) == [
        Problem("start", "expected a date as YYYY-MM-DD, got ' 2015-03-01'")
    ]
