"""The name index made at build time (data/geography-names.json) answers as the index the
library builds from the records does, for every name and for names it has never seen."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival._geo.geography import Geography
from skillrevival._geo.names import PlaceNames, ReadyTable

GEO = skillrevival.geography()
READY = GEO.names()  # the bundled geography reads the index made at build time
BUILT = PlaceNames(GEO)  # the same records, indexed here from their names


def codes(found: tuple[skillrevival.Place, ...]) -> list[tuple[str, int]]:
    return [(p.code, p.start) for p in found]


def test_the_bundled_geography_reads_the_ready_index() -> None:
    assert READY.find == READY._find_ready
    assert BUILT.find != BUILT._find_ready


def test_every_name_of_every_record_answers_the_same() -> None:
    names = set()
    for place in GEO.records:
        names.update((place.name, place.short_name, place.name_en))
    for found in GEO.other_names.values():
        names.update(found)
    assert len(names) > 15_000
    for name in sorted(names):
        assert codes(READY.find(name)) == codes(BUILT.find(name)), name


SUFFIXES = ["", "市", "省", "区", "县", "自治州", "地区", " City", " county", " Province"]


@given(
    st.sampled_from(GEO.records),
    st.sampled_from(["name", "short_name", "name_en"]),
    st.sampled_from(SUFFIXES),
    st.sampled_from(["", " ", "　"]),
)
def test_a_name_with_any_suffix_and_spacing_answers_the_same(
    place: skillrevival.Place, field: str, suffix: str, pad: str
) -> None:
    query = pad + getattr(place, field) + suffix + pad
    assert codes(READY.find(query)) == codes(BUILT.find(query))


@given(st.text(max_size=6) | st.integers(min_value=0, max_value=999_999))
def test_any_text_answers_the_same(query: str | int) -> None:
    assert codes(READY.find(query)) == codes(BUILT.find(query))


def test_a_ready_table_reads_a_line_then_the_whole() -> None:
    table = ReadyTable('{\n"苏州":[1,2],\n"a\'b":[3],\n"x":[40]\n}'.encode())
    assert table.get("苏州") == [1, 2]
    assert table.get("a'b") == [3]
    assert table.get("苏") is None  # a key that begins another is not it
    for _ in range(ReadyTable.LIMIT):
        table.get("x")
    assert table._table == {"苏州": [1, 2], "a'b": [3], "x": [40]}
    assert table.get("x") == [40]


def test_a_ready_index_of_another_data_version_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from skillrevival._geo import geography as module

    fresh = Geography.__new__(Geography)
    for slot in Geography.__slots__:  # the geography is read-only: set past its guard
        object.__setattr__(fresh, slot, getattr(GEO, slot))
    object.__setattr__(fresh, "_names", None)

    def stale(name: str, folder: object = None) -> bytes:
        return json.dumps({"format": 1, "records": 5, "hits": {}, "bare": {}}).encode()

    monkeypatch.setattr(module, "read_bundled", stale)
    with pytest.raises(skillrevival.ValidationError, match=r"geography-names\.json"):
        fresh.names()


def fresh_geography() -> Geography:
    """A copy of the bundled geography with no name index built yet."""
    fresh = Geography.__new__(Geography)
    for slot in Geography.__slots__:  # the geography is read-only: set past its guard
        object.__setattr__(fresh, slot, getattr(GEO, slot))
    object.__setattr__(fresh, "_names", None)
    return fresh


def test_a_miss_makes_its_suggestions_only_when_they_are_read() -> None:
    import pickle

    geography = fresh_geography()
    with pytest.raises(skillrevival.NotFoundError) as caught:
        geography.place("苏洲")
    assert geography.names()._built is None
    error = caught.value
    assert error.key == "苏洲"
    assert error.suggestions == ("香洲区", "长洲区", "苏州市")
    assert geography.names()._built is not None
    assert str(error) == "no place named '苏洲'; did you mean 香洲区, 长洲区, 苏州市?"
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.key, again.suggestions) == (str(error), "苏洲", error.suggestions)
    assert isinstance(again, skillrevival.NotFoundError)
