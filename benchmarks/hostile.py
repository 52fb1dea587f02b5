"""Hostile documents: time and peak memory of refusing or reporting them (issue 23).

Each document is made, read and reported in a fresh interpreter, so that its peak is its own
(the duplicate keys seven times, their median time shown; the empty objects once):
the peak is the process's resident set at its highest (``ru_maxrss``), interpreter and
document text included, and ``added`` what reading and reporting added to the peak before.

- duplicate keys: ``{"k0": 0, ..., "k39999": 0, "k39999": 1}``: ``loads`` refuses it (the key
  appears twice); the check was quadratic (12.2 s at 40,000 keys) and is now linear;
- empty objects: ``{"provinces": [{}, {}, ...]}`` of 60 KB, 3 MB and 30 MB, validated as a
  roster: nine problems an object, the first 10,000 listed and the rest counted.

Run by ``python -m benchmarks`` (``make bench``) with the rest; ``python -m benchmarks --only
hostile`` runs these alone and updates them in ``benchmarks/results.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

Row = tuple[str, str, str, str]

DUPLICATE_KEYS = (10_000, 20_000, 40_000)
EMPTY_OBJECT_BYTES = (60_000, 3_000_000, 30_000_000)

CHILD = r"""
import json, resource, sys, time
import skillrevival
from skillrevival._reading import parse_json

kind, count = sys.argv[1], int(sys.argv[2])
if kind == "duplicate_keys":
    keys = b"".join(b'"k%d": 0, ' % i for i in range(count))
    text = b"{" + keys + b'"k%d": 1}' % (count - 1)
else:  # empty objects: count is the document's size in bytes
    objects = (count - len(b'{"provinces":[]}')) // 3
    text = b'{"provinces":[' + b"{}," * (objects - 1) + b"{}]}"
try:  # imports, converter hooks and the error path, before the measurement
    skillrevival.validate(parse_json(b'{"provinces":[{},{}]}'), skillrevival.Roster)
    skillrevival.loads(b'{"a": 0, "a": 1}')
except skillrevival.ValidationError:
    pass
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
times = []
for _ in range(7 if kind == "duplicate_keys" else 1):  # the median of 7 for the quick ones
    start = time.perf_counter()
    if kind == "duplicate_keys":
        try:
            skillrevival.loads(text)
            problems = []
        except skillrevival.ValidationError as error:
            problems = list(error.problems)
    else:
        problems = skillrevival.validate(parse_json(text), skillrevival.Roster)
    times.append(time.perf_counter() - start)
seconds = sorted(times)[len(times) // 2]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({
    "document_bytes": len(text), "seconds": seconds, "peak_bytes": peak,
    "added_bytes": peak - before, "listed": len(problems), "last": problems[-1].message,
}))
"""


def _child(kind: str, count: int) -> dict[str, Any]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(count)],
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def measure() -> dict[str, Any]:
    """Every document once, each in its own process."""
    result: dict[str, Any] = {"duplicate_keys": {}, "empty_objects": {}}
    for count in DUPLICATE_KEYS:
        print(f"  {count:,} keys, one repeated ...", file=sys.stderr)
        result["duplicate_keys"][str(count)] = _child("duplicate_keys", count)
    for size in EMPTY_OBJECT_BYTES:
        print(f"  {size:,} bytes of empty objects ...", file=sys.stderr)
        result["empty_objects"][str(size)] = _child("empty_objects", size)
    return result


def _figure(row: dict[str, Any]) -> str:
    seconds = row["seconds"]
    took = f"{seconds:.1f} s" if seconds >= 1 else f"{seconds * 1e3:.0f} ms"
    return f"{took}; peak {row['peak_bytes'] / 1e6:.0f} MB (+{row['added_bytes'] / 1e6:.0f} MB)"


def rows(result: dict[str, Any]) -> list[Row]:
    """Rows of the benchmark table: measurement, figure, target, verdict."""
    found: list[Row] = []
    for count in DUPLICATE_KEYS:
        row = result["duplicate_keys"][str(count)]
        size = row["document_bytes"] / 1e6
        name = f"hostile: {count:,} keys, one repeated ({size:.2f} MB), refused"
        found.append((name, _figure(row), "linear", ""))
    for size in EMPTY_OBJECT_BYTES:
        row = result["empty_objects"][str(size)]
        shown = f"{size / 1e6:g} MB" if size >= 1_000_000 else f"{size / 1e3:g} KB"
        name = f"hostile: {shown} of empty objects, validated ({row['listed']:,} listed)"
        found.append((name, _figure(row), "bounded", ""))
    first = result["duplicate_keys"][str(DUPLICATE_KEYS[0])]["seconds"]
    last = result["duplicate_keys"][str(DUPLICATE_KEYS[-1])]["seconds"]
    growth = last / first / (DUPLICATE_KEYS[-1] / DUPLICATE_KEYS[0])
    found.append(
        (
            f"hostile: time per key, {DUPLICATE_KEYS[-1]:,} vs {DUPLICATE_KEYS[0]:,} keys",
            f"{growth:.2f}x",
            "<= 1.5x (linear)",
            "met" if growth <= 1.5 else "MISSED",
        )
    )
    return found


if __name__ == "__main__":
    measured = measure()
    print(json.dumps(measured, indent=2))
    for row in rows(measured):
        print(" | ".join(row))
