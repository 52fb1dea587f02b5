"""The shipped strategies: valid values pass, invalid documents fail where they say they do."""

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import skillrevival
from skillrevival import strategies

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
