"""The library's exceptions, and the Problem that validation reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with a document: where (``path``, as ``roster.provinces[9].quota``) and what.

    The path is empty for a problem with the document as a whole (text that is not JSON, say).
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '<document>'}: {self.message}"


class SkillRevivalError(Exception):
    """Base class of every exception that skillrevival raises on purpose."""


class ValidationError(SkillRevivalError, ValueError):
    """A document or value was rejected; ``problems`` holds every problem found, with its path."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], what: str = "document") -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        plural = "" if count == 1 else "s"
        super().__init__(f"invalid {what}: {count} problem{plural}\n{lines}")

    @classmethod
    def single(cls, path: str, message: str) -> ValidationError:
        """A ValidationError holding one problem, for a bad argument rather than a document."""
        return cls([Problem(path, message)], what="value")


class NotFoundError(SkillRevivalError, LookupError):
    """A lookup found nothing (or more than one thing); ``suggestions`` holds the closest names."""

    key: str
    suggestions: tuple[str, ...]

    def __init__(self, message: str, key: str, suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError (via KeyError's habit) would repr() the message; keep it readable.
        return str(self.args[0])
