"""`regiekit wijzigingen` on a municipality's care desks (`zorgloketten.yaml`, seed 004): tariffs,
budgets, flex reserve, demand per dagdeel and per day, the pattern's shifts and the districts, in
Dutch lines with their source, in every format, from git or from two paths."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from changes_support import REPO, run

MUNICIPALITY = "regions/voorbeeldgemeente/zorgloketten.yaml"
SOURCE = "Zorgloket in de wijk (ZorgFormat, WMO)"

EDITS = [
    ("uurtarief: 51.75", "uurtarief: 53.10"),
    ("bedrag: 2150000", "bedrag: 2250000"),
    ("percentage: 6\n", "percentage: 5.5\n"),
    ("uren_per_week: {ochtend: 168, middag: 42, avond: 84, nacht: 21}",
     "uren_per_week: {ochtend: 168, middag: 42, avond: 84, nacht: 28.5}"),
    ("za: {ochtend: 0, middag: 0}\n            zo: {ochtend: 0, middag: 0}\n"
     "          bron: *vraag\n      basisdienstenpatroon:\n"
     "        - {dagen: [ma, di, wo, do, vr], dagdeel: ochtend, functie: wijkverpleegkundige, "
     "aantal: 1, aanbieder: zorggroep-noord}",
     "za: {ochtend: 2, middag: 0}\n            zo: {ochtend: 0, middag: 0}\n"
     "          bron: *vraag\n      basisdienstenpatroon:\n"
     "        - {dagen: [ma, di, wo, do, vr], dagdeel: ochtend, functie: wijkverpleegkundige, "
     "aantal: 1, aanbieder: zorggroep-noord}"),
    ("        - {dagen: [za, zo], dagdeel: ochtend, functie: verpleegkundige, aantal: 2, "
     "aanbieder: buurtverpleging}\n",
     "        - {dagen: [za, zo], dagdeel: ochtend, functie: verpleegkundige, aantal: 3, "
     "aanbieder: buurtverpleging}\n"),
    ("        - {dagdeel: avond, functie: gvp, aantal: 1, aanbieder: pg-thuis}\n"
     "        - {dagdeel: nacht, functie: verpleegkundige, aantal: 1, aanbieder: buurtverpleging}\n"
     "  - id: centrum",
     "        - {dagdeel: nacht, functie: verpleegkundige, aantal: 1, aanbieder: buurtverpleging}\n"
     "        - {dagdeel: nacht, functie: verzorgende-ig, aantal: 1, aanbieder: zorggroep-noord}\n"
     "  - id: centrum"),
    ("    naam: Noord\n", "    naam: Noord-Oost\n"),
]

DESK = "Wijk Noord-Oost, zorgloket"
EXPECTED = [
    "Functie Verzorgende IG: uurtarief € 51,75 → € 53,10 (bron: "
    f"{SOURCE} – Functiemix (wijkverpleegkundigen, verpleegkundigen, verzorgenden en GVP'ers))",
    "Wijk Noord heet nu Noord-Oost",
    f"{DESK}, budget: bedrag € 2.150.000 → € 2.250.000 (bron: {SOURCE} – Getoetst op het "
    "toegekende budget)",
    f"{DESK}, budget, flexreserve: percentage 6 → 5,5 procent (bron: {SOURCE} – Financiële "
    "ruimte voor de inzet van flexibele formatie)",
    f"{DESK}, zorgvraag Persoonlijke verzorging: uren per week nacht 21 → 28,5 uur (bron: "
    f"{SOURCE} – Communiceerbaar zorgvraagoverzicht)",
    f"{DESK}, zorgvraag Indicatiestelling: uren per dag za ochtend 0 → 2 uur (bron: {SOURCE} – "
    "Communiceerbaar zorgvraagoverzicht)",
    f"{DESK}, dienst GVP'er, avond, elke dag (PG Thuis) verwijderd (bron: {SOURCE} – Iedere "
    "wijk beschikt over een regiepunt voor zorg of zorgloket)",
    f"{DESK}, dienst Verpleegkundige, ochtend, za, zo (Buurtverpleging Voorbeeldgemeente): "
    f"aantal 2 → 3 (bron: {SOURCE} – Iedere wijk beschikt over een regiepunt voor zorg of "
    "zorgloket)",
    f"{DESK}, dienst Verzorgende IG, nacht, elke dag (Zorggroep Noord) toegevoegd (bron: "
    f"{SOURCE} – Iedere wijk beschikt over een regiepunt voor zorg of zorgloket)",
]


def edited(text: str) -> str:
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


@pytest.fixture
def municipality(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the shipped care desks committed; the current folder."""
    root = tmp_path / "afspraken"
    shutil.copytree(REPO / "regions" / "voorbeeldgemeente", root / "regions" / "voorbeeldgemeente")
    for arguments in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "-m", "begin"]):
        subprocess.run(["git", "-C", str(root), *arguments], check=True, capture_output=True)
    monkeypatch.chdir(root)
    return root / MUNICIPALITY


def test_each_change_of_the_care_desks_as_a_dutch_line(municipality: Path) -> None:
    municipality.write_text(edited(municipality.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("wijzigingen", "voorbeeldgemeente")
    assert result.exit_code == 0, result.stderr
    [heading, *changes] = lines(result.stdout)
    assert heading.startswith(f"Voorbeeldgemeente ({MUNICIPALITY}): van ")
    assert heading.endswith(" tot werkmap")
    assert changes == [f"- {line}" for line in EXPECTED]
    assert lines(run("wijzigingen").stdout)[1:] == changes  # every agreement of every region


def test_care_desks_in_json_and_markdown(municipality: Path) -> None:
    municipality.write_text(edited(municipality.read_text(encoding="utf-8")), encoding="utf-8")
    comparison = json.loads(run("wijzigingen", "--format", "json").stdout)["vergelijkingen"][0]
    assert comparison["regio"] == "voorbeeldgemeente" and comparison["naam"] == "Voorbeeldgemeente"
    assert comparison["wijzigingen"][2] == {
        "soort": "gewijzigd", "onderdeel": "Wijk Noord-Oost, zorgloket, budget", "veld": "bedrag",
        "oud": "€ 2.150.000", "nieuw": "€ 2.250.000",
        "bron": f"{SOURCE} – Getoetst op het toegekende budget",
        "tekst": "Wijk Noord-Oost, zorgloket, budget: bedrag € 2.150.000 → € 2.250.000"}
    markdown = lines(run("wijzigingen", "--format", "markdown").stdout)
    assert markdown[0] == "## Voorbeeldgemeente"
    assert f"- Functie Verzorgende IG: uurtarief € 51,75 → € 53,10 *(bron: {SOURCE} – " \
           "Functiemix (wijkverpleegkundigen, verpleegkundigen, verzorgenden en GVP'ers))*" \
           in markdown


def test_two_versions_of_care_desks_outside_git(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    old = tmp_path / "oud"
    shutil.copytree(REPO / "regions" / "voorbeeldgemeente", old)
    new = tmp_path / "nieuw.yaml"
    new.write_text(edited((old / "zorgloketten.yaml").read_text(encoding="utf-8")),
                   encoding="utf-8")
    shutil.copy(old / "zorgvraag.csv", tmp_path / "zorgvraag.csv")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = run("wijzigingen", "oud/zorgloketten.yaml", "nieuw.yaml")
    assert result.exit_code == 0, result.stderr
    assert lines(result.stdout) == [
        "Voorbeeldgemeente: van oud/zorgloketten.yaml tot nieuw.yaml",
        *(f"- {line}" for line in EXPECTED)]


def test_a_region_file_is_not_compared_with_care_desks(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("wijzigingen", "regions/apeldoorn/regio.yaml", MUNICIPALITY)
    assert result.exit_code == 2
    assert "zijn niet dezelfde soort afspraken" in result.stderr


def test_an_invalid_version_of_care_desks_cannot_be_compared(municipality: Path) -> None:
    text = municipality.read_text(encoding="utf-8")
    municipality.write_text(text.replace("functie: gvp,", "functie: gvp-nacht,", 1),
                            encoding="utf-8")
    result = run("wijzigingen", "voorbeeldgemeente")
    assert result.exit_code == 2
    assert f"{MUNICIPALITY} is ongeldig en kan niet vergeleken worden" in result.stderr
    assert "VERWIJZING-ONBEKEND" in result.stderr
