"""skillrevival: the second batch of China's Hundred Cities Skills Revitalization Campaign as data.

The notice 人社部函〔2015〕67号 (2015-04-20) of the Ministry of Human Resources and Social Security,
its work plan and its roster of 100 implementing cities, as frozen, typed records::

    >>> import skillrevival
    >>> c = skillrevival.campaign()
    >>> c.roster.city("苏州").province
    '江苏'

Importing the package reads no data; :func:`campaign` reads and checks the bundled data on its
first call and caches the result.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._errors import NotFoundError, Problem, SkillRevivalError, ValidationError
from ._geography import AdminLevel, CodeKind, OtherCode
from ._loader import campaign, load, loads, structure, validate
from ._lookup import normalize
from ._model import (
    Anomaly,
    Attachment,
    Campaign,
    City,
    Notice,
    Phase,
    PlanItem,
    Province,
    Roster,
    Source,
    StatedDuration,
    Term,
)

if TYPE_CHECKING:
    from cattrs.preconf.json import JsonConverter

    from ._matching import MatchReport, MatchStatus, Miss, MissReason, is_implementing
    from ._places import Geography, GeoSource, Place, geography
    from ._vocabulary import (
        Allowance,
        ApprenticeshipElement,
        AwardGiver,
        CareerSystem,
        Competition,
        CompetitionReward,
        EnterpriseEvaluationMethod,
        EvaluationChannel,
        ExceptionalEvaluation,
        MinistrySupport,
        NoticeVocabulary,
        TargetGroup,
        TechnicalSchool,
        TrainingDuration,
        TrainingProvider,
        TrainingScheme,
        TrainingTier,
        TrainingType,
        Vocabulary,
    )

    converter: JsonConverter
    """The cattrs converter for every public class; dates travel as ISO strings. Built on use."""

__version__ = "0.1.0"
"""The version of the package."""

__all__ = [
    "AdminLevel",
    "Allowance",
    "Anomaly",
    "ApprenticeshipElement",
    "Attachment",
    "AwardGiver",
    "Campaign",
    "CareerSystem",
    "City",
    "CodeKind",
    "Competition",
    "CompetitionReward",
    "EnterpriseEvaluationMethod",
    "EvaluationChannel",
    "ExceptionalEvaluation",
    "GeoSource",
    "Geography",
    "MatchReport",
    "MatchStatus",
    "MinistrySupport",
    "Miss",
    "MissReason",
    "NotFoundError",
    "Notice",
    "NoticeVocabulary",
    "OtherCode",
    "Phase",
    "Place",
    "PlanItem",
    "Problem",
    "Province",
    "Roster",
    "SkillRevivalError",
    "Source",
    "StatedDuration",
    "TargetGroup",
    "TechnicalSchool",
    "Term",
    "TrainingDuration",
    "TrainingProvider",
    "TrainingScheme",
    "TrainingTier",
    "TrainingType",
    "ValidationError",
    "Vocabulary",
    "__version__",
    "campaign",
    "converter",
    "geography",
    "is_implementing",
    "load",
    "loads",
    "normalize",
    "structure",
    "validate",
]


# Imported on first use: creating the vocabulary's enumerations and the matching report's
# classes costs about a twentieth of importing the package, and most users need neither.
_LAZY = {
    **dict.fromkeys(
        ("MatchReport", "MatchStatus", "Miss", "MissReason", "is_implementing"), "._matching"
    ),
    **dict.fromkeys(("GeoSource", "Geography", "Place", "geography"), "._places"),
    **dict.fromkeys(
        (
            "Allowance",
            "ApprenticeshipElement",
            "AwardGiver",
            "CareerSystem",
            "Competition",
            "CompetitionReward",
            "EnterpriseEvaluationMethod",
            "EvaluationChannel",
            "ExceptionalEvaluation",
            "MinistrySupport",
            "NoticeVocabulary",
            "TargetGroup",
            "TechnicalSchool",
            "TrainingDuration",
            "TrainingProvider",
            "TrainingScheme",
            "TrainingTier",
            "TrainingType",
            "Vocabulary",
        ),
        "._vocabulary",
    ),
}


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def __getattr__(name: str) -> Any:
    # The converter pulls in cattrs; build it only for those who ask.
    if name == "converter":
        from ._converter import converter

        return converter
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value  # found directly from now on
        return value
    raise AttributeError(f"module 'skillrevival' has no attribute {name!r}")
