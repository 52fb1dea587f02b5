"""The national geography: its first load in a fresh process, and exact code lookups.

Run by ``python -m benchmarks`` (``make bench``) with the rest; ``python -m benchmarks.geography``
runs these alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import timeit
from statistics import median
from typing import Any

FIRST_GEOGRAPHY = """
import json, sys, time, tracemalloc
import skillrevival
t0 = time.perf_counter()
g = skillrevival.geography()
t1 = time.perf_counter()
g.places(2015)
t2 = time.perf_counter()
tracemalloc.start()
again = skillrevival.geography.__wrapped__()
added = tracemalloc.get_traced_memory()[0]
print(json.dumps({"geography_ms": (t1 - t0) * 1e3, "first_places_ms": (t2 - t1) * 1e3,
                  "records": len(g.records), "bytes": added}))
"""

IMPORT_ONLY = (
    "import json, sys, skillrevival; "
    "print(json.dumps('skillrevival._geo.geography' in sys.modules))"
)


# As benchmarks/__main__.py: children may write bytecode, as a user's installed package has.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _child(code: str) -> Any:
    command = [sys.executable, "-c", code]
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=ENVIRONMENT)
    return json.loads(done.stdout)


def _per_call_ns(function: Any, repeat: int = 7) -> float:
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    return median([t / number * 1e9 for t in timer.repeat(repeat, number)])


def measure(rounds: int) -> dict[str, Any]:
    """First geography() in a fresh process (median of ``rounds``), then lookups by code."""
    import skillrevival

    _child(FIRST_GEOGRAPHY)  # compile and cache the bytecode, as installing would
    runs = [_child(FIRST_GEOGRAPHY) for _ in range(rounds)]
    geo = skillrevival.geography()
    result: dict[str, Any] = {
        "first_geography_ms": median(r["geography_ms"] for r in runs),
        "first_places_ms": median(r["first_places_ms"] for r in runs),
        "records": runs[0]["records"],
        "memory_bytes": runs[0]["bytes"],
        "import_loads_places": _child(IMPORT_ONLY),
        "cached_geography_ns": _per_call_ns(skillrevival.geography),
        "by_code_str_year_ns": _per_call_ns(lambda: geo.by_code("320500", 2015)),
        "by_code_str_newest_ns": _per_call_ns(lambda: geo.by_code("320500")),
        "by_code_int_year_ns": _per_call_ns(lambda: geo.by_code(320500, 2015)),
        "by_code_old_code_ns": _per_call_ns(lambda: geo.by_code("522200", 2010)),
        "by_code_grouping_ns": _per_call_ns(lambda: geo.by_code("110100", 2015)),
        "by_code_miss_ns": _per_call_ns(lambda: geo.by_code("999999", 2015)),
    }
    geo.places(2015)
    result["places_2015_cached_ns"] = _per_call_ns(lambda: geo.places(2015))
    return result


def rows(result: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Rows of the benchmark table: measurement, figure, target, verdict."""

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    first = result["first_geography_ms"]
    found = [
        (
            f"first geography(), fresh process ({result['records']:,} records)",
            f"{first:.1f} ms; {result['memory_bytes'] / 1e6:.1f} MB",
            "< 30 ms",
            verdict(first < 30),
        ),
        (
            "import skillrevival loads _places",
            str(result["import_loads_places"]),
            "False",
            verdict(not result["import_loads_places"]),
        ),
    ]
    found.append(
        (
            "then the first places(2015) (makes every record)",
            f"{result['first_places_ms']:.1f} ms",
            "",
            "",
        )
    )
    for key, value in result.items():
        if key.startswith("by_code"):
            name = "geography()." + key.removesuffix("_ns").replace("_", " ")
            found.append((name, f"{value:.0f} ns", "< 1000 ns", verdict(value < 1000)))
    found.append(
        ("geography().places(2015), cached", f"{result['places_2015_cached_ns']:.0f} ns", "", "")
    )
    return found


if __name__ == "__main__":
    measured = measure(11)
    for row in rows(measured):
        print(" | ".join(row))
