"""The issue's acceptance run: `regiekit init regio-x && cd regio-x && git init &&
pre-commit run --all-files` passes, and fails with file:line on a broken region."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
PRE_COMMIT = BIN / "pre-commit"

pytestmark = pytest.mark.skipif(not PRE_COMMIT.is_file(),
                                reason="pre-commit is installed with the test extras")


def _run(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_HOME": str(home / "pre-commit"), "NO_COLOR": "1"}
    for name in ("GITHUB_ACTIONS", "CI"):
        env.pop(name, None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_init_then_pre_commit_passes_and_fails_on_a_broken_region(tmp_path: Path) -> None:
    assert _run(["regiekit", "init", "regio-x"], tmp_path, tmp_path).returncode == 0
    repository = tmp_path / "regio-x"
    assert _run(["git", "init", "-q"], repository, tmp_path).returncode == 0
    passed = _run([str(PRE_COMMIT), "run", "--all-files"], repository, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.count("Passed") == 2
    region = repository / "regio.yaml"
    text = region.read_text(encoding="utf-8")
    region.write_text(text.replace("    voorzitter: regisseur\n", "    voorzitter: regiseur\n"),
                      encoding="utf-8")
    line = next(number for number, content in enumerate(region.read_text().splitlines(), 1)
                if content == "    voorzitter: regiseur")
    failed = _run([str(PRE_COMMIT), "run", "--all-files"], repository, tmp_path)
    assert failed.returncode == 1
    assert f"regio.yaml:{line}:17: [fout] VERWIJZING-ONBEKEND" in failed.stdout, failed.stdout
