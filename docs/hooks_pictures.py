"""MkDocs hooks: the charts and the map of ``skillrevival.plots``, drawn when the site builds.

A page asks for a picture with a marker on a line of its own::

    <!-- skillrevival-picture: roster_map -->

:func:`on_page_markdown` replaces it with a figure whose files :func:`on_post_build` draws
into ``site/images/generated/`` with the Agg backend, so that the pictures on the site are
always those the installed package draws:

- ``NAME.png`` in English and ``NAME-zh.png`` with the notice's Chinese labels (Noto Sans CJK
  SC, or any font :func:`skillrevival.plots.cjk_font` finds; without one the Chinese edition
  shows the English file and says so in its description);
- for the maps and the quota chart, ``NAME-phone.png`` and ``NAME-phone-zh.png``: the same
  picture drawn for a phone's width (taller, larger text; the chart's bars across), which a
  narrow screen loads instead;
- ``NAME.json`` beside each: the height in pixels of the legend's text in each file, which
  the browser test turns into the height a reader sees.

Each figure links to its full-size file, and a map says under it that it locates points and is
not a map of China's territory. An unknown picture name fails the build.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

MARKER = re.compile(r"^<!-- skillrevival-picture: ([a-z_]+) -->$", re.M)
FOLDER = "images/generated"
DPI = 200  # twice what a desktop page shows: the full-size file stays sharp when zoomed
PHONE = {"size": (4.2, 6.0), "rc": {"font.size": 14, "axes.titlesize": "medium"}}
PHONE_SIZE = {"quota_chart": (4.2, 9.0)}  # 32 bars across, a name on each
NARROW = "(max-width: 44.9375em)"  # the theme's breakpoint below which the page is one column


def _quota(language: str, ax: Any, phone: bool = False) -> Any:
    from skillrevival import plots

    orientation = "horizontal" if phone else "vertical"
    return plots.quota_by_province(ax, labels=language, orientation=orientation)


def _timeline(language: str, ax: Any, phone: bool = False) -> Any:
    del phone
    from skillrevival import plots

    return plots.phases_timeline(ax, labels=language)


def _map(language: str, ax: Any, phone: bool = False) -> Any:
    del phone
    from skillrevival import plots

    return plots.roster_map(ax, labels=language, color_by="region")


def _map_levels(language: str, ax: Any, phone: bool = False) -> Any:
    del phone
    from skillrevival import plots

    return plots.roster_map(ax, labels=language, color_by="level")


# name: (draw, has a phone's version, English description, Chinese description)
PICTURES: dict[str, tuple[Callable[..., Any], bool, str, str]] = {
    "quota_chart": (
        _quota,
        True,
        "Bar chart: the quota of implementing cities of each row of 附件2",
        "条形图：附件2 各行的实施城市数量",
    ),
    "phases_timeline": (
        _timeline,
        False,
        "Timeline of the campaign's three phases, 2015-2016",
        "时间轴：专项活动的三个阶段，2015—2016 年",
    ),
    "roster_map": (
        _map,
        True,
        "Map: the implementing units as dots coloured by the four regions of the National Bureau "
        "of Statistics, over grey dots for every county-level unit of China; no boundaries",
        "地图：按国家统计局的四大地区着色的实施单位，底图为全国每个县级单位的灰色圆点；不绘制边界",
    ),
    "roster_map_levels": (
        _map_levels,
        True,
        "Map: the implementing units coloured by kind of unit",
        "地图：按单位类型着色的实施单位",
    ),
}
TEXT = {
    "en": {
        "full": "Full-size picture",
        "english": "",
        "locator": (
            "This map locates points: it is not a map of China's territory, and draws no "
            "boundary (neither Taiwan nor the islands of the South China Sea are shown)."
        ),
    },
    "zh": {
        "full": "查看原尺寸图片",
        "english": "（本机没有中文字体，图中标签为英文）",
        "locator": (
            "本图只标示各点的位置，不是中国疆域图，不绘制任何边界（图中未显示台湾和南海诸岛）。"
        ),
    },
}


def chinese_labels() -> bool:
    """Whether the build machine has a font for the Chinese edition's labels."""
    from skillrevival import plots

    return plots.cjk_font() is not None


def picture_files(name: str, language: str) -> tuple[str, str | None]:
    """The full-size file and the phone's file (maps only) of a picture in an edition."""
    suffix = "-zh" if language == "zh" and chinese_labels() else ""
    phone = f"{name}-phone{suffix}.png" if PICTURES[name][1] else None
    return f"{name}{suffix}.png", phone


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace each picture marker with a figure, its files relative to the page."""
    del config, files
    language = "zh" if page.file.src_uri.endswith(".zh.md") else "en"
    depth = page.url.count("/") if page.url else 0
    prefix = "../" * depth

    def figure(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PICTURES:
            known = ", ".join(sorted(PICTURES))
            raise PluginError(f"{page.file.src_path}: unknown picture {name!r} (known: {known})")
        _, _, alt_en, alt_zh = PICTURES[name]
        is_map = name.startswith("roster_map")
        text = TEXT[language]
        alt = alt_en if language == "en" else alt_zh
        full, phone = picture_files(name, language)
        if language == "zh" and not full.endswith("-zh.png"):
            alt += text["english"]
        src = f"{prefix}{FOLDER}/{full}"
        image = f'<img src="{src}" alt="{html.escape(alt)}" loading="lazy">'
        if phone:
            source = f'<source media="{NARROW}" srcset="{prefix}{FOLDER}/{phone}">'
            image = f"<picture>{source}{image}</picture>"
        caption = f'<a href="{src}">{text["full"]}</a>'
        if is_map:
            caption = f"{text['locator']} {caption}"
        return (
            f'<figure class="sr-picture" data-picture="{name}">'
            f'<a href="{src}">{image}</a><figcaption>{caption}</figcaption></figure>'
        )

    return MARKER.sub(figure, markdown)


def legend_heights(figure: Any) -> list[float]:
    """The height in pixels, at :data:`DPI`, of each line of the figure's legends."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    scale = DPI / figure.dpi
    heights = []
    for ax in figure.axes:
        legend = ax.get_legend()
        if legend is not None:
            heights += [t.get_window_extent(renderer).height * scale for t in legend.get_texts()]
    return heights


def on_post_build(config: Any) -> None:
    """Draw every picture into the built site, in both languages, with its legend's size."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder = Path(config["site_dir"]) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    languages = ["en", "zh"] if chinese_labels() else ["en"]
    for name, (draw, _, _, _) in PICTURES.items():
        sizes: dict[str, list[float]] = {}
        for language in languages:
            full, phone = picture_files(name, language)
            figure = draw(language, None).figure
            sizes[full] = legend_heights(figure)
            figure.savefig(folder / full, dpi=DPI, bbox_inches="tight")
            plt.close(figure)
            if phone:
                with matplotlib.rc_context(PHONE["rc"]):
                    size = PHONE_SIZE.get(name, PHONE["size"])
                    figure, ax = plt.subplots(figsize=size, layout="constrained")
                    draw(language, ax, phone=True)
                    sizes[phone] = legend_heights(figure)
                    figure.savefig(folder / phone, dpi=DPI, bbox_inches="tight")
                plt.close(figure)
        (folder / f"{name}.json").write_text(json.dumps(sizes, indent=1), encoding="utf-8")
