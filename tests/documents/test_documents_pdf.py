"""Every generated document opens in LibreOffice and its PDF reads as the YAML says.

Runs in CI (CI=true, where .ci/run installs libreoffice-writer-nogui and poppler-utils); only a
developer machine without LibreOffice may skip it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from documents_support import SHIPPED, region_data, squash


def _tools_or_skip() -> tuple[str, str]:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice and pdftotext:
        return soffice, pdftotext
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) en pdftotext zijn nodig in CI; zie .ci/run")
    pytest.skip("LibreOffice of pdftotext ontbreekt op deze machine")


@pytest.fixture(scope="module")
def pdf_texts(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """All documents converted in one soffice call; text per `<region>/<name>` key."""
    soffice, pdftotext = _tools_or_skip()
    work = tmp_path_factory.mktemp("pdf")
    flat = {}
    for document in sorted(built.rglob("*.docx")):
        key = str(document.relative_to(built).with_suffix(""))
        flat[key] = work / (key.replace("/", "__") + ".docx")
        shutil.copyfile(document, flat[key])
    profile = work / "profiel"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), *map(str, flat.values())],
                   check=True, capture_output=True, timeout=300)
    texts = {}
    for key, source in flat.items():
        pdf = source.with_suffix(".pdf")
        assert pdf.is_file(), f"LibreOffice kon {key}.docx niet omzetten"
        texts[key] = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True,
                                    capture_output=True, text=True).stdout
    return texts


def test_every_document_converts(built: Path, pdf_texts: dict[str, str]) -> None:
    assert len(pdf_texts) == len(list(built.rglob("*.docx")))
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
