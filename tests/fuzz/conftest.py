"""Hypothesis settings for the fuzz tests: modest example counts, no deadline, no example database on disk.

Under CI (CI=true) the examples are derandomised, so a run is reproducible; locally they are random, so
repeated runs explore more inputs.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "eventwire-fuzz",
    deadline=None,
    database=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("eventwire-fuzz")
