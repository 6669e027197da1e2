"""Every generated document opens in LibreOffice and its PDF reads as the YAML says.

Runs in CI (CI=true, where .ci/run installs libreoffice-writer-nogui and poppler-utils); only a
developer machine without LibreOffice may skip it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from documents_support import REPO, SHIPPED, build, region_data, squash


def _tools_or_skip() -> tuple[str, str]:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) en pdftotext zijn nodig in CI; zie .ci/run")
    pytest.skip("LibreOffice of pdftotext ontbreekt op deze machine")


CASES = ("apeldoorn-complexe-casus", "zou-echtpaar-huisarts")
"""Cases whose documents (overview, forms, mail) are converted too, under `<case>/<name>`."""


@pytest.fixture(scope="module")
def built_cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cases")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(REPO)
        for case in CASES:
            result = build("--case", str(REPO / "examples" / "cases" / f"{case}.yaml"),
                           "--out", str(out))
            assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def pdf_files(built: Path, built_cases: Path,
              tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """All documents converted in one soffice call; the PDF per `<region or case>/<name>` key."""
    soffice, _ = _tools_or_skip()
    work = tmp_path_factory.mktemp("pdf")
    flat = {}
    documents = [(built, d) for d in sorted(built.rglob("*.docx"))]
    documents += [(built_cases, d) for d in sorted(built_cases.rglob("*.docx"))]
    for root, document in documents:
        key = str(document.relative_to(root).with_suffix(""))
        flat[key] = work / (key.replace("/", "__") + ".docx")
        shutil.copyfile(document, flat[key])
    profile = work / "profiel"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), *map(str, flat.values())],
                   check=True, capture_output=True, timeout=300)
    pdfs = {key: source.with_suffix(".pdf") for key, source in flat.items()}
    assert [key for key, pdf in pdfs.items() if not pdf.is_file()] == [], \
        "LibreOffice kon deze documenten niet omzetten"
    return pdfs


@pytest.fixture(scope="module")
def pdf_texts(pdf_files: dict[str, Path]) -> dict[str, str]:
    """The text of each PDF, as pdftotext -layout reads it."""
    _, pdftotext = _tools_or_skip()
    return {key: subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True,
                                capture_output=True, text=True).stdout
            for key, pdf in pdf_files.items()}


def _images(pdf: Path) -> list[tuple[int, int]]:
    """(width, height) in pixels of every image LibreOffice put in the PDF (pdfimages -list)."""
    pdfimages = shutil.which("pdfimages")
    if pdfimages is None:
        pytest.skip("pdfimages (poppler-utils) ontbreekt op deze machine")
    listing = subprocess.run([pdfimages, "-list", str(pdf)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    return [(int(line.split()[3]), int(line.split()[4])) for line in listing]


def test_every_document_converts(built: Path, built_cases: Path,
                                 pdf_texts: dict[str, str]) -> None:
    assert len(pdf_texts) == len(list(built.rglob("*.docx"))) + len(
        list(built_cases.rglob("*.docx")))
    assert all(len(text.split()) > 20 for text in pdf_texts.values())


@pytest.mark.parametrize("region", SHIPPED)
def test_werkinstructie_pdf_reads_as_the_yaml(pdf_texts: dict[str, str], region: str) -> None:
    data = region_data(region)
    text = squash(pdf_texts[f"{region}/werkinstructie"]).lower()
    expected = [data["naam"], "Inhoud", "Rollen en taken"]
    expected += [r["naam"] for r in data["rollen"]]
    expected += [f"Stap {s['nummer']}. {s['naam']}" for ladder in data.get("ladders", [])
                 for s in ladder["stappen"]]
    assert [e for e in expected if squash(e).lower() not in text] == []


def test_apeldoorn_pdf_has_terms_conditions_and_organisations(pdf_texts: dict[str, str]) -> None:
    data = region_data("apeldoorn")
    text = squash(pdf_texts["apeldoorn/werkinstructie"])
    fourth = data["ladders"][0]["stappen"][3]
    expected = ["4 werkdagen", *(c["tekst"] for c in fourth["overlegvoorwaarden"])]
    expected += [o["naam"] for o in data["organisaties"]]
    assert [e for e in expected if squash(e) not in text] == []
    checklist = pdf_texts["apeldoorn/checklist-voor-fysieke-zorgtafel"]
    assert "☐" in checklist and "Financiën worden" in squash(checklist)


def test_comparison_pdf_names_every_region(pdf_texts: dict[str, str]) -> None:
    text = squash(pdf_texts["vergelijking"])
    assert [r for r in SHIPPED if region_data(r)["naam"] not in text] == []


@pytest.mark.parametrize("region", SHIPPED)
def test_werkinstructie_pdf_shows_every_diagram(pdf_files: dict[str, Path], region: str) -> None:
    from generator.documents.diagrams import assignment_diagrams
    from generator.regions import load_region

    model = load_region(region, REPO / "regions")
    images = _images(pdf_files[f"{region}/werkinstructie"])
    shared = [protocol for protocol in model.protocols if protocol.shared]  # the afwegingskader
    assert len(images) == len(model.ladders) + len(assignment_diagrams(model)) + len(shared)
    assert all(width >= 1200 for width, _ in images)  # drawn at full resolution, not a thumbnail
    from generator.documents.checklists import checklists

    names = {checklist.name for checklist in checklists(model)}
    for ladder in (ladder for ladder in model.ladders if ladder.id in names):
        assert len(_images(pdf_files[f"{region}/checklist-{ladder.id}"])) == 1


def test_no_page_holds_only_a_source_line(pdf_texts: dict[str, str]) -> None:
    """Each page as LibreOffice lays it out: besides its header and its footer (with the page
    number), a page never shows just a "Bron: ..." line."""
    lonely = []
    for key, text in pdf_texts.items():
        for number, page in enumerate(text.split("\f"), start=1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            if not lines:
                continue
            assert re.search(r"pagina \d+ van \d+", lines[-1]), (key, number, lines[-1])
            body = lines[1:-1]  # without the header line and the footer line
            if body and all(line.startswith("Bron:") for line in body):
                lonely.append((key, number))
    assert lonely == []


def test_case_overview_pdf_shows_timeline_deadlines_and_chart(pdf_files: dict[str, Path],
                                                               pdf_texts: dict[str, str]) -> None:
    text = squash(pdf_texts["apeldoorn-complexe-casus/casusoverzicht"])
    for expected in ("Casus apeldoorn-complexe-casus", "Tijdlijn", "Reactietermijnen",
                     "Uiterste reactiedatum stap 2", "woensdag 13", "Weekend 9 en 10"):
        assert expected in text, expected
    (chart,) = _images(pdf_files["apeldoorn-complexe-casus/casusoverzicht"])
    assert chart[0] >= 1200
    assert len(_images(pdf_files["zou-echtpaar-huisarts/casusoverzicht"])) == 1


def test_case_mail_pdf_reads_from_the_toegang_on_the_request_date(
        pdf_texts: dict[str, str]) -> None:
    text = squash(pdf_texts["apeldoorn-complexe-casus/verzoek-escalatieladder-stap-2"])
    assert "Van Gemeentelijke (lokale) toegang, Gemeente Apeldoorn" in text
    assert "Verzoek per mail · Regio Apeldoorn · 7 maart 2024" in text
    form = squash(pdf_texts["apeldoorn-complexe-casus/formulier-casusformat-2"])
    assert "Hoort bij Stap 4 (Fysieke zorgtafel)" in form


@pytest.mark.parametrize("desk", ["noord", "centrum", "zuid"])
def test_onderbouwing_pdf_shows_its_figures_and_both_charts(
        pdf_files: dict[str, Path], pdf_texts: dict[str, str], desk: str) -> None:
    key = f"voorbeeldgemeente/{desk}/onderbouwing-capaciteit"
    text = squash(pdf_texts[key])
    expected = ["Onderbouwing capaciteit", f"Zorgloket {desk.capitalize()}", "Zorgvraagoverzicht",
                "Functiemix", "Basisdienstenpatroon", "Kosten en budget", "Toegekend budget",
                "Minimaal basisdienstenpatroon", "Voor de onderhandeling met de gemeente"]
    assert [e for e in expected if e not in text] == []
    images = _images(pdf_files[key])
    assert len(images) == 2 and all(width >= 1200 for width, _ in images)
    # The short table of differences per function stays on one page (Noord's once split).
    page = next(page for page in pdf_texts[key].split("\f") if "Verschil per functie" in page)
    after = squash(page.split("Verschil per functie", 1)[1])
    functions = [f["naam"] for f in yaml.safe_load(
        (REPO / "regions" / "voorbeeldgemeente" / "zorgloketten.yaml").read_text("utf-8"))[
        "functies"]]
    assert [name for name in functions if name not in after] == []
