"""Hypothesis profiles: ``dev`` (default, quick), ``thorough`` (HYPOTHESIS_PROFILE=thorough) and
``mutation`` (chosen by itself under mutmut: derandomized, so that a mutant's verdict does not
depend on luck); under mutmut, the package's caches forgotten so that every mutant runs; the
shared data (``campaign_doc``, a fresh copy of the bundled campaign document per test;
``campaign``, ``geo`` and ``roster``, the bundled campaign, geography and roster); and the docs
site, built once for every test module that reads it."""

import functools
import http.server
import importlib.util
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import skillrevival

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "mutation", max_examples=15, deadline=None, derandomize=True, database=None
)
MUTATING = "MUTANT_UNDER_TEST" in os.environ
settings.load_profile("mutation" if MUTATING else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under mutmut, forget what the package cached before each mutant's tests run.

    mutmut forks each mutant's run from a process that has already run the whole suite, so the
    campaign, the geography, their indexes and the generated structurers would be inherited
    already built, and a mutant in the code that builds them would never run (it "survives").
    """
    if MUTATING:
        forget_caches()


def pytest_runtest_setup(item: pytest.Item) -> None:
    """While mutmut records which tests call which function, forget the caches before each test.

    Otherwise only the first test to need the geography would be recorded as calling the code
    that builds it, and a mutant there would be run against that one test alone.
    """
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        forget_caches()


def forget_caches() -> None:
    """Clear every ``functools.cache`` of the package's and the tests' modules (some tests keep
    the geography in one) and the fast pass's structurers."""
    root = Path(__file__).resolve().parents[1]
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None) or ""
        if file.startswith((str(root / "src"), str(root / "tests"))):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    fast = sys.modules.get("skillrevival._campaign.fast")
    if fast is not None:
        fast._BUILT.clear()


@functools.cache
def _bundled_campaign() -> dict[str, Any]:
    """The bundled campaign.json, parsed once (the fixture hands out copies)."""
    text = (resources.files("skillrevival") / "data" / "campaign.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def _copy(value: Any) -> Any:
    """A deep copy of parsed JSON: dicts, lists and scalars."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


@pytest.fixture
def campaign_doc() -> dict[str, Any]:
    """The bundled campaign.json as parsed JSON, a fresh copy for each test to change at will.

    As the file holds it: a field left at its default (an empty ``other_names``) is absent.
    """
    document: dict[str, Any] = _copy(_bundled_campaign())
    return document


@pytest.fixture
def campaign() -> skillrevival.Campaign:
    """The bundled campaign (``skillrevival.campaign()``, cached by the package)."""
    return skillrevival.campaign()


@pytest.fixture
def geo() -> skillrevival.Geography:
    """The bundled geography (``skillrevival.geography()``, cached by the package)."""
    return skillrevival.geography()


@pytest.fixture
def roster() -> skillrevival.Roster:
    """The bundled roster (``skillrevival.campaign().roster``, cached by the package)."""
    return skillrevival.campaign().roster


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


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, one per test module and closed after it.

    Playwright's sync API runs one instance at a time in a process, and it keeps a thread of its
    own while it runs: closed after each module, it is gone before the tests that need the
    process to have a single thread (the reader pauses the collector only then).

    No browser is downloaded. Without Chromium or playwright the test is skipped with the
    reason; under CI (``CI`` set) it fails instead, so that CI cannot pass without running it.
    """
    binary = Path(os.environ.get("SKILLREVIVAL_CHROMIUM", "/usr/bin/chromium"))
    missing = None
    if not binary.exists():
        missing = f"no Chromium at {binary} (apt-get install chromium fonts-noto-cjk)"
    elif importlib.util.find_spec("playwright") is None:
        missing = "the playwright package is not installed (pip install --group dev)"
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests not run: {missing} (CI must run them)")
        pytest.skip(f"browser tests not run: {missing}")
    from playwright.sync_api import sync_playwright

    args = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(binary), args=args)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture(scope="module")
def served_site(chromium: Any, built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a free port; its root URL."""
    del chromium  # first: without a browser the test is skipped before the site is built
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()
