"""Every built document is a Dutch Word document a coordinator can hand out: language, document
properties, a filled table of contents with links, page numbers on every page, source lines kept
with their content, and content controls to fill in on screen."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from documents_support import REPO, SHIPPED, paragraph_text, region_data
from docx.oxml.ns import qn

W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def documents(built: Path) -> list[Path]:
    found = sorted(built.rglob("*.docx"))
    assert len(found) > 2 * len(SHIPPED)
    return found


def xml_parts(path: Path, pattern: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if re.fullmatch(pattern, name)}


def style_of(paragraph: Any) -> str:
    properties = paragraph.pPr
    style = properties.pStyle if properties is not None else None
    return style.val if style is not None else ""


# --- 1. Dutch documents, properties from the YAML ---------------------------------------------

def test_every_language_mark_is_dutch(built: Path) -> None:
    """Word checks spelling and a screen reader speaks in the language marked on the text."""
    wrong = {}
    for path in documents(built):
        parts = xml_parts(path, r"word/[^/]+\.xml")
        marks = [m for xml in parts.values()
                 for m in re.findall(r"<w:(?:lang|themeFontLang) ([^>]*)/>", xml)]
        defaults = re.search(r"<w:rPrDefault>.*?<w:lang ([^>]*)/>", parts["word/styles.xml"],
                             re.DOTALL)
        assert defaults is not None, path
        values = {v for mark in marks for v in re.findall(r'w:\w+="([^"]*)"', mark)}
        if values != {"nl-NL"} or 'w:val="nl-NL"' not in defaults.group(1):
            wrong[str(path.relative_to(built))] = values
        assert docx.Document(str(path)).core_properties.language == "nl-NL"
    assert wrong == {}


@pytest.mark.parametrize("region", SHIPPED)
def test_properties_come_from_the_agreement(built: Path, region: str) -> None:
    control = region_data(region)["document"]
    day = control.get("datum") or control.get("in_werking_per")
    for path in sorted((built / region).glob("*.docx")):
        core = docx.Document(str(path)).core_properties
        assert core.author == control["eigenaar"] and core.last_modified_by == core.author
        expected = datetime.fromisoformat(day + "T00:00:00+00:00") if day else None
        assert core.created == expected, path.name
        assert core.modified == core.created and core.last_printed is None
    werkinstructie = docx.Document(str(built / region / "werkinstructie.docx"))
    assert werkinstructie.core_properties.title == control["titel"]


def test_no_invented_date_and_no_foreign_application(built: Path) -> None:
    for path in documents(built):
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode()
            application = archive.read("docProps/app.xml").decode()
        assert "2000-01-01" not in core, path
        assert "<Application>regiekit</Application>" in application, path
        assert "Microsoft" not in application and "Macintosh" not in application, path
    assert docx.Document(str(built / "zou" / "werkinstructie.docx")).core_properties.created \
        is None  # the ZOU overview states no date at all


# --- 2. Document control on the title page and in the footer ----------------------------------

@pytest.mark.parametrize("region", SHIPPED)
def test_title_page_and_footer_show_document_control(built: Path, region: str) -> None:
    control = region_data(region)["document"]
    document = docx.Document(str(built / region / "werkinstructie.docx"))
    cover = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cover["Versie"] == control["versie"] and cover["Eigenaar"] == control["eigenaar"]
    assert cover["Volgende herziening"] == "niet vastgelegd"  # no source states a review date
    if "vastgesteld_door" in control:
        assert cover["Vastgesteld door"] == control["vastgesteld_door"]
    for path in sorted((built / region).glob("*.docx")):
        footer = paragraph_text(docx.Document(str(path)).sections[0].footer._element)
        assert f"versie {control['versie']}" in footer, path.name


# --- 4. Navigation ----------------------------------------------------------------------------

def headings(body: Any) -> list[tuple[Any, str]]:
    return [(p, paragraph_text(p)) for p in body.iter(qn("w:p"))
            if style_of(p) in ("Heading1", "Heading2") and paragraph_text(p).strip()]


@pytest.mark.parametrize("region", SHIPPED)
def test_table_of_contents_is_a_filled_field_linking_to_every_heading(built: Path,
                                                                      region: str) -> None:
    document = docx.Document(str(built / region / "werkinstructie.docx"))
    body = document.element.body
    [instruction] = [t.text for t in body.iter(qn("w:instrText")) if "TOC" in (t.text or "")]
    assert re.search(r'TOC \\o "1-2" \\h', instruction)
    entries = [p for p in body.iter(qn("w:p")) if style_of(p) in ("TOC1", "TOC2")]
    wanted = headings(body)
    assert [paragraph_text(e) for e in entries] == [text for _, text in wanted]
    assert len(wanted) > 5
    for entry, (heading, _) in zip(entries, wanted, strict=True):
        [link] = entry.iter(qn("w:hyperlink"))
        names = [b.get(qn("w:name")) for b in heading.iter(qn("w:bookmarkStart"))]
        assert link.get(qn("w:anchor")) in names
    chars = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
    assert chars[:3] == ["begin", "separate", "end"]  # the field holds the entries
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    assert all(style_of(p) != "Heading1" for p in body.iter(qn("w:p"))
               if paragraph_text(p) == "Inhoud")  # "Inhoud" does not list itself


def test_every_page_of_every_document_has_a_page_number(built: Path) -> None:
    for path in documents(built):
        for section in docx.Document(str(path)).sections:
            assert not section.different_first_page_header_footer, path
            fields = [f.get(qn("w:instr")) for f in section.footer._element.iter(
                qn("w:fldSimple"))]
            assert fields == ["PAGE", "NUMPAGES"], path


def test_source_lines_keep_with_what_they_cite(built: Path) -> None:
    checked = 0
    for path in documents(built):
        for source in docx.Document(str(path)).element.body.iterchildren(qn("w:p")):
            if style_of(source) != "Bron":
                continue
            before = source.getprevious()
            if before.tag == qn("w:tbl"):
                before = list(before.iter(qn("w:p")))[-1]
            assert before.pPr is not None and before.pPr.keepNext_val, (path, paragraph_text(
                source))
            checked += 1
    assert checked > 50


def test_a_step_table_is_kept_together(built: Path) -> None:
    document = docx.Document(str(built / "apeldoorn" / "werkinstructie.docx"))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "Wie mag de stap starten"
               and "4 werkdagen" in "".join(c.text for r in t.rows for c in r.cells)]
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
    paragraphs = document.paragraphs
    steps = [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 3"
             and p.text.startswith("Stap ")]  # not the meldcode's profiles
    assert len(steps) == 4  # heading and description keep with the step's table
    assert all(paragraphs[i + 1].paragraph_format.keep_with_next for i in steps)


# --- 9. Fillable forms ------------------------------------------------------------------------

def controls(path: Path) -> list[Any]:
    return list(docx.Document(str(path)).element.body.iter(qn("w:sdt")))


def kind_of(control: Any) -> str:
    settings = control.find(qn("w:sdtPr"))
    for child in settings:
        if child.tag in (W14 + "checkbox", qn("w:text"), qn("w:date"), qn("w:docPartObj")):
            return child.tag.split("}")[1]
    return ""


def test_checklists_tick_in_checkbox_controls(built: Path) -> None:
    for path in sorted(built.rglob("checklist-*.docx")):
        document = docx.Document(str(path))
        boxes = [c for c in controls(path) if kind_of(c) == "checkbox"]
        points = [row for table in document.tables[1:] for row in table.rows[1:]]
        assert len(boxes) == len(points) > 0, path
        for box in boxes:
            checkbox = box.find(f"{qn('w:sdtPr')}/{W14}checkbox")
            assert checkbox.find(W14 + "checked").get(W14 + "val") == "0"
            assert paragraph_text(box) == "☐"
        fill_in = [c for c in controls(path) if kind_of(c) == "text"]
        assert len(fill_in) == 3, path  # case, filled in by, date


def test_blank_forms_have_a_control_for_every_answer(built: Path) -> None:
    data = region_data("apeldoorn")
    [form] = data["formulieren"]
    fields = [f for s in form["secties"] for f in s["velden"]]
    path = built / "apeldoorn" / "formulier-casusformat.docx"
    kinds = [kind_of(c) for c in controls(path)]
    assert kinds.count("text") == 3 + len(fields)  # the header and every (text) question
    aliases = [c.find(f"{qn('w:sdtPr')}/{qn('w:alias')}").get(qn("w:val"))
               for c in controls(path)]
    assert all(any(field["label"] in alias for alias in aliases) for field in fields)


def test_yes_no_and_date_questions_get_boxes_and_a_date_picker(regions_copy: Path,
                                                               tmp_path: Path) -> None:
    from documents_support import build

    file = regions_copy / "apeldoorn" / "regio.yaml"
    text = file.read_text(encoding="utf-8")
    text = text.replace("            label: Heeft de cliënt een daginvulling?\n",
                        "            label: Heeft de cliënt een daginvulling?\n"
                        "            soort: ja_nee\n")
    text = text.replace("            label: Wanneer is de problematiek begonnen?\n",
                        "            label: Wanneer is de problematiek begonnen?\n"
                        "            soort: datum\n")
    file.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert build("--regions", str(regions_copy), "--out", str(out), "apeldoorn"
                 ).exit_code == 0
    path = out / "apeldoorn" / "formulier-casusformat.docx"
    kinds = [kind_of(c) for c in controls(path)]
    assert kinds.count("checkbox") == 2 and kinds.count("date") == 1
    [picker] = [c for c in controls(path) if kind_of(c) == "date"]
    assert picker.find(f"{qn('w:sdtPr')}/{qn('w:date')}/{qn('w:lid')}").get(
        qn("w:val")) == "nl-NL"


def test_templates_declare_the_word_2010_namespace_they_use() -> None:
    for template in sorted((REPO / "generator" / "templates").glob("*.docx")):
        xml = xml_parts(template, r"word/document\.xml")["word/document.xml"]
        if "w14:" in xml.split(">", 2)[-1]:
            assert 'mc:Ignorable="w14' in xml, template.name


def test_case_documents_are_dutch_and_name_the_regions_owner(tmp_path: Path) -> None:
    from documents_support import build

    out = tmp_path / "out"
    case = REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml"
    assert build("--case", str(case), "--out", str(out), "--regions",
                 str(REPO / "regions")).exit_code == 0
    owner = region_data("apeldoorn")["document"]["eigenaar"]
    paths = sorted(out.rglob("*.docx"))
    assert len(paths) >= 3  # the overview, the filled form and the mail
    for path in paths:
        core = docx.Document(str(path)).core_properties
        assert (core.author, core.language) == (owner, "nl-NL"), path.name
        assert core.created is not None and core.created.year >= 2024, path.name
        with zipfile.ZipFile(path) as archive:
            assert "<Application>regiekit</Application>" in archive.read(
                "docProps/app.xml").decode()
