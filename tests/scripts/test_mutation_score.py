"""scripts/mutation_score.py counts mutmut's statuses per module, as `make mutation` prints them."""

import importlib.util
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "mutation_score.py"
spec = importlib.util.spec_from_file_location("mutation_score", SCRIPT)
assert spec is not None
assert spec.loader is not None
mutation_score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mutation_score)

# Lines as `mutmut results --all true` writes them (mutmut 3.8), typed by hand.
RESULTS = """\
    skillrevival._campaign.dates.x_parse_iso_date__mutmut_1: killed
    skillrevival._campaign.dates.x_parse_iso_date__mutmut_2: survived
    skillrevival._campaign.dates.x_parse_iso_date__mutmut_3: timeout
    skillrevival._campaign.dates.x_parse_iso_date__mutmut_4: not checked
    skillrevival._campaign.model.xǁCityǁprefecture_code__mutmut_1: killed
    skillrevival._campaign.model.xǁCityǁprefecture_code__mutmut_2: no tests
"""


def test_statuses_are_counted_per_module() -> None:
    counts = mutation_score.tally(RESULTS)
    assert dict(counts["skillrevival._campaign.dates"]) == {
        "killed": 1,
        "survived": 1,
        "timeout": 1,
        "not checked": 1,
    }
    assert dict(counts["skillrevival._campaign.model"]) == {"killed": 1, "no tests": 1}


def test_the_score_leaves_out_mutants_not_yet_run() -> None:
    rows = {row[0]: row[1:] for row in mutation_score.rows(mutation_score.tally(RESULTS))}
    assert rows["skillrevival._campaign.dates"][:2] == ("2/3", "66.7%")
    assert rows["skillrevival._campaign.model"][:2] == ("1/2", "50.0%")
    assert rows["all modules"][:2] == ("3/5", "60.0%")
    assert "1 not checked" in rows["all modules"][2]


def test_the_command_prints_a_table(tmp_path: Path) -> None:
    results = tmp_path / "results.txt"
    results.write_text(RESULTS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(results), "--markdown"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        "| skillrevival._campaign.dates | 2/3 | 66.7% | 1 not checked, 1 survived |" in done.stdout
    )
