"""`regiekit capaciteit` through click: formats, exit codes, deployments, privacy, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from capacity_support import REGION, REPO
from click.testing import CliRunner, Result

from generator.cli import main

DEPLOYMENTS = "examples/capaciteit/inzet-noord.csv"
WRONG_STAFF = ("examples/capaciteit/inzet-noord.csv:8:57: [fout] INZET-KWALIFICATIE niet het "
               "juiste personeel: cliënt C-003345 kreeg op 2026-03-02 (avond) psychogeriatrische "
               "zorg, die kwalificatie psychogeriatrie vraagt; ingezet: Verzorgende IG")


def capaciteit(*args: str) -> Result:
    result = CliRunner().invoke(main, ["capaciteit", *args], catch_exceptions=False)
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    return result


@pytest.fixture(autouse=True)
def in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """A copy of the example region under tmp_path/regions/voorbeeldgemeente."""
    copy = tmp_path / "regions" / "voorbeeldgemeente"
    shutil.copytree(REGION, copy)
    return copy


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_deployment_with_the_wrong_qualification() -> None:
    result = capaciteit("voorbeeldgemeente", "--inzet", DEPLOYMENTS)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        WRONG_STAFF + " (bron: Zorgloket in de wijk (ZorgFormat, WMO) – Functiemix "
        "(wijkverpleegkundigen, verpleegkundigen, verzorgenden en GVP'ers))",
        "1 fout, 0 waarschuwingen in 2 bestanden"]


def test_deployments_as_yaml_and_a_missing_authority() -> None:
    result = capaciteit("voorbeeldgemeente", "--inzet", "tests/data/capaciteit/inzet.yaml",
                        "--format", "json")
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["bevindingen"]
    assert (finding["regelnummer"], finding["kolom"], finding["code"]) == (
        17, 14, "INZET-KWALIFICATIE")
    assert finding["melding"].endswith(
        "indicatiestelling, die kwalificatie wijkverpleging (niveau 5) en bevoegdheid indiceren "
        "vraagt; ingezet: Verpleegkundige")


def test_spending_above_the_budget_pro_rata_is_a_warning(region: Path) -> None:
    """Two days of deployments cost € 810,56; at € 100.000 a year two days are € 547,95."""
    edit(region / "zorgloketten.yaml", "bedrag: 2150000", "bedrag: 100000")
    root = str(region.parent)
    result = capaciteit("voorbeeldgemeente", "--regions", root, "--inzet", DEPLOYMENTS)
    assert result.exit_code == 1
    assert (f"{DEPLOYMENTS}:13:1: [waarschuwing] INZET-BUDGET Zorgloket Noord: de inzet van "
            "2026-03-02 t/m 2026-03-03 (2 dagen) kost € 811; het budget naar rato is € 548 "
            "(2 van 365 dagen van € 100.000): € 263 erboven") in result.stdout
    within = capaciteit("voorbeeldgemeente", "--regions", root, "--inzet",
                        "tests/data/capaciteit/inzet.yaml")
    assert "INZET-BUDGET" not in within.stdout  # € 141,13 over two days stays within € 548


def test_a_warning_fails_only_with_strict(region: Path, tmp_path: Path) -> None:
    """Four 24-hour deployments of a verpleegkundige in one day: € 6.096 against € 5.890."""
    deployments = tmp_path / "inzet.csv"
    deployments.write_text("client;datum;wijk;dagdeel;zorgsoort;functie;uren\n" + 4 * (
        "C-0001;2025-01-01;noord;ochtend;verpleging;verpleegkundige;24\n"))
    args = ("voorbeeldgemeente", "--regions", str(region.parent), "--inzet",
            str(deployments))
    assert capaciteit(*args).exit_code == 0
    strict = capaciteit(*args, "--strict")
    assert strict.exit_code == 1 and "[waarschuwing] INZET-BUDGET" in strict.stdout


def test_deployment_files_never_show_what_is_written_about_a_client(tmp_path: Path) -> None:
    deployments = tmp_path / "inzet.csv"
    deployments.write_text(
        "client;datum;wijk;dagdeel;zorgsoort;functie;uren\n"
        "Jan de Vries;2026-03-02;noord;ochtend;verpleging;verpleegkundige;1\n"
        "C-0001;2026-03-02;noord;ochtend;verpleging;Marietje Bakker;1\n"
        "C-0002;2025-13-45;noord;ochtend;verpleging;verpleegkundige;1\n", encoding="utf-8")
    result = capaciteit("voorbeeldgemeente", "--inzet", str(deployments), "--format", "json")
    assert result.exit_code == 1
    shown = result.stdout
    for secret in ("Jan", "Vries", "Marietje", "Bakker", "2025-13-45"):
        assert secret not in shown
    codes = [(f["regelnummer"], f["code"]) for f in json.loads(shown)["bevindingen"]]
    assert codes == [(2, "SCHEMA-PATROON"), (3, "SCHEMA-PATROON"), (4, "SCHEMA-DATUM")]
    assert "cliënt-id is geen pseudoniem" in shown


def test_unknown_ids_in_deployments_are_named_by_column_only(tmp_path: Path) -> None:
    deployments = tmp_path / "inzet.csv"
    deployments.write_text("client;datum;wijk;dagdeel;zorgsoort;functie;uren\n"
                           "C-0001;2026-03-02;noord;ochtend;verpleging;marietje-bakker;1\n")
    result = capaciteit("voorbeeldgemeente", "--inzet", str(deployments))
    assert result.exit_code == 1
    assert "inzet.csv:2:44: [fout] INZET-VERWIJZING inzet[0].functie: deze functie bestaat " \
        "niet in regions/voorbeeldgemeente/zorgloketten.yaml (de waarde wordt niet getoond)" \
        in result.stdout
    assert "marietje" not in result.stdout


@pytest.mark.parametrize("output_format", ["json", "junit", "github", "sarif", "text"])
def test_every_format(output_format: str) -> None:
    result = capaciteit("examples/capaciteit/nachttekort", "--format", output_format)
    assert result.exit_code == 1
    assert "CAPACITEIT-TEKORT" in result.stdout
    if output_format == "junit":
        from xml.etree import ElementTree

        cases = {case.get("name"): case
                 for case in ElementTree.fromstring(result.stdout).iter("testcase")}
        assert cases["voorbeeldgemeente/noord.CAPACITEIT-TEKORT"].find("failure") is not None
        assert list(cases["voorbeeldgemeente/zuid"]) == []  # passed
    if output_format == "github":
        assert result.stdout.startswith(
            "::error file=examples/capaciteit/nachttekort/zorgloketten.yaml,line=176,col=71,"
            "title=CAPACITEIT-TEKORT::")
    if output_format == "sarif":
        assert json.loads(result.stdout)["runs"][0]["results"][0]["ruleId"] == \
            "CAPACITEIT-TEKORT"


def test_overview_shows_the_minimal_pattern_beside_the_declared_one() -> None:
    result = capaciteit("--overzicht")
    assert result.exit_code == 0
    assert ("  basisdienstenpatroon € 1.877.811 per jaar\n"
            "  minimaal patroon     € 1.850.901 per jaar (verschil € -26.910); met flexreserve "
            "nodig: € 1.969.044\n") in result.stdout
    assert "  Verzorgende IG               319       309       -10\n" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("bestaat-niet",), "regio 'bestaat-niet' met zorgloketten.yaml niet gevonden onder regions/ "
                        "(bekend: voorbeeldgemeente)"),
    (("zou",), "regio 'zou' met zorgloketten.yaml niet gevonden"),
    (("voorbeeldgemeente", "examples/capaciteit/nachttekort", "--inzet", DEPLOYMENTS),
     "--inzet hoort bij één regio"),
    (("voorbeeldgemeente", "--inzet", "geen.csv"), "inzetbestand geen.csv bestaat niet"),
    (("--regions", "examples/cases"), "geen regio met zorgloketten.yaml gevonden"),
    (("--rules", "rules/geen.yaml"), "regelcatalogus rules/geen.yaml bestaat niet"),
])
def test_the_tool_could_not_run(args: tuple[str, ...], message: str) -> None:
    result = capaciteit(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unreadable_files_exit_2_with_their_line(region: Path, tmp_path: Path) -> None:
    (region / "zorgvraag.csv").write_bytes(b"wijk;zorgsoort\n\xff\xfe\n")
    result = capaciteit("voorbeeldgemeente", "--regions", str(region.parent))
    assert result.exit_code == 1  # the agreement names a file it cannot read: a finding
    assert "ZORGVRAAG-BESTAND zorgvraagbestand kan niet gelezen worden" in result.stdout
    (region / "zorgloketten.yaml").write_text("id: [kapot\n", encoding="utf-8")
    broken = capaciteit("voorbeeldgemeente", "--regions", str(region.parent))
    assert broken.exit_code == 2
    assert "zorgloketten.yaml:2:1: [fout] YAML-SYNTAX" in broken.stdout
    deployments = tmp_path / "inzet.csv"
    deployments.write_bytes(b"client;datum\n\xff\n")
    unreadable = capaciteit("voorbeeldgemeente", "--inzet", str(deployments))
    assert unreadable.exit_code == 2
    assert "inzet.csv:2:1: [fout] BESTAND-GEEN-UTF8" in unreadable.stdout


def test_an_invalid_agreement_is_reported_not_analysed(region: Path) -> None:
    edit(region / "zorgloketten.yaml", "functie: gvp, aantal: 1, aanbieder: pg-thuis}\n"
         "        - {dagen: [ma, di, wo, do, vr], dagdeel: middag, functie: wijkverpleegkundige, "
         "aantal: 1, aanbieder: zorggroep-noord}",
         "functie: gvp, aantal: 1, aanbieder: pg-thuiss}\n"
         "        - {dagen: [ma, di, wo, do, vr], dagdeel: middag, functie: wijkverpleegkundige, "
         "aantal: 1, aanbieder: zorggroep-noord}")
    result = capaciteit("voorbeeldgemeente", "--regions", str(region.parent))
    assert result.exit_code == 1
    assert "[fout] VERWIJZING-ONBEKEND" in result.stdout and "bedoelde u 'pg-thuis'?" \
        in result.stdout
    assert "CAPACITEIT" not in result.stdout and "BUDGET" not in result.stdout
