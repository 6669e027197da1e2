"""The wording of the semantic diff, field kind by field kind, on edited copies of shipped
regions (no git needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from changes_support import REPO

from generator.changes.diff import diff
from generator.changes.versions import Version, read_region
from generator.model.region import Region

SHIPPED = sorted((REPO / "regions").glob("*/regio.yaml"))


def region(file: Path, *edits: tuple[str, str]) -> Region:
    text = file.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return read_region(Version(file, text.encode(), "bewerkt"))


def changed_lines(name: str, *edits: tuple[str, str]) -> list[str]:
    file = REPO / "regions" / name / "regio.yaml"
    return [change.line_with_source for change in diff(region(file), region(file, *edits))]


@pytest.mark.parametrize("file", SHIPPED, ids=lambda path: path.parent.name)
def test_a_region_against_itself_has_no_changes(file: Path) -> None:
    assert diff(region(file), region(file)) == []


def test_a_step_is_named_with_its_ladder_when_the_region_has_more_than_one() -> None:
    assert changed_lines(
        "zou", ("        alle_initiatiefnemers: true\n", ""),
        ("        uitvoerder: doorbraakteam\n", "")) == [
        "Escalatieroute Procesregisseur en behandelaar komen niet tot elkaar, stap 1 (Opschalen "
        "naar de eigen leidinggevende): elke initiatiefnemer zet de stap zelf ja → nee "
        "(bron: 1 gezin, 1 plan, 1 regisseur door coördinatie van zorg – Resultaat blijft uit, "
        "wat nu?)",
        "Escalatieroute Lokaal geen oplossing, stap 2 (Regionaal doorbraakteam inschakelen): "
        "uitvoerder regionaal doorbraakteam → (geen) (bron: 1 gezin, 1 plan, 1 regisseur door "
        "coördinatie van zorg – Resultaat blijft uit, wat nu?)"]


def test_dates_in_dutch_and_units_in_the_singular() -> None:
    assert changed_lines(
        "schouwen-duiveland", ("    datum: 2009-12-31\n", "    datum: 2010-06-30\n"))[0] \
        .startswith("Evaluatie ‘Werking van de lichte coördinatiestructuur, waarin de "
                    "zorgregisseur met steun van een bureaumedewerker ook de frontoffice "
                    "coördineert’: datum 31 december 2009 → 30 juni 2010 (bron: ")
    assert changed_lines("terneuzen-hulst", ("      dagen: 14\n", "      dagen: 1\n")) == [
        "Overleg casusoverleg, frequentie: interval 14 → 1 dag (bron: Inhoudelijke invulling "
        "CJG-pilots Zeeland, §11 Werkwijze functie ‘coördineren en regisseren van zorg’ – §11 "
        "Zorgregie (beleggen in de pilots))"]


def test_list_items_dropped_and_long_texts_in_their_new_wording() -> None:
    task = ("      - werkt het overzicht open plekken maandelijks bij (aanbieders met "
            "residentieel aanbod)\n")
    assert changed_lines(
        "apeldoorn", (task, ""),
        ("Gezin, betrokken hulpverleners en toegang", "Gezin, hulpverleners en toegang"),
        ("        werkwijze: afstemming\n        formulier: casusformat\n",
         "        werkwijze: afstemming\n")) == [
        "Rol zorgaanbieder: heeft niet meer de taak ‘werkt het overzicht open plekken "
        "maandelijks bij (aanbieders met residentieel aanbod)’ (bron: Werkinstructie complexe "
        "casuïstiek – Bijlage 1)",
        "Stap 1 (Hulp bij het vinden van een passende (residentiële) plek): omschrijving "
        "gewijzigd in ‘Gezin, hulpverleners en toegang stemmen samen af om een passende plek te "
        "vinden. Met het overzicht open plekken worden aanbieders met een beschikbare plek "
        "gericht benaderd. Hoe ook ambulante beschikbaarheid in kaart kan komen, wordt nog "
        "onderzocht.’ (bron: Werkinstructie complexe casuïstiek – Trap 1. Hulp bij het vinden "
        "van een passende (residentiele) plek)",
        "Stap 3 (Afstemming met (regio)directeuren zorgaanbieders): verplicht formulier Format "
        "omschrijving casus → (geen) (bron: Werkinstructie complexe casuïstiek – Trap 3 "
        "Afstemming met (regio)directeuren zorgaanbieders)"]
