"""Lookups in the national geography: exact and normalised ``Geography.place``, and
``roster.match`` over a large messy column in which most entries name nothing."""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

# Characters that rarely make a place name together: random pairs and triples of them are
# almost all misses, as the typos, survey free text and foreign rows of a real column are.
_CHARACTERS = (
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学"
)


def messy_places(count: int, names: list[object], seed: int = 20150420) -> list[object]:
    """``count`` entries: 95% distinct strings that name no place, 5% real names and codes.

    The misses are two to four random characters with a random administrative suffix, or
    letters, so that most of them reach the stem rules before they miss.
    """
    rng = random.Random(seed)
    suffixes = ["", "市", "区", "县", "州", " City", " district"]
    entries: list[object] = []
    seen: set[str] = set()
    while len(entries) < count * 95 // 100:
        if rng.random() < 0.8:
            stem = "".join(rng.choices(_CHARACTERS, k=rng.randint(2, 4)))
        else:
            stem = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(5, 9)))
        text = stem + rng.choice(suffixes)
        if text not in seen:
            seen.add(text)
            entries.append(text)
    while len(entries) < count:
        entries.append(names[len(entries) % len(names)])
    rng.shuffle(entries)
    return entries


FIRST_NAME_LOOKUP = """
import json, time
import skillrevival
geo = skillrevival.geography()
skillrevival.campaign()
t0 = time.perf_counter()
geo.place("苏州市")
t1 = time.perf_counter()
print(json.dumps({"first_name_lookup_ms": (t1 - t0) * 1e3}))
"""


def measure(per_call_ns: Any, child: Any, rounds: int = 3) -> dict[str, Any]:
    """Nanoseconds per ``Geography.place`` call, the first lookup by name in a fresh process
    (it builds the name index), and ``roster.match`` over 100,000 messy names: the median of
    ``rounds`` runs, wall-clock and CPU time (this machine's two cores are shared)."""
    import skillrevival

    geo = skillrevival.geography()
    roster = skillrevival.campaign().roster
    firsts = [child(FIRST_NAME_LOOKUP)["first_name_lookup_ms"] for _ in range(rounds)]
    result: dict[str, Any] = {"first_name_lookup_ms": statistics.median(firsts)}
    geo.place("苏州市")  # build the name index outside the timing
    keys: dict[str, object] = {
        "exact_code": "320500",
        "exact_code_int": 320500,
        "grouping_code": "110100",
        "code_of_2010": "522200",
        "code_with_year": "320500",
        "official_name": "苏州市",
        "short_name": "苏州",
        "needs_normalising": " 苏州　市 ",
        "english_with_province": "Suzhou",
    }
    for name, key in keys.items():
        province = "江苏" if name == "english_with_province" else None
        year = 2015 if name == "code_with_year" else None
        geo.place(key, year, province=province)
        result[f"place_{name}_ns"] = per_call_ns(
            lambda key=key, year=year, province=province: geo.place(key, year, province=province)
        )
    names: list[object] = []
    for city in roster.cities:
        names += [city.name, city.official_name, city.adcode, int(city.adcode), city.name_en]
    messy = messy_places(100_000, names)
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        report = roster.match(messy)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    len(roster.match(messy).misses)  # the misses are made when first read
    result["match_100000_with_misses_ms"] = (time.perf_counter() - wall) * 1e3
    result["match_100000_with_misses_cpu_ms"] = (time.process_time() - cpu) * 1e3
    result["match_100000_ms"] = statistics.median(walls) * 1e3
    result["match_100000_cpu_ms"] = statistics.median(cpus) * 1e3
    result["match_100000_distinct"] = len({str(entry) for entry in messy})
    result["match_100000_matched"] = report.matched
    result["match_100000_misses"] = len(report.misses)
    return result


def rows(look: dict[str, Any], verdict: Any) -> list[tuple[str, str, str, str]]:
    """Table rows for :func:`measure`."""
    table: list[tuple[str, str, str, str]] = [
        (
            "first Geography.place by name, fresh process (builds the name index)",
            f"{look['first_name_lookup_ms']:.0f} ms",
            "",
            "",
        )
    ]
    for key, value in look.items():
        if key.startswith("place_"):
            exact = key.startswith("place_exact")
            table.append(
                (
                    f"Geography.place, {key.removeprefix('place_').removesuffix('_ns')}",
                    f"{value:.0f} ns",
                    "< 1000 ns" if exact else "",
                    verdict(value < 1000) if exact else "",
                )
            )
    table.append(
        (
            f"roster.match(100,000 messy names; {look['match_100000_distinct']:,} distinct, "
            f"{look['match_100000_misses']:,} misses)",
            f"{look['match_100000_ms']:.0f} ms wall, {look['match_100000_cpu_ms']:.0f} ms CPU",
            "< 1000 ms",
            verdict(look["match_100000_ms"] < 1000),
        )
    )
    table.append(
        (
            "  the same, and reading its misses",
            f"{look['match_100000_with_misses_ms']:.0f} ms wall, "
            f"{look['match_100000_with_misses_cpu_ms']:.0f} ms CPU",
            "",
            "",
        )
    )
    return table
