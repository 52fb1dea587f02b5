"""Charts of the campaign with matplotlib (the optional extra ``skillrevival[plot]``).

Each function draws on ``ax`` (a new figure's axes when None) and returns the axes, so a chart
can be one panel of a larger figure. Labels are the notice's Chinese words when an installed
font covers them; the package bundles no font. When none does, labels fall back to English and a
:class:`CJKFontWarning` says so (matplotlib would otherwise draw empty boxes). ``labels="zh"``
or ``labels="en"`` chooses for you.
"""

from __future__ import annotations

import datetime as dt
import functools
import warnings
from typing import TYPE_CHECKING, Any, Literal

try:
    import matplotlib.pyplot as plt
    from matplotlib import font_manager, ft2font
except ImportError:  # pragma: no cover - tested in a subprocess that hides matplotlib
    raise ImportError(
        "skillrevival.plots needs matplotlib: install it with pip install 'skillrevival[plot]'"
    ) from None

from ._loader import campaign

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["CJKFontWarning", "cjk_font", "phases_timeline", "quota_by_province"]

Labels = Literal["auto", "zh", "en"]

SAMPLE = "百城技能振兴专项活动第一二三阶段北京新疆兵团内蒙古"
"""Characters a font must have for the charts' Chinese labels: a real glyph for each."""

_LIKELY = ("cjk", "hei", "song", "kai", "ming", "wenquanyi", "droid sans fallback", "sc", "cn")


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
        key=lambda e: (not any(word in e.name.lower() for word in _LIKELY), e.name),
    )
    for entry in entries:
        if covers(entry.fname):
            return str(entry.name)
    return None


def quota_by_province(ax: Axes | None = None, *, labels: Labels = "auto") -> Axes:
    """A bar chart of each row's quota (数量) of 附件2 in the notice's order, values on the bars."""
    c = campaign()
    roster = c.roster
    zh, font = _language(labels)
    ax = _axes(ax, (11, 4))
    positions = range(len(roster.provinces))
    quotas = [p.quota for p in roster.provinces]
    bars = ax.bar(positions, quotas, color="#3b6ea5")
    ax.bar_label(bars, fontsize=8)
    names = [p.name if zh else p.name_en for p in roster.provinces]
    ax.set_xticks(list(positions), names, rotation=90, **font)
    ax.set_xlim(-0.7, len(quotas) - 0.3)
    ax.set_ylabel("数量" if zh else "Quota (implementing cities)", **font)
    title = f"{roster.title.zh}（{roster.clause}）" if zh else roster.title.en
    ax.set_title(title, **font)
    ax.spines[["top", "right"]].set_visible(False)
    return ax


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
