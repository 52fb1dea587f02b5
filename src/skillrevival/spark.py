"""Flag a column of a Spark DataFrame (optional extra ``skillrevival[spark]``).

:func:`flag` adds the columns of :func:`skillrevival.frames.flag` to a Spark DataFrame through
``mapInPandas``: each Arrow batch is flagged in a Python worker of an executor, which builds the
geography once, the first time it flags a batch, and keeps it for the batches after (Spark
reuses its Python workers: ``spark.python.worker.reuse``, on by default).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

try:
    import pandas as pd
    from pyspark.sql.types import BooleanType, StringType, StructField, StructType
except ImportError:  # pragma: no cover - tested in a subprocess that hides pyspark
    raise ImportError(
        "skillrevival.spark needs pyspark: install it with pip install 'skillrevival[spark]'"
    ) from None

import attrs

from . import frames
from ._campaign.join import check_level
from ._campaign.tables import FLAGS
from ._errors import Problem, ValidationError
from ._geo.geography import geography
from ._geo.names import check_year

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["flag"]


def flag(
    df: DataFrame,
    column: str,
    *,
    year: int | str | None = None,
    provinces: str | None = None,
    level: Literal["province", "prefecture", "county"] | None = None,
) -> DataFrame:
    """``df`` with the columns of :func:`skillrevival.frames.flag` for its column ``column``.

    ``year`` is one year, or the name of a column of ``df`` that holds each row's year;
    ``provinces`` the name of a column that holds each row's province (names or codes, blank
    where unknown); ``level`` the tier the column names (``"province"``, ``"prefecture"``,
    ``"county"``). The flag columns are strings (``implementing`` and ``treated`` booleans),
    null where :func:`~skillrevival.frames.flag` gives a missing value; ``df`` must not already have
    columns of those names. Each distinct entry is flagged once and its answer joined to its rows,
    so the rows come in the join's order, not necessarily the frame's (sort by a column of your
    own where order matters). Lazy, as Spark is: nothing runs until an action.
    """
    have = list(df.columns)
    problems = [
        Problem(
            path,
            f"expected the name of a column of the DataFrame ({', '.join(have)}), got {value!r}",
        )
        for path, value in (("column", column), ("year", year), ("provinces", provinces))
        if (path == "column" or isinstance(value, str)) and value not in have
    ]
    problems += [
        Problem(name, "the DataFrame already has this column, which flag adds")
        for name in FLAGS.names
        if name in have
    ]
    if problems:
        raise ValidationError(problems, what="value")
    if year is not None and not isinstance(year, str):
        year = check_year(geography(), year)  # a bad year fails here, not later
    tier = check_level(level)
    added = [
        StructField(name, BooleanType() if name in BOOLEAN else StringType(), True)
        for name in FLAGS.names
    ]
    # Each distinct entry once: its columns under names of their own, flagged, joined back.
    keys = list(dict.fromkeys([column, *(c for c in (year, provinces) if isinstance(c, str))]))
    own = {key: f"_skillrevival_{n}" for n, key in enumerate(keys)}
    distinct = df.select(*[df[key].alias(own[key]) for key in keys]).distinct()
    flagger = _Flagger(
        own[column],
        own[year] if isinstance(year, str) else year,
        None if provinces is None else own[provinces],
        tier,
    )
    answers = distinct.mapInPandas(flagger, StructType([*distinct.schema.fields, *added]))
    matched = [df[key].eqNullSafe(answers[own[key]]) for key in keys]
    return df.join(answers, matched, "left").drop(*own.values())


BOOLEAN = ("implementing", "treated")
"""The flag columns that are booleans; the others are strings."""


@attrs.frozen
class _Flagger:
    """What each Python worker runs: the column names and the year, nothing else (the geography
    is built in the worker, never sent to it)."""

    column: str
    year: int | str | None
    provinces: str | None
    level: Literal["province", "prefecture", "county"] | None = None

    def __call__(self, batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            year = batch[self.year] if isinstance(self.year, str) else self.year
            provinces = None if self.provinces is None else batch[self.provinces]
            flags = frames.flag(
                batch[self.column], year=year, provinces=provinces, level=self.level
            )
            plain = {
                name: flags[name].astype(object).where(flags[name].notna(), None)
                for name in FLAGS.names
            }
            yield pd.concat([batch, pd.DataFrame(plain, index=batch.index)], axis=1)
