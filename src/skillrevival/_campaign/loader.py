"""Reading documents: JSON text or parsed data in, frozen objects or every problem out.

The bundled campaign is read with the same functions as a user's file, on the first call of
:func:`campaign`, and cached; :func:`is_implementing` asks the join (:mod:`.join`) about it.
Nothing here runs at import time.
"""

from __future__ import annotations

from os import PathLike
from typing import Any, TypeVar, overload

from .._errors import Problem, ValidationError
from .._once import once
from .._reading import collector_paused, parse_json, read_bundled, read_file
from .._text import is_text_problem, screen
from .model import (
    Anomaly,
    Attachment,
    Campaign,
    City,
    Notice,
    OtherCode,
    Phase,
    PlanItem,
    Province,
    Roster,
    Source,
    StatedDuration,
    Term,
)

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

BUNDLED = "campaign.json"


@once
def campaign() -> Campaign:
    """The second-batch campaign of 人社部函〔2015〕67号, read from the bundled data once.

    The bundled file is read as a user's would be, but its rules are not run again: its SHA-256
    is checked on reading, and the tests hold it to every rule. So the first call costs the
    parse and the fast pass, not the rules module and its walk. A file the fast pass cannot
    build (never the bundled one) goes through :func:`structure`, which says what is wrong.

    Once per process, whatever the threads: the first call reads it under a lock, every later
    one (from any thread) returns the same object.
    """
    # Deferred: `import skillrevival` reads no document and needs no fast pass.
    from .fast import MISS, try_structure

    with collector_paused():
        data = parse_json(read_bundled(BUNDLED))
        built: Campaign = try_structure(data, Campaign)
        return _structure(data, Campaign) if built is MISS else built


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
    # Deferred: the converter imports cattrs, which a valid document never needs.
    from .converter import BUDGET, ProblemBudget, converter
    from .rules import count_problems, iter_problems, iter_rules

    report = _Report(MAX_PROBLEMS)
    for problem in screen(data):  # keys that are not strings, numbers too long to print
        report.add(problem)
    if report.count:
        return _MISS, report.problems()
    result: Any = _MISS
    budget = ProblemBudget(MAX_PROBLEMS, count_problems)
    token = BUDGET.set(budget)
    try:
        result = converter.structure(data, cls)
    except Exception as error:  # every failure of the shape check is a finding, not a crash
        for problem in iter_problems(error):
            report.add(problem)
    finally:
        BUDGET.reset(token)
    report.more += budget.dropped
    # A value whose shape is wrong gets that one problem: a rule's verdict on it is a follow-on
    # (a code written as a number is not also "not 6 digits"); the rules judge only values of
    # the types the converter takes, so this holds past the limit too. The converter's hooks
    # check the text rule, whose problems stand beside the rules' (a padded province name is
    # padded, and names another province).
    for problem in iter_rules(data, cls, text=False):
        report.add(problem, rule=True)
    return result, report.problems()


MAX_PROBLEMS = 10_000
"""The most problems :func:`validate` lists (and a :class:`ValidationError` holds): the first
10,000 in the order found, then one more, at the document (path ``""``), that says how many
more there are (``and 170,004 more problems, not listed``), counted exactly. Every problem
of a file that people write by hand or export is listed; a hostile one (millions of empty
objects in 32 MiB) is reported in memory bounded by the document's own size, not by the
number of its problems."""


class _Report:
    """The problems of a document as they are found: the first ``limit`` kept, the rest
    counted. A rule's problem at a path the shape check reported, or found twice, is dropped."""

    __slots__ = ("count", "kept", "limit", "more", "seen", "wrong")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.kept: list[Problem] = []
        self.wrong: set[str] = set()
        self.seen: set[Problem] = set()
        self.more = 0
        self.count = 0

    def add(self, problem: Problem, *, rule: bool = False) -> None:
        if rule and (problem.path in self.wrong or problem in self.seen):
            return
        self.count += 1
        if len(self.kept) < self.limit:
            self.kept.append(problem)
            self.seen.add(problem)
            if not rule and not is_text_problem(problem.message):
                self.wrong.add(problem.path)
        else:
            self.more += 1

    def problems(self) -> list[Problem]:
        if not self.more:
            return self.kept
        message = f"and {self.more:,} more problems, not listed (only the first {self.limit:,} are)"
        return [*self.kept, Problem("", message)]


@overload
def loads(text: str | bytes) -> Campaign: ...
@overload
def loads(text: str | bytes, cls: type[T]) -> T: ...
def loads(text: str | bytes, cls: type[Any] = Campaign) -> Any:
    """Read a ``cls`` from JSON text (UTF-8 when bytes); raise :class:`ValidationError` if bad."""
    with collector_paused():
        return _structure(parse_json(text), cls)


@overload
def load(path: str | PathLike[str]) -> Campaign: ...
@overload
def load(path: str | PathLike[str], cls: type[T]) -> T: ...
def load(path: str | PathLike[str], cls: type[Any] = Campaign) -> Any:
    """Read a ``cls`` from a JSON file; raise :class:`ValidationError` if unreadable or bad."""
    text = read_file(path)
    return loads(text, cls)


_MISS: Any = object()


def _fast_result(data: Any, cls: type) -> Any:
    """The object, if the fast pass builds it and every rule holds; else _MISS (see .fast)."""
    # Deferred: `import skillrevival` reads no document and needs neither.
    from .fast import MISS, try_structure
    from .rules import check_rules

    result = try_structure(data, cls)
    if result is MISS or check_rules(data, cls, text=False):
        return _MISS
    return result


def _check_cls(cls: object) -> None:
    if cls not in LOADABLE:
        names = ", ".join(kind.__name__ for kind in LOADABLE)
        raise ValidationError.single("cls", f"cannot read a {cls!r}; expected one of {names}")


def is_implementing(code_or_name: str | int) -> bool:
    """Whether the place that ``code_or_name`` names is itself an implementing unit of the roster.

    Only the place itself counts, never what contains it or what it contains: 定州 (130682 or
    139001) is, and so is 保定 (130600), but a district of 保定 (130602) is not, and neither is a
    province (江苏, 320000) nor a municipality as a whole (北京, 110000, or 110100 as yearbooks
    code it), whose districts are on the roster one by one.

    Any year's code counts for its unit: 542300 (日喀则地区, until 2013) is True, as 日喀则市 is
    on the roster; a 6-digit code that stands in no list from 1980 on raises
    :class:`ValidationError`. A name that several places share counts when they agree (several
    roster units, or several places none of which is one); when they do not (Suzhou is 苏州, on
    the roster, and 宿州, not) the answer is unknown and :class:`NotFoundError` says so, with
    the places as ``candidates``. A name of no place is False. Anything that is neither a string
    nor an integer raises :class:`ValidationError`.
    """
    # Deferred: the geography's modules load only for those who ask about places.
    from .join import is_implementing as implementing

    return implementing(campaign().roster, code_or_name)
