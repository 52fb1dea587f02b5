"""The vocabulary's rules, message by message: what from_text says about a bad argument or a miss,
that tiers refuse to compare with anything else, and every problem the reader of
``data/vocabulary.json`` reports (its path and its exact words)."""

import json
import operator
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import skillrevival
from skillrevival import NotFoundError, Problem, TrainingTier, ValidationError
from skillrevival._campaign.vocabulary import read

DATA = Path(skillrevival.__file__).parent / "data" / "vocabulary.json"


def _doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def _problems(doc: dict[str, Any]) -> list[Problem]:
    with pytest.raises(ValidationError) as caught:
        read(json.dumps(doc, ensure_ascii=False))
    return list(caught.value.problems)


# --- from_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "type_name"), [(2, "int"), (b"\xe6\x8a\x80", "bytes")])
def test_from_text_names_the_argument_and_the_type_it_got(text: object, type_name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TrainingTier.from_text(text)  # type: ignore[arg-type]
    assert caught.value.problems == (Problem("text", f"expected a string, got {type_name}"),)
    assert caught.value.what == "value"


def test_a_miss_keeps_the_text_asked_for_and_suggests_values_that_work() -> None:
    with pytest.raises(NotFoundError) as caught:
        TrainingTier.from_text("technicain")
    assert caught.value.key == "technicain"
    assert caught.value.suggestions[0] == "technician"
    assert all(
        isinstance(TrainingTier.from_text(k), TrainingTier) for k in caught.value.suggestions
    )


# --- tiers compare only with tiers -----------------------------------------------------------

COMPARISONS = [operator.lt, operator.le, operator.gt, operator.ge]


@pytest.mark.parametrize("compare", COMPARISONS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("other", [3, "technician", skillrevival.TrainingType.ENTREPRENEURSHIP])
def test_a_tier_does_not_compare_with_anything_else(
    compare: Callable[[object, object], bool], other: object
) -> None:
    with pytest.raises(TypeError):
        compare(TrainingTier.TECHNICIAN, other)
    with pytest.raises(TypeError):
        compare(other, TrainingTier.TECHNICIAN)


# --- the data file: each problem at its path, in its words -----------------------------------


def test_a_missing_enumeration_has_no_facts() -> None:
    doc = _doc()
    del doc["vocabularies"]["Allowance"]
    assert Problem("vocabularies.Allowance", "enumeration has no facts") in _problems(doc)


def test_an_unknown_enumeration_is_named_and_the_rest_still_checked() -> None:
    doc = _doc()
    unknown = {"sources": ["notice"], "members": {"x": {"zh": "甲", "en": "x", "clause": "c"}}}
    doc["vocabularies"] = {"Unknown": unknown, **doc["vocabularies"]}
    doc["vocabularies"]["Allowance"]["members"]["skill_post"]["level"] = 3
    assert _problems(doc) == [
        Problem("vocabularies.Unknown", "no such enumeration"),
        Problem(
            "vocabularies.Allowance.members.skill_post.level", "only training tiers carry a level"
        ),
    ]


def test_an_unknown_source_is_named() -> None:
    doc = _doc()
    doc["vocabularies"]["TrainingTier"]["sources"].append("nowhere")
    assert _problems(doc) == [
        Problem("vocabularies.TrainingTier.sources[2]", "unknown source 'nowhere'"),
    ]


def test_members_out_of_order_are_told_the_order() -> None:
    doc = _doc()
    members = doc["vocabularies"]["Allowance"]["members"]
    doc["vocabularies"]["Allowance"]["members"] = dict(reversed(members.items()))
    assert _problems(doc) == [
        Problem(
            "vocabularies.Allowance.members",
            "members must be exactly ['skill_post', 'special_post'], in that order",
        ),
    ]


def test_a_notice_term_without_its_clause() -> None:
    doc = _doc()
    del doc["vocabularies"]["Allowance"]["members"]["special_post"]["clause"]
    assert _problems(doc) == [
        Problem(
            "vocabularies.Allowance.members.special_post.clause",
            "a term of the notice needs its clause",
        ),
    ]


def test_a_tier_without_its_level() -> None:
    doc = _doc()
    del doc["vocabularies"]["TrainingTier"]["members"]["technician"]["level"]
    assert _problems(doc) == [
        Problem(
            "vocabularies.TrainingTier.members.technician.level", "a training tier needs its level"
        ),
    ]


TIER = "vocabularies.TrainingTier.members"


@pytest.mark.parametrize(
    ("member", "field", "text", "expected"),
    [
        (
            "technician",
            "zh",
            "初级工",
            [(f"{TIER}.technician.zh", "'初级工' already names 'junior_worker'")],
        ),
        (
            "technician",
            "en",
            "Junior Worker",
            [(f"{TIER}.technician.en", "'Junior Worker' already names 'junior_worker'")],
        ),
        (
            "junior_worker",
            "en",
            "Technician",
            [
                (f"{TIER}.technician.value", "'technician' already names 'junior_worker'"),
                (f"{TIER}.technician.en", "'technician' already names 'junior_worker'"),
            ],
        ),
    ],
)
def test_a_text_naming_two_members_is_refused_where_it_recurs(
    member: str, field: str, text: str, expected: list[tuple[str, str]]
) -> None:
    doc = _doc()
    doc["vocabularies"]["TrainingTier"]["members"][member][field] = text
    assert _problems(doc) == [Problem(where, message) for where, message in expected]
