"""The documents of one case (`build --case`): the mail request, filled forms, the overview."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from documents_support import REPO, build, docx_text
from docx.oxml.ns import qn

EXAMPLES = REPO / "examples" / "cases"
CASES = sorted(path.stem for path in EXAMPLES.glob("*.yaml"))
NAME, BSN = "Jannie Verschoor-Plantinga", "123456782"


def _build_case(case: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    result = build("--case", str(case), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out / yaml.safe_load(case.read_text(encoding="utf-8"))["casus"]


@pytest.fixture(scope="module")
def apeldoorn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("case")
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _build_case(EXAMPLES / "apeldoorn-complexe-casus.yaml", out, monkeypatch)


def _cell(cell: docx.table._Cell) -> str:
    """A cell's text, including what sits in content controls (python-docx skips those)."""
    return "".join(t.text or "" for t in cell._tc.iter(qn("w:t")))


def _rows(path: Path) -> dict[str, str]:
    """The label/value rows of a document's first table."""
    table = docx.Document(str(path)).tables[0]
    return {_cell(row.cells[0]): _cell(row.cells[1]) for row in table.rows}


def _footer(path: Path) -> str:
    return "\n".join(p.text for s in docx.Document(str(path)).sections for p in s.footer.paragraphs)


def test_mail_comes_from_the_role_that_carries_out_the_step(apeldoorn: Path) -> None:
    mail = apeldoorn / "verzoek-escalatieladder-stap-2.docx"
    rows = _rows(mail)
    # started by the GI (gi-1), carried out by the gemeentelijke toegang (toegang-1's organisation)
    assert rows["Van"] == "Gemeentelijke (lokale) toegang, Gemeente Apeldoorn"
    assert rows["Verzonden"] == "donderdag 7 maart 2024"
    assert rows["Onderwerp"] == "Verzoek digitale zorgtafel, casus apeldoorn-complexe-casus"
    body = [p.text for p in docx.Document(str(mail)).paragraphs]
    assert "Gemeentelijke (lokale) toegang, Gemeente Apeldoorn" in body  # the signature
    assert not [p for p in body if "apeldoorn-complexe-casus" in p]


def test_mail_is_dated_the_request_not_the_agreement(apeldoorn: Path) -> None:
    mail = apeldoorn / "verzoek-escalatieladder-stap-2.docx"
    assert "7 maart 2024" in _footer(mail) and "2019" not in _footer(mail)
    with zipfile.ZipFile(mail) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "2024-03-07T00:00:00Z" in core


def test_every_filled_form_says_which_step_it_belongs_to(apeldoorn: Path) -> None:
    first = _rows(apeldoorn / "formulier-casusformat-1.docx")["Hoort bij"]
    assert first == ("Stap 2 (Digitale zorgtafel) van de escalatieladder complexe casuïstiek, "
                     "7 maart 2024 en stap 3 (Afstemming met (regio)directeuren "
                     "zorgaanbieders) van de escalatieladder complexe casuïstiek, 18 maart 2024")
    second = _rows(apeldoorn / "formulier-casusformat-2.docx")["Hoort bij"]
    assert second.startswith("Stap 4 (Fysieke zorgtafel)")
    assert "28 maart 2024" in _footer(apeldoorn / "formulier-casusformat-2.docx")


def test_a_form_no_step_used_names_the_steps_it_is_for(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load((EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text("utf-8"))
    for escalation in case["escalaties"]:
        escalation.pop("formulier", None)
    path = tmp_path / "casus.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    folder = _build_case(path, tmp_path / "out", monkeypatch)
    assert _rows(folder / "formulier-casusformat-1.docx")["Hoort bij"] == (
        "Nog bij geen stap van deze casus gebruikt; het formulier hoort bij stappen 2, 3 en 4 "
        "van de escalatieladder complexe casuïstiek")


def test_overview_has_its_sections_timeline_and_deadlines(apeldoorn: Path) -> None:
    overview = apeldoorn / "casusoverzicht.docx"
    document = docx.Document(str(overview))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Tijdlijn", "Reactietermijnen", "Bevindingen", "Wat volgt"]
    pictures = [e.get("descr") for e in document.element.body.iter(qn("wp:docPr"))]
    assert len(pictures) == 1 and pictures[0].startswith(
        "Tijdlijn van casus apeldoorn-complexe-casus")
    assert "Goede vrijdag (29 maart 2024) en Tweede paasdag (1 april 2024)" in pictures[0]
    text = docx_text(overview)
    for expected in ("Stap 2 (Digitale zorgtafel) van de escalatieladder complexe casuïstiek "
                     "gestart", "Gecertificeerde instelling (GI), Jeugdbescherming Gelderland",
                     "Uiterste reactiedatum stap 2", "woensdag 13 maart 2024",
                     "Weekend 9 en 10 maart", "3 reacties, alle op tijd", "Oplossing gevonden"):
        assert expected in text, expected


def test_a_deadline_over_easter_names_the_holidays(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load((EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text("utf-8"))
    case["escalaties"][1]["datum"] = "2024-03-27"  # Wednesday before Easter
    path = tmp_path / "casus.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    folder = _build_case(path, tmp_path / "out", monkeypatch)
    text = docx_text(folder / "casusoverzicht.docx")
    assert "donderdag 4 april 2024" in text  # 28 March, 2, 3 and 4 April
    assert ("Goede vrijdag 29 maart; weekend 30 maart; Eerste paasdag 31 maart; Tweede paasdag "
            "1 april") in text


@pytest.mark.parametrize("case", CASES)
def test_every_example_case_gets_an_overview(case: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _build_case(EXAMPLES / f"{case}.yaml", tmp_path, monkeypatch)
    overview = folder / "casusoverzicht.docx"
    text = docx_text(overview)
    assert f"Casus {case}" in text and "Tijdlijn" in text


def _plant(value: object) -> object:
    """Every free text of a case replaced by a name and a BSN."""
    if isinstance(value, dict):
        return {key: _plant(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plant(item) for item in value]
    return f"{NAME}, BSN {BSN}"


def _document_xml(folder: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(folder.glob("*.docx")):
        with zipfile.ZipFile(path) as archive:
            texts[path.name] = "\n".join(archive.read(n).decode("utf-8", "replace")
                                         for n in archive.namelist() if n.endswith(".xml"))
    return texts


@pytest.mark.parametrize("case", ["apeldoorn-complexe-casus", "apeldoorn-complexe-casus-fout",
                                  "terneuzen-hulst-afwijking", "zou-echtpaar-huisarts"])
def test_nothing_written_in_the_case_reaches_the_overview(case: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load((EXAMPLES / f"{case}.yaml").read_text("utf-8"))
    data["omschrijving"] = f"{NAME}, BSN {BSN}"
    for waiver in data.get("afwijkingen", []):
        waiver["reden"] = f"{NAME}, BSN {BSN}"
    for filled in data.get("formulieren", []):
        filled["velden"] = _plant(filled["velden"])
    path = tmp_path / "casus.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    folder = _build_case(path, tmp_path / "out", monkeypatch)
    leaked = {name: bool(re.search(f"{NAME}|{BSN}", xml))
              for name, xml in _document_xml(folder).items()}
    assert leaked.pop("casusoverzicht.docx") is False
    # form answers belong in the filled form and in the mail that carries it, nowhere else
    assert all(leaked[name] == name.startswith(("formulier-", "verzoek-")) for name in leaked)
    assert all(not name.startswith(("formulier-", "verzoek-")) or data.get("formulieren")
               for name in leaked)


def test_two_case_builds_are_byte_identical(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    case = EXAMPLES / "apeldoorn-complexe-casus.yaml"
    first = _build_case(case, tmp_path / "a", monkeypatch)
    from generator.documents.figures import render_png

    render_png.cache_clear()
    second = _build_case(case, tmp_path / "b", monkeypatch)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()] == []


def _check(case: Path) -> list[tuple[str, str]]:
    """(rule, message) of every finding `regiekit check` reports for the case."""
    from generator.casecheck import CheckOptions, check_document
    from generator.loader import load_yaml

    result = check_document(load_yaml(case), CheckOptions(REPO / "regions",
                                                          REPO / "rules" / "regels.yaml"))
    return [(f.code, f.message) for f in result.findings]


def test_overview_lists_the_findings_of_check(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    case = EXAMPLES / "apeldoorn-complexe-casus-fout.yaml"
    expected = _check(case)
    assert len(expected) == 8
    table = docx.Document(str(_build_case(case, tmp_path, monkeypatch) / "casusoverzicht.docx"))
    rows = [[_cell(c) for c in row.cells] for t in table.tables for row in t.rows]
    listed = [(r[0], r[2]) for r in rows if r[0] in {code for code, _ in expected}]
    assert sorted(listed) == sorted((code, m[0].upper() + m[1:]) for code, m in expected)
    sources = [r[3] for r in rows if r[0] == "REACTIETERMIJN"]
    assert sources == ["Werkinstructie complexe casuïstiek – Trap 2. Digitale zorgtafel"]


def test_a_waived_rule_is_listed_with_who_decided(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _build_case(EXAMPLES / "terneuzen-hulst-afwijking.yaml", tmp_path, monkeypatch)
    text = docx_text(folder / "casusoverzicht.docx")
    assert "Geen open bevindingen; van de regel hieronder wijkt de casus bewust af." in text
    table = docx.Document(str(folder / "casusoverzicht.docx")).tables[-1]
    (row,) = [[_cell(c) for c in r.cells] for r in table.rows][1:]
    assert row[0] == "OVERLEG-FREQUENTIE" and row[2] == "Coördinator CJG"


def test_overview_says_what_comes_next_and_who_chooses(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load((EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text("utf-8"))
    case["escalaties"] = case["escalaties"][:2]  # stopped after the digitale zorgtafel
    case["peildatum"] = "2024-03-14"
    path = tmp_path / "casus.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    document = docx.Document(str(_build_case(path, tmp_path / "out", monkeypatch)
                                 / "casusoverzicht.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert ("Escalatieladder complexe casuïstiek: stap 2, zonder resultaat; reacties uiterlijk "
            "woensdag 13 maart 2024; nu aan zet: gemeentelijke (lokale) toegang: kiezen tussen "
            "stap 3 (Afstemming met (regio)directeuren zorgaanbieders) of stap 4 (Fysieke "
            "zorgtafel) en die starten, uiterlijk woensdag 20 maart 2024.") in text
    rows = [[_cell(c) for c in r.cells] for r in document.tables[-1].rows][1:]
    assert [r[0] for r in rows] == ["Stap 3 (Afstemming met (regio)directeuren zorgaanbieders)",
                                    "Stap 4 (Fysieke zorgtafel)"]
    assert {r[2] for r in rows} == {"Gemeentelijke (lokale) toegang"}
    assert {r[3] for r in rows} == {"Vanaf donderdag 14 maart 2024, als er geen resultaat is"}
    assert rows[0][4] == "Format omschrijving casus (volledig)"


def test_overview_of_a_case_with_an_unknown_reference_explains_why_nothing_follows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _build_case(EXAMPLES / "schouwen-duiveland-mee-fout.yaml", tmp_path, monkeypatch)
    text = docx_text(folder / "casusoverzicht.docx")
    assert "CASUS-VERWIJZING" in text
    assert "Wat volgt kan niet bepaald worden: de casus verwijst naar iets dat de regio niet " \
        "kent (zie de bevindingen)." in text


def test_the_overview_checks_against_the_catalogue_given_with_rules(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = yaml.safe_load((REPO / "rules" / "regels.yaml").read_text("utf-8"))
    for rule in catalogue["regels"]:
        if rule["id"] == "REACTIETERMIJN":
            rule["ernst"] = "waarschuwing"
    rules = tmp_path / "regels.yaml"
    rules.write_text(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), "utf-8")
    monkeypatch.chdir(REPO)
    case = EXAMPLES / "apeldoorn-complexe-casus-fout.yaml"
    result = build("--case", str(case), "--out", str(tmp_path / "out"), "--rules", str(rules))
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(tmp_path / "out" / case.stem / "casusoverzicht.docx"))
    rows = [[_cell(c) for c in r.cells] for t in document.tables for r in t.rows]
    assert [r[1] for r in rows if r[0] == "REACTIETERMIJN"] == ["waarschuwing"]
