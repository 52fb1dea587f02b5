"""Matching other people's lists of places to the roster, and asking whether a place takes part.

An analyst's column of city names is spelled every way (苏州, 苏州市, Suzhou, 320500, 鹰谭); each
entry is looked up by the same rules as :meth:`Roster.city`, and every miss is kept with its
reason, so that a join can be checked before it is trusted.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from ._lookup import Index

if TYPE_CHECKING:
    from ._model import City


class MissReason(enum.Enum):
    """Why an entry matched no city."""

    UNKNOWN = "unknown"
    """No city of the roster goes by this name or code."""
    AMBIGUOUS = "ambiguous"
    """Several cities go by it; ``candidates`` lists them."""


@attrs.frozen
class Miss:
    """An entry that matched no city: where it stands in the input, what it was, and why."""

    position: int
    query: str
    reason: MissReason
    candidates: tuple[str, ...]
    """For an ambiguous entry, the cities it names; for an unknown one, the closest names."""


@attrs.frozen
class MatchReport:
    """The result of :meth:`Roster.match`: one match per input entry, in the input's order."""

    matches: tuple[City | None, ...]
    """The city each entry names, or None where it names none or several."""
    misses: tuple[Miss, ...]
    """Every entry that matched no city, with its reason."""

    @property
    def matched(self) -> int:
        """How many entries found their city."""
        return sum(city is not None for city in self.matches)

    @property
    def complete(self) -> bool:
        """Whether every entry found its city."""
        return not self.misses


def as_query(value: object) -> str | None:
    """The text to look up for one input entry: strings as they are, integers as codes."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def match(index: Index[City], names: Iterable[object]) -> MatchReport:
    """Match every entry of ``names`` against ``index``; see :meth:`Roster.match`."""
    matches: list[City | None] = []
    misses: list[Miss] = []
    # A column of a panel repeats its values: look each distinct one up once.
    seen: dict[str, tuple[City | None, MissReason | None, tuple[str, ...]]] = {}
    for position, value in enumerate(names):
        query = as_query(value)
        if query is None:
            matches.append(None)
            misses.append(Miss(position, repr(value), MissReason.UNKNOWN, ()))
            continue
        if query not in seen:
            seen[query] = _match_one(index, query)
        city, reason, candidates = seen[query]
        matches.append(city)
        if reason is not None:
            misses.append(Miss(position, query, reason, candidates))
    return MatchReport(tuple(matches), tuple(misses))


def _match_one(
    index: Index[City], query: str
) -> tuple[City | None, MissReason | None, tuple[str, ...]]:
    hits = index.find(query)
    if len(hits) == 1:
        return hits[0], None, ()
    if hits:
        return None, MissReason.AMBIGUOUS, tuple(index.label(hit) for hit in hits)
    return None, MissReason.UNKNOWN, tuple(index.suggest(query))


def is_implementing(code_or_name: str | int) -> bool:
    """Whether the place that ``code_or_name`` names is itself an implementing unit of the roster.

    Only the place itself counts, never what contains it or what it contains: 定州 (130682 or
    139001) is, and so is 保定 (130600), but a district of 保定 (130602) is not, and neither is a
    province (江苏, 320000) nor a municipality as a whole (北京, 110000), whose districts are on the
    roster one by one. A name that several roster units share counts, since each of them is one.
    Anything that is neither a string nor an integer raises :class:`ValidationError`.
    """
    from ._errors import ValidationError
    from ._loader import campaign

    query = as_query(code_or_name)
    if query is None:
        message = f"expected a name or a code, got {type(code_or_name).__name__}"
        raise ValidationError.single("code_or_name", message)
    return bool(campaign().roster._city_index.find(query))
