"""skillrevival.dask on a real dask.distributed LocalCluster of two worker processes."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster
from registry_rows import plain, registry

import skillrevival
import skillrevival.dask as sdask
from skillrevival import frames
from skillrevival._geo.geography import geography


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """One cluster for the module: two worker processes of one thread each."""
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module", autouse=True)
def no_threads_left() -> Iterator[None]:
    """After the module, stop the threads that Dask keeps for the life of a process (the local
    scheduler's pool, also started by the docs' example, and distributed's offload thread):
    other tests (test_fast's lone reader) need a process of one thread."""
    yield
    import dask.threaded
    import distributed.utils

    if dask.threaded.default_pool is not None:
        dask.threaded.default_pool.shutdown(wait=True)
        dask.threaded.default_pool = None
    distributed.utils._offload_executor.shutdown(wait=True)


def test_dask_gives_exactly_the_rows_of_pandas_years_per_row_included(client: Client) -> None:
    rows = registry(3000)
    table = dd.from_pandas(rows, npartitions=6)
    flags = sdask.flag(table.city, table.year, table.province)
    assert isinstance(flags, dd.DataFrame)
    assert list(flags.columns) == list(frames.FLAG_COLUMNS)
    got = flags.compute()
    expected = frames.flag(rows.city, rows.year, rows.province)
    assert list(got.index) == list(range(3000))
    assert plain(got) == plain(expected)
    assert str(got["implementing"].dtype) == "boolean"
    assert got["code"].dtype == pd.StringDtype("pyarrow")
    # the work was done by the worker processes, each of which built the geography once at most
    # (the function sent is made of importable parts: the test module is not importable there)
    builds = client.run(functools.partial(getattr, geography, "builds"))
    assert len(builds) == 2
    assert 1 in builds.values()
    assert set(builds.values()) <= {0, 1}


def test_dask_with_one_year_and_no_province(client: Client) -> None:
    rows = registry(2000, seed=7)
    table = dd.from_pandas(rows, npartitions=4)
    got = sdask.flag(table.city, 2015).compute()
    assert plain(got) == plain(frames.flag(rows.city, 2015))


def test_the_meta_declares_the_columns_without_computing() -> None:
    table = dd.from_pandas(registry(100), npartitions=2)
    flags = sdask.flag(table.city)
    text = pd.StringDtype("pyarrow")
    assert dict(flags.dtypes) == {
        "code": text,
        "name": text,
        "level": text,
        "implementing": "boolean",
        "adcode": text,
        "status": text,
        "treated": "boolean",
    }


def test_dask_passes_the_level_on(client: Client) -> None:
    rows = registry(2000, seed=11)
    table = dd.from_pandas(rows, npartitions=4)
    got = sdask.flag(table.city, 2015, level="prefecture").compute()
    expected = frames.flag(rows.city, 2015, level="prefecture")
    assert plain(got) == plain(expected)
    # 长沙 is read as the prefecture-level 长沙市 430100, not 长沙县 (ambiguous without level)
    changsha = got[rows.city == "长沙"]
    assert len(changsha) > 0
    assert set(changsha["code"]) == {"430100"}


def test_a_csv_in_blocks_to_parquet(client: Client, tmp_path: Path) -> None:
    """The docs' example: a CSV read in blocks, flagged, written to Parquet, never whole."""
    rows = registry(3000, seed=3)
    rows.to_csv(tmp_path / "registry.csv", index=False)
    table = dd.read_csv(
        tmp_path / "registry.csv",
        blocksize="16KB",
        dtype={"city": "string", "province": "string", "year": "Int64"},
        keep_default_na=False,
        na_values=[""],
    )
    assert table.npartitions > 2
    flags = sdask.flag(table.city, table.year, table.province)
    table.assign(**{name: flags[name] for name in flags.columns}).to_parquet(tmp_path / "out")
    back = pd.read_parquet(tmp_path / "out")
    expected = frames.flag(rows.city.replace("", None), rows.year, rows.province.replace("", None))
    assert len(back) == 3000
    assert plain(back.reset_index(drop=True)) == plain(expected)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda t: sdask.flag(t.city.compute()), "column: expected a dask Series, got Series"),
        (lambda t: sdask.flag(t.city, 1979), "year: expected a year from 1980 to 2025"),
        (lambda t: sdask.flag(t.city, provinces=["江苏"]), "provinces: expected a dask Series"),
        (lambda t: sdask.flag(t.city, level="city"), "level: expected None or one of 'province'"),
    ],
)
def test_bad_arguments_fail_before_any_work(call: object, message: str) -> None:
    table = dd.from_pandas(registry(10), npartitions=1)
    with pytest.raises(skillrevival.ValidationError, match=message):
        call(table)  # type: ignore[operator]
