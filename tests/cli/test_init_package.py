"""Where the scaffold's CI installs regiekit from: never `regiekit==<version>` from an index that
does not have it, but a source that works (`--pakket`, or where this regiekit came from), or a
repository variable the workflow asks for by name when no source is known."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from cli_support import run
from packaging.requirements import Requirement

from generator import scaffold
from generator.scaffold import PACKAGE_VARIABLE, package_source

GIT_SOURCE = "regiekit @ git+https://git.example.org/regiekit.git@v0.1.0"


def init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *options: str,
         installed: str | None = None) -> Path:
    """`regiekit init regio-x OPTIONS` in tmp_path, this regiekit installed from `installed`."""
    monkeypatch.setattr(scaffold, "installed_source", lambda: installed)
    monkeypatch.chdir(tmp_path)
    result = run("init", "regio-x", *options)
    assert result.exit_code == 0, result.output + result.stderr
    return tmp_path / "regio-x"


def workflow(repository: Path) -> dict:
    text = (repository / ".github" / "workflows" / "regiekit.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def install_step(repository: Path) -> str:
    [step] = [step for step in workflow(repository)["jobs"]["afspraken"]["steps"]
              if step.get("name") == "regiekit installeren"]
    return str(step["run"])


def run_install_step(repository: Path, tmp_path: Path, package: str) -> subprocess.CompletedProcess:
    """The workflow's install step in bash, with a `pip` that records what it was asked."""
    tools = tmp_path / "gereedschap"
    tools.mkdir(exist_ok=True)
    pip = tools / "pip"
    pip.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {tools / "gevraagd"}\n', encoding="utf-8")
    pip.chmod(0o755)
    environment = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
                   PACKAGE_VARIABLE: package}
    return subprocess.run(["bash", "-e", "-c", install_step(repository)], env=environment,
                          capture_output=True, text=True, check=False)


def test_without_a_known_source_ci_asks_for_the_variable(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    repository = init(tmp_path, monkeypatch)
    assert workflow(repository)["jobs"]["afspraken"]["env"] == {
        PACKAGE_VARIABLE: "${{ vars.REGIEKIT_PAKKET }}"}
    unset = run_install_step(repository, tmp_path, "")
    assert unset.returncode == 1
    assert unset.stdout.startswith("::error::Niet ingesteld waar regiekit vandaan komt: zet de "
                                   "repository-variabele REGIEKIT_PAKKET op een pip-vereiste")
    assert not (tmp_path / "gereedschap" / "gevraagd").exists()
    readme = (repository / "README.md").read_text(encoding="utf-8")
    assert "regiekit wordt niet via een openbare pakketbron zoals PyPI verspreid" in readme
    assert "`REGIEKIT_PAKKET`" in readme


def test_the_variable_is_what_pip_installs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = init(tmp_path, monkeypatch)
    installed = run_install_step(repository, tmp_path, GIT_SOURCE)
    assert installed.returncode == 0, installed.stderr
    asked = (tmp_path / "gereedschap" / "gevraagd").read_text(encoding="utf-8")
    assert asked == f"install\n{GIT_SOURCE}\n"


def test_a_source_given_to_init_is_ci_s_default(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    repository = init(tmp_path, monkeypatch, "--pakket", GIT_SOURCE)
    assert workflow(repository)["jobs"]["afspraken"]["env"][PACKAGE_VARIABLE] == \
        f"${{{{ vars.REGIEKIT_PAKKET || '{GIT_SOURCE}' }}}}"
    readme = (repository / "README.md").read_text(encoding="utf-8")
    assert f'.venv/bin/pip install "{GIT_SOURCE}" pre-commit' in readme
    assert "openbare pakketbron" not in readme


def test_the_source_this_regiekit_came_from_is_the_default(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    source = "regiekit @ git+https://git.example.org/regiekit.git@0123abc"
    repository = init(tmp_path, monkeypatch, installed=source)
    assert f"|| '{source}'" in workflow(repository)["jobs"]["afspraken"]["env"][PACKAGE_VARIABLE]


def test_no_scaffold_file_installs_from_an_index_that_does_not_have_regiekit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = init(tmp_path, monkeypatch)
    for path in repository.rglob("*"):
        if path.is_file() and path.suffix != ".json":
            assert "regiekit==" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("package", ["regiekit @ git+https://x.org/r.git@v1'; rm -rf /", "",
                                     "regiekit\nversie"])
def test_a_source_that_is_no_single_requirement_is_refused(
        package: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "regio-x", "--pakket", package)
    assert result.exit_code == 2 and "--pakket moet één pip-vereiste zijn" in result.stderr
    assert not (tmp_path / "regio-x").exists()


@pytest.mark.parametrize(("recorded", "expected"), [
    ({"url": "https://github.com/org/regiekit.git",
      "vcs_info": {"vcs": "git", "commit_id": "4f1e2d3", "requested_revision": "main"}},
     "regiekit @ git+https://github.com/org/regiekit.git@4f1e2d3"),
    ({"url": "https://pakketten.example.org/regiekit-0.1.0-py3-none-any.whl",
      "archive_info": {"hashes": {}}},
     "regiekit @ https://pakketten.example.org/regiekit-0.1.0-py3-none-any.whl"),
    ({"url": "file:///home/x/regiekit", "dir_info": {"editable": True}}, None),
    ({"url": "file:///home/x/regiekit", "vcs_info": {"vcs": "git", "commit_id": "4f1e2d3"}},
     None),
    ({"url": "https://hg.example.org/regiekit", "vcs_info": {"vcs": "hg", "commit_id": "1"}},
     None),
    (None, None),
])
def test_where_this_regiekit_came_from(recorded: dict | None, expected: str | None) -> None:
    assert package_source(recorded) == expected
    if expected is not None:
        assert Requirement(expected).name == "regiekit"
