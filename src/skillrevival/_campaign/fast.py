"""A fast, all-or-nothing structuring pass that needs no cattrs.

Most documents are valid, and the bundled one always is: for them, collecting paths is wasted
work, and importing cattrs costs more than reading the data. :func:`try_structure` builds the
object in one pass over the parsed JSON with a structurer made once per class from its attrs
fields and their types (resolved by :func:`attrs.resolve_types`), so it follows the model as
fields are added. It either returns exactly what the strict converter would, or gives up
(:data:`MISS`) at the first thing it does not like; the loader then runs the detailed
converter and the rules, which report every problem with its path. It may reject more than
the converter does, never less.

It also checks the text rule (no empty, blank or padded string) on every string it meets;
since it rejects unknown keys, that is every string of the document.

Supported types: ``str``, ``int``, ``bool``, :class:`pendulum.Date`, enums, literals of
strings, whole numbers and booleans, ``X | None``, ``tuple[X, ...]`` and attrs classes. A class
whose fields use anything else is never structured here (the converter does it).

Only a value that breaks a check gives :data:`MISS`; any other exception is a bug of this
module and propagates, so that the tests see it rather than a silent slow path.
"""

from __future__ import annotations

import enum
import operator
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pendulum

from .._text import has_surrogate, too_long
from .dates import parse_iso_date

MISS: Any = object()
"""What :func:`try_structure` returns when the document needs the detailed pass."""

Structure = Callable[[Any], Any]


class _UnsupportedError(Exception):
    """A type that this module does not structure; its class goes to the converter."""


class _RejectError(Exception):
    """The value is not what the field needs: the document goes to the detailed pass."""


def try_structure(data: Any, cls: type) -> Any:
    """``cls`` built from ``data``, or :data:`MISS` if anything is wrong or unsupported."""
    structure = structurer(cls)
    if structure is None:
        return MISS
    try:
        return structure(data)
    except _RejectError:
        return MISS


_BUILT: dict[type, Structure | None] = {}


def structurer(cls: type) -> Structure | None:
    """The structurer of ``cls``, made on first use; None if it has a type not supported here."""
    if cls not in _BUILT:
        try:
            _BUILT[cls] = _Builder().attrs_class(cls)
        except _UnsupportedError:
            _BUILT[cls] = None
    return _BUILT[cls]


def _text(value: Any) -> str:
    """A string that the text rule accepts: not empty, not blank, not padded, no lone surrogate.

    The same test is written out in the loops of :func:`_texts` and :func:`_class` (a call per
    string costs more than the test). Printable text holds no surrogate, so only the rare
    string that is not printable (a control character, a zero-width space) is encoded to look.
    """
    if (
        type(value) is not str
        or not value
        or value.strip() != value
        or (not value.isprintable() and has_surrogate(value))
    ):
        raise _RejectError
    return value


def _int(value: Any) -> int:
    if type(value) is not int or too_long(value):  # too long to print: detailed
        raise _RejectError
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _RejectError
    return value


def _date(value: Any) -> pendulum.Date:
    if type(value) is not str:
        raise _RejectError
    try:
        return parse_iso_date(value)
    except ValueError:
        raise _RejectError from None


def _member(allowed: dict[tuple[type, Any], Any]) -> Structure:
    """Look the value up among ``allowed``, keyed by (type, value) so that 1 is not True."""

    def structure(value: Any) -> Any:
        if type(value) not in (str, int, bool):  # also keeps unhashable values out
            raise _RejectError
        found = allowed.get((type(value), value), MISS)
        if found is MISS:
            raise _RejectError
        return found

    for _, value in allowed:
        if type(value) is str and not (value and value.strip() == value):
            raise _UnsupportedError(value)  # a blank value needs the text rule's report
    return structure


def _tuple_of(each: Structure) -> Structure:
    def structure(value: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise _RejectError
        return tuple([each(item) for item in value]) if value else ()

    return structure


def _texts(value: Any) -> tuple[str, ...]:
    """``_tuple_of(_text)``, with the test written out in the loop."""
    if type(value) is not list and type(value) is not tuple:
        raise _RejectError
    for x in value:
        if (
            type(x) is not str
            or not x
            or x.strip() != x
            or (not x.isprintable() and has_surrogate(x))
        ):
            raise _RejectError
    return tuple(value)


def _optional(inner: Structure) -> Structure:
    return lambda value: None if value is None else inner(value)


class _Builder:
    """Makes the structurers of the attrs classes reachable from one root, each class once."""

    def __init__(self) -> None:
        self.made: dict[type, Structure] = {}

    def attrs_class(self, cls: type) -> Structure:
        if cls not in self.made:
            # A class refers to itself through this cell until its structurer is made.
            cell: list[Structure] = []
            self.made[cls] = lambda value: cell[0](value)
            cell.append(self.fields_of(cls))
            self.made[cls] = cell[0]
        return self.made[cls]

    def fields_of(self, cls: type) -> Structure:
        attrs.resolve_types(cls)  # once per class; attrs marks it resolved
        fields = [field for field in attrs.fields(cls) if field.init]
        required = [field for field in fields if field.default is attrs.NOTHING]
        optional = [field for field in fields if field.default is not attrs.NOTHING]
        convert = {field.name: self.value(field.type) for field in fields}
        return _class(
            cls,
            keys=[(field.name, field.alias) for field in required],
            texts=[i for i, field in enumerate(required) if field.type is str],
            others=[(i, convert[f.name]) for i, f in enumerate(required) if f.type is not str],
            optional=[(field.name, field.alias, convert[field.name]) for field in optional],
            by_keyword=any(field.kw_only for field in fields),
        )

    def value(self, kind: Any) -> Structure:
        """A function that checks a JSON value as ``kind`` and returns it converted."""
        if kind is str:
            return _text
        if kind is int:
            return _int
        if kind is bool:
            return _bool
        if kind is pendulum.Date:
            return _date
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return _member({(type(m.value), m.value): m for m in kind})
        if attrs.has(kind):
            return self.attrs_class(kind)
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return _texts if args[0] is str else _tuple_of(self.value(args[0]))
        if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
            return _optional(self.value(next(arg for arg in args if arg is not type(None))))
        if origin is typing.Literal and all(type(a) in (str, int, bool) for a in args):
            return _member({(type(a), a): a for a in args})
        raise _UnsupportedError(kind)


def _class(
    cls: type,
    keys: list[tuple[str, str]],
    texts: list[int],
    others: list[tuple[int, Structure]],
    optional: list[tuple[str, str, Structure]],
    by_keyword: bool,
) -> Structure:
    """The structurer of one attrs class.

    ``keys`` are the (key, argument name) of its required fields in order, ``texts`` the
    positions among them of the ``str`` ones (checked in a loop, without a call each),
    ``others`` the rest with their functions; ``optional`` holds (key, argument name, function)
    of the fields with a default, which attrs supplies when the key is absent, as the converter
    lets it. Required fields come first in attrs, so they are passed by position, unless some
    field is keyword-only (``by_keyword``).
    """
    required = [key for key, _ in keys]
    names = [name for _, name in keys]
    needed = frozenset(required)
    allowed = needed | {key for key, _, _ in optional}
    count = len(required)
    exact = not optional
    # One C call takes every required value out (a KeyError when a key is missing), another
    # the str ones to check; a list of one value when the class has a single field.
    values_of = operator.itemgetter(*required) if count > 1 else _listed(required)
    texts_of = operator.itemgetter(*texts) if len(texts) > 1 else _listed(texts)

    def structure(v: Any) -> Any:
        if type(v) is not dict:
            raise _RejectError
        if exact:
            if len(v) != count:
                raise _RejectError
        elif not needed <= v.keys() <= allowed:
            raise _RejectError
        try:
            values = list(values_of(v))
        except KeyError:  # as many keys as fields, but not the same ones
            raise _RejectError from None
        for x in texts_of(values):
            if (
                type(x) is not str
                or not x
                or x.strip() != x
                or (not x.isprintable() and has_surrogate(x))
            ):
                raise _RejectError
        for index, function in others:
            values[index] = function(values[index])
        given = {}
        if len(v) != count:  # some optional fields are present
            given = {name: f(v[key]) for key, name, f in optional if key in v}
        if by_keyword:
            return cls(**dict(zip(names, values, strict=True)), **given)
        return cls(*values, **given)

    return structure


def _listed(keys: list[Any]) -> Callable[[Any], list[Any]]:
    """What ``operator.itemgetter(*keys)`` gives for two keys or more, for none or one."""
    return lambda container: [container[key] for key in keys]
