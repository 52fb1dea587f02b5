"""Hypothesis profiles: ``dev`` (default, quick), ``thorough`` (HYPOTHESIS_PROFILE=thorough) and
``mutation`` (chosen by itself under mutmut: derandomized, so that a mutant's verdict does not
depend on luck); and the docs site, built once for every test module that reads it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "mutation", max_examples=15, deadline=None, derandomize=True, database=None
)
MUTATING = "MUTANT_UNDER_TEST" in os.environ
settings.load_profile("mutation" if MUTATING else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs site built with ``mkdocs build --strict``, once per test run, clean of warnings.

    The site, i18n and browser tests read the same build; building it once per module cost
    a build (both editions) each.
    """
    out = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out
