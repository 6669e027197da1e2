"""The meldcode in every Dutch region's documents: a chapter of the werkinstructie from the
shared data, with the afwegingskader as a decision diagram, and a checklist per chosen profile."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from documents_support import REPO, SHIPPED, build, docx_text, squash
from docx.oxml.ns import qn

from generator.documents.decision_diagram import decision_diagram, decision_picture
from generator.regions import load_region
from generator.shared_protocols import library

REGIONS = REPO / "regions"
MELDCODE = library(REPO / "protocols").get("meldcode")


def _alts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [properties.get("descr") or "" for properties in
            document.element.body.iter(qn("wp:docPr"))]


@pytest.mark.parametrize("region_id", SHIPPED)
def test_every_dutch_region_has_a_meldcode_chapter_from_the_shared_data(built: Path,
                                                                        region_id: str) -> None:
    region = load_region(region_id, REGIONS)
    text = squash(docx_text(built / region_id / "werkinstructie.docx"))
    if region.country != "NL":
        assert "afwegingskader" not in text.lower()
        return
    assert ". Meldcode huiselijk geweld en kindermishandeling" in text
    for step in MELDCODE.steps:
        assert squash(step.description) in text
        assert all(squash(item.text[1:]) in text for item in step.records)
    for question in MELDCODE.framework.questions:
        assert squash(question.text) in text
    (protocol,) = region.protocols
    for profile in protocol.profiles:
        assert squash(profile.description) in text
    assert decision_picture(MELDCODE.framework).alt in _alts(
        built / region_id / "werkinstructie.docx")
    # the shared protocol is not also listed as one of the region's own protocols
    assert text.count(squash(MELDCODE.description)) == 1


@pytest.mark.parametrize("region_id", ["zou", "apeldoorn"])
def test_a_meldcode_checklist_per_chosen_profile(built: Path, region_id: str) -> None:
    region = load_region(region_id, REGIONS)
    (protocol,) = region.protocols
    written = sorted(path.name for path in (built / region_id).glob("checklist-meldcode-*"))
    assert written == sorted(f"checklist-meldcode-{p.id}.docx" for p in protocol.profiles)
    knmg = squash(docx_text(built / region_id / "checklist-meldcode-knmg.docx"))
    assert "In stap 2 vraagt de arts advies aan Veilig Thuis" in knmg
    assert _alts(built / region_id / "checklist-meldcode-knmg.docx") == [
        decision_picture(MELDCODE.framework).alt]


def test_a_checklist_places_the_questions_where_its_profile_does(built: Path) -> None:
    """JGZ answers 1 and 2 in step 4, KNMG all five in step 5 (onderwijs and jgz in the same
    region, basismodel beside them)."""
    jgz = squash(docx_text(built / "middelburg" / "checklist-meldcode-jgz.docx"))
    step4, step5 = jgz.index("Stap 4. Wegen"), jgz.index("Stap 5. Beslissen")
    assert step4 < jgz.index("Afweging 1:") < jgz.index("Afweging 2:") < step5
    assert step5 < jgz.index("Afweging 3:")
    basis = squash(docx_text(built / "middelburg" / "checklist-meldcode-basismodel.docx"))
    assert basis.index("Stap 5. Beslissen") < basis.index("Afweging 1:")


def test_the_decision_diagram_follows_the_question_graph() -> None:
    diagram = decision_diagram(MELDCODE.framework)
    assert [q.number for q in diagram.questions] == [1, 2, 3, 4, 5]
    first, second, fourth, fifth = (diagram.questions[i] for i in (0, 1, 3, 4))
    assert (first.down.answer, first.side.action) == ("ja", "Afsluiten en vastleggen")
    assert (second.down.answer, second.side.answer) == ("nee", "ja")
    assert second.side.details() == ["Daarna afweging 3, samen met Veilig Thuis"]
    assert fourth.down.action == "Hulp bieden of organiseren"
    assert fifth.down.next_number == 0 and fifth.side.action.startswith("(Opnieuw) melden")
    alt = decision_picture(MELDCODE.framework).alt
    assert "Afweging 2, Acute of structurele onveiligheid? Bij nee: daarna afweging 3." in alt


def test_changing_the_shared_data_changes_every_regions_documents(tmp_path: Path,
                                                                  monkeypatch) -> None:
    """Move afweging 2 of the KNMG profile to step 4: ZOU's werkinstructie and checklist say so,
    with no code change."""
    shutil.copytree(REPO / "protocols", tmp_path / "protocols")
    shared = tmp_path / "protocols" / "meldcode.yaml"
    text = shared.read_text(encoding="utf-8")
    knmg = text.index("  - id: knmg\n")
    moved = text[knmg:].replace("      - stap: 5\n        vragen: [1, 2, 3, 4, 5]\n",
                                "      - stap: 4\n        vragen: [1, 2]\n"
                                "      - stap: 5\n        vragen: [3, 4, 5]\n", 1)
    shared.write_text(text[:knmg] + moved, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # ./protocols is the library used
    out = tmp_path / "out"
    result = build("zou", "--out", str(out), "--regions", str(REGIONS))
    assert result.exit_code == 0, result.output
    werkinstructie = squash(docx_text(out / "zou" / "werkinstructie.docx"))
    assert "Stap 4 Afwegingen 1 en 2 Stap 5 Afwegingen 3, 4 en 5" in werkinstructie
    checklist = squash(docx_text(out / "zou" / "checklist-meldcode-knmg.docx"))
    assert checklist.index("Afweging 2:") < checklist.index("Stap 5. Beslissen")
