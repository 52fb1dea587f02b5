"""The county-level treatment panel (frames.treatment_panel(level="county")), and flag's
``treated`` column.

Expected values typed by hand from 附件2 of 人社部函〔2015〕67号 and the Ministry of Civil
Affairs' code lists: 苏州 320500 is on the roster, and 吴中区 320506 (a district) and 昆山市 320583
(a county-level city) lie in it; 上海's roster units are 嘉定区 310114, 虹口区 310109 and 宝山区
310113; 北京's are 丰台区 110106, 大兴区 110115 and 门头沟区 110109, so 海淀区 110108 is not;
海口 460100 is 海南's one unit (its districts 秀英区 460105, 龙华区 460106, 琼山区 460107, 美兰区
460108); 济源 419001 is 河南's, held by the province directly; 仙桃 429004 (held by 湖北 directly)
is not on the roster (湖北's are 咸宁, 荆州, 黄石, 孝感); 东莞 441900 and 中山 442000 are
prefecture-level cities without districts, and 广东's roster units are 汕头, 梅州, 惠州, 茂名,
云浮; 嘉峪关 620200 has no districts either, and 甘肃's are 天水 and 金昌; 儋州 was the county-level
469003 under 海南 until 2014 and the prefecture-level 460400 (no districts) from 2015.
"""

from __future__ import annotations

import subprocess
import sys
from io import StringIO

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillrevival
from skillrevival import frames


def rows(panel: pd.DataFrame, code: str) -> list[tuple[object, ...]]:
    """(year, code_in_year, treated, first_treated, roster_adcode) of one unit, NA as None."""
    unit = panel[panel["adcode"] == code]
    columns = ["year", "code_in_year", "treated", "first_treated", "roster_adcode"]
    return [
        tuple(None if pd.isna(value) else value for value in row)
        for row in unit[columns].astype(object).itertuples(index=False)
    ]


@pytest.fixture(scope="module")
def country() -> pd.DataFrame:
    return frames.treatment_panel([2014, 2015, 2016], level="county", controls="all")


@pytest.mark.parametrize(
    ("code", "roster"),
    [
        ("320506", "320500"),  # 吴中区, a district of 苏州
        ("320583", "320500"),  # 昆山市, a county-level city under 苏州
        ("310114", "310114"),  # 嘉定区, itself on the roster
        ("110106", "110106"),  # 丰台区, itself on the roster
        ("130682", "130682"),  # 定州市: on the roster itself, though it lies in 保定 (on it too)
        ("130602", "130600"),  # a district of 保定: lies in it
        ("460108", "460100"),  # 美兰区 of 海口
        ("419001", "419001"),  # 济源, a county-level unit held by 河南 directly
    ],
)
def test_a_treated_county(country: pd.DataFrame, code: str, roster: str) -> None:
    assert rows(country, code) == [
        (2014, code, False, 2015, roster),
        (2015, code, True, 2015, roster),
        (2016, code, True, 2015, roster),
    ]


@pytest.mark.parametrize(
    "code",
    [
        "110108",  # 海淀区: 北京's, not on the roster, and 北京 as a whole is no roster unit
        "429004",  # 仙桃: held by 湖北 directly, not on the roster
        "441900",  # 东莞: a prefecture-level city without districts, a unit of its own here
        "442000",  # 中山: the same
        "620200",  # 嘉峪关: the same
    ],
)
def test_an_untreated_county(country: pd.DataFrame, code: str) -> None:
    assert rows(country, code) == [
        (2014, code, False, None, None),
        (2015, code, False, None, None),
        (2016, code, False, None, None),
    ]


def test_danzhou_is_one_unit_through_its_change_of_level(country: pd.DataFrame) -> None:
    # 469003 (county-level, under 海南) became 460400 (prefecture-level, no districts) in 2015.
    assert rows(country, "460400") == [
        (2014, "469003", False, None, None),
        (2015, "460400", False, None, None),
        (2016, "460400", False, None, None),
    ]


def test_prefectures_with_districts_are_not_units_of_the_county_panel(
    country: pd.DataFrame,
) -> None:
    for code in ("320500", "130600", "460100", "110000", "320000"):  # 苏州 保定 海口 北京 江苏
        assert code not in set(country["code_in_year"])
    assert {"320506", "320583", "310230", "500229"} <= set(country["code_in_year"])
    assert not country.duplicated(["adcode", "year"]).any()


def test_the_county_panel_counts_what_the_ministry_counts(country: pd.DataFrame) -> None:
    # The Ministry of Civil Affairs' 2015 statistical bulletin (2015年社会服务发展统计公报, on
    # www.gov.cn 2016-07-12) counts at the end of 2015 921 市辖区, 361 县级市, 1397 县, 117 自治县,
    # 49 旗, 3 自治旗, 1 特区 and 1 林区: 2,850 county-level units (its total prints 2580, a
    # transposition); beside them stand the prefecture-level cities without districts: 东莞, 中山,
    # 三沙, 嘉峪关, and 儋州 (made one in 2015).
    parts = 921 + 361 + 1397 + 117 + 49 + 3 + 1 + 1
    per_year = country.groupby("year").size()
    assert per_year[2015] == parts + 5


def test_the_columns_are_the_pinned_ones(country: pd.DataFrame) -> None:
    assert list(country.columns) == list(frames.PANEL_COLUMNS)
    assert str(country["roster_adcode"].dtype) == "string"
    assert country["unit_id"].is_monotonic_increasing


def test_the_default_county_panel_is_the_treated_units() -> None:
    panel = frames.treatment_panel([2015], level="county")
    assert panel["treated"].all()
    # the first roster unit is 丰台区, the second 大兴区: each stands for itself
    assert panel["adcode"].tolist()[:2] == ["110106", "110115"]
    # every roster unit treats at least one county-level unit
    assert panel["roster_adcode"].nunique() == 100
    country = frames.treatment_panel([2015], level="county", controls="all")
    treated = country[country["treated"]]
    assert sorted(panel["adcode"]) == sorted(treated["adcode"])


def test_units_at_county_level() -> None:
    panel = frames.treatment_panel([2015], level="county", units=["320506", 110108, "441900"])
    assert panel["treated"].tolist() == [True, False, False]
    assert [None if pd.isna(c) else c for c in panel["roster_adcode"]] == ["320500", None, None]


def test_a_unit_above_county_level_is_refused() -> None:
    with pytest.raises(skillrevival.ValidationError) as caught:
        frames.treatment_panel([2015], level="county", units=["320500", "320506", "110000"])
    assert [str(p) for p in caught.value.problems] == [
        "units[0]: 320500 is 苏州市, a prefecture-level city (地级市) that holds county-level "
        "units; at level 'county' give those units",
        "units[2]: 110000 is 北京市, a municipality (直辖市) that holds county-level units; "
        "at level 'county' give those units",
    ]


def test_the_command_line_writes_the_county_panel() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "skillrevival", "panel", "--years", "2015", "--level", "county",
         "--units", "320506,110108"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    read = pd.read_csv(StringIO(done.stdout), dtype=str)
    assert read[["adcode", "treated", "roster_adcode"]].fillna("").values.tolist() == [
        ["320506", "True", "320500"],
        ["110108", "False", ""],
    ]


@settings(max_examples=15, deadline=None)
@given(years=st.lists(st.integers(1995, 2025), min_size=1, max_size=4, unique=True))
def test_county_treatment_is_what_match_says_of_the_2015_record(years: list[int]) -> None:
    """Treated from 2015 exactly when the unit's 2015 record is or lies in a roster unit, and
    that unit is its roster_adcode; a unit of the county panel rolls up into a treated
    prefecture when it is treated."""
    panel = frames.treatment_panel(years, level="county", controls="all")
    roster_code = panel["roster_adcode"]
    assert (panel["treated"] == (roster_code.notna() & (panel["year"] >= 2015))).all()
    assert (panel["first_treated"].notna() == roster_code.notna()).all()
    roster = skillrevival.campaign().roster
    assert set(roster_code.dropna()) <= {city.adcode for city in roster.cities}
    in_2015 = frames.treatment_panel([2015], level="county", controls="all")
    stable = in_2015.set_index("adcode")["code_in_year"]
    sample = sorted(set(panel["adcode"]) & set(stable.index))[::50]
    report = roster.match([stable[code] for code in sample], year=2015)
    said = dict(zip(sample, report.matches, strict=True))
    for code, found in panel.drop_duplicates("adcode").set_index("adcode")["roster_adcode"].items():
        if code in said:
            city = said[code]
            assert (None if pd.isna(found) else found) == (None if city is None else city.adcode)


# --- flag's treated -------------------------------------------------------------------------------

ENTRIES = [
    "苏州", "吴中区", "昆山市", "上海", "江苏", "嘉定区", "宜春", "海淀区", "Suzhou", "长沙",
    "朝阳区", "Atlantis", "320583", 320506, None, "",
]  # fmt: skip


def test_flag_treated_by_hand() -> None:
    flags = frames.flag(["吴中区", "上海", "海淀区", "苏州", "Suzhou", None], year=2015)
    treated = [None if pd.isna(t) else bool(t) for t in flags["treated"]]
    # within 苏州; holds roster units but says not which; none; on it; 苏州 or 宿州; missing
    assert treated == [True, False, False, True, None, None]
    assert str(flags["treated"].dtype) == "boolean"
    adcodes = [None if pd.isna(a) else a for a in flags["adcode"]]
    assert adcodes == ["320500", None, None, "320500", None, None]
    implementing = [None if pd.isna(t) else bool(t) for t in flags["implementing"]]
    assert implementing == [False, False, False, True, None, None]


@settings(max_examples=40, deadline=None)
@given(
    entries=st.lists(st.sampled_from(ENTRIES), max_size=20),
    year=st.sampled_from([None, 2010, 2015, 2025]),
    level=st.sampled_from([None, "prefecture", "county"]),
)
def test_treated_is_implementing_or_within(
    entries: list[object], year: int | None, level: str | None
) -> None:
    flags = frames.flag(entries, year=year, level=level)  # type: ignore[arg-type]
    for status, treated, adcode in zip(
        flags["status"].astype(object),
        flags["treated"],
        flags["adcode"].astype(object),
        strict=True,
    ):
        if pd.isna(status) or status in ("ambiguous", "unknown"):
            assert pd.isna(treated)
        else:
            assert bool(treated) == (status in ("implementing", "within"))
            assert pd.notna(adcode) == bool(treated)
