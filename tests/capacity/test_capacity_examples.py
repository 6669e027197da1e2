"""The shipped example region is silent; each broken variant is found with the right rule, amount
and line (examples/capaciteit/<variant>/ is the region with one thing changed)."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from capacity_support import EXAMPLES, REPO
from click.testing import CliRunner, Result

from generator.cli import main

CARE = "van de functies die deze zorg mogen geven"
EXPECTED: dict[str, list[tuple[int, int, str, str]]] = {
    "nachttekort": [
        (176, 71, "CAPACITEIT-TEKORT",
         "Zorgloket Noord, nacht (za, zo): tekort 5 uur per dag; zorgvraag 5 uur (persoonlijke "
         "verzorging 3 uur, verpleegtechnische handelingen 2 uur), ingeroosterd 0 uur "
         f"{CARE} (Wijkverpleegkundige, Verpleegkundige, Verzorgende IG, GVP'er)")],
    "verkeerde-kwalificatie": [
        (184, column, "CAPACITEIT-TEKORT",
         f"Zorgloket Noord, {part} (elke dag): tekort {hours} uur per dag; zorgvraag {hours} uur "
         f"(psychogeriatrische zorg {hours} uur), ingeroosterd 0 uur {CARE} (GVP'er)")
        for column, part, hours in ((36, "ochtend", 4), (48, "middag", 5), (59, "avond", 3))],
    "geen-wijkverpleegkundige": [
        (235, 48, "CAPACITEIT-BEVOEGDHEID",
         "Zorgloket Centrum, middag (ma t/m vr): niemand met de bevoegdheid indiceren "
         "ingeroosterd, terwijl de zorgvraag 1 uur indicatiestelling bevat; rooster een functie "
         "in die deze bevoegdheid heeft (Wijkverpleegkundige)")],
    "budget-overschrijding": [
        (165, 17, "BUDGET-OVERSCHRIJDING",
         "Zorgloket Noord: het basisdienstenpatroon kost € 1.877.811 per jaar (52 weken), met "
         "flexreserve (6% van het budget: € 118.800) € 1.996.611; toegekend budget "
         "€ 1.980.000: overschrijding € 16.611; het minimale basisdienstenpatroon past wel "
         "(€ 1.850.901, met flexreserve € 1.969.701)")],
    "budget-ontoereikend": [
        (265, 17, "BUDGET-ONTOEREIKEND",
         "Zorgloket Zuid: geen basisdienstenpatroon dat de zorgvraag dekt past binnen het "
         "budget; het minimale patroon kost € 1.764.217 per jaar, met flexreserve (5% van het "
         "budget: € 90.000) € 1.854.217; nodig is een budget van € 1.857.071, € 57.071 meer dan "
         "de toegekende € 1.800.000"),
        (265, 17, "BUDGET-OVERSCHRIJDING",
         "Zorgloket Zuid: het basisdienstenpatroon kost € 1.877.239 per jaar (52 weken), met "
         "flexreserve (5% van het budget: € 90.000) € 1.967.239; toegekend budget € 1.800.000: "
         "overschrijding € 167.239")],
    "twee-verantwoordelijken": [
        (144, 29, "ZORGLOKET-VERANTWOORDELIJKE",
         "Zorgloket Noord heeft al een verantwoordelijke organisatie (Zorggroep Noord); per "
         "zorgloket is precies één organisatie verantwoordelijk voor de verdeling van het werk en "
         "de inzet van personeel")],
}


def capaciteit(*args: str) -> Result:
    result = CliRunner().invoke(main, ["capaciteit", *args], catch_exceptions=False)
    assert "Traceback" not in result.output + result.stderr
    return result


@pytest.fixture(autouse=True)
def in_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def findings(result: Result) -> list[tuple[str, int, int, str, str]]:
    return [(f["bestand"], f["regelnummer"], f["kolom"], f["code"], f["melding"])
            for f in json.loads(result.stdout)["bevindingen"]]


def test_every_variant_is_tested() -> None:
    assert sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir()) == sorted(EXPECTED)


@pytest.mark.parametrize("variant", sorted(EXPECTED))
def test_variant_is_found_with_rule_amount_and_line(variant: str) -> None:
    result = capaciteit(f"examples/capaciteit/{variant}", "--format", "json")
    assert result.exit_code == 1, result.stdout
    file = f"examples/capaciteit/{variant}/zorgloketten.yaml"
    assert findings(result) == [(file, *expected) for expected in EXPECTED[variant]]


def test_the_shipped_region_is_silent() -> None:
    result = capaciteit()
    assert result.exit_code == 0
    assert result.stdout == "0 fouten, 0 waarschuwingen in 1 bestand\n"


def test_a_variant_differs_from_the_region_in_one_place_only() -> None:
    """Each variant is the shipped region with one change, so its finding is that change."""
    region = (REPO / "regions/voorbeeldgemeente/zorgloketten.yaml").read_text().splitlines()
    for variant in EXPECTED:
        lines = (EXAMPLES / variant / "zorgloketten.yaml").read_text().splitlines()
        diff = [line for line in difflib.unified_diff(region[1:], lines[1:], lineterm="")
                if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        assert lines[0].endswith("../../../schemas/zorgloketten.schema.json")
        assert 1 <= len(diff) <= 6, (variant, diff)
        assert (EXAMPLES / variant / "zorgvraag.csv").read_bytes() == \
            (REPO / "regions/voorbeeldgemeente/zorgvraag.csv").read_bytes()


def test_validate_reports_two_responsible_organisations_too() -> None:
    result = CliRunner().invoke(main, ["validate", "examples/capaciteit/twee-verantwoordelijken"])
    assert result.exit_code == 1
    assert "zorgloketten.yaml:144:29: [fout] ZORGLOKET-VERANTWOORDELIJKE" in result.stdout


def test_sources_name_the_seed_section() -> None:
    result = capaciteit("examples/capaciteit/nachttekort")
    assert result.stdout.splitlines()[0].endswith(
        "(bron: Zorgloket in de wijk (seed 004) – Basisdienstenpatroon getoetst op inhoud "
        "(juiste personen met benodigde kwalificaties))")
    result = capaciteit("examples/capaciteit/budget-overschrijding")
    assert "(bron: Zorgloket in de wijk (ZorgFormat, WMO) – Getoetst op het toegekende budget)" \
        in result.stdout


def test_paths_in_findings_are_as_given(tmp_path: Path) -> None:
    result = capaciteit(str(EXAMPLES / "nachttekort" / "zorgloketten.yaml"), "--format", "json")
    assert findings(result)[0][0] == str(EXAMPLES / "nachttekort" / "zorgloketten.yaml")
