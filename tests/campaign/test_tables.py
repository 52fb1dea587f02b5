"""The one registry of columns (_campaign.tables): frames, the files, the CLI and the docs.

The labels expected here are typed by hand: the English as the files have always written it, the
Chinese as the notice's 附件2 heads its columns (序号, 地区, 数量, 实施城市) and the docs' tables
head theirs.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillrevival import Campaign, _files, frames
from skillrevival._campaign import tables as _tables

DOCS = Path(__file__).resolve().parents[2] / "docs"
HAN = re.compile(r"[\u3400-\u9fff]")


def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks_columns", DOCS / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def docs_headings(table: str) -> dict[str, str]:
    """The Chinese heading of each column of the docs' roster table: ``标签<br>`field```."""
    module = hooks()
    text = module.provinces_table("zh") if table == "provinces" else module.cities_table("zh")
    header = next(line for line in text.splitlines() if line.startswith("| "))
    found = re.findall(r"([^|]+?)<br>`([a-z_]+)`", header)
    return {field: label.strip() for label, field in found}


# --- the registry itself --------------------------------------------------------------------------


def test_the_pinned_column_names() -> None:
    """The public contract, typed from the docs: a change here breaks every user's script."""
    assert frames.PANEL_COLUMNS == (
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
        "roster_adcode",  # added with the county-level panel, after the ten pinned before it
    )
    assert frames.FLAG_COLUMNS == (
        "code",
        "name",
        "level",
        "implementing",
        "adcode",
        "status",
        "treated",  # added with within and contains, after the six pinned before it
    )
    assert _tables.CITIES.names == (
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
    )
    assert _tables.PROVINCES.names == (
        "seq",
        "name",
        "official_name",
        "name_en",
        "code",
        "adcode",
        "within",
        "quota",
        "source",
    )
    assert list(_tables.TABLES) == ["cities", "provinces", "panel", "flags"]


@pytest.mark.parametrize("table", list(_tables.TABLES.values()), ids=list(_tables.TABLES))
def test_every_column_has_both_labels(table: _tables.Table) -> None:
    assert len(set(table.names)) == len(table.names), "a column named twice"
    for column in table.columns:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", column.name), column.name
        assert re.search(r"[A-Za-z]", column.en), f"{column.name}: no English label"
        assert column.en == column.en.strip(), column.name
        assert HAN.search(column.zh), f"{column.name}: no Chinese label"
        assert not re.search(r"[A-Za-z]", column.zh), f"{column.name}: English in {column.zh!r}"
        assert column.label == f"{column.en} ({column.zh})"
        assert len(column.label) <= 80, f"{column.name}: longer than a Stata label"


def test_the_roster_tables_have_a_getter_per_column_and_the_computed_ones_none() -> None:
    for name in _tables.ROSTER_TABLES:
        assert all(column.get is not None for column in _tables.TABLES[name].columns), name
    for name in ("panel", "flags"):
        assert all(column.get is None for column in _tables.TABLES[name].columns), name


def test_the_four_labels_that_disagreed_are_the_docs() -> None:
    """省份/行政级别/上级代码/名称 in the files; 地区/单位类型/上级单位代码/实施城市 in the docs."""
    labels = {c.name: c.zh for c in _tables.CITIES.columns}
    assert labels["province"] == "地区"
    assert labels["level"] == "单位类型"
    assert labels["parent"] == "上级单位代码"
    assert labels["name"] == "实施城市"
    province = _tables.PROVINCES.column("name")
    assert province is not None
    assert (province.en, province.zh) == ("Province as printed in 附件2", "地区")


def test_a_column_of_one_table_is_labelled_as_that_table_says() -> None:
    """The same name holds different things in different tables: each is labelled as it is."""
    assert _files.label("seq", "cities") == "Position in its row of 附件2 (序号)"
    assert _files.label("seq", "provinces") == "Row of the province in 附件2 (序号)"
    assert _files.label("code", "provinces") == "Province code, 2 digits (省级代码)"
    assert _files.label("code", "flags") == (
        "Code of the place named, in the year's list (行政区划代码)"
    )
    assert _files.label("name", "flags") == "Official name of the place named (规范名称)"


def test_a_column_no_table_holds_and_the_frames_own_labels() -> None:
    # a frame of no known table, or a column a join brought: the first table that has it
    assert _files.label("quota") == "Quota of implementing cities (数量)"
    assert _files.label("quota", "cities") == "Quota of implementing cities (数量)"
    assert _files.label("seq", "my_table") == "Position in its row of 附件2 (序号)"
    assert _files.label("gdp", "panel") == "gdp"
    assert _files.label("gdp", "panel", {"gdp": ("GDP, yuan", "地区生产总值")}) == (
        "GDP, yuan (地区生产总值)"
    )
    assert _files.label("gdp", None, {"gdp": ("GDP, yuan", "")}) == "GDP, yuan"


NAMES = {column.name for table in _tables.TABLES.values() for column in table.columns}


@given(name=st.text(max_size=20), table=st.sampled_from([*_tables.TABLES, None, "mine"]))
def test_any_column_gets_the_registrys_label_or_its_own_name(name: str, table: str | None) -> None:
    found = _tables.column(name, table)
    if name in NAMES:
        assert found is not None
        assert found.name == name
        if table in _tables.TABLES and name in _tables.TABLES[table].names:
            assert found in _tables.TABLES[table].columns
        assert _files.label(name, table) == found.label
    else:
        assert found is None
        assert _files.label(name, table) == name


# --- the files and the docs agree -----------------------------------------------------------------


@pytest.mark.parametrize("table", ["cities", "provinces"])
def test_the_stata_labels_are_the_docs_headings(tmp_path: Path, table: str) -> None:
    frame = frames.cities() if table == "cities" else frames.provinces()
    frames.write(frame, tmp_path / f"{table}.dta")
    with pd.io.stata.StataReader(tmp_path / f"{table}.dta") as reader:
        labels = reader.variable_labels()
    chinese = {name: label.rsplit(" (", 1)[1].removesuffix(")") for name, label in labels.items()}
    headings = docs_headings(table)
    shared = set(headings) & set(chinese)
    # every column the docs' table shows, by hand: the fields of City / Province that are columns
    fields = {
        "cities": "seq name province adcode official_name level parent name_en source",
        "provinces": "seq name quota code official_name name_en within source",
    }
    expected = set(fields[table].split())
    assert shared == expected
    for name in shared:
        assert chinese[name] == headings[name], name
    if table == "cities":
        assert labels["province"] == "Province as printed in 附件2 (地区)"
        assert labels["level"] == "Kind of administrative unit (单位类型)"
        assert labels["parent"] == "Code of the unit that holds it (上级单位代码)"
        assert labels["name"] == "Name as printed in the notice (实施城市)"
        assert headings["name"] == "实施城市"
        assert headings["level"] == "单位类型"
    else:
        assert labels["name"] == "Province as printed in 附件2 (地区)"
        assert labels["quota"] == "Quota of implementing cities (数量)"
        assert headings["name"] == "地区"
        assert headings["quota"] == "数量"


def test_the_excel_about_sheet_is_the_docs_labels(tmp_path: Path) -> None:
    frames.write({"cities": frames.cities(), "provinces": frames.provinces()}, tmp_path / "r.xlsx")
    about = pd.read_excel(tmp_path / "r.xlsx", sheet_name="about", header=None, dtype=str)
    rows = about.fillna("").to_numpy().tolist()
    start = rows.index(["Table", "Column", "Description", ""])
    described = {(r[0], r[1]): r[2] for r in rows[start + 1 :] if r[0] in ("cities", "provinces")}
    assert len(described) == 14 + 9
    for table in ("cities", "provinces"):
        headings = docs_headings(table)
        for field, heading in headings.items():
            if (table, field) in described:
                assert described[(table, field)].endswith(f" ({heading})"), (table, field)
    assert described[("cities", "province")] == "Province as printed in 附件2 (地区)"
    assert described[("provinces", "seq")] == "Row of the province in 附件2 (序号)"


def test_the_flags_and_the_panel_are_labelled_in_every_file(tmp_path: Path) -> None:
    flags = frames.flag(["苏州", "Wuxi", None])
    frames.write(flags, tmp_path / "flags.parquet")
    schema = pq.read_schema(tmp_path / "flags.parquet")
    described = {f.name: f.metadata[b"description"].decode() for f in schema}
    assert described["code"] == "Code of the place named, in the year's list (行政区划代码)"
    assert described["implementing"] == "Is itself an implementing unit (是否为实施单位)"
    assert described["status"] == "Match status (MatchStatus) (匹配结果)"
    panel = frames.treatment_panel([2015])
    frames.write(panel, tmp_path / "panel.dta")
    with pd.io.stata.StataReader(tmp_path / "panel.dta") as reader:
        labels = reader.variable_labels()
    assert labels["treated"] == "Implementing unit, year >= 2015 (实施城市且已实施)"
    assert labels["unit_id"] == "Numeric id of the unit (for xtset) (单位编号)"
    assert list(labels) == list(frames.PANEL_COLUMNS)


def test_the_command_line_exports_the_registrys_tables() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "skillrevival", *args], capture_output=True, text=True
        )

    done = run("export", "counties")
    assert done.returncode == 2
    assert "no table 'counties'; choose from cities, provinces" in done.stderr
    help_text = run("export", "--help").stdout
    assert "cities (default), provinces" in help_text
    header = run("export", "provinces").stdout.splitlines()[0]
    assert header == "seq,name,official_name,name_en,code,adcode,within,quota,source"


@pytest.mark.parametrize(
    ("page", "table"),
    [
        ("how-to/pandas.md", "cities"),
        ("how-to/pandas.zh.md", "cities"),
        ("how-to/treatment-panel.md", "panel"),
        ("how-to/treatment-panel.zh.md", "panel"),
    ],
)
def test_the_hand_written_column_tables_list_the_registrys_columns(page: str, table: str) -> None:
    """The how-to pages describe each column in words; their rows are the registry's, in order."""
    text = (DOCS / page).read_text(encoding="utf-8")
    first = _tables.TABLES[table].names[0]
    start = text.index(f"| `{first}` |")
    rows = re.findall(r"^\| `([a-z_]+)` \|", text[start:].split("\n\n")[0], re.M)
    assert tuple(rows) == _tables.TABLES[table].names


def test_city_rows_of_one_province_are_its_cities_alone(campaign: Campaign) -> None:
    jiangxi = campaign.roster.province("江西")
    rows = list(_tables.city_rows(campaign, jiangxi))
    assert [row["name"] for row in rows] == [city.name for city in jiangxi.cities]
    assert {row["province"] for row in rows} == {"江西"}
