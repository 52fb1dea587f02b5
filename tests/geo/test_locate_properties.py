"""Rules of Geography.locate that hold for every record and any text (issue 19).

An address is built from a record's own names in a year in which it is in force: its province's
name or short name, for a county-level unit under a prefecture optionally that prefecture's name
or short name, then the record's name or short name, then street text. The street text is drawn
from digits and a few characters that occur in no place name of any year (worked out below from
the records), and begins with a digit: so it can neither continue a name nor start another one,
nor be read as a street word after a short name. Such an address must locate the record, or be
reported ambiguous with the record among the candidates; never another unit, never unknown.
(One form is left out, as the reader reads it otherwise by design: a short name that begins with
市 after another name, 济南市 + 市中 or 青岛 + 市北, where the 市 ends a full name, 济南市 or
青岛市; the record's full name is used there.)
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import skillrevival
from skillrevival import LocateStatus, Location, Place

GEO = skillrevival.geography()
RECORDS = GEO.records
SEPARATORS = [" ", ",", "，", " , ", "  "]


def _names(place: Place) -> tuple[str, ...]:
    return (place.name, place.short_name)


# Characters of no place name, official, short or other (traditional forms included).
_IN_NAMES = {
    char
    for place in RECORDS
    for name in (*_names(place), *GEO.other_names.get(place.code, ()))
    for char in name
}
STREET_CHARS = "".join(char for char in "号楼室栋幢座层单元甲乙丙丁" if char not in _IN_NAMES)
# Traditional forms of names, from the geography's other names (OpenCC), simplified -> traditional.
TRADITIONAL = {
    simplified: traditional
    for forms in GEO.others_of.values()
    for traditional, simplified in forms
    if simplified is not None
}


def _in(code: str, year: int) -> Place:
    (place,) = GEO.by_code(code, year)
    return place


def _years(place: Place) -> list[int]:
    return [year for year in GEO.years if place.in_force(year)]


@st.composite
def addresses(draw: st.DrawFn) -> tuple[Place, int, list[str], str]:
    """A record, a year it is in force, the names that lead to it (outermost first), a street."""
    place = draw(st.sampled_from(RECORDS))
    year = draw(st.sampled_from(_years(place)))
    names: list[str] = []
    if place.parent is not None:
        names.append(draw(st.sampled_from(_names(_in(place.province, year)))))
        if place.parent != place.province and draw(st.booleans()):
            names.append(draw(st.sampled_from(_names(_in(place.parent, year)))))
    name = draw(st.sampled_from(_names(place)))
    if names and name.startswith("市"):
        # 济南市 then 市中 (市中区's short name) reads as 济南市 and 中: where a full name ends,
        # the reader does not cut it to begin the next name with its suffix; so does 青岛 then
        # 市北, since 青岛市 is a full name. The full name settles it (济南市市中区; 济南市中区
        # is read as 济南's 市中区, 青岛市北区 as 青岛's 市北区).
        name = place.name
    names.append(name)
    street = draw(st.from_regex(rf"\A[0-9]{{1,4}}[0-9{STREET_CHARS}]{{0,6}}\Z"))
    return place, year, names, street


def _answer(found: Location) -> tuple[LocateStatus, str | None, frozenset[str], str]:
    place = None if found.place is None else found.place.code
    return found.status, place, frozenset(p.code for p in found.candidates), found.rest


def _check_tiers(found: Location) -> None:
    """The status and the tiers agree with each other and with the year."""
    if found.status is LocateStatus.FOUND:
        assert found.place is not None
        assert found.candidates == ()
    if found.status is LocateStatus.UNKNOWN:
        assert found.place is None
    if found.place is None:
        return
    province, prefecture, county = found.province, found.prefecture, found.county
    assert province is not None
    assert province.parent is None
    assert found.place in {province, prefecture, county}
    if prefecture is not None:
        assert prefecture.province == province.code
        assert prefecture == province or prefecture.parent == province.code
    if county is not None:
        assert prefecture is not None
        assert county.province == province.code
        assert county == prefecture or county.parent == prefecture.code
    if found.year is not None:
        for tier in (province, prefecture, county):
            assert tier is None or tier.in_force(found.year)
    if found.zone is not None:
        assert county is None
        assert found.place in {province, prefecture}


@given(addresses())
def test_an_address_from_a_records_names_locates_that_record(
    case: tuple[Place, int, list[str], str],
) -> None:
    place, year, names, street = case
    text = "".join(names) + street
    found = GEO.locate(text, year)
    if found.status is LocateStatus.FOUND:
        assert found.place == place, (text, year)
        assert found.rest == street, (text, year)
    else:
        assert found.status is LocateStatus.AMBIGUOUS, (text, year)
        assert place in found.candidates, (text, year)
    _check_tiers(found)


@given(addresses(), st.data())
def test_separators_between_names_change_nothing(
    case: tuple[Place, int, list[str], str], data: st.DataObject
) -> None:
    _place, year, names, street = case
    together = GEO.locate("".join(names) + street, year)
    spaced = names[0]
    for name in names[1:]:
        spaced += data.draw(st.sampled_from(SEPARATORS)) + name
    apart = GEO.locate(spaced + street, year)
    assert _answer(apart) == _answer(together), (spaced, year)


@given(addresses())
def test_a_text_and_its_traditional_form_give_the_same_answer(
    case: tuple[Place, int, list[str], str],
) -> None:
    _place, year, names, street = case
    traditional = [TRADITIONAL.get(name, name) for name in names]
    simplified = GEO.locate("".join(names) + street, year)
    found = GEO.locate("".join(traditional) + street, year)
    assert _answer(found)[:3] == _answer(simplified)[:3], ("".join(traditional), year)


@given(addresses(), st.sampled_from(["", "中国", "中华人民共和国", "中国 "]))
def test_a_leading_country_name_changes_nothing(
    case: tuple[Place, int, list[str], str], country: str
) -> None:
    _place, year, names, street = case
    text = "".join(names) + street
    assert _answer(GEO.locate(country + text, year)) == _answer(GEO.locate(text, year))


_ALPHABET = sorted(_IN_NAMES | set("0123456789 ,，路街大道号"))


@given(
    st.text(alphabet=st.sampled_from(_ALPHABET), max_size=12),
    st.none() | st.sampled_from(GEO.years),
)
def test_any_text_gets_an_answer_whose_tiers_agree(text: str, year: int | None) -> None:
    found = GEO.locate(text, year)
    assert found.text == text
    assert found.year == year
    _check_tiers(found)


@given(st.text(max_size=20), st.none() | st.sampled_from(GEO.years))
def test_any_unicode_text_is_read_without_error(text: str, year: int | None) -> None:
    _check_tiers(GEO.locate(text, year))


def _tier(place: Place) -> str:
    if place.level.province_level:
        return "province"
    return "prefecture" if place.level.prefecture_level else "county"


@given(addresses())
def test_the_records_own_tier_as_level_keeps_it_among_the_readings(
    case: tuple[Place, int, list[str], str],
) -> None:
    place, year, names, street = case
    text = "".join(names) + street
    found = GEO.locate(text, year, level=_tier(place))
    if found.status is LocateStatus.FOUND:
        assert found.place == place, (text, year)
    else:
        assert found.status is LocateStatus.AMBIGUOUS, (text, year)
        assert place in found.candidates, (text, year)


@settings(max_examples=40)
@given(
    st.lists(addresses(), min_size=2, max_size=12),
    st.lists(st.none() | st.sampled_from(["江苏", "四川", "内蒙古"]), min_size=12, max_size=12),
)
def test_what_was_read_before_changes_no_answer(
    cases: list[tuple[Place, int, list[str], str]], provinces: list[str | None]
) -> None:
    """The reader remembers what each year's list (within a province) makes of the names it has
    met, and of a name read after another. Two fresh readers given the same texts (each in its
    year and with none, within a province or not) in opposite orders give the same answers."""
    from skillrevival._geo.locate import Reader, locate

    queries = [
        ("".join(names) + street, when, province)
        for (_, year, names, street), province in zip(cases, provinces, strict=False)
        for when in (year, None)
    ]
    forward, backward = Reader(GEO), Reader(GEO)
    first = [locate(GEO, forward, *query) for query in queries]
    last = [locate(GEO, backward, *query) for query in reversed(queries)][::-1]
    for query, one, other in zip(queries, first, last, strict=True):
        assert one == other, query
        assert one.place is other.place, query
        assert one.candidates == other.candidates, query
