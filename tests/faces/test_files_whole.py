"""Files replaced whole or not at all: a failed export leaves the previous file untouched."""

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from skillrevival import ValidationError, _files, _writing, frames

FORMATS = ["csv", "json", "jsonl", "dta", "xlsx", "parquet"]


def _fail_while_writing(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """Make the writer of ``fmt`` write part of a file, then fail (as a full disk would)."""

    def broken(named: Any, target: Any, *args: Any) -> None:
        Path(target).write_bytes(b"half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_files, "_write", broken)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failed_write_leaves_the_previous_file_and_no_temporary_one(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / f"roster.{fmt}"
    target.write_bytes(b"the previous file")
    _fail_while_writing(monkeypatch, fmt)
    with pytest.raises(OSError, match="No space left on device") as caught:
        frames.write(frames.provinces(), target)
    assert str(caught.value) == (
        f"[Errno 28] cannot write {str(target)!r}: No space left on device: {str(target)!r}"
    )
    assert caught.value.filename == str(target)
    assert target.read_bytes() == b"the previous file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"roster.{fmt}"]


def test_a_sheet_name_excel_refuses_is_a_validation_error(tmp_path: Path) -> None:
    target = tmp_path / "two.xlsx"
    target.write_bytes(b"the previous file")
    with pytest.raises(ValidationError) as caught:
        frames.write({"a[1]": frames.provinces()}, target)
    assert [str(p) for p in caught.value.problems] == [
        "tables['a[1]']: an Excel sheet's name cannot hold [ ] : * ? / or \\"
    ]
    assert target.read_bytes() == b"the previous file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["two.xlsx"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_new_file_gets_the_mode_open_would_give(fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"roster.{fmt}"
    frames.write(frames.provinces(), target)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "roster.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    frames.write(frames.provinces(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("seq,name")


def test_a_device_is_written_into_never_replaced() -> None:
    before = os.stat("/dev/null")
    frames.write(frames.provinces(), "/dev/null", "parquet")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_rdev == before.st_rdev


def test_a_missing_folder_is_named_with_its_reason(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "p.dta"
    with pytest.raises(OSError, match="No such file or directory") as caught:
        frames.write(frames.provinces(), target)
    assert f"cannot write {str(target)!r}: No such file or directory" in str(caught.value)


def test_replaced_whole_removes_its_temporary_file_on_any_failure(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"

    def write_half() -> None:
        with _writing.replaced_whole(target, "csv") as temporary:
            Path(temporary).write_text("partial", encoding="utf-8")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_half()
    assert list(tmp_path.iterdir()) == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skillrevival", *args], capture_output=True, text=True
    )


def test_export_to_an_upper_case_suffix(tmp_path: Path) -> None:
    target = tmp_path / "roster.XLSX"
    done = _cli("export", "-o", str(target))
    assert (done.returncode, done.stderr) == (0, "")
    sheets = pd.read_excel(target, sheet_name=None, dtype={"adcode": str})
    assert len(sheets["cities"]) == 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.XLSX"]


def test_export_to_a_missing_folder_names_the_file_and_reason(tmp_path: Path) -> None:
    for fmt in ("dta", "csv"):
        target = tmp_path / "missing" / f"p.{fmt}"
        done = _cli("export", "-o", str(target))
        assert done.returncode == 1
        assert done.stderr == (
            f"skillrevival: cannot write {str(target)!r}: No such file or directory\n"
        )


def test_a_failed_text_export_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "roster.csv"
    target.write_bytes(b"the previous file")
    done = _cli("export", "towns", "-o", str(target))  # refused before anything is written
    assert done.returncode == 2
    assert target.read_bytes() == b"the previous file"
