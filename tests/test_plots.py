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
