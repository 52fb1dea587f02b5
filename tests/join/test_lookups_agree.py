"""Lookups: 巴州区 is 巴中's district, and the four ways to ask never contradict each other."""

from typing import Any

import pytest

import skillrevival
from skillrevival import NotFoundError, ValidationError, frames

ROSTER = skillrevival.campaign().roster
GEO = skillrevival.geography()
HUGE = 10**5000


def test_bazhou_district_is_not_bayingolin() -> None:
    # 巴州区 511902 is a district of 巴中 (四川); 巴州 (652800) is 巴音郭楞, in 新疆.
    with pytest.raises(NotFoundError) as caught:
        ROSTER.city("巴州区")
    assert str(caught.value).startswith("no city named '巴州区'")
    assert "巴州区" not in ROSTER
    assert ROSTER.get_city("巴州区") is None
    assert ROSTER.find_cities("巴州区") == ()
    assert skillrevival.is_implementing("巴州区") is False
    assert ROSTER.match(["巴州区"]).matches == (None,)
    assert GEO.place("巴州区").code == "511902"
    # 巴州 itself is still the roster's 巴音郭楞 (the geography also has 巴州区's short name)
    assert ROSTER.city("巴州").adcode == "652800"


def _answers(name: str) -> tuple[Any, bool, Any, Any, str]:
    try:
        city = ROSTER.city(name)
    except NotFoundError:
        city = None
    try:
        implementing: Any = skillrevival.is_implementing(name)
    except NotFoundError:
        implementing = "ambiguous"
    report = ROSTER.match([name])
    return city, name in ROSTER, implementing, report.matches[0], report.statuses[0].value


NAMES = sorted(
    {name for place in GEO.records for name in (place.name, place.short_name, place.name_en)}
)


def test_every_name_of_the_geography_gets_answers_that_agree() -> None:
    """roster.city, ``in``, is_implementing and match: two definite answers never differ.

    roster.city answers from the roster's own names first (宝山区 is 上海's), where the
    geography knows several places (宝山区 of 双鸭山 too): then is_implementing and match say
    "ambiguous", which contradicts nothing. A place inside a roster unit (within) matches
    that unit, though it is no roster unit itself.
    """
    assert len(NAMES) > 9_000
    contradictions = []
    for name in NAMES:
        city, inside, implementing, matched, status = _answers(name)
        agree = (
            inside == (city is not None)
            and (implementing is not False or city is None)
            and (implementing is not True or status == "implementing" or city is not None)
            and (matched is None or matched is city or status == "within")
            and (status != "implementing" or matched is city)
            # A place inside a roster unit, or holding some, is no roster unit itself.
            and (
                status not in ("not_implementing", "within", "contains")
                or (city is None and implementing is False)
            )
            and ((matched is not None) == (status in ("implementing", "within")))
        )
        if not agree:
            contradictions.append((name, city, inside, implementing, matched, status))
    assert contradictions == []


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: ROSTER.city(HUGE), "key"),
        (lambda: ROSTER.province(HUGE), "key"),
        (lambda: HUGE in ROSTER, "key"),
        (lambda: skillrevival.is_implementing(HUGE), "code_or_name"),
        (lambda: ROSTER.match([HUGE]), "query"),
        (lambda: GEO.place(HUGE), "query"),
        (lambda: GEO.resolve_code(HUGE), "query"),
    ],
)
def test_a_whole_number_too_long_to_print_names_nothing(call: Any, path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (path, "expected a name or a code, got a whole number of more than 4,300 digits")
    ]


def test_a_whole_number_too_long_to_print_is_described_in_every_message() -> None:
    with pytest.raises(ValidationError) as caught:
        GEO.by_code(HUGE)
    assert str(caught.value.problems[0]) == (
        "code: a code is six digits as a str or an int, got a whole number of more than "
        "4,300 digits"
    )
    with pytest.raises(ValidationError) as caught:
        GEO.places(HUGE)
    assert str(caught.value.problems[0]) == (
        "year: expected a year from 1980 to 2025 (each year's list), got a whole number of "
        "more than 4,300 digits"
    )
    with pytest.raises(ValidationError) as caught:
        frames.treatment_panel([2015], units=[HUGE])
    assert str(caught.value.problems[0]) == (
        "units[0]: expected a 6-digit code, got a whole number of more than 4,300 digits"
    )
    with pytest.raises(ValidationError) as caught:
        frames.treatment_panel([HUGE])
    assert str(caught.value.problems[0]).startswith(
        "years[0]: a whole number of more than 4,300 digits is outside the years"
    )
