"""Reliability suite: quick by default (CI); scripts/reliability.py runs the full versions.

Hypothesis profiles for this suite only: "ci" (200 examples, the default) and "full"
(10,000 examples): `HYPOTHESIS_PROFILE=full pytest tests/reliability`.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile(
    "full", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
