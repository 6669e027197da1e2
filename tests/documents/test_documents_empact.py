"""empact's werkinstructie states what its case checks read (seed 003): the MDO's requirements
and the moment of the life goals, who takes the temporary casemanager's work back, with whom the
rode knop is shared, and that no BelRAI Screener threshold is set until the region sets one."""

from __future__ import annotations

from pathlib import Path

from documents_support import build, docx_text, squash


def _text(folder: Path) -> str:
    return squash(docx_text(folder / "empact" / "werkinstructie.docx"))


def test_the_werkinstructie_shows_the_rules_the_cases_are_checked_against(built: Path) -> None:
    text = _text(built)
    assert ("Vereisten Minstens 3 disciplines; toestemming van de persoon vooraf; de persoon "
            "neemt deel, of er is vastgelegd waarom niet (een getekende verklaring)") in text
    assert ("Levensdoelen Vastgelegd uiterlijk bij het eerste multidisciplinair overleg, in "
            "kaart gebracht met kernvragen levensdoelen") in text
    assert ("Geeft het werk terug aan Zorgcoördinator, zorgbemiddelaar, persoon met een "
            "zorgnood (cliënt) of mantelzorger") in text
    assert "Per casus uitgewerkt en gedeeld met Lid van het zorgteam" in text
    assert ("Drempel Geen drempelscore vastgelegd: er is geen gepubliceerde drempel voor een "
            "vervolgbeoordeling met BelRAI-instrumenten") in text
    assert "Veelgestelde vragen over (de veranderingen van) het multidisciplinair overleg, " \
        "voorwaarden van een multidisciplinair overleg" in text


def test_a_threshold_the_region_sets_is_in_the_document(regions_copy: Path,
                                                        tmp_path: Path) -> None:
    region = regions_copy / "empact" / "regio.yaml"
    data = region.read_text(encoding="utf-8")
    region.write_text(data.replace("      vervolg: belrai\n",
                                   "      waarde: 2.5\n      vervolg: belrai\n"), encoding="utf-8")
    result = build("empact", "--regions", str(regions_copy), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Drempel Vanaf score 2,5: een vervolgbeoordeling met BelRAI-instrumenten" in \
        _text(tmp_path / "out")
