"""Flag a dask Series partition by partition (optional extra ``skillrevival[dask]``).

:func:`flag` is :func:`skillrevival.frames.flag` for a column too large for one process's
memory: each partition is flagged where it lies (a worker of a ``dask.distributed`` cluster, or
a thread or process of the local scheduler), and each worker process builds the geography once,
the first time it flags a partition, and keeps it; nothing but the partitions travels.
"""

from __future__ import annotations

from typing import Any, Literal

try:
    import dask.dataframe as dd
    import pandas as pd
except ImportError:  # pragma: no cover - tested in a subprocess that hides dask
    raise ImportError(
        "skillrevival.dask needs dask: install it with pip install 'skillrevival[dask]'"
    ) from None

from . import frames
from ._campaign.join import check_level
from ._campaign.tables import FLAGS
from ._errors import ValidationError
from ._geo.geography import geography
from ._geo.names import check_year

__all__ = ["flag"]


def flag(
    column: dd.Series,
    year: int | dd.Series | None = None,
    provinces: dd.Series | None = None,
    level: Literal["province", "prefecture", "county"] | None = None,
) -> dd.DataFrame:
    """Flag a dask Series of place names or codes: :func:`skillrevival.frames.flag`, lazily.

    Returns a dask DataFrame with the index of ``column`` and the columns of
    :data:`~skillrevival.frames.FLAG_COLUMNS` (its ``meta`` declares them): ``implementing``
    and ``treated`` are ``boolean`` and the others are pyarrow strings, not the Categoricals
    of ``frames.flag``, since each partition would have categories of its own, which Parquet
    files written block by block cannot hold in one schema. ``year`` is one year, or a dask
    Series aligned with ``column`` (a year per row, as from the same frame:
    ``flag(df.city, df.year)``); ``provinces`` a dask Series aligned with it; ``level`` the
    tier the column names (``"province"``, ``"prefecture"``, ``"county"``). Each partition's
    distinct values are matched once; nothing is computed until asked (``.compute()``,
    ``.to_parquet(...)``).
    """
    _check(column, "column", required=True)
    if not (year is None or isinstance(year, dd.Series)):
        year = check_year(geography(), year)  # a bad year fails here, not later
    _check(provinces, "provinces", required=False)
    tier = check_level(level)
    meta = _meta(column)
    flags: dd.DataFrame = dd.map_partitions(  # type: ignore[no-untyped-call]
        _flag_partition, column, year, provinces, tier, meta=meta
    )
    return flags


TEXT = pd.StringDtype("pyarrow")


BOOLEAN = ("implementing", "treated")
"""The flag columns that are ``boolean``; the others are text."""


def _flag_partition(
    names: pd.Series,
    year: int | pd.Series | None,
    provinces: pd.Series | None,
    level: Literal["province", "prefecture", "county"] | None,
) -> pd.DataFrame:
    flags = frames.flag(names, year=year, provinces=provinces, level=level)
    return flags.astype({name: TEXT for name in FLAGS.names if name not in BOOLEAN})


def _check(value: object, path: str, *, required: bool) -> None:
    if (value is None and not required) or isinstance(value, dd.Series):
        return
    message = f"expected a dask Series, got {type(value).__name__}"
    raise ValidationError.single(path, message)


def _meta(column: dd.Series) -> pd.DataFrame:
    """The columns of :func:`skillrevival.frames.flag`, empty, with the column's index."""
    dtypes: dict[str, Any] = dict.fromkeys(FLAGS.names, TEXT)
    dtypes.update(dict.fromkeys(BOOLEAN, "boolean"))
    index = column._meta.index
    return pd.DataFrame(
        {name: pd.Series([], dtype=dtype, index=index) for name, dtype in dtypes.items()},
        index=index,
    )
