"""DataFrames to files for other tools: CSV, JSON, JSON Lines, Stata, Excel and Parquet.

Used by :func:`skillrevival.frames.write` and the command line's ``export`` and ``panel``; it
needs pandas, and openpyxl (``.xlsx``) or pyarrow (``.parquet``) only for those formats.

What each format keeps, so that a file opens in its tool as the DataFrame was:

- every format: one missing value per column kind, written the format's own way (an empty CSV
  cell, JSON ``null``, an empty Excel cell, Parquet null; in Stata ``.`` for numbers and ``""``
  for text, Stata's only missing string);
- codes stay text in every format (``adcode`` "110000", never the number 110000);
- Stata (``.dta``, version 118, Unicode): a variable label per column, in English with the
  Chinese term (``Code in that year's list (当年代码)``), value labels for categorical columns
  (``level``, ``province``), the table's title as the data label;
- Excel (``.xlsx``): one sheet per table, text columns stored as text (number format ``@``), and
  a last sheet ``about`` saying what the file is, its columns, its sources and their licences;
- Parquet: each column's description in its field metadata (``description``), and the same
  ``about`` as JSON in the schema metadata under ``skillrevival``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from . import __version__
from ._campaign.tables import FORMATS as FORMATS
from ._campaign.tables import TEXT_FORMATS as TEXT_FORMATS
from ._campaign.tables import column as _column
from ._errors import ValidationError
from ._writing import replaced_whole

ABOUT_SHEET = "about"

EXTRAS = {"xlsx": ("openpyxl", "excel"), "parquet": ("pyarrow", "parquet")}


def label(
    column: str, table: str | None = None, labels: Mapping[str, tuple[str, str]] | None = None
) -> str:
    """A column's label, ``English (中文)``, from the registry of ``skillrevival._campaign.tables``.

    ``table`` is the frame's ``attrs["table"]``; ``labels`` (a frame's ``attrs["labels"]``, by
    column: English, Chinese) come first. A column no table knows is labelled with its name.
    """
    if labels and column in labels:
        en, zh = labels[column]
        return f"{en} ({zh})" if zh else en
    known = _column(column, table)
    return known.label if known is not None else column


def format_of(target: str | os.PathLike[str] | None, format: str | None) -> str:
    """The format asked for, or else the one the file's suffix names."""
    if format is not None:
        if format not in FORMATS:
            raise ValidationError.single(
                "format", f"expected one of {', '.join(FORMATS)}, got {format!r}"
            )
        return format
    if target is None:
        raise ValidationError.single("format", "no format given and no file to take it from")
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValidationError.single(
            "path",
            f"cannot tell the format from {os.fspath(target)!r}: give format= "
            f"(one of {', '.join(FORMATS)}) or a file ending in .{', .'.join(FORMATS)}",
        )
    return suffix


def write(
    tables: pd.DataFrame | Mapping[str, pd.DataFrame],
    target: str | os.PathLike[str] | TextIO,
    format: str | None = None,
    *,
    about: Mapping[str, Any] | None = None,
    bom: bool = False,
) -> None:
    """Write one table (or, for Excel, several) to ``target`` in ``format``; see the module."""
    path = None if hasattr(target, "write") else target
    fmt = format_of(path, format)
    named = _named(tables)
    for name in named if fmt == "xlsx" else ():
        if any(mark in name for mark in _NOT_IN_SHEET_NAMES):
            message = "an Excel sheet's name cannot hold [ ] : * ? / or \\"
            raise ValidationError.single(f"tables[{name!r}]", message)
    if fmt != "xlsx" and len(named) != 1:
        names = ", ".join(named)
        raise ValidationError.single(
            "tables", f"a .{fmt} file holds one table, got {len(named)} ({names}): use xlsx"
        )
    if path is None and fmt not in TEXT_FORMATS:
        raise ValidationError.single("target", f"a .{fmt} file must be written to a path")
    module, extra = EXTRAS.get(fmt, (None, None))
    if module is not None:
        try:
            __import__(module)
        except ImportError:
            raise ImportError(
                f"writing .{fmt} files needs {module}: "
                f"install it with pip install 'skillrevival[{extra}]'"
            ) from None
    info = dict(about or {})
    if path is None:
        _write(named, target, fmt, info, bom)
        return
    with replaced_whole(path, fmt) as temporary:
        _write(named, temporary, fmt, info, bom)


def _write(
    named: Mapping[str, pd.DataFrame],
    target: str | os.PathLike[str] | TextIO,
    fmt: str,
    info: dict[str, Any],
    bom: bool,
) -> None:
    frame = next(iter(named.values()))
    if fmt == "csv":
        frame.to_csv(
            target,
            index=False,
            encoding="utf-8-sig" if bom else "utf-8",
            lineterminator="\n",
        )
    elif fmt in ("json", "jsonl"):
        text = frame.to_json(orient="records", force_ascii=False, lines=fmt == "jsonl")
        if fmt == "json":  # one record a line, as people read it
            text = "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in json.loads(text))
            text += "\n]\n"
        _put_text(target, text)
    elif fmt == "dta":
        _write_stata(frame, target, info)  # type: ignore[arg-type]
    elif fmt == "xlsx":
        _write_excel(named, target, info)  # type: ignore[arg-type]
    else:
        _write_parquet(frame, target, info)  # type: ignore[arg-type]


def _named(tables: pd.DataFrame | Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    if isinstance(tables, pd.DataFrame):
        return {str(tables.attrs.get("table", "table")): tables}
    if not isinstance(tables, Mapping) or not tables:
        raise ValidationError.single(
            "tables", f"expected a DataFrame or a dict of them by name, got {tables!r:.60}"
        )
    named: dict[str, pd.DataFrame] = {}
    for name, frame in tables.items():
        if not isinstance(frame, pd.DataFrame):
            raise ValidationError.single(f"tables[{name!r}]", "expected a DataFrame")
        if name == ABOUT_SHEET:
            raise ValidationError.single(f"tables[{name!r}]", "the name 'about' is the file's own")
        named[str(name)] = frame
    return named


_NOT_IN_SHEET_NAMES = "[]:*?/\\"


def _put_text(target: str | os.PathLike[str] | TextIO, text: str) -> None:
    if hasattr(target, "write"):
        target.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8", newline="")


def _is_text(series: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(series.dtype) and not isinstance(
        series.dtype, pd.CategoricalDtype
    )


def _label(frame: pd.DataFrame, column: object) -> str:
    """The label of a column of ``frame``, as the frame's table (and its own labels) give it."""
    found = frame.attrs.get("labels")
    table = frame.attrs.get("table")
    return label(
        str(column),
        table if isinstance(table, str) else None,
        found if isinstance(found, Mapping) else None,
    )


def _about(named: Mapping[str, pd.DataFrame], info: Mapping[str, Any]) -> dict[str, Any]:
    """What the file is, its columns, its sources with licences: the ``about`` of every format."""

    first = next(iter(named.values()))
    sources: list[dict[str, str]] = []
    for frame in named.values():
        for source in frame.attrs.get("sources", ()):
            if source not in sources:
                sources.append(dict(source))
    return {
        "title": info.get("title") or first.attrs.get("title") or "skillrevival tables",
        "made_by": f"skillrevival {__version__} (https://pypi.org/project/skillrevival/)",
        "notice": "人社部函〔2015〕67号 (2015-04-20), 第二批百城技能振兴专项活动",
        "missing": "an empty cell (Stata: . for numbers, an empty string for text)",
        "licence": "skillrevival and its data: MIT; the notice is a public government document",
        **{k: v for k, v in info.items() if k != "title"},
        "tables": {
            name: {
                "rows": len(frame),
                "columns": {str(c): _label(frame, c) for c in frame.columns},
            }
            for name, frame in named.items()
        },
        "sources": sources,
    }


def _write_stata(
    frame: pd.DataFrame, path: str | os.PathLike[str], info: Mapping[str, Any]
) -> None:
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        series = frame[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            out[column] = series.cat.rename_categories([str(c) for c in series.cat.categories])
        elif _is_text(series):
            out[column] = series.astype(object).where(series.notna(), "").astype(str)
        elif pd.api.types.is_bool_dtype(series.dtype):
            out[column] = series.astype("int8")
        elif pd.api.types.is_integer_dtype(series.dtype) and series.isna().any():
            out[column] = series.astype("float64")  # Stata's . for the missing
        elif pd.api.types.is_integer_dtype(series.dtype):
            out[column] = series.astype("int32" if series.abs().max() < 2**31 - 1 else "float64")
        else:
            out[column] = series
    about = _about({"table": frame}, info)
    variable_labels = {str(c): _label(frame, c)[:80] for c in frame.columns}
    out.to_stata(
        path,
        write_index=False,
        version=118,
        variable_labels=variable_labels,
        data_label=str(about["title"])[:80],
    )


def _write_excel(
    named: Mapping[str, pd.DataFrame], path: str | os.PathLike[str], info: Mapping[str, Any]
) -> None:
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    about = _about(named, info)
    with pd.ExcelWriter(path, engine="openpyxl") as book:
        for name, frame in named.items():
            plain = frame.copy()
            for column in plain.columns:
                if isinstance(plain[column].dtype, pd.CategoricalDtype):
                    plain[column] = plain[column].astype(object)
            plain.to_excel(book, sheet_name=name[:31], index=False)
            sheet = book.sheets[name[:31]]
            sheet.freeze_panes = "A2"
            for position, column in enumerate(frame.columns, start=1):
                letter = get_column_letter(position)
                sheet.column_dimensions[letter].width = max(10, len(str(column)) + 2)
                if _is_text(frame[column]):
                    for (cell,) in sheet.iter_rows(
                        min_row=2, max_row=len(frame) + 1, min_col=position, max_col=position
                    ):
                        cell.number_format = "@"
        rows: list[list[Any]] = [
            ["What this file is", about["title"]],
            ["Made by", about["made_by"]],
            ["Notice", about["notice"]],
            ["Missing values", "an empty cell"],
            ["Licence", about["licence"]],
        ]
        rows += [[key, str(value)] for key, value in info.items() if key != "title"]
        rows += [[], ["Table", "Column", "Description"]]
        for name, table in about["tables"].items():
            rows += [[name, column, text] for column, text in table["columns"].items()]
        rows += [[], ["Source", "Title", "Publisher and licence", "As of"]]
        rows += [
            [s.get("id", ""), s.get("title", ""), s.get("publisher", ""), s.get("as_of", "")]
            for s in about["sources"]
        ]
        rows = [row + [""] * (4 - len(row)) for row in rows]
        pd.DataFrame(rows).to_excel(book, sheet_name=ABOUT_SHEET, index=False, header=False)
        sheet = book.sheets[ABOUT_SHEET]
        for letter, width in zip("ABCD", (22, 40, 60, 12), strict=True):
            sheet.column_dimensions[letter].width = width


def _write_parquet(
    frame: pd.DataFrame, path: str | os.PathLike[str], info: Mapping[str, Any]
) -> None:
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = [
        field.with_metadata({"description": _label(frame, field.name)}) for field in table.schema
    ]
    about = _about({str(frame.attrs.get("table", "table")): frame}, info)
    metadata = dict(table.schema.metadata or {})
    metadata[b"skillrevival"] = json.dumps(about, ensure_ascii=False).encode("utf-8")
    schema = pa.schema(fields, metadata=metadata)
    pq.write_table(table.cast(schema), path)
