"""Nothing that campaign() returns can be changed, and every public object is frozen and hashable.

The walk is generic: it follows every attrs field, every slot (cached lookups included) and every
item of every container reachable from the campaign, so a field added later is covered too.
"""

import datetime as dt
from collections.abc import Iterator
from types import MappingProxyType

import attrs
import pytest

import skillrevival
from skillrevival._index import Index

LEAVES = (str, int, float, bool, type(None), dt.date)


def _reachable(root: object) -> Iterator[tuple[str, object]]:
    """Every (path, object) reachable from ``root``, each object once."""
    seen: set[int] = set()
    stack: list[tuple[str, object]] = [("campaign", root)]
    while stack:
        path, obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        yield path, obj
        if callable(obj) and not attrs.has(type(obj)):
            continue  # an index's label function: code, not data
        if isinstance(obj, tuple | list | set | frozenset):
            stack.extend((f"{path}[{i}]", item) for i, item in enumerate(obj))
        elif isinstance(obj, dict | MappingProxyType):
            stack.extend((f"{path}[{key!r}]", item) for key, item in obj.items())
        elif not isinstance(obj, LEAVES):
            # Slots include cached properties (the lookup indexes): hasattr computes them.
            names = [s for k in type(obj).__mro__ for s in vars(k).get("__slots__", ())]
            for name in names:
                if name != "__weakref__" and hasattr(obj, name):
                    stack.append((f"{path}.{name}", getattr(obj, name)))


@pytest.fixture(scope="module")
def reachable() -> list[tuple[str, object]]:
    return list(_reachable(skillrevival.campaign()))


def test_walk_reaches_every_record_and_index(reachable: list[tuple[str, object]]) -> None:
    kinds = {type(obj) for _, obj in reachable}
    public = {getattr(skillrevival, name) for name in skillrevival.__all__}
    # Problem and the match report's classes describe input, not the campaign; places, their
    # sources and what the address reader makes of a text belong to the geography.
    not_data = {skillrevival.Problem, skillrevival.MatchReport, skillrevival.Miss}
    not_data |= {skillrevival.Place, skillrevival.GeoSource, skillrevival.Location}
    model = {k for k in public if isinstance(k, type) and attrs.has(k)} - not_data
    assert model <= kinds, model - kinds
    assert Index in kinds
    cities = [obj for _, obj in reachable if isinstance(obj, skillrevival.City)]
    assert len(cities) == 100


def test_nothing_reachable_is_a_list_dict_or_set(reachable: list[tuple[str, object]]) -> None:
    mutable = [(p, type(o).__name__) for p, o in reachable if isinstance(o, list | dict | set)]
    assert mutable == []


def test_every_reachable_object_is_frozen_and_hashable(
    reachable: list[tuple[str, object]],
) -> None:
    for path, obj in reachable:
        if isinstance(obj, Index | MappingProxyType) or callable(obj):
            continue  # private machinery, tried below; hashing is for records and values
        hash(obj)
        if attrs.has(type(obj)):
            assert attrs.fields(type(obj)), path
            for field in attrs.fields(type(obj)):
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    setattr(obj, field.name, None)
            with pytest.raises((AttributeError, TypeError)):
                obj.added_later = 1  # type: ignore[attr-defined]
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(obj, attrs.fields(type(obj))[0].name)


def test_tuples_and_indexes_refuse_changes(reachable: list[tuple[str, object]]) -> None:
    campaign = skillrevival.campaign()
    with pytest.raises(TypeError):
        campaign.roster.provinces[0] = campaign.roster.provinces[1]  # type: ignore[index]
    with pytest.raises(AttributeError):
        campaign.roster.cities.append(campaign.roster.cities[0])  # type: ignore[attr-defined]
    indexes = [obj for _, obj in reachable if isinstance(obj, Index)]
    assert len(indexes) == 2
    for index in indexes:
        with pytest.raises(AttributeError, match="read-only"):
            index._exact = {}
        with pytest.raises(TypeError):
            index._exact["苏州"] = ()  # type: ignore[index]
    with pytest.raises(AttributeError):
        campaign.notice.issued_on.year = 2016  # type: ignore[misc]
    assert campaign.roster.city("苏州").name == "苏州市"


def test_public_classes_are_frozen_slotted_and_hashable() -> None:
    for name in skillrevival.__all__:
        kind = getattr(skillrevival, name)
        if isinstance(kind, type) and attrs.has(kind):
            params = kind.__attrs_attrs__  # every public record class is attrs.frozen
            assert params, name
            assert "__slots__" in vars(kind), name
            assert kind.__setattr__ is not object.__setattr__, name
            assert kind.__hash__ is not None, name


def test_two_calls_return_equal_objects() -> None:
    first = skillrevival.campaign()
    assert skillrevival.campaign() is first
    skillrevival.campaign.cache_clear()
    try:
        second = skillrevival.campaign()
    finally:
        skillrevival.campaign.cache_clear()
    assert second is not first
    assert second == first
    assert hash(second) == hash(first)
    assert second.roster.city("苏州") == first.roster.city("苏州")


def test_changing_a_copy_leaves_the_bundled_campaign_alone() -> None:
    campaign = skillrevival.campaign()
    changed = attrs.evolve(campaign, batch=9)
    assert (changed.batch, campaign.batch) == (9, 2)
    doc = skillrevival.converter.unstructure(campaign)
    doc["roster"]["provinces"].clear()
    assert len(skillrevival.campaign().roster.provinces) == 32
