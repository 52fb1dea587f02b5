"""The text rule: no string in a document may be empty, blank, padded, or hold a lone surrogate.

Shared by the rules (:mod:`._campaign.rules`), the fast pass and the vocabulary's reader, so that it
is written once. Paths are those of :class:`~skillrevival.Problem` (``phases[0].name.zh``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ._errors import Problem, ValidationError


def check_text(data: object, path: str) -> Iterator[Problem]:
    """A problem for every string in ``data`` (parsed JSON, walked whole) that breaks the rule,
    in document order."""
    for where, value in walk(data, path):
        if isinstance(value, str):
            message = text_problem(value)
            if message is not None:
                yield Problem(where(), message)


_SURROGATE = "holds a lone surrogate (an escape such as \\ud800), not text"
_BLANK = "must not be empty or blank"
_PADDED = "has white space at its start or end: "


def text_problem(value: str) -> str | None:
    """What is wrong with a string by the text rule, or None."""
    if not value.isascii() and has_surrogate(value):
        return _SURROGATE
    if not value.strip():
        return _BLANK
    if value != value.strip():
        return f"{_PADDED}{value!r}"
    return None


def is_text_problem(message: str) -> bool:
    """Whether ``message`` is one of :func:`text_problem`'s."""
    return message in (_SURROGATE, _BLANK) or message.startswith(_PADDED)


def walk(data: object, path: str) -> Iterator[tuple[Callable[[], str], object]]:
    """Every value inside ``data`` (objects, arrays and what they hold), in document order, each
    with a function that makes its path: paths are made only for the values that need one, and
    the walk holds one iterator per level of nesting, so that it costs no memory per value."""
    yield (lambda: path), data
    stack: list[tuple[Iterator[tuple[object, object]], str, bool]] = []
    if isinstance(data, dict | list | tuple):
        stack.append(_children(data, path))
    while stack:
        items, where, keyed = stack[-1]
        for key, value in items:
            yield _path_maker(where, key, keyed), value
            if isinstance(value, dict | list | tuple):
                stack.append(_children(value, _make_path(where, key, keyed)))
                break
        else:
            stack.pop()


def _children(value: object, where: str) -> tuple[Iterator[tuple[object, object]], str, bool]:
    if isinstance(value, dict):
        return iter(value.items()), where, True
    return enumerate(value), where, False  # type: ignore[arg-type]  # a list or tuple


def _make_path(where: str, key: object, keyed: bool) -> str:
    if keyed:
        return f"{where}.{key}" if where else str(key)
    return f"{where}[{key}]"


def _path_maker(where: str, key: object, keyed: bool) -> Callable[[], str]:
    return lambda: _make_path(where, key, keyed)


def screen(data: object, path: str = "") -> Iterator[Problem]:
    """The values no JSON document holds, which parsed data from elsewhere (YAML, Python) may:
    a key that is not a string (``2015:``) and a whole number too long to print (more than
    4,300 digits). Every other rule assumes neither is there."""
    if _plain(data):
        return
    for where, value in walk(data, path):
        if isinstance(value, dict):
            for key in value:
                if type(key) is not str:
                    kind = type(key).__name__
                    message = f"a key must be a string, got {kind} {shown(key)}"
                    yield Problem(_make_path(where(), shown(key), True), message)
        elif isinstance(value, int) and too_long(value):
            yield Problem(where(), TOO_LONG)


def _plain(data: object) -> bool:
    """True when :func:`screen` finds nothing: one quick pass over the values, no paths."""
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            if not all(type(key) is str for key in value):
                return False
            stack.extend(value.values())
        elif kind is list or kind is tuple:
            stack.extend(value)
        elif (isinstance(value, int) and too_long(value)) or isinstance(value, dict | list | tuple):
            return False
    return True


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (JSON's ``\\ud800``), which is not text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# Python refuses to turn an int of more than 4,300 digits into text (its default
# sys.get_int_max_str_digits(), the limit _reading.MAX_DIGITS puts on JSON too): a value that
# large is described and refused by these, never printed.
MAX_DIGITS = 4300
_TOO_LONG: int = 10**MAX_DIGITS  # the least number of 4,301 digits
_MIN_BITS = _TOO_LONG.bit_length()  # fewer bits: fewer digits, no comparison needed
TOO_LONG = f"a whole number of more than {MAX_DIGITS:,} digits"


def too_long(value: int) -> bool:
    """Whether the whole number ``value`` has more than 4,300 digits (too long to print)."""
    return value.bit_length() >= _MIN_BITS and abs(value) >= _TOO_LONG


def shown(value: object) -> str:
    """``repr(value)``, except for a whole number too long to print, which is described."""
    if isinstance(value, int) and too_long(value):
        return TOO_LONG
    return repr(value)


def whole_text(value: int, path: str) -> str:
    """The digits of a whole number given as a name or a code; one too long to print (more than
    4,300 digits) names nothing and raises :class:`~skillrevival.ValidationError` at ``path``."""
    if too_long(value):
        raise ValidationError.single(path, f"expected a name or a code, got {TOO_LONG}")
    return str(value)
