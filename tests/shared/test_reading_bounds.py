"""Reading hostile and careless input: bounded reads, linear checks, library errors only."""

import os
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import Problem, ValidationError, _reading
from skillrevival._campaign.dates import parse_iso_date


def _problems(text: str | bytes, cls: type = skillrevival.Campaign) -> tuple[Problem, ...]:
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(text, cls)
    return caught.value.problems


def test_a_key_repeated_after_forty_thousand_others_is_found() -> None:
    keys = ", ".join(f'"k{i}": 0' for i in range(40_000))
    assert _problems('{"batch": 2, ' + keys + ', "k39999": 1}') == (
        Problem("", "not JSON this library reads: key 'k39999' appears twice in an object"),
    )


def test_a_pipe_is_read_to_the_limit_and_no_further(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_reading, "MAX_DOCUMENT_SIZE", 1000)
    read, write = os.pipe()
    written: list[int] = []

    def feed() -> None:  # writes more than the limit and more than a pipe buffers
        try:
            with os.fdopen(write, "wb", buffering=0) as sink:
                for _ in range(200):
                    written.append(sink.write(b" " * 4096))
        except BrokenPipeError:
            pass

    feeder = threading.Thread(target=feed)
    feeder.start()
    try:
        with pytest.raises(ValidationError) as caught:
            skillrevival.load(f"/dev/fd/{read}")
    finally:
        os.close(read)
        feeder.join()
    assert caught.value.problems == (
        Problem(
            "", "too large to read: more than the limit of 1,000 bytes (reading stopped there)"
        ),
    )
    assert sum(written) < 200 * 4096  # the reader stopped; the writer saw the pipe close


def test_an_endless_device_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.load("/dev/zero")
    assert caught.value.problems == (
        Problem(
            "", "too large to read: more than the limit of 33,554,432 bytes (reading stopped there)"
        ),
    )


def test_a_number_of_more_digits_than_python_prints_is_refused() -> None:
    assert _problems('{"batch": ' + "1" * 5000 + "}") == (
        Problem("", "not JSON this library reads: a whole number of more than 4,300 digits"),
    )
    assert _problems('{"batch": -' + "9" * 4301 + "}")[0].message.endswith("4,300 digits")


def test_4300_digits_are_read_and_judged() -> None:
    problems = _problems('{"batch": ' + "1" * 4300 + "}")
    assert Problem("name", "required field is missing") in problems
    assert not any(p.path == "batch" for p in problems)  # a whole number: the right type


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("a\x00b.json", "cannot read 'a\\x00b.json': a path holds no NUL"),
        (Path("a\x00b.json"), "cannot read 'a\\x00b.json': a path holds no NUL"),
    ],
)
def test_a_path_holding_nul_is_a_validation_error(path: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.load(path)  # type: ignore[call-overload]
    assert caught.value.problems == (Problem("", message),)


@pytest.mark.parametrize(
    ("path", "kind"), [(1, "int"), (True, "bool"), (b"campaign.json", "bytes"), (None, "NoneType")]
)
def test_load_refuses_what_is_no_path_and_leaves_stdout_open(path: object, kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.load(path)  # type: ignore[call-overload]
    assert caught.value.problems == (
        Problem("path", f"expected a path (str or os.PathLike), got {kind}"),
    )
    os.fstat(1)  # still open: load(1) used to read and close the process's stdout


def test_a_missing_bundled_file_is_a_damaged_installation(tmp_path: Path) -> None:
    (tmp_path / "SHA256SUMS").write_text("", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        _reading.read_bundled("campaign.json", tmp_path)  # type: ignore[arg-type]
    assert caught.value.problems == (
        Problem(
            "skillrevival/data/campaign.json",
            "cannot read the bundled file: No such file or directory; the installation is "
            "damaged (reinstall skillrevival)",
        ),
    )


def test_an_undecodable_checksum_file_is_a_damaged_installation(tmp_path: Path) -> None:
    (tmp_path / "campaign.json").write_bytes(b"{}")
    (tmp_path / "SHA256SUMS").write_bytes(b"\xff\xfe not text")
    with pytest.raises(ValidationError) as caught:
        _reading.read_bundled("campaign.json", tmp_path)  # type: ignore[arg-type]
    assert caught.value.problems == (
        Problem(
            "skillrevival/data/SHA256SUMS",
            "not UTF-8 text (byte 0); the installation is damaged (reinstall skillrevival)",
        ),
    )


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ('"province","name"\n"江苏","苏州"\n', '"province","name"'),  # R's write.csv
        ('"province";"name"\n"江苏";"苏州"\n', '"province";"name"'),  # Excel in Europe
        ('"province"\t"name"\n', '"province"\t"name"'),
        ('"a" , "b"\n', '"a" , "b"'),
    ],
)
def test_csv_with_quoted_headers_is_named_as_csv(text: str, first: str) -> None:
    assert _problems(text) == (
        Problem(
            "",
            f"not JSON: this looks like CSV (first line {first!r}); skillrevival reads a "
            "campaign or roster as a JSON document",
        ),
    )


def test_a_lone_json_string_with_extra_data_is_not_taken_for_csv() -> None:
    assert _problems('"campaign" "two"') == (
        Problem("", "not JSON: Extra data (line 1 column 12)"),
    )
    assert _problems('"campaign"') == (
        Problem("", "expected an object, got the string 'campaign'"),
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ascii_utf16_without_a_bom_gets_an_encoding_hint(encoding: str) -> None:
    column = 2 if encoding == "utf-16-le" else 1
    assert _problems('{"batch": 2}'.encode(encoding)) == (
        Problem(
            "",
            "not JSON: Expecting "
            + ("property name enclosed in double quotes" if column == 2 else "value")
            + f" (line 1 column {column}); it looks like UTF-16 or UTF-32; save the file as UTF-8",
        ),
    )


@pytest.mark.parametrize(
    "text",
    [
        "٢٠١٥-٠٣-٠١",  # Arabic-Indic digits
        "２０１５-０６-０１",  # full-width digits
        "2015-0٣-01",
        "۲۰۱۵-03-01",  # Extended Arabic-Indic
        "२०१५-०३-०१",  # Devanagari
    ],
)
def test_dates_take_ascii_digits_only(text: str) -> None:
    with pytest.raises(ValueError, match="expected a date as YYYY-MM-DD"):
        parse_iso_date(text)


@given(st.text(alphabet=st.characters(categories=["Nd"]), min_size=8, max_size=8))
def test_a_date_of_any_decimal_digits_reads_only_when_they_are_ascii(digits: str) -> None:
    text = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    if not digits.isascii():
        with pytest.raises(ValueError, match="expected a date as YYYY-MM-DD"):
            parse_iso_date(text)
    elif 1 <= int(digits[4:6]) <= 12 and 1 <= int(digits[6:]) <= 28 and int(digits[:4]) > 0:
        assert parse_iso_date(text).isoformat() == text  # every month has a 28th
    else:
        with pytest.raises(ValueError, match=r"(is not a date in the calendar|YYYY-MM-DD)"):
            parse_iso_date(text)
