"""Reading text: JSON documents within a size limit, and the package's own files with checksums.

The lowest layer of reading, shared by the campaign's loader, the vocabulary and the geography:
:func:`parse_json` turns JSON text into data or one :class:`ValidationError` that says what is
wrong (not UTF-8, not JSON, too large, a key given twice); :func:`read_bundled` returns a data
file of the package after checking it against ``data/SHA256SUMS``; :func:`collector_paused`
holds off the garbage collector while a document is read. Nothing here knows the model.
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
from importlib import machinery, resources
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import Problem, ValidationError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

MAX_DIGITS = 4300
"""The most digits a whole number in a document may have: Python's own default limit on
converting between int and str (:func:`sys.get_int_max_str_digits`)."""

MAX_DOCUMENT_SIZE = 32 * 1024 * 1024
"""The largest JSON text :func:`loads` and :func:`load` read: 32 MiB (bytes, or characters of a
str). The bundled campaign is about 55 KB and a roster of every county in China would be a few
MB; 32 MiB still reads a synthetic 100,000-city roster (about 21 MiB), while a 50 MB roster of
640,000 cities would take some 25 times its size in memory and minutes to check, so larger
text is refused before parsing."""

CHECKSUMS = "SHA256SUMS"
"""The file in ``data/`` that records the SHA-256 of every other one."""


def read_bundled(name: str, folder: Traversable | None = None) -> bytes:
    """The bytes of the bundled data file ``name``, checked against ``data/SHA256SUMS``.

    A damaged or edited installation raises :class:`ValidationError` rather than loading wrong
    data. After changing a data file on purpose, run ``make checksums``. ``folder`` replaces
    the package's data folder (for tests).
    """
    data = folder if folder is not None else _data_folder()
    content = _bundled_bytes(data, name)
    try:
        sums = _bundled_bytes(data, CHECKSUMS).decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text (byte {error.start}); {_REINSTALL}"
        raise ValidationError([Problem(f"skillrevival/data/{CHECKSUMS}", message)]) from None
    recorded = _recorded_checksums(sums)
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


_REINSTALL = "the installation is damaged (reinstall skillrevival)"


def _bundled_bytes(folder: Traversable, name: str) -> bytes:
    """The bytes of a file of the data folder; a missing or unreadable one is a damaged
    installation, said as a :class:`ValidationError` naming the file."""
    try:
        return folder.joinpath(name).read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        message = f"cannot read the bundled file: {reason}; {_REINSTALL}"
        raise ValidationError([Problem(f"skillrevival/data/{name}", message)]) from None


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


def read_file(path: str | PathLike[str]) -> bytes:
    """The bytes of a user's file, refused when over :data:`MAX_DOCUMENT_SIZE`.

    A regular file over the limit is refused unread; anything else (a pipe, a device, a file
    that grows) is read up to one byte past the limit and no further, so that
    ``/dev/zero`` is refused as quickly. ``path`` must be a str or an :class:`os.PathLike`
    (a file descriptor, such as 1, is refused: reading it would close it). A file that cannot
    be read raises :class:`ValidationError` naming it and the reason.
    """
    if isinstance(path, bytes) or not isinstance(path, str | PathLike):
        message = f"expected a path (str or os.PathLike), got {type(path).__name__}"
        raise ValidationError.single("path", message)
    shown = _shown_path(path)
    size = 0
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            # A regular file over the limit is refused unread; anything else is read to one
            # byte past it, no further (parse_json checks the length again).
            content = b"" if size > MAX_DOCUMENT_SIZE else file.read(MAX_DOCUMENT_SIZE + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ValidationError([Problem("", f"cannot read {shown}: {reason}")]) from None
    except ValueError:  # a NUL in the path: no file can have that name
        raise ValidationError([Problem("", f"cannot read {shown}: a path holds no NUL")]) from None
    if size > MAX_DOCUMENT_SIZE:
        raise ValidationError([too_large(size, "bytes")])
    if len(content) > MAX_DOCUMENT_SIZE:
        raise ValidationError([too_large_read()])
    return content


def _shown_path(path: str | PathLike[str]) -> str:
    """A path as messages show it: repr'd, so that control characters stay visible."""
    try:
        return repr(os.fspath(path))
    except TypeError:  # an os.PathLike whose __fspath__ gives no str
        return repr(path)


def too_large_read() -> Problem:
    """The problem of a stream (a pipe, a device) that goes on past the limit."""
    limit = f"{MAX_DOCUMENT_SIZE:,} bytes"
    return Problem("", f"too large to read: more than the limit of {limit} (reading stopped there)")


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


def too_large(size: int, unit: str) -> Problem:
    """The problem of a document of ``size`` ``unit`` over the limit."""
    limit = f"{MAX_DOCUMENT_SIZE:,} {unit}"
    return Problem("", f"too large to read: {size:,} {unit}, more than the limit of {limit}")


def parse_json(text: object) -> Any:
    """JSON text to data, or a ValidationError with one problem that says what is wrong."""
    if isinstance(text, bytes | bytearray | str) and len(text) > MAX_DOCUMENT_SIZE:
        unit = "characters" if isinstance(text, str) else "bytes"
        raise ValidationError([too_large(len(text), unit)])
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
        if csv is None and "\x00" in text[:64]:  # ASCII as UTF-16 or UTF-32 without a BOM
            message += _encoding_hint(text[:64].encode("utf-8", "surrogatepass"))
        raise ValidationError([Problem("", message)]) from None
    except _UnreadableError as error:
        raise ValidationError([Problem("", str(error))]) from None
    except ValueError:  # json's int() of more digits than Python converts (4,300)
        message = f"not JSON this library reads: a whole number of more than {MAX_DIGITS:,} digits"
        raise ValidationError([Problem("", message)]) from None
    except RecursionError:
        raise ValidationError(
            [Problem("", "not JSON this library reads: nested too deeply")]
        ) from None


def _csv_hint(text: str, marked: bool) -> str | None:
    """What to say about text that is CSV (a spreadsheet's export) rather than JSON, or None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if first[:1] == '"' and not _quoted_header(first):
        return None
    if first[:1] in ("{", "[") or first.startswith(("true", "false", "null")):
        return None
    if first[:1].isdigit() or first[:1] == "-" or not any(sep in first for sep in ",;\t"):
        return None
    shown = first if len(first) <= 40 else first[:37] + "..."
    bom = " with a byte-order mark (as Excel saves it)" if marked else ""
    return (
        f"not JSON: this looks like CSV{bom} (first line {shown!r}); skillrevival reads a "
        "campaign or roster as a JSON document"
    )


def _quoted_header(line: str) -> bool:
    """Whether a line that starts with a JSON string goes on as a CSV header of quoted names
    (``"province","name"``, as R and Python's ``QUOTE_ALL`` write): a separator follows it."""
    try:
        _, end = json.JSONDecoder().raw_decode(line)
    except ValueError:
        return False
    return line[end:].lstrip(" ")[:1] in (",", ";", "\t")


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
        seen: set[str] = set()  # one pass: an object may have many keys
        twice = ""
        for key, _ in pairs:
            if key in seen:
                twice = key
                break
            seen.add(key)
        message = f"not JSON this library reads: key {twice!r} appears twice in an object"
        raise _UnreadableError(message)
    return result


def _reject_constant(name: str) -> Any:
    raise _UnreadableError(f"not JSON: {name} is not a JSON number")
