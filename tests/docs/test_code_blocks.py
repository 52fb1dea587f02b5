"""Every Python example in the docs and the README runs, and prints what the page shows.

Both editions are run: docs/page.md and its Chinese counterpart docs/page.zh.md.
A page is run like a session: its ```python blocks execute in order in one namespace, in a fresh
temporary directory. A block followed by a ```text block (with at most one short line of prose
between them, such as "prints") must print exactly that text. A block whose first line starts
with ``>>>`` is run as a doctest. A fenced block with ``title="name"`` (for example a JSON file
that the page shows) is written to that file before the page's code runs, so that examples can
read the files they show.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])

FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
TITLE = re.compile(r'title="([^"]+)"')
MAX_PROSE_BETWEEN = 80


@attrs.frozen
class Example:
    """One runnable block of a page: its code, the line it starts on, and the output it shows."""

    code: str
    line: int
    shown: str | None


@attrs.frozen
class Page:
    examples: tuple[Example, ...]
    files: tuple[tuple[str, str], ...]


def parse(text: str) -> Page:
    """The runnable blocks of a page, each with the output block that follows it, if any."""
    fences = list(FENCE.finditer(text))
    examples = []
    files = []
    for index, fence in enumerate(fences):
        info = fence["info"].strip()
        title = TITLE.search(info)
        if title:
            files.append((title.group(1), fence["body"]))
        if info.split(" ")[0] not in ("python", "py", "pycon"):
            continue
        shown = None
        if index + 1 < len(fences):
            following = fences[index + 1]
            between = text[fence.end() : following.start()].strip()
            is_text = following["info"].strip() == "text"
            if is_text and "\n" not in between and len(between) <= MAX_PROSE_BETWEEN:
                shown = following["body"]
        line = text.count("\n", 0, fence.start()) + 2
        examples.append(Example(fence["body"], line, shown))
    return Page(tuple(examples), tuple(files))


def run_page(path: Path, workdir: Path) -> None:
    """Run every example of the page in one namespace; fail on the first that misbehaves."""
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
    page = parse(path.read_text(encoding="utf-8"))
    for filename, body in page.files:
        (workdir / filename).write_text(body, encoding="utf-8")
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for example in page.examples:
        where = f"{name}:{example.line}"
        if example.code.lstrip().startswith(">>>"):
            run_doctest(example.code, namespace, where)
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(example.code, where, "exec"), namespace)
        if example.shown is not None:
            assert out.getvalue() == example.shown, f"{where} printed something else"


def run_doctest(code: str, namespace: dict[str, object], where: str) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(code, namespace, where, where, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out = io.StringIO()
    result = runner.run(test, out=out.write, clear_globs=False)
    assert result.failed == 0, out.getvalue()


def test_pages_have_examples() -> None:
    """The collector finds the examples (a broken pattern would make every page pass vacuously)."""
    counted = {path.name: len(parse(path.read_text(encoding="utf-8")).examples) for path in PAGES}
    assert counted["README.md"] >= 1
    assert counted["getting-started.md"] >= 4
    assert counted["validate.md"] >= 4
    # The Chinese edition (page.zh.md) runs the same examples, with Chinese prose around them.
    assert counted["getting-started.zh.md"] == counted["getting-started.md"]
    assert counted["validate.zh.md"] == counted["validate.md"]


@pytest.mark.parametrize("path", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_examples_run_and_print_what_the_page_shows(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run_page(path, tmp_path)


def test_readme_usage_example_is_short() -> None:
    """The README's usage example is the ten-line one that the foundation issue asks for."""
    page = parse((ROOT / "README.md").read_text(encoding="utf-8"))
    usage = [example for example in page.examples if example.shown is not None]
    assert usage, "the README's usage example and its output"
    assert len(usage[0].code.strip().splitlines()) <= 12


def test_a_wrong_output_fails(tmp_path: Path) -> None:
    """The comparison bites: a page whose shown output differs from what runs is caught."""
    page = tmp_path / "page.md"
    page.write_text('```python\nprint("苏州市")\n```\n\n```text\n鹰谭市\n```\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="printed something else"):
        run_page(page, tmp_path)


def test_a_failing_doctest_fails(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```pycon\n>>> 1 + 1\n3\n```\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        run_page(page, tmp_path)
