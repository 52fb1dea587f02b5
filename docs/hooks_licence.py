"""MkDocs hook: the licence page's tables of sources, read from the bundled data files.

Where a page says ``<!-- licence: geography -->`` or ``<!-- licence: seats -->`` on a line of its
own, :func:`on_page_markdown` writes the ``sources`` table of ``data/geography.json`` or
``data/seats.json`` as the package bundles it: each source's id, what it is, its licence and its
attribution, with its address. The licence page then states what the data files themselves say,
never a copy typed by hand that could drift from them.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from mkdocs.exceptions import PluginError

MARKER = re.compile(r"^<!-- licence: (geography|seats) -->$", re.M)
HEADINGS = {
    "en": ("Source (`id`)", "What it is", "Licence and attribution"),
    "zh": ("来源（`id`）", "内容", "许可与署名"),
}


def sources(name: str) -> list[dict[str, str]]:
    """The ``sources`` table of a bundled data file."""
    path = resources.files("skillrevival").joinpath("data", f"{name}.json")
    found = json.loads(path.read_text(encoding="utf-8")).get("sources")
    if not found:
        raise PluginError(f"data/{name}.json has no sources table")
    return list(found)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def table(name: str, language: str) -> str:
    rows = [f"| {' | '.join(HEADINGS[language])} |", "|---|---|---|"]
    for source in sources(name):
        licence = source["licence"]
        attribution = source.get("attribution")
        terms = f"{licence}; {attribution}" if attribution else licence
        what = f"[{_cell(source['title'])}]({source['url']})"
        rows.append(f"| `{source['id']}` | {what} | {_cell(terms)} |")
    # Marked as the data's own table: the Chinese edition shows it as the file holds it.
    table = "\n".join(rows)
    return f'<div class="sr-source-table" markdown>\n\n{table}\n\n</div>'


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    del config, files
    language = "zh" if page.file.src_uri.endswith(".zh.md") else "en"
    return MARKER.sub(lambda m: table(m[1], language), markdown)
