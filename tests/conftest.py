"""Settings for the whole suite.

Property tests (Hypothesis) draw new examples on every run. In CI (`CI` set, as `.ci/run` and
every hosted CI do) they are derandomized: the same examples every run, so a landing is decided by
the code, not by the draw, and health checks about the machine's speed do not apply.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
if os.environ.get("CI"):
    settings.load_profile("ci")
