"""`pip install .` (not editable) ships what the commands read: rule catalogues, schemas, the
Dutch catalogue and the files of `init`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cli_support import REPO

SOURCES = ("generator", "rules", "schemas", "protocols", "pyproject.toml", "README.md")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of a copy of the source tree (nothing is built inside the repository),
    unpacked as site-packages."""
    source = tmp_path_factory.mktemp("bron")
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(REPO / name, source / name)
    wheels = tmp_path_factory.mktemp("wielen")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(wheels), str(source)],
                   check=True, capture_output=True)
    [wheel] = wheels.glob("regiekit-*.whl")
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def _regiekit(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = ("import sys, generator; assert generator.__file__.startswith(sys.argv[1]); "
            "from generator.cli import main; sys.argv = ['regiekit', *sys.argv[2:]]; main()")
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-c", code, str(site), *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def test_the_wheel_holds_the_data_files(installed: Path) -> None:
    package = installed / "generator"
    for name in ("rules/regels.yaml", "rules/capaciteit.yaml", "protocols/meldcode.yaml",
                 "schemas/protocol.schema.json", "schemas/regio.schema.json",
                 "schemas/case.schema.json", "locale/nl.po", "scaffold/files/regio.yaml",
                 "scaffold/files/casussen/voorbeeld.yaml", "templates/werkinstructie.docx"):
        assert (package / name).is_file(), name
        assert not (package / name).is_symlink()


def test_an_installed_regiekit_works_in_a_region_repository(installed: Path,
                                                            tmp_path: Path) -> None:
    assert _regiekit(installed, tmp_path, "init", "regio-x").returncode == 0
    repository = tmp_path / "regio-x"
    assert not (repository / "rules").exists()  # the shipped catalogue is the one used
    validated = _regiekit(installed, repository, "validate")
    assert validated.returncode == 0, validated.stderr
    rules = _regiekit(installed, repository, "regels")
    assert rules.returncode == 0 and "REACTIETERMIJN" in rules.stdout
    usage = _regiekit(installed, repository, "validate", "--frmat")
    assert usage.returncode == 2 and "Fout: Onbekende optie '--frmat'" in usage.stderr
