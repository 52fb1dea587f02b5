"""Every ```console block in the docs runs, and prints exactly what the page shows.

A line that starts with ``$ `` is a command, run by bash with this environment's ``skillrevival``
first on the PATH; the lines after it, up to the next command, are what it prints (standard
output and standard error together). The commands of one block share a temporary directory, so
that a block can write a file and then read it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").rglob("*.md"))
FENCE = re.compile(r"^```console\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
BIN = str(Path(sys.executable).parent)


@attrs.frozen
class Command:
    line: int
    command: str
    shown: str


def commands(text: str) -> list[list[Command]]:
    """The console blocks of a page, each a list of commands with the output shown for each."""
    blocks = []
    for fence in FENCE.finditer(text):
        first = text.count("\n", 0, fence.start()) + 2
        block: list[Command] = []
        for offset, line in enumerate(fence["body"].splitlines()):
            if line.startswith("$ "):
                block.append(Command(first + offset, line[2:], ""))
            elif block:
                last = block[-1]
                block[-1] = attrs.evolve(last, shown=last.shown + line + "\n")
            else:
                raise AssertionError(f"line {first + offset}: output before any command")
        blocks.append(block)
    return blocks


def run_block(block: list[Command], where: str, workdir: Path) -> None:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ.get("PATH", "")}
    for command in block:
        done = subprocess.run(
            ["bash", "-c", "{ " + command.command + "\n} 2>&1"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=workdir,
            env=env,
        )
        assert done.stdout == command.shown, f"{where}:{command.line} printed something else"


PAGES_WITH_CONSOLE = [p for p in PAGES if FENCE.search(p.read_text(encoding="utf-8"))]


def test_the_command_line_page_is_collected() -> None:
    page = ROOT / "docs" / "how-to" / "command-line.md"
    assert page in PAGES_WITH_CONSOLE
    found = [c for block in commands(page.read_text(encoding="utf-8")) for c in block]
    assert len(found) >= 10
    assert all(c.command.startswith(("skillrevival", "echo", "wc")) for c in found)


@pytest.mark.parametrize(
    "path", PAGES_WITH_CONSOLE, ids=[str(p.relative_to(ROOT)) for p in PAGES_WITH_CONSOLE]
)
def test_console_blocks_print_what_the_page_shows(path: Path, tmp_path: Path) -> None:
    for number, block in enumerate(commands(path.read_text(encoding="utf-8"))):
        workdir = tmp_path / str(number)
        workdir.mkdir()
        run_block(block, str(path.relative_to(ROOT)), workdir)


def test_a_wrong_output_fails(tmp_path: Path) -> None:
    block = commands("```console\n$ skillrevival phase 2015-06-01\nphase 3\n```\n")[0]
    with pytest.raises(AssertionError, match="printed something else"):
        run_block(block, "page.md", tmp_path)
