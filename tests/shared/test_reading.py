"""The reading layer's rules: when text that is not JSON is called CSV and how its first line is
shown, when bytes that are not UTF-8 are called GBK/GB18030 (at least 80% of their non-ASCII
bytes pair up as Chinese characters), how the package's data files are checked against their
SHA-256 sums, and that the data folder is found through
``importlib.resources`` when the package is not installed as plain files."""

import hashlib
import importlib.machinery
import sys
from pathlib import Path

import pytest

import skillrevival
from skillrevival import _reading
from skillrevival._reading import _looks_like_gb, _sha256, read_bundled

CSV_END = "; skillrevival reads a campaign or roster as a JSON document"


def _message(text: str | bytes) -> str:
    with pytest.raises(skillrevival.ValidationError) as caught:
        skillrevival.loads(text)
    (problem,) = caught.value.problems
    assert problem.path == ""
    return problem.message


# --- CSV or broken JSON ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("name, code\n苏州, 320500\n", "name, code"),  # the whole line, spaces and all
        ("\n\n  name,code\n", "name,code"),  # blank lines before the header are skipped
        ("city;quota\n", "city;quota"),
        ("city\tquota\n", "city\tquota"),
        ("a" * 38 + ",b", "a" * 38 + ",b"),  # 40 characters are shown whole
        ("a" * 39 + ",b", "a" * 37 + "..."),  # 41 are cut to 37 and an ellipsis
        ("province,seq,name,adcode,level,quota,note\n", "province,seq,name,adcode,level,quota,..."),
    ],
)
def test_csv_is_named_with_its_first_line(text: str, first: str) -> None:
    assert _message(text) == f"not JSON: this looks like CSV (first line {first!r}){CSV_END}"


def test_csv_saved_by_excel_is_named_with_its_byte_order_mark() -> None:
    assert _message("\ufeffname,code\n") == (
        "not JSON: this looks like CSV with a byte-order mark (as Excel saves it) "
        f"(first line 'name,code'){CSV_END}"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2,\n", "Expecting value (line 2 column 1)"),  # an array cut short
        ('"unterminated, string', "Unterminated string starting at (line 1 column 1)"),
        ("true, false", "Extra data (line 1 column 5)"),
        ("false; true", "Extra data (line 1 column 6)"),
        ("null,", "Extra data (line 1 column 5)"),
        ("1,2", "Extra data (line 1 column 2)"),
        ("12,3", "Extra data (line 1 column 3)"),
        ("-1,2", "Extra data (line 1 column 3)"),
        ("Xian\n", "Expecting value (line 1 column 1)"),  # no separator: not CSV
    ],
)
def test_what_starts_like_json_or_has_no_separator_gets_the_parsers_message(
    text: str, message: str
) -> None:
    assert _message(text) == f"not JSON: {message}"


# --- GBK / GB18030 ---------------------------------------------------------------------------


def _named_gb(body: bytes) -> bool:
    message = _message(b'{"name": "' + body + b'"}')
    assert message.startswith("not UTF-8 text (byte ")
    assert message.endswith("; save the file as UTF-8")
    return "; it looks like GBK or GB18030 (the Chinese Windows encoding)" in message


LATIN_1_ETES = "étés".encode("latin-1")  # two accents, each unpaired (é then t, é then s)


@pytest.mark.parametrize(
    ("body", "gb"),
    [
        ("苏州市".encode("gbk"), True),
        ("𠮷野家".encode("gb18030"), True),  # 𠮷 takes four bytes in GB18030
        ("中文名称".encode("gbk") + b" " + LATIN_1_ETES, True),  # 8 of 10 paired: 80%
        ("中文".encode("gbk") + b" " + LATIN_1_ETES, False),  # 4 of 6: 67%
        ("𠮷𠮷".encode("gb18030") + b" " + LATIN_1_ETES, False),  # 4 of 6 in four-byte form
        ("中文名".encode("gbk") + "亐".encode("gbk"), False),  # 6 of 8: 亐 is 0x81 0x80
        ("Ministère".encode("latin-1"), False),
    ],
    ids=[
        "gbk",
        "gb18030-four-byte",
        "80-percent",
        "67-percent",
        "67-percent-four-byte",
        "75-percent-0x80",
        "latin-1",
    ],
)
def test_gb_is_named_when_most_non_ascii_bytes_pair_up(body: bytes, gb: bool) -> None:
    assert _named_gb(body) is gb


def test_bytes_without_non_ascii_give_no_sign_of_gb() -> None:
    assert _looks_like_gb(b"name,code") is False


# --- the data folder -------------------------------------------------------------------------


def test_data_folder_of_a_package_not_installed_as_files(monkeypatch: pytest.MonkeyPatch) -> None:
    usual = read_bundled("vocabulary.json")
    zipped = importlib.machinery.ModuleSpec("skillrevival._reading", loader=None)
    monkeypatch.setattr(_reading, "__spec__", zipped)
    folder = _reading._data_folder()
    assert folder.name == "data"
    assert folder.joinpath("SHA256SUMS").is_file()
    assert read_bundled("vocabulary.json") == usual


# --- checksums -------------------------------------------------------------------------------

ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  # FIPS 180-2's example


def test_checksums_need_no_hashlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hashlib", None)  # importing it now fails
    assert _sha256(b"abc") == ABC


def test_checksums_fall_back_to_hashlib(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("_sha2", "_sha256"):  # an interpreter built without its own SHA-256
        monkeypatch.setitem(sys.modules, name, None)
    assert _sha256(b"abc") == ABC


@pytest.mark.parametrize("separator", ["  ", " *"], ids=["text-mode", "binary-mode"])
def test_sums_in_either_mode_of_sha256sum_are_read(tmp_path: Path, separator: str) -> None:
    content = b'{"name": "Xinjiang"}'
    (tmp_path / "Xinjiang.json").write_bytes(content)
    digest = hashlib.sha256(content).hexdigest()
    (tmp_path / "SHA256SUMS").write_text(f"{digest}{separator}Xinjiang.json\n", encoding="utf-8")
    assert read_bundled("Xinjiang.json", tmp_path) == content
