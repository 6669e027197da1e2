"""Changing a tariff, a demand figure, a dagdeel or the budget in the YAML (or the CSV export)
changes the verdict, with no code change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from capacity_support import REGION
from click.testing import CliRunner

from generator.cli import main


@pytest.fixture
def region(tmp_path: Path) -> Path:
    copy = tmp_path / "regions" / "voorbeeldgemeente"
    shutil.copytree(REGION, copy)
    return copy


def verdict(region: Path) -> list[tuple[str, int, str]]:
    result = CliRunner().invoke(main, ["capaciteit", str(region), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return [(Path(f["bestand"]).name, f["regelnummer"], f["code"])
            for f in json.loads(result.stdout)["bevindingen"]]


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_the_region_starts_clean(region: Path) -> None:
    assert verdict(region) == []


def test_a_higher_tariff_overruns_the_budget(region: Path) -> None:
    """Verzorgende IG from 51.75 to 57.75 an hour: 259 h a week cost Zuid € 80.808 a year more
    and its room was € 70.261; Noord and Centrum still fit."""
    edit(region / "zorgloketten.yaml", "uurtarief: 51.75", "uurtarief: 57.75")
    assert verdict(region) == [("zorgloketten.yaml", 265, "BUDGET-OVERSCHRIJDING")]


def test_more_night_demand_is_a_shortfall(region: Path) -> None:
    """Noord's night persoonlijke verzorging from 21 to 49 hours a week: 9 h a night, 8 staffed."""
    edit(region / "zorgloketten.yaml", "{ochtend: 168, middag: 42, avond: 84, nacht: 21}",
         "{ochtend: 168, middag: 42, avond: 84, nacht: 49}")
    assert verdict(region) == [("zorgloketten.yaml", 176, "CAPACITEIT-TEKORT")]


def test_more_demand_in_the_csv_export_is_a_shortfall_at_its_row(region: Path) -> None:
    edit(region / "zorgvraag.csv", "zuid;psychogeriatrische-zorg;nacht;week;7",
         "zuid;psychogeriatrische-zorg;nacht;week;70")
    assert verdict(region) == [("zorgvraag.csv", 13, "CAPACITEIT-TEKORT")]


def test_a_smaller_budget_is_not_enough_for_any_pattern(region: Path) -> None:
    edit(region / "zorgloketten.yaml", "bedrag: 1750000", "bedrag: 1500000")
    assert verdict(region) == [("zorgloketten.yaml", 216, "BUDGET-ONTOEREIKEND"),
                               ("zorgloketten.yaml", 216, "BUDGET-OVERSCHRIJDING")]


def test_a_larger_flex_reserve_overruns_the_budget(region: Path) -> None:
    edit(region / "zorgloketten.yaml", "          bedrag: 120000", "          bedrag: 250000")
    assert verdict(region) == [("zorgloketten.yaml", 216, "BUDGET-OVERSCHRIJDING")]


def test_a_longer_evening_takes_an_hour_from_the_night(region: Path) -> None:
    """Zuid asks 15 hours a night (13 persoonlijke verzorging from the CSV, 1 verpleging, 1
    psychogeriatrie) and has a verpleegkundige and a GVP'er at night: 16 hours while the night is
    23:00-07:00, 14 when the avond lasts until midnight."""
    edit(region / "zorgvraag.csv", "zuid;persoonlijke-verzorging;nacht;week;14",
         "zuid;persoonlijke-verzorging;nacht;week;91")
    assert verdict(region) == []
    yaml = region / "zorgloketten.yaml"
    edit(yaml, '''    begin: "17:00"
    eind: "23:00"''', '''    begin: "17:00"
    eind: "00:00"''')
    edit(yaml, '''    begin: "23:00"
    eind: "07:00"''', '''    begin: "00:00"
    eind: "07:00"''')
    assert verdict(region) == [("zorgvraag.csv", 5, "CAPACITEIT-TEKORT")]
