"""Flagging a registry beyond one process: ``make bench-scale`` (``python -m benchmarks.scale``).

A CSV of ``--rows`` rows (``address``, ``year``) with ``--distinct`` distinct pairs is written
to disk once (kept in ``--workdir`` for later runs), then flagged by each engine in a fresh
process: pandas in one process, ``frames.flag(workers=2)``, ``skillrevival.dask`` on a
``LocalCluster`` of two worker processes and ``skillrevival.spark`` on ``local[2]``. Each run
reads the CSV, flags every row with its own year and counts the statuses (which must agree
between engines). Reported: wall time, rows per second, the peak resident memory of the main
process and of the largest worker (VmHWM, read from /proc while the run goes, and the peak of
the reaped children), and the speed-up over one process. Last, a CSV of ``--big-mb`` megabytes
is flagged to Parquet by Dask workers limited to ``--worker-memory`` each.

The distinct values: a fifth (at most every name and code the geography has) are place names
and codes of any year, the rest addresses built from a prefecture and a county of the 2020 list,
a street and a number (read by ``flag`` through :meth:`Geography.locate`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ENGINES = ("pandas", "workers=2", "dask", "spark")
STREETS = [
    "人民",
    "解放",
    "中山",
    "建设",
    "和平",
    "新华",
    "文化",
    "胜利",
    "团结",
    "金枫",
    "星湖",
    "长江",
    "黄河",
    "朝阳",
    "光明",
]


# --- the data ----------------------------------------------------------------------------------


def distinct_values(count: int, seed: int = 20) -> list[tuple[str, int]]:
    """``count`` distinct (address, year) pairs, each year from 2000 to 2025."""
    from skillrevival._geo.geography import geography

    geo = geography()
    rng = random.Random(seed)
    names = sorted({p.name for p in geo.records} | {p.code for p in geo.records})
    rng.shuffle(names)
    values = names[: min(len(names), count // 5)]
    counties = [p for p in geo.places(2020) if p.parent]
    by_code = {p.code: p for p in geo.places(2020)}
    number = 0
    while len(values) < count:
        county = counties[number % len(counties)]
        prefecture = by_code.get(county.parent or "")
        head = prefecture.name if prefecture is not None else ""
        street = STREETS[(number // len(counties)) % len(STREETS)]
        values.append(f"{head}{county.name}{street}路{number // 7 + 1}号")
        number += 1
    return [(value, rng.randint(2000, 2025)) for value in values]


def write_csv(path: Path, rows: int, distinct: int) -> None:
    """Every distinct pair once, the other rows drawn at random among them, shuffled."""
    import numpy as np
    import pandas as pd

    pairs = distinct_values(distinct)
    rng = np.random.default_rng(20)
    table = pd.DataFrame(pairs, columns=["address", "year"])
    chunk = 1_000_000
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="utf-8", newline="") as out:
        out.write("address,year\n")
        for start in range(0, rows, chunk):
            size = min(chunk, rows - start)
            picks = rng.integers(0, distinct, size)
            if start < distinct:  # the first rows hold every pair at least once
                first = np.arange(start, min(distinct, start + size))
                picks[: len(first)] = first
            rng.shuffle(picks)
            table.iloc[picks].to_csv(out, header=False, index=False)
    partial.rename(path)


# --- memory ------------------------------------------------------------------------------------


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _peak(pid: int) -> tuple[str, float] | None:
    """The process's name and peak resident memory in MB (VmHWM)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    name = status.split("\n", 1)[0].split()[-1]
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return name, int(line.split()[1]) / 1024
    return None


@contextmanager
def watched() -> Iterator[dict[int, tuple[str, float]]]:
    """Every descendant's peak memory, read twice a second while the block runs."""
    peaks: dict[int, tuple[str, float]] = {}
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            for pid in _descendants(os.getpid()):
                seen = _peak(pid)
                if seen is not None and seen[1] >= peaks.get(pid, ("", 0.0))[1]:
                    peaks[pid] = seen
            done.wait(0.5)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield peaks
    finally:
        done.set()
        thread.join()


# --- the engines, each run in a fresh process -------------------------------------------------


def run_pandas(path: Path, workers: int | None) -> dict[str, int]:
    import pandas as pd

    from skillrevival import frames

    table = pd.read_csv(path, dtype={"address": object, "year": "int64"})
    flags = frames.flag(table["address"], table["year"], workers=workers)
    return {str(k): int(v) for k, v in flags["status"].value_counts().items()}


def run_dask(path: Path) -> dict[str, int]:
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import skillrevival.dask as sdask

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        table = dd.read_csv(path, dtype={"address": "string", "year": "int64"}, blocksize="64MB")
        counts = sdask.flag(table["address"], table["year"])["status"].value_counts().compute()
        return {str(k): int(v) for k, v in counts.items()}


def run_spark(path: Path) -> dict[str, int]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    from skillrevival.spark import flag

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "200000")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        table = spark.read.csv(str(path), header=True, schema="address string, year int")
        counts = flag(table, "address", year="year").groupBy("status").count().collect()
        return {str(row["status"]): int(row["count"]) for row in counts}
    finally:
        spark.stop()


def run_big(path: Path, out: Path, worker_memory: str) -> dict[str, int]:
    """The CSV larger than the workers' memory, flagged to Parquet block by block."""
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import skillrevival.dask as sdask

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            memory_limit=worker_memory,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        before = set(client.run(os.getpid).values())
        table = dd.read_csv(path, dtype={"address": "string", "year": "int64"}, blocksize="16MB")
        flags = sdask.flag(table["address"], table["year"])
        table.assign(**{name: flags[name] for name in flags.columns}).to_parquet(out)
        after = set(client.run(os.getpid).values())
        restarted = len(after - before)
    rows = int(dd.read_parquet(out, columns=["status"]).shape[0].compute())
    return {"rows": rows, "workers_restarted": restarted}


def measure(engine: str, path: Path, extra: list[str]) -> dict[str, Any]:
    runs: dict[str, Callable[[], dict[str, int]]] = {
        "pandas": lambda: run_pandas(path, None),
        "workers=2": lambda: run_pandas(path, 2),
        "dask": lambda: run_dask(path),
        "spark": lambda: run_spark(path),
        "big": lambda: run_big(path, Path(extra[0]), extra[1]),
    }
    with watched() as peaks:
        start = time.perf_counter()
        result = runs[engine]()
        seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    python = [mb for name, mb in peaks.values() if name.startswith("python")]
    java = [mb for name, mb in peaks.values() if name.startswith("java")]
    return {
        "engine": engine,
        "seconds": seconds,
        "result": result,
        "main_mb": own,
        "worker_mb": max([*python, reaped if not java else 0.0], default=0.0),
        "jvm_mb": max(java, default=0.0),
        "processes": len(peaks),
    }


# --- the driver --------------------------------------------------------------------------------


def child(engine: str, path: Path, *extra: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale", "--run", engine, str(path), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return {"engine": engine, "error": done.stderr.strip().splitlines()[-1:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--distinct", type=int, default=1_000_000)
    parser.add_argument("--big-mb", type=int, default=2000)
    parser.add_argument("--worker-memory", default="1GB")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/skillrevival-bench-scale"))
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--out", type=Path, default=HERE / "scale.json")
    parser.add_argument("--run", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        engine, path, *extra = args.run
        print(json.dumps(measure(engine, Path(path), extra)))
        return

    load_at_start = os.getloadavg()
    path = args.workdir / f"registry-{args.rows}-{args.distinct}.csv"
    if not path.exists():
        print(f"writing {path} ...", flush=True)
        write_csv(path, args.rows, args.distinct)
    size_mb = path.stat().st_size / 1e6
    print(f"{path}: {args.rows:,} rows, {args.distinct:,} distinct, {size_mb:,.0f} MB")
    results = [child(engine, path) for engine in args.engines.split(",") if engine]
    base = next((r["seconds"] for r in results if r.get("engine") == "pandas" and "seconds" in r),
                None)  # fmt: skip
    counts = {json.dumps(r["result"], sort_keys=True) for r in results if "result" in r}
    header = "| engine | wall (s) | rows/s | main process (MB) | largest worker (MB) | speed-up |"
    lines = [header, "|" + " --- |" * 6]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['engine']} | failed: {' '.join(r['error'])} | | | | |")
            continue
        worker = f"{r['worker_mb']:,.0f}" + (f" (JVM {r['jvm_mb']:,.0f})" if r["jvm_mb"] else "")
        speed = f"{base / r['seconds']:.2f}x" if base else ""
        lines.append(
            f"| {r['engine']} | {r['seconds']:,.1f} | {args.rows / r['seconds']:,.0f} | "
            f"{r['main_mb']:,.0f} | {worker if r['engine'] != 'pandas' else '-'} | {speed} |"
        )
    print("\n".join(lines))
    print("every engine counts the same statuses:", len(counts) == 1, sorted(counts)[:1])

    big = args.workdir / f"big-{args.big_mb}MB.csv"
    if args.big_mb and not big.exists():
        rows = int(args.big_mb * 1e6 / (size_mb * 1e6 / args.rows))
        print(f"writing {big} ({rows:,} rows) ...", flush=True)
        write_csv(big, rows, min(rows, args.distinct))
    big_result: dict[str, Any] = {}
    if args.big_mb:
        out = args.workdir / f"big-{args.big_mb}MB.parquet"
        subprocess.run(["rm", "-rf", str(out)], check=True)
        big_result = child("big", big, str(out), args.worker_memory)
        big_result["csv_mb"] = big.stat().st_size / 1e6
        big_result["worker_memory"] = args.worker_memory
        print(
            f"{big_result['csv_mb']:,.0f} MB CSV to Parquet, Dask workers limited to "
            f"{args.worker_memory}: {big_result}"
        )
    report = {
        "rows": args.rows,
        "distinct": args.distinct,
        "csv_mb": size_mb,
        "load_average": load_at_start,
        "cpus": os.cpu_count(),
        "results": results,
        "big": big_result,
        "table": lines,
    }
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
