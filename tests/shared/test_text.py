"""The rules for text in a document: every string is walked, whatever its depth, and reported at
its path when empty, blank, padded or holding a lone surrogate."""

import pytest

from skillrevival import Problem
from skillrevival._text import check_text, has_surrogate

EMPTY = "must not be empty or blank"
SURROGATE = "holds a lone surrogate (an escape such as \\ud800), not text"

DOCUMENT = {
    "name": {"zh": "苏州市", "en": "Suzhou"},
    "cities": ["", " 苏州", "宿州", "宿州\ud800", " \udfff "],
    "quota": 5,
    "note": None,
    "batch": "  ",
}


@pytest.mark.parametrize(("root", "prefix"), [("", ""), ("roster", "roster.")])
def test_every_string_is_reported_at_its_path(root: str, prefix: str) -> None:
    assert sorted(check_text(DOCUMENT, root), key=lambda p: p.path) == [
        Problem(f"{prefix}batch", EMPTY),
        Problem(f"{prefix}cities[0]", EMPTY),
        Problem(f"{prefix}cities[1]", "has white space at its start or end: ' 苏州'"),
        Problem(f"{prefix}cities[3]", SURROGATE),
        Problem(f"{prefix}cities[4]", SURROGATE),  # the surrogate is told first, then padding
    ]


def test_a_list_at_the_root_is_indexed_from_its_path() -> None:
    assert list(check_text(["宿州", "\t"], "cities")) == [Problem("cities[1]", EMPTY)]


def test_good_text_has_no_problem() -> None:
    assert list(check_text({"zh": "鹰潭市", "en": "Yingtan", "list": ["a", "b"]}, "")) == []
    assert list(check_text("苏州", "name")) == []


def test_a_lone_surrogate_is_not_text() -> None:
    assert has_surrogate("\ud800") is True
    assert has_surrogate("苏州\udfff") is True
    assert has_surrogate("苏州 𠮷") is False  # a character beyond the BMP is a real pair
