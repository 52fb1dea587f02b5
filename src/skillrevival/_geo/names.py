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

import json
import numbers
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .._errors import NotFoundError, ValidationError
from .._index import PLACE_SUFFIXES, Index, as_text, normalize, split_suffix
from .._text import shown
from .levels import as_query, is_code
from .lineage import prefecture_tier, record_in

if TYPE_CHECKING:
    from .geography import Geography
    from .records import Place

_LINEAGE_LIMIT = 64  # records visited when asking whether two records are one unit
NO_YEAR_FROM = 2000
"""A lookup without a year answers from the lists of this year on when the name is in them:
the lists of the 1980s and 1990s (无锡县 until 1994 beside 无锡市) are read with a year."""


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
    """The name indexes of one :class:`Geography`: every record by every name it goes by.

    A record goes by its official name, its short name, its English name, and the other names
    that the data file lists for its code (the roster's spellings of its units: Xigazê, Nei
    Mongol). The roster's misprints are not among them: they are the roster's own names only.

    With ``ready`` (what :func:`ready_index` makes, and the build script writes into
    ``geography-names.json``) lookups read the answers made at build time, and only the records
    they find are made; the full :class:`Index` is built when a miss asks for suggestions.
    """

    __slots__ = ("_bare", "_built", "_geography", "_hits", "_provinces", "find")

    find: Callable[[str | int], tuple[Place, ...]]
    """Every record that goes by a name, in any year (see :meth:`Index.find`)."""
    _geography: Geography
    _built: Index[Place] | None
    _hits: ReadyTable | Mapping[str, list[int]]
    _bare: ReadyTable | Mapping[str, list[int]]
    _provinces: Mapping[str, str] | None

    def __init__(
        self,
        geography: Geography,
        ready: Mapping[str, ReadyTable | Mapping[str, list[int]]] | None = None,
    ) -> None:
        setattr_ = object.__setattr__  # read-only once built: see __setattr__
        setattr_(self, "_geography", geography)
        setattr_(self, "_built", None)
        setattr_(self, "_hits", {} if ready is None else ready["hits"])
        setattr_(self, "_bare", {} if ready is None else ready["bare"])
        setattr_(self, "_provinces", None)
        setattr_(self, "find", self._index().find if ready is None else self._find_ready)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the name indexes are read-only; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"the name indexes are read-only; cannot delete {name!r}")

    def province_code(self, province: object) -> str:
        """The 6-digit code of the province that ``province`` (a name or a code) names."""
        text = query_text(province, "province")
        provinces = self._provinces
        if provinces is None:
            provinces = MappingProxyType(self._province_names())
            object.__setattr__(self, "_provinces", provinces)
        code = provinces.get(text) or provinces.get(normalize(text))
        if code is None:
            raise NotFoundError(f"no province named {text!r}", text)
        return code

    def _province_names(self) -> dict[str, str]:
        """Every name of every province-level record, normalised, to its code."""
        geography = self._geography
        provinces: dict[str, str] = {}
        for place in geography.provincial():
            for name in (
                place.name,
                place.short_name,
                place.name_en,
                *others_for(geography, place),
            ):
                provinces[normalize(name)] = place.code
            provinces[place.code] = provinces[place.code[:2]] = place.code
        return provinces

    def close(self, query: str) -> list[Place]:
        """Records whose names are close to ``query``, closest first (for suggestions)."""
        return self._index().closest(query, 12)

    def _index(self) -> Index[Place]:
        """Every name of every record, normalised: built on first use."""
        index = self._built
        if index is None:
            geography = self._geography
            entries = (
                ((p.name, p.short_name, p.name_en, *others_for(geography, p)), p)
                for p in geography.records
            )
            index = Index("place", entries, _place_label, PLACE_SUFFIXES)
            object.__setattr__(self, "_built", index)
        return index

    def _find_ready(self, key: str | int) -> tuple[Place, ...]:
        """:meth:`Index.find` from the answers made at build time (the same: a test holds it)."""
        if type(key) is not str:
            key = as_text(key)
        rows = self._hits.get(key)
        if rows is None:
            query = normalize(key)
            rows = self._hits.get(query)
            if rows is None:
                stem, suffix = split_suffix(query, PLACE_SUFFIXES)
                rows = self._bare.get(stem) if suffix else None
                if rows is None:
                    return ()
        return self._geography.records_at(rows)


class ReadyTable:
    """A ``{key: [rows]}`` JSON object written one key a line, read without parsing it whole:
    each of the first lookups finds its own line; after :attr:`LIMIT` of them the object is
    parsed once, for the many lookups of matching a column."""

    __slots__ = ("_count", "_table", "_text")
    LIMIT = 64

    def __init__(self, text: bytes) -> None:
        self._text = text
        self._table: dict[str, list[int]] | None = None
        self._count = 0

    def get(self, key: str) -> list[int] | None:
        table = self._table
        if table is None:
            self._count += 1
            if self._count <= self.LIMIT:
                needle = ("\n" + json.dumps(key, ensure_ascii=False) + ":[").encode()
                at = self._text.find(needle)
                if at < 0:
                    return None
                end = self._text.index(b"]", at + len(needle))
                return [int(row) for row in self._text[at + len(needle) : end].split(b",")]
            table = self._table = json.loads(self._text)
        return table.get(key)


def ready_index(names: PlaceNames, records: tuple[Place, ...]) -> dict[str, dict[str, list[int]]]:
    """What :class:`PlaceNames` needs to answer without its :class:`Index`: every normalised
    name with the rows it answers (``hits``), and every stem that answers through the stem rule
    (a query with a suffix that no record has as its name: 江苏省 for 江苏) with those rows
    (``bare``). The build script writes it; :func:`skillrevival.geography` reads it."""
    index = names._index()
    row = {id(place): n for n, place in enumerate(records)}
    hits, bare = index.ready()
    return {
        "hits": {key: [row[id(p)] for p in found] for key, found in sorted(hits.items())},
        "bare": {key: [row[id(p)] for p in found] for key, found in sorted(bare.items())},
    }


def others_for(geography: Geography, place: Place) -> list[str]:
    """The other names that ``place`` goes by: its code's, but a traditional form only where
    the record bears the name it is the form of (長洲區 is 长洲区's, not 鸳江区's of 1980-1983)."""
    found = geography.others_of.get(place.code, ())
    return [n for n, of in found if of is None or of == place.name or of == place.short_name]


def narrow(
    geography: Geography, found: Iterable[Place], year: int | None, province: str | None
) -> tuple[Place, ...]:
    """The records of ``found`` that answer a query for ``year`` within ``province``.

    With a year, those in force in that year's list. Without one, the records in force from
    :data:`NO_YEAR_FROM` (2000) on, if the name has any, else all; of those the newest record,
    and with it the newest record of every other unit that carried the name while that record
    was in force: 铜仁 is 铜仁市 520600 (the county-level 铜仁市 522201 ended before it began),
    but 江北区 is 宁波's and 重庆's alike (both stood from 1997 to 2024), and 无锡 is 无锡市
    (无锡县 ended in 1994: ``year=1990`` finds both).
    """
    chosen = [p for p in found if province is None or p.province == province]
    if year is not None:
        return tuple(p for p in chosen if p.in_force(year))
    recent = [p for p in chosen if p.end is None or p.end >= NO_YEAR_FROM]
    if recent and len(recent) < len(chosen):
        chosen = recent
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


TIERS = ("province", "prefecture", "county")
"""The tiers a ``level`` argument names: what a column of names, or an address, names."""


def check_level(level: object) -> str | None:
    """``level`` if it is None or one of :data:`TIERS`; ValidationError otherwise."""
    if level is None or (isinstance(level, str) and level in TIERS):
        return level
    message = f"expected None or one of {', '.join(map(repr, TIERS))}, got {shown(level)}"
    raise ValidationError.single("level", message)


def at_level(
    geography: Geography, places: tuple[Place, ...], level: str | None
) -> tuple[Place, ...]:
    """Of several ``places``, those of the tier ``level``, when any is; else all of them.

    A tier chooses among readings and never drops the only one: 长沙 at ``"prefecture"`` is
    长沙市, not 长沙县, but 长沙县 at ``"prefecture"`` is still 长沙县. ``"province"``:
    province-level units; ``"prefecture"``: the prefecture tier of a panel (prefecture-level
    units, municipalities, the county-level units a province holds directly); ``"county"``:
    county-level units (济源 too).
    """
    if level is None or len(places) < 2:
        return places
    if level == "province":
        kept = tuple(p for p in places if p.parent is None)
    elif level == "prefecture":
        kept = tuple(p for p in places if prefecture_tier(geography, p))
    else:
        kept = tuple(p for p in places if p.parent is not None and p.level.county_level)
    return kept or places


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


class UnknownPlaceError(NotFoundError):
    """A name of no place: its message and ``suggestions`` (the closest names, which take the
    whole name index to find) are made when first read, so that a miss costs microseconds."""

    def __init__(self, key: str, make: Callable[[], tuple[str, list[str]]]) -> None:
        self._make: Callable[[], tuple[str, list[str]]] | None = make
        self._made: tuple[str, tuple[str, ...]] = ("", ())
        super().__init__("", key)

    def _resolved(self) -> tuple[str, tuple[str, ...]]:
        make = self._make
        if make is not None:
            message, suggestions = make()
            self._made, self._make = (message, tuple(suggestions)), None
            self.args = (message,)
        return self._made

    @property
    def suggestions(self) -> tuple[str, ...]:
        """The closest values the same lookup accepts, made on first read."""
        return self._resolved()[1]

    @suggestions.setter
    def suggestions(self, value: tuple[str, ...]) -> None:
        del value  # made on first read instead

    def __str__(self) -> str:
        return self._resolved()[0]

    def __reduce__(self) -> tuple[Any, ...]:
        message, suggestions = self._resolved()
        arguments = (message, self.key, suggestions, self.candidates)
        extra = {
            k: v for k, v in vars(self).items() if k not in ("_make", "_made", "key", "candidates")
        }
        return (NotFoundError, arguments, extra or None)


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

        def missed() -> tuple[str, list[str]]:
            suggestions = suggest(geography, names, text, year) if names is not None else []
            hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
            return f"no place named {text!r}{listed}{hint}", suggestions

        return UnknownPlaceError(text, missed)
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
    close = names.close(text)
    if year is None:  # as a lookup without a year: what stood from NO_YEAR_FROM on, if any
        recent = [p for p in close if p.end is None or p.end >= NO_YEAR_FROM]
        close = recent or close
    for place in close:
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
