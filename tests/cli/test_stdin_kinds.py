"""`regiekit validate -` recognises every kind of document `validate` checks by what it holds
(standard input has no file name), and checks it as that kind; messages about a file of
deployments, like those about a case, never repeat what is written in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import REPO, run

CAPACITY_EXAMPLES = REPO / "examples" / "capaciteit"

SAMPLES = {
    "regio": "tests/data/validate/valid/minimal/regio.yaml",
    "regels": "rules/regels.yaml",
    "protocol": "protocols/meldcode.yaml",
    "casus": "examples/cases/zou-alleenstaande-moeder.yaml",
    "zorgloketten": "regions/voorbeeldgemeente/zorgloketten.yaml",
}

DEPLOYMENT = """\
inzet:
  - client: C-004217
    datum: 2026-03-02
    wijk: noord
    dagdeel: ochtend
    zorgsoort: persoonlijke-verzorging
    functie: verzorgende-ig
    uren: 1.5
"""


@pytest.fixture(autouse=True)
def _in_the_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_each_shipped_kind_validates_from_standard_input(kind: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    sample = REPO / SAMPLES[kind]
    if kind == "zorgloketten":  # its CSV demand export is named relative to the current folder
        monkeypatch.chdir(sample.parent)
    result = run("validate", "-", stdin=sample.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert result.output == "0 fouten, 0 waarschuwingen in 1 bestand\n"


def test_care_desks_from_standard_input_get_their_own_checks() -> None:
    text = (CAPACITY_EXAMPLES / "twee-verantwoordelijken" / "zorgloketten.yaml").read_text(
        encoding="utf-8")
    result = run("validate", "-", stdin=text)
    assert result.exit_code == 1
    assert "<stdin>:144:29: [fout] ZORGLOKET-VERANTWOORDELIJKE Zorgloket Noord heeft al een " \
           "verantwoordelijke organisatie (Zorggroep Noord)" in result.output
    assert "BESTAND-ONBEKEND-SOORT" not in result.output


def test_deployments_from_standard_input_are_checked_against_their_schema() -> None:
    assert run("validate", "-", stdin=DEPLOYMENT).output == \
        "0 fouten, 0 waarschuwingen in 1 bestand\n"
    result = run("validate", "-", stdin=DEPLOYMENT.replace("    uren: 1.5\n", ""))
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:2:5: [fout] SCHEMA-VERPLICHT ")
    assert "uren" in result.output


def test_a_document_of_no_known_kind_from_standard_input_is_named_as_such() -> None:
    result = run("validate", "-", stdin="iets: anders\n")
    assert result.exit_code == 1 and "BESTAND-ONBEKEND-SOORT" in result.output


@pytest.mark.parametrize("stdin", [False, True])
def test_messages_about_deployments_never_repeat_what_is_written(stdin: bool,
                                                                 tmp_path: Path) -> None:
    planted = DEPLOYMENT.replace("C-004217", "Jan Jansen 123456782").replace(
        "    uren: 1.5\n", "    uren: 1.5\n    notitie: Jan Jansen\n")
    file = tmp_path / "inzet.yaml"
    file.write_text(planted, encoding="utf-8")
    result = run("validate", "-", stdin=planted) if stdin else run("validate", str(file))
    assert result.exit_code == 1
    assert "SCHEMA-PATROON" in result.output and "SCHEMA-ONBEKENDE-SLEUTEL" in result.output
    assert "Jan" not in result.output and "123456782" not in result.output
    assert "notitie" not in result.output
    shown = run("validate", "--toon-waarden", "-", stdin=planted)
    assert "Jan Jansen 123456782" in shown.output
