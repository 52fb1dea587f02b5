"""The built site as a reader meets it: in a real browser, served on localhost.

Playwright (the dev dependency group) drives Debian's Chromium (``apt-get install chromium
fonts-noto-cjk``); no browser is downloaded. Without Chromium these tests are skipped, with the
reason in pytest's summary; under CI (``CI`` set) a missing browser fails them instead, so that
CI cannot pass without running them.
"""

from __future__ import annotations

import functools
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def browser(chromium: Any) -> Any:
    """Debian's Chromium: the session's one (conftest.py), since Playwright's sync API runs
    one instance per process."""
    return chromium


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        del format, args


@pytest.fixture(scope="module")
def site(browser: Any, built_site: Path) -> Path:
    # browser first: without Chromium the test is skipped before the site is built
    del browser
    return built_site


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 at a free port, from a thread."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


def pages(site: Path) -> list[str]:
    """Every page of the site as a path under its root ('' for the home page)."""
    found = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if relative.split("/")[0] in ("assets", "search"):
            continue
        found.append("" if relative == "." else relative + "/")
    return found


# --- search ---------------------------------------------------------------------------------------


# The result line when the box is empty, and while the index loads, in both editions (Material's
# zh labels: 键入以开始搜索, 正在初始化搜索引擎).
IDLE = (
    "() => /Type to start|键入以开始/.test("
    "document.querySelector('.md-search-result__meta').textContent)"
)
DONE = (
    "() => !/Initializing|Type to start|正在初始化|键入以开始/.test("
    "document.querySelector('.md-search-result__meta').textContent)"
)


def search(page: Any, base: str, query: str) -> list[str]:
    """Type a query into the search box; the result links, best first."""
    if not page.url.startswith(base):
        page.goto(base)
    page.locator(".md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function(IDLE, timeout=90_000)  # the search worker has loaded the index
    box.press_sequentially(query, delay=20)
    box.press("End")  # the search reads the box on a key press; typed Chinese has none
    page.wait_for_function(DONE, timeout=90_000)
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    hrefs: list[str] = [links.nth(i).get_attribute("href") for i in range(links.count())]
    return [urlsplit(href).path.removeprefix(urlsplit(base).path) for href in hrefs]


# The page a reader looking for each word should meet first, judged from what the pages are
# for, not read from the results.
SEARCHES = [
    ("validate", "how-to/validate/"),
    ("pandas", "how-to/pandas/"),
    ("Suzhou", "getting-started/"),
    ("Jiaxing", "reference/tables/"),
    ("treatment panel", "how-to/treatment-panel/"),
    ("技师", "reference/vocabulary/"),  # the term's entry: TrainingTier.TECHNICIAN
    ("鹰潭", "explanation/anomalies/"),
    ("第二阶段", "explanation/campaign/"),
    ("阿拉尔", "reference/geography/"),  # where its code and kind of unit are explained
]


@pytest.fixture(scope="module")
def desktop(browser: Any, base: str) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(base)
    yield page
    page.close()


@pytest.mark.parametrize(("query", "first"), SEARCHES)
def test_search_finds_the_page_a_reader_wants(
    desktop: Any, base: str, query: str, first: str
) -> None:
    found = search(desktop, base, query)
    assert found, f"{query!r}: no matching documents"
    assert found[0] == first, f"{query!r}: {found[:5]}"


# The Chinese edition's own search box (its own index, /zh/search/): a Chinese page comes first.
ZH_SEARCHES = [
    ("技师", "zh/reference/vocabulary/"),
    ("鹰潭", "zh/explanation/anomalies/"),
    ("第二阶段", "zh/explanation/campaign/"),
    ("阿拉尔", "zh/reference/geography/"),
    ("处理组面板", "zh/how-to/treatment-panel/"),
]


@pytest.mark.parametrize(("query", "first"), ZH_SEARCHES)
def test_the_chinese_edition_searches_its_own_pages(
    browser: Any, site: Path, base: str, query: str, first: str
) -> None:
    if not (site / "zh" / "index.html").is_file():
        pytest.skip("the site has no Chinese edition (yet)")
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(base + "zh/")
    found = search(page, base + "zh/", query)
    page.close()
    assert found, f"{query!r}: no matching documents in the Chinese edition"
    assert found[0] == first.removeprefix("zh/"), f"{query!r}: {found[:5]}"


def test_search_says_when_nothing_matches(desktop: Any, base: str) -> None:
    assert search(desktop, base, "qqxzzy") == []
    assert "No matching" in desktop.locator(".md-search-result__meta").text_content()


# --- layout, images, requests -------------------------------------------------------------------

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = document.documentElement.scrollWidth > width;
  const wide = [];
  for (const el of document.querySelectorAll('.md-content *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    if (el.closest('pre, table, .highlight, .md-typeset__scrollwrap, .md-typeset__table')) continue;
    wide.push(el.tagName + '.' + el.className + ': ' + (el.textContent || '').slice(0, 60));
  }
  return {scrolls, wide: wide.slice(0, 5)};
}"""


def test_no_page_scrolls_sideways_on_a_phone(browser: Any, site: Path, base: str) -> None:
    """At 390 px only a table or a code block may be wider than the screen, inside itself."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    problems = []
    for path in pages(site):
        page.goto(base + path)
        found = page.evaluate(OVERFLOW)
        if found["scrolls"] or found["wide"]:
            problems.append(f"{path or 'home'}: {found}")
    page.close()
    assert not problems, "\n".join(problems)


def test_every_image_loads_and_nothing_is_fetched_from_elsewhere(
    browser: Any, site: Path, base: str
) -> None:
    """No web fonts or other outside requests; every image is there and decoded."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    outside: set[str] = set()
    failed: list[str] = []
    page.on(
        "request",
        lambda r: None if r.url.startswith((base, "data:")) else outside.add(r.url),
    )
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    broken = []
    images = 0
    for path in pages(site):
        page.goto(base + path, wait_until="load")
        found = page.evaluate(
            """async () => Promise.all(Array.from(document.images).map(async image => {
              image.loading = 'eager';  // a lazy image below the fold loads now
              const ok = await image.decode().then(() => true, () => false);
              return [image.currentSrc || image.src, ok && image.naturalWidth > 0];
            }))"""
        )
        images += len(found)
        broken += [f"{path}: {src}" for src, ok in found if not ok]
    page.close()
    assert not outside, sorted(outside)
    assert not failed, failed
    assert not broken, broken


def test_the_name_column_stays_in_view(browser: Any, base: str) -> None:
    """Scrolled sideways on a phone, the cities table still shows each row's name."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(base + "reference/tables/")
    found = page.evaluate(
        """() => {
      const table = document.querySelector('[data-table="cities"] table');
      const wrap = table.closest('.md-typeset__scrollwrap');
      wrap.scrollLeft = 600;
      const cell = table.querySelector('tbody td');
      const offset = cell.getBoundingClientRect().left - wrap.getBoundingClientRect().left;
      return [wrap.scrollLeft, offset, cell.textContent];
    }"""
    )
    page.close()
    scrolled, offset, name = found
    assert scrolled > 500, "the table does not scroll sideways"
    assert abs(offset) < 2, f"the name column scrolled away ({offset} px)"
    assert name == "丰台区"


def test_the_timeline_marks_cross_no_phase_label(browser: Any, base: str) -> None:
    """The notice's date falls inside 第一阶段: its mark must not strike through the label."""
    overlaps = []
    for width in (1366, 390):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(base + "explanation/campaign/")
        overlaps += page.evaluate(
            """() => {
          const hit = (a, b) => a.left < b.right && b.left < a.right
                                && a.top < b.bottom && b.top < a.bottom;
          const marks = Array.from(document.querySelectorAll('.sr-timeline .sr-mark'));
          const phases = Array.from(document.querySelectorAll('.sr-timeline .sr-phase'));
          return marks.flatMap(m => phases.filter(p => hit(m.getBoundingClientRect(),
            p.getBoundingClientRect())).map(p => m.className + ' over ' + p.textContent));
        }"""
        )
        page.close()
    assert not overlaps, overlaps


# --- Chinese glyphs -----------------------------------------------------------------------------

GLYPHS = """([text]) => {
  const found = Array.from(document.querySelectorAll('article span[lang="zh-CN"]'))
    .find(s => s.textContent.includes(text));
  if (!found) return false;
  let top = 10;
  const make = (lang, family) => {
    const box = document.createElement('span');
    box.textContent = text;
    if (lang) box.lang = lang;
    if (family) box.style.fontFamily = family;
    // Whole-pixel places, the same for each: antialiasing then differs only with the glyph.
    box.style.position = 'fixed';
    box.style.left = '10px';
    box.style.top = `${top}px`;
    top += 100;
    box.style.zIndex = '10';
    box.style.display = 'inline-block';
    box.style.padding = '4px';
    box.style.background = '#fff';
    box.style.color = '#000';
    box.style.fontSize = '48px';
    box.className = 'sr-glyph-test';
    return box;
  };
  // The page's own markup and fonts: a copy of the marked run, holding only the character.
  const own = found.cloneNode(false);
  own.textContent = text;
  const page = make(null, null);
  page.textContent = '';
  page.appendChild(own);
  page.id = 'glyph-page';
  const zh = make('zh-CN', '"Noto Sans CJK SC"'); zh.id = 'glyph-zh';
  const ja = make('ja', '"Noto Sans CJK JP"'); ja.id = 'glyph-ja';
  found.parentElement.append(page, zh, ja);
  return document.documentElement.lang;
}"""


def _pixels(png: bytes) -> tuple[tuple[int, int], bytes]:
    """The glyph's strokes as black and white, cropped to them: their size and their pixels.

    The box's edges (its padding) are cut off first, so that nothing drawn around the box counts;
    antialiasing is dropped by the threshold.
    """
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        grey = image.convert("L")
        inner = grey.crop((3, 3, grey.width - 3, grey.height - 3))
        strokes = inner.point(lambda v: 255 if v < 110 else 0)
        box = strokes.getbbox()
        assert box is not None, "nothing drawn"
        ink = strokes.crop(box)
        return ink.size, ink.tobytes()


@pytest.mark.parametrize(
    ("path", "text"), [("reference/tables/", "直"), ("how-to/treatment-panel/", "门")]
)
def test_chinese_is_drawn_with_simplified_chinese_glyphs(
    browser: Any, base: str, path: str, text: str
) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(base + path)
    lang = page.evaluate(GLYPHS, [text])
    assert lang == "en", f"{path}: no marked Chinese run holding {text}"
    shots = {
        name: _pixels(page.locator(f"#glyph-{name}").screenshot()) for name in ("page", "zh", "ja")
    }
    page.close()
    assert shots["zh"] != shots["ja"], "the reference faces draw the same glyph"
    assert shots["page"] == shots["zh"], f"{text} on {path} is not drawn as zh-CN draws it"


def test_chinese_runs_of_english_pages_are_marked_but_not_code(browser: Any, base: str) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(base + "getting-started/")
    marked = page.evaluate(
        "() => Array.from(document.querySelectorAll('span[lang=\"zh-CN\"]'))"
        ".map(s => [s.textContent, !!s.closest('code, pre')])"
    )
    page.close()
    texts = [text for text, _ in marked]
    assert "百城技能振兴专项活动" not in texts  # not on this page: the check below means something
    assert "苏州" in "".join(texts) or "地区" in texts, texts
    assert not [text for text, in_code in marked if in_code]


# --- copying, the version, the language switch ----------------------------------------------------


def test_copy_takes_the_command_without_prompt_or_output(browser: Any, base: str) -> None:
    """Click a shell block's copy button and read the clipboard: the command, no $ or output."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page = context.new_page()
    page.goto(base + "how-to/command-line/")
    block = page.locator(".language-console").first
    block.hover()
    block.locator(".md-code__button, .md-clipboard").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    buttons = page.evaluate(
        "() => ['console', 'text'].map(kind => Array.from(document.querySelectorAll("
        "`.language-${kind} :is(.md-code__button, .md-clipboard)`))"
        ".filter(b => b.offsetParent !== null).length)"
    )
    context.close()
    assert copied == "skillrevival | head -7"
    console, output = buttons
    assert console > 0  # a command can be copied
    assert output == 0  # what it prints cannot


def test_the_header_shows_the_version(browser: Any, base: str) -> None:
    import skillrevival

    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(base)
    shown = page.locator(".md-header__topic .sr-version").first.text_content()
    page.close()
    assert shown == skillrevival.__version__


def test_the_language_switch_leads_to_the_chinese_edition(
    browser: Any, site: Path, base: str
) -> None:
    if not (site / "zh" / "index.html").is_file():
        pytest.skip("the site has no Chinese edition (yet): nothing to switch to")
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(base + "getting-started/")
    page.locator(".md-header .md-select").first.hover()
    page.locator('.md-select__link[hreflang^="zh"]').first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang").startswith("zh")
    assert "/zh/" in page.url
    page.close()
