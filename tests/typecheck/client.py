"""A downstream module, type-checked (never run) by tests/faces/test_typing.py with mypy --strict.

Each ``assert_type`` is what a client's checker must infer; each ``# type: ignore[code]`` marks
a call that must be refused (mypy --strict reports an ignore that is no longer needed).
"""

import datetime as dt
from typing import assert_type

import skillrevival
from skillrevival import Campaign, City, NotFoundError, Phase, Province, Roster

campaign = skillrevival.campaign()
assert_type(campaign, Campaign)
roster = campaign.roster
assert_type(roster.city("苏州"), City)
assert_type(roster.city(130682), City)
assert_type(roster.get_city("苏州"), City | None)
assert_type(roster.province(32), Province)
assert_type(len(roster), int)
for city in roster:
    assert_type(city, City)
assert_type("苏州" in roster, bool)
assert_type(skillrevival.loads("{}"), Campaign)
assert_type(skillrevival.loads("{}", Roster), Roster)
assert_type(skillrevival.load("roster.json", Roster), Roster)
assert_type(skillrevival.structure({}, Phase), Phase)
phase = campaign.phases[0]
assert_type(phase.contains("2015-06-01"), bool)
assert_type(phase.contains(dt.date(2015, 6, 1)), bool)
assert_type(NotFoundError("m", "k").candidates, tuple[object, ...])
assert_type(skillrevival.TrainingTier.from_text("技师"), skillrevival.TrainingTier)

skillrevival.loads("{}", int)  # type: ignore[type-var]
skillrevival.validate({}, dict)  # type: ignore[arg-type]
roster.city(None)  # type: ignore[arg-type]
phase.contains(20150601)  # type: ignore[arg-type]
skillrevival.campain()  # type: ignore[attr-defined]
