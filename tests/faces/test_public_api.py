"""The package's face: one table of lazy names, one version, and dir() showing the API only."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import skillrevival

ROOT = Path(__file__).parents[2]
INIT = ROOT / "src" / "skillrevival" / "__init__.py"


def _type_checking_imports() -> set[tuple[str, str]]:
    """(module, name) of every ``from .m import name as name`` under TYPE_CHECKING."""
    found: set[tuple[str, str]] = set()
    for node in ast.parse(INIT.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            if ast.unparse(node.test).startswith("not"):
                continue
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom), ast.unparse(statement)
                for alias in statement.names:
                    # "X as X": an explicit re-export that mypy --strict lets clients import.
                    assert alias.asname == alias.name, ast.unparse(statement)
                    found.add(("." * statement.level + (statement.module or ""), alias.name))
    return found


def test_every_lazy_name_is_imported_for_type_checkers_from_its_module() -> None:
    expected = {(module, name) for name, module in skillrevival._LAZY.items()}
    found = _type_checking_imports()
    missing = [f"    from {m} import {n} as {n}" for m, n in sorted(expected - found)]
    assert not missing, "add under TYPE_CHECKING in __init__.py:\n" + "\n".join(missing)
    assert found <= expected, f"not in _LAZY: {sorted(found - expected)}"


def test_each_lazy_name_resolves_to_its_module_s_object() -> None:
    for name, module in skillrevival._LAZY.items():
        defined = importlib.import_module(module, "skillrevival")
        assert getattr(skillrevival, name) is getattr(defined, name), name


def test_all_holds_the_eager_and_the_lazy_names() -> None:
    lazy = set(skillrevival._LAZY)
    assert lazy <= set(skillrevival.__all__)
    # Names typed from the docs' API page: a sample of each kind.
    for name in (
        "campaign",
        "loads",
        "City",
        "Roster",
        "NotFoundError",
        "TrainingTier",
        "converter",
        "MatchReport",
        "__version__",
        "normalize",
        "AdminLevel",
    ):
        assert name in skillrevival.__all__, name
    assert skillrevival.__all__ == sorted(set(skillrevival.__all__))
    for name in skillrevival.__all__:
        assert getattr(skillrevival, name) is not None, name


def test_dir_shows_the_public_api_only() -> None:
    shown = dir(skillrevival)
    assert shown == sorted(skillrevival.__all__)
    for private in ("Any", "TYPE_CHECKING", "_LAZY", "import_module", "annotations", "_typing"):
        assert private not in shown


def test_a_missing_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        skillrevival.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_import_loads_no_lazy_module() -> None:
    code = (
        "import sys, skillrevival; "
        "print(sorted(m for m in sys.modules if m.startswith(('cattrs', "
        "'skillrevival._campaign.vocabulary', 'skillrevival._campaign.join', "
        "'skillrevival._campaign.converter'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project
    assert "version" in project["dynamic"]
    assert importlib.metadata.version("skillrevival") == skillrevival.__version__
