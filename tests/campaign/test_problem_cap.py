"""Hostile documents in bounded memory: the first problems listed, the rest counted exactly.

A document may hold millions of problems (every empty object is about nine): ``validate``
lists the first :data:`~skillrevival._campaign.loader.MAX_PROBLEMS` (10,000) and closes with one
problem that counts the rest. The count is exact: the tests lower the limit and compare with the
full list. Parsed data from elsewhere than JSON (YAML's integer keys, Python's huge integers) is
reported, never raised.
"""

import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import skillrevival
from skillrevival import Problem, ValidationError, strategies
from skillrevival._campaign import loader as _loader
from skillrevival._campaign.breakage import breakages

BUNDLED: dict[str, Any] = skillrevival.converter.unstructure(skillrevival.campaign())
BREAKAGES = breakages(BUNDLED, skillrevival.Campaign)
CLASSES = (skillrevival.Campaign, skillrevival.Roster, skillrevival.Province, skillrevival.City)


def _all_problems(data: Any, cls: type, monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    with monkeypatch.context() as patch:
        patch.setattr(_loader, "MAX_PROBLEMS", 10**9)
        return skillrevival.validate(data, cls)


def _capped(data: Any, cls: type, limit: int, monkeypatch: pytest.MonkeyPatch) -> list[Problem]:
    with monkeypatch.context() as patch:
        patch.setattr(_loader, "MAX_PROBLEMS", limit)
        return skillrevival.validate(data, cls)


def _more(count: int, limit: int) -> Problem:
    message = f"and {count:,} more problems, not listed (only the first {limit:,} are)"
    return Problem("", message)


def test_the_limit_is_documented_and_at_least_ten_thousand() -> None:
    assert _loader.MAX_PROBLEMS == 10_000
    source = Path(_loader.__file__).read_text(encoding="utf-8")
    assert '"""The most problems :func:`validate` lists' in source


def test_twenty_thousand_empty_objects_are_listed_to_the_limit_and_counted() -> None:
    # 20,000 provinces of nine missing fields each, and the roster's own four (title, clause,
    # total_quota, codes_as_of): 180,004, as issue 23 counted them.
    data = {"provinces": [{} for _ in range(20_000)]}
    problems = skillrevival.validate(data, skillrevival.Roster)
    assert len(problems) == 10_001
    assert problems[0] == Problem("title", "required field is missing")
    assert Problem("provinces[0].seq", "required field is missing") in problems
    assert problems[-1] == _more(170_004, 10_000)
    with pytest.raises(ValidationError) as caught:
        skillrevival.structure(data, skillrevival.Roster)
    assert caught.value.problems[-1] == _more(170_004, 10_000)
    assert str(caught.value).startswith("invalid document: 10001 problems\n")


def test_a_document_just_under_the_limit_lists_every_problem() -> None:
    # 1,110 provinces of nine problems and the roster's four: 9,994, every one listed.
    data = {"provinces": [{} for _ in range(1_110)]}
    problems = skillrevival.validate(data, skillrevival.Roster)
    assert len(problems) == 9_994
    assert not problems[-1].message.startswith("and ")
    # 1,111: 10,003, three over the limit.
    data = {"provinces": [{} for _ in range(1_111)]}
    problems = skillrevival.validate(data, skillrevival.Roster)
    assert len(problems) == 10_001
    assert problems[-1] == _more(3, 10_000)


@pytest.mark.parametrize("limit", [1, 2, 5, 17])
def test_the_bundled_document_broken_everywhere_counts_exactly(
    limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = json.loads(json.dumps(BUNDLED))
    doc["roster"]["provinces"] = [{}, 3, {"cities": [{}, None, {"name": " x"}]}, []] * 5
    doc["phases"] = [{"number": 0, "start": "٢٠١٥-٠٣-٠١"}, {}]
    full = _all_problems(doc, skillrevival.Campaign, monkeypatch)
    assert len(full) > limit + 10
    capped = _capped(doc, skillrevival.Campaign, limit, monkeypatch)
    assert capped == [*full[:limit], _more(len(full) - limit, limit)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picks=st.lists(st.sampled_from(BREAKAGES), min_size=1, max_size=6),
    limit=st.integers(min_value=1, max_value=8),
)
def test_any_bundled_document_broken_in_several_places_counts_exactly(
    picks: list[Any], limit: int
) -> None:
    doc = BUNDLED
    for breakage in picks:
        try:
            doc = breakage.apply(doc)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier breakage removed the place of this one
    with pytest.MonkeyPatch.context() as patch:
        full = _all_problems(doc, skillrevival.Campaign, patch)
        capped = _capped(doc, skillrevival.Campaign, limit, patch)
    if len(full) <= limit:
        assert capped == full
    else:
        assert capped == [*full[:limit], _more(len(full) - limit, limit)]


@settings(max_examples=150, deadline=None)
@given(
    data=strategies.json_values(max_leaves=60),
    cls=st.sampled_from(CLASSES),
    limit=st.integers(min_value=1, max_value=4),
)
def test_any_json_value_counts_exactly(data: Any, cls: type, limit: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        full = _all_problems(data, cls, patch)
        capped = _capped(data, cls, limit, patch)
    if len(full) <= limit:
        assert capped == full
    else:
        assert capped == [*full[:limit], _more(len(full) - limit, limit)]


def _hostile(kind: str, count: int) -> tuple[Any, type]:
    """A document of ``count`` repeated bad items of one kind, and the class it is read as."""
    items: dict[str, tuple[Any, type, str]] = {
        "empty_provinces": ({}, skillrevival.Roster, "provinces"),
        "empty_arrays": ([], skillrevival.Roster, "provinces"),
        "zeros": (0, skillrevival.Roster, "provinces"),
        "provinces_with_a_city": ({"cities": [{}]}, skillrevival.Roster, "provinces"),
        "empty_phases": ({}, skillrevival.Campaign, "phases"),
        "blank_sources": ("", skillrevival.Campaign, "sources"),
        "numbers_as_names": (0, skillrevival.City, "other_names"),
        "one_city_copied": (
            {"name": "a", "adcode": "110000"},
            skillrevival.Province,
            "cities",
        ),
    }
    item, cls, key = items[kind]
    return {key: [json.loads(json.dumps(item)) for _ in range(count)]}, cls


# The bound the docs state (docs/how-to/validate.md), measured in the benchmarks' hostile-documents
# table: validating, the parsed document included, takes less than 100 bytes of Python memory
# per byte of its JSON text, and 32 MiB besides for the 10,000 problems it keeps.
BYTES_PER_BYTE = 100
BESIDES = 32 * 1024 * 1024


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(
        [
            "empty_provinces",
            "empty_arrays",
            "zeros",
            "provinces_with_a_city",
            "empty_phases",
            "blank_sources",
            "numbers_as_names",
            "one_city_copied",
        ]
    ),
    count=st.integers(min_value=2_000, max_value=15_000),
)
def test_any_hostile_document_is_reported_within_the_stated_memory(kind: str, count: int) -> None:
    data, cls = _hostile(kind, count)
    size = len(json.dumps(data, separators=(",", ":")).encode())
    skillrevival.validate(_hostile(kind, 10)[0], cls)  # imports and caches, once
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        problems = skillrevival.validate(data, cls)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert len(problems) <= _loader.MAX_PROBLEMS + 1
    # The parsed data is already held here; the bound counts it as well.
    assert peak <= BYTES_PER_BYTE * size + BESIDES, (kind, count, size, peak)


def test_integer_keys_and_huge_integers_are_problems_not_exceptions() -> None:
    assert skillrevival.validate({"batch": 2, 2015: "x"}) == [
        Problem("2015", "a key must be a string, got int 2015")
    ]
    huge = 10**5000
    assert skillrevival.validate({"batch": huge}) == [
        Problem("batch", "a whole number of more than 4,300 digits")
    ]
    doc = json.loads(json.dumps(BUNDLED))
    doc["roster"]["provinces"][0]["cities"][0]["seq"] = -huge
    doc["roster"]["provinces"][1][None] = 1
    doc["phases"][0]["number"] = huge
    assert skillrevival.validate(doc) == [
        Problem("phases[0].number", "a whole number of more than 4,300 digits"),
        Problem("roster.provinces[0].cities[0].seq", "a whole number of more than 4,300 digits"),
        Problem("roster.provinces[1].None", "a key must be a string, got NoneType None"),
    ]
    with pytest.raises(ValidationError) as caught:
        skillrevival.structure({(1, 2): 3}, skillrevival.Term)
    assert caught.value.problems == (Problem("(1, 2)", "a key must be a string, got tuple (1, 2)"),)


def test_a_large_number_that_prints_is_reported_by_the_rules() -> None:
    doc = json.loads(json.dumps(BUNDLED))
    doc["roster"]["total_quota"] = 10**4000  # 4,001 digits: prints, so the rules say it
    problems = skillrevival.validate(doc)
    assert len(problems) == 1
    assert problems[0].path == "roster.total_quota"
    assert problems[0].message.endswith("but the provinces' quotas add up to 100")
