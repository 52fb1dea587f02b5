"""The fast pass's own rules, on small attrs classes that use what the model does not: booleans,
literals, keyword-only, private and non-init fields, unsupported types.

Each supported type takes exactly the JSON values the strict converter would, and anything
else makes the pass give up (MISS) rather than repair the value; a class with an unsupported
type is never structured here at all.
"""

from __future__ import annotations

import enum
from typing import Literal

import attrs
import pendulum
import pytest

from skillrevival._campaign.fast import MISS, structurer, try_structure


@attrs.frozen
class Flagged:
    name: str
    flag: bool


@attrs.frozen
class Coded:
    code: Literal["a", 1, True]


class Colour(enum.Enum):
    RED = "red"
    ONE = 1


@attrs.frozen
class Painted:
    colour: Colour


@attrs.frozen(kw_only=True)
class Keyword:
    first: str
    second: int
    third: str | None = None


@attrs.frozen
class Private:
    _secret: str
    _note: str | None = None


@attrs.frozen
class Derived:
    name: str
    length: int = attrs.field(init=False, default=0)


@attrs.frozen
class One:
    only: str


@attrs.frozen
class Defaults:
    text: str | None = None
    count: int | None = None


@attrs.frozen
class Numbers:
    values: tuple[int, ...]
    words: tuple[str, ...] = ()


@attrs.frozen
class Dated:
    on: pendulum.Date


@attrs.frozen
class Node:
    name: str
    children: tuple[Node, ...] = ()


class Blank(enum.Enum):
    EMPTY = ""


@attrs.frozen
class WithFloat:
    value: float


@attrs.frozen
class WithBlankLiteral:
    value: Literal[" a"]


@attrs.frozen
class WithBlankEnum:
    value: Blank


@attrs.frozen
class WithPair:
    value: tuple[int, int]


@attrs.frozen
class WithUnion:
    value: int | str


@attrs.frozen
class WithList:
    value: list[int]


def test_a_boolean_field_takes_true_and_false() -> None:
    assert try_structure({"name": "x", "flag": True}, Flagged) == Flagged("x", True)
    assert try_structure({"name": "x", "flag": False}, Flagged) == Flagged("x", False)


@pytest.mark.parametrize("flag", [1, 0, "true", None, [True]])
def test_a_boolean_field_takes_nothing_else(flag: object) -> None:
    assert try_structure({"name": "x", "flag": flag}, Flagged) is MISS


@pytest.mark.parametrize("value", ["a", 1, True])
def test_a_literal_takes_each_of_its_values_as_itself(value: object) -> None:
    built = try_structure({"code": value}, Coded)
    assert built == Coded(value)  # type: ignore[arg-type]
    assert type(built.code) is type(value)


@pytest.mark.parametrize("value", ["b", "A", 2, False, 1.0, None, [1], {"a": 1}])
def test_a_literal_takes_no_other_value(value: object) -> None:
    assert try_structure({"code": value}, Coded) is MISS


def test_an_enum_is_read_by_value_and_type() -> None:
    assert try_structure({"colour": "red"}, Painted) == Painted(Colour.RED)
    assert try_structure({"colour": 1}, Painted) == Painted(Colour.ONE)
    for value in ["RED", "ONE", True, 1.0, None, ["red"]]:
        assert try_structure({"colour": value}, Painted) is MISS


def test_keyword_only_fields_are_passed_by_name() -> None:
    built = try_structure({"first": "x", "second": 2}, Keyword)
    assert built == Keyword(first="x", second=2)
    assert try_structure({"first": "x", "second": "2"}, Keyword) is MISS
    given = try_structure({"first": "x", "second": 2, "third": "z"}, Keyword)
    assert given == Keyword(first="x", second=2, third="z")


def test_private_fields_are_keyed_by_name_and_passed_by_alias() -> None:
    assert try_structure({"_secret": "s"}, Private) == Private("s")
    assert try_structure({"_secret": "s", "_note": "n"}, Private) == Private("s", "n")
    assert try_structure({"secret": "s"}, Private) is MISS
    assert try_structure({"_secret": "s", "note": "n"}, Private) is MISS


def test_a_field_outside_init_is_no_key_of_the_document() -> None:
    assert try_structure({"name": "x"}, Derived) == Derived("x")
    assert try_structure({"name": "x", "length": 0}, Derived) is MISS


def test_a_class_of_one_field() -> None:
    assert try_structure({"only": "x"}, One) == One("x")
    for bad in [{"only": " x"}, {"only": 1}, {"other": "x"}, {}, {"only": "x", "other": "y"}]:
        assert try_structure(bad, One) is MISS


def test_fields_with_defaults_may_be_left_out() -> None:
    assert try_structure({}, Defaults) == Defaults()
    assert try_structure({"count": 3}, Defaults) == Defaults(count=3)
    assert try_structure({"text": "t", "count": None}, Defaults) == Defaults("t")
    for bad in [{"text": ""}, {"count": True}, {"other": 1}, {"text": "t", "other": 1}]:
        assert try_structure(bad, Defaults) is MISS


def test_a_tuple_takes_a_list_or_tuple_of_its_items() -> None:
    assert try_structure({"values": []}, Numbers) == Numbers(())
    assert try_structure({"values": [1, 2]}, Numbers) == Numbers((1, 2))
    assert try_structure({"values": (3,), "words": ("a", "b")}, Numbers) == Numbers(
        (3,), ("a", "b")
    )
    for bad in [
        {"values": [1, True]},
        {"values": "12"},
        {"values": {"1": 1}},
        {"values": None},
        {"values": [], "words": "ab"},
        {"values": [], "words": ["a", " b"]},
        {"values": [], "words": ["a", 1]},
    ]:
        assert try_structure(bad, Numbers) is MISS


def test_a_date_is_an_iso_string() -> None:
    assert try_structure({"on": "2015-04-20"}, Dated) == Dated(pendulum.Date(2015, 4, 20))
    for bad in ["2015-02-30", "2015-4-20", 20150420, None]:
        assert try_structure({"on": bad}, Dated) is MISS


def test_a_class_may_contain_itself() -> None:
    data = {"name": "root", "children": [{"name": "leaf"}, {"name": "twig", "children": []}]}
    expected = Node("root", (Node("leaf"), Node("twig")))
    assert try_structure(data, Node) == expected
    assert try_structure({"name": "root", "children": [{"name": ""}]}, Node) is MISS


@pytest.mark.parametrize("data", [None, [], "x", 1, [("only", "x")]])
def test_a_class_is_read_from_an_object_alone(data: object) -> None:
    assert try_structure(data, One) is MISS


@pytest.mark.parametrize(
    "cls", [WithFloat, WithBlankLiteral, WithBlankEnum, WithPair, WithUnion, WithList]
)
def test_a_class_with_an_unsupported_type_is_left_to_the_converter(cls: type) -> None:
    assert structurer(cls) is None
    assert try_structure({"value": 1}, cls) is MISS


@attrs.frozen
class Texts:
    required: str
    listed: tuple[str, ...] = ()
    optional: str | None = None


def _texts_document(where: str, text: str) -> dict[str, object]:
    """A Texts document with ``text`` in one place: the required field, the list or the option."""
    document: dict[str, object] = {"required": "r"}
    document[where] = [text] if where == "listed" else text
    return document


@pytest.mark.parametrize("where", ["required", "listed", "optional"])
@pytest.mark.parametrize("text", ["a\u200bb", "a\tb", "a\u00adb"])
def test_text_that_is_not_printable_but_whole_is_accepted(where: str, text: str) -> None:
    built = try_structure(_texts_document(where, text), Texts)
    assert built is not MISS
    assert text in (built.required, *built.listed, built.optional)


@pytest.mark.parametrize("where", ["required", "listed", "optional"])
@pytest.mark.parametrize("text", ["", " ", " a", "a ", "a\n", "a\ud800b", "\udfff"])
def test_empty_padded_or_broken_text_is_refused(where: str, text: str) -> None:
    assert try_structure(_texts_document(where, text), Texts) is MISS


def test_a_new_class_with_string_annotations_is_resolved_on_first_use() -> None:
    # Defined here, so that no earlier test has resolved its annotations ("str", "int").
    @attrs.frozen
    class Late:
        name: str
        count: int

    assert try_structure({"name": "x", "count": 1}, Late) == Late("x", 1)
    assert try_structure({"name": "x", "count": "1"}, Late) is MISS
