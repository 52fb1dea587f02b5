"""The breakages behind strategies.invalid_documents (skillrevival._campaign.breakage): every rule
of the issue broken, every field missed and mistyped, every field type judged, the original left
alone."""

import copy
import typing
from typing import Any

import attrs
import pendulum
import pytest

import skillrevival
from skillrevival._campaign import breakage as _breakage
from skillrevival._campaign.loader import LOADABLE

Doc = dict[str, Any]


def test_every_rule_of_the_issue_is_broken(campaign_doc: Doc) -> None:
    doc = campaign_doc
    doc["sources"].append(dict(doc["sources"][0], id="another"))
    found = {b.rule for b in _breakage.breakages(doc, skillrevival.Campaign)}
    # Typed from the issue's list of bad input, not read from the code.
    expected = {
        "missing_field",
        "unknown_field",
        "blank_text",
        "whitespace_text",
        "padded_text",
        "duplicate_province",
        "duplicate_city",
        "city_in_wrong_province",
        "quota_disagrees",
        "total_disagrees",
        "negative_number",
        "enormous_number",
        "nonpositive_number",
        "misnumbered",
        "malformed_date",
        "impossible_date",
        "phase_ends_before_start",
        "phases_overlap",
        "no_phases",
        "deadline_before_issue",
        "deadline_outside_campaign",
        "duplicate_source",
        "wrong_type:boolean",
        "wrong_type:null",
        "wrong_type:number",
        "wrong_type:fraction",
        "wrong_type:string",
        "wrong_type:array",
        "wrong_type:object",
    }
    assert found == expected


def _classes(root: type) -> set[type]:
    """Every attrs class a document for ``root`` can hold, from the type hints alone."""
    found: set[type] = set()
    stack: list[Any] = [root]
    while stack:
        kind = stack.pop()
        if isinstance(kind, type) and attrs.has(kind) and kind not in found:
            found.add(kind)
            stack.extend(f.type for f in attrs.fields(attrs.resolve_types(kind)))
        stack.extend(typing.get_args(kind))
    return found


def test_every_field_is_missed_and_mistyped(campaign_doc: Doc) -> None:
    made = _breakage.breakages(campaign_doc, skillrevival.Campaign)
    by_rule: dict[str, set[str]] = {}
    for b in made:
        by_rule.setdefault(b.rule.split(":")[0], set()).add(str(b.where[-1]))
    fields = [f for cls in _classes(skillrevival.Campaign) for f in attrs.fields(cls)]
    required = {f.name for f in fields if f.default is attrs.NOTHING}
    assert required <= by_rule["missing_field"]
    assert {f.name for f in fields} - required <= {"other_names", "other_codes"}
    assert {f.name for f in fields} <= by_rule["wrong_type"]


def test_fits_knows_every_field_type_and_refuses_strangers() -> None:
    for cls in LOADABLE:
        for field in attrs.fields(attrs.resolve_types(cls)):
            _breakage.fits(field.type, None)  # raises TypeError for a type it cannot judge
    with pytest.raises(TypeError, match="teach"):
        _breakage.fits(complex, 1)
    assert _breakage.fits(pendulum.Date, "2015-04-20")
    assert not _breakage.fits(pendulum.Date, "2015-02-30")
    assert _breakage.fits(int | None, None)
    assert not _breakage.fits(int, True)
    assert not _breakage.fits(tuple[int, ...], [1, "2"])
    assert _breakage.fits(typing.Literal["a", 1], 1)
    assert not _breakage.fits(typing.Literal["a", 1], True)


def test_breaking_leaves_the_original_alone(campaign_doc: Doc) -> None:
    before = copy.deepcopy(campaign_doc)
    for b in _breakage.breakages(campaign_doc, skillrevival.Campaign)[:50]:
        assert b.apply(campaign_doc) != campaign_doc
    assert campaign_doc == before
