"""Reading documents: JSON text or parsed data in, frozen objects or every problem out.

The bundled campaign is read with the same functions as a user's file, on the first call of
:func:`campaign`, and cached. Nothing here runs at import time.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from os import PathLike
from typing import Any, TypeVar, overload

from ._errors import Problem, ValidationError
from ._model import (
    Anomaly,
    Attachment,
    Campaign,
    City,
    Notice,
    Phase,
    Province,
    Roster,
    Source,
    StatedDuration,
    Term,
)

T = TypeVar("T")

LOADABLE: tuple[type, ...] = (
    Campaign,
    Notice,
    Phase,
    Roster,
    Province,
    City,
    Term,
    Attachment,
    StatedDuration,
    Anomaly,
    Source,
)
"""The classes that documents can describe, the campaign first."""

BUNDLED = "campaign.json"
CHECKSUMS = "SHA256SUMS"


@cache
def campaign() -> Campaign:
    """The second-batch campaign of 人社部函〔2015〕67号, read from the bundled data once."""
    return loads(read_bundled(BUNDLED))


def read_bundled(name: str) -> bytes:
    """The bytes of the bundled data file ``name``, checked against ``data/SHA256SUMS``.

    A damaged or edited installation raises :class:`ValidationError` rather than loading wrong
    data. After changing a data file on purpose, run ``make checksums``.
    """
    import hashlib

    data = resources.files("skillrevival").joinpath("data")
    content = data.joinpath(name).read_bytes()
    recorded = _recorded_checksums(data.joinpath(CHECKSUMS).read_text(encoding="utf-8"))
    actual = hashlib.sha256(content).hexdigest()
    if recorded.get(name) != actual:
        expected = recorded.get(name, f"no line for {name}")
        message = (
            f"checksum mismatch: SHA-256 {actual}, {CHECKSUMS} records {expected}; "
            "the installation is damaged (reinstall skillrevival), or the file was changed "
            "without running `make checksums`"
        )
        raise ValidationError([Problem(f"skillrevival/data/{name}", message)])
    return content


def _recorded_checksums(text: str) -> dict[str, str]:
    """``sha256sum`` output (``<hex>  <name>`` per line) as a name-to-hex mapping."""
    recorded = {}
    for line in text.splitlines():
        digest, _, name = line.partition(" ")
        recorded[name.strip().lstrip("*")] = digest
    return recorded


@overload
def validate(data: Any) -> list[Problem]: ...
@overload
def validate(data: Any, cls: type) -> list[Problem]: ...
def validate(data: Any, cls: type = Campaign) -> list[Problem]:
    """Every problem with ``data`` (already parsed JSON) as a ``cls``; empty when it is valid.

    Never raises on bad data: wrong types, missing and unknown fields, and every cross-field rule
    are reported together, each :class:`Problem` with the path of the value it concerns.
    """
    from ._converter import converter
    from ._validation import check_rules, problems_from_exception

    _check_cls(cls)
    problems: list[Problem] = []
    try:
        converter.structure(data, cls)
    except Exception as error:  # every failure of the shape check is a finding, not a crash
        problems.extend(problems_from_exception(error))
    for problem in check_rules(data, cls):
        if problem not in problems:
            problems.append(problem)
    return problems


@overload
def structure(data: Any) -> Campaign: ...
@overload
def structure(data: Any, cls: type[T]) -> T: ...
def structure(data: Any, cls: type[Any] = Campaign) -> Any:
    """Build a ``cls`` from already-parsed JSON data; raise :class:`ValidationError` if bad."""
    from ._converter import converter
    from ._validation import check_rules

    _check_cls(cls)
    try:
        result = converter.structure(data, cls)
    except Exception:  # the shape is wrong somewhere: collect every problem, rules included
        raise ValidationError(validate(data, cls)) from None
    problems = check_rules(data, cls)
    if problems:
        raise ValidationError(problems)
    return result


@overload
def loads(text: str | bytes) -> Campaign: ...
@overload
def loads(text: str | bytes, cls: type[T]) -> T: ...
def loads(text: str | bytes, cls: type[Any] = Campaign) -> Any:
    """Read a ``cls`` from JSON text (UTF-8 when bytes); raise :class:`ValidationError` if bad."""
    return structure(_parse(text), cls)


@overload
def load(path: str | PathLike[str]) -> Campaign: ...
@overload
def load(path: str | PathLike[str], cls: type[T]) -> T: ...
def load(path: str | PathLike[str], cls: type[Any] = Campaign) -> Any:
    """Read a ``cls`` from a JSON file; raise :class:`ValidationError` if unreadable or bad."""
    try:
        with open(path, "rb") as file:
            text = file.read()
    except OSError as error:
        raise ValidationError(
            [Problem("", f"cannot read {str(path)!r}: {error.strerror}")]
        ) from None
    return loads(text, cls)


def _check_cls(cls: object) -> None:
    if cls not in LOADABLE:
        names = ", ".join(kind.__name__ for kind in LOADABLE)
        raise ValidationError.single("cls", f"cannot read a {cls!r}; expected one of {names}")


def _parse(text: object) -> Any:
    """JSON text to data, or a ValidationError with one problem that says what is wrong."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            where = f"byte {error.start}"
            raise ValidationError([Problem("", f"not UTF-8 text ({where})")]) from None
    if not isinstance(text, str):
        raise ValidationError.single("text", f"expected str or bytes, got {type(text).__name__}")
    text = text.removeprefix("\ufeff")  # a byte-order mark, as Excel and Notepad write
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise ValidationError([Problem("", f"not JSON: {error.msg} ({where})")]) from None
    except _UnreadableError as error:
        raise ValidationError([Problem("", str(error))]) from None
    except RecursionError:
        raise ValidationError(
            [Problem("", "not JSON this library reads: nested too deeply")]
        ) from None


class _UnreadableError(ValueError):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        keys = [key for key, _ in pairs]
        twice = next(key for index, key in enumerate(keys) if key in keys[:index])
        message = f"not JSON this library reads: key {twice!r} appears twice in an object"
        raise _UnreadableError(message)
    return result


def _reject_constant(name: str) -> Any:
    raise _UnreadableError(f"not JSON: {name} is not a JSON number")
