"""Hypothesis profiles: ``dev`` (default, quick), ``thorough`` (HYPOTHESIS_PROFILE=thorough) and
``mutation`` (chosen by itself under mutmut: derandomized, so that a mutant's verdict does not
depend on luck)."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "mutation", max_examples=15, deadline=None, derandomize=True, database=None
)
MUTATING = "MUTANT_UNDER_TEST" in os.environ
settings.load_profile("mutation" if MUTATING else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
