"""Units through time: which records of the geography are states of one unit.

A :class:`~skillrevival.Place` is one unit in one state; a lookup of another year and a panel
need the unit across its states. Two records are the same unit by one rule (:func:`continues`):
one replaces the other, of its own tier (:func:`tier`), and begins the year after it ends (a
rename, a new code for the same unit: 铜仁地区 522200 -> 铜仁市 520600 in 2011, 日喀则地区 542300
-> 日喀则市 540200 in 2014, 儋州 469003 -> 460400 in 2015). A split, a merge or an absorption
ends the unit, and the units it makes are new: 江北区 500105 ends in 2024, since 两江新区 500157
has another predecessor (500112) too; 莱芜 ends when 济南 absorbs it.

The prefecture tier of a year (:func:`prefecture_tier`) is what a prefecture-level panel holds:
prefecture-level units (地级市, 地区, 自治州, 盟), the four municipalities as wholes, and the
county-level units that a province holds directly (济源, 仙桃, 神农架林区, the XPCC cities, the
counties and cities under Hainan), which belong to no prefecture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .levels import AdminLevel

if TYPE_CHECKING:
    from .geography import Geography
    from .records import Place

_LINEAGE_LIMIT = 64  # records visited when following a unit through its states


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
    level = tier(geography, place)
    following = [p for p in nexts(place) if tier(geography, p) == level]
    if len(following) != 1:
        return None
    [other] = following
    if sum(tier(geography, p) == level for p in backs(other)) != 1:
        return None
    # One after the other: 合肥 took in 巢湖 in 2011 but was there before it.
    first, then = (place, other) if step == "forward" else (other, place)
    if first.end is None or then.start != first.end + 1:
        return None
    return other


def tier(geography: Geography, place: Place) -> int:
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
    if place.parent == place.province and place.province not in geography.municipalities:
        return 1
    return 2


def unit_records(geography: Geography, place: Place) -> tuple[Place, ...]:
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
    for record in unit_records(geography, place):
        if record.in_force(year):
            return record
    return None


def prefecture_tier(geography: Geography, place: Place) -> bool:
    """Whether ``place`` is a unit of a prefecture-level panel (see the module): a unit of the
    prefecture :func:`tier`, or a municipality as a whole.

    The counties of a municipality (崇明县, 重庆's counties) belong to it, not to the tier.
    """
    return place.level is AdminLevel.MUNICIPALITY or tier(geography, place) == 1


class Units:
    """The geography's records grouped into units; get it from :meth:`Geography.units`."""

    __slots__ = ("_records", "_unit")

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
