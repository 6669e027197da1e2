"""regiekit.toml and [tool.regiekit]: found upwards, checked, and overridden by options."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from cli_support import EXAMPLES, REPO, copy_examples, regions_folder, run

from generator.config import load_config


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_regiekit_toml_is_found_from_a_subfolder(tmp_path: Path) -> None:
    _write(tmp_path, "regiekit.toml", 'regions = "afspraken"\nout = "documenten"\n'
                                      'strict = true\nformat = "json"\n'
                                      'disable = ["HULPMIDDEL-ACTUEEL"]\n'
                                      "extra-holidays = [2025-05-30, \"2025-12-24\"]\n")
    (tmp_path / "sub").mkdir()
    config = load_config(tmp_path / "sub")
    assert config.file is not None and config.file.resolve() == tmp_path / "regiekit.toml"
    assert config.regions is not None and config.regions.resolve() == tmp_path / "afspraken"
    assert (config.strict, config.format, config.disable) == (True, "json",
                                                              ("HULPMIDDEL-ACTUEEL",))
    assert config.extra_holidays == (date(2025, 5, 30), date(2025, 12, 24))


def test_pyproject_tool_table_counts_only_with_the_table(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    assert load_config(tmp_path).file is None
    _write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n[tool.regiekit]\nstrict = true\n")
    assert load_config(tmp_path).strict is True


@pytest.mark.parametrize(("text", "message"), [
    ('regoins = "x"\n', "regiekit.toml: onbekende instelling 'regoins'; bedoelde u 'regions'?"),
    ("strict = 'ja'\n", "regiekit.toml: 'strict' moet true of false zijn"),
    ("disable = 'HULPMIDDEL-ACTUEEL'\n", "regiekit.toml: 'disable' moet een lijst van teksten"),
    ("extra-holidays = ['30 mei']\n", "'extra-holidays' bevat '30 mei', geen datum"),
    ("strict = \n", "regiekit.toml:1:10: ongeldige TOML"),
    ('format = "xml"\n', "regiekit.toml: format 'xml' bestaat niet"),
    ('disable = ["HULPMIDDEL-ACTUEL"]\n',
     "onbekende regel 'HULPMIDDEL-ACTUEL' om uit te zetten; bedoelde u HULPMIDDEL-ACTUEEL?"),
    ('disable = ["SCHEMA-VERPLICHT"]\n', "SCHEMA-VERPLICHT kan niet uitgezet worden"),
])
def test_a_mistake_in_the_configuration_is_exit_2_naming_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str) -> None:
    regions_folder(tmp_path, "mini")
    _write(tmp_path, "regiekit.toml", text)
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_options_override_the_configuration(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    regions_folder(tmp_path, "mini")
    _write(tmp_path, "regiekit.toml", 'format = "json"\nregions = "elders"\n')
    monkeypatch.chdir(tmp_path)
    configured = run("validate")
    assert configured.exit_code == 2 and "map met regio's elders bestaat niet" in configured.stderr
    overridden = run("validate", "--regions", "regions", "--format", "text")
    assert overridden.exit_code == 0 and overridden.output == "0 fouten, 0 waarschuwingen in " \
                                                              "1 bestand\n"
    _write(tmp_path, "regiekit.toml", 'format = "json"\n')
    assert json.loads(run("validate").output)["samenvatting"]["fouten"] == 0


def test_switched_off_rule_is_named_and_its_findings_dropped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = copy_examples(tmp_path / "casussen", "apeldoorn-complexe-casus.yaml")
    text = (case / "apeldoorn-complexe-casus.yaml").read_text(encoding="utf-8")
    (case / "apeldoorn-complexe-casus.yaml").write_text(
        text.replace("bijgewerkt: 2024-02-01", "bijgewerkt: 2023-12-01"), encoding="utf-8")
    _write(tmp_path, "regiekit.toml", f'regions = "{REPO / "regions"}"\nstrict = true\n'
                                      'disable = ["HULPMIDDEL-ACTUEEL"]\n')
    monkeypatch.chdir(tmp_path)
    off = run("check")
    assert off.exit_code == 0, off.output
    assert off.output == ("0 fouten, 0 waarschuwingen in 1 bestand; uitgezet: "
                          "HULPMIDDEL-ACTUEEL\n")
    on = run("check", "--enable", "HULPMIDDEL-ACTUEEL")
    assert on.exit_code == 1 and "[waarschuwing] HULPMIDDEL-ACTUEEL" in on.output
    assert "uitgezet" not in on.output
    document = json.loads(run("check", "--format", "json").output)
    assert document["samenvatting"]["uitgezet"] == ["HULPMIDDEL-ACTUEEL"]
    listing = run("regels").output
    assert "HULPMIDDEL-ACTUEEL" in listing and "uit (regiekit.toml)" in listing


def test_disable_on_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("check", "--disable", "LADDER-VOLGORDE", "--disable", "LADDER-INITIATIEF",
                 str(EXAMPLES.relative_to(REPO) / "apeldoorn-sprong-fout.yaml"))
    assert "LADDER-VOLGORDE" not in result.output.splitlines()[0]
    assert result.output.rstrip().endswith("uitgezet: LADDER-INITIATIEF, LADDER-VOLGORDE")
    assert run("check", "--disable", "GEEN-REGEL", "examples/cases").exit_code == 2


def test_a_check_rule_switched_off_does_not_stop_capaciteit(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(REPO)
    result = run("capaciteit", "--disable", "HULPMIDDEL-ACTUEEL",
                 "examples/capaciteit/nachttekort")
    assert result.exit_code == 1 and "CAPACITEIT-TEKORT" in result.output
    assert "uitgezet" not in result.output
    off = run("capaciteit", "--disable", "CAPACITEIT-TEKORT", "examples/capaciteit/nachttekort")
    assert "CAPACITEIT-TEKORT" in off.output.splitlines()[-1]  # named in the summary only
