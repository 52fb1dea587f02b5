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
from ._errors import ValidationError
from ._writing import replaced_whole

FORMATS: tuple[str, ...] = ("csv", "json", "jsonl", "dta", "xlsx", "parquet")
"""The formats :func:`write` knows, each also the file suffix it is taken from."""

TEXT_FORMATS: tuple[str, ...] = ("csv", "json", "jsonl")
"""The formats that can go to a terminal (standard output); the others need a file."""

ABOUT_SHEET = "about"

EXTRAS = {"xlsx": ("openpyxl", "excel"), "parquet": ("pyarrow", "parquet")}

LABELS: dict[str, tuple[str, str]] = {
    # the city table
    "province_seq": ("Row of the province in 附件2", "序号"),
    "province": ("Province as printed in 附件2", "省份"),
    "seq": ("Position in its row of 附件2", "序号"),
    "name": ("Name as printed in the notice", "名称"),
    "official_name": ("Official name in the code list", "规范名称"),
    "name_en": ("English name", "英文名称"),
    "level": ("Kind of administrative unit", "行政级别"),
    "parent": ("Code of the unit that holds it", "上级代码"),
    "prefecture_code": ("Prefecture-level unit it rolls up into", "所属地级单位代码"),
    "province_official_name": ("Province, official name", "省份规范名称"),
    "province_name_en": ("Province, English name", "省份英文名称"),
    "source": ("Source of the record", "来源"),
    # the province table
    "code": ("Province code, 2 digits", "省级代码"),
    "within": ("Province its units lie in (新疆兵团)", "所在省份代码"),
    "quota": ("Quota of implementing cities", "数量"),
    # the treatment panel
    "adcode": ("Code of the unit (GB/T 2260)", "行政区划代码"),
    "code_in_year": ("Code in that year's list", "当年代码"),
    "year": ("Year (list in force at 31 December)", "年份"),
    "province_code": ("Province code, 2 digits", "省级代码"),
    "treated": ("Implementing unit, year >= 2015", "实施城市且已实施"),
    "first_treated": ("First year treated (2015)", "首次实施年份"),
    "event_time": ("Years since first treated", "相对实施年份"),
    "phase": ("Phases of 附件1 五 in the year", "实施阶段"),
    "exposure_months": ("Months of the year in the campaign", "实施月数"),
    "unit_id": ("Numeric id of the unit (for xtset)", "单位编号"),
}
"""Each known column's description: English, and the Chinese term, as the files label them."""


def label(column: str, labels: Mapping[str, tuple[str, str]] | None = None) -> str:
    """A column's label, ``English (中文)``, or the column's name for an unknown column."""
    en, zh = (labels or {}).get(column) or LABELS.get(column) or (column, "")
    return f"{en} ({zh})" if zh else en


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


def _labels(frame: pd.DataFrame) -> Mapping[str, tuple[str, str]]:
    found = frame.attrs.get("labels")
    return found if isinstance(found, Mapping) else {}


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
                "columns": {c: label(c, _labels(frame)) for c in map(str, frame.columns)},
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
    variable_labels = {str(c): label(str(c), _labels(frame))[:80] for c in frame.columns}
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
    labels = _labels(frame)
    fields = [
        field.with_metadata({"description": label(field.name, labels)}) for field in table.schema
    ]
    about = _about({str(frame.attrs.get("table", "table")): frame}, info)
    metadata = dict(table.schema.metadata or {})
    metadata[b"skillrevival"] = json.dumps(about, ensure_ascii=False).encode("utf-8")
    schema = pa.schema(fields, metadata=metadata)
    pq.write_table(table.cast(schema), path)
