"""What a reader reads: every built document (each region's werkinstructie, checklists and forms,
and the comparison) is scanned for file names, raw ids, notes about the source, references to
the source's own numbering, run-on conditions, echoes and phrases repeated over and over."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from documents_support import REPO, SHIPPED, docx_text, region_data, squash

from generator.model.mapping import walk
from generator.model.region import Region, Source
from generator.regions import load_region

NUMBERS = {"1": "een", "2": "twee", "3": "drie", "4": "vier", "5": "vijf", "6": "zes"}
REPEAT_LIMIT = 4
"""A sentence of six words or more may recur (a box per step); more often than this it is noise
(the comparison once printed the MEE condition twelve times)."""


def models() -> list[Region]:
    return [load_region(region, REPO / "regions") for region in SHIPPED]


def all_documents(built: Path) -> dict[str, str]:
    texts = {str(path.relative_to(built)): docx_text(path) for path in sorted(built.rglob(
        "*.docx"))}
    assert "vergelijking.docx" in texts and len(texts) > 2 * len(SHIPPED)
    return texts


def raw_ids() -> set[str]:
    """Ids a reader should never see: those of everything that has a name, and the regions'."""
    found = {region.id for region in models()}
    for region in models():
        for objects in region.index.values():
            found.update(identity for identity in objects if "-" in identity)
    return found


def test_no_file_names_or_raw_ids(built: Path) -> None:
    """The defects: "Bron van dit document: regions/apeldoorn/regio.yaml", "Vindplaats:
    002_....txt", "blanco: formulier-casusformat.docx", "(zie protocol rode-knop)"."""
    ids = raw_ids() | {path.stem for path in built.rglob("*.docx")}
    assert {"rode-knop", "gemeentelijke-toegang", "formulier-casusformat"} <= ids
    found = {}
    for name, text in all_documents(built).items():
        files = re.findall(r"[\w./-]+\.(?:ya?ml|txt|docx|json|csv)\b", text)
        tokens = [token for token in re.findall(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])",
                                                text) if token in ids]
        if files or tokens or "regio.yaml" in text:
            found[name] = files + tokens
    assert found == {}


def test_notes_about_the_source_stay_out(built: Path) -> None:
    """Notes for whoever keeps the YAML (what the source leaves open) never reach a reader."""
    notes = [squash(node.note) for region in models() for node in walk(region)
             if isinstance(node, Source) and node.note]
    assert len(notes) >= 5
    texts = {name: squash(text) for name, text in all_documents(built).items()}
    for name, text in texts.items():
        assert [note[:60] for note in notes if note[:60] in text] == [], name
        assert not re.search(r"\bbrondocument\b|\bde bron noemt\b", text, re.IGNORECASE), name


def test_references_point_at_this_documents_own_appendices(built: Path) -> None:
    """"casusformat (bijlage 2)" pointed at the source's numbering; "zie bijlage B" must be an
    appendix of this werkinstructie, and a checklist's reference one of its region's."""
    for region in SHIPPED:
        werkinstructie = docx_text(built / region / "werkinstructie.docx")
        appendices = set(re.findall(r"^Bijlage ([A-Z])\. ", werkinstructie, re.MULTILINE))
        for path in sorted((built / region).glob("*.docx")):
            text = docx_text(path)
            prose = "\n".join(line for line in text.splitlines()
                              if not line.startswith("Bron:"))  # cites the source's sections
            assert not re.search(r"bijlage \d", prose, re.IGNORECASE), path.name
            assert "de bijlage Formulieren" not in text and "in de bijlage" not in text
            referred = set(re.findall(r"\bbijlage ([A-Z])\b", text))
            assert referred <= appendices, (path.name, referred, appendices)
    apeldoorn = docx_text(built / "apeldoorn" / "werkinstructie.docx")
    assert "Format omschrijving casus, volledig ingevuld (zie bijlage B)" in apeldoorn
    assert "Bijlage B. Formulieren" in apeldoorn
    assert "Complexe casuïstiek (zie hoofdstuk 2)" in apeldoorn


def _words(text: str) -> set[str]:
    text = text.lower().replace("eens per", "elke")
    return {NUMBERS.get(word, word) for word in re.findall(r"\w+", text)}


def test_no_echoes_and_no_phrase_repeated_over_and_over(built: Path) -> None:
    """"Elke 2 weken (Eens per twee weken)", "MEE (alleen: Alleen als ...)" and the same
    condition in every row of the comparison."""
    found = []
    for name, text in all_documents(built).items():
        for line in text.splitlines():
            for before, inside in re.findall(r"([^()]+)\(([^()]+)\)", line):
                if _words(inside) and _words(inside) <= _words(before):
                    found.append((name, "echo", line))
            if re.search(r"\b(\w+)[:;,]\s+\1\b", line, re.IGNORECASE):
                found.append((name, "herhaald woord", line))
        sentences = Counter(part.strip() for part in re.split(r"(?<=[.;])\s+|\n", text)
                            if len(part.split()) >= 6 and not part.startswith("Bron:"))
        found += [(name, f"{count} keer", sentence) for sentence, count in sentences.items()
                  if count > REPEAT_LIMIT]
    assert found == []


def test_a_method_only_where_the_agreement_states_one(built: Path) -> None:
    """"Werkwijze: Opschalen naar de verantwoordelijke" on every escalation step, also on the
    doorbraakteam and the rode knop."""
    for region in SHIPPED:
        text = docx_text(built / region / "werkinstructie.docx")
        assert "Opschalen naar de verantwoordelijke" not in text
        methods = [s.get("werkwijze") for ladder in region_data(region).get("ladders", [])
                   for s in ladder["stappen"]]
        rows = text.count("\nWerkwijze\n")
        assert rows == len([m for m in methods if m and m != "opschalen"]), region


@pytest.mark.parametrize("region", SHIPPED)
def test_conditions_are_lists_not_run_on_headings(built: Path, region: str) -> None:
    """"Wie wordt gezinscoach (Inzet gebeurt ...; ...; ...)" as a four-line heading."""
    document = docx.Document(str(built / region / "werkinstructie.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [h for h in headings if ";" in h or len(h) > 90] == []
    data = region_data(region)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    for assignment in data.get("toewijzingen", []):
        conditions = assignment.get("voorwaarden", [])
        assert all(c["tekst"] in bullets for c in conditions), assignment["id"]


def test_terneuzen_gezinscoach_conditions_under_a_plain_heading(built: Path) -> None:
    text = docx_text(built / "terneuzen-hulst" / "werkinstructie.docx")
    assert "\nWie wordt gezinscoach\n" in text
    assert "Geldt alleen als aan alle voorwaarden is voldaan:" in text


def test_zou_has_its_worked_examples_as_a_chapter(built: Path) -> None:
    """"Bron: Voorbeeld 2" was cited while the examples were missing."""
    document = docx.Document(str(built / "zou" / "werkinstructie.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    chapter = next(h for h in headings if h.endswith("Voorbeelden uit de praktijk"))
    examples = region_data("zou")["voorbeelden"]
    assert [h for h in headings[headings.index(chapter) + 1:][:len(examples)]] == \
        [e["titel"] for e in examples]
    text = squash(docx_text(built / "zou" / "werkinstructie.docx"))
    for example in examples:
        assert all(squash(paragraph) in text for paragraph in example["verhaal"])
    assert "meldcode" in squash(" ".join(examples[1]["verhaal"]))


def test_zou_route_two_escalates_and_calls_in_the_doorbraakteam_at_the_same_time(
        built: Path) -> None:
    """ZOU route 2 was made sequential ("Bij geen resultaat volgt stap 2") where the source says
    "schaal op & schakel bij jeugd het regionaal doorbraakteam in"."""
    text = docx_text(built / "zou" / "werkinstructie.docx")
    assert "Bij geen resultaat volgt stap 2" not in text
    assert ("Tegelijk met deze stap, niet erna: stap 2 (Regionaal doorbraakteam inschakelen), "
            "alleen bij jeugd. Daarna volgt geen stap meer.") in text
    assert "\nTegelijk met stap 1 (Opschalen), niet erna\n" in text


def test_a_source_line_names_its_section_only_where_it_adds_to_the_title(built: Path) -> None:
    """"Bron: Zorgcoördinatie en zorgcontinuïteit (actieprogramma van empact), Zorgcoördinatie
    en zorgcontinuïteit": the section of empact's web page is the page's own title."""
    echoes = {f"Bron: {node.document.title}, {node.section}" for region in models()
              for node in walk(region) if isinstance(node, Source)
              and node.document.title.startswith(node.section)}
    assert echoes
    cited = re.compile("(?:" + "|".join(map(re.escape, echoes)) + r")(?=[.;]|$)", re.MULTILINE)
    texts = all_documents(built)
    assert {name: cited.findall(text) for name, text in texts.items() if cited.search(text)} == {}
    empact = docx_text(built / "empact" / "werkinstructie.docx")
    assert "Bron: Zorgcoördinatie en zorgcontinuïteit (actieprogramma van empact)\n" in empact


def _empty_columns(table: docx.table.Table) -> list[str]:
    """The headers of columns that no row below the header fills."""
    rows = table.rows
    if len(rows) < 2:
        return []
    headers = [cell.text for cell in rows[0].cells]
    return [header for index, header in enumerate(headers)
            if all(not row.cells[index].text.strip() for row in rows[1:])]


def test_no_reference_table_has_a_column_no_row_fills(built: Path) -> None:
    """Apeldoorn's organisations under "Omschrijving", its one source under "Uitgever en
    vindplaats" and Terneuzen's frameworks under "Toelichting" were columns of empty cells."""
    found = {}
    for path in [*sorted(built.glob("*/werkinstructie.docx")), built / "vergelijking.docx"]:
        for table in docx.Document(str(path)).tables:
            if _empty_columns(table):
                found.setdefault(str(path.relative_to(built)), []).extend(
                    _empty_columns(table))
    assert found == {}
    apeldoorn = docx.Document(str(built / "apeldoorn" / "werkinstructie.docx"))
    headers = {cell.text for table in apeldoorn.tables for cell in table.rows[0].cells}
    assert {"Naam", "Document", "Datum"} <= headers
    assert not {"Omschrijving", "Uitgever en vindplaats"} & headers
    empact = docx.Document(str(built / "empact" / "werkinstructie.docx"))
    assert "Omschrijving" in {cell.text for table in empact.tables
                              for cell in table.rows[0].cells}
