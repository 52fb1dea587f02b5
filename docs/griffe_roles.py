"""A Griffe extension for the API reference: Sphinx roles in docstrings, rendered as markdown.

The docstrings use Sphinx-style roles (``:func:`campaign```, ``:class:`pendulum.Date```) and
``::`` before an indented example. mkdocstrings renders markdown, so this extension rewrites them
as it loads the package: a role that names something ``skillrevival`` exports becomes a link to
its entry in the reference, any other role becomes code, and ``::`` becomes ``:``. The sources
stay as they are, readable in an editor and by ``help()``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:func|class|meth|attr|mod|exc|data|obj):`~?([\w.]+)`")
LITERAL_BLOCK = re.compile(r"(\S)::$", re.M)


def public_names() -> frozenset[str]:
    import skillrevival

    return frozenset(skillrevival.__all__)


class SphinxRoles(griffe.Extension):
    """Rewrite each docstring once the package's object tree is complete."""

    def __init__(self) -> None:
        super().__init__()
        self.public = public_names()

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self.on_object(obj=pkg)  # the package itself is not among the objects on_object sees

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is None:
            return
        text = ROLE.sub(self._link, obj.docstring.value)
        obj.docstring.value = LITERAL_BLOCK.sub(r"\1:", text)

    def _link(self, match: re.Match[str]) -> str:
        target = match.group(1).removeprefix("skillrevival.")
        if target in self.public:
            return f"[`{target}`][skillrevival.{target}]"
        return f"`{match.group(1)}`"
