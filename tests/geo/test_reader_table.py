"""The address reader's table made at build time (data/geography-reader.json) is the one the
library makes from the records, and a reader made either way reads every text alike."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival._geo import locate as module
from skillrevival._geo.geography import Geography
from skillrevival._geo.locate import READER, Reader, locate, reader_table

GEO = skillrevival.geography()


def _copy(ready: str | None) -> Geography:
    """A copy of the bundled geography with no reader yet; ``ready`` None: not the bundled
    data, so its reader makes the table from the records."""
    fresh = Geography.__new__(Geography)
    for slot in Geography.__slots__:  # the geography is read-only: set past its guard
        object.__setattr__(fresh, slot, getattr(GEO, slot))
    object.__setattr__(fresh, "_reader", None)
    object.__setattr__(fresh, "_ready", ready)
    return fresh


BUNDLED = _copy(GEO._ready)
MADE = _copy(None)


def test_the_bundled_table_is_what_the_records_give() -> None:
    data = json.loads(resources.files("skillrevival").joinpath("data", READER).read_bytes())
    assert data["format"] == module.READER_FORMAT
    assert data["records"] == len(GEO.records)
    assert {"names": data["names"], "heads": data["heads"]} == reader_table(GEO)


def test_the_table_holds_names_of_every_kind() -> None:
    """Typed from the records of the notice's cities and the autonomous units' short forms:
    苏州市 (320500) is a full name, 苏州 its short name; 恩施州 and 恩施自治州 read 恩施土家族苗族
    自治州 (422800); 蘇州市 is the traditional form of 苏州市 (OpenCC)."""
    names = reader_table(GEO)["names"]
    records = GEO.records

    def codes(name: str, part: int) -> set[str]:
        rows = names[name].split("|")[part]
        return {records[int(row)].code for row in rows.split(",")} if rows else set()

    assert "320500" in codes("苏州市", 0)
    assert "320500" in codes("苏州", 1)
    assert codes("恩施州", 0) == codes("恩施自治州", 0) == {"422800"}
    assert "320500" in codes("蘇州市", 0)
    assert codes("苏州", 0) == set()


@given(st.sampled_from(GEO.records), st.sampled_from(["", "市", "区", "路1号", "县城关镇"]))
def test_a_reader_from_the_bundled_table_reads_as_one_made_from_the_records(
    place: skillrevival.Place, tail: str
) -> None:
    year = place.start
    for text in (place.name + tail, place.short_name + tail):
        assert BUNDLED.locate(text, year) == MADE.locate(text, year), text
        assert BUNDLED.locate(text) == MADE.locate(text), text


def test_a_reader_table_of_another_data_version_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def stale(name: str, folder: object = None) -> bytes:
        return json.dumps({"format": 1, "records": 5, "names": {}, "heads": {}}).encode()

    monkeypatch.setattr(module, "read_bundled", stale)
    with pytest.raises(skillrevival.ValidationError, match=r"geography-reader\.json"):
        Reader(_copy(GEO._ready))


def test_the_first_address_makes_only_the_records_it_meets() -> None:
    """The reader makes a name's records when the name is first met, not every record."""
    reader = Reader(_copy(GEO._ready))
    locate(GEO, reader, "江苏省苏州市吴中区木渎镇金枫路216号", 2015)
    made = set(reader._made)
    assert {"江苏省", "苏州市", "吴中区"} <= made
    assert len(made) < 20
