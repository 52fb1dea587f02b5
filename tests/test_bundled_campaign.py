"""The bundled campaign is loaded without its rules: these tests hold it to every one instead."""

import json
import subprocess
import sys
from importlib import resources

import skillrevival
from skillrevival._campaign.loader import BUNDLED


def _bundled() -> object:
    return json.loads(resources.files("skillrevival").joinpath("data", BUNDLED).read_text("utf-8"))


def test_the_bundled_document_passes_every_rule() -> None:
    assert skillrevival.validate(_bundled()) == []


def test_the_bundled_campaign_is_the_one_the_full_pass_builds() -> None:
    assert skillrevival.campaign() == skillrevival.structure(_bundled())


def test_the_first_campaign_runs_no_rule_and_imports_neither_rules_nor_cattrs() -> None:
    code = (
        "import sys, skillrevival; skillrevival.campaign(); "
        "print(sorted(m for m in sys.modules if m.startswith("
        "('cattrs', 'skillrevival._campaign.rules', 'skillrevival._campaign.converter'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
