"""The onderbouwing-capaciteit.docx of each care desk: its figures, shortfalls, minimal pattern
and two described charts; reproducible, and stale when a figure in the YAML changes."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
from documents_support import REPO, build, docx_text, squash
from docx.oxml.ns import qn

from generator.capacity.analysis import DeskAnalysis
from generator.capacity.run import load_capacity_region
from generator.documents.capacity import capacity_context

REGION = REPO / "regions" / "voorbeeldgemeente"
DESKS = ("noord", "centrum", "zuid")


def _alts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [properties.get("descr") or "" for paragraph in document.paragraphs
            for properties in paragraph._p.iter(qn("wp:docPr"))]


def test_every_desk_has_its_document(built: Path) -> None:
    folder = built / "voorbeeldgemeente"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.docx")) == \
        [f"{desk}/onderbouwing-capaciteit.docx" for desk in sorted(DESKS)]


def test_the_document_shows_demand_pattern_cost_and_the_minimal_pattern(built: Path) -> None:
    text = squash(docx_text(built / "voorbeeldgemeente" / "noord" /
                            "onderbouwing-capaciteit.docx"))
    expected = [
        "Onderbouwing capaciteit", "Zorgloket Noord", "Zorggroep Noord",
        "de cijfers zijn illustratief",
        "De zorgvraag in de wijk Noord is 536 uur per week.",
        "Het patroon dekt de zorgvraag in elk dagdeel met personeel dat die zorg mag geven.",
        "Indicatiestelling", "Wijkverpleging (niveau 5) en indiceren", "3 ma t/m vr; 0 za, zo",
        "Wijkverpleging (niveau 5), Verpleging (niveau 4) en Verzorging (niveau 3)",
        "Ochtend 07:00–12:00", "Nacht 23:00–07:00",
        "Zorggroep Noord (verantwoordelijk)",
        "Wijkverpleegkundige 50 uur en Verzorgende IG 319 uur",
        "Basisdienstenpatroon per jaar", "€ 1.877.811 (52 weken)", "6% van het budget: € 129.000",
        "Totaal met flexreserve", "€ 2.006.811", "Toegekend budget", "€ 2.150.000",
        "Ruimte", "€ 143.189", "Minimaal patroon per jaar", "€ 1.850.901",
        "Budget nodig voor het minimale patroon", "€ 1.969.044",
        "Geen: het basisdienstenpatroon dekt de zorgvraag",
        "Verzorgende IG 319 309 -10 - € 26.910",
        "Voor de zorgvraag in dit overzicht is minimaal € 1.969.044 per jaar nodig",
        "Bron: Zorgloket in de wijk (ZorgFormat, WMO) – Getoetst op het toegekende budget",
    ]
    assert [e for e in expected if squash(e) not in text] == []


def test_both_charts_are_in_the_document_with_alt_text(built: Path) -> None:
    alts = _alts(built / "voorbeeldgemeente" / "zuid" / "onderbouwing-capaciteit.docx")
    assert len(alts) == 2
    assert alts[0].startswith("Staafdiagram van Zorgloket Zuid: per dagdeel en per dag de uren "
                              "zorgvraag, gestapeld per zorgsoort")
    assert "Nacht: zorgvraag 4 uur per dag, ingeroosterd 16 uur." in alts[0]
    assert alts[0].endswith("Geen tekorten.")
    assert alts[1] == ("Staafdiagram van de kosten per jaar tegen het budget van € 2.050.000: "
                       "basisdienstenpatroon € 1.877.239 plus flexreserve € 102.500 is "
                       "€ 1.979.739; minimaal patroon € 1.764.217 plus flexreserve € 102.500 is "
                       "€ 1.866.717.")


def test_a_shortfall_is_listed_and_marked_in_the_chart(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(str(REPO / "examples" / "capaciteit" / "nachttekort"), "--out", str(out))
    assert result.exit_code == 0, result.output
    path = out / "voorbeeldgemeente" / "noord" / "onderbouwing-capaciteit.docx"
    text = squash(docx_text(path))
    assert squash("Zorgloket Noord, nacht (za, zo): tekort 5 uur per dag; zorgvraag 5 uur "
                  "(persoonlijke verzorging 3 uur, verpleegtechnische handelingen 2 uur), "
                  "ingeroosterd 0 uur van de functies die deze zorg mogen geven") in text
    assert "Het patroon dekt de zorgvraag niet overal: zie Tekorten (1 bevinding)." in text
    assert _alts(path)[0].endswith("Tekort op: nacht za en zo.")


def test_the_budget_the_minimal_pattern_needs_is_the_negotiation_figure(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(str(REPO / "examples" / "capaciteit" / "budget-ontoereikend"), "--out", str(out))
    text = squash(docx_text(out / "voorbeeldgemeente" / "zuid" / "onderbouwing-capaciteit.docx"))
    assert squash("Dat is € 57.071 meer dan het toegekende budget van € 1.800.000: binnen dit "
                  "budget bestaat geen patroon dat de zorgvraag dekt.") in text
    assert "Overschrijding € 167.239" in text


def test_check_names_a_document_made_stale_by_a_new_tariff(tmp_path: Path) -> None:
    regions = tmp_path / "regions"
    shutil.copytree(REGION, regions / "voorbeeldgemeente")
    common = ["--regions", str(regions), "--out", str(tmp_path / "out")]
    assert build(*common).exit_code == 0
    assert build("--check", *common).exit_code == 0
    yaml = regions / "voorbeeldgemeente" / "zorgloketten.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("uurtarief: 55.25",
                                                             "uurtarief: 56.25"),
                    encoding="utf-8")
    stale = build("--check", *common)
    assert stale.exit_code == 1
    assert stale.stdout.count("onderbouwing-capaciteit.docx: verouderd") == 3
    build(*common)
    # District zuid renamed: its document goes, one for zuidwest comes.
    region = regions / "voorbeeldgemeente"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("  - id: zuid\n", "  - id: zuidwest\n")
                    .replace("verantwoordelijk_voor: [zuid]", "verantwoordelijk_voor: [zuidwest]"),
                    encoding="utf-8")
    table = region / "zorgvraag.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("\nzuid;", "\nzuidwest;"),
                     encoding="utf-8")
    moved = build("--check", *common).stdout
    out = tmp_path / "out" / "voorbeeldgemeente"
    assert f"{out / 'zuid' / 'onderbouwing-capaciteit.docx'}: wordt niet meer gegenereerd" in moved
    assert f"{out / 'zuidwest' / 'onderbouwing-capaciteit.docx'}: ontbreekt" in moved


def test_context_holds_only_plain_values() -> None:
    municipality = load_capacity_region(REGION / "zorgloketten.yaml")
    context = capacity_context(DeskAnalysis(municipality, municipality.desks[1]))
    assert context["doc"]["title"] == "Zorgloket Centrum"
    assert context["pattern"][4] == {"time": "07:00–15:00", "function": "Verzorgende IG",
                                     "days": ["1", "1", "1", "1", "1", "", ""]}
    assert context["issues"] == []


def test_a_region_restyles_the_onderbouwing_and_validate_checks_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main
    from generator.documents.templates_check import TEMPLATE_DIR

    regions = tmp_path / "regions"
    shutil.copytree(REGION, regions / "voorbeeldgemeente")
    override = regions / "voorbeeldgemeente" / "templates" / "onderbouwing-capaciteit.docx"
    override.parent.mkdir()
    with zipfile.ZipFile(TEMPLATE_DIR / "onderbouwing-capaciteit.docx") as original, \
            zipfile.ZipFile(override, "w") as copy:
        for member in original.infolist():
            data = original.read(member)
            if member.filename == "word/document.xml":
                data = data.replace(b"{{ note }}", b"{{ notitie }}", 1)
            copy.writestr(member, data)
    result = CliRunner().invoke(main, ["validate", str(regions)])
    assert result.exit_code == 1
    assert "SJABLOON-VARIABELE" in result.stdout and "'notitie'" in result.stdout
