"""MkDocs hooks: the charts and the map of ``skillrevival.plots``, drawn when the site builds.

A page asks for a picture with a marker on a line of its own::

    <!-- skillrevival-picture: roster_map -->

:func:`on_page_markdown` replaces it with an ``<img>`` whose file :func:`on_post_build` draws
into ``site/images/generated/`` with the Agg backend, so that the pictures on the site are
always those the installed package draws. An unknown picture name fails the build. English
labels, so that no build depends on a Chinese font being installed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

MARKER = re.compile(r"^<!-- skillrevival-picture: ([a-z_]+) -->$", re.M)
FOLDER = "images/generated"


def _quota() -> Any:
    from skillrevival import plots

    return plots.quota_by_province(labels="en").figure


def _timeline() -> Any:
    from skillrevival import plots

    return plots.phases_timeline(labels="en").figure


def _map() -> Any:
    from skillrevival import plots

    return plots.roster_map(labels="en").figure


def _map_levels() -> Any:
    from skillrevival import plots

    return plots.roster_map(labels="en", color_by="level").figure


PICTURES: dict[str, tuple[Callable[[], Any], str]] = {
    "quota_chart": (_quota, "Bar chart: the quota of implementing cities of each row of 附件2"),
    "phases_timeline": (_timeline, "Timeline of the campaign's three phases, 2015-2016"),
    "roster_map": (
        _map,
        "Map: the implementing units as coloured dots by province over grey dots for every "
        "county-level unit of China; no boundaries",
    ),
    "roster_map_levels": (_map_levels, "Map: the implementing units coloured by kind of unit"),
}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace each picture marker with an image, its path relative to the page."""
    del config, files
    depth = page.url.count("/") if page.url else 0
    prefix = "../" * depth

    def image(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PICTURES:
            known = ", ".join(sorted(PICTURES))
            raise PluginError(f"{page.file.src_path}: unknown picture {name!r} (known: {known})")
        alt = html.escape(PICTURES[name][1])
        src = f"{prefix}{FOLDER}/{name}.png"
        return f'<p class="sr-picture"><img src="{src}" alt="{alt}" loading="lazy"></p>'

    return MARKER.sub(image, markdown)


def on_post_build(config: Any) -> None:
    """Draw every picture into the built site."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder = Path(config["site_dir"]) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, (draw, _) in PICTURES.items():
        figure = draw()
        figure.savefig(folder / f"{name}.png", dpi=100)
        plt.close(figure)
