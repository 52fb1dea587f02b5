"""A Griffe extension for the API reference: Sphinx roles in docstrings, rendered as markdown.

The docstrings use Sphinx-style roles (``:func:`campaign```, ``:class:`pendulum.Date```) and
``::`` before an indented example. mkdocstrings renders markdown, so this extension rewrites them
as it loads the package: a role that names something ``skillrevival`` exports becomes a link to
its entry in the reference, any other role becomes code, and ``::`` becomes ``:``. The sources
stay as they are, readable in an editor and by ``help()``.
"""

from __future__ import annotations

import enum
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


CLAUSE = re.compile(r"(?<=[.;])\s+(?=\S)")
# Within a clause, where the prose moves on to the next field: "``adcode`` is ..., ``level`` the
# kind of unit, and ``parent`` the code ...".
NEXT_FIELD = re.compile(r"(?:,\s+(?:and\s+)?|:\s+|;\s+|\s+and\s+)(?=``\w+``)")


class AttrsFields(griffe.Extension):
    """The fields of an attrs class as one table of the class, not a heading each.

    The classes document their fields in their docstring's prose (````zh```` is the notice's own
    wording ...). For each field this extension takes the clauses of that prose that name it as
    the field's description, puts all fields in an Attributes section (a table: name, type
    linked, description), and removes the per-field entries, which had a heading each and no
    text. Properties and methods keep their own entries.
    """

    def on_class(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        import importlib

        import attrs

        module = importlib.import_module(cls.module.path)
        runtime = getattr(module, cls.name, None)
        if runtime is None or cls.docstring is None:
            return
        if isinstance(runtime, type) and issubclass(runtime, enum.Enum):
            self._members(cls, runtime)
            return
        if not attrs.has(runtime):
            return
        text = " ".join(cls.docstring.value.split())
        clauses = [p.strip() for c in CLAUSE.split(text) for p in NEXT_FIELD.split(c)]
        rows = []
        for field in attrs.fields(runtime):
            member = cls.members.get(field.name)
            if member is None or not member.is_attribute:
                continue
            if field.name.startswith("_"):  # private: not the reader's to use
                cls.del_member(field.name)
                continue
            mark = f"``{field.name}``"
            said = [c for c in clauses if c.startswith(mark)] or [c for c in clauses if mark in c]
            own = member.docstring.value if member.docstring else ""
            description = own or " ".join(c.rstrip(",;") for c in said)
            rows.append(
                griffe.DocstringAttribute(
                    name=field.name, description=description, annotation=member.annotation
                )
            )
            cls.del_member(field.name)
        if rows:
            sections = cls.docstring.parse()
            sections.append(griffe.DocstringSectionAttributes(rows))
            cls.docstring.__dict__["parsed"] = sections

    def _members(self, cls: griffe.Class, runtime: type[enum.Enum]) -> None:
        """An enumeration's members as one table: name, value, and the member's own text."""
        rows = []
        for member in runtime:
            entry = cls.members.get(member.name)
            if entry is None:
                continue
            own = entry.docstring.value if entry.docstring else ""
            zh, en = getattr(member, "zh", None), getattr(member, "en", None)
            said = [own] if own else []
            if zh and not own:
                said.append(f"{zh} ({en})" if en else zh)
            rows.append(
                griffe.DocstringAttribute(
                    name=member.name, description=" ".join(said), annotation=repr(member.value)
                )
            )
            cls.del_member(member.name)
        if rows:
            assert cls.docstring is not None
            sections = cls.docstring.parse()
            sections.append(griffe.DocstringSectionAttributes(rows, title="Members"))
            cls.docstring.__dict__["parsed"] = sections
