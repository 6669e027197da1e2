"""Fixtures for the document tests: one build of every shipped region per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from documents_support import REPO, build


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`regiekit build` of all shipped regions, into a temporary folder (never the repo)."""
    out = tmp_path_factory.mktemp("out")
    result = build("--out", str(out), "--regions", str(REPO / "regions"))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def regions_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped regions."""
    target = tmp_path / "regions"
    shutil.copytree(REPO / "regions", target)
    return target
