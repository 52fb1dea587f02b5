"""Installing from the site: the wheel and the sdist on the Downloads page, with true sums.

The built site (``built_site`` of conftest.py) is read as files; the browser test at the end
downloads the wheel as a reader does, from the served page, and installs it into a fresh venv.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import skillrevival

ROOT = Path(__file__).resolve().parents[2]
VERSION = skillrevival.__version__
WHEEL = f"skillrevival-{VERSION}-py3-none-any.whl"
SDIST = f"skillrevival-{VERSION}.tar.gz"
# A row of the Downloads tables: the file's link ... the sum in two halves split by <wbr>.
ROW = re.compile(
    r'<a href="(?P<href>[^"]+)">(?P<name>skillrevival-[^<]+)</a>.*?'
    r"<code>(?P<a>[0-9a-f]{32})<wbr>(?P<b>[0-9a-f]{32})</code>",
    re.S,
)


def listed(page: Path) -> dict[str, tuple[str, str]]:
    """Each file the page lists: its link and the SHA-256 the page gives."""
    text = page.read_text(encoding="utf-8")
    return {m["name"]: (m["href"], m["a"] + m["b"]) for m in ROW.finditer(text)}


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_the_downloads_page_gives_each_file_with_the_sum_of_the_served_bytes(
    built_site: Path, edition: str
) -> None:
    page = built_site / edition / "downloads" / "index.html"
    rows = listed(page)
    # Typed by hand: the two package files and the six data files of the tables page.
    assert set(rows) == {
        WHEEL,
        SDIST,
        "skillrevival-cities.csv",
        "skillrevival-cities.json",
        "skillrevival-provinces.csv",
        "skillrevival-provinces.json",
        "skillrevival-campaign.json",
        "skillrevival-places.csv",
    }
    for name, (href, digest) in rows.items():
        served = (page.parent / href).resolve()
        assert served == (built_site / "downloads" / name).resolve(), (name, href)
        assert hashlib.sha256(served.read_bytes()).hexdigest() == digest, name


def test_the_wheel_on_the_site_is_what_make_dist_builds(built_site: Path, tmp_path: Path) -> None:
    """The same command as `make dist`, run now: the same bytes (hatchling builds reproducibly)."""
    command = [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    made = (tmp_path / WHEEL).read_bytes()
    assert made == (built_site / "downloads" / WHEEL).read_bytes()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-m hatchling build -d dist" in makefile


def test_the_wheel_holds_the_package_its_data_and_only_the_runtime_dependencies(
    built_site: Path,
) -> None:
    with zipfile.ZipFile(built_site / "downloads" / WHEEL) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"skillrevival-{VERSION}.dist-info/METADATA").decode()
    for data in ("campaign.json", "vocabulary.json", "geography.json", "seats.json", "SHA256SUMS"):
        assert f"skillrevival/data/{data}" in names
    assert "skillrevival/py.typed" in names
    assert f"skillrevival-{VERSION}.dist-info/licenses/LICENSE" in names
    assert not [name for name in names if name.startswith(("tests/", "docs/"))]
    required = [
        line.removeprefix("Requires-Dist: ")
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist: ") and "extra ==" not in line
    ]
    assert sorted(re.split(r"[<>=;\s]", r)[0] for r in required) == ["attrs", "cattrs", "pendulum"]
    extras = {line.removeprefix("Provides-Extra: ") for line in metadata.splitlines()}
    assert {"pandas", "plot", "excel", "parquet", "testing"} <= extras


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("getting-started/", ["Downloads", "python3 -m venv .venv"]),
        ("zh/getting-started/", ["下载", "python3 -m venv .venv"]),
    ],
)
def test_getting_started_installs_the_wheel_beside_the_source(
    built_site: Path, page: str, words: list[str]
) -> None:
    text = (built_site / page / "index.html").read_text(encoding="utf-8")
    plain = re.sub(r"<[^>]+>", "", text).replace("&#39;", "'")
    assert f"pip install ./{WHEEL}" in plain
    assert f"pip install './{WHEEL}[pandas,plot]'" in plain
    assert f"tar xzf {SDIST}" in plain
    assert "make demo" in plain
    assert "repository-url" not in plain
    assert 'href="../downloads/#package"' in text
    for word in words:
        assert word in plain


def test_the_readme_installs_the_wheel_and_invents_no_address() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install ./skillrevival-<version>-py3-none-any.whl" in readme
    assert "pip install './skillrevival-<version>-py3-none-any.whl[pandas,plot]'" in readme
    assert "make dist" in readme
    assert "<repository-url>" not in readme


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hooks_downloads", ROOT / "docs/hooks_downloads.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_errors_are_reported_to_the_repository_only_when_the_build_knows_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = hooks()
    monkeypatch.delenv("REPO_URL", raising=False)
    for language in ("en", "zh"):
        text = module.report_errors(language)
        assert "http" not in text
        assert "issues" not in text
    assert "whoever published the site" in module.report_errors("en")
    monkeypatch.setenv("REPO_URL", "https://example.org/group/skillrevival/")
    link = "[https://example.org/group/skillrevival/issues](https://example.org/group/skillrevival/issues)"
    assert link in module.report_errors("en")
    assert link in module.report_errors("zh")


@pytest.mark.parametrize("page", ["about/updates/", "zh/about/updates/"])
def test_the_updates_page_says_where_to_report_without_an_invented_address(
    built_site: Path, page: str
) -> None:
    text = (built_site / page / "index.html").read_text(encoding="utf-8")
    section = text[text.index('id="how-to-report-an-error"') :]
    section = section[: section.index("<h2")]
    assert "without a repository address" in section or "没有附带仓库地址" in section
    assert "<!--" not in section
    assert not re.findall(r'href="https?://', section)


# --- the browser: download the wheel as a reader does, install it, import it --------------------


def test_the_wheel_downloaded_from_the_site_installs_into_a_fresh_venv_and_imports(
    chromium: Any, served_site: str, tmp_path: Path
) -> None:
    page = chromium.new_page(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page.goto(served_site + "downloads/")
    row = page.locator("tr", has=page.locator(f'a:text-is("{WHEEL}")'))
    shown = row.locator("code").text_content().replace("\u200b", "")
    with page.expect_download() as info:
        row.locator("a").first.click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    page.close()
    assert saved.name == WHEEL
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == shown

    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=True)
    python = fresh / "bin" / "python"
    # The wheel itself, from the downloaded file, and nothing from an index.
    install = [str(python), "-m", "pip", "install", "--no-index", "--no-deps", str(saved)]
    subprocess.run(install, check=True, capture_output=True)
    # Its three dependencies from this venv (the test runs offline): a path appended after the
    # fresh venv's own site-packages, so that the package itself is found in the fresh venv.
    ours = sysconfig.get_paths()["purelib"]
    fresh_site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(fresh_site, "dependencies.pth").write_text(ours + "\n", encoding="utf-8")
    check = (
        "import skillrevival; c = skillrevival.campaign(); "
        "print(skillrevival.__file__); print(skillrevival.__version__); "
        "print(len(c.roster.cities), c.roster.city('苏州').adcode)"
    )
    out = subprocess.run(
        [str(python), "-c", check], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout.splitlines()
    assert out[0].startswith(fresh_site), out[0]
    assert out[1] == VERSION
    assert out[2] == "100 320500"
    command = subprocess.run(
        [str(fresh / "bin" / "skillrevival"), "lookup", "鹰潭"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "360600" in command
