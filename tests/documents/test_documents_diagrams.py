"""Ladder and assignment diagrams: drawn from the model, in the documents with alt text, and
the same bytes in every process."""

from __future__ import annotations

import itertools
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import docx
import pytest
import yaml
from documents_support import REPO, SHIPPED, build
from docx.oxml.ns import qn
from matplotlib.transforms import Bbox

from generator.documents.diagrams import (
    assignment_diagrams,
    ladder_diagram,
    ladder_picture,
)
from generator.documents.figures import CM_PER_INCH, DPI, Drawing, Picture, paint, render_png
from generator.regions import load_region

REGIONS = REPO / "regions"


def _pictures(path: Path) -> list[tuple[str, str]]:
    """(alt text, the text of the heading the picture follows) for each picture, in order."""
    document = docx.Document(str(path))
    found, heading = [], ""
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading") or paragraph.style.name == "Title":
            heading = paragraph.text
        for properties in paragraph._p.iter(qn("wp:docPr")):
            found.append((properties.get("descr") or "", heading))
    return found


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind, body = data[offset + 4:offset + 8], data[offset + 8:offset + 8 + length]
        assert struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])[0] == \
            zlib.crc32(kind + body)
        chunks.append((kind, body))
        offset += 12 + length
    return chunks


@pytest.mark.parametrize("region_id", SHIPPED)
def test_each_ladder_opens_its_section_with_a_described_diagram(built: Path,
                                                                region_id: str) -> None:
    region = load_region(region_id, REGIONS)
    pictures = _pictures(built / region_id / "werkinstructie.docx")
    ladders = {alt: heading for alt, heading in pictures if alt.startswith("Schema van de route")}
    assert len(ladders) == len(region.ladders)
    for ladder in region.ladders:
        alt = next(a for a in ladders if f"route {ladder.name}," in a)
        assert ladders[alt].lower() == ladder.name.lower()  # right under the ladder's heading
        assert all(f"Stap {s.number}, {s.name[0].upper()}{s.name[1:]}:" in alt
                   for s in ladder.steps)


@pytest.mark.parametrize("region_id", SHIPPED)
def test_each_ladder_checklist_shows_the_same_diagram(built: Path, region_id: str) -> None:
    """Every ladder checklist (a one-action ladder has none, see test_documents_checklists)."""
    from generator.documents.checklists import checklists

    region = load_region(region_id, REGIONS)
    names = {checklist.name for checklist in checklists(region)}
    for ladder in region.ladders:
        if ladder.id not in names:
            continue
        pictures = _pictures(built / region_id / f"checklist-{ladder.id}.docx")
        assert [alt for alt, _ in pictures] == [ladder_picture(ladder).alt]


def test_apeldoorn_diagram_shows_who_starts_who_chooses_terms_forms_and_closing() -> None:
    ladder = load_region("apeldoorn", REGIONS).ladders[0]
    diagram = ladder_diagram(ladder)
    assert diagram.starters == ("gemeentelijke (lokale) toegang",
                                "gecertificeerde instelling (GI)", "zorgaanbieder")
    first, second, third, fourth = diagram.steps
    assert first.may_start == second.may_start == (True, True, True)
    assert third.may_start == fourth.may_start == (True, False, False)
    assert (second.following, second.chooser) == ((3, 4), "gemeentelijke (lokale) toegang")
    assert second.reply_days == 4 and second.form == "Format omschrijving casus"
    assert fourth.closes_only_with_solution and not third.closes_only_with_solution
    alt = ladder_picture(ladder).alt
    assert "Bij geen resultaat kiest de gemeentelijke (lokale) toegang stap 3 of stap 4." in alt
    assert "reactie binnen 4 werkdagen" in alt and "sluit alleen af met een oplossing" in alt


def test_zou_shows_who_becomes_procesregisseur_by_kader(built: Path) -> None:
    region = load_region("zou", REGIONS)
    (diagram,) = assignment_diagrams(region).values()
    assert [(row.when, row.becomes) for row in diagram.rows] == [
        ("Vrijwillig kader", "Professional van het lokale team"),
        ("Gedwongen kader jeugd", "Medewerker van de gecertificeerde instelling")]
    assert "ouders (alleen bij jeugd)" in diagram.rows[0].otherwise
    pictures = _pictures(built / "zou" / "werkinstructie.docx")
    headings = [heading for alt, heading in pictures if alt.startswith("Schema: wie wordt")]
    assert len(headings) == 1 and headings[0].endswith(". Wie wordt regisseur of casemanager")


def test_zou_first_route_is_escalated_by_each_role_itself() -> None:
    ladder = load_region("zou", REGIONS).ladders[0]
    (step,) = ladder_diagram(ladder).steps
    assert step.each_self and step.may_start == (True, True)
    assert "procesregisseur en behandelaar/begeleider starten de stap elk zelf" in \
        ladder_picture(ladder).alt


def test_regions_with_one_rule_per_role_get_no_assignment_diagram() -> None:
    assert [r for r in SHIPPED if assignment_diagrams(load_region(r, REGIONS))] == ["zou"]


def test_the_diagram_follows_the_yaml(regions_copy: Path, tmp_path: Path) -> None:
    before = ladder_picture(load_region("apeldoorn", regions_copy).ladders[0])
    region_file = regions_copy / "apeldoorn" / "regio.yaml"
    data = yaml.safe_load(region_file.read_text(encoding="utf-8"))
    data["ladders"][0]["stappen"][2]["initiatiefnemers"].append("gi")
    region_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    after = ladder_picture(load_region("apeldoorn", regions_copy).ladders[0])
    assert after.drawing.steps[2].may_start == (True, True, False)
    assert "starten mag gemeentelijke (lokale) toegang of gecertificeerde instelling (GI)" \
        in after.alt
    assert after.png != before.png


def test_png_is_reproducible_and_carries_no_software_or_date() -> None:
    picture = ladder_picture(load_region("apeldoorn", REGIONS).ladders[0])
    first = picture.png
    render_png.cache_clear()
    assert picture.png == first
    chunks = _png_chunks(first)
    assert [kind for kind, _ in chunks] == [b"IHDR", b"pHYs", b"IDAT", b"IEND"]
    width, height = struct.unpack(">II", chunks[0][1][:8])
    assert abs(width - picture.width_cm / CM_PER_INCH * DPI) <= 1
    assert abs(height - picture.drawing.size_cm[1] / CM_PER_INCH * DPI) <= 1


def test_a_fresh_process_draws_the_same_documents(built: Path, tmp_path: Path) -> None:
    """Pictures are cached within a process; another process must draw the same bytes."""
    out = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "generator", "build", "apeldoorn", "zou", "--out",
                    str(out), "--regions", str(REGIONS)], check=True, capture_output=True,
                   cwd=REPO)
    for name in ("apeldoorn/werkinstructie.docx", "zou/werkinstructie.docx",
                 "apeldoorn/checklist-escalatieladder.docx"):
        assert (out / name).read_bytes() == (built / name).read_bytes(), name


def test_texts_that_look_like_markup_are_drawn_literally(regions_copy: Path,
                                                         tmp_path: Path) -> None:
    region_file = regions_copy / "zou" / "regio.yaml"
    data = yaml.safe_load(region_file.read_text(encoding="utf-8"))
    data["ladders"][1]["stappen"][0]["naam"] = r"Kosten $\frac{1}{$ & <b>tafel</b> {{ x }}"
    region_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
    result = build("zou", "--out", str(tmp_path / "out"), "--regions", str(regions_copy))
    assert result.exit_code == 0, result.output
    alts = [alt for alt, _ in _pictures(tmp_path / "out" / "zou" / "werkinstructie.docx")]
    assert any(r"Stap 1, Kosten $\frac{1}{$ & <b>tafel</b> {{ x }}:" in alt for alt in alts)


def test_a_step_taken_at_the_same_time_branches_off_instead_of_following() -> None:
    from generator.loader import load_yaml
    from generator.model.region import build_region

    region = build_region(load_yaml(REPO / "tests" / "data" / "validate" / "valid"
                                    / "together-with" / "regio.yaml"))
    (ladder,) = [ladder for ladder in region.ladders
                 if any(step.together_with for step in ladder.steps)]
    diagram = ladder_diagram(ladder)
    fourth, fifth = diagram.steps[3], diagram.steps[4]
    assert (fourth.alongside, fifth.together_with) == ((5,), 4)
    assert 5 not in fourth.following  # drawn as a branch beside the boxes, not as what follows
    alt = ladder_picture(ladder).alt
    assert "Tegelijk met deze stap: stap 5." in alt and "tegelijk met stap 4, niet erna" in alt


# --- what a reader sees: no text runs into another ------------------------------------------

def _drawn_texts(drawing: Drawing) -> tuple[list[tuple[str, Bbox]], Bbox]:
    """Every non-empty text the drawing puts on its picture, with the box it takes in pixels
    (painted as render_png paints it), and the picture's own box."""
    canvas = paint(drawing)
    renderer = canvas.get_renderer()
    return ([(text.get_text(), text.get_window_extent(renderer))
             for text in canvas.figure.axes[0].texts if text.get_text().strip()],
            canvas.figure.bbox)


def _collisions(drawing: Drawing) -> list[tuple[str, ...]]:
    """Texts that overlap another by more than a pixel each way, or leave the picture."""
    texts, picture = _drawn_texts(drawing)
    found: list[tuple[str, ...]] = []
    for (first, one), (second, other) in itertools.combinations(texts, 2):
        if min(one.x1, other.x1) - max(one.x0, other.x0) > 1 and \
                min(one.y1, other.y1) - max(one.y0, other.y0) > 1:
            found.append(("overlap", first, second))
    found += [("outside", text) for text, box in texts
              if box.x0 < -1 or box.y0 < -1 or box.x1 > picture.x1 + 1
              or box.y1 > picture.y1 + 1]
    return found


def test_no_text_of_any_picture_runs_into_another(built: Path) -> None:
    """Every picture of the shipped regions' documents (ladders, who becomes regisseur, the
    care desks' charts): no label overlaps another or is cut off at the edge."""
    from generator.capacity.run import load_capacity_region
    from generator.documents.build import plan_capacity, plan_region

    drawings: dict[Drawing, None] = {}
    for region in SHIPPED:
        model = load_region(region, REPO / "regions")
        for document in plan_region(model, built):
            drawings.update(dict.fromkeys(_drawings(document.context)))
    desks = REPO / "regions" / "voorbeeldgemeente" / "zorgloketten.yaml"
    for document in plan_capacity(load_capacity_region(desks), built):
        drawings.update(dict.fromkeys(_drawings(document.context)))
    assert len(drawings) >= 10
    assert {type(d).__name__: _collisions(d) for d in drawings if _collisions(d)} == {}


def _drawings(value: object) -> list[Drawing]:
    if isinstance(value, Picture):
        return [value.drawing]
    if isinstance(value, dict):
        return [d for item in value.values() for d in _drawings(item)]
    if isinstance(value, list):
        return [d for item in value for d in _drawings(item)]
    return []


@pytest.mark.parametrize("case", ["apeldoorn-complexe-casus", "zou-gedwongen-jeugd"])
def test_a_timeline_names_its_days_off_below_and_starts_at_the_top(
        case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Easter's days off were written upright above their columns: the two names ran into
    each other and took the top half of the picture."""
    from generator.documents.case import read_case
    from generator.documents.overview import assess, overview_context

    monkeypatch.chdir(REPO)
    path = REPO / "examples" / "cases" / f"{case}.yaml"
    document, model = read_case(path, REPO / "regions")
    drawing = overview_context(model, assess(document, path, REPO / "regions", None))[
        "timeline_chart"].drawing
    texts, picture = _drawn_texts(drawing)
    assert _collisions(drawing) == []
    assert [text for text, _ in texts if "Goede vrijdag 29 mrt, Tweede paasdag 1 apr" in text]
    first_lane = drawing.lanes[0].label.split()[0]
    (top,) = [box.y1 for text, box in texts if text.startswith(first_lane)]
    assert picture.y1 - top < 1.2 / CM_PER_INCH * DPI, "de eerste rij staat niet bovenaan"
