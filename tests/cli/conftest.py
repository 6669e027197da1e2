"""The command-line tests run in a clean environment: no CI, GitHub Actions or NO_COLOR."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "CI"):
        monkeypatch.delenv(name, raising=False)
