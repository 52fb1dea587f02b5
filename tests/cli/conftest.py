"""The console script as a user runs it, in a subprocess: the ``run`` and ``script`` fixtures."""

import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest

SCRIPT = Path(sys.executable).with_name("skillrevival")


class Run(Protocol):
    def __call__(
        self, *args: str, check_code: int | None = 0
    ) -> subprocess.CompletedProcess[str]: ...


def _run(*args: str, check_code: int | None = 0) -> subprocess.CompletedProcess[str]:
    """Run ``skillrevival ARGS``; its exit code must be ``check_code`` (unless None), and it
    must never print a traceback."""
    done = subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8")
    if check_code is not None:
        assert done.returncode == check_code, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture
def run() -> Run:
    return _run


@pytest.fixture
def script() -> Path:
    """The installed console script, beside this environment's python."""
    return SCRIPT
