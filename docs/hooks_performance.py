"""MkDocs hook: the performance page, both editions, from ``benchmarks/results.json``.

Markers, each on a line of its own, replaced in English (``*.md``) or Chinese (``*.zh.md``):

- ``<!-- performance: run -->``: when the figures were measured (date, commit, files that
  differed from it), on what machine and with which versions;
- ``<!-- performance: claims -->``: what the figures mean for a user, every claim with the sizes
  it holds at, computed from the results (no number typed into the page);
- ``<!-- performance: figures -->``: every measurement and its median;
- ``<!-- performance: bad -->``: validating documents full of problems, per size.

A results file without its run's date and commit fails the build: an undated figure is not
shown. ``make bench`` writes a complete one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

RESULTS = Path(__file__).resolve().parents[1] / "benchmarks" / "results.json"
MARKER = re.compile(r"^<!-- performance: (run|claims|figures|bad) -->$", re.M)


def results() -> dict[str, Any]:
    found: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8"))
    run = found.get("run") or {}
    if not run.get("date") or "commit" not in run:
        raise PluginError(
            "benchmarks/results.json has no run date and commit: run `make bench` to measure "
            "anew before showing its figures"
        )
    return found


# --- when, where ---------------------------------------------------------------------------------


def run_line(data: dict[str, Any], language: str) -> str:
    run, machine = data["run"], data["machine"]
    date = run["date"].replace("T", " ").removesuffix("Z")[:16] + " UTC"
    commit = run["commit"]
    versions = ", ".join(f"{name} {v}" for name, v in machine["versions"].items())
    python = f"{machine['implementation']} {machine['python']}"
    dirty = run.get("dirty") or []
    if language == "en":
        at = f"commit `{commit[:12]}`" if commit else "a tree without git history"
        if dirty:
            at += " with changes to " + ", ".join(f"`{name}`" for name in dirty)
        quick = " A quick run (`--quick`: fewer rounds, smaller documents)." if run["quick"] else ""
        return (
            f"**Measured {date}** at {at}, on {machine['nproc']} CPUs of a shared virtual "
            f"machine (`{machine['platform']}`), {python}, with {versions}.{quick}"
        )
    at = f"提交 `{commit[:12]}`" if commit else "没有 git 历史的代码树"
    if dirty:
        at += "（另有改动：" + "、".join(f"`{name}`" for name in dirty) + "）"
    quick = "这是一次快速运行（`--quick`：轮数较少、文档较小）。" if run["quick"] else ""
    return (
        f"**测量时间：{date}**，代码为{at}；在共享虚拟机的 {machine['nproc']} 个 CPU 上"
        f"（`{machine['platform']}`），{python}，{versions}。{quick}"
    )


# --- what it means ----------------------------------------------------------------------------


def _rival(name: str, sizes: list[int], ratios: list[float], language: str) -> str:
    """How skillrevival's reading time compares with a rival's, size by size, true at each."""
    slower = [size for size, ratio in zip(sizes, ratios, strict=True) if ratio > 1]
    if language == "en":
        each = ", ".join(
            f"{ratio:.2f}x" + (f" {name}'s" if i == 0 else "") + f" at {size:,}"
            for i, (size, ratio) in enumerate(zip(sizes, ratios, strict=True))
        )
        if len(slower) == len(sizes):
            verdict = f"{name} is faster at every size measured"
        elif not slower:
            verdict = f"skillrevival is faster than {name} at every size measured"
        else:
            verdict = f"{name} is faster at " + ", ".join(f"{s:,}" for s in slower) + " cities"
        return f"{verdict} (skillrevival's time is {each} cities)"
    each = "，".join(
        f"{size:,} 个城市时为其 {ratio:.2f} 倍" for size, ratio in zip(sizes, ratios, strict=True)
    )
    if len(slower) == len(sizes):
        verdict = f"{name} 在测量的每种规模下都更快"
    elif not slower:
        verdict = f"skillrevival 在测量的每种规模下都比 {name} 快"
    else:
        verdict = f"{name} 在 " + "、".join(f"{s:,}" for s in slower) + " 个城市时更快"
    return f"{verdict}（skillrevival 的耗时：{each}）"


def claims(data: dict[str, Any], language: str) -> str:
    cold, first, look = data["cold_start"], data["first_call"], data["lookups"]
    load, memory = data["throughput"], data["memory"]
    sizes = sorted(int(key) for key in load if key.isdigit())
    plain = [v for k, v in look.items() if k.startswith("city_") and "normalising" not in k]
    normalising = [value for key, value in look.items() if "normalising" in key]
    read = [
        load[str(s)]["loads_records_per_s"] for s in sizes if "loads_records_per_s" in load[str(s)]
    ]
    pydantic = _rival(
        "pydantic", sizes, [load[str(s)]["structure_time_vs_pydantic"] for s in sizes], language
    )
    msgspec = _rival(
        "msgspec", sizes, [load[str(s)]["structure_time_vs_msgspec"] for s in sizes], language
    )
    growth = load["per_record_time_growth"]
    low, high = f"{sizes[0]:,}", f"{sizes[-1]:,}"
    limit = load["limit_bytes"] // 2**20
    if language == "en":
        lines = [
            f"- **Importing.** `import skillrevival` takes {cold['import_vs_floor']:.2f}x the "
            'time of importing its three dependencies (attrs, cattrs, pendulum: the "floor" '
            "below); it reads no data and does not import cattrs.",
            f"- **The first `campaign()`** reads and checks the bundled data in "
            f"{first['campaign_ms']:.1f} ms, once per process; later calls return the same "
            f"object from a cache in {look['cached_campaign_ns']:.0f} ns.",
            f'- **A lookup** (`roster.city("苏州")`, by code, by English name) takes '
            f"{min(plain):.0f} to {max(plain):.0f} ns; one that must first normalise its key "
            f'(`" 苏州　市 "`, `" SUZHOU City"`) up to {max(normalising):.0f} ns. The first '
            f"lookup builds the index once ({first['first_lookup_ms']:.1f} ms).",
            f"- **Memory.** The campaign adds {memory['campaign_bytes'] / 1e6:.2f} MB to the "
            f"process ({memory['with_index_bytes'] / 1e6:.2f} MB once its index is built).",
            f"- **Your own documents.** `loads` reads, checks every rule and builds frozen "
            f"records at {min(read) / 1e3:.0f} to {max(read) / 1e3:.0f} thousand cities a second "
            f"(documents of {low} to {high} cities). Reading the same JSON into equivalent "
            f"models, {pydantic}; {msgspec}. Both rivals check types only; skillrevival also "
            "checks the cross-field rules (quotas, numbering, unique names and codes, codes "
            "inside their province, parents, cited sources, phase order).",
            f"- **Size.** The time per city at {high} cities is {growth:.2f}x that at {low} "
            f"(1.00x would be a time proportional to the document). Reading {high} cities takes "
            f"{memory['peak_vs_document']:.1f} times the document's size in memory at its peak. "
            f"Documents over {limit} MiB are refused unread.",
        ]
        return "\n".join(lines)
    lines = [
        f"- **导入。** `import skillrevival` 的耗时是导入它的三个依赖（attrs、cattrs、pendulum，"
        f"即下文的“下限”）的 {cold['import_vs_floor']:.2f} 倍；它不读取任何数据，也不导入 cattrs。",
        f"- **首次 `campaign()`** 读取并校验随包数据，耗时 {first['campaign_ms']:.1f} 毫秒，"
        "每个进程一次；之后的调用从缓存返回同一个对象，"
        f"耗时 {look['cached_campaign_ns']:.0f} 纳秒。",
        f'- **一次查找**（`roster.city("苏州")`、按代码、按英文名称）耗时 {min(plain):.0f} 至 '
        f'{max(plain):.0f} 纳秒；需要先规范化键的查找（`" 苏州　市 "`、`" SUZHOU City"`）'
        f"最多 {max(normalising):.0f} 纳秒。第一次查找时构建一次索引"
        f"（{first['first_lookup_ms']:.1f} 毫秒）。",
        f"- **内存。** 活动数据使进程增加 {memory['campaign_bytes'] / 1e6:.2f} MB"
        f"（构建索引后为 {memory['with_index_bytes'] / 1e6:.2f} MB）。",
        f"- **您自己的文档。** `loads` 读取、检查所有规则并构建不可变记录，每秒 "
        f"{min(read) / 1e4:.1f} 万至 {max(read) / 1e4:.1f} 万个城市（文档为 {low} 至 {high} "
        f"个城市）。把同样的 JSON 读入等价模型时，{pydantic}；{msgspec}。两者都只检查类型；"
        "skillrevival 还检查跨字段规则（数量、编号、名称和代码唯一、代码在所属地区之内、"
        "上级单位、所引用的来源、阶段顺序）。",
        f"- **规模。** {high} 个城市时每个城市的耗时是 {low} 个城市时的 {growth:.2f} 倍"
        f"（1.00 倍即耗时与文档大小成正比）。读取 {high} 个城市时内存峰值为文档大小的 "
        f"{memory['peak_vs_document']:.1f} 倍。超过 {limit} MiB 的文档不读取，直接拒绝。",
    ]
    return "\n".join(lines)


# --- the figures ---------------------------------------------------------------------------------

# The suite's own labels, in Chinese: applied in order to each measurement and each median.
# API names and commands stay as they are; a label that keeps an English word is caught by the
# test of the Chinese edition (tests/test_site_chinese.py).
ZH: list[tuple[str, Any]] = [
    (r"^import attrs, cattrs, pendulum \(floor\)$", "import attrs, cattrs, pendulum（下限）"),
    (
        r"^import \+ campaign\(\)\.roster\.city\('苏州'\)$",
        "import 加 campaign().roster.city('苏州')",
    ),
    (r"^first campaign\(\), fresh process$", "首次 campaign()，全新进程"),
    (r"^first lookup after it \(builds the index\)$", "其后的首次查找（构建索引）"),
    (r"^cached campaign\(\)$", "缓存的 campaign()"),
    (r"^city printed name$", "roster.city()，原文名称"),
    (r"^city short name$", "roster.city()，简称"),
    (r"^city needs normalising$", "roster.city()，需要规范化的名称"),
    (r"^city province short$", "roster.province()，简称"),
    (r"^city code$", "roster.city()，代码"),
    (r"^city english name$", "roster.city()，英文名称"),
    (r"^city english needs normalising$", "roster.city()，需要规范化的英文名称"),
    (r"^phase on date$", "campaign.phase_on()，日期"),
    (r"^phase on string$", "campaign.phase_on()，字符串"),
    (
        r"^roster\.match\(([\d,]+) messy names; ([\d,]+) distinct\)$",
        r"roster.match(\1 个杂乱名称，\2 种不同写法)",
    ),
    (
        r"^roster\.match\(([\d,]+) messy names; ([\d,]+) distinct, ([\d,]+) misses\)$",
        r"roster.match(\1 个杂乱名称，\2 种不同写法，\3 个未命中)",
    ),
    (r"^(\s*)(msgspec|pydantic), ([\d,]+) cities$", r"\1\2，\3 个城市"),
    (r"^structure\(json\.loads\), ([\d,]+) cities$", r"structure(json.loads)，\1 个城市"),
    (r"^validate \(parsed\), ([\d,]+) cities$", r"validate（已解析），\1 个城市"),
    (r"^loads, ([\d,]+) cities$", r"loads，\1 个城市"),
    (
        r"^time per record, ([\d,]+) vs ([\d,]+) cities$",
        r"每条记录的耗时，\1 个城市与 \2 个城市之比",
    ),
    (r"^reading vs (pydantic|msgspec), ([\d,]+) cities$", r"读取与 \1 相比，\2 个城市"),
    (
        r"^(\s*)json\.loads alone \(no checks\), ([\d,]+) cities$",
        r"\1仅 json.loads（不检查），\2 个城市",
    ),
    (r"^memory added by campaign\(\)$", "campaign() 增加的内存"),
    (r"^peak of reading ([\d,]+) cities$", r"读取 \1 个城市时的峰值"),
    (r"^validate ([\d,]+) cities with 2 problems each$", r"validate \1 个城市，每个城市 2 个问题"),
    (
        r"^time per problem, ([\d,]+) vs ([\d,]+) cities$",
        r"每个问题的耗时，\1 个城市与 \2 个城市之比",
    ),
    (
        r"^first geography\(\), fresh process \(([\d,]+) records\)$",
        r"首次 geography()，全新进程（\1 条记录）",
    ),
    (
        r"^then the first places\((\d+)\) \(makes every record\)$",
        r"其后首次 places(\1)（构建每条记录）",
    ),
    (r"^geography\(\)\.places\((\d+)\), cached$", r"geography().places(\1)，已缓存"),
    (r"^geography\(\)\.by code str year$", "geography().place()，字符串代码加年份"),
    (r"^geography\(\)\.by code str newest$", "geography().place()，字符串代码，最新名录"),
    (r"^geography\(\)\.by code int year$", "geography().place()，整数代码加年份"),
    (r"^geography\(\)\.by code old code$", "geography().place()，已不再使用的代码"),
    (r"^geography\(\)\.by code grouping$", "geography().place()，分组代码"),
    (r"^geography\(\)\.by code miss$", "geography().place()，未命中"),
    (r"^Geography\.place, exact_code$", "Geography.place，代码"),
    (r"^Geography\.place, exact_code_int$", "Geography.place，整数代码"),
    (r"^Geography\.place, grouping_code$", "Geography.place，分组代码"),
    (r"^Geography\.place, code_of_(\d+)$", r"Geography.place，\1 年的代码"),
    (r"^Geography\.place, code_with_year$", "Geography.place，代码加年份"),
    (r"^Geography\.place, official_name$", "Geography.place，规范名称"),
    (r"^Geography\.place, short_name$", "Geography.place，简称"),
    (r"^Geography\.place, needs_normalising$", "Geography.place，需要规范化的名称"),
    (r"^Geography\.place, english_with_province$", "Geography.place，英文名称加地区"),
    (r"^(\s*)the same, and reading its misses$", r"\1同上，并读取未命中的条目"),
    (r"^import skillrevival loads (_\w+)$", r"import skillrevival 是否导入 `\1`"),
    (
        r"^first Geography\.place by name, fresh process \(builds the name index\)$",
        "首次按名称 Geography.place，全新进程（构建名称索引）",
    ),
    (r"^Geography\.place, (.+)$", r"Geography.place，\1"),
    (r"^treatment_panel\((.*)\)$", r"treatment_panel(\1)"),
    (r"^(\s*)frames\.write\(panel, \.(\w+)\)$", r"\1frames.write(panel, .\2)"),
    (r"^frames\.flag\(([\d,]+) rows, ([\d,]+) distinct\)$", r"frames.flag(\1 行，\2 种不同值)"),
    # medians
    (r"(\d[\d.]*)x floor \((\d[\d.]*)x pass\)", r"下限的 \1 倍（pass 的 \2 倍）"),
    (r"^(\d[\d.]*)x pass$", r"pass 的 \1 倍"),
    (r"(\d+) k records/s", lambda m: f"每秒 {int(m[1]) / 10:.1f} 万条记录"),
    (r"; we take (\d[\d.]*)x its time", r"；我们的耗时为其 \1 倍"),
    (r"; (\d[\d.]*)x msgspec's time", r"；耗时为 msgspec 的 \1 倍"),
    (r"^(\d[\d.]*)x$", r"\1 倍"),
    (r"^(\d[\d.]*)x its records/s$", r"每秒记录数为其 \1 倍"),
    (r"^(\d[\d.]*)x its time$", r"耗时为其 \1 倍"),
    (r"(\d[\d.]*) ms; ([\d,]+) matched", r"\1 ms；匹配 \2 个"),
    (r"^([\d.]+) MB \(([\d.]+) MB indexed\)$", r"\1 MB（建索引后 \2 MB）"),
    (r"^([\d.]+)x the document \(([\d.]+) MB\)$", r"文档大小的 \1 倍（\2 MB）"),
    (r"(\d[\d.]*) s, (\d+) us per problem", r"\1 s，每个问题 \2 µs"),
    (r"(\d+) ms wall, (\d+) ms CPU", r"\1 ms 实际时间，\2 ms CPU 时间"),
    (r"(\d+) ms; ([\d,]+) rows \((\d+)-(\d+) a year\)", r"\1 ms；\2 行（每年 \3-\4 行）"),
    (r"(\d+) ms, (\d+) kB", r"\1 ms，\2 kB"),
    (r"refused: ([\d.]+) MiB, over its (\d+) MiB limit", r"拒绝：\1 MiB，超过 \2 MiB 的上限"),
    (r"^True$", "是"),
    (r"^False$", "否"),
]


CALL = re.compile(r"^[\w.]+\(.*\)$")
HAN = re.compile("[\u3400-\u9fff]")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;")


def figures(data: dict[str, Any], language: str) -> str:
    lines = [line for line in data["table"].splitlines() if line.startswith("|")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")][:2] for line in lines[2:]]
    head = ("Measurement", "Median") if language == "en" else ("测量项目", "中位数")
    out = [f"| {head[0]} | {head[1]} |", "|---|---|"]
    for name, median in rows:
        if language == "zh":
            name, median = _zh(name), _zh(median)
        name = _cell(name)
        if CALL.match(name) and not HAN.search(name):
            name = f"`{name}`"  # a call as code: its parameters are not words
        out.append(f"| {name} | {_cell(median)} |")
    table = "\n".join(out)
    return f'<div class="sr-table" data-table="benchmarks" markdown>\n\n{table}\n\n</div>'


def _zh(text: str) -> str:
    for pattern, replacement in ZH:
        text = re.sub(pattern, replacement, text)
    return text


def bad(data: dict[str, Any], language: str) -> str:
    found = data.get("bad_documents")
    if not found:
        raise PluginError("benchmarks/results.json has no bad_documents: run `make bench`")
    sizes = sorted(int(key) for key in found if key.isdigit())
    head = (
        ("Cities", "Problems", "Time", "Per problem")
        if language == "en"
        else ("城市数", "问题数", "耗时", "每个问题")
    )
    out = [f"| {' | '.join(head)} |", "|--:|--:|--:|--:|"]
    for size in sizes:
        row = found[str(size)]
        out.append(
            f"| {size:,} | {row['problems']:,} | {row['seconds']:.2f} s "
            f"| {row['us_per_problem']:.0f} µs |"
        )
    table = "\n".join(out)
    growth = found["per_problem_time_growth"]
    low, high = f"{sizes[0]:,}", f"{sizes[-1]:,}"
    if language == "en":
        after = f"In this run the time per problem at {high} cities is {growth:.2f}x that at {low}."
    else:
        after = f"在这次运行中，{high} 个城市时每个问题的耗时是 {low} 个城市时的 {growth:.2f} 倍。"
    return f"{table}\n\n{after}"


RENDER = {"run": run_line, "claims": claims, "figures": figures, "bad": bad}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    del config, files
    if not MARKER.search(markdown):
        return markdown
    language = "zh" if page.file.src_uri.endswith(".zh.md") else "en"
    data = results()
    return MARKER.sub(lambda m: RENDER[m[1]](data, language), markdown)
