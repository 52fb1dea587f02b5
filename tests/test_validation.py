"""Bad documents: every problem found, each at its path; nothing but ValidationError escapes."""

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given

import skillrevival
from skillrevival import Problem, ValidationError, strategies

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def good() -> Doc:
    data: Doc = skillrevival.converter.unstructure(skillrevival.campaign())
    return data


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A mutation that puts ``value`` at a dotted path with [i] indexes."""

    def mutate(doc: Doc) -> None:
        *parents, last = path.replace("[", ".").replace("]", "").split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is _DELETE:
            del node[last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return mutate


_DELETE = object()

# (name, mutation, path the problem must be reported at)
CASES: list[tuple[str, Callable[[Doc], None], str]] = [
    ("quota_disagrees", _set("roster.provinces[9].quota", 6), "roster.provinces[9].quota"),
    ("total_disagrees", _set("roster.total_quota", 99), "roster.total_quota"),
    ("batch_is_string", _set("batch", "2"), "batch"),
    ("batch_is_bool", _set("batch", True), "batch"),
    ("batch_is_float", _set("batch", 2.0), "batch"),
    ("batch_is_zero", _set("batch", 0), "batch"),
    ("quota_negative", _set("roster.provinces[0].quota", -3), "roster.provinces[0].quota"),
    ("quota_enormous", _set("roster.provinces[0].quota", 10**30), "roster.provinces[0].quota"),
    (
        "city_name_empty",
        _set("roster.provinces[9].cities[2].name", ""),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_name_blank",
        _set("roster.provinces[9].cities[2].name", " \u3000"),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_name_padded",
        _set("roster.provinces[9].cities[2].name", " 南通市"),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_name_null",
        _set("roster.provinces[9].cities[2].name", None),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_name_missing",
        _set("roster.provinces[9].cities[2].name", _DELETE),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_unknown_field",
        _set("roster.provinces[9].cities[2].code", "320600"),
        "roster.provinces[9].cities[2].code",
    ),
    (
        "city_seq_out_of_order",
        _set("roster.provinces[9].cities[2].seq", 5),
        "roster.provinces[9].cities[2].seq",
    ),
    (
        "city_wrong_province",
        _set("roster.provinces[9].cities[2].province", "浙江"),
        "roster.provinces[9].cities[2].province",
    ),
    (
        "city_duplicate_in_province",
        _set("roster.provinces[9].cities[2].name", "苏州市"),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_duplicate_across",
        _set("roster.provinces[10].cities[0].name", "苏州市"),
        "roster.provinces[10].cities[0].name",
    ),
    ("province_seq_out_of_order", _set("roster.provinces[3].seq", 9), "roster.provinces[3].seq"),
    ("province_duplicate", _set("roster.provinces[3].name", "北京"), "roster.provinces[3].name"),
    (
        "cities_is_string",
        _set("roster.provinces[3].cities", "运城市"),
        "roster.provinces[3].cities",
    ),
    ("cities_is_object", _set("roster.provinces[3].cities", {}), "roster.provinces[3].cities"),
    ("date_malformed", _set("notice.issued_on", "2015/04/20"), "notice.issued_on"),
    ("date_impossible", _set("phases[0].start", "2015-02-30"), "phases[0].start"),
    ("date_number", _set("phases[0].start", 20150301), "phases[0].start"),
    ("phase_ends_before_start", _set("phases[1].end", "2015-05-01"), "phases[1].end"),
    ("phases_overlap", _set("phases[2].start", "2016-09-30"), "phases[2].start"),
    ("phase_numbered_wrong", _set("phases[2].number", 4), "phases[2].number"),
    ("phases_empty", _set("phases", []), "phases"),
    ("deadline_outside", _set("notice.plan_deadline", "2017-01-31"), "notice.plan_deadline"),
    ("deadline_before_issue", _set("notice.plan_deadline", "2015-04-01"), "notice.plan_deadline"),
    ("unknown_top_field", _set("comment", "hi"), "comment"),
    ("notice_missing", _set("notice", _DELETE), "notice"),
    ("notice_is_list", _set("notice", []), "notice"),
    ("years_zero", _set("stated_duration.years", 0), "stated_duration.years"),
    ("objective_numbered_wrong", _set("objectives[1].number", 3), "objectives[1].number"),
    ("task_number_zero", _set("main_tasks[0].number", 0), "main_tasks[0].number"),
    ("safeguard_title_missing", _set("safeguards[2].title", _DELETE), "safeguards[2].title"),
    ("safeguard_title_blank", _set("safeguards[3].title.zh", " "), "safeguards[3].title.zh"),
    ("main_tasks_missing", _set("main_tasks", _DELETE), "main_tasks"),
]


@pytest.mark.parametrize(("name", "mutate", "path"), CASES, ids=[c[0] for c in CASES])
def test_broken_document(good: Doc, name: str, mutate: Callable[[Doc], None], path: str) -> None:
    doc = copy.deepcopy(good)
    mutate(doc)
    problems = skillrevival.validate(doc)
    assert path in [p.path for p in problems], problems
    with pytest.raises(ValidationError) as caught:
        skillrevival.structure(doc)
    assert set(caught.value.problems) == set(problems)
    text = json.dumps(doc, ensure_ascii=False)
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(text)
    for problem in problems:
        assert str(problem) in str(caught.value)


def test_every_problem_at_once(good: Doc) -> None:
    doc = copy.deepcopy(good)
    for _, mutate, _ in CASES[:4]:
        mutate(doc)
    doc["roster"]["provinces"][5]["cities"][0]["name"] = 7
    paths = {p.path for p in skillrevival.validate(doc)}
    assert {c[2] for c in CASES[:4]} | {"roster.provinces[5].cities[0].name"} <= paths


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "not JSON"),
        ("{", "not JSON"),
        ("[1, 2", "not JSON"),
        ('{"batch": NaN}', "NaN"),
        ('{"batch": 2, "batch": 3}', "appears twice"),
        (b"\xff\xfe{}", "not UTF-8"),
        ("[" * 100_000, "nested too deeply"),
        ("[]", "expected an object"),
        ("null", "expected an object"),
        ('"campaign"', "expected an object"),
    ],
)
def test_unreadable_text(text: str | bytes, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        skillrevival.loads(text)


def test_byte_order_mark_is_accepted(good: Doc) -> None:
    text = "\ufeff" + json.dumps(good, ensure_ascii=False)
    assert skillrevival.loads(text.encode("utf-8")) == skillrevival.campaign()


def test_problem_reads_well() -> None:
    assert str(Problem("roster.total_quota", "is wrong")) == "roster.total_quota: is wrong"
    assert str(Problem("", "not JSON")) == "<document>: not JSON"
    error = ValidationError([Problem("a", "x"), Problem("b", "y")])
    assert str(error) == "invalid document: 2 problems\n  a: x\n  b: y"
    assert isinstance(error, ValueError)


@given(strategies.json_values())
def test_random_json_never_crashes(value: Any) -> None:
    problems = skillrevival.validate(value)
    assert problems, "random data is never a valid campaign"
    assert all(isinstance(p, Problem) for p in problems)
    with pytest.raises(ValidationError):
        skillrevival.loads(json.dumps(value))


def test_empty_roster_is_rejected_and_its_total_checked() -> None:
    roster = {
        "title": {"zh": "名单", "en": "List"},
        "clause": "附件2",
        "codes_as_of": "2015-04",
        "provinces": [],
        "total_quota": 1,
    }
    problems = {(p.path, p.message) for p in skillrevival.validate(roster, skillrevival.Roster)}
    assert ("provinces", "a roster lists at least one province") in problems
    assert (
        "total_quota",
        "total_quota is 1, but the provinces' quotas add up to 0",
    ) in problems
