"""frames.write and the command line's export/panel: each format read back by its own reader.

Every file is opened the way a user of that tool would (pandas.read_stata with its labels,
read_excel with the code columns as text, read_parquet) and compared with the DataFrame it was
written from. Labels and codes expected here are typed from the notice and GB/T 2260.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import skillrevival
from skillrevival import frames

ROOT = Path(__file__).resolve().parents[2]
CODES = ["adcode", "code_in_year", "province_code"]


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    # 2010-2012: no phase in any year, so `phase` is all missing (to_stata refuses that as is)
    return frames.treatment_panel(range(2010, 2013), level="prefecture")


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Values as Python objects, missing as None: what every reader must give back."""
    return frame.astype(object).where(frame.notna(), None).reset_index(drop=True)


def test_panel_round_trips_through_parquet(tmp_path: Path, panel: pd.DataFrame) -> None:
    frames.write(panel, tmp_path / "panel.parquet")
    back = pd.read_parquet(tmp_path / "panel.parquet")
    pd.testing.assert_frame_equal(back, panel)
    schema = pq.read_schema(tmp_path / "panel.parquet")
    assert schema.field("code_in_year").metadata[b"description"].decode() == (
        "Code in that year's list (当年代码)"
    )
    about = json.loads(schema.metadata[b"skillrevival"])
    assert about["tables"]["panel"]["rows"] == 91 * 3
    assert "人社部函〔2015〕67号" in about["notice"]
    assert {source["id"] for source in about["sources"]} >= {"notice", "gb2260-201504"}


def test_panel_round_trips_through_stata(tmp_path: Path, panel: pd.DataFrame) -> None:
    frames.write(panel, tmp_path / "panel.dta")
    with pd.io.stata.StataReader(tmp_path / "panel.dta") as reader:
        back = reader.read()
        labels = reader.variable_labels()
        title = reader.data_label
    assert list(back.columns) == list(panel.columns)
    for column in CODES:  # codes stay text: 110000, not 110000.0
        assert back[column].tolist() == panel[column].tolist()
    assert back["treated"].astype(bool).tolist() == panel["treated"].tolist()
    assert back["first_treated"].tolist() == [2015] * len(panel)
    assert back["event_time"].tolist() == panel["event_time"].astype(int).tolist()
    # Stata has one missing string, "": the all-missing phase of 2010-2012 is written so
    assert set(back["phase"]) == {""}
    assert labels["adcode"] == "Code of the unit (GB/T 2260) (行政区划代码)"
    assert labels["exposure_months"] == "Months of the year in the campaign (实施月数)"
    assert "Treatment panel" in title


def test_missing_numbers_in_stata_are_dot(tmp_path: Path) -> None:
    panel = frames.treatment_panel([2014, 2015, 2016], units=["320500", "320100"])
    frames.write(panel, tmp_path / "p.dta")
    back = pd.read_stata(tmp_path / "p.dta")
    by_unit = back.groupby("adcode")
    assert by_unit["first_treated"].first().isna().tolist() == [True, False]  # 320100, 320500
    assert back.loc[back["adcode"] == "320500", "phase"].tolist() == ["", "1,2", "2,3"]
    assert back.loc[back["adcode"] == "320100", "exposure_months"].tolist() == [0, 0, 0]
    assert back.loc[back["adcode"] == "320500", "exposure_months"].tolist() == [0, 10, 12]


def test_cities_in_stata_keep_value_labels_and_unicode(tmp_path: Path) -> None:
    cities = frames.cities()
    frames.write(cities, tmp_path / "cities.dta")
    with pd.io.stata.StataReader(tmp_path / "cities.dta") as reader:
        back = reader.read()
        value_labels = reader.value_labels()
    assert set(value_labels) == {"province", "level"}
    assert "municipal_district" in value_labels["level"].values()
    assert isinstance(back["level"].dtype, pd.CategoricalDtype)
    assert back["level"].astype(str).tolist() == cities["level"].astype(str).tolist()
    assert back["province"].astype(str).tolist()[:2] == ["北京", "北京"]
    assert back["name"].tolist()[-1] == "第一师阿拉尔市"
    # None in the frame, "" in Stata: 新疆兵团 has no province code
    assert back["province_code"].tolist()[-1] == ""
    assert back["adcode"].tolist() == cities["adcode"].tolist()


def test_excel_has_a_sheet_per_table_and_an_about_sheet(tmp_path: Path) -> None:
    cities, provinces = frames.cities(), frames.provinces()
    frames.write({"cities": cities, "provinces": provinces}, tmp_path / "roster.xlsx")
    sheets = pd.read_excel(tmp_path / "roster.xlsx", sheet_name=None, dtype=str)
    assert list(sheets) == ["cities", "provinces", "about"]
    text = ["adcode", "parent", "prefecture_code", "province_code", "name", "level"]
    back = pd.read_excel(
        tmp_path / "roster.xlsx", sheet_name="cities", dtype=dict.fromkeys(text, str)
    )
    assert back["adcode"].tolist()[:3] == ["110106", "110115", "110109"]
    assert plain(back[text]).equals(plain(cities[text].astype(object)))
    assert back["seq"].tolist() == cities["seq"].tolist()
    about = sheets["about"].fillna("").to_numpy().tolist()
    flat = [cell for row in about for cell in row]
    assert "人社部函〔2015〕67号 (2015-04-20), 第二批百城技能振兴专项活动" in flat
    assert "Quota of implementing cities (数量)" in flat
    assert "gb2260-201504" in flat
    assert any("MIT" in cell for cell in flat)


def test_excel_stores_codes_as_text(tmp_path: Path, panel: pd.DataFrame) -> None:
    from openpyxl import load_workbook

    frames.write(panel, tmp_path / "panel.xlsx")
    sheet = load_workbook(tmp_path / "panel.xlsx")["panel"]
    header = [cell.value for cell in sheet[1]]
    adcode = sheet.cell(row=2, column=header.index("adcode") + 1)
    year = sheet.cell(row=2, column=header.index("year") + 1)
    assert (adcode.value, adcode.data_type, adcode.number_format) == ("110000", "s", "@")
    assert (year.value, year.data_type) == (2010, "n")
    back = pd.read_excel(tmp_path / "panel.xlsx", dtype=dict.fromkeys(CODES, str))
    assert back[CODES].equals(panel[CODES].astype(object).astype(str))
    assert back["phase"].isna().all()


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_text_formats(tmp_path: Path, panel: pd.DataFrame, fmt: str) -> None:
    path = tmp_path / f"panel.{fmt}"
    frames.write(panel, path)
    if fmt == "csv":
        back = pd.read_csv(path, dtype=dict.fromkeys(CODES, str), keep_default_na=False)
        assert set(back["phase"]) == {""}  # missing: an empty cell
    else:
        records = (
            json.loads(path.read_text(encoding="utf-8"))
            if fmt == "json"
            else [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        )
        back = pd.DataFrame(records)
        assert back["phase"].tolist() == [None] * len(panel)  # missing: null
    assert back["adcode"].tolist() == panel["adcode"].tolist()
    assert back["year"].tolist() == panel["year"].tolist()


def test_one_missing_value_in_every_panel() -> None:
    early = frames.treatment_panel(range(2010, 2013))
    during = frames.treatment_panel(range(2014, 2018), units=["320500", "320100"])
    for panel in (early, during):
        assert str(panel["phase"].dtype) == "string"
        assert str(panel["first_treated"].dtype) == "Int64"
        assert panel["phase"].isna().sum() == (~panel["year"].isin([2015, 2016])).sum()
        missing = {type(value) for column in panel for value in panel[column] if pd.isna(value)}
        assert missing <= {type(pd.NA)}


def test_bad_format_and_too_many_tables(tmp_path: Path) -> None:
    with pytest.raises(skillrevival.ValidationError, match="cannot tell the format"):
        frames.write(frames.cities(), tmp_path / "cities.txt")
    with pytest.raises(skillrevival.ValidationError, match="format: expected one of csv"):
        frames.write(frames.cities(), tmp_path / "cities.txt", "sav")
    two = {"cities": frames.cities(), "provinces": frames.provinces()}
    with pytest.raises(skillrevival.ValidationError, match=r"a \.dta file holds one table, got 2"):
        frames.write(two, tmp_path / "x.dta")
    with pytest.raises(skillrevival.ValidationError, match="'about' is the file's own"):
        frames.write({"about": frames.cities()}, tmp_path / "x.xlsx")


@pytest.mark.parametrize(
    ("module", "suffix", "extra"),
    [("openpyxl", "xlsx", "excel"), ("pyarrow", "parquet", "parquet")],
)
def test_a_missing_extra_names_its_install_command(
    tmp_path: Path, module: str, suffix: str, extra: str
) -> None:
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from skillrevival import frames\n"
        f"frames.write(frames.cities(), {str(tmp_path / ('c.' + suffix))!r})"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    assert f"writing .{suffix} files needs {module}" in done.stderr
    assert f"pip install 'skillrevival[{extra}]'" in done.stderr


# --- the command line ---------------------------------------------------------------------------


def cli(*args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "skillrevival", *args], capture_output=True, text=True
    )
    assert done.returncode == code, done.stderr
    return done


@pytest.mark.parametrize("suffix", ["dta", "xlsx", "parquet", "csv"])
def test_panel_command_takes_the_format_from_the_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"panel.{suffix}"
    cli("panel", "--years", "2014-2016", "--level", "prefecture", "-o", str(path))
    expected = frames.treatment_panel([2014, 2015, 2016], level="prefecture")
    if suffix == "dta":
        back = pd.read_stata(path)
    elif suffix == "xlsx":
        back = pd.read_excel(path, dtype=dict.fromkeys(CODES, str))
    elif suffix == "parquet":
        back = pd.read_parquet(path)
    else:
        back = pd.read_csv(path, dtype=dict.fromkeys(CODES, str))
    assert len(back) == 91 * 3
    assert back["adcode"].tolist() == expected["adcode"].tolist()
    assert back["treated"].astype(bool).tolist() == expected["treated"].tolist()


def test_panel_command_years_and_units(tmp_path: Path) -> None:
    out = cli("panel", "--years", "2014,2016", "--units", "320500,320100").stdout
    rows = [line.split(",") for line in out.splitlines()]
    assert rows[0][:3] == ["adcode", "code_in_year", "year"]
    assert [row[:3] for row in rows[1:]] == [
        ["320500", "320500", "2014"],
        ["320500", "320500", "2016"],
        ["320100", "320100", "2014"],
        ["320100", "320100", "2016"],
    ]
    bad = cli("panel", "--years", "twenty", code=2)  # a command line it cannot understand
    assert "--years: expected 2010-2020 or 2013,2015, got 'twenty'" in bad.stderr
    assert "give -o FILE" in cli("panel", "--years", "2015", "--format", "dta", code=2).stderr


def test_export_command_writes_every_table_and_format(tmp_path: Path) -> None:
    cli("export", "cities", "provinces", "-o", str(tmp_path / "roster.xlsx"))
    sheets = pd.read_excel(tmp_path / "roster.xlsx", sheet_name=None, dtype={"adcode": str})
    assert [len(sheet) for sheet in sheets.values()][:2] == [100, 32]
    cli("export", "provinces", "-o", str(tmp_path / "provinces.dta"))
    assert pd.read_stata(tmp_path / "provinces.dta")["quota"].sum() == 100
    cli("export", "--format", "parquet", "-o", str(tmp_path / "cities.bin"))
    assert pd.read_parquet(tmp_path / "cities.bin")["adcode"].iloc[0] == "110106"
    provinces = json.loads(cli("export", "provinces", "--format", "json").stdout)
    assert [p["name"] for p in provinces[:2]] == ["北京", "天津"]
    assert "use xlsx" in cli("export", "cities", "provinces", code=2).stderr
    assert "no table 'towns'" in cli("export", "towns", code=2).stderr
