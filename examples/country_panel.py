"""A country-wide prefecture panel, 2010-2020, written for Stata, Excel and Parquet.

Run: python examples/country_panel.py [FOLDER]   (needs skillrevival[pandas,excel,parquet])
The same from the command line:
    skillrevival panel --years 2010-2020 --level prefecture --controls all -o panel.dta
"""

import sys
from pathlib import Path

from skillrevival import frames

folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
panel = frames.treatment_panel(range(2010, 2021), level="prefecture", controls="all")
for suffix in ("dta", "xlsx", "parquet"):
    frames.write(panel, folder / f"panel.{suffix}")
counts = panel.groupby("year").agg(units=("adcode", "size"), treated=("treated", "sum"))
print(counts.T.to_string())
print(f"wrote panel.dta, panel.xlsx, panel.parquet ({len(panel):,} rows) to {folder}")
