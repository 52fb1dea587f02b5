"""Lookup's promises: the normal form of a name, and on made-up records an index's answers by
stem and suffix, its labels, the key that finds a record alone, the closest records to a miss,
and how a miss on an integer key is reported by the roster."""

import pytest

import skillrevival
from skillrevival import NotFoundError, normalize
from skillrevival._index import Index, is_key


class Record:
    """A record compared by identity, as the index compares them."""

    def __init__(self, label: str) -> None:
        self.label = label


def _label(record: Record) -> str:
    return f"<{record.label}>"


A, B, C, D = Record("A"), Record("B"), Record("C"), Record("D")


def _index() -> Index[Record]:
    """Built in each test, so that the code that builds an index runs in each.

    A shares "x" with B, so "x" finds neither alone. Against "abcd", A's own names are the three
    closest; B, C and D each have one name that shares only "abc" with it.
    """
    return Index(
        "thing",
        [
            (("x", "abcd", "abcde", "abcdf"), A),
            (("x", "abcxyz"), B),
            (("abcxyw",), C),
            (("abcxyv",), D),
        ],
        _label,
        (),
    )


def test_key_of_skips_a_name_that_other_records_share() -> None:
    assert _index().find("x") == (A, B)
    assert _index().key_of(A) == "abcd"
    assert _index().key_of(B) == "abcxyz"


def test_key_of_a_record_the_index_does_not_hold_is_its_label() -> None:
    assert _index().key_of(Record("E")) == "<E>"


def test_key_of_a_record_whose_every_name_is_shared_is_its_label() -> None:
    twins = Index("thing", [(("same",), A), (("same",), B)], _label, ())
    assert twins.key_of(A) == "<A>"


def test_closest_gives_three_records_by_default_the_closest_first() -> None:
    found = _index().closest("abcd")
    assert len(found) == 3
    assert found[0] is A
    assert set(found) < {A, B, C, D}


def test_closest_counts_records_not_names() -> None:
    # A's three names come first; the limit is still filled from the other records.
    found = _index().closest("abcd", limit=2)
    assert len(found) == 2
    assert found[0] is A
    assert found[1] in (B, C, D)


def test_closest_gives_three_records_by_default() -> None:
    found = _index().closest("abcd")
    assert len(found) == 3
    assert found[0] is A
    assert set(map(id, found)) < {id(A), id(B), id(C), id(D)}


@pytest.mark.parametrize("key", [99, "99"])
def test_a_missed_integer_key_is_reported_as_text(key: int | str) -> None:
    with pytest.raises(NotFoundError) as caught:
        skillrevival.campaign().roster.province(key)
    assert str(caught.value) == "no province named '99'"
    assert caught.value.key == "99"
    assert caught.value.suggestions == ()


SUFFIXES = ("province", "省", "市", "区")


def _found(names: tuple[str, ...], key: str) -> tuple[str, ...]:
    """The labels of what ``key`` finds in an index of one record with ``names``, and 苏州市."""
    index = Index("thing", [(names, A), (("苏州市",), B)], _label, SUFFIXES)
    return tuple(_label(record) for record in index.find(key))


@pytest.mark.parametrize(
    ("names", "key", "expected"),
    [
        (("江苏",), "江苏省", ("<A>",)),  # named bare: any suffix finds it
        (("江苏", "江苏省"), "江苏", ("<A>",)),
        (("江苏", "江苏省"), "江苏市", ()),  # its own suffix is 省: 市 is another place
        (("江苏市",), "江苏省", ()),
        (("Jiangsu", "jiangsu"), "Jiangsu Province", ("<A>",)),  # two names, one key: once
        (("Jiangsu", "jiangsu"), "jiangsu", ("<A>",)),
        (("江苏",), "苏州", ("<B>",)),
        (("江苏",), "苏州区", ()),  # 苏州市 drops 市, not 区
    ],
)
def test_a_stem_finds_a_record_named_bare_or_dropping_the_same_suffix(
    names: tuple[str, ...], key: str, expected: tuple[str, ...]
) -> None:
    assert _found(names, key) == expected


def test_a_record_named_bare_beside_one_that_drops_a_suffix() -> None:
    # 江苏 is named bare; 江苏市 drops 市. 江苏省 names the first alone: 省 is not 市.
    index = Index("thing", [(("江苏",), A), (("江苏市",), B)], _label, SUFFIXES)
    assert index.find("江苏省") == (A,)
    assert index.find("江苏") == (A,)  # a full name outranks another record's stem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" 苏州　市 ", "苏州市"),
        ("Ürümqi", "urumqi"),
        ("Ü rümqi", "urumqi"),
        ("Xigazê City", "xigazecity"),
        ("ｓｕｚｈｏｕ", "suzhou"),
        ("e\u0301 x", "ex"),
    ],
)
def test_normalize_drops_spaces_case_and_accents(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("苏州市", True),
        ("urumqi", True),
        ("", False),
        ("苏州 市", False),
        ("Suzhou", False),
        ("ü", False),
        ("u\u0308", False),
    ],
)
def test_is_key_says_whether_text_is_its_own_normal_form(text: str, expected: bool) -> None:
    assert is_key(text) is expected
