"""Flag a dask Series (optional extra ``skillrevival[dask]``).

:func:`flag` is :func:`skillrevival.frames.flag` for a column too large for one process's
memory, done as ``frames.flag`` does it, distinct values first: the column's distinct entries
(with their year and province) are gathered, matched once each, spread over the workers (a
worker of a ``dask.distributed`` cluster, or a thread or process of the local scheduler), and
their answers joined back to every partition's rows. Each worker process builds the geography
once, the first time it matches, and keeps it; only entries and answers travel.
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
    tier the column names (``"province"``, ``"prefecture"``, ``"county"``).

    Two passes over the column, as for ``set_index``: here, the column's distinct entries are
    gathered and each is matched once, spread over the workers, and their answers kept there
    (``persist``); the rows are flagged when asked (``.compute()``, ``.to_parquet(...)``), each
    partition joined with those answers where it lies. No pass holds more than a few partitions
    and the answers in a worker's memory.
    """
    _check(column, "column", required=True)
    if not (year is None or isinstance(year, dd.Series)):
        year = check_year(geography(), year)  # a bad year fails here, not later
    _check(provinces, "provinces", required=False)
    tier = check_level(level)
    meta = _meta(column)
    one_year = None if isinstance(year, dd.Series) else year
    empty = _keys(
        column._meta,
        year._meta if isinstance(year, dd.Series) else None,
        None if provinces is None else provinces._meta,
    )
    keys: dd.DataFrame = dd.map_partitions(  # type: ignore[no-untyped-call]
        _keys, column, year if isinstance(year, dd.Series) else None, provinces, meta=empty
    )
    # Each distinct entry once, matched where it lies; the answers, gathered in one partition
    # and kept on the cluster, go to every worker once and are joined to each partition's rows
    # there. Computed now: left lazy, each partition of the column would wait in memory for
    # the answers of every other.
    distinct = keys.drop_duplicates(split_out=max(1, min(keys.npartitions, 8)))
    answers = distinct.map_partitions(_answer, one_year, tier, meta=_answer(empty, one_year, tier))
    # Passed as one delayed object, not as a collection: the flags stay aligned partition by
    # partition with the column (``table.assign(**flags)`` joins them without a shuffle).
    (gathered,) = answers.repartition(npartitions=1).persist().to_delayed()
    flags: dd.DataFrame = dd.map_partitions(  # type: ignore[no-untyped-call]
        _joined, keys, gathered, meta=meta
    )
    return flags


TEXT = pd.StringDtype("pyarrow")


BOOLEAN = ("implementing", "treated")
"""The flag columns that are ``boolean``; the others are text."""
TEXTS = tuple(name for name in FLAGS.names if name not in BOOLEAN)


# The columns of an entry: its text, and its year and province when given per row.
NAME, YEAR, PROVINCE = "_entry", "_year", "_province"  # none of the flag columns


def _keys(names: pd.Series, year: pd.Series | None, provinces: pd.Series | None) -> pd.DataFrame:
    """A partition's entries: text, and year and province where they vary by row (as the
    column holds them: pyarrow strings stay compact)."""
    columns = {NAME: names.array}
    if year is not None:
        columns[YEAR] = year.array
    if provinces is not None:
        columns[PROVINCE] = provinces.array
    return pd.DataFrame(columns, index=names.index)


def _answer(
    entries: pd.DataFrame,
    year: int | None,
    level: Literal["province", "prefecture", "county"] | None,
) -> pd.DataFrame:
    """The distinct ``entries`` with their flags, from this process's geography."""
    flags = frames.flag(
        entries[NAME],
        year=entries.get(YEAR, year),
        provinces=entries.get(PROVINCE, None),
        level=level,
    )
    return pd.concat([entries, flags.astype(dict.fromkeys(TEXTS, TEXT))], axis=1)


def _joined(entries: pd.DataFrame, answers: pd.DataFrame) -> pd.DataFrame:
    """Each of a partition's entries with its answer, in the partition's order and index."""
    joined = entries.merge(answers, how="left", on=list(entries.columns), sort=False)
    joined.index = entries.index
    flags = joined[list(FLAGS.names)]
    return flags.astype(dict.fromkeys(TEXTS, TEXT))


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
