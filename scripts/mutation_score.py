"""Print the mutation score from ``mutmut results --all true`` output (one mutant a line)."""

from __future__ import annotations

import collections
import sys
from pathlib import Path


def main(path: str) -> int:
    statuses = collections.Counter(
        line.rsplit(":", 1)[1].strip()
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if "__mutmut_" in line and ":" in line
    )
    total = sum(statuses.values())
    checked = total - statuses["not checked"]
    killed = statuses["killed"] + statuses["timeout"]
    detail = ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
    print(f"mutation score: {killed}/{checked} killed = {killed / max(checked, 1):.1%} ({detail})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
