"""MkDocs hooks: the package itself to download, and every download's SHA-256 sum.

- :func:`on_files` builds the wheel and the source distribution from this checkout with
  hatchling (the build backend of ``pyproject.toml``; ``make dist`` runs the same command), and
  adds both to the site under ``downloads/``, beside the data files of ``site_hooks.py``. Hatchling
  builds reproducibly (fixed file times), so the sums change only when the package does.
- :func:`on_page_markdown` writes, where a page says ``<!-- downloads: package -->`` or
  ``<!-- downloads: data -->`` on a line of its own, a table of those files with their size and
  SHA-256, and the wheel's file name where a page says ``@WHEEL@``. A Chinese page (``*.zh.md``)
  gets Chinese headings. The sums are those of the very bytes the site serves.
- Where a page says ``<!-- report-errors -->``, how to report an error: at the repository's
  issues when ``REPO_URL`` is set for the build, and otherwise without inventing an address.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import skillrevival

ROOT = Path(__file__).resolve().parents[1]
DOWNLOADS = "downloads"
MARKER = re.compile(r"^<!-- downloads: (package|data) -->$", re.M)


@functools.cache
def package_files() -> dict[str, bytes]:
    """The wheel and the sdist of this checkout, by file name (built once per process)."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "hatchling", "build", "-d", folder]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PluginError(f"building the package failed: {result.stderr or result.stdout}")
        built = {path.name: path.read_bytes() for path in sorted(Path(folder).iterdir())}
    version = skillrevival.__version__
    expected = {wheel_name(), f"skillrevival-{version}.tar.gz"}
    if set(built) != expected:
        raise PluginError(f"hatchling built {sorted(built)}, not {sorted(expected)}")
    return built


def wheel_name() -> str:
    return f"skillrevival-{skillrevival.__version__}-py3-none-any.whl"


@event_priority(-200)  # after mkdocs-static-i18n sorts the files, as site_hooks.py does
def on_files(files: Files, config: Any) -> Files:
    """Add the wheel and the sdist to the site, as the data files are added."""
    for name, content in package_files().items():
        files.append(File.generated(config, f"{DOWNLOADS}/{name}", content=content))
    return files


# What each file holds, in each edition; a download without a line here fails the build.
WHAT = {
    "en": {
        ".whl": "the package, ready to install with pip (wheel)",
        ".tar.gz": "the source: the package, its tests, docs, examples and benchmarks (sdist)",
        "skillrevival-cities.csv": "one row per implementing unit, with its province",
        "skillrevival-cities.json": "the same rows as JSON",
        "skillrevival-provinces.csv": "one row per provincial-level region of 附件2",
        "skillrevival-provinces.json": "the same rows as JSON",
        "skillrevival-campaign.json": "the whole campaign document as the package bundles it",
        "skillrevival-places.csv": "every county-level and higher unit through time",
    },
    "zh": {
        ".whl": "可直接用 pip 安装的包（wheel）",
        ".tar.gz": "源代码：包及其测试、文档、示例和基准测试（sdist）",
        "skillrevival-cities.csv": "每个实施单位一行，含所属地区",
        "skillrevival-cities.json": "同样的行，JSON 格式",
        "skillrevival-provinces.csv": "附件2 中每个省级地区一行",
        "skillrevival-provinces.json": "同样的行，JSON 格式",
        "skillrevival-campaign.json": "本包附带的完整活动文档",
        "skillrevival-places.csv": "历年每个县级及以上单位，每种状态一行",
    },
}
HEADINGS = {
    "en": ("File", "What it holds", "Size", "SHA-256"),
    "zh": ("文件", "内容", "大小", "SHA-256"),
}


def _size(count: int, language: str) -> str:
    kib = count / 1024
    text = f"{kib:,.0f} KiB" if kib >= 10 else f"{kib:,.1f} KiB"
    return text if language == "en" else text.replace(",", "")


def _what(name: str, language: str) -> str:
    for key, text in WHAT[language].items():
        if name == key or (key.startswith(".") and name.endswith(key)):
            return text
    raise PluginError(f"downloads: no description of {name} for the {language} edition")


def table(kind: str, files: Files, prefix: str, language: str) -> str:
    """The Markdown table of the package's files or the data files, each with its sum."""
    package = package_files()
    rows = []
    for file in files:
        if not file.src_uri.startswith(f"{DOWNLOADS}/"):
            continue
        name = file.src_uri.removeprefix(f"{DOWNLOADS}/")
        if (name in package) != (kind == "package"):
            continue
        content = file.content_bytes
        digest = hashlib.sha256(content).hexdigest()
        rows.append(
            f"| [{name}]({prefix}{DOWNLOADS}/{name}) | {_what(name, language)} "
            # In two halves that may wrap apart on a phone, each whole (a sum is read in groups).
            f"| {_size(len(content), language)} | <code>{digest[:32]}<wbr>{digest[32:]}</code> |"
        )
    if not rows:
        raise PluginError(f"downloads: no {kind} files in the site")
    head = HEADINGS[language]
    return "\n".join(
        [f"| {' | '.join(head)} |", "|---|---|--:|---|", *sorted(set(rows), key=_order)]
    )


def _order(row: str) -> tuple[int, str]:
    # The wheel first: it is what most readers want.
    return (0 if ".whl]" in row else 1, row)


def report_errors(language: str) -> str:
    """How to report an error, to the repository's issues when the build knows its address."""
    repo = os.environ.get("REPO_URL", "").rstrip("/")
    if repo:
        link = f"[{repo}/issues]({repo}/issues)"
        return (
            f"Open an issue at {link} with:"
            if language == "en"
            else f"请在 {link} 提交 issue，并写明："
        )
    if language == "en":
        return (
            "This copy of the site was published without a repository address, and none is "
            "given here rather than a made-up one. Send the report to whoever published the "
            "site or gave you the package (the same people answer for the data), with:"
        )
    return (
        "本站的这一副本发布时没有附带仓库地址，这里也不编造一个。"
        "请把报告发给发布本站或向您提供本包的人（他们对数据负责），并写明："
    )


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """The downloads' tables, the wheel's name and the way to report an error."""
    del config
    language = "zh" if page.file.src_uri.endswith(".zh.md") else "en"
    # Relative to the page's Markdown file, as links are written (mkdocs checks them, and the
    # i18n plugin carries them over to the Chinese edition under zh/).
    prefix = "../" * page.file.src_uri.count("/")
    markdown = MARKER.sub(lambda m: table(m[1], files, prefix, language), markdown)
    markdown = markdown.replace("<!-- report-errors -->", report_errors(language))
    return markdown.replace("@WHEEL@", wheel_name())
