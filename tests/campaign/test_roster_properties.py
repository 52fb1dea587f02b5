"""Rules of the geography and the lookups that hold for every city, name and input."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import MatchStatus, converter, strategies
from skillrevival._campaign.model import city_keys
from skillrevival._index import CITY_SUFFIXES, CITY_SUFFIXES_EN, split_suffix

ROSTER = skillrevival.campaign().roster
SUFFIXES = CITY_SUFFIXES + CITY_SUFFIXES_EN


def _full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


@st.composite
def spellings(draw: st.DrawFn, key: str) -> str:
    """``key`` as someone else's table might have it: other case, stray or full-width spaces."""
    text = draw(st.sampled_from([key, key.upper(), key.lower(), _full_width(key)]))
    cut = draw(st.integers(0, len(text)))
    space = draw(st.sampled_from(["", " ", "\u3000", "\t"]))
    return draw(st.sampled_from(["", " "])) + text[:cut] + space + text[cut:]


@given(st.data())
def test_every_bundled_city_is_found_by_each_of_its_names_and_codes(data: st.DataObject) -> None:
    city = data.draw(st.sampled_from(ROSTER.cities))
    key = data.draw(st.sampled_from(city_keys(city)))
    assert ROSTER.city(data.draw(spellings(key))) is city


@given(st.data())
def test_every_bundled_province_is_found_by_its_names_and_codes(data: st.DataObject) -> None:
    province = data.draw(st.sampled_from(ROSTER.provinces))
    keys = [province.name, province.official_name, province.name_en, *province.other_names]
    keys += [] if province.code is None else [province.code, f"{province.code}0000"]
    assert ROSTER.province(data.draw(spellings(data.draw(st.sampled_from(keys))))) is province


@given(strategies.rosters())
def test_generated_cities_are_found_by_every_name_and_code(roster: skillrevival.Roster) -> None:
    for city in roster.cities:
        for key in (city.name, city.official_name, city.name_en, city.adcode):
            assert roster.city(key) is city
    assert skillrevival.validate(converter.unstructure(roster), skillrevival.Roster) == []


def _names_of(city: skillrevival.City) -> set[str]:
    keys = {skillrevival.normalize(k) for k in city_keys(city)}
    return keys | {split_suffix(k, SUFFIXES)[0] for k in keys}


_QUERY = st.one_of(
    st.text(max_size=12),
    st.sampled_from([k for c in ROSTER.cities for k in city_keys(c)]).flatmap(spellings),
    st.builds(
        str.__add__,
        st.sampled_from([k for c in ROSTER.cities for k in city_keys(c)]),
        st.sampled_from(["", "市", "区", "州", "县", "自治州", " City", " District", "x"]),
    ),
)


@given(st.lists(_QUERY, max_size=8))
def test_match_returns_only_cities_whose_names_normalise_to_the_query(
    queries: list[str],
) -> None:
    report = ROSTER.match(queries)
    assert len(report.matches) == len(queries)
    assert {m.position for m in report.misses} == {
        i for i, city in enumerate(report.matches) if city is None
    }
    geo = skillrevival.geography()
    rows = zip(queries, report.matches, report.places, report.statuses, strict=True)
    for query, city, place, status in rows:
        if city is None:
            continue
        if status is MatchStatus.WITHIN:
            # the place is no roster unit, and the city is a unit that holds it
            assert place is not None
            assert ROSTER.unit_of(place) is None
            assert city in _holders(geo, place)
            continue
        key = skillrevival.normalize(query)
        if key in _names_of(city) or split_suffix(key, SUFFIXES)[0] in _names_of(city):
            assert skillrevival.is_implementing(query)
        else:
            # Not a whole name: read as an address, or names run together (丰台0: 丰台, then 0),
            # whose place is a record of the city.
            where = geo.locate(query)
            assert where.status is skillrevival.LocateStatus.FOUND
            assert where.place == place
            assert ROSTER.unit_of(place) is city


def _holders(geo: skillrevival.Geography, place: skillrevival.Place) -> list[skillrevival.City]:
    """The roster units among the units that hold ``place``, in any year of its record."""
    found = []
    last = geo.newest if place.end is None else place.end
    for year in range(place.start, last + 1):
        parent = place.parent
        while parent is not None:
            holders = geo.by_code(parent, year)
            if not holders:
                break
            city = ROSTER.unit_of(holders[0])
            if city is not None:
                found.append(city)
            parent = holders[0].parent
    return found


_ACCENTED = st.text(
    st.sampled_from("aeiouüêÜÊ \u3000ＡＢ苏州市\u0301\u0308\u00c7\u0327Ǆǅ"), max_size=12
)


@given(st.one_of(st.text(), _ACCENTED))
def test_normalize_is_idempotent_and_drops_accents_and_spaces(text: str) -> None:
    once = skillrevival.normalize(text)
    assert skillrevival.normalize(once) == once
    assert not any(ch.isspace() for ch in once)
    assert not any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFKD", once))


@given(strategies.rosters(), st.data())
def test_a_city_code_outside_its_province_is_reported(
    roster: skillrevival.Roster, data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(roster.provinces) - 1))
    j = data.draw(st.integers(0, len(roster.provinces[i].cities) - 1))
    doc = converter.unstructure(roster)
    code = doc["provinces"][i]["code"]
    city = doc["provinces"][i]["cities"][j]
    other = "10" if code != "10" else "99"
    city["adcode"] = other + city["adcode"][2:]
    if city["parent"] is not None:
        city["parent"] = other + city["parent"][2:]
    paths = [p.path for p in skillrevival.validate(doc, skillrevival.Roster)]
    assert f"provinces[{i}].cities[{j}].adcode" in paths


def test_generated_names_never_shadow_each_other() -> None:
    # Found by hypothesis: 一一市 and 一一市自治州 (stem 一一市) made 一一市 ambiguous.
    from skillrevival.strategies import _apart

    assert not _apart(["一一市", "一一市自治州"], CITY_SUFFIXES)
    assert _apart(["一一市", "一二市"], CITY_SUFFIXES)
