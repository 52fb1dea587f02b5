"""The command line with hostile input and careless plumbing: one escaped line per problem,
a library message (never a traceback) for a full or closed stdout, status 2 for a command line
it cannot understand."""

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillrevival._cli import escaped

COMMAND = [sys.executable, "-m", "skillrevival"]


def run(*args: str, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, **options)  # type: ignore[call-overload,no-any-return]


def test_keys_with_a_newline_or_a_lone_surrogate_are_one_escaped_line_each(
    tmp_path: Path,
) -> None:
    path = tmp_path / "keys.json"
    path.write_text('{"provinces": [], "a\\nb: forged": 1, "\\ud800": 2, "\\u202e": 3}', "utf-8")
    done = run("validate", str(path))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[-4:] == [
        "a\\nb: forged: unknown field",
        "\\u202e: unknown field",  # unknown keys in sorted order
        "\\ud800: unknown field",
        "provinces: a roster lists at least one province",
    ]
    assert not any(line.startswith(" forged") for line in lines)
    assert "Traceback" not in done.stderr


@given(st.text())
def test_escaped_text_is_one_printable_line(text: str) -> None:
    line = escaped(text)
    assert "\n" not in line
    assert "\r" not in line
    line.encode("utf-8")  # no lone surrogate left
    # no control or format character, line or paragraph separator or surrogate is left
    assert not {unicodedata.category(ch) for ch in line} & {"Cc", "Cf", "Cs", "Zl", "Zp"}
    if text.isprintable():
        assert line == text


def test_escaped_examples() -> None:
    assert escaped("a\nb\tc\x1b[31m\ud800\u2028") == "a\\nb\\tc\\x1b[31m\\ud800\\u2028"
    assert escaped("苏州　市 ok") == "苏州　市 ok"  # white space that prints stays


def test_a_full_stdout_is_a_line_on_stderr_and_status_1() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([*COMMAND, "roster"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert done.stderr == "skillrevival: cannot write to standard output: No space left on device\n"


def test_a_closed_stdout_is_a_line_on_stderr_and_status_1() -> None:
    done = subprocess.run(
        [*COMMAND, "roster"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 1
    assert (
        done.stderr == "skillrevival: cannot write to standard output: standard output is closed\n"
    )


def test_a_closed_stdout_is_no_matter_for_a_file(tmp_path: Path) -> None:
    target = tmp_path / "roster.csv"
    done = subprocess.run(
        [*COMMAND, "export", "-o", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("province_seq,")


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["phase", "yesterday"],
            "skillrevival: DATE: expected a date as YYYY-MM-DD, got 'yesterday'\n",
        ),
        (
            ["phase", "２０１５-０６-０１"],
            "skillrevival: DATE: expected a date as YYYY-MM-DD, got '２０１５-０６-０１'\n",
        ),
        (
            ["panel", "--years", "abc"],
            "skillrevival: --years: expected 2010-2020 or 2013,2015, got 'abc'\n",
        ),
        (
            ["panel", "--years", "²⁰¹⁵"],
            "skillrevival: --years: expected 2010-2020 or 2013,2015, got '²⁰¹⁵'\n",
        ),
        (
            ["panel", "--years", "2000-3000000"],
            "skillrevival: --years: expected 2010-2020 or 2013,2015, got '2000-3000000'\n",
        ),
        (
            ["panel", "--years", "2000-2999"],
            "skillrevival: --years: '2000-2999' goes outside 1980-2025, the years whose "
            "division lists the library holds\n",
        ),
        (
            ["panel", "--years", "2020-2010"],
            "skillrevival: --years: '2020-2010' runs backwards; write 2010-2020\n",
        ),
        (
            ["export", "nonsense"],
            "skillrevival: no table 'nonsense'; choose from cities, provinces\n",
        ),
    ],
)
def test_a_command_line_it_cannot_understand_exits_2(args: list[str], stderr: str) -> None:
    done = run(*args)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", stderr)


def test_an_unknown_option_exits_2_too() -> None:
    done = run("roster", "--colour")
    assert done.returncode == 2
    assert "unrecognized arguments: --colour" in done.stderr


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/stdin"])
def test_validate_stops_reading_at_the_limit(path: str) -> None:
    feed = subprocess.Popen(["cat", "/dev/zero"], stdout=subprocess.PIPE)
    try:
        done = subprocess.run(
            [*COMMAND, "validate", path],
            stdin=feed.stdout,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        feed.kill()
        feed.wait()
    assert done.returncode == 1
    assert done.stdout == (
        "<document>: too large to read: more than the limit of 33,554,432 bytes "
        "(reading stopped there)\n"
    )


def test_validate_a_hostile_file_lists_the_limit_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"provinces": [{}] * 20_000}), encoding="utf-8")
    done = run("validate", str(path))
    lines = done.stdout.splitlines()
    assert done.returncode == 1
    assert len(lines) == 10_001
    assert (
        lines[-1] == "<document>: and 170,004 more problems, not listed (only the first 10,000 are)"
    )
