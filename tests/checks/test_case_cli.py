"""`regiekit check`, `next` and `test` as a user runs them: formats, exit codes, no personal
data."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from case_support import EXAMPLES, REPO
from click.testing import CliRunner, Result

from generator.cli import main

# Free text and keys written in the example cases that must never reach a report.
CASE_TEXT = ["Escalerend gedrag", "Tante", "Jeugdige van 15", "Herfstvakantie", "gi-1",
             "toegang-1", "psychiater", "Marina", "kind-1", "Woont bij", "Kleinschalige"]


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_folder_of_good_and_bad_cases_reports_rule_and_line() -> None:
    result = _run("check", "examples/cases")
    assert result.exit_code == 1, result.output
    assert ("examples/cases/apeldoorn-sprong-fout.yaml:87:11: [fout] LADDER-VOLGORDE na stap 1 "
            "(Hulp bij het vinden van een passende (residentiële) plek) hoort stap 2 (Digitale "
            "zorgtafel) te volgen; nu: stap 3 (Afstemming met (regio)directeuren zorgaanbieders) "
            "(bron: Werkinstructie complexe casuïstiek – Trap 1. Hulp bij het vinden van een "
            "passende (residentiele) plek)") in result.output
    assert "Traceback" not in result.output
    assert result.output.rstrip().endswith("1 bewuste afwijking in 33 bestanden")


def test_good_case_exits_0_and_warning_only_with_strict(tmp_path: Path) -> None:
    assert _run("check", "examples/cases/apeldoorn-complexe-casus.yaml").exit_code == 0
    case = tmp_path / "oud-overzicht.yaml"
    text = (EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text(encoding="utf-8")
    case.write_text(text.replace("bijgewerkt: 2024-02-01", "bijgewerkt: 2023-12-01"),
                    encoding="utf-8")
    assert _run("check", str(case)).exit_code == 0
    assert _run("check", "--strict", str(case)).exit_code == 1


def test_unreadable_case_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_text("casus: [niet gesloten\n", encoding="utf-8")
    result = _run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "YAML-SYNTAX" in result.output and "Traceback" not in result.output


def test_missing_path_and_unknown_region_are_reported(tmp_path: Path) -> None:
    assert _run("check", str(tmp_path / "bestaat-niet.yaml")).exit_code == 2
    case = tmp_path / "elders.yaml"
    case.write_text("casus: x\nregio: atlantis\nkader: vrijwillig\ndoelgroep: jeugd\n"
                    "huishouden:\n  - id: a\n    rol: ouder\n", encoding="utf-8")
    result = _run("check", str(case))
    assert result.exit_code == 1 and ":2:8: [fout] CASUS-REGIO" in result.output


@pytest.mark.parametrize("output_format", ["text", "json", "junit", "github", "sarif"])
def test_no_case_text_in_any_format(output_format: str) -> None:
    result = _run("check", "--format", output_format, "examples/cases")
    for text in CASE_TEXT:
        assert text not in result.output, (output_format, text)


def test_no_case_text_from_schema_errors(tmp_path: Path) -> None:
    case = tmp_path / "fout.yaml"
    case.write_text("casus: c\nregio: zou\nkader: Marina\ndoelgroep: jeugd\n"
                    "huishouden:\n  - id: a\n    rol: ouder\n    naam: Marina\n", encoding="utf-8")
    result = _run("check", str(case))
    assert result.exit_code == 1 and "Marina" not in result.output
    assert ":3:8: [fout] SCHEMA-WAARDE" in result.output


def test_junit_names_are_case_id_and_rule_id() -> None:
    result = _run("check", "--format", "junit", "examples/cases")
    names = {case.get("name") for case in ET.fromstring(result.output).iter("testcase")}
    assert "apeldoorn-sprong-fout.LADDER-VOLGORDE" in names
    assert "terneuzen-hulst-afwijking.OVERLEG-FREQUENTIE" in names  # skipped: waived
    assert "zou-alleenstaande-moeder" in names  # passed


def test_json_counts_waivers() -> None:
    document = json.loads(_run("check", "--format", "json", "examples/cases").output)
    assert document["samenvatting"]["afwijkingen"] == 1
    assert document["samenvatting"]["fouten"] == 54


def test_jobs_gives_the_same_report() -> None:
    one = _run("check", "examples/cases")
    two = _run("check", "--jobs", "2", "examples/cases")
    assert one.output == two.output and two.exit_code == 1


def test_no_progress_bar_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    result = CliRunner().invoke(main, ["check", "examples/cases"], catch_exceptions=False)
    assert "casussen" not in result.output


def test_next_names_step_initiators_date_and_form(tmp_path: Path) -> None:
    text = (EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text(encoding="utf-8")
    cut = text.index("  - ladder: escalatieladder\n    stap: 3\n")
    case = tmp_path / "na-stap-2.yaml"
    case.write_text(text[:cut].replace("    uitkomst: geen-resultaat\n    afgerond: 2024-03-13\n",
                                       "    uitkomst: lopend\n")
                    .replace("peildatum: 2024-04-16", "peildatum: 2024-03-08"), encoding="utf-8")
    result = _run("next", str(case))
    assert result.exit_code == 0, result.output
    assert "stap 2, loopt" in result.output
    assert "reacties uiterlijk 2024-03-13" in result.output
    assert ("volgende: stap 3 Afstemming met (regio)directeuren zorgaanbieders; starten door: "
            "gemeentelijke (lokale) toegang; keuze door: gemeentelijke (lokale) toegang; "
            "vanaf 2024-03-14 als er geen resultaat is; formulier: Format omschrijving casus "
            "(volledig)") in result.output
    assert "volgende: stap 4 Fysieke zorgtafel" in result.output


def test_next_for_an_unescalated_knelpunt() -> None:
    result = _run("next", "examples/cases/zou-echtpaar-huisarts-fout.yaml")
    assert "nog geen stap, knelpunt, nog niet opgeschaald" in result.output
    assert "volgende: stap 1 Opschalen naar de eigen leidinggevende" in result.output


def test_next_refuses_a_case_whose_references_do_not_resolve(tmp_path: Path) -> None:
    text = (EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text(encoding="utf-8")
    case = tmp_path / "onbekende-ladder.yaml"
    case.write_text(text.replace("  - ladder: escalatieladder\n    stap: 4",
                                 "  - ladder: geen-ladder\n    stap: 4"), encoding="utf-8")
    assert "CASUS-VERWIJZING" in _run("check", str(case)).output
    result = _run("next", str(case))
    assert result.exit_code == 2
    assert "verwijst naar iets dat de regio niet kent" in result.output
    assert "Traceback" not in result.output


def test_case_tests_as_data(tmp_path: Path) -> None:
    assert _run("test").output.rstrip().endswith("33 geslaagd, 0 mislukt")
    broken = tmp_path / "regressie.yaml"
    shutil.copy(EXAMPLES / "zou-alleenstaande-moeder-fout.yaml", broken)
    text = broken.read_text(encoding="utf-8").replace("pad: regie[1].van", "pad: regie[0].van")
    broken.write_text(text, encoding="utf-8")
    result = _run("test", str(broken))
    assert result.exit_code == 1
    assert ("ontbreekt: REGISSEUR-EEN bij regie[0].van; onverwacht: REGISSEUR-EEN bij "
            "regie[1].van (regel 37)") in result.output


def test_unknown_check_kind_fails_loudly(tmp_path: Path) -> None:
    rules = tmp_path / "regels.yaml"
    text = (REPO / "rules" / "regels.yaml").read_text(encoding="utf-8")
    rules.write_text(text.replace("soort: ladder-volgorde", "soort: ladder-volgorde-x"),
                     encoding="utf-8")
    result = _run("check", "--rules", str(rules), "examples/cases")
    assert result.exit_code == 2 and "onbekende soort controle 'ladder-volgorde-x'" in result.output
