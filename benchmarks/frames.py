"""The researcher's path: a country-wide panel, the files it is written to, and ``frames.flag``.

``python -m benchmarks.frames`` runs these alone; ``make bench`` runs them with the rest.
Target: ``frames.flag`` over 10 million rows with 5,000 distinct values in under 5 s.
"""

from __future__ import annotations

import json
import sys
import tempfile
import timeit
from pathlib import Path
from typing import Any

ROWS = 10_000_000
DISTINCT = 5_000
FLAG_TARGET_S = 5.0


def column(rows: int = ROWS, distinct: int = DISTINCT, seed: int = 20150420) -> Any:
    """A survey's city column: ``rows`` entries drawn from ``distinct`` values.

    90% of the distinct values are names and codes of the 2025 list (official names, short
    names, codes: the spellings real data has), 10% name nothing (typos, foreign rows).
    """
    import numpy as np
    import pandas as pd

    import skillrevival

    values: list[str] = []
    seen: set[str] = set()
    for place in skillrevival.geography().places(2025):
        for text in (place.name, place.short_name, place.code):
            if text not in seen and len(values) < distinct * 9 // 10:
                seen.add(text)
                values.append(text)
    values += [f"不详地点{i}" for i in range(distinct - len(values))]
    rng = np.random.default_rng(seed)
    return pd.Series(np.array(values, dtype=object)[rng.integers(0, len(values), rows)]).astype(
        "str"
    )


def run(rounds: int = 3, rows: int = ROWS) -> dict[str, Any]:
    """Seconds for each step, the median of ``rounds`` runs (the flag step: of fewer)."""
    from skillrevival import frames

    def best(function: Any, times: int) -> float:
        return sorted(timeit.repeat(function, number=1, repeat=times))[times // 2]

    result: dict[str, Any] = {}
    years = range(2010, 2021)
    result["panel_s"] = best(
        lambda: frames.treatment_panel(years, level="prefecture", controls="all"), rounds
    )
    panel = frames.treatment_panel(years, level="prefecture", controls="all")
    result["panel_rows"] = len(panel)
    result["panel_rows_per_year"] = {
        str(k): int(v) for k, v in panel.groupby("year").size().items()
    }
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("csv", "dta", "xlsx", "parquet"):
            path = Path(tmp) / f"panel.{suffix}"
            result[f"write_{suffix}_s"] = best(lambda p=path: frames.write(panel, p), rounds)
            result[f"{suffix}_bytes"] = path.stat().st_size
    series = column(rows)
    result["flag_rows"] = rows
    result["flag_distinct"] = int(series.nunique())
    result["flag_s"] = best(lambda: frames.flag(series), max(1, rounds // 2 * 2 - 1))
    return result


def rows(result: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Rows of the bench table."""
    per_year = result["panel_rows_per_year"]
    out = [
        (
            "treatment_panel(2010-2020, prefecture, controls='all')",
            f"{result['panel_s'] * 1e3:.0f} ms; {result['panel_rows']:,} rows "
            f"({min(per_year.values())}-{max(per_year.values())} a year)",
            "",
            "",
        ),
    ]
    for suffix in ("csv", "dta", "xlsx", "parquet"):
        out.append(
            (
                f"  frames.write(panel, .{suffix})",
                f"{result[f'write_{suffix}_s'] * 1e3:.0f} ms, "
                f"{result[f'{suffix}_bytes'] / 1e3:.0f} kB",
                "",
                "",
            )
        )
    ok = result["flag_s"] < FLAG_TARGET_S
    out.append(
        (
            f"frames.flag({result['flag_rows']:,} rows, {result['flag_distinct']:,} distinct)",
            f"{result['flag_s']:.2f} s",
            f"< {FLAG_TARGET_S:.0f} s",
            "met" if ok else "MISSED",
        )
    )
    return out


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    found = run(rounds=1 if quick else 3, rows=1_000_000 if quick else ROWS)
    print(json.dumps(found, indent=2))
    for row in rows(found):
        print(" | ".join(row))
