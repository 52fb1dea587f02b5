"""The bundled data carries checksums, and a damaged installation refuses to load."""

import hashlib
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import skillrevival

DATA = Path(str(resources.files("skillrevival").joinpath("data")))


def _recorded() -> dict[str, str]:
    lines = (DATA / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    return {line[66:]: line[:64] for line in lines}


def test_every_data_file_matches_its_recorded_checksum() -> None:
    files = sorted(p.name for p in DATA.iterdir() if p.is_file() and p.name != "SHA256SUMS")
    recorded = _recorded()
    assert sorted(recorded) == files, "SHA256SUMS lists other files: run `make checksums`"
    for name in files:
        digest = hashlib.sha256((DATA / name).read_bytes()).hexdigest()
        assert recorded[name] == digest, f"{name} changed: run `make checksums` and commit"


def _load_copy(
    tmp_path: Path, damage: str, read: str = "skillrevival.campaign()"
) -> subprocess.CompletedProcess[str]:
    """Run ``read`` on a copy of the package damaged by ``damage``, in a fresh process."""
    copy = tmp_path / "skillrevival"
    shutil.copytree(DATA.parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    if damage == "flip a byte":
        target = copy / "data" / "campaign.json"
    elif damage == "flip a vocabulary byte":
        target = copy / "data" / "vocabulary.json"
    if damage.startswith("flip"):
        raw = bytearray(target.read_bytes())
        raw[len(raw) // 2] ^= 0x01
        target.write_bytes(bytes(raw))
    elif damage == "drop the line":
        (copy / "data" / "SHA256SUMS").write_text("", encoding="utf-8")
    elif damage == "garble the sums":
        (copy / "data" / "SHA256SUMS").write_text("nonsense\n\n  \n", encoding="utf-8")
    code = (
        "import skillrevival\n"
        "try:\n"
        f"    {read}\n"
        "except skillrevival.ValidationError as error:\n"
        "    print(error.problems[0].path, '|', error.problems[0].message)\n"
        "else:\n"
        "    print('loaded', skillrevival.__file__)\n"
    )
    env = {"PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-I", "-c", code.replace("import skillrevival\n", _PATH_FIX)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    )


# -I ignores PYTHONPATH; put the damaged copy first by hand instead.
_PATH_FIX = "import sys; sys.path.insert(0, '.')\nimport skillrevival\n"


def test_undamaged_copy_loads(tmp_path: Path) -> None:
    out = _load_copy(tmp_path, "none").stdout
    assert out.startswith("loaded"), out
    assert str(tmp_path) in out


@pytest.mark.parametrize("damage", ["flip a byte", "drop the line", "garble the sums"])
def test_damaged_installation_fails_clearly(tmp_path: Path, damage: str) -> None:
    path, message = _load_copy(tmp_path, damage).stdout.strip().split(" | ")
    assert path == "skillrevival/data/campaign.json"
    assert "checksum mismatch" in message
    assert "make checksums" in message
    assert "reinstall" in message


def test_the_campaign_is_read_through_the_checksum() -> None:
    assert skillrevival.campaign() is skillrevival.campaign()
    from skillrevival._campaign import loader as _loader

    raw = _loader.read_bundled("campaign.json")
    assert raw == (DATA / "campaign.json").read_bytes()


def test_damaged_vocabulary_fails_clearly(tmp_path: Path) -> None:
    done = _load_copy(tmp_path, "flip a vocabulary byte", "skillrevival.TrainingTier.TECHNICIAN.zh")
    path, message = done.stdout.strip().split(" | ")
    assert path == "skillrevival/data/vocabulary.json"
    assert "checksum mismatch" in message
