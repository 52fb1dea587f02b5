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

# Nothing but the public API is bound here (no ``from __future__``, ``typing`` as ``_typing``):
# __all__ is made from what is bound, and dir() shows __all__.
import typing as _typing
from importlib import import_module as _import_module

from ._errors import NotFoundError as NotFoundError
from ._errors import Problem as Problem
from ._errors import SkillRevivalError as SkillRevivalError
from ._errors import ValidationError as ValidationError
from ._geo.levels import AdminLevel as AdminLevel
from ._index import normalize as normalize

__version__ = "0.1.0"
"""The version of the package: written here only (pyproject.toml reads it through hatch)."""

# The public names imported on first use, each with the module that defines it: the one table
# that __getattr__ reads and __all__ is made from. The campaign's model imports pendulum and
# makes some forty classes, the converter imports cattrs: a process that only looks places up
# (geography().place) needs none of them, and a first lookup costs less than importing them.
# A new lazy name is one line here and its import under TYPE_CHECKING below (for type checkers
# and the docs), which tests/faces/test_public_api.py checks line for line.
_LAZY: dict[str, str] = {
    "Allowance": "._campaign.vocabulary",
    "Anomaly": "._campaign.model",
    "ApprenticeshipElement": "._campaign.vocabulary",
    "Attachment": "._campaign.model",
    "AwardGiver": "._campaign.vocabulary",
    "Campaign": "._campaign.model",
    "campaign": "._campaign.loader",
    "CareerSystem": "._campaign.vocabulary",
    "City": "._campaign.model",
    "CodeKind": "._campaign.model",
    "Competition": "._campaign.vocabulary",
    "CompetitionReward": "._campaign.vocabulary",
    "converter": "._campaign.converter",
    "EnterpriseEvaluationMethod": "._campaign.vocabulary",
    "EvaluationChannel": "._campaign.vocabulary",
    "ExceptionalEvaluation": "._campaign.vocabulary",
    "Geography": "._geo.geography",
    "geography": "._geo.geography",
    "GeoSource": "._geo.records",
    "is_implementing": "._campaign.loader",
    "load": "._campaign.loader",
    "loads": "._campaign.loader",
    "LocateStatus": "._geo.locate",
    "Location": "._geo.locate",
    "MatchReport": "._campaign.join",
    "MatchStatus": "._campaign.join",
    "MinistrySupport": "._campaign.vocabulary",
    "Miss": "._campaign.join",
    "MissReason": "._campaign.join",
    "Notice": "._campaign.model",
    "NoticeVocabulary": "._campaign.vocabulary",
    "OtherCode": "._campaign.model",
    "Phase": "._campaign.model",
    "Place": "._geo.records",
    "PlanItem": "._campaign.model",
    "Province": "._campaign.model",
    "Roster": "._campaign.model",
    "Source": "._campaign.model",
    "StatedDuration": "._campaign.model",
    "structure": "._campaign.loader",
    "TargetGroup": "._campaign.vocabulary",
    "TechnicalSchool": "._campaign.vocabulary",
    "Term": "._campaign.model",
    "TrainingDuration": "._campaign.vocabulary",
    "TrainingProvider": "._campaign.vocabulary",
    "TrainingScheme": "._campaign.vocabulary",
    "TrainingTier": "._campaign.vocabulary",
    "TrainingType": "._campaign.vocabulary",
    "validate": "._campaign.loader",
    "Vocabulary": "._campaign.vocabulary",
}

if _typing.TYPE_CHECKING:
    from ._campaign.converter import converter as converter
    from ._campaign.join import MatchReport as MatchReport
    from ._campaign.join import MatchStatus as MatchStatus
    from ._campaign.join import Miss as Miss
    from ._campaign.join import MissReason as MissReason
    from ._campaign.loader import campaign as campaign
    from ._campaign.loader import is_implementing as is_implementing
    from ._campaign.loader import load as load
    from ._campaign.loader import loads as loads
    from ._campaign.loader import structure as structure
    from ._campaign.loader import validate as validate
    from ._campaign.model import Anomaly as Anomaly
    from ._campaign.model import Attachment as Attachment
    from ._campaign.model import Campaign as Campaign
    from ._campaign.model import City as City
    from ._campaign.model import CodeKind as CodeKind
    from ._campaign.model import Notice as Notice
    from ._campaign.model import OtherCode as OtherCode
    from ._campaign.model import Phase as Phase
    from ._campaign.model import PlanItem as PlanItem
    from ._campaign.model import Province as Province
    from ._campaign.model import Roster as Roster
    from ._campaign.model import Source as Source
    from ._campaign.model import StatedDuration as StatedDuration
    from ._campaign.model import Term as Term
    from ._campaign.vocabulary import Allowance as Allowance
    from ._campaign.vocabulary import ApprenticeshipElement as ApprenticeshipElement
    from ._campaign.vocabulary import AwardGiver as AwardGiver
    from ._campaign.vocabulary import CareerSystem as CareerSystem
    from ._campaign.vocabulary import Competition as Competition
    from ._campaign.vocabulary import CompetitionReward as CompetitionReward
    from ._campaign.vocabulary import EnterpriseEvaluationMethod as EnterpriseEvaluationMethod
    from ._campaign.vocabulary import EvaluationChannel as EvaluationChannel
    from ._campaign.vocabulary import ExceptionalEvaluation as ExceptionalEvaluation
    from ._campaign.vocabulary import MinistrySupport as MinistrySupport
    from ._campaign.vocabulary import NoticeVocabulary as NoticeVocabulary
    from ._campaign.vocabulary import TargetGroup as TargetGroup
    from ._campaign.vocabulary import TechnicalSchool as TechnicalSchool
    from ._campaign.vocabulary import TrainingDuration as TrainingDuration
    from ._campaign.vocabulary import TrainingProvider as TrainingProvider
    from ._campaign.vocabulary import TrainingScheme as TrainingScheme
    from ._campaign.vocabulary import TrainingTier as TrainingTier
    from ._campaign.vocabulary import TrainingType as TrainingType
    from ._campaign.vocabulary import Vocabulary as Vocabulary
    from ._geo.geography import Geography as Geography
    from ._geo.geography import geography as geography
    from ._geo.locate import LocateStatus as LocateStatus
    from ._geo.locate import Location as Location
    from ._geo.records import GeoSource as GeoSource
    from ._geo.records import Place as Place

__all__ = sorted({name for name in globals() if not name.startswith("_")} | {*_LAZY, "__version__"})
"""The public API: every name bound above (eager imports, ``X as X``) and every lazy one."""


def __dir__() -> list[str]:
    return list(__all__)


if not _typing.TYPE_CHECKING:  # type checkers see the imports above; a typo stays an error

    def __getattr__(name: str) -> _typing.Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'skillrevival' has no attribute {name!r}")
        value = getattr(_import_module(module, __name__), name)
        globals()[name] = value  # found directly from now on
        return value
