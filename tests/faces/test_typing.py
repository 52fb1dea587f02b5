"""What a client's type checker sees: tests/typecheck/client.py under mypy --strict."""

from __future__ import annotations

import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from skillrevival._campaign.loader import LOADABLE, Loadable

CLIENT = Path(__file__).parents[1] / "typecheck" / "client.py"


def test_loadable_union_is_the_loadable_classes() -> None:
    assert set(typing.get_args(Loadable)) == set(LOADABLE)


def test_client_module_type_checks() -> None:
    pytest.importorskip("mypy")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", os.devnull, str(CLIENT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
