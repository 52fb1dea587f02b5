"""The text rule: no string in a document may be empty, blank, padded, or hold a lone surrogate.

Shared by the rules (:mod:`._campaign.rules`), the fast pass and the vocabulary's reader, so that it
is written once. Paths are those of :class:`~skillrevival.Problem` (``phases[0].name.zh``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ._errors import Problem


def check_text(data: object, path: str) -> Iterator[Problem]:
    """A problem for every string in ``data`` (parsed JSON, walked whole) that breaks the rule."""
    stack: list[tuple[object, str]] = [(data, path)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            if not value.isascii() and has_surrogate(value):
                yield Problem(where, "holds a lone surrogate (an escape such as \\ud800), not text")
            elif not value.strip():
                yield Problem(where, "must not be empty or blank")
            elif value != value.strip():
                yield Problem(where, f"has white space at its start or end: {value!r}")
        elif isinstance(value, dict):
            prefix = f"{where}." if where else ""
            stack.extend((item, f"{prefix}{key}") for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(value))


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (JSON's ``\\ud800``), which is not text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
