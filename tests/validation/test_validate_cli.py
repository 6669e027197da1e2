"""`regiekit validate` through click's CliRunner: exit codes, formats, defaults, usage errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from validation_support import FIXTURES

from generator.cli import main

INVALID = FIXTURES / "invalid"


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(main, ["validate", *args], catch_exceptions=False)
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    return result


def explain(result: Result) -> str:
    return f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A region repository in tmp_path: regions/mini/regio.yaml, and the current folder there."""
    region = tmp_path / "regions" / "mini"
    region.mkdir(parents=True)
    shutil.copy(FIXTURES / "valid" / "minimal" / "regio.yaml", region / "regio.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_default_paths_valid_region_exits_0(workspace: Path) -> None:
    result = invoke()
    assert result.exit_code == 0, explain(result)
    assert "0 fouten, 0 waarschuwingen in 1 bestand" in result.stdout


def test_default_paths_walk_regions_and_skip_templates(workspace: Path) -> None:
    templates = workspace / "regions" / "mini" / "templates"
    templates.mkdir()
    (templates / "niet-gecontroleerd.yaml").write_text("[kapot\n")
    (workspace / "regions" / ".verborgen").mkdir()
    (workspace / "regions" / ".verborgen" / "x.yaml").write_text("[kapot\n")
    result = invoke()
    assert result.exit_code == 0, explain(result)


def test_invalid_agreement_exits_1_with_location(workspace: Path) -> None:
    shutil.copy(INVALID / "wrong-references" / "regio.yaml",
                workspace / "regions" / "mini" / "regio.yaml")
    result = invoke()
    assert result.exit_code == 1, explain(result)
    assert ("regions/mini/regio.yaml:120:21: [fout] VERWIJZING-ONBEKEND "
            "ladders[0].stappen[1].uitvoerder: rol 'gemeentelijke-toegan' bestaat niet") \
        in result.stdout


def test_unreadable_file_exits_2_and_batch_continues(workspace: Path) -> None:
    other = workspace / "regions" / "kapot"
    other.mkdir()
    shutil.copy(INVALID / "broken-yaml" / "regio.yaml", other / "regio.yaml")
    shutil.copy(INVALID / "term-zero" / "regio.yaml", workspace / "regions" / "mini" / "regio.yaml")
    result = invoke()
    assert result.exit_code == 2, explain(result)
    assert "YAML-SYNTAX" in result.stdout and "SCHEMA-MINIMUM" in result.stdout


def test_nonexistent_path_exits_2_with_dutch_message(workspace: Path) -> None:
    result = invoke("regions/bestaat-niet")
    assert result.exit_code == 2, explain(result)
    assert "pad bestaat niet: regions/bestaat-niet" in result.stderr
    assert result.stdout == ""


def test_no_default_folders_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke()
    assert result.exit_code == 2, explain(result)
    assert "niets te controleren" in result.stderr and "regio.yaml" in result.stderr


def test_unknown_format_is_bad_usage(workspace: Path) -> None:
    result = invoke("--format", "xml")
    assert result.exit_code == 2, explain(result)


def test_json_format(workspace: Path) -> None:
    result = invoke("--format", "json", str(INVALID / "cycle" / "regio.yaml"))
    assert result.exit_code == 1, explain(result)
    document = json.loads(result.stdout)
    [finding] = document["bevindingen"]
    assert (finding["code"], finding["regelnummer"], finding["ernst"]) == (
        "LADDER-CYCLUS", 142, "fout")
    assert document["samenvatting"]["fouten"] == 1


def test_github_format(workspace: Path) -> None:
    result = invoke("--format", "github", str(INVALID / "unknown-key" / "regio.yaml"))
    assert result.exit_code == 1, explain(result)
    first = result.stdout.splitlines()[0]
    assert first.startswith("::error file=")
    assert ",line=5,col=1,title=SCHEMA-ONBEKENDE-SLEUTEL::onbekende sleutel 'nam'" in first


@pytest.mark.parametrize("name", ["not-utf8", "python-tag", "alias-bomb"])
def test_bad_input_exits_2(workspace: Path, name: str) -> None:
    result = invoke(str(INVALID / name))
    assert result.exit_code == 2, explain(result)
    assert "onleesbaar bestand" in result.stdout


def test_python_tag_is_never_executed(workspace: Path) -> None:
    marker = workspace / "uitgevoerd"
    evil = workspace / "regions" / "mini" / "regio.yaml"
    evil.write_text(f"id: !!python/object/apply:os.system ['touch {marker}']\n")
    result = invoke()
    assert result.exit_code == 2, explain(result)
    assert not marker.exists()


def test_nothing_is_written(workspace: Path) -> None:
    before = sorted(p.relative_to(workspace) for p in workspace.rglob("*"))
    invoke()
    invoke("--format", "json")
    assert sorted(p.relative_to(workspace) for p in workspace.rglob("*")) == before


@pytest.mark.parametrize(("args", "dutch"), [
    (["validate", "--format", "xml"],
     "Ongeldige waarde voor '--format': 'xml' is niet een van 'text', 'json', 'github', "
     "'junit', 'sarif'."),
    (["validate", "--frmat", "json"], "Onbekende optie '--frmat'. Bedoelde u '--format'?"),
    (["valdate"], "Onbekende opdracht 'valdate'. Bedoelde u 'validate'?"),
    (["next"], "Ontbrekend argument 'CASUS'."),
])
def test_usage_errors_are_dutch_with_exit_2(args: list[str], dutch: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert f"Fout: {dutch}" in result.output
    assert result.output.startswith("Gebruik: regiekit ")
    assert "Error:" not in result.output and "Traceback" not in result.output
