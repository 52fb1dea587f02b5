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
from contextvars import ContextVar
from functools import cache
from typing import Any

import attrs
import pendulum
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as make_json_converter

from .._errors import DroppedError
from .._text import text_problem
from .dates import parse_iso_date

StructureHook = Callable[[Any, Any], Any]


def make_converter(*, detailed_validation: bool = True) -> JsonConverter:
    """A strict converter for the library's classes.

    ``detailed_validation=False`` gives a faster converter that stops at the first error and
    reports no path; the loader uses it only to decide whether the detailed one must run.
    """
    converter = make_json_converter(forbid_extra_keys=True, detailed_validation=detailed_validation)
    converter.register_structure_hook(str, _structure_text)
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


def _structure_text(value: Any, _: Any) -> str:
    """A string that the text rule accepts (not empty, blank, padded, no lone surrogate).

    The rule is checked here, on the strings the document's classes hold, so that a string
    in the wrong place (a number's, an unknown key's) gets the one problem of being there.
    """
    if type(value) is not str:
        raise TypeError(f"expected a string, got {_describe(value)}")
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


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
    args = getattr(kind, "__args__", ())
    element = args[0] if args else Any
    detailed = converter.detailed_validation and element is not Any

    def structure(value: Any, target: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array, got {_describe(value)}")
        budget = BUDGET.get() if detailed else None
        if budget is None:
            return inner(value, target)
        return _within_budget(value, converter.get_structure_hook(element), element, budget)

    return structure


class ProblemBudget:
    """How many problems the loader keeps (``limit``), how many it has kept so far in the
    converter's order (``kept``: a lower bound, counted at the items of arrays), and how many
    it dropped unkept (``dropped``: exact). Set in :data:`BUDGET` while the loader structures
    a bad document, so that an array of millions of bad items is held as its first ones and a
    count, not as millions of exceptions."""

    __slots__ = ("count", "counts", "dropped", "kept", "limit")

    def __init__(self, limit: int, count: Callable[[BaseException], int]) -> None:
        self.limit = limit
        self.count = count  # the number of problems an item's error flattens to
        self.kept = 0
        self.dropped = 0
        # The number of problems of an empty object (or array, or null) as an item of a
        # class, once known: a hostile array of millions of {} is counted without structuring
        # each one again.
        self.counts: dict[tuple[Any, type], int] = {}


BUDGET: ContextVar[ProblemBudget | None] = ContextVar("skillrevival_problem_budget", default=None)
"""The budget of the document being read in this thread (None: keep every problem)."""


def _untangle(error: BaseException) -> None:
    """Break the reference cycles of a dropped error (each exception's traceback holds the
    frame that caught it, whose locals hold the exception group): while the loader holds off
    the garbage collector, reference counting alone must free it, at once."""
    stack = [error]
    while stack:
        current = stack.pop()
        current.__traceback__ = None
        current.__context__ = current.__cause__ = None
        if isinstance(current, BaseExceptionGroup):
            stack.extend(current.exceptions)


def _within_budget(
    value: list[Any] | tuple[Any, ...], handler: StructureHook, element: Any, budget: ProblemBudget
) -> tuple[Any, ...]:
    """As cattrs' detailed structuring of an array, keeping the errors of items only while
    fewer than ``budget.limit`` problems are kept, and counting the rest."""
    errors: list[Exception] = []
    result = []
    dropped = False
    memo = attrs.has(element)
    for index, item in enumerate(value):
        before = budget.kept
        empty = item is None or (type(item) in (dict, list) and not item)
        key = (element, type(item)) if memo and empty else None
        if before >= budget.limit and key is not None and key in budget.counts:
            budget.dropped += budget.counts[key]
            dropped = True
            continue
        try:
            result.append(handler(item, element))
        except Exception as error:
            count = budget.count(error)
            if key is not None:
                budget.counts[key] = count
            if before < budget.limit:
                note = IterableValidationNote(f"Structuring item @ index {index}", index, element)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
                budget.kept = before + count
            else:
                budget.kept = before
                budget.dropped += count
                dropped = True
                _untangle(error)
    if errors or dropped:
        raise IterableValidationError(
            "While structuring an array", errors or [DroppedError()], tuple
        )
    return tuple(result)


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
