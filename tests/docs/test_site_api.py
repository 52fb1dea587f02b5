"""The API reference: every public attribute, method and member described, in both editions.

Reads the built site. A row of a description table (Attributes, Members, Parameters ...) with no
text in its Description column is a name the reader is told nothing about.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEADING = re.compile(r'<h[2-6] id="([^"]+)"')


def text(cell: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split())


def rows(page: Path) -> list[tuple[str, str, str]]:
    """Each row of each description table: the object it belongs to, its name, its text."""
    source = page.read_text(encoding="utf-8")
    found = []
    for table in TABLE.finditer(source):
        heads = [text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table[1], re.S)]
        if "Description" not in heads:
            continue
        column = heads.index("Description")
        owner = HEADING.findall(source[: table.start()])[-1]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table[1], re.S):
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            if cells:
                found.append((owner, text(cells[0]), text(cells[column])))
    return found


def api_pages(site: Path) -> list[Path]:
    """The pages of the API reference: the overview and a page per main class or module."""
    pages = sorted((site / "reference" / "api").glob("*/index.html"))
    assert len(pages) >= 14
    return [site / "reference" / "api" / "index.html", *pages]


def all_rows(site: Path) -> list[tuple[str, str, str]]:
    return [row for page in api_pages(site) for row in rows(page)]


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_no_row_of_the_api_reference_is_left_without_a_description(
    built_site: Path, edition: str
) -> None:
    found = all_rows(built_site / edition)
    assert len(found) > 150  # the tables are there: attributes, members, parameters
    empty = [f"{owner}.{name}" for owner, name, description in found if not description]
    assert not empty, empty


def test_no_private_field_is_listed(built_site: Path) -> None:
    found = all_rows(built_site)
    private = [f"{owner}.{name}" for owner, name, _ in found if name.startswith("_")]
    assert not private, private


def test_a_field_is_not_described_by_its_class_summary(built_site: Path) -> None:
    """Problem.path and Term.zh repeated their class's first sentence; each says its own."""
    found = {(owner, name): description for owner, name, description in all_rows(built_site)}
    assert found[("skillrevival.Problem", "path")].startswith("Where the problem is")
    assert (
        found[("skillrevival.Term", "zh")]
        == "The notice's own words, verbatim, misprints included."
    )
    assert (
        found[("skillrevival.Campaign", "batch")] == "Which national batch this is: 2, the second."
    )


# The classes a reader starts from: each shows a short example in its entry.
MAIN_CLASSES = [
    "Campaign",
    "Roster",
    "Province",
    "City",
    "Phase",
    "Term",
    "Geography",
    "Place",
    "MatchReport",
    "Location",
]


@pytest.mark.parametrize("name", MAIN_CLASSES)
def test_each_main_class_has_an_example_that_runs(name: str) -> None:
    import doctest

    import skillrevival

    cls = getattr(skillrevival, name)
    tests = doctest.DocTestFinder(recurse=False).find(cls, name, globs={})
    examples = [example for test in tests for example in test.examples]
    assert len(examples) >= 2, f"{name}: no example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


PAGE_OF = {"Phase": "campaign", "Term": "campaign", "MatchReport": "match"}


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_the_examples_are_shown_in_each_entry(built_site: Path, edition: str) -> None:
    for name in MAIN_CLASSES:
        page = PAGE_OF.get(name, name.lower())
        source = (built_site / edition / "reference" / "api" / page / "index.html").read_text(
            "utf-8"
        )
        start = source.index(f'id="skillrevival.{name}"')
        following = HEADING.search(source, start + 1)
        entry = source[start : following.start() if following else len(source)]
        assert "&gt;&gt;&gt;" in entry or "doc-section-examples" in entry, name


# Anchors of the former one-page reference, and the page each now opens (typed from the split).
FORMER_ANCHORS = [
    ("skillrevival.City.code_in", "reference/api/city/#skillrevival.City.code_in"),
    ("skillrevival.NotFoundError", "reference/api/errors/#skillrevival.NotFoundError"),
    ("skillrevival.Roster.city", "reference/api/roster/#skillrevival.Roster.city"),
    ("skillrevival.geography", "reference/api/geography/#skillrevival.geography"),
    ("skillrevival.frames.flag", "reference/api/frames/#skillrevival.frames.flag"),
    ("skillrevival.dask", "reference/api/engines/#skillrevival.dask"),
    ("errors", "reference/api/#errors"),  # a section stays on the overview
]


@pytest.mark.parametrize("edition", ["", "zh/"])
@pytest.mark.parametrize(("anchor", "lands"), FORMER_ANCHORS)
def test_a_link_to_the_former_single_page_opens_the_entry(
    chromium: Any, served_site: str, edition: str, anchor: str, lands: str
) -> None:
    page = chromium.new_page()
    try:
        page.goto(f"{served_site}{edition}reference/api/#{anchor}")
        page.wait_for_load_state("load")
        assert page.url == f"{served_site}{edition}{lands}"
        # and the entry is there, under its anchor
        assert page.locator(f'[id="{anchor}"]').count() == 1
    finally:
        page.close()
