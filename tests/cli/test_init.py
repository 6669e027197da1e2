"""`regiekit init`: a region repository that validates and builds as generated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import REPO, run

from generator import __version__
from generator.scaffold import LAYOUT
from generator.schema_files import published_address
from generator.validation.files import SCHEMAS


@pytest.fixture
def scaffold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    result = run("init", "regio-x")
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path / "regio-x")
    return tmp_path / "regio-x"


def test_init_writes_the_repository(scaffold: Path) -> None:
    for name in [*LAYOUT, "schemas/regio.schema.json", "schemas/case.schema.json"]:
        assert (scaffold / name).is_file(), name
    region = (scaffold / "regio.yaml").read_text(encoding="utf-8")
    assert region.startswith("# yaml-language-server: $schema=schemas/regio.schema.json\n")
    assert "\nid: regio-x\n" in region and '\nnaam: "Regio x"\n' in region
    lines = region.splitlines()
    sections = [i for i, line in enumerate(lines) if line[:1].isalpha()]
    assert len(sections) > 15
    for i in sections:  # every section has a Dutch explanation just above it
        assert any(line.startswith("# ") for line in lines[max(i - 3, 0):i]), lines[i]
    local = (scaffold / "schemas" / "regio.schema.json").read_text(encoding="utf-8")
    assert local == (REPO / "schemas" / "regio.schema.json").read_text(encoding="utf-8")


def test_the_scaffold_validates_and_builds_as_generated(scaffold: Path) -> None:
    validated = run("validate")
    assert validated.exit_code == 0 and validated.output == ("0 fouten, 0 waarschuwingen in "
                                                             "2 bestanden\n")
    built = run("build")
    assert built.exit_code == 0, built.output
    assert (scaffold / "documenten" / "regio-x" / "werkinstructie.docx").is_file()
    assert (scaffold / "documenten" / "regio-x" / "formulier-casusbeschrijving.docx").is_file()


def test_init_never_overwrites(scaffold: Path) -> None:
    before = (scaffold / "regio.yaml").read_text(encoding="utf-8")
    result = run("init", ".")
    assert result.exit_code == 2 and "regiekit init overschrijft niets" in result.stderr
    assert (scaffold / "regio.yaml").read_text(encoding="utf-8") == before


def test_a_name_with_quotes_and_colons_stays_valid_yaml(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "x", "--id", "den-bosch", "--naam", "'s-Hertogenbosch: \"Noord\" #1") \
        .exit_code == 0
    monkeypatch.chdir(tmp_path / "x")
    assert run("validate").exit_code == 0
    document = json.loads(run("validate", "--format", "json").output)
    assert document["samenvatting"]["fouten"] == 0


def test_a_bad_id_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "x", "--id", "Regio X")
    assert result.exit_code == 2 and "kan geen regio-id zijn" in result.stderr
    assert not (tmp_path / "x").exists()


def test_schema_prints_and_writes(tmp_path: Path) -> None:
    printed = run("schema", "casus")
    assert json.loads(printed.output)["$id"] == "https://regiekit.nl/schemas/0.1/case.schema.json"
    written = run("schema", "--out", str(tmp_path))
    assert written.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(SCHEMAS.values())
    assert run("schema", "onbekend").exit_code == 2


@pytest.mark.parametrize("path", sorted((REPO / "schemas").glob("*.json")), ids=lambda p: p.name)
def test_every_schema_states_its_versioned_published_address(path: Path) -> None:
    assert json.loads(path.read_text(encoding="utf-8"))["$id"] == published_address(path.name)
    major_minor = ".".join(__version__.split(".")[:2])
    assert published_address(path.name).startswith(f"https://regiekit.nl/schemas/{major_minor}/")
