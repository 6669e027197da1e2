"""The generated documents say what the YAML says: read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from documents_support import REPO, SHIPPED, build, docx_text, region_data, squash

from generator.documents.checklists import checklists
from generator.regions import load_region


def _texts(items: list[dict], key: str) -> list[str]:
    return [str(item[key]) for item in items]


@pytest.mark.parametrize("region", SHIPPED)
def test_every_document_of_a_region_is_built(built: Path, region: str) -> None:
    data = region_data(region)
    expected = {"werkinstructie.docx"}
    expected |= {f"checklist-{c.name}.docx"
                 for c in checklists(load_region(region, REPO / "regions"))}
    expected |= {f"formulier-{f['id']}.docx" for f in data.get("formulieren", [])}
    assert {p.name for p in (built / region).iterdir()} == expected
    assert any(name.startswith("checklist-") for name in expected)


@pytest.mark.parametrize("region", SHIPPED)
def test_werkinstructie_carries_roles_tasks_steps_and_sources(built: Path, region: str) -> None:
    data = region_data(region)
    text = squash(docx_text(built / region / "werkinstructie.docx")).lower()
    expected = [data["naam"], data["document"]["titel"]]
    for role in data["rollen"]:
        expected += [role["naam"], *role.get("taken", [])]
    for ladder in data.get("ladders", []):
        expected += [ladder["naam"]]
        expected += [f"Stap {s['nummer']}. {s['naam']}" for s in ladder["stappen"]]
    expected += _texts(data.get("overleggen", []), "naam") + _texts(data["bronnen"], "titel")
    expected += _texts(data.get("organisaties", []), "naam")
    expected += [d["term"] for d in data.get("definities", [])]
    missing = [item for item in expected if squash(str(item)).lower() not in text]
    assert not missing


def test_apeldoorn_werkinstructie_has_everything_of_seed_002(built: Path) -> None:
    data = region_data("apeldoorn")
    text = squash(docx_text(built / "apeldoorn" / "werkinstructie.docx"))
    ladder = data["ladders"][0]
    expected = [squash(data["inleiding"]["doel"]), *data["toezeggingen"]["items"]]
    expected += data["definities"][0]["criteria"]
    for step in ladder["stappen"]:
        expected += [step["naam"], squash(step["omschrijving"])]
        expected += [c["tekst"] for c in step.get("overlegvoorwaarden", [])]
    for form in data["formulieren"]:
        for section in form["secties"]:
            expected += [section["titel"]] + [field["label"] for field in section["velden"]]
    expected += _texts(data["organisaties"], "naam") + data["werkgebied"]
    expected += ["4 werkdagen (weekenden en feestdagen tellen niet mee)",
                 "Bij geen resultaat volgt stap 3 of stap 4; de gemeentelijke (lokale) toegang "
                 "beslist welke stap het meest effectief lijkt.",
                 "De bespreking wordt pas afgesloten als er een passende oplossing is gevonden.",
                 "Gemeentelijke (lokale) toegang, gecertificeerde instelling (GI) of zorgaanbieder",
                 "Overzicht open plekken", "elke maand", "22 juli 2019"]
    lowered = text.lower()
    missing = [item for item in expected if squash(str(item)).lower() not in lowered]
    assert not missing
    steps_3_and_4 = [s for s in ladder["stappen"] if s["nummer"] in (3, 4)]
    assert all(s["initiatiefnemers"] == ["gemeentelijke-toegang"] for s in steps_3_and_4)


def test_a_value_changed_in_yaml_shows_up_changed(regions_copy: Path, tmp_path: Path) -> None:
    path = regions_copy / "apeldoorn" / "regio.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["ladders"][0]["stappen"][1]["reactietermijn_werkdagen"] = 6
    data["organisaties"][0]["naam"] = "Zorggroep Veluwezoom"
    data["ladders"][0]["stappen"][3]["overlegvoorwaarden"][0]["tekst"] = "Een jurist schuift aan."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    result = build("apeldoorn", "--regions", str(regions_copy), "--out", str(out))
    assert result.exit_code == 0, result.output + result.stderr
    text = docx_text(out / "apeldoorn" / "werkinstructie.docx")
    assert "6 werkdagen (weekenden" in text and "4 werkdagen (weekenden" not in text
    assert "Zorggroep Veluwezoom" in text and "Ambiq" not in text
    assert "Een jurist schuift aan." in docx_text(
        out / "apeldoorn" / "checklist-voor-fysieke-zorgtafel.docx")


def test_blank_form_has_every_section_and_field(built: Path) -> None:
    form = region_data("apeldoorn")["formulieren"][0]
    text = docx_text(built / "apeldoorn" / f"formulier-{form['id']}.docx")
    assert form["naam"] in text
    for section in form["secties"]:
        assert section["titel"] in text
        for field in section["velden"]:
            assert field["label"] in text


def test_checklists_have_tick_boxes_and_the_meeting_conditions(built: Path) -> None:
    text = docx_text(built / "apeldoorn" / "checklist-voor-fysieke-zorgtafel.docx")
    step = region_data("apeldoorn")["ladders"][0]["stappen"][3]
    assert text.count("☐") >= len(step["overlegvoorwaarden"]) + 1
    for condition in step["overlegvoorwaarden"]:
        assert condition["tekst"] in text
    start = docx_text(built / "zou" / "checklist-start-coordinatie.docx")
    assert "☐" in start and "procesregisseur" in start


def test_comparison_sets_every_region_side_by_side(built: Path) -> None:
    text = squash(docx_text(built / "vergelijking.docx"))
    for region in SHIPPED:
        data = region_data(region)
        assert data["naam"] in text
        for meeting in data.get("overleggen", []):
            assert meeting["naam"].lower() in text.lower()
    assert "elke 2 weken" in text
    assert "Casusregisseur" in text and "Casemanager" in text


@pytest.mark.parametrize("region", SHIPPED)
def test_a_ladder_of_one_step_has_no_overview_of_its_steps(built: Path, region: str) -> None:
    """A one-step route showed "Overzicht van de stappen" with one row, then the same step."""
    text = docx_text(built / region / "werkinstructie.docx")
    ladders = region_data(region).get("ladders", [])
    assert text.count("Overzicht van de stappen") == len(
        [ladder for ladder in ladders if len(ladder["stappen"]) > 1])
