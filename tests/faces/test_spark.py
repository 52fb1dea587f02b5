"""skillrevival.spark on a real local SparkSession (``local[2]``).

Spark runs on Java (17 or newer: Debian's ``default-jre-headless``, which ``make system-deps``
and .ci/run install). Without Java these tests are skipped, with the reason in pytest's
summary; under CI (``CI`` set) a missing Java fails them instead, so that CI cannot pass
without running them. SKILLREVIVAL_JAVA names another binary (or none, to see the skip).
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from registry_rows import plain, registry

import skillrevival
from skillrevival import frames

JAVA = os.environ.get("SKILLREVIVAL_JAVA", "java")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One session for the module: two cores, no web UI, Python workers from this venv."""
    if shutil.which(JAVA) is None:
        message = (
            f"Spark tests not run: no Java ({JAVA!r} not on PATH); install Debian's "
            "default-jre-headless (sudo make system-deps)"
        )
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run them)")
        pytest.skip(message)
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors' Python: this one
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("skillrevival-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    # Stop the JVM too, and with it py4j's thread: other tests need a process of one thread.
    from pyspark import SparkContext

    gateway = session.sparkContext._gateway
    session.stop()
    gateway.shutdown()
    SparkContext._gateway = None
    SparkContext._jvm = None
    for thread in threading.enumerate():  # py4j's finalizer ends within its second of sleep
        if type(thread).__module__.startswith("py4j"):
            thread.join(timeout=10)


SCHEMA = "row long, city string, province string, year long"


def _records(rows: pd.DataFrame) -> list[tuple[object, ...]]:
    return [
        (row, city, province, None if pd.isna(year) else int(year))
        for row, (city, province, year) in enumerate(rows.itertuples(index=False))
    ]


def test_spark_gives_exactly_the_rows_of_pandas_years_per_row_included(spark: Any) -> None:
    rows = registry(3000)
    table = spark.createDataFrame(_records(rows), SCHEMA).repartition(3)
    from skillrevival.spark import flag

    flagged = flag(table, "city", year="year", provinces="province")
    assert flagged.columns == ["row", "city", "province", "year", *frames.FLAG_COLUMNS]
    got = flagged.toPandas().sort_values("row").reset_index(drop=True)
    expected = frames.flag(rows.city, rows.year, rows.province)
    assert got["row"].tolist() == list(range(3000))
    assert plain(got) == plain(expected)
    kept = [None if pd.isna(city) else city for city in got["city"]]
    assert kept == rows.city.tolist()  # the columns of df are kept


def test_spark_with_one_year(spark: Any) -> None:
    from skillrevival.spark import flag

    rows = registry(1000, seed=5)
    table = spark.createDataFrame(_records(rows), SCHEMA).coalesce(1)
    got = flag(table, "city", year=2015).toPandas().sort_values("row").reset_index(drop=True)
    assert plain(got) == plain(frames.flag(rows.city, 2015))
    types = dict(flag(table, "city").dtypes)
    assert (types["code"], types["implementing"], types["treated"]) == (
        "string",
        "boolean",
        "boolean",
    )


def test_spark_passes_the_level_on(spark: Any) -> None:
    from skillrevival.spark import flag

    rows = registry(1000, seed=9)
    table = spark.createDataFrame(_records(rows), SCHEMA).coalesce(1)
    got = flag(table, "city", year=2015, level="prefecture").toPandas()
    got = got.sort_values("row").reset_index(drop=True)
    assert plain(got) == plain(frames.flag(rows.city, 2015, level="prefecture"))
    # 长沙 is read as the prefecture-level 长沙市 430100, not 长沙县 (ambiguous without level)
    assert set(got.loc[got["city"] == "长沙", "code"]) == {"430100"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"column": "town"}, "column: expected the name of a column of the DataFrame"),
        ({"column": "city", "year": "yr"}, "year: expected the name of a column"),
        ({"column": "city", "provinces": "prov"}, "provinces: expected the name of a column"),
        ({"column": "city", "year": 1979}, "year: expected a year from 1980 to 2025"),
        ({"column": "city", "level": "city"}, "level: expected None or one of 'province'"),
    ],
)
def test_bad_arguments_fail_before_any_work(
    spark: Any, kwargs: dict[str, Any], message: str
) -> None:
    from skillrevival.spark import flag

    table = spark.createDataFrame(_records(registry(5)), SCHEMA)
    with pytest.raises(skillrevival.ValidationError, match=message):
        flag(table, **kwargs)


def test_a_frame_that_already_has_a_flag_column_is_refused(spark: Any) -> None:
    from skillrevival.spark import flag

    table = spark.createDataFrame([("苏州", "x")], "city string, status string")
    with pytest.raises(skillrevival.ValidationError, match="status: the DataFrame already has"):
        flag(table, "city")
