"""The join of the roster and the geography: which places are implementing units, and matching.

The geography knows nothing of the campaign; this module is where the two meet. A roster unit is
linked to the geography's records of it (:func:`place_of`, :class:`RosterLinks`: 铜仁 is
铜仁地区 522200 until 2010 and 铜仁市 520600 after), and to the places that hold it (保定 holds
定州). On top of those links: matching other people's lists of places to the roster
(:func:`match`), and asking whether one place takes part (:func:`is_implementing`).

A place that is no roster unit may still lie inside one (吴中区 and 昆山市 lie in 苏州, an
implementing prefecture: ``within``), or hold some without the text saying which (上海 holds
嘉定区, 江苏 holds 苏州: ``contains``). Both are said apart from a place that is neither, since
for county-level data a place inside an implementing prefecture is treated.

An analyst's column of city names is spelled every way (苏州, 苏州市, Suzhou, 320500, 鹰谭); each
entry is looked up in the whole geography first, then in the roster's own names and codes (its
misprint 鹰谭市, 定州's statistical code 139001), and every miss is kept with its reason, so
that a join can be checked before it is trusted.
"""

from __future__ import annotations

import enum
import math
import numbers
from collections.abc import Hashable, Iterable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, cast

import attrs

from .._errors import NotFoundError, Problem, ValidationError
from .._geo.geography import Geography, geography
from .._geo.levels import as_query, is_code
from .._geo.lineage import record_in, unit_records
from .._geo.locate import LocateStatus
from .._geo.names import (
    PlaceNames,
    at_level,
    check_year,
    describe,
    find_places,
    suggest,
    year_in,
)
from .._geo.names import check_level as tier_of
from .._geo.records import Place
from .._index import normalize
from .._text import whole_text

if TYPE_CHECKING:
    from .model import City, Roster


Level = Literal["province", "prefecture", "county"]
"""The tier a column names (``level=`` of :meth:`Roster.match` and :func:`frames.flag`)."""


class MatchStatus(enum.Enum):
    """What one entry of :meth:`Roster.match` turned out to be.

    Whether a place lies within or holds an implementing unit is read in the entry's year (with
    no year: in the years of the place's newest record, the one the entry is read as).
    """

    IMPLEMENTING = "implementing"
    """It names one place, and that place is a record of a roster unit: ``matches`` has the City."""
    WITHIN = "within"
    """It names one place, which is no roster unit but lies inside one (吴中区 and 昆山市 in
    苏州 in 2015): ``matches`` has the implementing City it lies in. Treated, for county-level
    data."""
    CONTAINS = "contains"
    """It names one place, which is no roster unit and lies in none, but holds some (上海 holds
    嘉定区; 江苏 holds 苏州) without the entry saying which; the miss's ``cities`` has them."""
    NOT_IMPLEMENTING = "not_implementing"
    """It names one place, which is no implementing unit, lies in none and holds none."""
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
    CONTAINS = "contains"
    """It names one place, which holds implementing units without saying which; ``places``
    holds it, ``cities`` the implementing units inside it, ``candidates`` names them."""
    NOT_IMPLEMENTING = "not_implementing"
    """It names one place, which is not an implementing unit and neither lies in one nor holds
    one; ``places`` holds it."""


@attrs.frozen
class Miss:
    """An entry that matched no city: where it stands in the input, what it was, and why.

    ``places`` are the places an ambiguous entry names, or the one place of an entry that is not
    an implementing unit (one that holds some included). ``cities`` are the implementing units
    such a place holds (上海: 嘉定区, 虹口区, 宝山区). ``candidates`` says the same in words: the
    places an ambiguous entry names (as ``name code, province, years``), the implementing units
    a place holds, or for an unknown entry the closest values that :meth:`Geography.place`
    accepts. Closest names are costly, so they are computed when ``candidates`` is first read,
    not while matching.
    """

    position: int
    """The entry's index in the input, from 0."""
    query: str
    """The entry as given, as text."""
    reason: MissReason
    """Why it matched no city: unknown, ambiguous, or not an implementing unit."""
    places: tuple[Place, ...] = ()
    cities: tuple[City, ...] = ()
    """For ``contains``: the implementing units the place holds in the entry's year."""
    _year: int | None = attrs.field(default=None, eq=False, repr=False, alias="year")
    _closest: bool = attrs.field(default=True, eq=False, repr=False, alias="closest")

    @cached_property
    def candidates(self) -> tuple[str, ...]:
        """The places named (ambiguous), the implementing units held (contains), or the closest
        names (unknown); see the class."""
        if self.reason is MissReason.NOT_IMPLEMENTING:
            return ()
        geo = geography()
        if self.reason is MissReason.CONTAINS:
            return tuple(describe(city.place, geo) for city in self.cities)
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
        >>> roster = skillrevival.campaign().roster
        >>> report = roster.match(["苏州", "宿州", "昆山市", "上海", "Atlantis"], year=2015)
        >>> report.matched, [status.value for status in report.statuses]
        (2, ['implementing', 'not_implementing', 'within', 'contains', 'unknown'])
        >>> report.matches[2].name  # 昆山市 lies in 苏州
        '苏州市'
    """

    matches: tuple[City | None, ...]
    """The implementing unit each entry names (implementing) or lies in (within: 苏州 for
    昆山市), or None where it names none, several, or a place that is neither."""
    places: tuple[Place | None, ...] = ()
    """The place each entry names (in the year asked for, else its newest record), or None
    where it names none or several; for ``within``, the place itself (昆山市), not the unit."""
    statuses: tuple[MatchStatus, ...] = ()
    """What each entry turned out to be: implementing, within, contains, not_implementing,
    ambiguous, unknown."""
    _queries: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False, alias="queries")
    _found: tuple[tuple[Place, ...], ...] = attrs.field(
        default=(), eq=False, repr=False, alias="found"
    )
    _plain: frozenset[int] = attrs.field(default=frozenset(), eq=False, repr=False, alias="plain")
    _year: int | tuple[int | None, ...] | None = attrs.field(
        default=None, eq=False, repr=False, alias="year"
    )
    _roster: Roster | None = attrs.field(default=None, eq=False, repr=False, alias="roster")

    @cached_property
    def misses(self) -> tuple[Miss, ...]:
        """Every entry that found no city (neither implementing nor within), with its reason,
        in the input's order."""
        misses: list[Miss] = []
        for position, status in enumerate(self.statuses):
            if status is MatchStatus.IMPLEMENTING or status is MatchStatus.WITHIN:
                continue
            query = self._queries[position]
            year = self._year[position] if isinstance(self._year, tuple) else self._year
            if status is MatchStatus.UNKNOWN:
                plain = position in self._plain  # not a name or a code: nothing is close
                miss = Miss(position, query, MissReason.UNKNOWN, year=year, closest=not plain)
            else:
                found = self._found[position]
                cities: tuple[City, ...] = ()
                if status is MatchStatus.CONTAINS and self._roster is not None:
                    links: RosterLinks = self._roster._links
                    cities = links.contained_in(found[0], year)
                reason = MissReason(status.value)
                miss = Miss(position, query, reason, found, cities, year=year)
            misses.append(miss)
        return tuple(misses)

    @property
    def matched(self) -> int:
        """How many entries found their city: implementing, or within one."""
        return sum(city is not None for city in self.matches)

    @property
    def complete(self) -> bool:
        """Whether every entry found its city: each is implementing or lies within one (so a
        column of counties all inside 苏州 is complete, and ``misses`` is empty)."""
        return all(city is not None for city in self.matches)

    @property
    def located(self) -> bool:
        """Whether every entry found its place (of any status): no unknown, no ambiguous."""
        return all(place is not None for place in self.places)


_Result = tuple["City | None", "Place | None", MatchStatus, tuple["Place", ...]]


def match(
    roster: Roster,
    names: Iterable[object],
    provinces: Iterable[object] | None = None,
    year: object = None,
    level: object = None,
) -> MatchReport:
    """Match every entry of ``names`` against the geography, then the roster; see
    :meth:`Roster.match`."""
    entries = _entries(names, "names")
    columns = None if provinces is None else _entries(provinces, "provinces")
    if columns is not None and len(columns) != len(entries):
        message = f"must line up with names: {len(columns)} entries for {len(entries)} names"
        raise ValidationError.single("provinces", message)
    geo = geography()
    one_year, row_years = _match_years(geo, year, len(entries))
    tier = check_level(level)
    names_index = geo.names()
    in_province = _province_codes(roster, geo, columns) if columns is not None else None
    # What besides the text tells entries apart (their province, their year), or None for none:
    # one look-up per distinct text and tag.
    tags: list[object] | None
    if row_years is None:
        tags = cast("list[object] | None", in_province)
    elif in_province is None:
        tags = cast("list[object]", row_years)
    else:
        tags = list(zip(in_province, row_years, strict=True))
    matches: list[City | None] = []
    places: list[Place | None] = []
    statuses: list[MatchStatus] = []
    queries: list[str] = []
    found_places: list[tuple[Place, ...]] = []
    plain: list[int] = []
    # A column of a panel repeats its values: look each distinct one up once.
    seen: dict[object, _Result] = {}
    tag = None
    unknown = MatchStatus.UNKNOWN
    for position, value in enumerate(entries):
        query = value if type(value) is str else as_query(value)
        if tags is not None:
            tag = tags[position]
        if query is None:
            matches.append(None)
            places.append(None)
            statuses.append(unknown)
            queries.append(repr(value))
            found_places.append(())
            plain.append(position)
            continue
        key = query if tag is None else (query, tag)
        result = seen.get(key)
        if result is None:
            province = None if in_province is None else in_province[position]
            row_year = one_year if row_years is None else row_years[position]
            result = seen[key] = _match_one(
                roster, geo, names_index, query, row_year, province, tier
            )
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
        year=one_year if row_years is None else tuple(row_years),
        roster=roster,
    )


def check_level(level: object) -> Level | None:
    """``level`` if it is None or a tier's name; ValidationError (at ``level``) otherwise."""
    return cast("Level | None", tier_of(level))


def _match_years(
    geo: Geography, year: object, count: int
) -> tuple[int | None, list[int | None] | None]:
    """One year for every entry, or a year per entry (a sequence aligned with the names).

    A year per entry may be missing (None, NaN, pandas' NA: the entry is read with no year) or
    a whole float (2015.0, as a column with gaps holds it); each bad one is named by its path,
    ``year[i]``.
    """
    if year is None or isinstance(year, str | bytes) or not isinstance(year, Iterable):
        return check_year(geo, year), None
    values = list(year)
    if len(values) != count:
        message = f"must line up with names: {len(values)} years for {count} names"
        raise ValidationError.single("year", message)
    years: list[int | None] = []
    problems: list[Problem] = []
    known: dict[object, int | None] = {}  # a column repeats its years: check each once
    for position, value in enumerate(values):
        key = value if isinstance(value, Hashable) else None
        if key is not None and key in known:
            years.append(known[key])
            continue
        try:
            checked = _row_year(geo, value)
        except ValidationError as error:
            problems.extend(Problem(f"year[{position}]", p.message) for p in error.problems)
            checked = None
        else:
            if key is not None:
                known[key] = checked
        years.append(checked)
    if problems:
        raise ValidationError(problems, what="value")
    return None, years


def _row_year(geo: Geography, value: object) -> int | None:
    """One entry's year: None where missing, a whole float as its int, else checked."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    return year_in(geo, value)


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
    level: Level | None,
) -> _Result:
    # A code that another list gives a roster unit is the roster's first: 139001 is 定州's
    # statistical code, and in the civil-affairs lists of 1988-1994 武安市's.
    other = is_code(query, 6) and any(
        o.code == query for city in roster.find_cities(query) for o in city.other_codes
    )
    found = () if other else at_level(geo, find_places(geo, names, query, year, province), level)
    if len(found) > 1:
        return None, None, MatchStatus.AMBIGUOUS, found
    if found:
        return _judge(roster, found[0], year, found)
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
    # Not a whole name or code: an address, or names run together (江苏苏州吴中区木渎镇).
    where = geo.locate(query, year, province=province, level=level)
    if where.status is LocateStatus.FOUND and where.place is not None:
        return _judge(roster, where.place, year, (where.place,))
    if where.status is LocateStatus.AMBIGUOUS:
        return None, None, MatchStatus.AMBIGUOUS, where.candidates
    return None, None, MatchStatus.UNKNOWN, ()


def _judge(roster: Roster, place: Place, year: int | None, found: tuple[Place, ...]) -> _Result:
    """What one place is to the roster in ``year``: a unit of it, inside one, holding some, or
    none of these."""
    links: RosterLinks = roster._links
    status, city = links.relation(place, year)
    return city, place, status, found


class RosterLinks:
    """Which records are records of a roster unit, which hold one, and which lie in one, with
    the years (built on first use)."""

    __slots__ = ("_around", "_contained", "_held_years", "_implementing", "_within")

    _implementing: Mapping[tuple[str, int], City]
    _contained: Mapping[tuple[str, int], tuple[City, ...]]
    _held_years: Mapping[tuple[str, int], Mapping[City, frozenset[int]]]
    _within: Mapping[tuple[str, int], tuple[tuple[City, frozenset[int]], ...]]
    _around: frozenset[tuple[str, int]]

    def __init__(self, geography: Geography, roster: Roster) -> None:
        implementing: dict[tuple[str, int], City] = {}
        contained: dict[tuple[str, int], dict[City, set[int]]] = {}
        within: dict[tuple[str, int], dict[City, set[int]]] = {}
        children: dict[str, list[Place]] = {}
        for record in geography.records:
            if record.parent is not None:
                children.setdefault(record.parent, []).append(record)
        years = geography.years
        last = years[-1]
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
                        cities = contained.setdefault((holder.code, holder.start), {})
                        cities.setdefault(city, set()).add(year)
                        parent = holder.parent
                # What lies below the record, in the years both are in force: a record's
                # parent is a code, held in each year by the record in force then.
                below = [(record.code, record.start, last if record.end is None else record.end)]
                while below:
                    code, first, end = below.pop()
                    for child in children.get(code, ()):
                        start = max(first, child.start)
                        stop = min(end, last if child.end is None else child.end)
                        if start > stop:
                            continue
                        inside = within.setdefault((child.code, child.start), {})
                        inside.setdefault(city, set()).update(range(start, stop + 1))
                        below.append((child.code, start, stop))
        order = {id(city): n for n, city in enumerate(roster.cities)}
        held = {
            key: tuple(sorted(cities, key=lambda c: order[id(c)]))
            for key, cities in contained.items()
        }
        held_years = {
            key: MappingProxyType({city: frozenset(y) for city, y in cities.items()})
            for key, cities in contained.items()
        }
        lies_in = {
            key: tuple(
                (city, frozenset(y))
                for city, y in sorted(cities.items(), key=lambda i: order[id(i[0])])
            )
            for key, cities in within.items()
        }
        # Read-only once built, like the roster that holds it.
        object.__setattr__(self, "_implementing", MappingProxyType(implementing))
        object.__setattr__(self, "_contained", MappingProxyType(held))
        object.__setattr__(self, "_held_years", MappingProxyType(held_years))
        object.__setattr__(self, "_within", MappingProxyType(lies_in))
        # The records that lie in or hold a roster unit in some year: most records do neither,
        # and are told so by one look-up.
        object.__setattr__(self, "_around", frozenset(held) | frozenset(lies_in))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"roster links are read-only; cannot set {name!r}")

    def implementing(self, place: Place) -> City | None:
        """The roster unit that ``place`` is a record of, or None."""
        return self._implementing.get((place.code, place.start))

    def contained(self, place: Place) -> tuple[City, ...]:
        """The roster units that lie inside ``place`` while it is in force."""
        return self._contained.get((place.code, place.start), ())

    def contained_in(self, place: Place, year: int | None) -> tuple[City, ...]:
        """The roster units inside ``place`` in ``year`` (None: in any year of the record)."""
        cities = self._contained.get((place.code, place.start), ())
        if year is None or not cities:
            return cities
        years = self._held_years[place.code, place.start]
        return tuple(city for city in cities if year in years[city])

    def relation(self, place: Place, year: int | None) -> tuple[MatchStatus, City | None]:
        """What ``place`` is to the roster in ``year`` (None: in a year of the record), and the
        roster unit it is or lies in: implementing, within, contains or not_implementing."""
        key = (place.code, place.start)
        city = self._implementing.get(key)
        if city is not None:
            return MatchStatus.IMPLEMENTING, city
        if key not in self._around:
            return MatchStatus.NOT_IMPLEMENTING, None
        holder = self.within(place, year)
        if holder is not None:
            return MatchStatus.WITHIN, holder
        if self.contained_in(place, year):
            return MatchStatus.CONTAINS, None
        return MatchStatus.NOT_IMPLEMENTING, None

    def within(self, place: Place, year: int | None) -> City | None:
        """The roster unit that ``place`` lies inside in ``year`` (None: in a year of the
        record), or None."""
        for city, years in self._within.get((place.code, place.start), ()):
            if year is None or year in years:
                return city
        return None


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
