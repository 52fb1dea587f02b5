"""The real console script, run in a subprocess as a user runs it."""

import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import skillrevival

# The ``run`` fixture of conftest.py: the console script with these arguments, in a subprocess.
Run = Callable[..., subprocess.CompletedProcess[str]]


def test_script_is_installed(script: Path) -> None:
    assert script.exists() or shutil.which("skillrevival")


def test_no_arguments_prints_the_summary(run: Run) -> None:
    out = run().stdout
    assert "人社部函〔2015〕67号" in out
    assert "Total quota 100, 100 cities" in out
    module = subprocess.run(
        [sys.executable, "-m", "skillrevival"], capture_output=True, text=True, check=True
    )
    assert module.stdout == out


def test_roster_table_aligns_by_display_width(run: Run) -> None:
    lines = run("roster", "--province", "内蒙古自治区").stdout.splitlines()
    assert lines[0].split() == ["province_seq", "province", "seq", "name", "adcode", "level"]
    assert [line.split()[3:] for line in lines[2:]] == [
        ["呼和浩特市", "150100", "prefecture_city"],
        ["鄂尔多斯市", "150600", "prefecture_city"],
    ]
    # the adcode column starts at the same terminal column on every line, the header's too
    from skillrevival._cli import display_width

    shown = zip([lines[0], *lines[2:]], ["adcode", "150100", "150600"], strict=True)
    starts = {display_width(line[: line.index(code)]) for line, code in shown}
    assert len(starts) == 1


def test_display_width() -> None:
    from skillrevival._cli import display_width, pad

    assert display_width("苏州ab") == 6
    assert display_width(pad("新疆兵团", 10)) == 10


def test_roster_csv_and_json(run: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(run("roster", "--format", "csv").stdout)))
    assert len(rows) == 100
    assert rows[47]["name"] == "鹰谭市"
    assert rows[47]["official_name"] == "鹰潭市"
    # 定州 (河北, 4th) rolls up into 保定; 丰城 (江西, 4th) into 宜春 360900; 济源 stands alone
    by_name = {row["name"]: row for row in rows}
    assert [by_name["定州市"][k] for k in ("adcode", "parent", "prefecture_code")] == [
        "130682",
        "130600",
        "130600",
    ]
    assert by_name["丰城市"]["prefecture_code"] == "360900"
    assert by_name["济源市"]["prefecture_code"] == "419001"
    assert by_name["第一师阿拉尔市"]["province_code"] == ""
    data = json.loads(run("roster", "--format", "json", "--province", "海南").stdout)
    # typed from 附件2 (row 21) and GB/T 2260 (海口市 460100)
    assert data == [
        {
            "province_seq": 21,
            "province": "海南",
            "seq": 1,
            "name": "海口市",
            "official_name": "海口市",
            "name_en": "Haikou",
            "adcode": "460100",
            "level": "prefecture_city",
            "parent": None,
            "prefecture_code": "460100",
            "province_code": "46",
            "province_official_name": "海南省",
            "province_name_en": "Hainan",
            "source": "gb2260-201504",
        }
    ]


def test_lookup_city_and_province(run: Run) -> None:
    out = run("lookup", "苏州").stdout
    assert "苏州市" in out
    assert "江苏" in out
    out = run("lookup", "新疆兵团").stdout
    assert "第一师阿拉尔市" in out


def test_lookup_unknown_exits_1_with_suggestions(run: Run) -> None:
    done = run("lookup", "苏洲市", check_code=1)
    assert "苏州市" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2015-03-01", "phase 1"),
        ("2016-09-30", "phase 2"),
        ("2016-12-31", "phase 3"),
        ("2015-02-28", "before the campaign"),
        ("2017-01-01", "after the campaign"),
    ],
)
def test_phase(run: Run, day: str, words: str) -> None:
    assert words in run("phase", day).stdout


def test_phase_today_and_bad_date(run: Run) -> None:
    assert run("phase").stdout.strip()
    done = run("phase", "2016-02-30", check_code=2)  # a command line it cannot understand
    assert done.stderr == "skillrevival: DATE: '2016-02-30' is not a date in the calendar\n"


def test_validate_good_and_bad_files(run: Run, tmp_path: Path) -> None:
    data = skillrevival.converter.unstructure(skillrevival.campaign())
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert "a valid campaign" in run("validate", str(good)).stdout
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps(data["roster"], ensure_ascii=False), encoding="utf-8")
    assert "a valid roster" in run("validate", str(roster)).stdout
    data["roster"]["provinces"][9]["quota"] = 6
    data["batch"] = "two"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lines = run("validate", str(bad), check_code=1).stdout.splitlines()
    assert sorted(lines) == [
        "batch: expected a whole number, got the string 'two'",
        "roster.provinces[9].quota: quota is 6, but 5 cities are listed",
        "roster.total_quota: total_quota is 100, but the provinces' quotas add up to 101",
    ]
    assert run("validate", str(tmp_path / "missing.json"), check_code=1).stdout.startswith(
        "<document>: cannot read"
    )
    notjson = tmp_path / "x.json"
    notjson.write_bytes(b"\xff\xfe")
    assert "not UTF-8" in run("validate", str(notjson), check_code=1).stdout


def test_usage_errors_exit_2(run: Run) -> None:
    assert run("bogus", check_code=2).stderr.startswith("skillrevival: error:")
    assert run("roster", "--format", "xml", check_code=2).stderr
    assert run("validate", check_code=2).stderr


@pytest.mark.parametrize("command", ["roster", "lookup", "phase", "validate", "export"])
def test_help_for_every_command(run: Run, command: str) -> None:
    assert "usage: skillrevival " + command in run(command, "--help").stdout


def test_export_formats(run: Run, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in run("export", "--format", "jsonl").stdout.splitlines()]
    assert len(rows) == 100
    assert rows[-1]["name"] == "第一师阿拉尔市"
    assert len(json.loads(run("export", "--format", "json").stdout)) == 100
    target = tmp_path / "roster.csv"
    run("export", "--format", "csv", "--bom", "-o", str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["name"] for r in table[:3]] == ["丰台区", "大兴区", "门头沟区"]
    assert not run("export", "-o", str(tmp_path / "no" / "such" / "dir.csv"), check_code=1).stdout


def test_a_reader_that_goes_away_is_no_error(script: Path) -> None:
    """skillrevival export | head: the pipe closes early; exit 0 and no traceback."""
    proc = subprocess.Popen(
        [str(script), "export", "--format", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()  # nobody reads: the first write fails with EPIPE
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, stderr
    assert stderr == ""


def test_lookup_shows_other_codes_and_names_plainly(run: Run) -> None:
    lines = run("lookup", "定州").stdout.splitlines()
    facts = {line.split()[0]: line.split(maxsplit=1)[1:] for line in lines}
    assert facts["adcode"] == ["130682"]
    assert facts["other_names"] == []
    assert facts["other_codes"][0].startswith("139001 / statistical / nbs-statistical-codes / ")
    assert all(line == line.rstrip() for line in lines)
    xpcc = run("lookup", "新疆兵团").stdout
    assert "other_names    新疆生产建设兵团; 兵团; XPCC\n" in xpcc


def test_every_failure_is_one_line_and_a_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """main() turns each kind of failure into one line on stderr, in one place."""
    from skillrevival._cli import main

    missing = tmp_path / "no such folder" / "cities.csv"
    assert main(["export", "-o", str(missing)]) == 1
    said = capsys.readouterr().err
    assert said == f"skillrevival: cannot write {str(missing)!r}: No such file or directory\n"
    assert main(["export", "--format", "dta"]) == 2
    assert capsys.readouterr().err == "skillrevival: .dta is a binary format: give -o FILE\n"
    assert main(["roster", "--province", "不存在"]) == 1
    said = capsys.readouterr().err
    assert said.startswith("skillrevival: ")
    assert said.count("\n") == 1
