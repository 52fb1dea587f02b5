"""Each rule of the geography reports its problem at the path of the value it concerns."""

from collections.abc import Callable
from typing import Any

import pytest

import skillrevival

Doc = dict[str, Any]


def _city(doc: Doc, province: int, city: int) -> Doc:
    found: Doc = doc["roster"]["provinces"][province]["cities"][city]
    return found


def _set(province: int, city: int, key: str, value: object) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        _city(doc, province, city)[key] = value

    return change


def _set_province(province: int, key: str, value: object) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["roster"]["provinces"][province][key] = value

    return change


CITY = "roster.provinces[2].cities[3]"  # 定州市 130682, parent 130600
DISTRICT = "roster.provinces[0].cities[0]"  # 丰台区 110106, parent 110000
XPCC = "roster.provinces[31]"


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (_set(2, 3, "adcode", "13068"), f"{CITY}.adcode", "6 digits"),
        (_set(2, 3, "adcode", "１３０６８２"), f"{CITY}.adcode", "6 digits"),
        (_set(2, 3, "adcode", "320682"), f"{CITY}.adcode", "does not lie in"),
        (_set(2, 3, "adcode", "130200"), f"{CITY}.adcode", "already listed"),
        (_set(2, 3, "parent", None), f"{CITY}.parent", "needs its parent"),
        (_set(2, 3, "parent", "130682"), f"{CITY}.parent", "its own parent"),
        (_set(2, 3, "parent", "320600"), f"{CITY}.parent", "not a prefecture or province"),
        (_set(2, 3, "parent", "1306"), f"{CITY}.parent", "6 digits"),
        (_set(2, 0, "parent", "130000"), "roster.provinces[2].cities[0].parent", "has no parent"),
        (_set(0, 0, "parent", "110100"), f"{DISTRICT}.parent", "the municipality as parent"),
        (_set(2, 3, "level", "town"), f"{CITY}.level", "expected AdminLevel as one of"),
        (_set(2, 3, "source", "memory"), f"{CITY}.source", "does not list"),
        (_set_province(2, "code", "130"), "roster.provinces[2].code", "2 digits"),
        (_set_province(3, "code", "13"), "roster.provinces[3].code", "already listed"),
        (_set_province(2, "within", "65"), "roster.provinces[2].within", "only a region"),
        (_set_province(31, "within", None), f"{XPCC}.within", "must say where"),
        (_set_province(31, "within", "64"), f"{XPCC}.cities[0].adcode", "does not lie in"),
    ],
)
def test_rule_reports_at_its_path(
    campaign_doc: Doc, change: Callable[[Doc], None], path: str, words: str
) -> None:
    doc = campaign_doc
    change(doc)
    problems = skillrevival.validate(doc)
    assert any(p.path == path and words in p.message for p in problems), problems


def test_other_code_rules(campaign_doc: Doc) -> None:
    doc = campaign_doc
    dingzhou = _city(doc, 2, 3)
    dingzhou["other_codes"][0]["code"] = "130682"
    dingzhou["other_codes"].append(dict(dingzhou["other_codes"][0], code="130200"))
    dingzhou["other_codes"].append(dict(dingzhou["other_codes"][0], code="13900", source="x"))
    found = {(p.path, p.message.split(",")[0]) for p in skillrevival.validate(doc)}
    where = f"{CITY}.other_codes"
    assert (f"{where}[0].code", "repeats the city's own adcode 130682") in found
    assert any(path == f"{where}[1].code" and "already listed" in m for path, m in found)
    assert (f"{where}[2].code", "must be 6 digits") in found
    assert any(path == f"{where}[2].source" for path, _ in found)


def test_geography_fields_are_required(campaign_doc: Doc) -> None:
    doc = campaign_doc
    del _city(doc, 2, 3)["adcode"]
    del doc["roster"]["codes_as_of"]
    paths = {p.path for p in skillrevival.validate(doc)}
    assert {f"{CITY}.adcode", "roster.codes_as_of"} <= paths
