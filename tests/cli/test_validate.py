"""`skillrevival validate`: it says what it read a file as, and reads back what export writes.

Run in-process through ``main()`` (the command line's entry point), with output captured.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import skillrevival
from skillrevival._cli import main


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["validate", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_export_json_is_read_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported = tmp_path / "cities.json"
    assert main(["export", "--format", "json", "-o", str(exported)]) == 0
    status, out, err = validate(capsys, str(exported))
    assert (status, out) == (0, f"{exported}: a valid table\n")
    assert err == (
        f"{exported}: read as a table (an array, as `skillrevival export --format json` "
        "writes); --as campaign or --as roster reads it as another kind\n"
    )
    rows = json.loads(exported.read_text(encoding="utf-8"))
    assert len(rows) == 100  # the notice's 100 cities
    del rows[3]["adcode"]
    rows[5]["colour"] = "red"
    exported.write_text(json.dumps(rows), encoding="utf-8")
    status, out, _ = validate(capsys, str(exported), "--as", "table")
    assert (status, out) == (1, "[3].adcode: column is missing\n[5].colour: unknown column\n")


def test_the_guess_is_named_with_how_to_choose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "typo.json"
    typo.write_text('{"provinecs": []}', encoding="utf-8")
    status, out, err = validate(capsys, str(typo))
    assert status == 1
    assert err == (
        f"{typo}: read as a roster (it has 'provinecs', close to 'provinces'); "
        "--as campaign or --as table reads it as another kind\n"
    )
    assert "provinecs: unknown field; did you mean 'provinces'?\n" in out
    status, out, err = validate(capsys, str(typo), "--as", "campaign")
    assert err == ""  # chosen, not guessed
    assert "provinecs: unknown field\n" in out


def test_a_roster_is_taken_for_a_roster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "roster.json"
    data = skillrevival.converter.unstructure(skillrevival.campaign().roster)
    roster.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    status, out, err = validate(capsys, str(roster))
    assert (status, out) == (0, f"{roster}: a valid roster\n")
    assert "read as a roster (it has 'provinces')" in err
