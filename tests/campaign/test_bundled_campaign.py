"""The bundled campaign is loaded without its rules: these tests hold it to every one instead."""

import subprocess
import sys
from typing import Any

import skillrevival


def test_the_bundled_document_passes_every_rule(campaign_doc: dict[str, Any]) -> None:
    assert skillrevival.validate(campaign_doc) == []


def test_the_bundled_campaign_is_the_one_the_full_pass_builds(campaign_doc: dict[str, Any]) -> None:
    assert skillrevival.campaign() == skillrevival.structure(campaign_doc)


def test_the_first_campaign_runs_no_rule_and_imports_neither_rules_nor_cattrs() -> None:
    code = (
        "import sys, skillrevival; skillrevival.campaign(); "
        "print(sorted(m for m in sys.modules if m.startswith("
        "('cattrs', 'skillrevival._campaign.rules', 'skillrevival._campaign.converter'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
