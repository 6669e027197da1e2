"""Both layouts work for every command; a path that is not there, or nothing to work on, is
exit 2 with the path named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_support import EXAMPLES, REPO, region_repository, regions_folder, run


@pytest.fixture
def own_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A region's own repository: regio.yaml at the root, no regions/ folder."""
    region_repository(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_validate_with_regio_yaml_at_the_root(own_repository: Path) -> None:
    result = run("validate")
    assert result.exit_code == 0 and result.output == "0 fouten, 0 waarschuwingen in 1 bestand\n"


def test_build_with_regio_yaml_at_the_root(own_repository: Path) -> None:
    result = run("build")
    assert result.exit_code == 0, result.output
    assert (own_repository / "out" / "mini" / "werkinstructie.docx").is_file()
    assert run("build", "mini", "--check").exit_code == 0


def test_an_unknown_region_name_lists_the_known_one(own_repository: Path) -> None:
    result = run("build", "noord")
    assert result.exit_code == 2
    assert "regio 'noord' met regio.yaml niet gevonden onder ./ (bekend: mini)" in result.stderr


def test_wijzigingen_with_regio_yaml_at_the_root(own_repository: Path) -> None:
    old = own_repository / "oud.yaml"
    shutil.copy(own_repository / "regio.yaml", old)
    text = (own_repository / "regio.yaml").read_text(encoding="utf-8")
    (own_repository / "regio.yaml").write_text(
        text.replace("reactietermijn_werkdagen: 4", "reactietermijn_werkdagen: 5"), "utf-8")
    result = run("wijzigingen", "oud.yaml", "regio.yaml")
    assert result.exit_code == 0 and "reactietermijn 4 → 5 werkdagen" in result.output


@pytest.mark.parametrize("command", [
    ["validate"], ["build"], ["check", "x.yaml"], ["test", "x.yaml"], ["next", "x.yaml"],
    ["wijzigingen"],
])
def test_a_missing_regions_folder_is_exit_2_naming_it(command: list[str], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text("casus: x\n", encoding="utf-8")
    result = run(*command, "--regions", "bestaat-niet")
    assert result.exit_code == 2
    assert "bestaat-niet" in result.stderr and "bestaat niet" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["check"], ["test"], ["next", "x.yaml"]])
def test_a_missing_rules_file_is_exit_2_naming_it(command: list[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    regions_folder(tmp_path, "mini")
    (tmp_path / "x.yaml").write_text("casus: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [*command, "--rules", "geen-regels.yaml"] + ([] if len(command) > 1 else ["x.yaml"])
    result = run(*args)
    assert result.exit_code == 2
    assert "regelcatalogus geen-regels.yaml bestaat niet" in result.stderr


@pytest.mark.parametrize("command", [["validate"], ["check"], ["test"]])
def test_a_missing_path_is_exit_2_naming_it(command: list[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run(*command, "examples/bestaat-niet")
    assert result.exit_code == 2 and "examples/bestaat-niet" in result.stderr


@pytest.mark.parametrize("command", [["validate"], ["check"]])
def test_a_run_that_finds_no_file_is_exit_2(command: list[str], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "leeg").mkdir()
    monkeypatch.chdir(REPO)
    result = run(*command, str(tmp_path / "leeg"))
    assert result.exit_code == 2
    assert "gevonden in" in result.stderr and "leeg" in result.stderr


def test_check_and_test_without_a_cases_folder_say_so(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    regions_folder(tmp_path, "mini")
    monkeypatch.chdir(tmp_path)
    for command in ("check", "test"):
        result = run(command)
        assert result.exit_code == 2 and "geen map casussen/" in result.stderr


def test_validate_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    case = (EXAMPLES / "zou-alleenstaande-moeder.yaml").read_text(encoding="utf-8")
    assert run("validate", "-", stdin=case).exit_code == 0
    broken = run("validate", "-", stdin=case.replace("kader: ", "kader: : "))
    assert broken.exit_code == 2 and broken.output.startswith("<stdin>:")


def test_check_test_and_next_with_regio_yaml_at_the_root(own_repository: Path) -> None:
    case = own_repository / "casussen" / "c.yaml"
    case.parent.mkdir()
    case.write_text("casus: c\nregio: mini\nkader: vrijwillig\ndoelgroep: jeugd\n"
                    "huishouden:\n  - id: a\n    rol: ouder\nverwachte_bevindingen: []\n",
                    encoding="utf-8")
    checked = run("check")
    assert checked.exit_code == 0, checked.output
    assert run("test").output == "ok       c (casussen/c.yaml)\n1 geslaagd, 0 mislukt\n"
    assert run("next", "casussen/c.yaml").exit_code == 0
    elsewhere = case.read_text(encoding="utf-8").replace("regio: mini", "regio: noord")
    case.write_text(elsewhere, encoding="utf-8")
    unknown = run("check")
    assert unknown.exit_code == 1 and "CASUS-REGIO onbekende regio" in unknown.output


def test_test_on_files_without_expectations_is_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("test", "regions")
    assert result.exit_code == 2
    assert "geen casussen met verwachte_bevindingen gevonden in regions" in result.stderr


def test_test_of_an_empty_folder_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "leeg").mkdir()
    monkeypatch.chdir(REPO)
    result = run("test", str(tmp_path / "leeg"))
    assert result.exit_code == 2 and "gevonden in" in result.stderr


def test_check_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    case = (EXAMPLES / "apeldoorn-sprong-fout.yaml").read_text(encoding="utf-8")
    result = run("check", "-j", "2", "-", stdin=case)
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:") and "LADDER-VOLGORDE" in result.output
