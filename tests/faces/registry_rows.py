"""The rows that every engine's tests flag (pandas, workers, Dask, Spark), and how to compare
the frames they give: shared by ``test_frames_engines``, ``test_dask`` and ``test_spark``
(tests/faces/conftest.py puts this folder on ``sys.path``)."""

from __future__ import annotations

import random

import pandas as pd

from skillrevival import frames

# Entries as a registry holds them: names, short names, pinyin, codes as text, misprints,
# shared names, names of one year only, places inside or around roster units (吴中区 and 昆山市
# in 苏州; 上海), a name shared across tiers (长沙: a city and a county), blanks and junk.
NAMES = [
    "苏州", "苏州市", "Suzhou", "宿州市", "Taizhou", "鹰谭", "北京", "320500", "542300",
    "儋州", "莱芜", "百色", "吴中区", "昆山市", "上海", "长沙", "nowhere", "", None,
]  # fmt: skip
PROVINCES = ["江苏", "安徽", "浙江", "山东", None]
YEARS = [2001, 2002, 2014, 2015, 2017, 2019, None]


def registry(rows: int = 3000, seed: int = 20) -> pd.DataFrame:
    """A firm registry's columns: ``city`` (text), ``province`` (text) and ``year`` (Int64)."""
    pick = random.Random(seed).choice
    return pd.DataFrame(
        {
            "city": pd.Series([pick(NAMES) for _ in range(rows)], dtype=object),
            "province": pd.Series([pick(PROVINCES) for _ in range(rows)], dtype=object),
            "year": pd.array([pick(YEARS) for _ in range(rows)], dtype="Int64"),
        }
    )


def plain(flags: pd.DataFrame) -> list[tuple[object, ...]]:
    """The rows of a flag frame as tuples of str, bool and None, whatever the engine's dtypes."""
    return [
        tuple(None if pd.isna(value) else value for value in row)
        for row in flags[list(frames.FLAG_COLUMNS)].astype(object).itertuples(index=False)
    ]
