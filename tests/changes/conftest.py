"""Git runs isolated from the machine's configuration, with a fixed author."""

from __future__ import annotations

from pathlib import Path

import pytest
from changes_support import Repo


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Coördinator")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "coordinator@example.org")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """A fresh repository with one commit of the Apeldoorn region; the current folder."""
    created = Repo(tmp_path / "regio-afspraken").create()
    monkeypatch.chdir(created.root)
    return created
