"""A fast, all-or-nothing structuring pass that needs no cattrs.

Most documents are valid, and the bundled one always is: for them, collecting paths is wasted
work, and importing cattrs costs more than reading the data. :func:`try_structure` builds the
object in one pass over the parsed JSON, with code generated once per class from its attrs
fields and their resolved types, so it follows the model as fields are added. It either returns
exactly what the strict converter would, or gives up (:data:`MISS`) at the first thing it does
not like; the loader then runs the detailed converter and the rules, which report every
problem with its path. It may reject more than the converter does, never less.

It also checks the text rule (no empty, blank or padded string) on every string it meets;
since it rejects unknown keys, that is every string of the document.

Supported types: ``str``, ``int``, ``bool``, :class:`pendulum.Date`, enums, literals of
strings, whole numbers and booleans, ``X | None``, ``tuple[X, ...]`` and attrs classes. A class
whose fields use anything else is never structured here (the converter does it).
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pendulum

from ._dates import parse_iso_date

MISS: Any = object()
"""What :func:`try_structure` returns when the document needs the detailed pass."""

Structure = Callable[[Any], Any]


class _UnsupportedError(Exception):
    """A type that this module does not structure; its class goes to the converter."""


class _RejectError(Exception):
    """Raised inside generated code: the value is not what the field needs."""


def try_structure(data: Any, cls: type) -> Any:
    """``cls`` built from ``data``, or :data:`MISS` if anything is wrong or unsupported."""
    structure = _structurer(cls)
    if structure is None:
        return MISS
    try:
        return structure(data)
    except Exception:  # any failure: the detailed pass decides, and reports
        return MISS


_BUILT: dict[type, Structure | None] = {}


def _structurer(cls: type) -> Structure | None:
    if cls not in _BUILT:
        try:
            _BUILT[cls] = _Compiler().compile(cls)
        except _UnsupportedError:
            _BUILT[cls] = None
    return _BUILT[cls]


def _text(value: Any) -> str:
    """A string that the text rule accepts: not empty, not blank, not padded.

    A string that is not all printable (a lone surrogate, a control character) goes to the
    detailed pass, which tells a surrogate from text that is merely unusual.
    """
    if type(value) is not str or not value or value.strip() != value or not value.isprintable():
        raise _RejectError
    return value


# The test of _text, written inline for the str fields of a class (a call per string costs
# more than the test itself).
_TEXT_FAILS = "type({x}) is not str or not {x} or {x}.strip() != {x} or not {x}.isprintable()"


def _date(value: Any) -> pendulum.Date:
    if type(value) is not str:
        raise _RejectError
    return parse_iso_date(value)


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise _RejectError
    return value


HOT = 256
"""Calls after which a class's interpreted structurer is replaced by compiled code.

Compiling every class costs about as much as structuring the whole bundled campaign, so a
small document is read by closures, and only the classes that a large one repeats (its
cities, its provinces) are compiled.
"""

Field = tuple[str, str, bool, Structure]  # key, argument name, required, structure the value


class _Compiler:
    """Makes one structurer per attrs class reachable from the root, in one namespace.

    Each class gets two equivalent forms from the same walk over its fields: Python source, in
    which checks are inlined, and a closure over the same checks as functions. The closure
    serves first; after :data:`HOT` calls the source is compiled and takes its place.
    """

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {
            "_RejectError": _RejectError,
            "_text": _text,
            "_date": _date,
            "_bool": _bool,
            "_no": _no,
            "tuple": tuple,
            "type": type,
            "list": list,
            "dict": dict,
            "int": int,
        }
        self.names: dict[type, str] = {}
        self.counter = 0

    def compile(self, cls: type) -> Structure:
        name = self.attrs_class(cls)
        namespace = self.namespace
        return lambda data: namespace[name](data)

    def constant(self, value: object) -> str:
        self.counter += 1
        name = f"_c{self.counter}"
        self.namespace[name] = value
        return name

    def attrs_class(self, cls: type) -> str:
        if cls in self.names:
            return self.names[cls]
        name = f"_s{len(self.names)}_{cls.__name__}"
        self.names[cls] = name
        fields = [field for field in attrs.fields(cls) if field.init]
        hints = _resolve(cls, fields)
        keys = frozenset(field.name for field in fields)
        required = frozenset(f.name for f in fields if f.default is attrs.NOTHING)
        lines = [f"def {name}(v):", "    if type(v) is not dict: raise _RejectError"]
        if keys == required:  # as many keys as fields, and each field's key read below
            lines.append(f"    if len(v) != {len(keys)}: raise _RejectError")
        else:
            lines.append(f"    if not {self.constant(required)} <= v.keys(): raise _RejectError")
            lines.append(f"    if not v.keys() <= {self.constant(keys)}: raise _RejectError")
        arguments, optional, plan = [], [], []
        for index, field in enumerate(fields):
            expression, function = self.value(hints[field.name], f"x{index}")
            plan.append((field.name, field.alias, field.default is attrs.NOTHING, function))
            if field.default is attrs.NOTHING and hints[field.name] is str:
                lines.append(f"    x{index} = v[{field.name!r}]")
                lines.append(f"    if {_TEXT_FAILS.format(x=f'x{index}')}: raise _RejectError")
                arguments.append(f"{field.alias}=x{index}")
            elif field.default is attrs.NOTHING:
                lines.append(f"    x{index} = v[{field.name!r}]")
                lines.append(f"    x{index} = {expression}")
                arguments.append(f"{field.alias}=x{index}")
            else:  # absent: attrs supplies the default, as the converter lets it
                optional.append(f"    if {field.name!r} in v:")
                optional.append(f"        x{index} = v[{field.name!r}]")
                optional.append(f"        k[{field.alias!r}] = {expression}")
        positional = not optional and not any(field.kw_only for field in fields)
        if not any(field.kw_only for field in fields):  # positional calls are faster
            arguments = [argument.split("=")[1] for argument in arguments]
        if optional:
            lines += ["    k = {}", *optional]
            arguments.append("**k")
        lines.append(f"    return {self.constant(cls)}({', '.join(arguments)})")
        exact = keys == required
        self.namespace[name] = self.tiered(name, lines, _closure(cls, plan, exact, positional))
        return name

    def tiered(self, name: str, lines: list[str], closure: Structure) -> Structure:
        """The closure, counting its calls; on the HOT-th it compiles ``lines`` in its place."""
        calls = 0
        namespace = self.namespace

        def structure(value: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls > HOT:
                exec("\n".join(lines), namespace)  # the source made in attrs_class
                return namespace[name](value)
            return closure(value)

        return structure

    def value(self, kind: Any, var: str) -> tuple[str, Structure]:
        """An expression that checks and converts ``var``, and a function that does the same."""
        if kind is str:
            return f"_text({var})", _text
        if kind is int:
            return f"({var} if type({var}) is int else _no())", _int
        if kind is bool:
            return f"_bool({var})", _bool
        if kind is pendulum.Date:
            return f"_date({var})", _date
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return self.table({(type(m.value), m.value): m for m in kind}, var)
        if attrs.has(kind):
            name, namespace = self.attrs_class(kind), self.namespace
            return f"{name}({var})", lambda value: namespace[name](value)
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            item, each = self.value(args[0], "e")
            check = f"(type({var}) is list or type({var}) is tuple or _no())"
            return f"({check} and tuple([{item} for e in {var}]))", _tuple_of(each)
        if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
            inner = next(arg for arg in args if arg is not type(None))
            expression, function = self.value(inner, var)
            return f"(None if {var} is None else {expression})", _optional(function)
        if origin is typing.Literal and all(type(a) in (str, int, bool) for a in args):
            return self.table({(type(a), a): a for a in args}, var)
        raise _UnsupportedError(kind)

    def table(self, allowed: dict[tuple[type, Any], Any], var: str) -> tuple[str, Structure]:
        """Look the value up among ``allowed``, keyed by (type, value) so 1 is not True."""
        for _, value in allowed:
            if type(value) is str and not (value and value.strip() == value):
                raise _UnsupportedError(value)  # a blank value needs the text rule's report
        return f"{self.constant(allowed)}[(type({var}), {var})]", lambda v: allowed[(type(v), v)]


def _closure(cls: type, plan: list[Field], exact: bool, positional: bool) -> Structure:
    """The interpreted form of a class's structurer: what its generated source does."""
    keys = frozenset(key for key, _, _, _ in plan)
    required = frozenset(key for key, _, needed, _ in plan if needed)
    pairs = [(key, function) for key, _, _, function in plan]
    # Required fields come first in attrs, so they can be passed by position, and only the
    # optional ones that are present by keyword (unless some field is keyword-only).
    leading = [(key, function) for key, _, needed, function in plan if needed]
    optional = [(key, alias, function) for key, alias, needed, function in plan if not needed]
    by_position = not any(field.kw_only for field in attrs.fields(cls) if field.init)

    def structure(v: Any) -> Any:
        if type(v) is not dict:
            raise _RejectError
        if exact:
            if len(v) != len(keys):
                raise _RejectError
        elif not (required <= v.keys() and v.keys() <= keys):
            raise _RejectError
        if positional:
            return cls(*[function(v[key]) for key, function in pairs])
        if by_position:
            first = [function(v[key]) for key, function in leading]
            if len(v) == len(leading):  # no optional field given
                return cls(*first)
            return cls(*first, **{alias: f(v[key]) for key, alias, f in optional if key in v})
        return cls(**{alias: f(v[key]) for key, alias, _, f in plan if key in v})

    return structure


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _RejectError
    return value


def _tuple_of(each: Structure) -> Structure:
    def structure(value: Any) -> tuple[Any, ...]:
        if type(value) is not list and type(value) is not tuple:
            raise _RejectError
        return tuple([each(item) for item in value])

    return structure


def _optional(inner: Structure) -> Structure:
    return lambda value: None if value is None else inner(value)


_EVALUATED: dict[tuple[str, str], Any] = {}


def _resolve(cls: type, fields: list[attrs.Attribute[Any]]) -> dict[str, Any]:
    """Each field's type, resolved; like typing.get_type_hints, evaluating each string once."""
    namespace = vars(sys.modules[cls.__module__])
    hints = {}
    for field in fields:
        if not isinstance(field.type, str):
            hints[field.name] = field.type
            continue
        key = (cls.__module__, field.type)
        if key not in _EVALUATED:
            try:
                _EVALUATED[key] = eval(field.type, namespace)  # an annotation
            except NameError:  # inherited from another module: let typing find it
                return typing.get_type_hints(cls)
        hints[field.name] = _EVALUATED[key]
    return hints


def _no() -> Any:
    raise _RejectError
