"""frames.flag over every core (``workers``), with a year per row, and over a polars Series.

``registry`` builds the few thousand rows that the Dask and Spark tests flag too, so that every
engine is held to the frame pandas gives in one process.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from registry_rows import NAMES, YEARS, plain, registry

import skillrevival
from skillrevival import frames


def rows_of(flags: pd.DataFrame, *columns: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in flags[list(columns)].astype(object).itertuples(index=False)]


# --- a year per row ----------------------------------------------------------------------------


def test_a_year_per_row_reads_each_name_in_its_own_year() -> None:
    flags = frames.flag(
        ["儋州", "儋州", "莱芜", "莱芜", "百色", "百色", "苏州"],
        year=[2014, 2015, 2017, 2019, 2001, 2002, None],
    )
    assert plain(flags) == [
        # a county-level city under 海南 until 2014, prefecture-level from 2015
        ("469003", "儋州市", "county_city", False, None, "not_implementing", False),
        ("460400", "儋州市", "prefecture_city", False, None, "not_implementing", False),
        # 莱芜市 until 2018, then 济南's district 莱芜区
        ("371200", "莱芜市", "prefecture_city", False, None, "not_implementing", False),
        ("370116", "莱芜区", "district", False, None, "not_implementing", False),
        # 2001: 百色地区 and the county-level 百色市 both answer; 2002: 百色市, on the roster
        (None, None, None, None, None, "ambiguous", None),
        ("451000", "百色市", "prefecture_city", True, "451000", "implementing", True),
        # a missing year: any year's list, the newest record
        ("320500", "苏州市", "prefecture_city", True, "320500", "implementing", True),
    ]


def test_a_year_column_may_be_floats_with_gaps_and_keeps_the_names_index() -> None:
    names = pd.Series(["Suzhou", "Suzhou", "Taizhou"], index=[10, 20, 30])
    years = pd.Series([2015.0, float("nan"), 2016.0], index=["x", "y", "z"])  # by position
    flags = frames.flag(names, year=years, provinces=["江苏", "安徽", "浙江"])
    assert list(flags.index) == [10, 20, 30]
    assert rows_of(flags, "code", "status") == [
        ("320500", "implementing"),
        ("341300", "not_implementing"),
        ("331000", "implementing"),  # 台州 is on the roster
    ]


def test_a_year_per_row_matches_each_distinct_name_and_year_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    roster_type = type(skillrevival.campaign().roster)
    seen: list[tuple[object, list[object]]] = []
    real = roster_type.match

    def spy(self: object, names: list[object], **kwargs: object) -> object:
        seen.append((kwargs["year"], sorted(map(str, names))))
        return real(self, names, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(roster_type, "match", spy)
    flags = frames.flag(["儋州", "苏州", "儋州", None] * 500, year=[2014, 2014, 2015, 2015] * 500)
    assert sorted(seen, key=str) == [(2014, ["儋州", "苏州"]), (2015, ["儋州"])]
    assert flags["code"].value_counts().to_dict() == {"469003": 500, "320500": 500, "460400": 500}


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ([2015, 1979, 2015, "2015"], "year[1]: expected a year from 1980 to 2025"),
        ([2015, 1979, 2015, "2015"], "year[3]: expected a year from 1980 to 2025"),
        ([2015, 2015.5, None, None], "year[1]: expected a year from 1980 to 2025"),
        ([2015, 2016], "year: must line up with the names: 2 entries for 4"),
        ("2015", "year: expected a year from 1980 to 2025 (each year's list), got '2015'"),
        (2015.0, "year: expected a year from 1980 to 2025 (each year's list), got 2015.0"),
    ],
)
def test_a_bad_year_names_the_first_row_that_holds_it(year: object, message: str) -> None:
    with pytest.raises(skillrevival.ValidationError) as caught:
        frames.flag(["苏州", "苏州", "无锡", "无锡"], year=year)  # type: ignore[arg-type]
    assert message in str(caught.value)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(YEARS)), min_size=1, max_size=12))
def test_a_row_with_its_year_is_flagged_as_that_name_alone_in_that_year(
    entries: list[tuple[object, int | None]],
) -> None:
    flags = frames.flag([name for name, _ in entries], year=[year for _, year in entries])
    for row, (name, year) in zip(plain(flags), entries, strict=True):
        assert row == plain(frames.flag([name], year=year))[0]


# --- workers -----------------------------------------------------------------------------------


def test_workers_give_exactly_the_frame_of_one_process() -> None:
    rows = registry(4000)
    rows["city"] = [f"{name}{i % 7 or ''}" if name else name for i, name in enumerate(rows.city)]
    alone = frames.flag(rows.city, rows.year, rows.province)
    spread = frames.flag(rows.city, rows.year, rows.province, workers=2)
    pd.testing.assert_frame_equal(spread, alone)
    assert spread.attrs == alone.attrs
    # not a frame of misses: every kind of answer is there
    assert set(spread["status"].dropna()) == {
        "implementing", "within", "contains", "not_implementing", "ambiguous", "unknown"
    }  # fmt: skip


def test_each_worker_builds_the_geography_once() -> None:
    names = [f"{name}{i}" for i in range(40) for name in ("苏州", "宿州")]
    queries = frames._Queries(names, None, [2015] * len(names))
    answers = frames._in_workers(queries, 2)
    assert len(answers) == 8  # four chunks a worker
    pids = {pid for pid, _, _ in answers}
    assert 1 <= len(pids) <= 2
    assert [builds for _, builds, _ in answers] == [1] * 8
    assert [answer for _, _, part in answers for answer in part] == queries.answer()


@pytest.mark.parametrize("workers", [0, -1, 1.5, "2", True])
def test_workers_must_be_a_whole_number_from_one(workers: object) -> None:
    with pytest.raises(skillrevival.ValidationError, match="workers: expected a whole number"):
        frames.flag(["苏州"], workers=workers)  # type: ignore[arg-type]


def test_one_worker_or_one_value_stays_in_this_process() -> None:
    # No pool is started: the spy would not be seen by a spawned worker.
    for workers, names in ((1, ["苏州", "无锡"]), (4, ["苏州", "苏州"])):
        flags = frames.flag(names, workers=workers)
        assert flags["status"].tolist() == ["implementing", "implementing"][: len(names)]


# --- polars ------------------------------------------------------------------------------------


def test_a_polars_series_gives_the_columns_and_rows_of_pandas() -> None:
    rows = registry(500)
    expected = frames.flag(rows.city, rows.year, rows.province)
    got = frames.flag(
        pl.Series("city", rows.city.tolist(), dtype=pl.String),
        pl.Series("year", rows.year.astype(object).where(rows.year.notna(), None).tolist()),
        pl.Series("province", rows.province.tolist(), dtype=pl.String),
    )
    assert list(got.columns) == list(frames.FLAG_COLUMNS)
    assert list(got.index) == list(range(500))
    assert plain(got) == plain(expected)


def test_a_polars_series_of_codes_and_gaps() -> None:
    flags = frames.flag(pl.Series([320500, None, 341300]), year=2015)
    assert [row[::5] for row in plain(flags)] == [
        ("320500", "implementing"),
        (None, None),
        ("341300", "not_implementing"),
    ]


# --- the engines are extras --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("face", "hidden", "extra"),
    [("dask", "dask", "dask"), ("spark", "pyspark", "spark")],
)
def test_a_missing_engine_names_its_install_command(face: str, hidden: str, extra: str) -> None:
    code = f"import sys; sys.modules[{hidden!r}] = None\nimport skillrevival.{face}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 1
    assert f"ImportError: skillrevival.{face} needs {hidden}" in done.stderr
    assert f"pip install 'skillrevival[{extra}]'" in done.stderr


def test_no_engine_is_imported_by_the_package_or_frames() -> None:
    code = (
        "import sys, skillrevival, skillrevival.frames\n"
        "skillrevival.frames.flag(['苏州'], year=[2015])\n"
        "print(sorted({'dask', 'pyspark', 'polars', 'distributed'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr
