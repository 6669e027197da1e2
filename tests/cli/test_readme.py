"""The README's examples work as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from cli_support import REPO, regions_folder, run

from generator.scaffold import FILES

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_the_pre_commit_example_is_what_init_writes() -> None:
    [example] = [b for b in _blocks("yaml") if "repos:" in b]
    written = (FILES / "pre-commit-config.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(example) == yaml.safe_load(written)


def test_the_configuration_example_is_accepted(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    [example] = _blocks("toml")
    regions_folder(tmp_path, "mini")
    (tmp_path / "casussen").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "regels.yaml").write_bytes((REPO / "rules" / "regels.yaml").read_bytes())
    (tmp_path / "regiekit.toml").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    listing = run("regels")
    assert listing.exit_code == 0, listing.output
    assert re.search(r"^HULPMIDDEL-ACTUEEL .* uit \(regiekit.toml\)", listing.output, re.M)
    validated = run("validate")  # format github: no finding, so no annotation; a check rule
    assert validated.exit_code == 0  # switched off is not validate's to name
    assert validated.output == "0 fouten, 0 waarschuwingen in 2 bestanden\n"


def test_the_region_repository_commands_run_as_written(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    [block] = [b for b in _blocks("sh") if "regiekit init" in b]
    monkeypatch.chdir(tmp_path)
    for line in block.strip().splitlines():
        words = line.split()
        if words[0] == "cd":
            monkeypatch.chdir(Path.cwd() / words[1])
            continue
        assert words[0] == "regiekit", line
        result = run(*words[1:])
        assert result.exit_code == 0, (line, result.output)
    assert (tmp_path / "regio-x" / "documenten" / "regio-x" / "werkinstructie.docx").is_file()


def test_the_case_example_checks_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    [example] = [b for b in _blocks("yaml") if b.startswith("casus:")]
    case = tmp_path / "casus.yaml"
    case.write_text(example, encoding="utf-8")
    monkeypatch.chdir(REPO)
    result = run("check", "--format", "text", str(case))
    assert (result.exit_code, result.output) == (0, "0 fouten, 0 waarschuwingen in 1 bestand\n")


def test_the_case_findings_shown_are_what_check_says() -> None:
    """Each `casus.yaml:...` line of the README is a line of a seed case's recorded output."""
    recorded = [line.split(": ", 1)[1] for path in (REPO / "tests" / "data" / "seed-cases")
                .glob("*.check") for line in path.read_text(encoding="utf-8").splitlines()
                if ": [" in line]
    shown = [line.split(": ", 1)[1] for line in README.splitlines()
             if line.startswith("casus.yaml:")]
    assert len(shown) >= 5
    assert [line for line in shown if line not in recorded] == []
