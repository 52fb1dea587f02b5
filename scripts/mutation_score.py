"""Print the mutation score per module and overall from ``mutmut results --all true`` output.

Each line of that output names one mutant and its status
(``skillrevival._campaign.dates.x_parse_iso_date__mutmut_3: killed``; a method's mutants are named
``...xǁClassǁmethod__mutmut_1``). A mutant counts as killed when a test failed (``killed``)
or ran out of time (``timeout``); the score is killed over checked, where mutants that have
not been run yet (``not checked``, as after a run that was stopped) are left out and counted
separately, so a run finished in parts reports how far it has got.

``python scripts/mutation_score.py mutants/results.txt`` (what ``make mutation`` runs);
``--markdown`` prints the table for the docs.
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

_LINE = re.compile(r"^\s*(?P<module>[\w.]+?)\.x[_ǁ].*__mutmut_\d+:\s*(?P<status>.+?)\s*$")
KILLED = ("killed", "timeout")
PENDING = "not checked"


def tally(text: str) -> dict[str, collections.Counter[str]]:
    """Statuses counted per module, in the order the modules first appear."""
    counts: dict[str, collections.Counter[str]] = {}
    for line in text.splitlines():
        match = _LINE.match(line)
        if match:
            counts.setdefault(match["module"], collections.Counter())[match["status"]] += 1
    return counts


def score(statuses: collections.Counter[str]) -> tuple[int, int]:
    """(killed, checked): mutants not yet checked count in neither."""
    checked = sum(statuses.values()) - statuses[PENDING]
    return sum(statuses[status] for status in KILLED), checked


def rows(counts: dict[str, collections.Counter[str]]) -> list[tuple[str, str, str, str]]:
    """(module, killed/checked, score, what else) per module, then the total."""
    total: collections.Counter[str] = collections.Counter()
    table = []
    for module, statuses in sorted(counts.items()):
        total.update(statuses)
        table.append((module, *_row(statuses)))
    table.append(("all modules", *_row(total)))
    return table


def _row(statuses: collections.Counter[str]) -> tuple[str, str, str]:
    killed, checked = score(statuses)
    percent = f"{killed / checked:.1%}" if checked else "-"
    others = [f"{n} {status}" for status, n in sorted(statuses.items()) if status not in KILLED]
    return f"{killed}/{checked}", percent, ", ".join(others) or "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="output of `mutmut results --all true`")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = parser.parse_args()
    counts = tally(args.results.read_text(encoding="utf-8"))
    if not counts:
        raise SystemExit(f"no mutants in {args.results}: has `mutmut run` been run?")
    table = rows(counts)
    header = ("Module", "Killed/checked", "Score", "Other statuses")
    if args.markdown:
        print(f"| {' | '.join(header)} |\n|---|---|---|---|")
        for row in table:
            print(f"| {' | '.join(row)} |")
        return 0
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(4)]
    for row in [header, *table]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
