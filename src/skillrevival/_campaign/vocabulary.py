"""The work plan's vocabulary (附件1) as enumerations that type checkers can see.

Each member's *name* is code (``TrainingTier.SENIOR_WORKER``); its *value* is a stable snake_case
English string that is part of the data format (``"senior_worker"``): the converter writes and
reads members as their values, never as Python names or integers that could shift. The facts
about each member (``zh``, the notice's term verbatim; ``en``; ``clause``, where the notice uses
it; ``level`` for tiers) are not in this file: they live in ``data/vocabulary.json``, keyed by
class and value, and are read on the first access to any of them, so importing the package
still reads no data. Reading checks that the file and these classes agree exactly.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Self, cast

import attrs

from .._errors import NotFoundError, Problem, ValidationError
from .._index import Index, normalize
from .._reading import parse_json, read_bundled
from .._text import check_text
from .model import Source

BUNDLED = "vocabulary.json"


class Vocabulary(enum.Enum):
    """Base of every enumeration of terms: each member has ``zh`` and ``en`` and a string value.

    ``from_text`` finds a member by any of the three, so that user input, data files and the
    notice's own wording all lead to the same member.
    """

    @property
    def zh(self) -> str:
        """The term in Chinese, verbatim from its source."""
        return _facts(self).zh

    @property
    def en(self) -> str:
        """The term in English (the official English name where one exists)."""
        return _facts(self).en

    @classmethod
    def from_text(cls, text: str) -> Self:
        """The member that ``text`` names: its ``zh``, its ``en`` or its value.

        Case, white space and full-width forms are ignored (:func:`skillrevival.normalize`).
        Raises :class:`skillrevival.NotFoundError` listing the valid terms when none matches.
        """
        if not isinstance(text, str):
            raise ValidationError.single("text", f"expected a string, got {type(text).__name__}")
        index = _index(cls)
        found = index.get(text)
        if found is None:
            valid = "; ".join(_label(member) for member in cls)
            message = f"no {cls.__name__} named {text!r}; valid terms: {valid}"
            keys = [index.key_of(member) for member in index.closest(text)]
            raise NotFoundError(message, text, keys)
        return cast(Self, found)


class NoticeVocabulary(Vocabulary):
    """An enumeration of the notice's own terms: each member also names its ``clause``."""

    @property
    def clause(self) -> str:
        """Where the notice uses the term, as ``附件1 三（一）``."""
        clause = _facts(self).clause
        assert clause is not None  # the file's check guarantees it for the notice's terms
        return clause


class TrainingTier(NoticeVocabulary):
    """The qualification ladder that training covers (附件1 三（一）), from the lowest rung up.

    Members compare by the ladder (``TECHNICIAN > SENIOR_WORKER``); ``level`` is the grade of
    the national vocational qualification (国家职业资格), 5 for 初级工 down to 1 for 高级技师.
    """

    JUNIOR_WORKER = "junior_worker"
    INTERMEDIATE_WORKER = "intermediate_worker"
    SENIOR_WORKER = "senior_worker"
    TECHNICIAN = "technician"
    SENIOR_TECHNICIAN = "senior_technician"

    @property
    def level(self) -> int:
        """The national vocational qualification grade: 5 (lowest) to 1 (highest)."""
        level = _facts(self).level
        assert level is not None  # the file's check guarantees it for every tier
        return level

    @property
    def rank(self) -> int:
        """The rung on the ladder, from 0 for the lowest; comparisons follow it."""
        return _TIER_ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, TrainingTier):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, TrainingTier):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, TrainingTier):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, TrainingTier):
            return NotImplemented
        return self.rank >= other.rank


_TIER_ORDER: tuple[TrainingTier, ...] = tuple(TrainingTier)


class TrainingType(NoticeVocabulary):
    """The kinds of training the plan asks for (附件1 三（一）)."""

    EMPLOYMENT_SKILLS = "employment_skills"
    SKILLS_UPGRADING = "skills_upgrading"
    ENTREPRENEURSHIP = "entrepreneurship"


class TrainingDuration(NoticeVocabulary):
    """The lengths of training the plan balances (附件1 三（一）)."""

    SHORT_TERM = "short_term"
    MEDIUM_TERM = "medium_term"
    LONG_TERM = "long_term"


class TargetGroup(NoticeVocabulary):
    """Who is to be trained (附件1 三（一）): the groups the notice names, in its order."""

    NEW_LABOUR_FORCE = "new_labour_force"
    UNEMPLOYED = "unemployed"
    EMPLOYED_WORKER = "employed_worker"
    DEMOBILIZED_SOLDIER = "demobilized_soldier"
    MIGRANT_WORKER = "migrant_worker"
    COLLEGE_STUDENT = "college_student"


class TrainingProvider(NoticeVocabulary):
    """Who trains (附件1 三（二）): enterprises first, then schools and private institutions."""

    ENTERPRISE = "enterprise"
    VOCATIONAL_COLLEGE = "vocational_college"
    STAFF_TRAINING_INSTITUTION = "staff_training_institution"
    TECHNICAL_SCHOOL = "technical_school"
    PRIVATE_TRAINING_INSTITUTION = "private_training_institution"


class TechnicalSchool(NoticeVocabulary):
    """The three kinds of school in the technical-school network (技工院校, 附件1 三（二）).

    The notice makes technician colleges its head (龙头), senior technical schools its backbone
    (骨干) and ordinary technical schools its foundation (基础).
    """

    TECHNICIAN_COLLEGE = "technician_college"
    SENIOR_TECHNICAL_SCHOOL = "senior_technical_school"
    ORDINARY_TECHNICAL_SCHOOL = "ordinary_technical_school"


class TrainingScheme(NoticeVocabulary):
    """The training systems the plan sets up for enterprises (附件1 三（二）)."""

    NEW_APPRENTICESHIP = "new_apprenticeship"
    TECHNICIAN_ADVANCED_TRAINING = "technician_advanced_training"


class ApprenticeshipElement(NoticeVocabulary):
    """The elements of the new enterprise apprenticeship pilot (企业新型学徒制, 附件1 三（二）)."""

    RECRUITMENT_IS_ENROLMENT = "recruitment_is_enrolment"
    ENTERPRISE_IS_SCHOOL = "enterprise_is_school"
    DUAL_MENTORS = "dual_mentors"


class EvaluationChannel(NoticeVocabulary):
    """The three channels of skill evaluation (附件1 三（三）)."""

    SOCIAL_APPRAISAL = "social_appraisal"
    SCHOOL_CERTIFICATION = "school_certification"
    ENTERPRISE_EVALUATION = "enterprise_evaluation"


class EnterpriseEvaluationMethod(NoticeVocabulary):
    """How enterprises evaluate their skilled workers (附件1 三（三）)."""

    ASSESSMENT = "assessment"
    COMBINED_ASSESSMENT = "combined_assessment"
    PERFORMANCE_REVIEW = "performance_review"


class ExceptionalEvaluation(NoticeVocabulary):
    """Ways outstanding workers may sit qualification evaluations early (附件1 三（三）)."""

    WAIVED_REQUIREMENTS = "waived_requirements"
    GRADE_SKIPPING = "grade_skipping"


class CareerSystem(NoticeVocabulary):
    """Systems that give skilled workers a career path (附件1 三（三）)."""

    TECHNICIAN_APPOINTMENT = "technician_appointment"
    SKILLS_LEADER = "skills_leader"
    CHIEF_TECHNICIAN = "chief_technician"


class Competition(NoticeVocabulary):
    """The skills competitions the plan promotes (附件1 三（四）)."""

    VOCATIONAL_SKILLS_COMPETITION = "vocational_skills_competition"
    TECHNICAL_CONTEST = "technical_contest"
    WORLDSKILLS = "worldskills"


class CompetitionReward(NoticeVocabulary):
    """What winners of vocational skills competitions receive (附件1 三（四）)."""

    COMMENDATION = "commendation"
    QUALIFICATION_PROMOTION = "qualification_promotion"


class AwardGiver(NoticeVocabulary):
    """Awards for skilled workers by who gives them (附件1 三（四）).

    The notice makes government awards the guide (导向), enterprise awards the main body (主体)
    and social awards a supplement (辅以).
    """

    GOVERNMENT = "government"
    ENTERPRISE = "enterprise"
    SOCIETY = "society"


class Allowance(NoticeVocabulary):
    """The allowances enterprises are encouraged to pay skilled workers (附件1 三（四）)."""

    SKILL_POST = "skill_post"
    SPECIAL_POST = "special_post"


class MinistrySupport(NoticeVocabulary):
    """What the ministry promises the campaign's cities (附件1 四（三）)."""

    TRAINING_BASE = "training_base"
    TECHNICIAN_TRAINING = "technician_training"
    MASTER_STUDIO = "master_studio"
    NATIONAL_COMMENDATION = "national_commendation"
    STATE_COUNCIL_ALLOWANCE = "state_council_allowance"


VOCABULARIES: tuple[type[Vocabulary], ...] = (
    TrainingTier,
    TrainingType,
    TrainingDuration,
    TargetGroup,
    TrainingProvider,
    TechnicalSchool,
    TrainingScheme,
    ApprenticeshipElement,
    EvaluationChannel,
    EnterpriseEvaluationMethod,
    ExceptionalEvaluation,
    CareerSystem,
    Competition,
    CompetitionReward,
    AwardGiver,
    Allowance,
    MinistrySupport,
)
"""Every enumeration, in the order of the notice; ``data/vocabulary.json`` follows it."""


@attrs.frozen
class Facts:
    """What the data file says about one member."""

    zh: str
    en: str
    clause: str | None = None
    level: int | None = None


@attrs.frozen
class VocabularyRecord:
    """One enumeration in the data file: the ids of its sources and its members by value."""

    sources: tuple[str, ...]
    members: dict[str, Facts]


@attrs.frozen
class VocabularyFile:
    """The whole of ``data/vocabulary.json``."""

    sources: tuple[Source, ...]
    vocabularies: dict[str, VocabularyRecord]


def read(text: str | bytes) -> VocabularyFile:
    """Parse and check a vocabulary document; raise ValidationError with every problem."""
    # Deferred: the converter imports cattrs; the enumerations are used without their file.
    from .converter import converter
    from .rules import problems_from_exception

    data = parse_json(text)
    try:
        document: VocabularyFile = converter.structure(data, VocabularyFile)
    except Exception as error:  # every failure of the shape check is a finding
        raise ValidationError(problems_from_exception(error)) from None
    problems = list(check_text(data, "")) + list(check_agreement(document))
    if problems:
        raise ValidationError(problems)
    return document


def check_agreement(document: VocabularyFile) -> Iterator[Problem]:
    """Problems where the data file and the enumerations disagree, each with its path."""
    classes = {kind.__name__: kind for kind in VOCABULARIES}
    source_ids = {source.id for source in document.sources}
    for name in classes.keys() - document.vocabularies.keys():
        yield Problem(f"vocabularies.{name}", "enumeration has no facts")
    for name, record in document.vocabularies.items():
        path = f"vocabularies.{name}"
        kind = classes.get(name)
        if kind is None:
            yield Problem(path, "no such enumeration")
            continue
        for position, source in enumerate(record.sources):
            if source not in source_ids:
                yield Problem(f"{path}.sources[{position}]", f"unknown source {source!r}")
        values = [member.value for member in kind]
        if list(record.members) != values:
            message = f"members must be exactly {values}, in that order"
            yield Problem(f"{path}.members", message)
        for value, facts in record.members.items():
            yield from _check_facts(kind, facts, f"{path}.members.{value}")
    yield from _check_unique_terms(document)


def _check_facts(kind: type[Vocabulary], facts: Facts, path: str) -> Iterator[Problem]:
    if issubclass(kind, NoticeVocabulary) and facts.clause is None:
        yield Problem(f"{path}.clause", "a term of the notice needs its clause")
    if kind is TrainingTier and facts.level is None:
        yield Problem(f"{path}.level", "a training tier needs its level")
    if kind is not TrainingTier and facts.level is not None:
        yield Problem(f"{path}.level", "only training tiers carry a level")


def _check_unique_terms(document: VocabularyFile) -> Iterator[Problem]:
    """No text may name two members of one enumeration, or from_text could not choose."""
    for name, record in document.vocabularies.items():
        seen: dict[str, str] = {}
        for value, facts in record.members.items():
            for field, text in (("value", value), ("zh", facts.zh), ("en", facts.en)):
                key = normalize(text)
                owner = seen.setdefault(key, value)
                if owner != value:
                    where = f"vocabularies.{name}.members.{value}.{field}"
                    yield Problem(where, f"{text!r} already names {owner!r}")


@cache
def bundled() -> VocabularyFile:
    """The bundled vocabulary, read and checked once."""
    return read(read_bundled(BUNDLED))


@cache
def _table() -> Mapping[Vocabulary, Facts]:
    document = bundled()
    return {
        kind(value): facts
        for kind in VOCABULARIES
        for value, facts in document.vocabularies[kind.__name__].members.items()
    }


def _facts(member: Vocabulary) -> Facts:
    return _table()[member]


@cache
def _index(kind: type[Vocabulary]) -> Index[Vocabulary]:
    entries = (((member.value, member.zh, member.en), member) for member in kind)
    return Index(kind.__name__, entries, _label, ())


def _label(member: Vocabulary) -> str:
    """The member's zh, en and value, each once: 初级工 / junior worker / junior_worker."""
    return " / ".join(dict.fromkeys((member.zh, member.en, str(member.value))))
