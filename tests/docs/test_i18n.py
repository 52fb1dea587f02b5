"""The Chinese edition of the docs: complete, marked zh-CN, switchable, searchable on its own.

The site is built once with ``mkdocs build --strict``. Expected words and values are typed from
the notice (人社部函〔2015〕67号), not read from the package.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NOTICE = ROOT / "tests" / "data" / "notice-2015-67.txt"
ZH = ".zh.md"


def english_pages() -> set[str]:
    return {
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob("*.md")
        if not p.name.endswith(ZH) and "overrides" not in p.parts
    }


def chinese_pages() -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob(f"*{ZH}")}


def counterpart(page: str) -> str:
    return page.removesuffix(ZH) + ".md" if page.endswith(ZH) else page.removesuffix(".md") + ZH


def built(site: Path, page: str, *, chinese: bool) -> Path:
    """Where mkdocs (with directory URLs) writes a page of either edition."""
    stem = page.removesuffix(ZH).removesuffix(".md")
    root = site / "zh" if chinese else site
    return root / "index.html" if stem == "index" else root / stem / "index.html"


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site


class _Page(HTMLParser):
    """The html lang, the language selector's links and the nav's link texts of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.switch: dict[str, str] = {}
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.lang = found.get("lang")
        if tag == "a" and "md-select__link" in (found.get("class") or ""):
            self.switch[str(found.get("hreflang"))] = str(found.get("href"))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data.strip())


def page(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_has_a_counterpart_in_the_other_language() -> None:
    english, chinese = english_pages(), chinese_pages()
    assert "getting-started.md" in english
    assert "getting-started.zh.md" in chinese
    assert {counterpart(p) for p in english} == chinese
    assert {counterpart(p) for p in chinese} == english


def test_the_chinese_pages_are_written_in_chinese() -> None:
    """Not an English page copied under a .zh.md name: most of the prose is Chinese."""
    fence = re.compile(r"^```.*?^```", re.M | re.S)
    for name in sorted(chinese_pages()):
        text = fence.sub("", (DOCS / name).read_text(encoding="utf-8"))
        text = re.sub(r"<!--.*?-->|`[^`]*`|\([^)]*\.md[^)]*\)|--8<--.*", "", text)
        han = len(re.findall(r"[\u4e00-\u9fff]", text))
        latin = len(re.findall(r"[A-Za-z]+", text))
        assert han > latin, f"{name}: {han} Han characters, {latin} Latin words"


FENCE = re.compile(r"^```[^\n]*\n.*?^```[ \t]*$", re.M | re.S)
COMMENT = re.compile(r"[ \t]+# .*$", re.M)


def blocks(text: str) -> list[str]:
    """The fenced blocks of a page, comments left out (the Chinese edition translates them)."""
    return [COMMENT.sub("", block) for block in FENCE.findall(text)]


@pytest.mark.parametrize("name", sorted(english_pages()))
def test_the_chinese_page_runs_the_same_examples(name: str) -> None:
    """Code, commands and outputs are the English page's, block for block, in the same order."""
    english = blocks((DOCS / name).read_text(encoding="utf-8"))
    chinese_path = DOCS / counterpart(name)
    if not chinese_path.is_file():
        pytest.fail(f"{name} has no Chinese counterpart")
    chinese = blocks(chinese_path.read_text(encoding="utf-8"))
    assert chinese == english


def test_a_changed_example_is_caught() -> None:
    english = "```python\nprint(1)  # one\n```\n"
    assert blocks(english) == blocks("```python\nprint(1)  # 一\n```\n")
    assert blocks(english) != blocks("```python\nprint(2)  # 一\n```\n")


def test_every_page_is_built_in_both_editions_with_its_language(site: Path) -> None:
    for name in sorted(english_pages()):
        assert page(built(site, name, chinese=False)).lang == "en", name
        assert page(built(site, name, chinese=True)).lang == "zh-CN", name


def test_the_chinese_edition_is_zh_cn_throughout(site: Path) -> None:
    pages = sorted((site / "zh").rglob("*.html"))
    assert len(pages) >= len(english_pages())
    wrong = [str(p.relative_to(site)) for p in pages if page(p).lang != "zh-CN"]
    assert not wrong


@pytest.mark.parametrize("chinese", [False, True], ids=["en", "zh"])
def test_the_language_switch_links_every_page_to_its_counterpart(site: Path, chinese: bool) -> None:
    base = "http://site.invalid/"
    for name in sorted(english_pages()):
        path = built(site, name, chinese=chinese)
        switch = page(path).switch
        assert set(switch) == {"en", "zh"}, f"{name}: {switch}"
        url = urljoin(base, path.relative_to(site).as_posix())
        for lang, href in switch.items():
            target = urlsplit(urljoin(url, href)).path[1:]
            want = built(site, name, chinese=lang == "zh").relative_to(site).as_posix()
            assert (target + "index.html" if target.endswith("/") or not target else target) == (
                want
            ), f"{name} ({'zh' if chinese else 'en'}): {lang} -> {href}"


def test_the_chinese_nav_titles_are_translated(site: Path) -> None:
    texts = page(site / "zh" / "index.html").texts
    for title in ("快速入门", "操作指南", "数据表", "术语表", "原文异常"):
        assert title in texts, title
    assert "Getting started" not in texts


def search_index(site: Path, *, chinese: bool) -> dict[str, object]:
    path = (site / "zh" if chinese else site) / "search" / "search_index.json"
    index: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return index


def test_each_edition_has_its_own_search_index(site: Path) -> None:
    english = search_index(site, chinese=False)["docs"]
    chinese = search_index(site, chinese=True)["docs"]
    assert isinstance(english, list)
    assert isinstance(chinese, list)
    assert english
    assert chinese
    assert not [d["location"] for d in english if d["location"].startswith("zh/")]
    for doc in chinese:  # locations are relative to /zh/, where a Chinese page's search looks
        where = doc["location"].split("#")[0]
        assert (site / "zh" / where / "index.html").is_file() or where == "", where
    text = (site / "zh" / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'id="__config"[^>]*>(.*?)</script>', text, re.S)[1])  # type: ignore[index]
    assert config["base"].rstrip("/").endswith("zh"), config["base"]


def words_of(index: dict[str, object]) -> dict[str, list[str]]:
    """Each entry's words, split as the site's search splits them (the configured separator)."""
    separator = index["config"]["separator"]  # type: ignore[index]
    return {
        doc["location"]: [t for t in re.split(separator, doc["title"] + " " + doc["text"]) if t]
        for doc in index["docs"]  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(
    ("word", "location"),
    [
        ("技师", "explanation/campaign/#the-qualification-ladder"),
        ("高级技师", "explanation/campaign/#the-qualification-ladder"),
        ("鹰潭", "explanation/anomalies/"),
        ("第二阶段", "explanation/campaign/#the-phases"),
        ("阿拉尔", "reference/geography/"),
        ("行政区划代码", "reference/geography/"),
    ],
)
def test_the_chinese_search_index_holds_the_words_of_the_pages(
    site: Path, word: str, location: str
) -> None:
    documents = words_of(search_index(site, chinese=True))
    vocabulary = {w for words in documents.values() for w in words}
    wanted = segment(word, vocabulary)
    hits = [where for where, words in documents.items() if contains(words, wanted)]
    assert any(hit.startswith(location) for hit in hits), (wanted, hits)


def segment(query: str, vocabulary: set[str]) -> list[str]:
    """Cut a query into words of the index, longest first, as the site's search does."""
    parts, start = [], 0
    while start < len(query):
        end = next((e for e in range(len(query), start, -1) if query[start:e] in vocabulary), 0)
        if not end:
            return [query]  # not made of indexed words: searched as typed
        parts.append(query[start:end])
        start = end
    return parts


def contains(words: list[str], phrase: list[str]) -> bool:
    """The phrase's words in a row; the last may be the start of a word (Material's wildcard)."""
    n = len(phrase)
    return any(
        words[i : i + n - 1] == phrase[:-1] and words[i + n - 1].startswith(phrase[-1])
        for i in range(len(words) - n + 1)
    )


class _Tables(HTMLParser):
    """The header and body cells of each generated table (div data-table) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._name: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and found.get("data-table"):
            self._name = str(found["data-table"])
            self.tables[self._name] = []
        elif self._name and tag == "tr":
            self._row = []
        elif self._row is not None and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._name and self._row is not None:
            self.tables[self._name].append(self._row)
            self._row = None
        elif tag == "table":
            self._name = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(path: Path) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


def test_the_chinese_tables_use_the_notices_terms(site: Path) -> None:
    found = tables(built(site, "reference/tables.md", chinese=True))
    provinces, cities = found["provinces"], found["cities"]
    assert len(provinces) == 1 + 32
    assert len(cities) == 1 + 100
    # Each heading is the notice's term over the attribute name (a line break between).
    for heading in ("序号seq", "地区name", "数量quota", "实施城市（地区、州、盟）cities"):
        assert heading in provinces[0], heading
    assert "实施城市name" in cities[0]
    assert "地区province" in cities[0]
    assert "行政区划代码adcode" in cities[0]
    assert "北京" in provinces[1]
    assert "丰台区、大兴区、门头沟区" in provinces[1]
    assert "新疆兵团" in provinces[32]
    assert "第一师阿拉尔市" in cities[100]
    assert "鹰谭市" in [cell for row in cities for cell in row]
    levels = {cell for row in cities[1:] for cell in row}
    assert {"地级市", "直辖市市辖区", "县级市", "自治州", "兵团师市"} <= levels
    assert "prefecture-level city" not in levels


def test_the_chinese_vocabulary_and_glossary(site: Path) -> None:
    vocabulary = tables(built(site, "reference/vocabulary.md", chinese=True))
    assert len(vocabulary) == 17
    assert vocabulary["TrainingTier"][0] == ["取值", "中文", "英文", "条款", "等级"]
    assert vocabulary["TrainingTier"][4] == [
        "technician",
        "技师",
        "technician",
        "附件1 三（一）",
        "2",
    ]
    glossary = tables(built(site, "glossary.md", chinese=True))["glossary"]
    assert glossary[0] == ["中文", "英文（枚举）", "条款"]
    assert ["高级技师", "senior technician（TrainingTier）", "附件1 三（一）"] in glossary


def test_the_chinese_phases_and_plan(site: Path) -> None:
    campaign = built(site, "explanation/campaign.md", chinese=True)
    found = tables(campaign)
    assert [row[0] for row in found["phases"][1:]] == ["第一阶段", "第二阶段", "第三阶段"]
    assert [row[1] for row in found["phases"][1:]] == [
        "2015年3-5月",
        "2015年6月-2016年9月",
        "2016年10-12月",
    ]
    assert found["main_tasks"][2][2] == "完善职业培训和技能人才培养体系"
    assert found["safeguards"][3][2] == "加强资金保障"
    text = campaign.read_text(encoding="utf-8")
    assert "通知印发 2015-04-20" in text
    assert "各相关城市制定具体实施方案和工作安排" in text
    assert "notice issued" not in text


def test_the_chinese_data_format_and_anomalies(site: Path) -> None:
    text = built(site, "reference/data-format.md", chinese=True).read_text(encoding="utf-8")
    assert "适用于所有文档" in text
    assert "字符串，日期 <code>YYYY-MM-DD</code>" in text
    anomalies = built(site, "explanation/anomalies.md", chinese=True).read_text(encoding="utf-8")
    assert "鹰潭市（Yingtan）" in anomalies
    assert "共 22 个月" in anomalies


def test_every_chinese_glossary_term_is_the_notices() -> None:
    notice = "".join(NOTICE.read_text(encoding="utf-8").split())
    page = (DOCS / "glossary.zh.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([^|]+) \|", page, re.M)
    terms = [t.strip() for row in rows if row.strip() != "中文" for t in row.split(",")]
    assert len(terms) > 30
    assert "新疆生产建设兵团" in terms
    missing = [term for term in terms if "".join(term.split()) not in notice]
    assert not missing


@pytest.mark.parametrize(
    "term",
    ["百城技能振兴专项活动", "人社部函〔2015〕67号", "高技能人才", "新疆生产建设兵团", "实施城市"],
)
def test_the_chinese_edition_prints_the_notices_terms(term: str) -> None:
    """The campaign's names as the notice prints them, not paraphrases."""
    text = "".join((DOCS / name).read_text(encoding="utf-8") for name in chinese_pages())
    assert term in text
    for paraphrase in ("百城技能复兴", "技能振兴运动", "百城技能振兴计划", "人社部函[2015]67号"):
        assert paraphrase not in text


def test_the_alternates_are_in_the_sitemap_not_in_each_head(site: Path) -> None:
    """Material fetches sitemap.xml under every head alternate; the sitemap lists them instead."""
    heads = [
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if re.search(r'<link rel="alternate"[^>]*hreflang', p.read_text(encoding="utf-8"))
    ]
    assert not heads
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r'hreflang="zh" href="[^"]*/zh/reference/tables/"', sitemap)
    assert re.search(r'hreflang="en" href="[^"]*/reference/tables/"', sitemap)
