"""The work plan's vocabulary: golden terms typed from 附件1, the data file, lookups and order."""

import doctest
import enum
import importlib.util
import json
import operator
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import skillrevival
from skillrevival import (
    NotFoundError,
    NoticeVocabulary,
    Problem,
    TrainingTier,
    ValidationError,
    Vocabulary,
    strategies,
)
from skillrevival._campaign.rules import problems_from_exception
from skillrevival._campaign.vocabulary import read

NOTICE = Path(__file__).parents[1] / "data" / "notice-2015-67.txt"
DATA = Path(skillrevival.__file__).parent / "data" / "vocabulary.json"

# Typed from 附件1, in the notice's order: (enumeration, clause, zh terms as printed).
GOLDEN: list[tuple[str, str, list[str]]] = [
    ("TrainingTier", "附件1 三（一）", ["初级工", "中级工", "高级工", "技师", "高级技师"]),
    ("TrainingType", "附件1 三（一）", ["就业技能培训", "岗位技能提升培训", "创业培训"]),
    ("TrainingDuration", "附件1 三（一）", ["短期", "中期", "长期"]),
    (
        "TargetGroup",
        "附件1 三（一）",
        ["新成长劳动力", "失业人员", "在职职工", "退役士兵", "农民工", "大学生"],
    ),
    (
        "TrainingProvider",
        "附件1 三（二）",
        ["企业", "职业院校", "职工培训机构", "技工院校", "民办职业培训机构"],
    ),
    ("TechnicalSchool", "附件1 三（二）", ["技师学院", "高级技工学校", "普通技工学校"]),
    ("TrainingScheme", "附件1 三（二）", ["企业新型学徒制", "技师研修培训制度"]),
    ("ApprenticeshipElement", "附件1 三（二）", ["招工即招生", "入企即入校", "企校双师联合培养"]),
    (
        "EvaluationChannel",
        "附件1 三（三）",
        ["社会化职业技能鉴定", "院校职业资格认证", "企业技能人才评价"],
    ),
    ("EnterpriseEvaluationMethod", "附件1 三（三）", ["考核鉴定", "考评结合", "业绩评审"]),
    ("ExceptionalEvaluation", "附件1 三（三）", ["破格", "越级"]),
    (
        "CareerSystem",
        "附件1 三（三）",
        ["技师、高级技师聘任制", "高技能人才带头人制度", "企业首席技师制度"],
    ),
    ("Competition", "附件1 三（四）", ["职业技能竞赛", "群众性技术比武", "世界技能大赛"]),
    ("CompetitionReward", "附件1 三（四）", ["表彰奖励", "晋升相应职业资格"]),
    ("AwardGiver", "附件1 三（四）", ["政府奖励", "企业奖励", "社会奖励"]),
    ("Allowance", "附件1 三（四）", ["技能职务津贴", "特殊岗位津贴"]),
    (
        "MinistrySupport",
        "附件1 四（三）",
        [
            "高技能人才培训基地建设项目",
            "技师培训项目",
            "技能大师工作室建设项目",
            "国家技能人才评选表彰",
            "高技能人才享受国务院政府特贴",
        ],
    ),
]

VOCABULARIES: list[type[Vocabulary]] = [
    obj
    for name in skillrevival.__all__
    if isinstance(obj := getattr(skillrevival, name), type)
    and issubclass(obj, Vocabulary)
    and len(obj) > 0
]
MEMBERS = [member for kind in VOCABULARIES for member in kind]


def test_golden_lists_every_exported_enumeration() -> None:
    assert sorted(name for name, _, _ in GOLDEN) == sorted(k.__name__ for k in VOCABULARIES)


@pytest.mark.parametrize(("name", "clause", "terms"), GOLDEN, ids=[g[0] for g in GOLDEN])
def test_terms_in_the_notices_order(name: str, clause: str, terms: list[str]) -> None:
    kind = getattr(skillrevival, name)
    assert [member.zh for member in kind] == terms
    assert {member.clause for member in kind} == {clause}


def test_every_term_occurs_verbatim_in_the_notice() -> None:
    text = NOTICE.read_text(encoding="utf-8")
    assert [m for m in MEMBERS if m.zh not in text] == []
    assert all(isinstance(m, NoticeVocabulary) for m in MEMBERS)


def test_tiers_and_their_levels() -> None:
    assert [(t.zh, t.level) for t in TrainingTier] == [
        ("初级工", 5),
        ("中级工", 4),
        ("高级工", 3),
        ("技师", 2),
        ("高级技师", 1),
    ]
    assert TrainingTier.TECHNICIAN > TrainingTier.SENIOR_WORKER
    assert TrainingTier.SENIOR_WORKER.value == "senior_worker"
    assert max(TrainingTier) is TrainingTier.SENIOR_TECHNICIAN
    assert min(TrainingTier) is TrainingTier.JUNIOR_WORKER


def test_official_english_names() -> None:
    assert skillrevival.Competition.WORLDSKILLS.en == "WorldSkills Competition"
    assert skillrevival.TrainingTier.TECHNICIAN.en == "technician"


def test_plan_structure() -> None:
    campaign = skillrevival.campaign()
    assert [(i.number, i.clause, i.title.zh) for i in campaign.objectives] == [
        (1, "附件1 二", "构建劳动者终身职业培训体系"),
        (2, "附件1 二", "建立培养体系完善、考核评价科学、激励保障健全的技能人才工作机制"),
        (3, "附件1 二", "建设全国高水平的职业培训和技能人才队伍建设的综合示范区"),
    ]
    assert [(i.number, i.clause, i.title.zh) for i in campaign.main_tasks] == [
        (1, "附件1 三（一）", "构建劳动者终身职业培训体系"),
        (2, "附件1 三（二）", "完善职业培训和技能人才培养体系"),
        (3, "附件1 三（三）", "完善技能人才评价使用体系"),
        (4, "附件1 三（四）", "健全技能人才激励机制"),
    ]
    assert [(i.number, i.clause, i.title.zh) for i in campaign.safeguards] == [
        (1, "附件1 四（一）", "加强组织保障"),
        (2, "附件1 四（二）", "加大政策扶持"),
        (3, "附件1 四（三）", "加强资金保障"),
        (4, "附件1 四（四）", "加强舆论宣传"),
    ]
    text = NOTICE.read_text(encoding="utf-8")
    items = (*campaign.objectives, *campaign.main_tasks, *campaign.safeguards)
    assert [i.title.zh for i in items if i.title.zh not in text] == []
    assert all(i.title.en for i in items)


# --- the data file and the enumerations agree -------------------------------------------------


def test_data_file_and_enumerations_agree_exactly() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    in_file = {name: list(record["members"]) for name, record in data["vocabularies"].items()}
    in_code = {kind.__name__: [m.value for m in kind] for kind in VOCABULARIES}
    assert in_file == in_code
    sources = {source["id"] for source in data["sources"]}
    assert all(set(r["sources"]) <= sources for r in data["vocabularies"].values())
    tiers = data["vocabularies"]["TrainingTier"]["members"]
    assert all("level" in facts for facts in tiers.values())


def _doc() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def _problem_paths(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        read(json.dumps(doc, ensure_ascii=False))
    return [p.path for p in caught.value.problems]


def test_a_correct_file_reads() -> None:
    document = read(DATA.read_bytes())
    assert document.vocabularies["Allowance"].members["skill_post"].zh == "技能职务津贴"


@pytest.mark.parametrize(
    ("where", "change", "path"),
    [
        ("Allowance", lambda r: r["members"].pop("special_post"), "Allowance.members"),
        (
            "Allowance",
            lambda r: r["members"].update(extra={"zh": "津贴", "en": "x", "clause": "c"}),
            "Allowance.members",
        ),
        ("Allowance", lambda r: r["members"]["skill_post"].pop("clause"), "Allowance.members"),
        ("Allowance", lambda r: r["members"]["skill_post"].update(level=3), "Allowance.members"),
        ("TrainingTier", lambda r: r["members"]["technician"].pop("level"), "TrainingTier"),
        ("TrainingTier", lambda r: r["members"]["technician"].update(zh="初级工"), "TrainingTier"),
        ("TrainingTier", lambda r: r["members"]["technician"].update(zh=7), "TrainingTier"),
        ("TrainingTier", lambda r: r["sources"].append("nowhere"), "TrainingTier.sources"),
        ("TrainingTier", lambda r: r["members"]["technician"].update(en=" x"), "TrainingTier"),
    ],
)
def test_a_wrong_file_is_rejected_at_its_path(where: str, change: Any, path: str) -> None:
    doc = _doc()
    change(doc["vocabularies"][where])
    paths = _problem_paths(doc)
    assert any(p.startswith(f"vocabularies.{path}") for p in paths), paths


def test_a_file_missing_or_adding_an_enumeration_is_rejected() -> None:
    doc = _doc()
    doc["vocabularies"]["Unknown"] = doc["vocabularies"].pop("Allowance")
    assert {"vocabularies.Allowance", "vocabularies.Unknown"} <= set(_problem_paths(doc))


def test_import_reads_no_data_until_a_fact_is_asked_for() -> None:
    code = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: event == 'open' and opened.append(str(args[0])))\n"
        "import skillrevival as s\n"
        "t = s.TrainingTier\n"
        "print(t.TECHNICIAN > t.SENIOR_WORKER, [p for p in opened if p.endswith('.json')])\n"
        "print(t.TECHNICIAN.zh, [p.rsplit('/', 1)[-1] for p in opened if p.endswith('.json')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["True []", "技师 ['vocabulary.json']"]


# --- lookups -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        (TrainingTier, "技师", TrainingTier.TECHNICIAN),
        (TrainingTier, "高级技师", TrainingTier.SENIOR_TECHNICIAN),
        (TrainingTier, "Senior Technician", TrainingTier.SENIOR_TECHNICIAN),
        (TrainingTier, "  SENIOR   worker ", TrainingTier.SENIOR_WORKER),
        (TrainingTier, "junior_worker", TrainingTier.JUNIOR_WORKER),
        (skillrevival.Competition, "worldskills competition", skillrevival.Competition.WORLDSKILLS),
        (skillrevival.AwardGiver, "enterprise", skillrevival.AwardGiver.ENTERPRISE),
        (skillrevival.TrainingProvider, "enterprise", skillrevival.TrainingProvider.ENTERPRISE),
    ],
)
def test_from_text(kind: type[Vocabulary], text: str, expected: Vocabulary) -> None:
    assert kind.from_text(text) is expected


@pytest.mark.parametrize(
    "text", ["技", "高级技师 ", "工人", "", "TECHNICIAN_", "TrainingTier.TECHNICIAN"]
)
def test_from_text_misses_list_the_valid_terms(text: str) -> None:
    if text == "高级技师 ":  # surrounding space is ignored, so this one is found
        assert TrainingTier.from_text(text) is TrainingTier.SENIOR_TECHNICIAN
        return
    with pytest.raises(NotFoundError) as caught:
        TrainingTier.from_text(text)
    assert isinstance(caught.value, LookupError)
    message = str(caught.value)
    assert repr(text) in message
    assert "初级工 / junior worker / junior_worker" in message
    assert "技师 / technician;" in message


def test_from_text_rejects_what_is_not_text() -> None:
    with pytest.raises(ValidationError):
        TrainingTier.from_text(2)  # type: ignore[arg-type]


# --- properties --------------------------------------------------------------------------------


@given(strategies.vocabulary(TrainingTier), strategies.vocabulary(TrainingTier))
def test_tier_order_is_the_ladder(a: TrainingTier, b: TrainingTier) -> None:
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a < b) == (a.level > b.level)
    assert (a <= b) == (a.level >= b.level)
    assert (a >= b) == (b <= a)
    assert (a > b) == (b < a)


@given(st.lists(strategies.vocabulary(TrainingTier)))
def test_sorting_tiers_sorts_by_level(tiers: list[TrainingTier]) -> None:
    assert [t.level for t in sorted(tiers)] == sorted((t.level for t in tiers), reverse=True)


def test_tiers_do_not_compare_with_other_things() -> None:
    with pytest.raises(TypeError):
        _ = TrainingTier.TECHNICIAN < 3  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = TrainingTier.TECHNICIAN < skillrevival.TrainingType.ENTREPRENEURSHIP  # type: ignore[operator]


@given(st.sampled_from(MEMBERS))
def test_member_round_trips_through_the_converter(member: Vocabulary) -> None:
    data = skillrevival.converter.unstructure(member)
    assert data == member.value
    assert isinstance(data, str)
    assert skillrevival.converter.structure(data, type(member)) is member
    text = skillrevival.converter.dumps((member,))
    assert skillrevival.converter.loads(text, tuple[type(member), ...]) == (member,)  # type: ignore[misc]


@given(st.sampled_from(MEMBERS), st.sampled_from([str, str.upper, str.title, " {} ".format]))
def test_member_round_trips_through_from_text(member: Vocabulary, style: Any) -> None:
    kind = type(member)
    assert kind.from_text(member.zh) is member
    assert kind.from_text(style(member.en)) is member
    assert kind.from_text(member.value) is member


def _terms(kind: type[Vocabulary]) -> dict[str, Vocabulary]:
    return {skillrevival.normalize(text): m for m in kind for text in (m.zh, m.en, str(m.value))}


_ANY_TERM = st.sampled_from([t for m in MEMBERS for t in (m.zh, m.en, str(m.value))])


@given(st.sampled_from(VOCABULARIES), st.one_of(st.text(max_size=12), _ANY_TERM))
def test_from_text_accepts_only_a_members_term(kind: type[Vocabulary], text: str) -> None:
    known = _terms(kind)
    key = skillrevival.normalize(text)
    if key in known:
        assert kind.from_text(text) is known[key]
    else:
        with pytest.raises(NotFoundError):
            kind.from_text(text)


@attrs.frozen
class Trainee:
    tier: TrainingTier
    groups: tuple[skillrevival.TargetGroup, ...]


@pytest.mark.parametrize(
    ("data", "paths"),
    [
        ({"tier": "技师傅", "groups": []}, ["tier"]),
        ({"tier": "TECHNICIAN", "groups": []}, ["tier"]),
        ({"tier": 2, "groups": []}, ["tier"]),
        (
            {"tier": None, "groups": ["unemployed", "veteran", 1]},
            ["tier", "groups[1]", "groups[2]"],
        ),
    ],
)
def test_bad_values_are_rejected_at_their_path(data: dict[str, Any], paths: list[str]) -> None:
    with pytest.raises(Exception) as caught:  # noqa: PT011 - cattrs' own error, turned into problems
        skillrevival.converter.structure(data, Trainee)
    problems = problems_from_exception(caught.value)
    assert sorted(p.path for p in problems) == sorted(paths)
    assert all("expected" in p.message for p in problems)


def test_good_values_structure() -> None:
    got = skillrevival.converter.structure(
        {"tier": "technician", "groups": ["migrant_worker"]}, Trainee
    )
    assert got == Trainee(TrainingTier.TECHNICIAN, (skillrevival.TargetGroup.MIGRANT_WORKER,))
    assert skillrevival.converter.unstructure(got) == {
        "tier": "technician",
        "groups": ["migrant_worker"],
    }


def test_every_enumeration_is_an_enum_with_string_values() -> None:
    for kind in VOCABULARIES:
        assert issubclass(kind, enum.Enum)
        assert all(isinstance(m.value, str) and m.value == m.value.lower() for m in kind)


# --- the docs page ----------------------------------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_docs_examples_run() -> None:
    page = (DOCS / "reference" / "vocabulary.md").read_text(encoding="utf-8")
    text = "\n".join(re.findall(r"```pycon\n(.*?)```", page, re.S))
    test = doctest.DocTestParser().get_doctest(text, {}, "vocabulary.md", None, 0)
    assert len(test.examples) >= 6
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_docs_tables_show_every_member() -> None:
    spec = importlib.util.spec_from_file_location("hook", DOCS / "hooks.py")
    assert spec
    assert spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    marker = "<!-- skillrevival: vocabulary -->"
    page = hook.on_page_markdown(f"before\n{marker}\nafter", None, None, None)
    for member in MEMBERS:
        assert f"| `{member.value}` | {member.zh} | {member.en} |" in page
    assert "| `technician` | 技师 | technician | 附件1 三（一） | 2 |" in page
    assert page.count("## `") == len(VOCABULARIES)


# ==================================================================================================
# The vocabulary's rules, message by message: what from_text says about a bad argument or a miss,
# that tiers refuse to compare with anything else, and every problem the reader of
# ``data/vocabulary.json`` reports (its path and its exact words).
# ==================================================================================================


def _problems(doc: dict[str, Any]) -> list[Problem]:
    with pytest.raises(ValidationError) as caught:
        read(json.dumps(doc, ensure_ascii=False))
    return list(caught.value.problems)


@pytest.mark.parametrize(("text", "type_name"), [(2, "int"), (b"\xe6\x8a\x80", "bytes")])
def test_from_text_names_the_argument_and_the_type_it_got(text: object, type_name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TrainingTier.from_text(text)  # type: ignore[arg-type]
    assert caught.value.problems == (Problem("text", f"expected a string, got {type_name}"),)
    assert caught.value.what == "value"


def test_a_miss_keeps_the_text_asked_for_and_suggests_values_that_work() -> None:
    with pytest.raises(NotFoundError) as caught:
        TrainingTier.from_text("technicain")
    assert caught.value.key == "technicain"
    assert caught.value.suggestions[0] == "technician"
    assert all(
        isinstance(TrainingTier.from_text(k), TrainingTier) for k in caught.value.suggestions
    )


COMPARISONS = [operator.lt, operator.le, operator.gt, operator.ge]


@pytest.mark.parametrize("compare", COMPARISONS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("other", [3, "technician", skillrevival.TrainingType.ENTREPRENEURSHIP])
def test_a_tier_does_not_compare_with_anything_else(
    compare: Callable[[object, object], bool], other: object
) -> None:
    with pytest.raises(TypeError):
        compare(TrainingTier.TECHNICIAN, other)
    with pytest.raises(TypeError):
        compare(other, TrainingTier.TECHNICIAN)


def test_a_missing_enumeration_has_no_facts() -> None:
    doc = _doc()
    del doc["vocabularies"]["Allowance"]
    assert Problem("vocabularies.Allowance", "enumeration has no facts") in _problems(doc)


def test_an_unknown_enumeration_is_named_and_the_rest_still_checked() -> None:
    doc = _doc()
    unknown = {"sources": ["notice"], "members": {"x": {"zh": "甲", "en": "x", "clause": "c"}}}
    doc["vocabularies"] = {"Unknown": unknown, **doc["vocabularies"]}
    doc["vocabularies"]["Allowance"]["members"]["skill_post"]["level"] = 3
    assert _problems(doc) == [
        Problem("vocabularies.Unknown", "no such enumeration"),
        Problem(
            "vocabularies.Allowance.members.skill_post.level", "only training tiers carry a level"
        ),
    ]


def test_an_unknown_source_is_named() -> None:
    doc = _doc()
    doc["vocabularies"]["TrainingTier"]["sources"].append("nowhere")
    assert _problems(doc) == [
        Problem("vocabularies.TrainingTier.sources[2]", "unknown source 'nowhere'"),
    ]


def test_members_out_of_order_are_told_the_order() -> None:
    doc = _doc()
    members = doc["vocabularies"]["Allowance"]["members"]
    doc["vocabularies"]["Allowance"]["members"] = dict(reversed(members.items()))
    assert _problems(doc) == [
        Problem(
            "vocabularies.Allowance.members",
            "members must be exactly ['skill_post', 'special_post'], in that order",
        ),
    ]


def test_a_notice_term_without_its_clause() -> None:
    doc = _doc()
    del doc["vocabularies"]["Allowance"]["members"]["special_post"]["clause"]
    assert _problems(doc) == [
        Problem(
            "vocabularies.Allowance.members.special_post.clause",
            "a term of the notice needs its clause",
        ),
    ]


def test_a_tier_without_its_level() -> None:
    doc = _doc()
    del doc["vocabularies"]["TrainingTier"]["members"]["technician"]["level"]
    assert _problems(doc) == [
        Problem(
            "vocabularies.TrainingTier.members.technician.level", "a training tier needs its level"
        ),
    ]


TIER = "vocabularies.TrainingTier.members"


@pytest.mark.parametrize(
    ("member", "field", "text", "expected"),
    [
        (
            "technician",
            "zh",
            "初级工",
            [(f"{TIER}.technician.zh", "'初级工' already names 'junior_worker'")],
        ),
        (
            "technician",
            "en",
            "Junior Worker",
            [(f"{TIER}.technician.en", "'Junior Worker' already names 'junior_worker'")],
        ),
        (
            "junior_worker",
            "en",
            "Technician",
            [
                (f"{TIER}.technician.value", "'technician' already names 'junior_worker'"),
                (f"{TIER}.technician.en", "'technician' already names 'junior_worker'"),
            ],
        ),
    ],
)
def test_a_text_naming_two_members_is_refused_where_it_recurs(
    member: str, field: str, text: str, expected: list[tuple[str, str]]
) -> None:
    doc = _doc()
    doc["vocabularies"]["TrainingTier"]["members"][member][field] = text
    assert _problems(doc) == [Problem(where, message) for where, message in expected]
