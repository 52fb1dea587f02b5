"""The shipped strategies: valid values pass, invalid documents fail where they say they do."""

import re
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given

import skillrevival
from skillrevival import strategies
from skillrevival._campaign import breakage as _breakage
from skillrevival._campaign.loader import LOADABLE

Doc = dict[str, Any]


def _inside(problem: skillrevival.Problem, path: str) -> bool:
    return problem.path == path or problem.path.startswith((f"{path}.", f"{path}["))


def test_missing_hypothesis_names_the_extra() -> None:
    code = (
        "import sys\n"
        "sys.modules['hypothesis'] = None  # as if it were not installed\n"
        "import skillrevival\n"
        "try:\n"
        "    import skillrevival.strategies\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'skillrevival[testing]'" in out.stdout
    assert "hypothesis" in out.stdout


@pytest.mark.parametrize(
    "cls",
    [
        skillrevival.Campaign,
        skillrevival.Roster,
        skillrevival.Province,
        skillrevival.City,
        skillrevival.Phase,
        skillrevival.Notice,
        skillrevival.Term,
    ],
)
def test_invalid_documents_fail_where_they_say(cls: type) -> None:
    @given(strategies.invalid_documents(cls))
    def check(bad: strategies.InvalidDocument) -> None:
        problems = skillrevival.validate(bad.document, cls)
        assert any(_inside(p, bad.path) for p in problems), (bad.rule, bad.path, problems)
        with pytest.raises(skillrevival.ValidationError) as caught:
            skillrevival.structure(bad.document, cls)
        assert set(caught.value.problems) == set(problems)

    check()


@given(strategies.invalid_documents(skillrevival.Roster, rules=("duplicate_", "total_")))
def test_rules_narrow_the_breakages(bad: strategies.InvalidDocument) -> None:
    assert bad.rule in {"duplicate_province", "duplicate_city", "total_disagrees"}


def test_unknown_class_is_refused() -> None:
    with pytest.raises(ValueError, match="no strategy for valid Source"):
        strategies.invalid_documents(skillrevival.Source)


def test_every_rule_of_the_issue_is_broken(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["sources"].append(dict(doc["sources"][0], id="another"))
    found = {b.rule for b in _breakage.breakages(doc, skillrevival.Campaign)}
    # Typed from the issue's list of bad input, not read from the code.
    expected = {
        "missing_field",
        "unknown_field",
        "blank_text",
        "whitespace_text",
        "padded_text",
        "duplicate_province",
        "duplicate_city",
        "city_in_wrong_province",
        "quota_disagrees",
        "total_disagrees",
        "negative_number",
        "enormous_number",
        "nonpositive_number",
        "misnumbered",
        "malformed_date",
        "impossible_date",
        "phase_ends_before_start",
        "phases_overlap",
        "no_phases",
        "deadline_before_issue",
        "deadline_outside_campaign",
        "duplicate_source",
        "wrong_type:boolean",
        "wrong_type:null",
        "wrong_type:number",
        "wrong_type:fraction",
        "wrong_type:string",
        "wrong_type:array",
        "wrong_type:object",
    }
    assert found == expected


def _classes(root: type) -> set[type]:
    """Every attrs class a document for ``root`` can hold, from the type hints alone."""
    found: set[type] = set()
    stack: list[Any] = [root]
    while stack:
        kind = stack.pop()
        if isinstance(kind, type) and attrs.has(kind) and kind not in found:
            found.add(kind)
            stack.extend(f.type for f in attrs.fields(attrs.resolve_types(kind)))
        stack.extend(typing.get_args(kind))
    return found


def test_every_field_is_missed_and_mistyped(campaign_doc: Doc) -> None:
    made = _breakage.breakages(campaign_doc, skillrevival.Campaign)
    by_rule: dict[str, set[str]] = {}
    for b in made:
        by_rule.setdefault(b.rule.split(":")[0], set()).add(str(b.where[-1]))
    fields = [f for cls in _classes(skillrevival.Campaign) for f in attrs.fields(cls)]
    required = {f.name for f in fields if f.default is attrs.NOTHING}
    assert required <= by_rule["missing_field"]
    assert {f.name for f in fields} - required <= {"other_names", "other_codes"}
    assert {f.name for f in fields} <= by_rule["wrong_type"]


def test_fits_knows_every_field_type_and_refuses_strangers() -> None:
    for cls in LOADABLE:
        for field in attrs.fields(attrs.resolve_types(cls)):
            _breakage.fits(field.type, None)  # raises TypeError for a type it cannot judge
    with pytest.raises(TypeError, match="teach"):
        _breakage.fits(complex, 1)
    assert _breakage.fits(pendulum.Date, "2015-04-20")
    assert not _breakage.fits(pendulum.Date, "2015-02-30")
    assert _breakage.fits(int | None, None)
    assert not _breakage.fits(int, True)
    assert not _breakage.fits(tuple[int, ...], [1, "2"])
    assert _breakage.fits(typing.Literal["a", 1], 1)
    assert not _breakage.fits(typing.Literal["a", 1], True)


def test_breaking_leaves_the_original_alone(campaign_doc: Doc) -> None:
    before = campaign_doc
    for b in _breakage.breakages(campaign_doc, skillrevival.Campaign)[:50]:
        assert b.apply(campaign_doc) != campaign_doc
    assert campaign_doc == before


def test_docs_downstream_example_runs() -> None:
    """The downstream test in docs/how-to/testing.md runs, and passes, as printed."""
    page = (Path(__file__).resolve().parents[2] / "docs" / "how-to" / "testing.md").read_text(
        "utf-8"
    )
    blocks = list(re.finditer(r"```python\n(.*?)```", page, re.S))
    assert len(blocks) == 1
    # Compiled at its own lines of the page, so that hypothesis, reading the source of a test
    # from the file named, finds the test there and not some prose.
    source = "\n" * page.count("\n", 0, blocks[0].start(1)) + blocks[0].group(1)
    names: dict[str, Any] = {}
    exec(compile(source, "docs/how-to/testing.md", "exec"), names)
    tests = [f for name, f in names.items() if name.startswith("test_")]
    assert len(tests) == 2
    for test in tests:
        test()
