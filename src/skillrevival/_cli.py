"""The ``skillrevival`` command: a readable summary of the campaign."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence

from ._model import Campaign


def display_width(text: str) -> int:
    """Columns that ``text`` takes in a terminal: two for wide (CJK) characters, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def summary(campaign: Campaign) -> str:
    """The campaign in a page of text: the notice, the phases, the roster and its total."""
    notice = campaign.notice
    lines = [
        f"{campaign.name.zh}",
        f"{campaign.name.en}",
        "",
        f"Notice     {notice.number}, issued {notice.issued_on} by {notice.issuer.zh}",
        f"           ({notice.issuer.en})",
        f"Plans due  {campaign.plan_deadline} ({notice.plan_deadline_printed}) to "
        f"{notice.plans_submitted_to.zh} ({notice.plans_submitted_to.en})",
        f"Duration   {campaign.stated_duration.printed} ({campaign.stated_duration.en}) as stated; "
        f"phases span {campaign.start} to {campaign.end}",
        "",
        "Phases",
    ]
    for phase in campaign.phases:
        span = f"{phase.start} to {phase.end}"
        lines.append(f"  {phase.number}  {span}  {phase.name.zh} ({phase.printed_period})")
    roster = campaign.roster
    width = max(display_width(p.name) for p in roster.provinces)
    lines += ["", f"Roster ({roster.clause}): {len(roster.provinces)} provinces"]
    for province in roster.provinces:
        cities = "、".join(city.name for city in province.cities)
        lines.append(
            f"  {province.seq:>2}  {pad(province.name, width)}  {province.quota}  {cities}"
        )
    lines.append(f"  Total quota {roster.total_quota}, {len(roster.cities)} cities")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from ._loader import campaign

    del argv
    sys.stdout.write(summary(campaign()) + "\n")
    return 0
