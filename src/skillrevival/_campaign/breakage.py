"""Broken documents, each made by breaking one rule of a valid one.

The machinery behind :func:`skillrevival.strategies.invalid_documents` and the tests' catalog of
bad input. It walks a valid document beside the attrs fields of the class it describes, so a field
added to the model is missed, mistyped and padded without any change here:

* per field: ``missing_field`` (fields without a default), ``wrong_type`` (JSON values that do
  not fit the field's type), ``blank_text``/``whitespace_text``/``padded_text`` (strings),
  ``malformed_date``/``impossible_date`` (dates), ``misnumbered`` (``seq``/``number`` of an
  item in an array);
* per object: ``unknown_field``;
* per class, the cross-field rules of :mod:`skillrevival._campaign.rules` (quotas, totals,
  duplicates, phase order, the plan deadline), each where the walk meets that class.

Every breakage is one value set (or one key deleted) at one path, and validation must report a
problem at that path or inside it.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from .model import Campaign, Notice, Phase, Province, Roster

Step = str | int
Path = tuple[Step, ...]

DELETE: Any = type("Delete", (), {"__repr__": lambda self: "DELETE"})()
"""The value of a breakage that removes its key."""

# One JSON value of each kind; a field's wrong values are those that do not fit its type.
EXEMPLARS: tuple[tuple[str, Any], ...] = (
    ("null", None),
    ("boolean", True),
    ("number", 7),
    ("fraction", 2.5),
    ("string", "text"),
    ("array", []),
    ("object", {}),
)
NUMBERED = ("seq", "number")
"""Fields that give an item's position in its array, from 1."""


@attrs.frozen
class Breakage:
    """One rule broken at one place: set ``value`` (or delete, for DELETE) at ``where``."""

    rule: str
    where: Path
    value: Any = attrs.field(eq=False, hash=False)

    @property
    def path(self) -> str:
        """``where`` as validation writes paths: ``roster.provinces[9].quota``."""
        return format_path(self.where)

    def apply(self, document: Any) -> Any:
        """A broken deep copy of ``document``; the original is left alone."""
        broken = copy_json(document)
        *parents, last = self.where
        node = broken
        for step in parents:
            node = node[step]
        if self.value is DELETE:
            del node[last]
        else:
            node[last] = copy_json(self.value)
        return broken


def copy_json(value: Any) -> Any:
    """A deep copy of parsed JSON (dicts, lists, scalars); many times faster than deepcopy."""
    if isinstance(value, dict):
        return {key: copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_json(item) for item in value]
    return value


def format_path(where: Path) -> str:
    text = ""
    for step in where:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def breakages(document: Any, cls: type) -> tuple[Breakage, ...]:
    """Every single-rule breakage of ``document``, a valid unstructured ``cls``."""
    return tuple(_walk(document, cls, ()))


def fits(kind: Any, value: Any) -> bool:
    """Whether JSON ``value`` has the shape a field of type ``kind`` takes (not its rules).

    Written apart from the converter, so that a converter that accepts too much is caught.
    Raises TypeError for a type it does not know, so that a new kind of field fails loudly here
    rather than going untested.
    """
    origin = typing.get_origin(kind)
    if kind is str:
        return type(value) is str
    if kind is int:
        return type(value) is int
    if kind is bool:
        return type(value) is bool
    if kind is float:
        return type(value) in (int, float)
    if kind is type(None):
        return value is None
    if isinstance(kind, type) and issubclass(kind, dt.date):
        return type(value) is str and _as_date(value) is not None
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return any(type(value) is type(m.value) and value == m.value for m in kind)
    if isinstance(kind, type) and attrs.has(kind):
        return isinstance(value, dict)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return isinstance(value, list) and all(fits(item, v) for v in value)
    if origin in (typing.Union, types.UnionType):
        return any(fits(member, value) for member in typing.get_args(kind))
    if origin is typing.Literal:
        return any(type(value) is type(a) and value == a for a in typing.get_args(kind))
    raise TypeError(f"cannot tell which JSON values fit {kind!r}: teach breakage.fits")


def _walk(data: Any, kind: Any, where: Path) -> Iterator[Breakage]:
    if isinstance(kind, type) and attrs.has(kind) and isinstance(data, dict):
        yield from _object(data, kind, where)
    elif typing.get_origin(kind) is tuple and isinstance(data, list):
        item = typing.get_args(kind)[0]
        for index, value in enumerate(data):
            yield from _walk(value, item, (*where, index))
    elif typing.get_origin(kind) in (typing.Union, types.UnionType):
        for member in typing.get_args(kind):
            if member is not type(None) and fits(member, data):
                yield from _walk(data, member, where)
                break


def _object(data: dict[str, Any], cls: type, where: Path) -> Iterator[Breakage]:
    yield Breakage("unknown_field", (*where, "unexpected_field"), "surprise")
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        if field.name not in data:
            continue
        at = (*where, field.name)
        value = data[field.name]
        if field.default is attrs.NOTHING:
            yield Breakage("missing_field", at, DELETE)
        for kind, wrong in EXEMPLARS:
            if not fits(field.type, wrong):
                yield Breakage(f"wrong_type:{kind}", at, wrong)
        yield from _values(field.type, value, at)
        if field.name in NUMBERED and where and isinstance(where[-1], int) and type(value) is int:
            yield Breakage("misnumbered", at, value + 1)
        yield from _walk(value, field.type, at)
    for rule in _RULES.get(cls, ()):
        yield from rule(data, where)


def _values(kind: Any, value: Any, at: Path) -> Iterator[Breakage]:
    """Right type, wrong value: blank or padded text, malformed or impossible dates."""
    if kind is str and isinstance(value, str):
        yield Breakage("blank_text", at, "")
        yield Breakage("whitespace_text", at, " \u3000\t")
        yield Breakage("padded_text", at, f" {value}\u3000")
    if isinstance(kind, type) and issubclass(kind, dt.date) and isinstance(value, str):
        yield Breakage("malformed_date", at, value.replace("-", "/"))
        yield Breakage("malformed_date", at, f"{value}T00:00:00")
        yield Breakage("impossible_date", at, f"{value[:4]}-02-30")


def _as_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except (TypeError, ValueError):
        return None


def _shift(value: Any, days: int) -> str | None:
    day = _as_date(value)
    return None if day is None else (day + dt.timedelta(days=days)).isoformat()


def _items(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


Rule = Callable[[dict[str, Any], Path], Iterator[Breakage]]


def _province(data: dict[str, Any], where: Path) -> Iterator[Breakage]:
    cities = _items(data, "cities")
    yield Breakage("quota_disagrees", (*where, "quota"), len(cities) + 1)
    yield Breakage("negative_number", (*where, "quota"), -len(cities))
    yield Breakage("enormous_number", (*where, "quota"), 10**30)
    yield Breakage("nonpositive_number", (*where, "seq"), 0)
    name = data.get("name")
    for index in range(len(cities)):
        at = (*where, "cities", index)
        yield Breakage("nonpositive_number", (*at, "seq"), 0)
        if isinstance(name, str):
            yield Breakage("city_in_wrong_province", (*at, "province"), f"{name}外")
        if index:
            yield Breakage("duplicate_city", (*at, "name"), cities[0].get("name"))


def _roster(data: dict[str, Any], where: Path) -> Iterator[Breakage]:
    provinces = _items(data, "provinces")
    total = data.get("total_quota")
    if type(total) is int:
        yield Breakage("total_disagrees", (*where, "total_quota"), total + 1)
        yield Breakage("enormous_number", (*where, "total_quota"), 10**30)
    for index, province in enumerate(provinces[1:], start=1):
        at = (*where, "provinces", index)
        yield Breakage("duplicate_province", (*at, "name"), provinces[0].get("name"))
        first = _items(provinces[0], "cities")
        if first and _items(province, "cities"):
            name = first[0].get("name")
            yield Breakage("duplicate_city", (*at, "cities", 0, "name"), name)


def _phase(data: dict[str, Any], where: Path) -> Iterator[Breakage]:
    yield Breakage("nonpositive_number", (*where, "number"), 0)
    before = _shift(data.get("start"), -1)
    if before:
        yield Breakage("phase_ends_before_start", (*where, "end"), before)


def _notice(data: dict[str, Any], where: Path) -> Iterator[Breakage]:
    before = _shift(data.get("issued_on"), -1)
    if before:
        yield Breakage("deadline_before_issue", (*where, "plan_deadline"), before)


def _campaign(data: dict[str, Any], where: Path) -> Iterator[Breakage]:
    yield Breakage("nonpositive_number", (*where, "batch"), 0)
    yield Breakage("negative_number", (*where, "batch"), -2)
    yield Breakage("nonpositive_number", (*where, "stated_duration", "years"), 0)
    yield Breakage("no_phases", (*where, "phases"), [])
    phases = _items(data, "phases")
    for index in range(1, len(phases)):
        end = phases[index - 1].get("end")
        if _as_date(end):
            yield Breakage("phases_overlap", (*where, "phases", index, "start"), end)
    after = _shift(phases[-1].get("end"), 1) if phases else None
    if after:
        yield Breakage("deadline_outside_campaign", (*where, "notice", "plan_deadline"), after)
    sources = _items(data, "sources")
    for index in range(1, len(sources)):
        yield Breakage("duplicate_source", (*where, "sources", index, "id"), sources[0].get("id"))


_RULES: dict[type, tuple[Rule, ...]] = {
    Province: (_province,),
    Roster: (_roster,),
    Phase: (_phase,),
    Notice: (_notice,),
    Campaign: (_campaign,),
}
