"""The one cattrs converter that (un)structures every public class.

Built by :func:`make_converter` from cattrs' JSON preset with unknown keys forbidden, plus strict
hooks: cattrs' defaults coerce (``None`` to ``'None'``, ``3.9`` to ``3``, ``"false"`` to
``True``, a string to a tuple of its characters), and a data file that says something else than
it means must be rejected, not repaired. Dates travel as ISO ``YYYY-MM-DD`` strings and come back
as :class:`pendulum.Date` (without a hook cattrs would hand back a plain ``datetime.date``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

import attrs
import pendulum
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as make_json_converter

from .dates import parse_iso_date

StructureHook = Callable[[Any, Any], Any]


def make_converter(*, detailed_validation: bool = True) -> JsonConverter:
    """A strict converter for the library's classes.

    ``detailed_validation=False`` gives a faster converter that stops at the first error and
    reports no path; the loader uses it only to decide whether the detailed one must run.
    """
    converter = make_json_converter(forbid_extra_keys=True, detailed_validation=detailed_validation)
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook(pendulum.Date, _structure_date)
    converter.register_unstructure_hook(pendulum.Date, _unstructure_date)
    converter.register_structure_hook_factory(is_sequence, _sequence_factory)
    converter.register_structure_hook_factory(attrs.has, _object_factory)
    # By single dispatch on Enum, not a hook factory: cattrs before 26 dispatches enums that way
    # itself, ahead of any factory, and would read members by value alone.
    converter.register_structure_hook(enum.Enum, _structure_enum)
    return converter


def _strict(kind: type, expected: str) -> StructureHook:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {expected}, got {_describe(value)}")
        return value

    return structure


def _strict_int(value: Any, _: Any) -> int:
    if type(value) is not int:  # bool is an int subclass; true is not a quota
        raise TypeError(f"expected a whole number, got {_describe(value)}")
    return value


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date as a YYYY-MM-DD string, got {_describe(value)}")
    return parse_iso_date(value)


def _unstructure_date(value: pendulum.Date) -> str:
    return value.isoformat()


def _sequence_factory(kind: Any, converter: Any) -> StructureHook:
    inner = homogenous_tuple_structure_factory(kind, converter)

    def structure(value: Any, target: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array, got {_describe(value)}")
        return inner(value, target)

    return structure


def _object_factory(cls: Any, converter: Any) -> StructureHook:
    inner = make_dict_structure_fn(cls, converter)  # unknown keys: forbidden by the converter

    def structure(value: Any, target: Any) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_describe(value)}")
        return inner(value, target)

    return structure


def _structure_enum(value: Any, kind: Any) -> Any:
    return _enum_structurer(kind)(value, kind)


@cache
def _enum_structurer(kind: type[enum.Enum]) -> StructureHook:
    """Members travel as their values (not names, numbers or translations); the Chinese term
    is read too where the enumeration has one (``'地级市'`` for ``AdminLevel.PREFECTURE_CITY``,
    ``'技师'`` for ``TrainingTier.TECHNICIAN``), so a file written from the notice's wording
    loads. One rule for every enumeration: the converter needs to know none of them."""
    by_text: dict[str, enum.Enum] = {}
    for member in kind:
        zh = getattr(member, "zh", None)
        if isinstance(zh, str):
            by_text[zh] = member
    by_text.update((member.value, member) for member in kind)
    shown = [f"{m.value!r} ({m.zh})" if hasattr(m, "zh") else repr(m.value) for m in kind]
    expected = f"expected {kind.__name__} as one of {', '.join(shown)}"

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not str:
            raise TypeError(f"{expected}, got {_describe(value)}")
        if value not in by_text:
            raise ValueError(f"{expected}, got {_describe(value)}")
        return by_text[value]

    return structure


def _describe(value: object) -> str:
    """Name a JSON value's kind the way a data file's author thinks of it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


converter = make_converter()
"""The converter for every public class: ``converter.unstructure(obj)`` and back."""
