"""`regiekit build` removes what it generated before and no longer generates, and only that;
`--check` names the command to run and counts failed regions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import regions_folder, run

from generator.documents.manifest import MANIFEST_FILE


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    regions_folder(tmp_path, "noord", "zuid")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rename_form(region: Path, new_id: str) -> None:
    path = region / "regio.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("casusformat", new_id), "utf-8")


def test_a_document_no_longer_generated_is_removed(workspace: Path) -> None:
    first = run("build", "--out", "docs")
    assert first.exit_code == 0, first.output
    assert "documenten geschreven, 0 ongewijzigd in docs/" in first.output
    own = workspace / "docs" / "noord" / "eigen-notitie.docx"
    own.write_bytes(b"niet van regiekit")
    _rename_form(workspace / "regions" / "noord", "aanmeldformulier")
    second = run("build", "--out", "docs")
    assert second.exit_code == 0, second.output
    assert "verwijderd (wordt niet meer gegenereerd): docs/noord/formulier-casusformat.docx" \
        in second.output
    assert second.output.rstrip().endswith(", 2 verwijderd in docs/")  # form and its checklist
    assert not (workspace / "docs" / "noord" / "formulier-casusformat.docx").exists()
    assert (workspace / "docs" / "noord" / "formulier-aanmeldformulier.docx").is_file()
    assert own.read_bytes() == b"niet van regiekit"
    assert (workspace / "docs" / "zuid" / "formulier-casusformat.docx").is_file()
    manifest = json.loads((workspace / "docs" / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert "noord/formulier-aanmeldformulier.docx" in manifest["documenten"]["noord"]
    assert manifest["documenten"]["vergelijking"] == ["vergelijking.docx"]
    assert run("build", "--check", "--out", "docs").exit_code == 0


def test_check_names_the_exact_command_and_stale_leftovers(workspace: Path) -> None:
    assert run("build", "--out", "docs").exit_code == 0
    _rename_form(workspace / "regions" / "zuid", "aanmeldformulier")
    stale = run("build", "--check", "--out", "docs")
    assert stale.exit_code == 1
    lines = stale.output.splitlines()
    assert "docs/zuid/formulier-casusformat.docx: wordt niet meer gegenereerd" in lines
    assert "docs/zuid/formulier-aanmeldformulier.docx: ontbreekt" in lines
    assert f"docs/{MANIFEST_FILE}: lijst van gegenereerde documenten verouderd" in lines
    assert lines[-1].endswith("; draai 'regiekit build --out docs' en leg de documenten vast")
    assert (workspace / "docs" / "zuid" / "formulier-casusformat.docx").is_file()  # untouched
    one = run("build", "--check", "--out", "docs", "zuid")
    assert one.output.rstrip().endswith("draai 'regiekit build zuid --out docs' en leg de "
                                        "documenten vast")


def test_a_removed_region_and_the_comparison_go(workspace: Path) -> None:
    assert run("build").exit_code == 0
    assert (workspace / "out" / "vergelijking.docx").is_file()
    for path in (workspace / "regions" / "zuid").iterdir():
        path.unlink()
    (workspace / "regions" / "zuid").rmdir()
    result = run("build")
    assert result.exit_code == 0, result.output
    assert not (workspace / "out" / "zuid").exists()
    assert not (workspace / "out" / "vergelijking.docx").exists()
    assert (workspace / "out" / "noord" / "werkinstructie.docx").is_file()


def test_a_failed_region_is_counted_and_keeps_its_documents(workspace: Path) -> None:
    assert run("build").exit_code == 0
    broken = workspace / "regions" / "zuid" / "regio.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("naam: Regio Mini\n", ""),
                      encoding="utf-8")
    check = run("build", "--check")
    assert check.exit_code == 1
    assert check.stdout == "0 van 9 documenten verouderd; 1 regio mislukt\n"  # noord
    assert "regio 'zuid' mislukt" in check.stderr and "1 fout," in check.stderr
    built = run("build")
    assert built.stdout.rstrip().endswith("in out/; 1 regio mislukt")
    assert (workspace / "out" / "zuid" / "werkinstructie.docx").is_file()


def test_a_tampered_manifest_never_removes_outside_the_output_folder(workspace: Path) -> None:
    assert run("build").exit_code == 0
    outside = workspace / "belangrijk.docx"
    outside.write_bytes(b"x")
    manifest = workspace / "out" / MANIFEST_FILE
    manifest.write_text(json.dumps({"documenten": {"weg": ["../belangrijk.docx"]}}), "utf-8")
    assert run("build").exit_code == 0
    assert outside.read_bytes() == b"x"


def test_quiet_build_prints_nothing(workspace: Path) -> None:
    result = run("build", "-q")
    assert result.exit_code == 0 and result.output == ""
