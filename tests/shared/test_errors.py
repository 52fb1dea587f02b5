"""Every library exception pickles and unpickles equal, attributes included.

An error raised in a worker process (``concurrent.futures.ProcessPoolExecutor``) travels to the
parent by pickle; one that cannot be rebuilt turns a lookup miss into ``BrokenProcessPool``.
"""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import NotFoundError, Problem, SkillRevivalError, ValidationError


def state(error: BaseException) -> tuple[Any, ...]:
    """What makes two exceptions the same: class, arguments, message and every attribute."""
    return (type(error), error.args, str(error), vars(error))


def round_trip(error: BaseException) -> BaseException:
    copy = pickle.loads(pickle.dumps(error))
    assert copy is not error
    return copy


def test_problem_round_trips() -> None:
    problem = Problem("roster.provinces[9].quota", "must be 5, the number of cities listed")
    assert round_trip_value(problem) == problem


def round_trip_value(value: object) -> object:
    return pickle.loads(pickle.dumps(value))


def test_base_error_round_trips() -> None:
    error = SkillRevivalError("something went wrong")
    assert state(round_trip(error)) == state(error)


def test_validation_error_round_trips_with_its_problems() -> None:
    problems = [Problem("a.b", "first"), Problem("", "second")]
    error = ValidationError(problems, what="argument")
    copy = round_trip(error)
    assert isinstance(copy, ValidationError)
    assert copy.problems == (Problem("a.b", "first"), Problem("", "second"))
    assert copy.what == "argument"
    assert str(copy) == "invalid argument: 2 problems\n  a.b: first\n  <document>: second"
    assert state(copy) == state(error)


def test_single_validation_error_round_trips() -> None:
    error = ValidationError.single("key", "must be a string")
    assert state(round_trip(error)) == state(error)


def test_not_found_error_round_trips() -> None:
    error = NotFoundError("no city named '苏洲'", "苏洲", ["苏州市"])
    copy = round_trip(error)
    assert isinstance(copy, NotFoundError)
    assert (copy.key, copy.suggestions, copy.candidates) == ("苏洲", ("苏州市",), ())
    assert str(copy) == "no city named '苏洲'"
    assert state(copy) == state(error)


def test_not_found_error_keeps_its_candidates() -> None:
    roster = skillrevival.campaign().roster
    suzhou, wuxi = roster.city("苏州市"), roster.city("无锡")
    error = NotFoundError("ambiguous", "x", candidates=[suzhou, wuxi])
    assert error.candidates == (suzhou, wuxi)
    copy = round_trip(error)
    assert isinstance(copy, NotFoundError)
    assert copy.candidates == (suzhou, wuxi)
    assert state(copy) == state(error)


def test_a_real_lookup_miss_round_trips() -> None:
    with pytest.raises(NotFoundError) as caught:
        skillrevival.campaign().roster.city("no such city")
    assert state(round_trip(caught.value)) == state(caught.value)


def test_a_real_validation_error_round_trips() -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads('{"batch": "two"}')
    assert state(round_trip(caught.value)) == state(caught.value)


def test_notes_survive() -> None:
    error = NotFoundError("miss", "k")
    error.add_note("while matching column 3")
    copy = round_trip(error)
    assert copy.__notes__ == ["while matching column 3"]


def test_still_caught_as_the_builtins() -> None:
    assert isinstance(round_trip(NotFoundError("m", "k")), LookupError)
    assert isinstance(round_trip(ValidationError([])), ValueError)


text = st.text(max_size=20)


@given(
    message=text,
    key=text,
    suggestions=st.lists(text, max_size=3),
    candidates=st.lists(st.integers() | text, max_size=3),
)
def test_any_not_found_error_round_trips(
    message: str, key: str, suggestions: list[str], candidates: list[object]
) -> None:
    error = NotFoundError(message, key, suggestions, candidates)
    assert state(round_trip(error)) == state(error)


@given(
    problems=st.lists(st.builds(Problem, text, text), max_size=4),
    what=st.sampled_from(["document", "value", "argument"]),
)
def test_any_validation_error_round_trips(problems: list[Problem], what: str) -> None:
    error = ValidationError(problems, what)
    assert state(round_trip(error)) == state(error)
