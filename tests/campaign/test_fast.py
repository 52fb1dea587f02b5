"""The fast paths give the same answers as the detailed ones, for good and bad input alike.

The reference here is the detailed path as it was before the fast paths existed: the cattrs
converter with detailed validation, then every rule (text included), problems merged in that
order. Whatever the fast pass accepts, the reference must accept and build equally.
"""

import copy
import enum
import gc
import json
import subprocess
import sys
import threading
import typing
import unicodedata
from importlib import resources
from typing import Any, Literal

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillrevival
from skillrevival import (
    AdminLevel,
    Attachment,
    Problem,
    Source,
    ValidationError,
    converter,
    normalize,
    strategies,
)
from skillrevival._campaign import fast as _fast
from skillrevival._campaign import loader as _loader
from skillrevival._campaign.fast import MISS, structurer, try_structure
from skillrevival._campaign.loader import LOADABLE
from skillrevival._campaign.rules import (
    _all_distinct_keys,
    _check_city,
    _check_city_in_province,
    _plain_city,
    check_rules,
    problems_from_exception,
)
from skillrevival._index import CITY_SUFFIXES, CITY_SUFFIXES_EN, Index, split_suffix
from skillrevival._text import is_text_problem

Doc = Any

VALID: dict[type, st.SearchStrategy[Any]] = {
    skillrevival.Campaign: strategies.campaigns(),
    skillrevival.Roster: strategies.rosters(),
    skillrevival.Province: strategies.provinces(),
    skillrevival.City: strategies.cities().map(lambda cities: cities[0]),
    skillrevival.Phase: strategies.phases(),
    skillrevival.Notice: strategies.notices(),
    skillrevival.Term: strategies.terms(),
    Attachment: st.builds(Attachment, st.integers(1, 9), strategies.terms()),
    Source: st.builds(Source, *[strategies.texts()] * 4),
}


def reference_problems(data: Doc, cls: type = skillrevival.Campaign) -> list[Problem]:
    problems: list[Problem] = []
    try:
        converter.structure(data, cls)
    except Exception as error:
        problems.extend(problems_from_exception(error))
    # A value whose shape is wrong gets that one problem: a rule's problem at the same path is
    # a follow-on and is left out. The converter checks the text rule (issue 23), whose
    # problems stand beside the rules'.
    wrong = {problem.path for problem in problems if not is_text_problem(problem.message)}
    for problem in check_rules(data, cls, text=False):
        if problem.path not in wrong and problem not in problems:
            problems.append(problem)
    return problems


def assert_paths_agree(data: Doc, cls: type = skillrevival.Campaign) -> None:
    """validate(), structure() and the fast pass say what the reference says."""
    _assert_agree(data, cls, reference_problems(data, cls))


def _assert_agree(data: Doc, cls: type, expected: list[Problem]) -> None:
    assert skillrevival.validate(data, cls) == expected
    fast = try_structure(copy.deepcopy(data), cls)
    if expected:
        with pytest.raises(ValidationError) as caught:
            skillrevival.structure(data, cls)
        assert list(caught.value.problems) == expected
        if fast is not MISS:  # it may build a shape that only a rule rejects, never more
            assert check_rules(data, cls, text=False)
    else:
        built = converter.structure(data, cls)
        assert skillrevival.structure(data, cls) == built
        assert fast is MISS or fast == built  # a damaged document may be valid in a rare way


BUNDLED: Doc = json.loads(
    resources.files("skillrevival").joinpath("data", "campaign.json").read_text("utf-8")
)


def field_paths(data: Doc, cls: type, path: tuple[Any, ...] = ()) -> dict[tuple[str, str], Any]:
    """One path in ``data`` to each (class, field) of the model, found by walking the types."""
    found: dict[tuple[str, str], Any] = {}
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        where = (*path, field.name)
        found.setdefault((cls.__name__, field.name), where)
        value, kind = data.get(field.name), hints[field.name]
        args = getattr(kind, "__args__", ())
        if attrs.has(kind) and isinstance(value, dict):
            found = {**field_paths(value, kind, where), **found}
        elif args and attrs.has(args[0]) and isinstance(value, list) and value:
            found = {**field_paths(value[0], args[0], (*where, 0)), **found}
    return found


PANEL = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2.0,
    10**30,
    "",
    " ",
    " 苏州市",
    "2015-04-20",
    "2015-02-30",
    "x",
    [],
    ["x"],
    {},
    {"zh": "一", "en": "one"},
]


def put(doc: Doc, path: tuple[Any, ...], value: Any) -> Doc:
    changed = copy.deepcopy(doc)
    node = changed
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return changed


@pytest.mark.parametrize(("where"), sorted(field_paths(BUNDLED, skillrevival.Campaign).items()))
def test_every_field_against_a_panel_of_values(where: tuple[tuple[str, str], Any]) -> None:
    _, path = where
    for value in PANEL:
        assert_paths_agree(put(BUNDLED, path, value))


def test_bundled_document_agrees() -> None:
    assert_paths_agree(BUNDLED)
    assert try_structure(BUNDLED, skillrevival.Campaign) == skillrevival.campaign()


@pytest.mark.parametrize("cls", sorted(VALID, key=lambda cls: cls.__name__))
@settings(max_examples=30)
@given(st.data())
def test_every_valid_document_takes_the_fast_path(cls: type, data: st.DataObject) -> None:
    """A valid document that missed the fast pass would be read right, only slowly: fail here.

    Every strategy of skillrevival.strategies for a loadable class, the text strategy's
    unusual strings (control characters, zero-width spaces) included.
    """
    document = converter.unstructure(data.draw(VALID[cls]))
    assert not reference_problems(document, cls)
    built = try_structure(copy.deepcopy(document), cls)
    assert built is not MISS
    assert built == converter.structure(document, cls)


def test_unusual_but_valid_text_takes_the_fast_path() -> None:
    for text in ("a\u200bb", "a\x00b", "a\u2028b", "tab\tinside"):
        assert try_structure({"zh": text, "en": "x"}, skillrevival.Term) == skillrevival.Term(
            text, "x"
        )
    for text in ("a\ud800", " a", "a\u3000", "", "\t"):
        assert try_structure({"zh": text, "en": "x"}, skillrevival.Term) is MISS


def test_a_generator_bug_is_an_error_not_a_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a value that breaks a check is a miss; anything else raised inside propagates."""
    _fast._BUILT.clear()

    def broken(value: Any) -> Any:
        raise ZeroDivisionError

    monkeypatch.setattr(_fast, "_int", broken)
    try:
        with pytest.raises(ZeroDivisionError):
            try_structure({"number": 1, "title": {"zh": "一", "en": "one"}}, Attachment)
    finally:
        _fast._BUILT.clear()


@pytest.mark.parametrize("cls", LOADABLE)
def test_wrong_containers_for_every_class(cls: type) -> None:
    for value in (None, [], "x", {"unknown": 1}, [{}], 1):
        assert_paths_agree(value, cls)


@given(strategies.campaigns())
def test_generated_campaigns_agree(campaign: skillrevival.Campaign) -> None:
    assert_paths_agree(converter.unstructure(campaign))


def _nodes(doc: Doc, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path in ``doc`` (object keys and array indexes), the root excluded."""
    found = []
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    )
    for key, value in items:
        found.append((*path, key))
        found.extend(_nodes(value, (*path, key)))
    return found


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=False)
    | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=4,
)


@given(strategies.campaigns(), st.data())
def test_damaged_campaigns_agree(campaign: skillrevival.Campaign, data: st.DataObject) -> None:
    doc = converter.unstructure(campaign)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_nodes(doc)))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "add", "panel"]))
        if action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[data.draw(st.text(max_size=5))] = data.draw(_JSON)
        elif action == "panel":
            parent[path[-1]] = data.draw(st.sampled_from(PANEL))
        else:
            parent[path[-1]] = data.draw(_JSON)
    assert_paths_agree(doc)


def _reference_normalize(text: str) -> str:
    """normalize() without its quick path: NFKC, fold case, drop accents and spaces; repeat."""
    for _ in range(4):
        folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
        bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
        key = "".join(unicodedata.normalize("NFKC", bare).split())
        if key == text:
            break
        text = key
    return key


@given(st.text())
def test_normalize_agrees_with_its_first_definition(text: str) -> None:
    assert normalize(text) == _reference_normalize(text)


@given(st.lists(st.text(max_size=4) | st.sampled_from(["Ç", "C\u0327", "ß", "\u3000", "\x00"])))
def test_names_checked_at_once_are_each_their_own_key(names: list[str]) -> None:
    if _all_distinct_keys(names):
        assert [normalize(name) for name in names] == names
        assert len(set(names)) == len(names)
    elif all(normalize(name) == name for name in names) and len(set(names)) == len(names):
        pytest.fail("names that are distinct keys were not recognised as such")


@given(st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=6), st.text(max_size=6))
def test_index_answers_a_key_as_given_or_normalised(names: list[str], key: str) -> None:
    index = Index("city", (((name,), name) for name in names), str, CITY_SUFFIXES)
    assert index.find(key) == index.find(normalize(key))
    for name in names:
        stem, _ = split_suffix(normalize(name), CITY_SUFFIXES)
        assert normalize(stem) == stem  # every key of the index is its own normal form


def test_first_campaign_needs_no_cattrs() -> None:
    code = "import sys, skillrevival; skillrevival.campaign(); print('cattrs' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


_CODES = ["320500", "320501", "320000", "320100", "110106", "110000", "1305", "x"]


@settings(max_examples=1000)
@given(
    st.fixed_dictionaries(
        {
            "seq": st.sampled_from([1, 1, 1, 2, 0, True]),
            "province": st.sampled_from(["江苏", "江苏", "北京"]),
            "adcode": st.sampled_from(_CODES),
            "parent": st.sampled_from([*_CODES, None, None, 320500.0]),
            "level": st.sampled_from([level.value for level in AdminLevel] + ["other", 1]),
        },
        optional={"other_codes": st.just([{"code": "139001"}]) | st.just([])},
    ),
    st.sampled_from([1, 1, 2]),
    st.sampled_from(["江苏", "江苏", None]),
    st.sampled_from(["32", "32", "11", None]),
)
def test_a_plain_city_is_one_the_detailed_rules_pass(
    city: dict[str, Any], seq: int, name: str | None, code: str | None
) -> None:
    """The quick test of a roster row's city never passes one that a rule would report.

    The rules are called one by one here: the row's own check trusts the quick test.
    """
    province = {"name": name, "code": code}
    found = [*_check_city(city, "c"), *_check_city_in_province(city, "c", province)]
    misnumbered = type(city["seq"]) is int and city["seq"] != seq
    held = city["province"]
    elsewhere = name is not None and isinstance(held, str) and held != name
    if _plain_city(city, seq, name, code):
        assert found == []
        assert not misnumbered
        assert not elsewhere


def test_every_bundled_city_is_plain() -> None:
    """The quick test passes the usual city, so it does save the detailed walk."""
    for province in BUNDLED["roster"]["provinces"]:
        prefix = province["code"] or province["within"]
        for seq, city in enumerate(province["cities"], start=1):
            plain = _plain_city(city, seq, province["name"], prefix)
            assert plain == ("other_codes" not in city), city["name"]


def _reference_split(key: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    """split_suffix as first written: each suffix in turn, the first that leaves a stem."""
    for suffix in suffixes:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            return key[: -len(suffix)], suffix
    return key, ""


_PIECES = st.sampled_from(["市", "区", "州", "自治州", "地区", "city", "y", "ity", "a", ""])


@given(
    st.lists(_PIECES, max_size=4).map("".join),
    st.lists(_PIECES, max_size=6).map(tuple) | st.just(CITY_SUFFIXES + CITY_SUFFIXES_EN),
)
def test_split_suffix_agrees_with_its_first_definition(key: str, suffixes: tuple[str, ...]) -> None:
    assert split_suffix(key, suffixes) == _reference_split(key, suffixes)


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_collector_as_it_found_it(enabled: bool) -> None:
    """Reading pauses the garbage collector, and restores it, after success and failure."""
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        skillrevival.structure(BUNDLED)
        assert gc.isenabled() is enabled
        with pytest.raises(ValidationError):
            skillrevival.structure({"batch": "two"})
        assert gc.isenabled() is enabled
        skillrevival.loads(json.dumps(BUNDLED))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


@pytest.mark.parametrize("cls", LOADABLE)
def test_field_types_need_no_evaluation(cls: type) -> None:
    """The first campaign() resolves every field's type: none is a string to compile."""
    for base in cls.__mro__:
        for name, kind in vars(base).get("__annotations__", {}).items():
            assert not isinstance(kind, str), f"{base.__name__}.{name}: {kind!r}"


def _collector_during_a_read(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was on inside each read, seen from the structuring step."""
    seen: list[bool] = []
    structure = _loader._structure

    def watched(data: Any, cls: type) -> Any:
        seen.append(gc.isenabled())
        return structure(data, cls)

    monkeypatch.setattr(_loader, "_structure", watched)
    skillrevival.loads(json.dumps(BUNDLED))
    skillrevival.structure(BUNDLED)
    return seen


def test_a_lone_thread_reads_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    assert gc.isenabled()
    assert _collector_during_a_read(monkeypatch) == [False, False]
    assert gc.isenabled()


def test_other_threads_keep_their_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """With another thread running, reading leaves the process-wide switch alone."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert _collector_during_a_read(monkeypatch) == [True, True]
    finally:
        release.set()
        other.join()
    assert gc.isenabled()


# ==================================================================================================
# The fast pass's own rules, on small attrs classes that use what the model does not: booleans,
# literals, keyword-only, private and non-init fields, unsupported types.
#
# Each supported type takes exactly the JSON values the strict converter would, and anything
# else makes the pass give up (MISS) rather than repair the value; a class with an unsupported
# type is never structured here at all.
# ==================================================================================================


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
    children: tuple["Node", ...] = ()


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
