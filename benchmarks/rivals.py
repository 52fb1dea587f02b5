"""msgspec and pydantic v2 models equivalent to skillrevival's, built from its attrs classes.

Generated from the attrs fields and their resolved types, so that they follow the model as it
grows: strict types, unknown fields rejected, frozen records, tuples, dates from ISO strings.
They check shapes and types only; skillrevival also checks its cross-field rules.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import msgspec
import pendulum
import pydantic


def _translate(kind: Any, model: Callable[[type], Any]) -> Any:
    if kind is pendulum.Date:
        return dt.date
    if kind in (str, int, bool, float, type(None)) or (
        isinstance(kind, type) and issubclass(kind, enum.Enum)
    ):
        return kind
    if attrs.has(kind):
        return model(kind)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return tuple[_translate(args[0], model), ...]  # type: ignore[misc]
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_translate(arg, model) for arg in args)]  # noqa: UP007
    if origin is typing.Literal:
        return kind
    raise TypeError(f"no equivalent for {kind!r}")


def _fields(cls: type) -> list[tuple[str, Any, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name], f.default) for f in attrs.fields(cls) if f.init]


def msgspec_model(cls: type, _made: dict[type, Any] | None = None) -> Any:
    """A frozen msgspec Struct equivalent to the attrs class ``cls``."""
    made = {} if _made is None else _made
    if cls not in made:
        fields = []
        for name, kind, default in _fields(cls):
            target = _translate(kind, lambda c: msgspec_model(c, made))
            if default is attrs.NOTHING:
                fields.append((name, target))
            else:
                fields.append((name, target, default))
        made[cls] = msgspec.defstruct(cls.__name__, fields, frozen=True, forbid_unknown_fields=True)
    return made[cls]


def pydantic_model(cls: type, _made: dict[type, Any] | None = None) -> Any:
    """A strict, frozen pydantic model equivalent to the attrs class ``cls``."""
    made = {} if _made is None else _made
    if cls not in made:
        fields: dict[str, Any] = {}
        for name, kind, default in _fields(cls):
            target = _translate(kind, lambda c: pydantic_model(c, made))
            fields[name] = (target, ... if default is attrs.NOTHING else default)
        config = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)
        made[cls] = pydantic.create_model(cls.__name__, __config__=config, **fields)
    return made[cls]
