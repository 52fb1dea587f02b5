"""Rules of place lookups and matching that hold for every record of the geography.

The expected answers are worked out here by brute force over a year's list (every record whose
names normalise to the query), not by the index the library builds.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import MatchStatus, NotFoundError, Place, normalize

GEO = skillrevival.geography()
ROSTER = skillrevival.campaign().roster
RECORDS = GEO.records
ALIASES: dict[str, tuple[str, ...]] = {
    city.adcode: (city.name, city.official_name, city.name_en, *city.other_names)
    for city in ROSTER.cities
}


def _years(place: Place) -> list[int]:
    return [year for year in GEO.years if place.in_force(year)]


def _keys(place: Place) -> set[str]:
    names = (place.name, place.short_name, place.name_en, *ALIASES.get(place.code, ()))
    return {normalize(name) for name in names}


@st.composite
def records_in_a_year(draw: st.DrawFn) -> tuple[Place, int]:
    place = draw(st.sampled_from(RECORDS))
    return place, draw(st.sampled_from(_years(place)))


@given(records_in_a_year())
def test_every_record_is_found_by_its_code_in_its_years(case: tuple[Place, int]) -> None:
    place, year = case
    assert GEO.place(place.code, year) is place
    assert GEO.place(int(place.code), year) is place
    assert GEO.place(place.code, year, province=place.province) is place


@given(records_in_a_year(), st.sampled_from(["name", "short_name", "name_en"]))
def test_every_record_is_found_by_its_names_or_said_ambiguous(
    case: tuple[Place, int], field: str
) -> None:
    place, year = case
    query = getattr(place, field)
    key = normalize(query)
    sharing = [p for p in GEO.places(year) if p.province == place.province and key in _keys(p)]
    assert place in sharing
    if len(sharing) == 1:
        assert GEO.place(query, year, province=place.province) is place
    else:
        with pytest.raises(NotFoundError) as caught:
            GEO.place(query, year, province=place.province)
        assert set(caught.value.candidates) == set(sharing)


@given(records_in_a_year(), st.sampled_from(["name", "short_name", "name_en"]))
def test_match_never_picks_among_places_that_share_a_name(
    case: tuple[Place, int], field: str
) -> None:
    place, year = case
    query = getattr(place, field)
    key = normalize(query)
    sharing = [p for p in GEO.places(year) if key in _keys(p)]
    report = ROSTER.match([query], year=year)
    if len(sharing) > 1:
        assert report.statuses == (MatchStatus.AMBIGUOUS,)
        assert report.matches == (None,)
        assert set(report.misses[0].places) == set(sharing)
    else:
        assert report.places == (place,)
        unit = ROSTER.unit_of(place)
        holders = [h for h in map(ROSTER.unit_of, _ancestors(place, year)) if h is not None]
        if unit is not None:
            assert (report.statuses, report.matches) == ((MatchStatus.IMPLEMENTING,), (unit,))
        elif holders:
            assert (report.statuses, report.matches) == ((MatchStatus.WITHIN,), (holders[0],))
        elif any(place in _ancestors(record, year) for record in _roster_records(year)):
            assert (report.statuses, report.matches) == ((MatchStatus.CONTAINS,), (None,))
        else:
            assert (report.statuses, report.matches) == ((MatchStatus.NOT_IMPLEMENTING,), (None,))


def _ancestors(place: Place, year: int) -> list[Place]:
    """The records that hold ``place`` in ``year``, nearest first, by its parents' codes."""
    found = []
    parent = place.parent
    while parent is not None:
        holders = GEO.by_code(parent, year)
        if not holders:
            break
        found.append(holders[0])
        parent = holders[0].parent
    return found


def _roster_records(year: int) -> list[Place]:
    """The records of the roster's units in force in ``year``."""
    codes = [city.code_in(year) for city in ROSTER.cities]
    return [GEO.by_code(code, year)[0] for code in codes if code is not None]


@given(st.lists(st.sampled_from(["Suzhou", "Taizhou", "Yulin", "Baoshan", "江北区", "宝山区"])))
def test_homographs_stay_ambiguous_in_any_column(names: list[str]) -> None:
    report = ROSTER.match(names)
    assert report.matches == (None,) * len(names)
    assert report.statuses == (MatchStatus.AMBIGUOUS,) * len(names)
