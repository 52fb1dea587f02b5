"""Reading documents: JSON text or parsed data in, frozen objects or every problem out.

The bundled campaign is read with the same functions as a user's file, on the first call of
:func:`campaign`, and cached. Nothing here runs at import time.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import machinery, resources
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from ._errors import Problem, ValidationError
from ._geography import OtherCode
from ._model import (
    Anomaly,
    Attachment,
    Campaign,
    City,
    Notice,
    Phase,
    PlanItem,
    Province,
    Roster,
    Source,
    StatedDuration,
    Term,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

Loadable = (
    Campaign
    | Notice
    | Phase
    | PlanItem
    | Roster
    | Province
    | City
    | Term
    | Attachment
    | StatedDuration
    | Anomaly
    | Source
    | OtherCode
)
"""Any of the classes in :data:`LOADABLE`, for type checkers (``loads(text, int)`` is an error)."""

T = TypeVar("T", bound=Loadable)

LOADABLE: tuple[type, ...] = (
    Campaign,
    Notice,
    Phase,
    PlanItem,
    Roster,
    Province,
    City,
    Term,
    Attachment,
    StatedDuration,
    Anomaly,
    Source,
    OtherCode,
)
"""The classes that documents can describe, the campaign first."""

MAX_DOCUMENT_SIZE = 32 * 1024 * 1024
"""The largest JSON text :func:`loads` and :func:`load` read: 32 MiB (bytes, or characters of a
str). The bundled campaign is about 55 KB and a roster of every county in China would be a few
MB; 32 MiB still reads a synthetic 100,000-city roster (about 21 MiB), while a 50 MB roster of
640,000 cities would take some 25 times its size in memory and minutes to check, so larger
text is refused before parsing."""

BUNDLED = "campaign.json"
CHECKSUMS = "SHA256SUMS"


@cache
def campaign() -> Campaign:
    """The second-batch campaign of 人社部函〔2015〕67号, read from the bundled data once."""
    return loads(read_bundled(BUNDLED))


def read_bundled(name: str, folder: Traversable | None = None) -> bytes:
    """The bytes of the bundled data file ``name``, checked against ``data/SHA256SUMS``.

    A damaged or edited installation raises :class:`ValidationError` rather than loading wrong
    data. After changing a data file on purpose, run ``make checksums``. ``folder`` replaces
    the package's data folder (for tests).
    """
    data = folder if folder is not None else _data_folder()
    content = data.joinpath(name).read_bytes()
    recorded = _recorded_checksums(data.joinpath(CHECKSUMS).read_text(encoding="utf-8"))
    actual = _sha256(content)
    if recorded.get(name) != actual:
        expected = recorded.get(name, f"no line for {name}")
        message = (
            f"checksum mismatch: SHA-256 {actual}, {CHECKSUMS} records {expected}; "
            "the installation is damaged (reinstall skillrevival), or the file was changed "
            "without running `make checksums`"
        )
        raise ValidationError([Problem(f"skillrevival/data/{name}", message)])
    return content


def _data_folder() -> Traversable:
    """The package's data folder, as :func:`importlib.resources.files` finds it.

    For a package installed as files (the usual case), ``files()`` is the package's folder as a
    :class:`pathlib.Path`; it is made here directly, because ``files()`` first imports
    ``zipfile`` and its readers, which take longer than reading and checking the data. Any other
    installation (a zip archive) goes through ``importlib.resources``.
    """
    if isinstance(__spec__.loader, machinery.SourceFileLoader | machinery.SourcelessFileLoader):
        return Path(__file__).parent / "data"
    return resources.files("skillrevival").joinpath("data")


def _sha256(content: bytes) -> str:
    """The SHA-256 of ``content`` in hex, as ``hashlib.sha256`` gives it.

    Taken from the interpreter's own SHA-256 module where it has one (``_sha2``, ``_sha256``):
    ``hashlib`` loads OpenSSL first, which costs more than reading and checking the data.
    """
    for name in ("_sha2", "_sha256"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        digest: str = module.sha256(content).hexdigest()
        return digest
    import hashlib

    return hashlib.sha256(content).hexdigest()


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
def validate(data: Any, cls: type[Loadable]) -> list[Problem]: ...
def validate(data: Any, cls: type[Loadable] = Campaign) -> list[Problem]:
    """Every problem with ``data`` (already parsed JSON) as a ``cls``; empty when it is valid.

    Never raises on bad data: wrong types, missing and unknown fields, and every cross-field rule
    are reported together, each :class:`Problem` with the path of the value it concerns.
    """
    _check_cls(cls)
    with collector_paused():  # as for structure(): a bad document makes many short-lived cycles
        if _fast_result(data, cls) is not _MISS:
            return []
        return _detailed(data, cls)[1]


@overload
def structure(data: Any) -> Campaign: ...
@overload
def structure(data: Any, cls: type[T]) -> T: ...
def structure(data: Any, cls: type[Any] = Campaign) -> Any:
    """Build a ``cls`` from already-parsed JSON data; raise :class:`ValidationError` if bad."""
    with collector_paused():
        return _structure(data, cls)


def _structure(data: Any, cls: type[Any]) -> Any:
    _check_cls(cls)
    result = _fast_result(data, cls)
    if result is not _MISS:
        return result
    result, problems = _detailed(data, cls)
    if problems:
        raise ValidationError(problems)
    return result


def _detailed(data: Any, cls: type) -> tuple[Any, list[Problem]]:
    """The converter's detailed pass and every rule, once: (the object or _MISS, every problem).

    Shared by validate() and structure(), so that a bad document is structured once, not again
    to collect its problems.
    """
    from ._converter import converter
    from ._validation import check_rules, problems_from_exception

    result: Any = _MISS
    problems: list[Problem] = []
    try:
        result = converter.structure(data, cls)
    except Exception as error:  # every failure of the shape check is a finding, not a crash
        problems.extend(problems_from_exception(error))
    # A value whose shape is wrong gets that one problem: a rule's verdict on it is a follow-on
    # (a code written as a number is not also "not 6 digits"). Merged in order, each problem
    # looked up in a set: a long bad document costs time in proportion to its problems.
    wrong = {problem.path for problem in problems}
    seen = set(problems)
    for problem in check_rules(data, cls):
        if problem.path not in wrong and problem not in seen:
            seen.add(problem)
            problems.append(problem)
    return result, problems


@overload
def loads(text: str | bytes) -> Campaign: ...
@overload
def loads(text: str | bytes, cls: type[T]) -> T: ...
def loads(text: str | bytes, cls: type[Any] = Campaign) -> Any:
    """Read a ``cls`` from JSON text (UTF-8 when bytes); raise :class:`ValidationError` if bad."""
    with collector_paused():
        return _structure(_parse(text), cls)


@overload
def load(path: str | PathLike[str]) -> Campaign: ...
@overload
def load(path: str | PathLike[str], cls: type[T]) -> T: ...
def load(path: str | PathLike[str], cls: type[Any] = Campaign) -> Any:
    """Read a ``cls`` from a JSON file; raise :class:`ValidationError` if unreadable or bad."""
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_DOCUMENT_SIZE:  # refused unread; loads checks the length again
                raise ValidationError([_too_large(size, "bytes")])
            text = file.read()
    except OSError as error:
        raise ValidationError(
            [Problem("", f"cannot read {str(path)!r}: {error.strerror}")]
        ) from None
    return loads(text, cls)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while a document is read, if no other thread runs.

    Reading allocates a tree that only grows and holds no cycles, and each collection that the
    allocations trigger walks it again: without the pause, :func:`loads` of 100,000 cities
    takes 18% longer and the first :func:`~skillrevival.geography` 24% (in a process holding
    two million other objects, whose size makes full collections rarer, 3%).

    The switch belongs to the whole process, so it is thrown only when the calling thread is
    the only one: with other threads running, a pause would stop their collections as well, and
    turning it back on could undo a ``gc.disable()`` of theirs. A collector that is off stays
    off; reference counting still frees everything while it is paused.
    """
    if not gc.isenabled() or threading.active_count() > 1:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_MISS: Any = object()


def _fast_result(data: Any, cls: type) -> Any:
    """The object, if the fast pass builds it and every rule holds; else _MISS (see _fast)."""
    from ._fast import MISS, try_structure
    from ._validation import check_rules

    result = try_structure(data, cls)
    if result is MISS or check_rules(data, cls, text=False):
        return _MISS
    return result


def _too_large(size: int, unit: str) -> Problem:
    limit = f"{MAX_DOCUMENT_SIZE:,} {unit}"
    return Problem("", f"too large to read: {size:,} {unit}, more than the limit of {limit}")


def _check_cls(cls: object) -> None:
    if cls not in LOADABLE:
        names = ", ".join(kind.__name__ for kind in LOADABLE)
        raise ValidationError.single("cls", f"cannot read a {cls!r}; expected one of {names}")


def _parse(text: object) -> Any:
    """JSON text to data, or a ValidationError with one problem that says what is wrong."""
    if isinstance(text, bytes | bytearray | str) and len(text) > MAX_DOCUMENT_SIZE:
        unit = "characters" if isinstance(text, str) else "bytes"
        raise ValidationError([_too_large(len(text), unit)])
    if isinstance(text, bytes | bytearray):
        raw = bytes(text)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            found = raw[error.start : error.start + 4]
            message = f"not UTF-8 text (byte {error.start}: {found!r}){_encoding_hint(raw)}"
            raise ValidationError([Problem("", message)]) from None
    if not isinstance(text, str):
        raise ValidationError.single("text", f"expected str or bytes, got {type(text).__name__}")
    marked = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")  # a byte-order mark, as Excel and Notepad write
    if not text.strip():
        what = "is empty" if not text else "holds only white space"
        raise ValidationError([Problem("", f"not JSON: the document {what}")])
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        csv = _csv_hint(text, marked)
        where = f"line {error.lineno} column {error.colno}"
        message = csv or f"not JSON: {error.msg} ({where})"
        raise ValidationError([Problem("", message)]) from None
    except _UnreadableError as error:
        raise ValidationError([Problem("", str(error))]) from None
    except RecursionError:
        raise ValidationError(
            [Problem("", "not JSON this library reads: nested too deeply")]
        ) from None


def _csv_hint(text: str, marked: bool) -> str | None:
    """What to say about text that is CSV (a spreadsheet's export) rather than JSON, or None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if first[:1] in ("{", "[", '"') or first.startswith(("true", "false", "null")):
        return None
    if first[:1].isdigit() or first[:1] == "-" or not any(sep in first for sep in ",;\t"):
        return None
    shown = first if len(first) <= 40 else first[:37] + "..."
    bom = " with a byte-order mark (as Excel saves it)" if marked else ""
    return (
        f"not JSON: this looks like CSV{bom} (first line {shown!r}); skillrevival reads a "
        "campaign or roster as a JSON document"
    )


_BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _encoding_hint(raw: bytes) -> str:
    """Say which encoding text that is not UTF-8 seems to be in, and what to do."""
    guess = next((name for mark, name in _BYTE_ORDER_MARKS if raw.startswith(mark)), None)
    if guess is None and b"\x00" in raw[:64]:
        guess = "UTF-16 or UTF-32"
    if guess is None and _looks_like_gb(raw):
        guess = "GBK or GB18030 (the Chinese Windows encoding)"
    seems = f"; it looks like {guess}" if guess else ""
    return f"{seems}; save the file as UTF-8"


def _looks_like_gb(raw: bytes) -> bool:
    """Whether bytes that are not UTF-8 read as GBK/GB18030 Chinese text.

    GB18030 decodes almost any bytes, so decoding alone proves little: most of the non-ASCII
    bytes must also pair up as the two bytes of a common Chinese character (both 0xA1 or more),
    which a Latin-1 accent (Minist\xe8re) does not.
    """
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    high = sum(1 for byte in raw if byte >= 0x80)
    paired = 2 * len(_GB_PAIR.findall(raw)) + 2 * len(_GB_FOUR.findall(raw))
    return high > 0 and paired >= 0.8 * high


_GB_PAIR = re.compile(rb"[\xa1-\xf7][\xa1-\xfe]")  # GB2312's characters: both bytes high
_GB_FOUR = re.compile(rb"[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]")  # GB18030's four


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
