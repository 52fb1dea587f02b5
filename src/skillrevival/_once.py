"""Values built once per process, whatever the threads: the bundled campaign, the geography.

:func:`once` is :func:`functools.cache` for a function of no arguments, with a lock around the
first build: ``functools.cache`` lets every thread that calls before the first call returns
build its own object (sixteen threads, up to sixteen campaigns), and the library promises one.
A process forked while another thread builds does not inherit the held lock (it gets a new
one, and builds for itself); the interpreter's own import locks are another matter, which is
why the docs advise the ``spawn`` or ``forkserver`` start methods for process pools.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """What :func:`once` returns: call it for the value; ``cache_clear()`` forgets it."""

    __slots__ = ("__dict__", "_build", "_lock", "_value", "builds")

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: list[T] = []  # empty until built: a value may be anything, None too
        self.builds = 0
        """How many times this process has built the value (one, unless it was forgotten)."""
        functools.update_wrapper(self, build)
        if hasattr(os, "register_at_fork"):  # a child starts with a lock nobody holds
            os.register_at_fork(after_in_child=self._renew)

    def __call__(self) -> T:
        value = self._value
        if not value:
            with self._lock:
                if not self._value:
                    self._value = [self._build()]
                    self.builds += 1
                value = self._value
        return value[0]

    def __reduce__(self) -> str:
        # Pickled by name, as a function is (the module's own, in the receiving process).
        return self._build.__qualname__

    def is_built(self) -> bool:
        """Whether the value has been built (and not forgotten since)."""
        return bool(self._value)

    def cache_clear(self) -> None:
        """Forget the value: the next call builds it again."""
        with self._lock:
            self._value = []

    def _renew(self) -> None:
        self._lock = threading.Lock()


def once(build: Callable[[], T]) -> Once[T]:
    """``build()``, called once per process (under a lock) and its result kept."""
    return Once(build)
