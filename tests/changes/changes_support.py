"""A temporary git repository holding a copy of a shipped region, to commit edits to."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main
from generator.documents.words import dutch_date

REPO = Path(__file__).resolve().parents[2]
APELDOORN = "regions/apeldoorn/regio.yaml"
STEP_5 = """\
      - nummer: 5
        naam: Nazorg
        omschrijving: De wijkcoach volgt of de gekozen oplossing werkt.
        initiatiefnemers:
          - wijkcoach
        bron:
          document: werkinstructie-complexe-casuistiek
          sectie: Trap 4 Fysieke zorgtafel
"""
"""A fifth step for the Apeldoorn ladder, to insert after its fourth."""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


class Repo:
    """A git repository with `regions/apeldoorn/regio.yaml`, committed on fixed dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.file = root / APELDOORN

    @staticmethod
    def shipped() -> Path:
        return REPO / APELDOORN

    def create(self) -> Repo:
        self.file.parent.mkdir(parents=True)
        shutil.copy(self.shipped(), self.file)
        self.git("init", "--quiet")
        self.commit("begin", "2025-01-02")
        return self

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True,
                              text=True, check=True)
        return done.stdout.strip()

    def edit(self, old: str, new: str) -> None:
        text = self.file.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        self.file.write_text(text.replace(old, new), encoding="utf-8")

    def line_of(self, text: str) -> int:
        """The line of the region file that holds `text`."""
        lines = self.file.read_text(encoding="utf-8").splitlines()
        return next(number for number, line in enumerate(lines, 1) if text in line)

    def commit(self, message: str, day: str) -> str:
        self.git("add", "--all")
        stamp = f"{day}T12:00:00+01:00"
        subprocess.run(["git", "-C", str(self.root), "commit", "--quiet", "-m", message],
                       check=True, env=_environment(stamp))
        return self.git("rev-parse", "HEAD")

    def commits(self) -> list[str]:
        """Every commit id, oldest first."""
        return self.git("log", "--reverse", "--format=%H").splitlines()

    def label(self, commit: str) -> str:
        """How regiekit names a commit: `3f2a1c9 (12 maart 2025)`."""
        day = date.fromisoformat(self.git("show", "--no-patch", "--format=%cs", commit))
        return f"{commit[:7]} ({dutch_date(day)})"


def _environment(stamp: str) -> dict[str, str]:
    import os

    return {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
