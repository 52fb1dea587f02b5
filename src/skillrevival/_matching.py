"""Matching other people's lists of places to the roster, and asking whether a place takes part.

An analyst's column of city names is spelled every way (苏州, 苏州市, Suzhou, 320500, 鹰谭); each
entry is looked up by the same rules as :meth:`Roster.city`, and every miss is kept with its
reason, so that a join can be checked before it is trusted.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

import attrs

from ._errors import NotFoundError, Problem, ValidationError
from ._placenames import as_query, check_year, describe, find_places, place_of, record_in, suggest

if TYPE_CHECKING:
    from ._model import City, Roster
    from ._placenames import PlaceNames
    from ._places import Geography, Place


class MatchStatus(enum.Enum):
    """What one entry of :meth:`Roster.match` turned out to be."""

    IMPLEMENTING = "implementing"
    """It names one place, and that place is a record of a roster unit: ``matches`` has the City."""
    NOT_IMPLEMENTING = "not_implementing"
    """It names one place, which is no implementing unit (it may hold some: see
    :attr:`Place.contains_implementing`)."""
    AMBIGUOUS = "ambiguous"
    """It names several places (苏州 and 宿州 are both Suzhou); the province column settles it."""
    UNKNOWN = "unknown"
    """It names no place of the geography or the roster, or is not a name or a code at all."""


class MissReason(enum.Enum):
    """Why an entry matched no city."""

    UNKNOWN = "unknown"
    """No place goes by this name or code; ``candidates`` are the closest names."""
    AMBIGUOUS = "ambiguous"
    """Several places go by it; ``places`` holds them and ``candidates`` names them."""
    NOT_IMPLEMENTING = "not_implementing"
    """It names one place, which is not an implementing unit; ``places`` holds it."""


@attrs.frozen
class Miss:
    """An entry that matched no city: where it stands in the input, what it was, and why.

    ``places`` are the places an ambiguous entry names, or the one place of an entry that is not
    an implementing unit. ``candidates`` says the same in words: the places an ambiguous entry
    names (as ``name code, province, years``), or for an unknown entry the closest values that
    :meth:`Geography.place` accepts. Closest names are costly, so they are computed when
    ``candidates`` is first read, not while matching.
    """

    position: int
    """The entry's index in the input, from 0."""
    query: str
    """The entry as given, as text."""
    reason: MissReason
    """Why it matched no city: unknown, ambiguous, or not an implementing unit."""
    places: tuple[Place, ...] = ()
    _year: int | None = attrs.field(default=None, eq=False, repr=False, alias="year")
    _closest: bool = attrs.field(default=True, eq=False, repr=False, alias="closest")

    @cached_property
    def candidates(self) -> tuple[str, ...]:
        """The places named (ambiguous), or the closest names (unknown); see the class."""
        if self.reason is MissReason.NOT_IMPLEMENTING:
            return ()
        # Deferred: the geography is read already when a report exists; this only names it.
        from ._places import geography

        geo = geography()
        if self.reason is MissReason.AMBIGUOUS:
            return tuple(describe(place, geo) for place in self.places)
        if not self._closest:  # not a name or a code at all: nothing is close to it
            return ()
        return tuple(suggest(geo, geo.names(), self.query, self._year))


@attrs.frozen
class MatchReport:
    """The result of :meth:`Roster.match`: one result per input entry, in the input's order.

    ``misses`` is made from the rest when it is first read, so that matching a long column of
    misses costs no object per miss until they are asked for.

    Examples:
        >>> import skillrevival
        >>> report = skillrevival.campaign().roster.match(["苏州", "宿州", "Atlantis"])
        >>> report.matched, [status.value for status in report.statuses]
        (1, ['implementing', 'not_implementing', 'unknown'])
    """

    matches: tuple[City | None, ...]
    """The implementing unit each entry names, or None where it names none, several, or a place
    that is not one."""
    places: tuple[Place | None, ...] = ()
    """The place each entry names (in the year asked for, else its newest record), or None
    where it names none or several."""
    statuses: tuple[MatchStatus, ...] = ()
    """What each entry turned out to be: implementing, not_implementing, ambiguous, unknown."""
    _queries: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False, alias="queries")
    _found: tuple[tuple[Place, ...], ...] = attrs.field(
        default=(), eq=False, repr=False, alias="found"
    )
    _plain: frozenset[int] = attrs.field(default=frozenset(), eq=False, repr=False, alias="plain")
    _year: int | None = attrs.field(default=None, eq=False, repr=False, alias="year")

    @cached_property
    def misses(self) -> tuple[Miss, ...]:
        """Every entry that matched no city, with its reason, in the input's order."""
        misses: list[Miss] = []
        for position, status in enumerate(self.statuses):
            if status is MatchStatus.IMPLEMENTING:
                continue
            query = self._queries[position]
            if status is MatchStatus.UNKNOWN:
                plain = position in self._plain  # not a name or a code: nothing is close
                miss = Miss(position, query, MissReason.UNKNOWN, year=self._year, closest=not plain)
            else:
                miss = Miss(position, query, MissReason(status.value), self._found[position])
            misses.append(miss)
        return tuple(misses)

    @property
    def matched(self) -> int:
        """How many entries found their city."""
        return sum(city is not None for city in self.matches)

    @property
    def complete(self) -> bool:
        """Whether every entry found its city."""
        return all(status is MatchStatus.IMPLEMENTING for status in self.statuses)

    @property
    def located(self) -> bool:
        """Whether every entry found its place (implementing or not): no unknown, no ambiguous."""
        return all(place is not None for place in self.places)


_Result = tuple["City | None", "Place | None", MatchStatus, tuple["Place", ...]]


def match(
    roster: Roster,
    names: Iterable[object],
    provinces: Iterable[object] | None = None,
    year: int | None = None,
) -> MatchReport:
    """Match every entry of ``names`` against the geography, then the roster; see
    :meth:`Roster.match`."""
    # Deferred: reading the geography costs only those who match.
    from ._places import geography

    entries = _entries(names, "names")
    columns = None if provinces is None else _entries(provinces, "provinces")
    if columns is not None and len(columns) != len(entries):
        message = f"must line up with names: {len(columns)} entries for {len(entries)} names"
        raise ValidationError.single("provinces", message)
    geo = geography()
    year = check_year(geo, year)
    names_index = geo.names()
    in_province = _province_codes(names_index, columns) if columns is not None else None
    matches: list[City | None] = []
    places: list[Place | None] = []
    statuses: list[MatchStatus] = []
    queries: list[str] = []
    found_places: list[tuple[Place, ...]] = []
    plain: list[int] = []
    # A column of a panel repeats its values: look each distinct one up once.
    seen: dict[object, _Result] = {}
    province = None
    unknown = MatchStatus.UNKNOWN
    for position, value in enumerate(entries):
        query = value if type(value) is str else as_query(value)
        if in_province is not None:
            province = in_province[position]
        if query is None:
            matches.append(None)
            places.append(None)
            statuses.append(unknown)
            queries.append(repr(value))
            found_places.append(())
            plain.append(position)
            continue
        key = query if province is None else (query, province)
        result = seen.get(key)
        if result is None:
            result = seen[key] = _match_one(roster, geo, names_index, query, year, province)
        city, place, status, found = result
        matches.append(city)
        places.append(place)
        statuses.append(status)
        queries.append(query)
        found_places.append(found)
    return MatchReport(
        tuple(matches),
        tuple(places),
        tuple(statuses),
        queries=tuple(queries),
        found=tuple(found_places),
        plain=frozenset(plain),
        year=year,
    )


def _entries(values: Iterable[object], path: str) -> list[object]:
    """The entries of a column, refusing a lone string (which would be read letter by letter)."""
    if isinstance(values, str | bytes):
        message = (
            f"expected a list of names or codes, got a single string {values!r}; "
            f"wrap it in a list: [{values!r}]"
        )
        raise ValidationError.single(path, message)
    try:
        return list(values)
    except TypeError:
        message = f"expected a list of names or codes, got {type(values).__name__}"
        raise ValidationError.single(path, message) from None


def _province_codes(names: PlaceNames, column: list[object]) -> list[str | None]:
    """The province code of each entry of the provinces column; None where it is blank."""
    codes: list[str | None] = []
    problems: list[Problem] = []
    known: dict[str, str] = {}
    for position, value in enumerate(column):
        text = as_query(value)
        if text is None or not text.strip():
            codes.append(None)
            continue
        code = known.get(text)
        if code is None:
            try:
                code = known[text] = names.province_code(text)
            except NotFoundError:
                problems.append(Problem(f"provinces[{position}]", f"no province named {text!r}"))
        codes.append(code)
    if problems:
        raise ValidationError(problems, what="value")
    return codes


def _match_one(
    roster: Roster,
    geo: Geography,
    names: PlaceNames,
    query: str,
    year: int | None,
    province: str | None,
) -> _Result:
    found = find_places(geo, names, query, year, province)
    if len(found) > 1:
        return None, None, MatchStatus.AMBIGUOUS, found
    if found:
        [place] = found
        city = roster.unit_of(place)
        if city is None:
            return None, place, MatchStatus.NOT_IMPLEMENTING, found
        return city, place, MatchStatus.IMPLEMENTING, found
    # Not a place of the geography: the roster's own names (a roster read from a user's file
    # may call its units otherwise), and other codes (定州's statistical 139001).
    # The bundled roster's names are in the geography's index already: only codes are left.
    if roster is names.roster and not query.strip().isdigit():
        return None, None, MatchStatus.UNKNOWN, ()
    homes = []
    for city in roster.find_cities(query):
        home = place_of(geo, city)
        if home is not None and year is not None:
            home = record_in(geo, home, year)  # the unit as that year's list has it, if at all
        if home is not None and (province is None or home.province == province):
            homes.append((city, home))
    if len(homes) == 1:
        [(city, home)] = homes
        return city, home, MatchStatus.IMPLEMENTING, (home,)
    if homes:
        return None, None, MatchStatus.AMBIGUOUS, tuple(home for _, home in homes)
    return None, None, MatchStatus.UNKNOWN, ()
