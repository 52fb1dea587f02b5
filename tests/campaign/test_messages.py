"""Exact problems and messages: what a user reads must say what is wrong, where.

Many checks here build a fresh converter or index rather than use the cached ones, so that
every hook and message is exercised on its own (and so that mutation testing can see them).
"""

import copy
import hashlib
import json
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

import pendulum
import pytest
from cattrs.errors import ClassValidationError, IterableValidationError

import skillrevival
import skillrevival._campaign.converter
from skillrevival import NotFoundError, Problem, ValidationError
from skillrevival._campaign.converter import make_converter
from skillrevival._campaign.rules import problems_from_exception
from skillrevival._index import CITY_SUFFIXES, PROVINCE_SUFFIXES, Index, split_suffix
from skillrevival._reading import read_bundled


@pytest.fixture(autouse=True)
def fresh_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every check here runs on a converter built for it, not on the shared, cached one."""
    monkeypatch.setattr(skillrevival._campaign.converter, "converter", make_converter())


TERM_CASES: list[tuple[Any, list[Problem]]] = [
    ({"zh": 1, "en": "x"}, [Problem("zh", "expected a string, got the number 1")]),
    ({"zh": None, "en": "x"}, [Problem("zh", "expected a string, got null")]),
    ({"zh": True, "en": "x"}, [Problem("zh", "expected a string, got true")]),
    ({"zh": False, "en": "x"}, [Problem("zh", "expected a string, got false")]),
    ({"zh": 2.5, "en": "x"}, [Problem("zh", "expected a string, got the number 2.5")]),
    ({"zh": [], "en": "x"}, [Problem("zh", "expected a string, got an array")]),
    ({"zh": {}, "en": "x"}, [Problem("zh", "expected a string, got an object")]),
    ({"zh": "x"}, [Problem("en", "required field is missing")]),
    (
        {"zh": "x", "en": "y", "b": 1, "a": 2},
        [Problem("a", "unknown field"), Problem("b", "unknown field")],
    ),
    ([], [Problem("", "expected an object, got an array")]),
    ({"zh": {1}, "en": "x"}, [Problem("zh", "expected a string, got set")]),
    ("x" * 41, [Problem("", f"expected an object, got the string '{'x' * 37}...'")]),
    ("x" * 40, [Problem("", f"expected an object, got the string '{'x' * 40}'")]),
]


@pytest.mark.parametrize(("data", "expected"), TERM_CASES)
def test_term_problems(data: Any, expected: list[Problem]) -> None:
    assert skillrevival.validate(data, skillrevival.Term) == expected


SUZHOU = skillrevival.campaign().roster.city("苏州")
CITY: dict[str, Any] = skillrevival.converter.unstructure(SUZHOU)
CITY_CASES: list[tuple[str, Any, str]] = [
    ("seq", True, "expected a whole number, got true"),
    ("seq", 1.0, "expected a whole number, got the number 1.0"),
    ("seq", "1", "expected a whole number, got the string '1'"),
    ("seq", 0, "must be 1 or more, got 0"),
    ("seq", -4, "must be 1 or more, got -4"),
    ("name", "", "must not be empty or blank"),
    ("name", " 苏州市", "has white space at its start or end: ' 苏州市'"),
    ("name", "苏州\ud800", "holds a lone surrogate (an escape such as \\ud800), not text"),
]


@pytest.mark.parametrize(("field", "value", "message"), CITY_CASES)
def test_city_problems(field: str, value: Any, message: str) -> None:
    assert skillrevival.validate(dict(CITY, **{field: value}), skillrevival.City) == [
        Problem(field, message)
    ]


def test_phase_and_array_problems() -> None:
    phase = skillrevival.converter.unstructure(skillrevival.campaign().phases[0])
    problems = skillrevival.validate(dict(phase, tasks="x", start=5), skillrevival.Phase)
    assert problems == [
        Problem("start", "expected a date as a YYYY-MM-DD string, got the number 5"),
        Problem("tasks", "expected an array, got the string 'x'"),
    ]
    bad_item = dict(phase, tasks=[{"zh": "x", "en": 3}], end="2015-13-01")
    assert skillrevival.validate(bad_item, skillrevival.Phase) == [
        Problem("end", "'2015-13-01' is not a date in the calendar"),
        Problem("tasks[0].en", "expected a string, got the number 3"),
    ]
    assert skillrevival.validate(dict(phase, number=0), skillrevival.Phase) == [
        Problem("number", "must be 1 or more, got 0")
    ]
    assert skillrevival.validate(dict(phase, start="2015/04/20"), skillrevival.Phase) == [
        Problem("start", "expected a date as YYYY-MM-DD, got '2015/04/20'")
    ]


def test_fresh_converter_is_as_strict_as_the_shared_one() -> None:
    converter = make_converter()
    term = converter.structure({"zh": "苏州", "en": "Suzhou"}, skillrevival.Term)
    assert term == skillrevival.Term("苏州", "Suzhou")
    day = converter.structure("2015-04-20", pendulum.Date)
    assert type(day) is pendulum.Date
    assert converter.unstructure(day) == "2015-04-20"
    tasks = converter.structure([{"zh": "a", "en": "b"}], tuple[skillrevival.Term, ...])
    assert tasks == (skillrevival.Term("a", "b"),)
    for value, kind in [
        (None, str),
        (True, int),
        (1, bool),
        ("x", tuple[str, ...]),
        ({"zh": "a", "en": "b", "x": 1}, skillrevival.Term),
        ([], skillrevival.Term),
        ("2015/04/20", pendulum.Date),
    ]:
        with pytest.raises((ClassValidationError, TypeError, ValueError)) as caught:
            converter.structure(value, kind)
        problems = problems_from_exception(caught.value)
        assert problems, (value, kind)
        assert all(p.message for p in problems)
    assert converter.structure(False, bool) is False


def test_quick_converter_stops_at_the_first_error() -> None:
    converter = make_converter(detailed_validation=False)
    with pytest.raises(TypeError, match=r"^expected a string, got the number 1$"):
        converter.structure({"zh": 1, "en": 2}, skillrevival.Term)
    with pytest.raises(ClassValidationError):
        make_converter().structure({"zh": 1, "en": 2}, skillrevival.Term)


def test_problems_from_exceptions_cattrs_does_not_wrap() -> None:
    assert problems_from_exception(RecursionError(), "roster") == [
        Problem("roster", "nested too deeply")
    ]
    assert problems_from_exception(KeyError("x"), "a.b") == [
        Problem("a.b", "required field is missing")
    ]
    assert problems_from_exception(ValueError("odd"), "c") == [Problem("c", "odd")]
    assert problems_from_exception(ValueError("odd")) == [Problem("", "odd")]


def _index() -> Index[str]:
    entries = [(("朝阳区",), "A"), (("朝阳市",), "B"), (("苏州市",), "C"), (("凉山州",), "D")]
    return Index("city", entries, lambda record: f"<{record}>", CITY_SUFFIXES)


def test_index_messages() -> None:
    index = _index()
    with pytest.raises(NotFoundError) as caught:
        index.lookup("朝阳")
    assert str(caught.value) == "city '朝阳' is ambiguous: it names <A>, <B>"
    # Suggestions are keys the lookup accepts; the message shows labels.
    assert (caught.value.key, caught.value.suggestions) == ("朝阳", ("朝阳区", "朝阳市"))
    assert caught.value.candidates == ("A", "B")
    with pytest.raises(NotFoundError) as caught:
        index.lookup("苏洲市")
    assert str(caught.value) == "no city named '苏洲市'; did you mean <C>?"
    assert (caught.value.key, caught.value.suggestions) == ("苏洲市", ("苏州市",))
    with pytest.raises(NotFoundError) as caught:
        index.lookup("上海")
    assert str(caught.value) == "no city named '上海'"
    assert caught.value.suggestions == ()
    assert index.get("朝阳") is None
    assert index.find("朝阳区") == ("A",)
    assert index.find("凉山") == ("D",)
    assert index.find("凉山市") == ()  # 凉山州's suffix is not 市
    assert index.find("朝阳县") == ()
    assert index.closest("朝阳", limit=1) == ["A"]


def _damaged(tmp_path: Path, recorded: str | None) -> Path:
    data = Path(str(resources.files("skillrevival").joinpath("data")))
    folder = tmp_path / "data"
    shutil.copytree(data, folder)
    if recorded is not None:
        (folder / "SHA256SUMS").write_text(recorded, encoding="utf-8")
    return folder


def test_checksum_mismatch_message(tmp_path: Path) -> None:
    folder = _damaged(tmp_path, f"{'0' * 64}  campaign.json\n")
    actual = hashlib.sha256((folder / "campaign.json").read_bytes()).hexdigest()
    with pytest.raises(ValidationError) as caught:
        read_bundled("campaign.json", folder)
    assert caught.value.problems == (
        Problem(
            "skillrevival/data/campaign.json",
            f"checksum mismatch: SHA-256 {actual}, SHA256SUMS records {'0' * 64}; the "
            "installation is damaged (reinstall skillrevival), or the file was changed "
            "without running `make checksums`",
        ),
    )


def test_checksum_missing_line_and_star_names(tmp_path: Path) -> None:
    folder = _damaged(tmp_path, "\n")
    with pytest.raises(ValidationError, match=r"SHA256SUMS records no line for campaign\.json;"):
        read_bundled("campaign.json", folder)
    digest = hashlib.sha256((folder / "campaign.json").read_bytes()).hexdigest()
    (folder / "SHA256SUMS").write_text(f"{digest} *campaign.json\n", encoding="utf-8")
    assert read_bundled("campaign.json", folder) == (folder / "campaign.json").read_bytes()


def test_load_names_an_unreadable_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(ValidationError) as caught:
        skillrevival.load(missing)
    assert caught.value.problems == (
        Problem("", f"cannot read {str(missing)!r}: No such file or directory"),
    )


def test_load_reads_a_file_of_another_class(tmp_path: Path) -> None:
    path = tmp_path / "term.json"
    path.write_text('{"zh": "苏州", "en": "Suzhou"}', encoding="utf-8")
    assert skillrevival.load(path, skillrevival.Term) == skillrevival.Term("苏州", "Suzhou")
    assert skillrevival.loads(path.read_bytes(), skillrevival.Term).zh == "苏州"


def test_phase_on_rejects_what_is_not_a_date() -> None:
    campaign = skillrevival.campaign()
    with pytest.raises(ValidationError) as caught:
        campaign.phase_on(20160101)  # type: ignore[arg-type]
    assert caught.value.problems == (
        Problem("date", "expected a date, a datetime or a YYYY-MM-DD string, got int"),
    )
    with pytest.raises(ValidationError) as caught:
        campaign.phase_on("2016-02-30")
    assert caught.value.problems == (Problem("date", "'2016-02-30' is not a date in the calendar"),)
    assert campaign.phase_on("2016-10-01") is campaign.phases[2]
    assert campaign.phases[2].contains(pendulum.Date(2016, 12, 31))
    assert not campaign.phases[2].contains(pendulum.Date(2017, 1, 1))
    assert not campaign.phases[2].contains(pendulum.Date(2016, 9, 30))


def test_province_alone_reports_its_own_duplicates() -> None:
    jiangsu = skillrevival.campaign().roster.province("江苏")
    province: dict[str, Any] = skillrevival.converter.unstructure(jiangsu)
    third = province["cities"][2]
    province.update(quota=3, cities=province["cities"][:2])
    province["cities"].append(dict(province["cities"][0], seq=3, province="浙江"))
    assert skillrevival.validate(province, skillrevival.Province) == [
        Problem("cities[2].province", "names province '浙江', but it is listed under '江苏'"),
        Problem("cities[2].name", "city '无锡市' is already listed at cities[0].name"),
        Problem("cities[2].adcode", "code '320200' is already listed at cities[0].adcode"),
    ]
    province["cities"][2] = third
    assert skillrevival.validate(province, skillrevival.Province) == []


def test_province_alone_reports_a_code_listed_twice() -> None:
    """A province validated on its own checks its cities' codes as the roster does."""
    jiangsu = skillrevival.campaign().roster.province("江苏")
    province: dict[str, Any] = skillrevival.converter.unstructure(jiangsu)
    province["cities"][2]["adcode"] = "320500"  # 南通市 given 苏州市's code
    assert skillrevival.validate(province, skillrevival.Province) == [
        Problem("cities[2].adcode", "code '320500' is already listed at cities[1].adcode"),
    ]


def test_an_other_code_repeating_its_own_city_is_one_problem_in_any_roster() -> None:
    """The same one problem whether or not another clash in the roster makes the full walk run."""
    roster: dict[str, Any] = skillrevival.converter.unstructure(skillrevival.campaign().roster)
    dingzhou = roster["provinces"][2]["cities"][3]
    dingzhou["other_codes"][0]["code"] = "130682"  # its own adcode
    own = Problem(
        "provinces[2].cities[3].other_codes[0].code", "repeats the city's own adcode 130682"
    )
    assert skillrevival.validate(roster, skillrevival.Roster) == [own]
    roster["provinces"][9]["cities"][2]["adcode"] = "320500"  # and a clash elsewhere
    problems = skillrevival.validate(roster, skillrevival.Roster)
    assert own in problems
    assert [p for p in problems if p.path.startswith("provinces[2]")] == [own]


def test_size_limit_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from skillrevival import _reading

    monkeypatch.setattr(_reading, "MAX_DOCUMENT_SIZE", 40)
    fits = '{"zh": "苏州", "en": "Suzhou"}'  # 28 characters, 32 bytes
    path = tmp_path / "term.json"
    path.write_bytes(fits.encode().rjust(40))  # a file of exactly the limit is read whole
    assert skillrevival.load(path, skillrevival.Term).en == "Suzhou"
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(fits.encode().rjust(41), skillrevival.Term)
    assert caught.value.problems == (
        Problem("", "too large to read: 41 bytes, more than the limit of 40 bytes"),
    )
    path.write_bytes(fits.encode().ljust(41))
    with pytest.raises(ValidationError) as caught:
        skillrevival.load(path, skillrevival.Term)
    assert caught.value.problems == (
        Problem("", "too large to read: 41 bytes, more than the limit of 40 bytes"),
    )
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(fits.ljust(41), skillrevival.Term)
    assert caught.value.problems == (
        Problem("", "too large to read: 41 characters, more than the limit of 40 characters"),
    )
    assert skillrevival.loads(fits.ljust(40), skillrevival.Term).zh == "苏州"
    assert skillrevival.loads(bytearray(fits.encode()), skillrevival.Term).zh == "苏州"


def test_encoding_hint_looks_at_the_first_64_bytes_only() -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(b" " * 64 + b"\x00\xff")
    assert caught.value.problems == (
        Problem("", "not UTF-8 text (byte 65: b'\\xff'); save the file as UTF-8"),
    )
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(b" " * 63 + b"\x00\xff")
    assert caught.value.problems[0].message.endswith(
        "it looks like UTF-16 or UTF-32; save the file as UTF-8"
    )


def test_bool_hook_message() -> None:
    with pytest.raises(TypeError, match=r"^expected true or false, got the number 1$"):
        make_converter(detailed_validation=False).structure(1, bool)


def test_phase_contains_both_ends() -> None:
    phase = skillrevival.campaign().phases[1]
    assert phase.contains(phase.start)
    assert phase.contains(phase.end)
    assert not phase.contains(phase.start.subtract(days=1))


def test_split_suffix_keeps_two_characters() -> None:
    assert split_suffix("苏州市", CITY_SUFFIXES) == ("苏州", "市")
    assert split_suffix("凉山州", CITY_SUFFIXES) == ("凉山", "州")
    assert split_suffix("巴州", CITY_SUFFIXES) == ("巴州", "")
    assert split_suffix("上海", CITY_SUFFIXES) == ("上海", "")
    assert split_suffix("广西壮族自治区", PROVINCE_SUFFIXES) == ("广西", "壮族自治区")


def test_not_found_lists_every_suggestion() -> None:
    with pytest.raises(NotFoundError) as caught:
        _index().lookup("朝阳镇")
    assert str(caught.value) == "no city named '朝阳镇'; did you mean <A>, <B>?"


def test_fresh_roster_lookups() -> None:
    text = skillrevival.converter.dumps(skillrevival.campaign())
    roster = skillrevival.loads(text).roster
    assert roster.get_province("江苏省") is roster.provinces[9]
    assert roster.get_province("江苏省") is roster.province("江苏")
    assert roster.get_province("苏州") is None
    assert roster.get_city("江苏") is None
    city = roster.city("苏州")
    assert roster.province_of(city) is roster.provinces[9]


def test_errors_cattrs_groups_without_notes() -> None:
    grouped = ClassValidationError("m", [ValueError("boom")], skillrevival.Term)
    assert problems_from_exception(grouped, "a") == [Problem("a", "boom")]
    items = IterableValidationError("m", [KeyError("k")], tuple[str, ...])
    assert problems_from_exception(items, "b[0]") == [Problem("b[0]", "required field is missing")]


def test_key_given_twice_is_named() -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads('{"a": 1, "b": 2, "c": 3, "b": 4}')
    assert caught.value.problems == (
        Problem("", "not JSON this library reads: key 'b' appears twice in an object"),
    )


def test_loads_wants_text() -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(5)  # type: ignore[call-overload]
    assert caught.value.problems == (Problem("text", "expected str or bytes, got int"),)


def test_suggestions_reach_half_similar_names() -> None:
    with pytest.raises(NotFoundError) as caught:
        _index().lookup("苏州路街道")
    assert str(caught.value) == "no city named '苏州路街道'; did you mean <C>?"


def test_campaign_rule_messages(campaign_doc: dict[str, Any]) -> None:
    doc = campaign_doc
    doc["phases"][1]["end"] = "2015-05-31"
    assert skillrevival.validate(doc) == [
        Problem("phases[1].end", "phase ends (2015-05-31) before it starts (2015-06-01)")
    ]
    doc["phases"] = []
    assert skillrevival.validate(doc) == [Problem("phases", "a campaign needs at least one phase")]


def test_nested_too_deeply_message() -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads("[" * 100_000 + "]" * 100_000)
    assert caught.value.problems == (Problem("", "not JSON this library reads: nested too deeply"),)


def test_more_campaign_rule_messages(campaign_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(campaign_doc)
    doc["sources"].append(dict(doc["sources"][0], title="again"))
    assert skillrevival.validate(doc) == [
        Problem(
            f"sources[{len(doc['sources']) - 1}].id",
            "source 'notice' is already listed at sources[0].id",
        )
    ]
    doc = copy.deepcopy(campaign_doc)
    doc["phases"][2]["number"] = 4
    doc["phases"][2]["start"] = "2016-09-30"
    assert skillrevival.validate(doc) == [
        Problem("phases[2].number", "phase is numbered 4, but it stands at position 3"),
        Problem(
            "phases[2].start",
            "phase starts (2016-09-30) before the previous phase ends (2016-09-30)",
        ),
    ]
    doc = copy.deepcopy(campaign_doc)
    doc["notice"]["plan_deadline"] = "2017-01-01"
    assert skillrevival.validate(doc) == [
        Problem(
            "notice.plan_deadline",
            "plan deadline 2017-01-01 falls outside the campaign (2015-03-01 to 2016-12-31)",
        )
    ]


# --- Messages added for downstream code (issue 14): each typed by hand, compared whole. ---

BAD = Path(__file__).parents[1] / "bad_documents"
# The roster's seven kinds, then the national geography's (issue 11: GEOGRAPHY_SPEC's list).
LEVELS = (
    "expected AdminLevel as one of 'prefecture_city' (地级市), 'prefecture' (地区), "
    "'league' (盟), 'autonomous_prefecture' (自治州), 'municipal_district' (直辖市市辖区), "
    "'county_city' (县级市), 'xpcc_city' (兵团师市), 'province' (省), "
    "'autonomous_region' (自治区), 'municipality' (直辖市), 'district' (市辖区), 'county' (县), "
    "'autonomous_county' (自治县), 'banner' (旗), 'autonomous_banner' (自治旗), "
    "'forest_area' (林区), 'special_district' (特区), 'administrative_region' (行政区), "
    "'county_town' (县级镇), 'county_level_other' (其他县级单位)"
)


def _problems_of_text(raw: bytes) -> tuple[Problem, ...]:
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(raw)
    return caught.value.problems


def _province_problems(name: str) -> list[Problem]:
    data = json.loads((BAD / name).read_text(encoding="utf-8"))
    return skillrevival.validate(data, skillrevival.Province)


def test_empty_and_blank_text_are_named() -> None:
    assert _problems_of_text(b"") == (Problem("", "not JSON: the document is empty"),)
    assert _problems_of_text(b" \n\t") == (
        Problem("", "not JSON: the document holds only white space"),
    )


def test_csv_is_named_with_and_without_byte_order_mark() -> None:
    assert _problems_of_text((BAD / "not_json_csv.csv").read_bytes()) == (
        Problem(
            "",
            "not JSON: this looks like CSV (first line 'province,seq,name,adcode'); "
            "skillrevival reads a campaign or roster as a JSON document",
        ),
    )
    assert _problems_of_text((BAD / "not_json_csv_with_bom.csv").read_bytes()) == (
        Problem(
            "",
            "not JSON: this looks like CSV with a byte-order mark (as Excel saves it) "
            "(first line 'province,seq,name,adcode'); skillrevival reads a campaign or roster "
            "as a JSON document",
        ),
    )


def test_gbk_and_gb18030_are_named() -> None:
    guess = "; it looks like GBK or GB18030 (the Chinese Windows encoding); save the file as UTF-8"
    assert _problems_of_text((BAD / "encoding_gbk.json").read_bytes()) == (
        # bytes 29-30 (c8 ab) happen to be valid UTF-8; byte 31 (b9) is not
        Problem("", "not UTF-8 text (byte 31: b'\\xb9\\xfa\\xb5\\xda')" + guess),
    )
    assert _problems_of_text((BAD / "encoding_gb18030.json").read_bytes()) == (
        Problem("", "not UTF-8 text (byte 8: b'\\xcb\\xd5\\xd6\\xdd')" + guess),
    )


def test_latin1_is_not_taken_for_gbk() -> None:
    assert _problems_of_text('{"en": "Ministère"}'.encode("latin-1")) == (
        Problem("", "not UTF-8 text (byte 14: b'\\xe8re\"'); save the file as UTF-8"),
    )


def test_codes_as_numbers_give_one_problem_each() -> None:
    assert _province_problems("province_codes_as_numbers.json") == [
        Problem(f"cities[{i}].adcode", f"expected a string, got the number {code}")
        for i, code in enumerate((320200, 320500, 320600, 320900, 321300))
    ]


def test_an_invalid_level_fires_no_parent_rule() -> None:
    assert _province_problems("province_level_invalid.json") == [
        Problem("cities[1].level", LEVELS + ", got the string '地级'")
    ]


def test_a_level_in_chinese_is_read() -> None:
    city = dict(CITY, level="地级市")
    assert skillrevival.validate(city, skillrevival.City) == []
    assert (
        skillrevival.structure(city, skillrevival.City).level
        is skillrevival.AdminLevel.PREFECTURE_CITY
    )
    county = dict(CITY, level="县级市")  # below prefecture level: needs a parent
    assert skillrevival.validate(county, skillrevival.City) == [
        Problem("parent", "a unit of level 'county_city' needs its parent's code")
    ]


def test_a_vocabulary_term_in_chinese_is_read() -> None:
    tier = skillrevival.structure({"zh": "x", "en": "y"}, skillrevival.Term)
    assert tier.zh == "x"
    assert skillrevival.converter.structure("技师", skillrevival.TrainingTier) is (
        skillrevival.TrainingTier.TECHNICIAN
    )


def test_a_misspelt_key_says_did_you_mean_and_nothing_else() -> None:
    assert _province_problems("province_key_typo.json") == [
        Problem("qouta", "unknown field; did you mean 'quota'?")
    ]


def test_a_far_unknown_key_gets_no_guess() -> None:
    assert skillrevival.validate({"zh": "x", "en": "y", "colour": 1}, skillrevival.Term) == [
        Problem("colour", "unknown field")
    ]


def test_a_key_shared_by_two_cities_is_reported_with_both_paths() -> None:
    assert _province_problems("province_second_suzhou.json") == [
        Problem(
            "cities[5].official_name",
            "'苏州市' also names the city at cities[1].name ('苏州市'): "
            "a lookup by it could not tell the two apart",
        )
    ]


def test_lookup_key_of_a_wrong_type_is_named() -> None:
    roster = skillrevival.campaign().roster
    for key, kind in ((None, "NoneType"), (130682.0, "float"), (True, "bool")):
        with pytest.raises(ValidationError) as caught:
            roster.city(key)  # type: ignore[arg-type]
        assert caught.value.problems == (
            Problem("key", f"expected a name or a code (str or int), got {kind}"),
        )
    with pytest.raises(ValidationError):
        roster.get_province(None)  # type: ignore[arg-type]
    assert roster.city(130682).name == "定州市"
    assert roster.province(32).name == "江苏"


def test_suggestions_can_be_passed_back() -> None:
    roster = skillrevival.campaign().roster
    with pytest.raises(NotFoundError) as caught:
        roster.city("苏洲")
    assert str(caught.value) == "no city named '苏洲'; did you mean 苏州市 (江苏)?"
    assert caught.value.suggestions == ("苏州市",)
    assert roster.city(caught.value.suggestions[0]).adcode == "320500"


# Issue 23: each hostile or careless input, and the one problem it gets, typed by hand.
HOSTILE_TEXTS: list[tuple[str | bytes, Problem]] = [
    (
        '{"a": 1, "b": 2, "c": 3, "b": 4}',
        Problem("", "not JSON this library reads: key 'b' appears twice in an object"),
    ),
    (
        '{"batch": 1' + "0" * 4300 + "}",
        Problem("", "not JSON this library reads: a whole number of more than 4,300 digits"),
    ),
    (
        '"seq","name"\n1,"苏州"\n',
        Problem(
            "",
            'not JSON: this looks like CSV (first line \'"seq","name"\'); skillrevival reads '
            "a campaign or roster as a JSON document",
        ),
    ),
    (
        '["x"]'.encode("utf-16-be"),
        Problem(
            "",
            "not JSON: Expecting value (line 1 column 1); it looks like UTF-16 or UTF-32; "
            "save the file as UTF-8",
        ),
    ),
]


@pytest.mark.parametrize(("text", "problem"), HOSTILE_TEXTS)
def test_hostile_text_messages(text: str | bytes, problem: Problem) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.loads(text)
    assert caught.value.problems == (problem,)


HOSTILE_DATA: list[tuple[Any, type, list[Problem]]] = [
    (
        {"en": "x", 7: "y", "zh": "苏"},
        skillrevival.Term,
        [Problem("7", "a key must be a string, got int 7")],
    ),
    (
        {"zh": "苏", "en": -(10**4301)},
        skillrevival.Term,
        [Problem("en", "a whole number of more than 4,300 digits")],
    ),
    (
        {"zh": " 苏", "en": 5},
        skillrevival.Term,
        [
            Problem("zh", "has white space at its start or end: ' 苏'"),
            Problem("en", "expected a string, got the number 5"),
        ],
    ),
    (
        # the blank string under an unknown key is not a second problem: one a place
        {"name": "x", "nmae": {"deep": " "}},
        skillrevival.Source,
        [
            Problem("id", "required field is missing"),
            Problem("title", "required field is missing"),
            Problem("publisher", "required field is missing"),
            Problem("as_of", "required field is missing"),
            Problem("name", "unknown field"),
            Problem("nmae", "unknown field"),
        ],
    ),
]


@pytest.mark.parametrize(("data", "cls", "problems"), HOSTILE_DATA)
def test_hostile_data_messages(data: Any, cls: type, problems: list[Problem]) -> None:
    assert skillrevival.validate(data, cls) == problems  # type: ignore[call-overload]


def test_the_closing_problem_counts_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(skillrevival._campaign.loader, "MAX_PROBLEMS", 2)
    assert skillrevival.validate({"zh": 1, "en": 2, "x": 3, "y": 4}, skillrevival.Term) == [
        Problem("zh", "expected a string, got the number 1"),
        Problem("en", "expected a string, got the number 2"),
        Problem("", "and 2 more problems, not listed (only the first 2 are)"),
    ]


def test_file_messages_name_the_file_and_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        skillrevival.load(tmp_path)
    assert caught.value.problems == (Problem("", f"cannot read {str(tmp_path)!r}: Is a directory"),)
    with pytest.raises(ValidationError) as caught:
        skillrevival.load(tmp_path / "missing.json")
    assert caught.value.problems == (
        Problem("", f"cannot read {str(tmp_path / 'missing.json')!r}: No such file or directory"),
    )
