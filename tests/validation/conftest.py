"""Fixtures for the validation tests; helpers live in validation_support."""

from __future__ import annotations

from pathlib import Path

import pytest
from validation_support import FIXTURES


@pytest.fixture
def minimal_region() -> Path:
    return FIXTURES / "valid" / "minimal" / "regio.yaml"
