"""The catalog of bad input: every broken document is rejected, each problem at its path.

Three sources, each case named for the rule it breaks:

* small files in ``tests/bad_documents/`` (not JSON, wrong encodings, a wrong root);
* the bundled campaign broken one rule at a time, at the first place of every kind where the
  rule applies: every field missing, every field of every wrong JSON type, blank and padded
  text, bad dates, numbers, duplicates, quotas, totals, phase order and the plan deadline;
* documents that are very deep or very large.

For each: ``validate`` returns at least one Problem at the broken place (or inside it), and
``loads`` raises ValidationError listing every problem; no other exception escapes.
"""

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import skillrevival
from skillrevival import Problem, ValidationError, strategies
from skillrevival._campaign.breakage import Breakage, breakages, copy_json

Doc = dict[str, Any]
BAD = Path(__file__).parents[1] / "bad_documents"
BUNDLED: Doc = skillrevival.converter.unstructure(skillrevival.campaign())

# The words after "not JSON:" are the json module's own; Python 3.13 names a trailing comma.
TRAILING_COMMA = (
    "Illegal trailing comma before end of object (line 1 column 12)"
    if sys.version_info >= (3, 13)
    else "Expecting property name enclosed in double quotes (line 1 column 13)"
)

# Each file: (path of the problem, how its message starts). Typed by hand, file by file.
FILES: dict[str, tuple[str, str]] = {
    "not_json_empty.json": ("", "not JSON: the document is empty"),
    "not_json_whitespace_only.json": ("", "not JSON: the document holds only white space"),
    "not_json_csv.csv": ("", "not JSON: this looks like CSV (first line"),
    "not_json_csv_with_bom.csv": ("", "not JSON: this looks like CSV with a byte-order mark"),
    "encoding_gb18030.json": (
        "",
        "not UTF-8 text (byte 8: b'\\xcb\\xd5\\xd6\\xdd'); it looks like GBK",
    ),
    "not_json_truncated.json": ("", "not JSON: Unterminated string"),
    "not_json_trailing_comma.json": ("", f"not JSON: {TRAILING_COMMA}"),
    "not_json_single_quotes.json": ("", "not JSON: Expecting property name enclosed in double"),
    "not_json_comment.json": ("", "not JSON: Expecting value (line 1 column 1)"),
    "not_json_nan.json": ("", "not JSON: NaN is not a JSON number"),
    "not_json_infinity.json": ("", "not JSON: Infinity is not a JSON number"),
    "not_json_two_documents.json": ("", "not JSON: Extra data (line 2 column 1)"),
    "not_json_duplicate_key.json": (
        "",
        "not JSON this library reads: key 'batch' appears twice in an object",
    ),
    "not_json_binary_garbage.bin": ("", "not UTF-8 text (byte 128"),
    "encoding_utf16_le_with_bom.json": (
        "",
        "not UTF-8 text (byte 0: b'\\xff\\xfe{\\x00'); it looks like UTF-16; "
        "save the file as UTF-8",
    ),
    "encoding_utf16_be.json": (
        "",
        "not UTF-8 text (byte 61: b'\\xfd{,N'); it looks like UTF-16 or",
    ),
    "encoding_utf32.json": (
        "",
        "not UTF-8 text (byte 0: b'\\xff\\xfe\\x00\\x00'); it looks like UTF-32; "
        "save the file as UTF-8",
    ),
    "encoding_latin1.json": ("", "not UTF-8 text (byte 62: b'\\xe8re\"'); save the file as UTF-8"),
    "encoding_gbk.json": ("", "not UTF-8 text (byte 31"),  # and the guess: see test_messages
    "encoding_lone_surrogate.json": ("name.zh", "holds a lone surrogate"),
    "root_array.json": ("", "expected an object, got an array"),
    "root_null.json": ("", "expected an object, got null"),
    "root_string.json": ("", "expected an object, got the string 'campaign'"),
    "root_number.json": ("", "expected an object, got the number 2"),
    "root_true.json": ("", "expected an object, got true"),
    "root_empty_object.json": ("roster", "required field is missing"),
    "not_json_huge_integer.json": (
        "",
        "not JSON this library reads: a whole number of more than 4,300 digits",
    ),
    "not_json_csv_quoted_headers.csv": (
        "",
        'not JSON: this looks like CSV (first line \'"province","name"\')',
    ),
    "encoding_utf16_le_without_bom.json": (
        "",
        "not JSON: Expecting property name enclosed in double quotes (line 1 column 2); "
        "it looks like UTF-16 or UTF-32; save the file as UTF-8",
    ),
    "date_full_width_digits.json": (
        "notice.issued_on",
        "expected a date as YYYY-MM-DD, got '２０１５-０４-２０'",
    ),
    # 2,000 empty provinces: 9 problems each, the roster's own 4 and the campaign's 10 missing
    # fields (batch ... sources): 18,014, of which the first 10,000 are listed.
    "hostile_empty_objects.json": (
        "",
        "and 8,014 more problems, not listed (only the first 10,000 are)",
    ),
}

# Files that are Province documents, read as such: mistakes of content, not of text.
PROVINCE_FILES: dict[str, tuple[str, str]] = {
    "province_codes_as_numbers.json": ("cities[0].adcode", "expected a string, got the number"),
    "province_level_invalid.json": ("cities[1].level", "expected AdminLevel as one of"),
    "province_key_typo.json": ("qouta", "unknown field; did you mean 'quota'?"),
    "province_second_suzhou.json": ("cities[5].official_name", "'苏州市' also names the city"),
}


def _inside(problem: Problem, path: str) -> bool:
    return problem.path == path or problem.path.startswith((f"{path}.", f"{path}["))


def _rejected(text: str | bytes) -> ValidationError:
    """What loads raises for ``text``; any other exception, or none, fails the test."""
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(text)
    error = caught.value
    assert error.problems
    for problem in error.problems:
        assert str(problem) in str(error)
    return error


def test_every_file_is_in_the_catalog() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted({**FILES, **PROVINCE_FILES})


@pytest.mark.parametrize("name", sorted(PROVINCE_FILES))
def test_bad_province_file(name: str) -> None:
    path, words = PROVINCE_FILES[name]
    with pytest.raises(ValidationError) as caught:
        skillrevival.load(BAD / name, skillrevival.Province)
    assert any(p.path == path and p.message.startswith(words) for p in caught.value.problems)


@pytest.mark.parametrize("name", sorted(FILES))
def test_bad_file(name: str, tmp_path: Path) -> None:
    path, words = FILES[name]
    error = _rejected((BAD / name).read_bytes())
    assert any(p.path == path and p.message.startswith(words) for p in error.problems), error
    with pytest.raises(ValidationError) as caught:
        skillrevival.load(BAD / name)
    assert caught.value.problems == error.problems


def _first_of_each_kind() -> list[Breakage]:
    """The first place of each kind ([i] indexes ignored) where each rule can be broken."""
    kept: dict[tuple[str, str], Breakage] = {}
    for breakage in breakages(BUNDLED, skillrevival.Campaign):
        kept.setdefault((breakage.rule, re.sub(r"\[\d+\]", "[]", breakage.path)), breakage)
    return list(kept.values())


CATALOG = _first_of_each_kind()
if "MUTANT_UNDER_TEST" in os.environ:  # under mutmut: one case per rule and class, to keep it quick
    CATALOG = list({(b.rule, b.path.split("[")[0].split(".")[0]): b for b in CATALOG}.values())


def test_catalog_is_large_and_complete() -> None:
    assert len(CATALOG) + len(FILES) >= 60
    paths = {b.path for b in _first_of_each_kind() if b.rule == "missing_field"}
    # Spot checks typed from the data format, one per class of the model.
    for path in [
        "batch",
        "notice.attachments[0].title.zh",
        "stated_duration.years",
        "phases[0].tasks",
        "roster.provinces[0].cities[0].province",
        "anomalies[0].corrected",
        "sources[0].as_of",
    ]:
        assert path in paths


@pytest.mark.parametrize("breakage", CATALOG, ids=[f"{b.rule}-{b.path}" for b in CATALOG])
def test_broken_bundled_document(breakage: Breakage) -> None:
    doc = breakage.apply(BUNDLED)
    problems = skillrevival.validate(doc)
    assert any(_inside(p, breakage.path) for p in problems), problems
    error = _rejected(json.dumps(doc, ensure_ascii=False))
    assert set(error.problems) == set(problems)


# Far deeper than Python's recursion limit (1,000); shallower under mutmut, to keep it quick.
DEPTH = 5_000 if "MUTANT_UNDER_TEST" in os.environ else 100_000


def _nested(depth: int, leaf: Any) -> Any:
    for _ in range(depth):
        leaf = [leaf]
    return leaf


@pytest.mark.parametrize("where", ["batch", "phases", "roster.provinces", "unexpected"])
def test_deeply_nested_value(where: str) -> None:
    doc = copy.deepcopy(BUNDLED)
    *parents, last = where.split(".")
    node = doc
    for part in parents:
        node = node[part]
    node[last] = _nested(DEPTH, {"a": "b"})
    problems = skillrevival.validate(doc)
    assert any(_inside(p, where) for p in problems), problems[:5]
    with pytest.raises(ValidationError):
        skillrevival.structure(doc)
    text = '{"batch": ' + "[" * DEPTH + "]" * DEPTH + "}"
    assert "nested too deeply" in str(_rejected(text))


def test_very_large_document_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """A 50 MB document fails at once, without being parsed: the limit is 32 MiB."""
    code = (
        "import json, resource, skillrevival\n"
        "doc = skillrevival.converter.unstructure(skillrevival.campaign())\n"
        "doc['anomalies'][0]['explanation'] = 'x' * (50 * 1024 * 1024)\n"
        "text = json.dumps(doc).encode()\n"
        "open('big.json', 'wb').write(text)\n"
        "rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "before = rss()\n"
        "for read in (lambda: skillrevival.loads(text), lambda: skillrevival.load('big.json')):\n"
        "    try:\n"
        "        read()\n"
        "    except skillrevival.ValidationError as error:\n"
        "        print(error.problems[0].message)\n"
        "print(len(text), rss() - before)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    first, second, figures = out.stdout.strip().split("\n")
    size, grown_kib = (int(n) for n in figures.split())
    assert size > 50 * 1024 * 1024
    assert first == second
    assert first.startswith(f"too large to read: {size:,} bytes, more than the limit of")
    assert grown_kib < 4096  # the peak grew by less than 4 MiB while refusing 50 MB


def test_text_at_the_limit_is_read() -> None:
    text = json.dumps(BUNDLED, ensure_ascii=False)
    padded = text + " " * (skillrevival._reading.MAX_DOCUMENT_SIZE - len(text))
    assert skillrevival.loads(padded) == skillrevival.campaign()
    with pytest.raises(ValidationError, match="too large"):
        skillrevival.loads(padded + " ")


_SMALL_VALUES = strategies.json_values(max_leaves=10)


@st.composite
def _replace_a_node(draw: st.DrawFn) -> tuple[str, Any]:
    """The bundled document with one value anywhere in it replaced by random JSON."""
    doc = copy_json(BUNDLED)
    node: Any = doc
    while True:
        keys = sorted(node) if isinstance(node, dict) else range(len(node))
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and draw(st.booleans()):
            node = child
            continue
        node[key] = draw(_SMALL_VALUES)
        return "replaced", doc


# Under mutmut (MUTANT_UNDER_TEST set) each mutant reruns this: fewer examples there.
FUZZ_EXAMPLES = 100 if "MUTANT_UNDER_TEST" in os.environ else 2000


@settings(max_examples=FUZZ_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        strategies.json_values().map(lambda v: ("random JSON", v)),
        strategies.invalid_documents(base=BUNDLED).map(lambda b: (b.path, b.document)),
        _replace_a_node(),
    )
)
def test_fuzz(case: tuple[str, Any]) -> None:
    """Random JSON and random breakages of the bundled document: problems, never a crash."""
    where, value = case
    problems = skillrevival.validate(value)
    assert all(isinstance(p, Problem) for p in problems)
    text = json.dumps(value, ensure_ascii=False)
    if where == "replaced" and not problems:  # the random value happened to fit
        assert isinstance(skillrevival.loads(text), skillrevival.Campaign)
        return
    assert problems
    if where not in ("random JSON", "replaced"):
        assert any(_inside(p, where) for p in problems), (where, problems)
    assert set(_rejected(text).problems) == set(problems)
