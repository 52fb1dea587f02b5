"""MkDocs hook: fill docs/vocabulary.md with tables generated from the package's own data.

The page holds a marker; at build time it is replaced by one table per enumeration (value, zh,
en, clause, and level for tiers), so the docs can never disagree with ``data/vocabulary.json``.
"""

from __future__ import annotations

from typing import Any

MARKER = "<!-- vocabulary-tables -->"


def render() -> str:
    """Markdown tables of every enumeration that skillrevival exports, in the notice's order."""
    from skillrevival._vocabulary import VOCABULARIES, NoticeVocabulary, TrainingTier

    parts: list[str] = []
    for kind in VOCABULARIES:
        summary = (kind.__doc__ or "").strip().splitlines()[0]
        header = ["Value", "zh", "en"]
        header += ["Clause"] if issubclass(kind, NoticeVocabulary) else []
        header += ["Level"] if kind is TrainingTier else []
        rows = [_row(header), _row(["---"] * len(header))]
        for member in kind:
            cells = [f"`{member.value}`", member.zh, member.en]
            cells += [member.clause] if isinstance(member, NoticeVocabulary) else []
            cells += [str(member.level)] if isinstance(member, TrainingTier) else []
            rows.append(_row(cells))
        parts.append("\n".join([f"## `{kind.__name__}`", "", summary, "", *rows]))
    return "\n\n".join(parts) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace the marker, wherever it stands, by the generated tables."""
    return markdown.replace(MARKER, render()) if MARKER in markdown else markdown
