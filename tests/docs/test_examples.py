"""The examples in examples/ run as a user runs them, so that they cannot rot.

The notebook is committed without outputs and executed here with nbclient, on a kernel of this
very interpreter (a kernel spec written for the test, so a kernel installed elsewhere on the
machine cannot stand in for it).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
NOTEBOOK = EXAMPLES / "roster_analysis.ipynb"


def test_the_notebook_is_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code) >= 8
    assert [cell for cell in code if cell.outputs or cell.execution_count is not None] == []


def test_the_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kernels = tmp_path / "jupyter" / "kernels" / "skillrevival-test"
    kernels.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "skillrevival tests",
        "language": "python",
    }
    (kernels / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend draws PNGs
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="skillrevival-test",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    errors = [output for output in outputs if output.output_type == "error"]
    assert errors == []
    text = "".join(output.get("text", "") for output in outputs)
    assert "人社部函〔2015〕67号 2015-04-20 100 cities" in text
    assert "5 of 8 matched" in text
    assert "1 Suzhou ambiguous" in text
    assert "4 南京 not_implementing" in text
    assert "6 Wuxi ambiguous" in text
    implementing = "'implementing'"
    statuses = [implementing] * 4 + ["'not_implementing'"] + [implementing] * 3
    assert f"[{', '.join(statuses)}]" in text
    assert "units in 2015: 366" in text
    assert "110000 written three ways" in text
    images = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(images) == 3  # the two charts and the map


def run(script: str, *args: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_quota_chart_example(tmp_path: Path) -> None:
    assert run("quota_chart.py", "out.png", cwd=tmp_path) == "wrote out.png\n"
    assert (tmp_path / "out.png").read_bytes().startswith(b"\x89PNG")


def test_treatment_panel_example(tmp_path: Path) -> None:
    lines = run("treatment_panel.py", cwd=tmp_path).splitlines()
    # 91 prefecture-level units from the roster and 5 capitals as controls, over 2012-2019
    assert lines[0] == "96 prefecture-level units, 768 unit-years"
    assert lines[1:] == [
        "year",
        "2012     0",
        "2013     0",
        "2014     0",
        "2015    91",
        "2016    91",
        "2017    91",
        "2018    91",
        "2019    91",
    ]


def test_country_panel_example(tmp_path: Path) -> None:
    lines = run("country_panel.py", str(tmp_path), cwd=tmp_path).splitlines()
    assert lines[0].split()[:3] == ["year", "2010", "2011"]
    # 91 treated prefecture-level units from 2015 on, none before
    assert lines[2].split() == ["treated"] + ["0"] * 5 + ["91"] * 6
    for suffix in ("dta", "xlsx", "parquet"):
        assert (tmp_path / f"panel.{suffix}").stat().st_size > 10_000


def test_roster_map_example(tmp_path: Path) -> None:
    assert run("roster_map.py", "map.png", cwd=tmp_path) == "wrote map.png\n"
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")


def test_every_example_is_tested() -> None:
    tested = {
        "roster_analysis.ipynb",
        "quota_chart.py",
        "treatment_panel.py",
        "country_panel.py",
        "roster_map.py",
    }
    assert {path.name for path in EXAMPLES.iterdir() if path.is_file()} == tested
