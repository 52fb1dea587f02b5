"""Writing files whole: to a temporary file beside the target, then one rename.

Used by :func:`skillrevival.frames.write` and the command line's ``export`` and ``panel``, so
that a write that fails (a full disk, a value a format cannot hold, Ctrl-C) leaves the previous
file as it was rather than a truncated one, and never removes it.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


@contextmanager
def replaced_whole(path: str | os.PathLike[str], suffix: str) -> Iterator[str]:
    """A temporary file beside ``path`` (ending in ``.suffix``) to write to, which then takes
    the place of ``path`` in one rename: the file is replaced whole or not at all.

    On any failure the previous file is left as it was and the temporary one removed; an
    OSError names ``path`` and the reason. A path that is not a regular file (a device such
    as ``/dev/stdout``, a named pipe) is never replaced: what was written is copied into it.
    """
    target = Path(os.fspath(path))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _named_error(error, target) from None
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=f".{suffix}", dir=target.parent
        )
    except OSError as error:
        raise _named_error(error, target) from None
    os.close(handle)
    try:
        yield temporary
        if mode is not None and not stat.S_ISREG(mode):
            with open(temporary, "rb") as source, open(target, "wb") as sink:
                shutil.copyfileobj(source, sink)
        else:
            os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else _new_file_mode())
            os.replace(temporary, target)
    except OSError as error:
        raise _named_error(error, target) from None
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temporary)


def _named_error(error: OSError, target: Path) -> OSError:
    """``error`` again, saying which file could not be written and why (never "None")."""
    reason = error.strerror or str(error) or type(error).__name__
    return OSError(error.errno, f"cannot write {os.fspath(target)!r}: {reason}", os.fspath(target))


def _new_file_mode() -> int:
    """The mode a new file gets (0o666 less the umask), as open() would give it."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
