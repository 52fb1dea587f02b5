"""Units through time: the records of the geography joined into units that a panel follows.

A :class:`~skillrevival._places.Place` is one unit in one state; a panel needs the unit across
its states. Two records are the same unit by the one rule that lookups use too
(:func:`~skillrevival._placenames.continues`): one replaces the other, of its own tier, and
begins the year after it ends (a rename, a new code for the same unit: 铜仁地区 522200 -> 铜仁市
520600 in 2011, 日喀则地区 542300 -> 日喀则市 540200 in 2014, 儋州 469003 -> 460400 in 2015). A
split, a merge or an absorption ends the unit, and the units it makes are new: 江北区 500105
ends in 2024, since 两江新区 500157 has another predecessor (500112) too; 莱芜 ends when 济南
absorbs it.

The prefecture tier of a year (:func:`prefecture_tier`) is what a prefecture-level panel holds:
prefecture-level units (地级市, 地区, 自治州, 盟), the four municipalities as wholes, and the
county-level units that a province holds directly (济源, 仙桃, 神农架林区, the XPCC cities, the
counties and cities under Hainan), which belong to no prefecture.
"""

from __future__ import annotations

from functools import cache

from ._geography import AdminLevel
from ._placenames import continues
from ._places import Geography, Place, geography


def prefecture_tier(place: Place) -> bool:
    """Whether ``place`` is a unit of a prefecture-level panel (see the module).

    The counties of a municipality (崇明县, 重庆's counties) belong to it, not to the tier.
    """
    level = place.level
    if level.prefecture_level or level is AdminLevel.MUNICIPALITY:
        return True
    return (
        level.county_level
        and place.parent == place.province
        and place.parent not in lineage().municipalities
    )


class Lineage:
    """The geography's records grouped into units; get it from :func:`lineage`."""

    __slots__ = ("_records", "_unit", "municipalities")

    municipalities: frozenset[str]
    """The codes of the units that were ever municipalities (直辖市): 北京, 天津, 上海, 重庆."""

    def __init__(self, geo: Geography) -> None:
        parent: dict[int, int] = {}

        def root(key: int) -> int:
            while parent.get(key, key) != key:
                key = parent[key]
            return key

        for place in geo.records:
            after = continues(geo, place, "forward")
            if after is not None:
                parent[root(id(after))] = root(id(place))
        self.municipalities = frozenset(
            p.code for p in geo.records if p.level is AdminLevel.MUNICIPALITY
        )
        self._unit: dict[int, int] = {}
        self._records: dict[int, tuple[Place, ...]] = {}
        for place in geo.records:
            unit = root(id(place))
            self._unit[id(place)] = unit
            self._records[unit] = (*self._records.get(unit, ()), place)
        for unit, records in self._records.items():
            self._records[unit] = tuple(sorted(records, key=lambda p: p.start))

    def unit(self, place: Place) -> int:
        """The unit ``place`` is a state of (an opaque key, the same for all its states)."""
        return self._unit[id(place)]

    def records(self, unit: int) -> tuple[Place, ...]:
        """The unit's records, oldest first."""
        return self._records[unit]

    def in_year(self, unit: int, year: int) -> Place | None:
        """The unit's record in force in ``year``, or None when it did not exist then."""
        for place in self._records[unit]:
            if place.in_force(year):
                return place
        return None


@cache
def lineage() -> Lineage:
    """The units of :func:`~skillrevival._places.geography`, built once on first use."""
    return Lineage(geography())
