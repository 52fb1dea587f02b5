"""Finding places of the national geography by the names and codes people type, through time.

A name is looked up by the rules of :mod:`skillrevival._lookup` (one normaliser, one set of
suffix rules): the official name (苏州市), the short name (苏州), the English name in any case
and spacing (SUZHOU city), and for the roster's units the roster's own names (巴州, Xigazê).
A name is not a place: the records it names are then narrowed by the year (the places in force
in that year's list), by the province when one is given, and, when no year is given, to the
newest record of each unit (a unit is a chain of records that continue one another: 铜仁地区
then 铜仁市). When more than one unit is left the name is ambiguous, and the lookup says so with
every candidate; it never picks one.

The indexes are built on the first lookup by name, not when the geography loads.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from ._errors import NotFoundError, ValidationError
from ._geography import AdminLevel, is_code
from ._lookup import PLACE_SUFFIXES, Index, normalize
from ._text import shown, whole_text

if TYPE_CHECKING:
    from ._model import City, Roster
    from ._places import Geography, Place

_LINEAGE_LIMIT = 64  # records visited when asking whether two records are one unit


def as_query(value: object) -> str | None:
    """The text to look up for one value: a string as it is, an integer or a whole float as a code.

    Integers of any kind (numpy's included, through :class:`numbers.Integral`) and floats that
    are whole (320500.0, as a spreadsheet column of codes arrives) become their digits; anything
    else (None, NaN, 3.5, True) is None: not a query.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return whole_text(int(value), "query")
    if isinstance(value, numbers.Real):
        number = float(value)
        if number.is_integer() and number >= 0:
            return str(int(number))
    return None


def query_text(value: object, path: str) -> str:
    """:func:`as_query`, raising :class:`ValidationError` at ``path`` when ``value`` is not one."""
    query = as_query(value)
    if query is None:
        message = f"expected a name or a code, got {type(value).__name__} {shown(value)}"
        raise ValidationError.single(path, message)
    return query


def _place_label(place: Place) -> str:
    return place.name


def describe(place: Place, geography: Geography) -> str:
    """A place in a message: name, code, province and years (江北区 500105 (重庆, 1997-2024))."""
    years = f"{place.start}-{'' if place.end is None else place.end}"
    if place.province == place.code:
        return f"{place.name} {place.code} ({years})"
    holder = geography.by_code(place.province)
    province = holder[0].short_name if holder else place.province
    return f"{place.name} {place.code} ({province}, {years})"


class PlaceNames:
    """The name indexes of one :class:`Geography`: every record by every name it goes by."""

    __slots__ = ("_geography", "_index", "_provinces", "find", "roster")

    find: Callable[[str], tuple[Place, ...]]
    """Every record that goes by a name, in any year (see :meth:`Index.find`)."""
    roster: Roster | None
    _geography: Geography
    _index: Index[Place]
    _provinces: Mapping[str, str]

    def __init__(self, geography: Geography, roster: Roster | None) -> None:
        setattr_ = object.__setattr__  # read-only once built: see __setattr__
        setattr_(self, "_geography", geography)
        setattr_(self, "roster", roster)
        """The roster whose names for its units are in the index."""
        records = all_records(geography)
        aliases = _roster_aliases(roster) if roster is not None else {}
        entries = (
            ((p.name, p.short_name, p.name_en, *aliases.get(p.code, ())), p) for p in records
        )
        index: Index[Place] = Index("place", entries, _place_label, PLACE_SUFFIXES)
        setattr_(self, "_index", index)
        setattr_(self, "find", index.find)  # one call less on the hot path of matching
        provinces: dict[str, str] = {}
        for place in records:
            if place.parent is None:
                for name in (place.name, place.short_name, place.name_en):
                    provinces[normalize(name)] = place.code
                provinces[place.code] = provinces[place.code[:2]] = place.code
        if roster is not None:  # the roster's names for its rows: 内蒙古, 新疆兵团, XPCC
            for row in roster.provinces:
                code = row.code or row.within
                if code is not None:
                    for name in (row.name, row.official_name, row.name_en, *row.other_names):
                        provinces.setdefault(normalize(name), code + "0000")
        setattr_(self, "_provinces", MappingProxyType(provinces))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the name indexes are read-only; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"the name indexes are read-only; cannot delete {name!r}")

    def province_code(self, province: object) -> str:
        """The 6-digit code of the province that ``province`` (a name or a code) names."""
        text = query_text(province, "province")
        code = self._provinces.get(text) or self._provinces.get(normalize(text))
        if code is None:
            raise NotFoundError(f"no province named {text!r}", text)
        return code

    def close(self, query: str) -> list[Place]:
        """Records whose names are close to ``query``, closest first (for suggestions)."""
        return self._index.closest(query, 12)


def all_records(geography: Geography) -> tuple[Place, ...]:
    """Every record of the geography once, by code and then by start."""
    return geography.records


def _roster_aliases(roster: Roster) -> dict[str, tuple[str, ...]]:
    """The roster's names for its units (巴州, 第一师, Xigazê), by the unit's code."""
    return {
        city.adcode: (city.name, city.official_name, city.name_en, *city.other_names)
        for city in roster.cities
    }


def narrow(
    geography: Geography, found: Iterable[Place], year: int | None, province: str | None
) -> tuple[Place, ...]:
    """The records of ``found`` that answer a query for ``year`` within ``province``.

    With a year, those in force in that year's list. Without one, the newest record, and with
    it the newest record of every other unit that carried the name while that record was in
    force: 铜仁 is 铜仁市 520600 (the county-level 铜仁市 522201 ended before it began), but
    江北区 is 宁波's and 重庆's alike (both stood from 1997 to 2024).
    """
    chosen = [p for p in found if province is None or p.province == province]
    if year is not None:
        return tuple(p for p in chosen if p.in_force(year))
    if len(chosen) < 2:
        return tuple(chosen)
    ordered = sorted(chosen, key=_recency, reverse=True)
    newest = ordered[0]
    units = [newest]
    for place in ordered[1:]:
        if not _overlap(place, newest):
            continue
        if not any(same_unit(geography, place, kept) for kept in units):
            units.append(place)
    return tuple(units)


def _overlap(one: Place, other: Place) -> bool:
    """Whether two records were in force in a common year."""
    one_end = 10_000 if one.end is None else one.end
    other_end = 10_000 if other.end is None else other.end
    return one.start <= other_end and other.start <= one_end


def _recency(place: Place) -> tuple[int, int]:
    return (10_000 if place.end is None else place.end, place.start)


def same_unit(geography: Geography, older: Place, newer: Place) -> bool:
    """Whether ``newer`` is reached from ``older`` through a chain of successors."""
    if older.code == newer.code and older.start == newer.start:
        return True
    frontier = [older]
    seen = 0
    while frontier and seen < _LINEAGE_LIMIT:
        place = frontier.pop()
        seen += 1
        for successor in geography.successors(place):
            if successor is newer or successor == newer:
                return True
            if successor.start <= newer.start:
                frontier.append(successor)
    return False


def continues(geography: Geography, place: Place, step: str) -> Place | None:
    """The record that continues ``place`` as the same unit, forwards or backwards, or None.

    A unit continues through a change in which it is replaced by one record of its own tier
    (province, prefecture or county level) that replaces no other record of that tier:
    铜仁地区 522200 became 铜仁市 520600 (a prefecture made a city), 大兴县 became 大兴区,
    伊克昭盟 became 鄂尔多斯市. The county-level towns that such a change folds into a new
    district do not count against it (百色地区 and the county-level 百色市 before 百色市
    451000). A split, a merge of equals or an abolition ends the unit: 江北区 500105 is not
    两江新区 500157, whose predecessors in the lists are 江北区 and 渝北区 alike.
    """
    if step == "forward":
        nexts, backs = geography.successors, geography.predecessors
    else:
        nexts, backs = geography.predecessors, geography.successors
    tier = _tier(geography, place)
    following = [p for p in nexts(place) if _tier(geography, p) == tier]
    if len(following) != 1:
        return None
    [other] = following
    if sum(_tier(geography, p) == tier for p in backs(other)) != 1:
        return None
    # One after the other: 合肥 took in 巢湖 in 2011 but was there before it.
    first, then = (place, other) if step == "forward" else (other, place)
    if first.end is None or then.start != first.end + 1:
        return None
    return other


def _tier(geography: Geography, place: Place) -> int:
    """0 for a province-level unit, 1 for a prefecture-level one, 2 below.

    A county-level unit that a province holds directly (济源, 仙桃, the cities of Hainan) stands
    at the prefecture tier: it belongs to no prefecture, and when it is made one (儋州 469003
    became the prefecture-level 460400 in 2015) it goes on as the same unit. The districts and
    counties of a municipality, whose parent is the municipality, stay below.
    """
    if place.parent is None:
        return 0
    if place.level.prefecture_level:
        return 1
    if place.parent == place.province and not any(
        p.level is AdminLevel.MUNICIPALITY for p in geography.by_code(place.province)
    ):
        return 1
    return 2


def lineage(geography: Geography, place: Place) -> tuple[Place, ...]:
    """Every record of the unit that ``place`` is a record of, oldest first."""
    before: list[Place] = []
    current = continues(geography, place, "back")
    while current is not None and len(before) < _LINEAGE_LIMIT:
        before.append(current)
        current = continues(geography, current, "back")
    after: list[Place] = []
    current = continues(geography, place, "forward")
    while current is not None and len(after) < _LINEAGE_LIMIT:
        after.append(current)
        current = continues(geography, current, "forward")
    return (*reversed(before), place, *after)


def record_in(geography: Geography, place: Place, year: int) -> Place | None:
    """The record of ``place``'s unit in force in ``year``, or None when the unit was not."""
    for record in lineage(geography, place):
        if record.in_force(year):
            return record
    return None


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
            for record in lineage(geography, home):
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


def is_code_text(text: str) -> bool:
    """Whether ``text`` is written as a 6-digit code."""
    return is_code(text, 6)


def check_year(geography: Geography, year: object) -> int | None:
    """None for None (no year given); otherwise :func:`year_in`."""
    return None if year is None else year_in(geography, year)


def year_in(geography: Geography, year: object) -> int:
    """``year`` as an int if it is one of the geography's years (a numpy integer too);
    ValidationError otherwise, in one wording for every lookup."""
    if isinstance(year, numbers.Integral) and not isinstance(year, bool):
        number = int(year)
        if number in geography.years:
            return number
    first, last = geography.years[0], geography.years[-1]
    message = f"expected a year from {first} to {last} (each year's list), got {shown(year)}"
    raise ValidationError.single("year", message)


def find_places(
    geography: Geography,
    names: PlaceNames | None,
    text: str,
    year: int | None,
    province: str | None,
) -> tuple[Place, ...]:
    """Every record that ``text`` answers for ``year`` in ``province``: one, none or several.

    ``names`` is needed only for a name (a code is looked up without it).
    """
    if is_code(text, 6):
        found = geography.by_code(text, year)
        return tuple(p for p in found if province is None or p.province == province)
    if names is None:
        return ()
    hits = names.find(text)
    if not hits:
        if text.strip().isdigit():  # padded or full-width digits: ３２０５００
            key = normalize(text)
            if is_code(key, 6):
                return find_places(geography, names, key, year, province)
        return ()
    return narrow(geography, hits, year, province)


def not_found(
    geography: Geography,
    names: PlaceNames | None,
    text: str,
    year: int | None,
    province: str | None,
) -> NotFoundError:
    """The error for a query that names no place, or several: what it names, and what might do."""
    where = "" if province is None else f" in {province}"
    listed = "" if year is None else f" in the {year} list"
    key = normalize(text)
    if is_code(key, 6):
        everywhere = geography.by_code(key)
        if not everywhere:
            first, last = geography.years[0], geography.years[-1]
            message = f"no place has the code {text!r} in any list from {first} to {last}"
            return NotFoundError(message, text)
        found: tuple[Place, ...] = everywhere
    else:
        found = names.find(text) if names is not None else ()
    if not found:
        suggestions = suggest(geography, names, text, year) if names is not None else []
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        return NotFoundError(f"no place named {text!r}{listed}{hint}", text, suggestions)
    chosen = narrow(geography, found, year, province)
    if len(chosen) > 1:
        names_them = "; ".join(describe(p, geography) for p in chosen)
        # Advice that can settle it: the province only when the places lie in several, the
        # year only when they stood in different years.
        if province is None and len({p.province for p in chosen}) > 1:
            settle = "the province"
        elif year is None and len({(p.start, p.end) for p in chosen}) > 1:
            settle = "the year or the code"
        else:
            settle = "the code"
        message = (
            f"place {text!r}{listed}{where} is ambiguous: it names {names_them}; give {settle}"
        )
        codes = [p.code for p in chosen]
        return NotFoundError(message, text, codes, candidates=chosen)
    # Named, but not in that year or that province.
    elsewhere = narrow(geography, found, None, None)
    said = "; ".join(describe(p, geography) for p in elsewhere)
    suggestions = []
    if year is not None:
        for place in elsewhere:
            record = record_in(geography, place, year)
            if record is not None and (province is None or record.province == province):
                suggestions.append(record.code)
    hint = f"; in {year}: {', '.join(suggestions)}" if suggestions else ""
    message = f"no place {text!r}{listed}{where}: it names {said}{hint}"
    return NotFoundError(message, text, suggestions)


def suggest(
    geography: Geography, names: PlaceNames, text: str, year: int | None, limit: int = 3
) -> list[str]:
    """Up to ``limit`` values close to ``text`` that a lookup accepts: a name where it names one
    place (of that year's list), else the place's code."""
    suggestions: list[str] = []
    for place in names.close(text):
        if year is not None and not place.in_force(year):
            continue
        alone = len(narrow(geography, names.find(place.name), year, None)) == 1
        value = place.name if alone else place.code
        if value not in suggestions:
            suggestions.append(value)
        if len(suggestions) == limit:
            break
    return suggestions


def province_code(geography: Geography, province: object) -> str:
    """The 6-digit code of the province that ``province`` names: a code (32, 320000) or a name.

    A code needs no name index; a name builds it.
    """
    text = query_text(province, "province")
    if is_code(text, 2) or (is_code(text, 6) and text.endswith("0000")):
        code = text[:2] + "0000"
        if geography.by_code(code):
            return code
    return geography.names().province_code(text)
