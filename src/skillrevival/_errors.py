"""The library's exceptions, and the Problem that validation reports.

Every exception here keeps what the caller needs as attributes and survives pickling with them
(``__reduce__`` hands back the constructor's arguments), so that an error raised in a worker
process of a ``ProcessPoolExecutor`` reaches the parent as the same error rather than as a
``BrokenProcessPool``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with a document: where (``path``, as ``roster.provinces[9].quota``) and what.

    The path is empty for a problem with the document as a whole (text that is not JSON, say).
    """

    path: str
    """Where the problem is, as ``roster.provinces[9].quota``; empty for the whole document."""
    message: str
    """What is wrong there, in words (``required field is missing``)."""

    def __str__(self) -> str:
        return f"{self.path or '<document>'}: {self.message}"


class SkillRevivalError(Exception):
    """Base class of every exception that skillrevival raises on purpose."""


class ValidationError(SkillRevivalError, ValueError):
    """A document or value was rejected; ``problems`` holds every problem found, with its path.

    ``what`` names what was rejected (``document``, ``value``, ``argument``) in the message.
    """

    problems: tuple[Problem, ...]
    what: str

    def __init__(self, problems: Iterable[Problem], what: str = "document") -> None:
        self.problems = tuple(problems)
        self.what = what
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        plural = "" if count == 1 else "s"
        super().__init__(f"invalid {what}: {count} problem{plural}\n{lines}")

    def __reduce__(self) -> tuple[Any, ...]:
        # The default would call ValidationError(message), reading the message as problems.
        return (type(self), (self.problems, self.what), _extra_state(self, "problems", "what"))

    @classmethod
    def single(cls, path: str, message: str) -> ValidationError:
        """A ValidationError holding one problem, for a bad argument rather than a document."""
        return cls([Problem(path, message)], what="value")


class NotFoundError(SkillRevivalError, LookupError):
    """A lookup found nothing, or more than one thing.

    ``key`` is what was asked for; ``suggestions`` are the closest keys, each a value the same
    lookup accepts; ``candidates`` are the records an ambiguous key names (empty on a plain miss),
    so that a caller can choose among them without a second lookup.
    """

    key: str
    suggestions: tuple[str, ...]
    candidates: tuple[object, ...]

    def __init__(
        self,
        message: str,
        key: str,
        suggestions: Sequence[str] = (),
        candidates: Sequence[object] = (),
    ) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        self.candidates = tuple(candidates)
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        # The default would call NotFoundError(message) and fail: key is required.
        arguments = (self.args[0], self.key, self.suggestions, self.candidates)
        return (type(self), arguments, _extra_state(self, "key", "suggestions", "candidates"))

    def __str__(self) -> str:
        # LookupError (via KeyError's habit) would repr() the message; keep it readable.
        return str(self.args[0])


class DroppedError(Exception):
    """Internal: stands in the converter's exception groups for the items of an array dropped
    past the loader's limit of problems. It has no problem of its own: they were counted as
    they were dropped."""


def _extra_state(error: BaseException, *given: str) -> dict[str, Any] | None:
    """What an exception holds beyond its constructor's arguments (``__notes__``, say)."""
    extra = {name: value for name, value in vars(error).items() if name not in given}
    return extra or None
