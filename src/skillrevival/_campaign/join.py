"""The join of the roster and the geography: which places are implementing units, and matching.

The geography knows nothing of the campaign; this module is where the two meet. A roster unit is
linked to the geography's records of it (:func:`place_of`, :class:`RosterLinks`: 铜仁 is
铜仁地区 522200 until 2010 and 铜仁市 520600 after), and to the places that hold it (保定 holds
定州). On top of those links: matching other people's lists of places to the roster
(:func:`match`), and asking whether one place takes part (:func:`is_implementing`).

An analyst's column of city names is spelled every way (苏州, 苏州市, Suzhou, 320500, 鹰谭); each
entry is looked up in the whole geography first, then in the roster's own names and codes (its
misprint 鹰谭市, 定州's statistical code 139001), and every miss is kept with its reason, so
that a join can be checked before it is trusted.
"""

from __future__ import annotations

import enum
import numbers
from collections.abc import Iterable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from .._errors import NotFoundError, Problem, ValidationError
from .._geo.geography import Geography, geography
from .._geo.levels import as_query, is_code
from .._geo.lineage import record_in, unit_records
from .._geo.names import PlaceNames, check_year, describe, find_places, suggest
from .._geo.records import Place
from .._index import normalize
from .._text import whole_text

if TYPE_CHECKING:
    from .model import City, Roster


class MatchStatus(enum.Enum):
    """What one entry of :meth:`Roster.match` turned out to be."""

    IMPLEMENTING = "implementing"
    """It names one place, and that place is a record of a roster unit: ``matches`` has the City."""
    NOT_IMPLEMENTING = "not_implementing"
    """It names one place, which is no implementing unit (it may hold some: see
    :meth:`Roster.cities_in`)."""
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
    entries = _entries(names, "names")
    columns = None if provinces is None else _entries(provinces, "provinces")
    if columns is not None and len(columns) != len(entries):
        message = f"must line up with names: {len(columns)} entries for {len(entries)} names"
        raise ValidationError.single("provinces", message)
    geo = geography()
    year = check_year(geo, year)
    names_index = geo.names()
    in_province = _province_codes(roster, geo, columns) if columns is not None else None
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


def _province_codes(roster: Roster, geo: Geography, column: list[object]) -> list[str | None]:
    """The province code of each entry of the provinces column; None where it is blank.

    A province is named as the geography names it, or as the roster names its rows: 新疆兵团
    (the XPCC's row) stands for the province it lies in, 新疆.
    """
    rows = _roster_provinces(roster)
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
                code = known[text] = rows.get(normalize(text)) or geo.names().province_code(text)
            except NotFoundError:
                problems.append(Problem(f"provinces[{position}]", f"no province named {text!r}"))
        codes.append(code)
    if problems:
        raise ValidationError(problems, what="value")
    return codes


def _roster_provinces(roster: Roster) -> dict[str, str]:
    """The roster's names for its rows (内蒙古, 新疆兵团, XPCC), to the code of the province each
    row is or lies in."""
    rows: dict[str, str] = {}
    for row in roster.provinces:
        code = row.code or row.within
        if code is not None:
            for name in (row.name, row.official_name, row.name_en, *row.other_names):
                rows.setdefault(normalize(name), code + "0000")
    return rows


def _match_one(
    roster: Roster,
    geo: Geography,
    names: PlaceNames,
    query: str,
    year: int | None,
    province: str | None,
) -> _Result:
    # A code that another list gives a roster unit is the roster's first: 139001 is 定州's
    # statistical code, and in the civil-affairs lists of 1988-1994 武安市's.
    other = is_code(query, 6) and any(
        o.code == query for city in roster.find_cities(query) for o in city.other_codes
    )
    found = () if other else find_places(geo, names, query, year, province)
    if len(found) > 1:
        return None, None, MatchStatus.AMBIGUOUS, found
    if found:
        [place] = found
        city = roster.unit_of(place)
        if city is None:
            return None, place, MatchStatus.NOT_IMPLEMENTING, found
        return city, place, MatchStatus.IMPLEMENTING, found
    # Not a place of the geography: the roster's own names (its misprint 鹰谭市; a roster read
    # from a user's file may call its units otherwise), and other codes (定州's 139001).
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


class RosterLinks:
    """Which records are records of a roster unit, and which hold one (built on first use)."""

    __slots__ = ("_contained", "_implementing")

    _implementing: Mapping[tuple[str, int], City]
    _contained: Mapping[tuple[str, int], tuple[City, ...]]

    def __init__(self, geography: Geography, roster: Roster) -> None:
        implementing: dict[tuple[str, int], City] = {}
        contained: dict[tuple[str, int], list[City]] = {}
        years = geography.years
        for city in roster.cities:
            home = place_of(geography, city)
            if home is None:
                continue
            for record in unit_records(geography, home):
                implementing[record.code, record.start] = city
                for year in years:
                    if not record.in_force(year):
                        continue
                    parent = record.parent
                    while parent is not None:
                        holders = geography.by_code(parent, year)
                        if not holders:
                            break
                        holder = holders[0]
                        cities = contained.setdefault((holder.code, holder.start), [])
                        if city not in cities:
                            cities.append(city)
                        parent = holder.parent
        order = {id(city): n for n, city in enumerate(roster.cities)}
        held = {
            key: tuple(sorted(cities, key=lambda c: order[id(c)]))
            for key, cities in contained.items()
        }
        # Read-only once built, like the roster that holds it.
        object.__setattr__(self, "_implementing", MappingProxyType(implementing))
        object.__setattr__(self, "_contained", MappingProxyType(held))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"roster links are read-only; cannot set {name!r}")

    def implementing(self, place: Place) -> City | None:
        """The roster unit that ``place`` is a record of, or None."""
        return self._implementing.get((place.code, place.start))

    def contained(self, place: Place) -> tuple[City, ...]:
        """The roster units that lie inside ``place`` while it is in force."""
        return self._contained.get((place.code, place.start), ())


def place_of(geography: Geography, city: City) -> Place | None:
    """The record of ``city`` in the 2015-04 list the roster was coded against."""
    records = geography.by_code(city.adcode, 2015)
    for record in records:
        if record.in_201504:
            return record
    for year in (2014, 2016):  # a unit changed within 2015 stands in the list of April
        for record in geography.by_code(city.adcode, year):
            if record.in_201504:
                return record
    return None


def is_implementing(roster: Roster, code_or_name: object) -> bool:
    """Whether the place that ``code_or_name`` names is itself a unit of ``roster``; see
    :func:`skillrevival.is_implementing`."""
    if isinstance(code_or_name, bool) or not isinstance(code_or_name, str | numbers.Integral):
        message = f"expected a name or a code, got {type(code_or_name).__name__}"
        raise ValidationError.single("code_or_name", message)
    if isinstance(code_or_name, str):
        query = code_or_name
    else:
        query = whole_text(int(code_or_name), "code_or_name")
    geo = geography()
    key = query if is_code(query, 6) else normalize(query)
    if is_code(key, 6):
        # The roster's own codes first: 139001 is 定州's statistical code, and in the lists of
        # 1988-1994 武安市's.
        if roster.find_cities(key):
            return True
        records = [p for year in geo.years for p in geo.by_code(key, year)]
        if records:
            return any(roster.unit_of(place) is not None for place in records)
        first, last = geo.years[0], geo.years[-1]
        message = f"no place has the code {query!r} in any list from {first} to {last}"
        raise ValidationError.single("code_or_name", message)
    found = find_places(geo, geo.names(), query, None, None)
    if not found:
        return bool(roster.find_cities(query))
    answers = {roster.unit_of(place) is not None for place in found}
    if len(answers) == 1:
        return answers.pop()
    said = "; ".join(describe(place, geo) for place in found)
    message = f"{query!r} names places of which some are implementing units and some not: {said}"
    raise NotFoundError(message, query, [p.code for p in found], candidates=found)
