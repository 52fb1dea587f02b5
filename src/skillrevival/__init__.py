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
from ._geography import AdminLevel as AdminLevel
from ._geography import CodeKind as CodeKind
from ._geography import OtherCode as OtherCode
from ._loader import campaign as campaign
from ._loader import load as load
from ._loader import loads as loads
from ._loader import structure as structure
from ._loader import validate as validate
from ._lookup import normalize as normalize
from ._model import Anomaly as Anomaly
from ._model import Attachment as Attachment
from ._model import Campaign as Campaign
from ._model import City as City
from ._model import Notice as Notice
from ._model import Phase as Phase
from ._model import PlanItem as PlanItem
from ._model import Province as Province
from ._model import Roster as Roster
from ._model import Source as Source
from ._model import StatedDuration as StatedDuration
from ._model import Term as Term

__version__ = "0.1.0"
"""The version of the package: written here only (pyproject.toml reads it through hatch)."""

# The public names imported on first use, each with the module that defines it: the one table
# that __getattr__ reads and __all__ is made from. Creating the vocabulary's enumerations and
# the matching report's classes costs about a twentieth of importing the package, and building
# the converter imports cattrs; most users need none of them. A new lazy name is one line here
# and its import under TYPE_CHECKING below (for type checkers and the docs), which
# tests/test_public_api.py checks line for line.
_LAZY: dict[str, str] = {
    "Allowance": "._vocabulary",
    "ApprenticeshipElement": "._vocabulary",
    "AwardGiver": "._vocabulary",
    "CareerSystem": "._vocabulary",
    "Competition": "._vocabulary",
    "CompetitionReward": "._vocabulary",
    "EnterpriseEvaluationMethod": "._vocabulary",
    "EvaluationChannel": "._vocabulary",
    "ExceptionalEvaluation": "._vocabulary",
    "GeoSource": "._places",
    "Geography": "._places",
    "MatchReport": "._matching",
    "MatchStatus": "._matching",
    "MinistrySupport": "._vocabulary",
    "Miss": "._matching",
    "MissReason": "._matching",
    "NoticeVocabulary": "._vocabulary",
    "Place": "._places",
    "TargetGroup": "._vocabulary",
    "TechnicalSchool": "._vocabulary",
    "TrainingDuration": "._vocabulary",
    "TrainingProvider": "._vocabulary",
    "TrainingScheme": "._vocabulary",
    "TrainingTier": "._vocabulary",
    "TrainingType": "._vocabulary",
    "Vocabulary": "._vocabulary",
    "converter": "._converter",
    "geography": "._places",
    "is_implementing": "._loader",
}

if _typing.TYPE_CHECKING:
    from ._converter import converter as converter
    from ._loader import is_implementing as is_implementing
    from ._matching import MatchReport as MatchReport
    from ._matching import MatchStatus as MatchStatus
    from ._matching import Miss as Miss
    from ._matching import MissReason as MissReason
    from ._places import Geography as Geography
    from ._places import GeoSource as GeoSource
    from ._places import Place as Place
    from ._places import geography as geography
    from ._vocabulary import Allowance as Allowance
    from ._vocabulary import ApprenticeshipElement as ApprenticeshipElement
    from ._vocabulary import AwardGiver as AwardGiver
    from ._vocabulary import CareerSystem as CareerSystem
    from ._vocabulary import Competition as Competition
    from ._vocabulary import CompetitionReward as CompetitionReward
    from ._vocabulary import EnterpriseEvaluationMethod as EnterpriseEvaluationMethod
    from ._vocabulary import EvaluationChannel as EvaluationChannel
    from ._vocabulary import ExceptionalEvaluation as ExceptionalEvaluation
    from ._vocabulary import MinistrySupport as MinistrySupport
    from ._vocabulary import NoticeVocabulary as NoticeVocabulary
    from ._vocabulary import TargetGroup as TargetGroup
    from ._vocabulary import TechnicalSchool as TechnicalSchool
    from ._vocabulary import TrainingDuration as TrainingDuration
    from ._vocabulary import TrainingProvider as TrainingProvider
    from ._vocabulary import TrainingScheme as TrainingScheme
    from ._vocabulary import TrainingTier as TrainingTier
    from ._vocabulary import TrainingType as TrainingType
    from ._vocabulary import Vocabulary as Vocabulary

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
