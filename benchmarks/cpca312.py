"""cpca-polars over the addresses of ``benchmarks/addresses.py``, in its own Python 3.12 venv.

``python cpca312.py ADDRESSES.json OUT.json ROUNDS``: reads the texts (a JSON list), runs
``cpca.transform`` over all of them ``ROUNDS`` times, and writes each text's code and names with
the median time per address and the first call's cost in a fresh process. Imports nothing of
skillrevival (which runs in the other venv and scores the answers).
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import time

FIRST = """
import json, time
t0 = time.perf_counter()
import cpca
t1 = time.perf_counter()
cpca.transform([{text!r}])
t2 = time.perf_counter()
print(json.dumps({{"import_ms": (t1 - t0) * 1e3, "first_call_ms": (t2 - t1) * 1e3}}))
"""


def main() -> None:
    source, target, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(source, encoding="utf-8") as file:
        texts = json.load(file)
    firsts = []
    for _ in range(4):  # the first run compiles bytecode
        done = subprocess.run(
            [sys.executable, "-c", FIRST.format(text=texts[0])],
            check=True,
            capture_output=True,
            text=True,
        )
        firsts.append(json.loads(done.stdout.strip().splitlines()[-1]))
    firsts = firsts[1:]
    import cpca

    cpca.transform(texts[:1])
    times = []
    frame = None
    for _ in range(rounds):
        start = time.perf_counter()
        frame = cpca.transform(texts)
        times.append(time.perf_counter() - start)
    assert frame is not None
    codes = frame["adcode"].to_list()
    names = list(
        zip(frame["省"].to_list(), frame["市"].to_list(), frame["区"].to_list(), strict=True)
    )
    out = {
        "python": platform.python_version(),
        "us_per_address": statistics.median(times) / len(texts) * 1e6,
        "import_ms": statistics.median(f["import_ms"] for f in firsts),
        "first_call_ms": statistics.median(f["first_call_ms"] for f in firsts),
        "codes": codes,
        "names": names,
    }
    with open(target, "w", encoding="utf-8") as file:
        json.dump(out, file, ensure_ascii=False)


if __name__ == "__main__":
    main()
