"""Checklists to tick off, derived from a region's agreements.

Which checklists a region gets follows from what it agreed: starting care coordination (when it
has functions, assignments or meetings), one per escalation ladder, one before each step that
has meeting conditions (the fysieke zorgtafel), one per form ("casusbeschrijving compleet"), and
one per profile of a shared protocol the region refers to
(generator.documents.meldcode_checklists); none
with fewer than two boxes to tick besides recording the outcome.

A box is only there for what a valid case can tick: what comes before a step is derived from the
ladder's allowed jumps (the steps every route into it passes, `Ladder.dominators`), and a step a
route may skip says so, with who chooses.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.documents.context import (
    FILL_IN,
    Context,
    FileNames,
    assignment_heading,
    cadence,
    candidates_text,
    clean,
    condition_texts,
    document_block,
    field_text,
    forms_appendix,
    names_text,
    next_steps,
    region_summary,
    reply_term,
    slug,
    source_text,
    starters,
    step_heading,
    together_text,
)
from generator.documents.diagrams import ladder_picture
from generator.documents.figures import Picture
from generator.documents.words import capitalize, join_and, join_or
from generator.model.region import Assignment, Form, Ladder, Region, Role, Source, Step


@dataclass(frozen=True)
class Checklist:
    """One checklist document: its file-name part and its template context."""

    name: str
    title: str
    context: Context


def point(text: str, note: str = "") -> dict[str, str]:
    return {"text": text, "note": note}


OUTCOME = "Uitkomst vastgelegd"
"""The box every step ends with; it alone does not make a checklist worth printing."""
MIN_BOXES = 2
"""A checklist needs at least this many boxes besides the outcome boxes; a procedure of one
action is described in the work instruction, not ticked off on a form of its own."""


def section(title: str, points: list[dict[str, str]], note: str = "") -> Context:
    return {"heading": title, "note": note, "points": points}


def checklists(region: Region) -> list[Checklist]:
    """Every checklist of the region, in a stable order with unique names."""
    from generator.documents.meldcode_checklists import meldcode_checklists  # builds on this

    found = [start_checklist(region)]
    for ladder in region.ladders:
        found.append(ladder_checklist(region, ladder))
        found.extend(meeting_checklist(region, step)
                     for step in ladder.steps if step.meeting_conditions)
    found.extend(form_checklist(region, form) for form in region.forms)
    found.extend(meldcode_checklists(region))
    return _unique([c for c in found if c is not None and worth_a_checklist(c)])


def worth_a_checklist(checklist: Checklist) -> bool:
    boxes = [p for s in checklist.context["sections"] for p in s["points"]
             if p["text"] != OUTCOME]
    return len(boxes) >= MIN_BOXES


def _unique(found: list[Checklist]) -> list[Checklist]:
    names = FileNames()
    return [Checklist(names.claim(item.name), item.title, item.context) for item in found]


def checklist_context(region: Region, title: str, intro: str, sections: list[Context],
                      source: Source | None, diagram: Picture | None = None) -> Context:
    """What the checklist template shows: title block, introduction, an optional diagram, the
    fill-in rows, the sections that have points, and one source line."""
    return clean({  # type: ignore[no-any-return]
        "region": region_summary(region),
        "doc": document_block(region, "Checklist", title),
        "introduction": intro,
        "diagram": diagram,
        "fill_in": FILL_IN,
        "sections": [s for s in sections if s["points"]],
        "source": source_text(region, source),
    })


def start_checklist(region: Region) -> Checklist | None:
    if not (region.functions or region.assignments or region.meetings):
        return None
    need = [point(f"{capitalize(function.name)} is aan de orde", function.when)
            for function in region.functions if function.when]
    sections = [section("Is coördinatie van zorg nodig?", need)]
    sections.extend(assignment_section(region, assignment) for assignment in region.assignments)
    assigned = dict.fromkeys(assignment.role for assignment in region.assignments)
    sections.extend(tasks_section(role) for role in assigned)
    meetings = [point(f"{capitalize(meeting.name)} is gepland ({cadence(meeting.frequency)})",
                      f"Voorzitter: {meeting.chair.name}")
                for meeting in region.meetings]
    sections.append(section("Overleg", meetings))
    return Checklist("start-coordinatie", "Starten met coördinatie van zorg", checklist_context(
        region, "Starten met coördinatie van zorg",
        "Loop deze punten na wanneer de coördinatie van zorg voor een gezin of huishouden "
        "begint. Zet een vinkje als het punt geregeld en vastgelegd is.", sections,
        None))


def assignment_section(region: Region, assignment: Assignment) -> Context:
    role_name = assignment.role.name
    points = [point(f"Vastgesteld dat de afspraak geldt: {c}")
              for c in condition_texts(assignment.conditions)]
    points.append(point(f"{capitalize(role_name)} aangewezen",
                        "Standaard: " + candidates_text(assignment.candidates)))
    points.extend(point(f"Keuze gebaseerd op: {c}") for c in assignment.selection_criteria)
    if assignment.unless_agreed_otherwise:
        points.append(point("Als van de standaard is afgeweken: de afwijking is expliciet "
                            "afgesproken en vastgelegd",
                            candidates_text(assignment.alternatives)))
    if assignment.decided_by is not None:
        points.append(point(f"Besluit genomen door de {assignment.decided_by.name}"))
    points.extend(point(f"Besluit: {condition.text}") for condition in
                  assignment.decision_conditions)
    if assignment.moment:
        points.append(point("Toewijzing op het afgesproken moment", assignment.moment))
    return section(assignment_heading(region, assignment) + "?", points)


def tasks_section(role: Role) -> Context:
    return section(f"Taken van de {role.name} afgesproken",
                   [point(capitalize(task)) for task in role.tasks],
                   "Bespreek met de aangewezen professional en het gezin wat deze taken inhouden.")


def start_points(step: Step) -> list[dict[str, str]]:
    """Who started the step: each initiator separately where each must act himself."""
    if step.all_initiators and len(step.initiators) > 1:
        return [point(f"{capitalize(role.name)} heeft de stap zelf gezet")
                for role in step.initiators]
    return [point(f"Gestart door {starters(step)[:1].lower()}{starters(step)[1:]}",
                  "Alleen zij mogen deze stap starten.")]


def step_points(region: Region, step: Step) -> list[dict[str, str]]:
    points = start_points(step)
    if step.form is not None:
        points.append(point(f"{capitalize(step.form.name)} volledig ingevuld",
                            _form_note(region)))
    if step.participants:
        points.append(point(f"Deelnemers betrokken: {names_text(step.participants)}"))
    if step.reply_term_days:
        points.append(point("Uiterste reactiedatum berekend en genoteerd",
                            f"Reactietermijn: {reply_term(step.reply_term_days)}"))
    points.extend(point(condition.text) for condition in step.meeting_conditions)
    points.append(point(OUTCOME, next_steps(step)))
    return points


def _form_note(region: Region) -> str:
    appendix = forms_appendix(region)
    return f"Het formulier staat in {appendix} van de werkinstructie." if appendix else ""


def step_note(step: Step) -> str:
    """When a step's boxes apply at all: only when it was chosen, or only for some cases."""
    notes = [condition.text for condition in step.conditions]
    if step.together_with is not None:
        notes.insert(0, together_text(step) + ".")
    if step.ladder.optional(step):
        notes.insert(0, f"Deze stap is niet altijd aan de orde: {choice_text(step)}")
    return " ".join(notes)


def choice_text(step: Step) -> str:
    """`na stap 2 kiest de gemeentelijke (lokale) toegang tussen stap 3 en stap 4.`"""
    forks = [fork for fork in step.ladder.preceding(step) if len(fork.following) > 1]
    parts = []
    for fork in forks:
        options = join_and([f"stap {s.number}" for s in fork.following])
        who = f"kiest de {fork.chooser.name}" if fork.chooser else "wordt gekozen"
        parts.append(f"na stap {fork.number} {who} tussen {options}")
    return (join_or(parts) or "een route kan deze stap overslaan") + "."


def ladder_checklist(region: Region, ladder: Ladder) -> Checklist:
    sections = [section(step_heading(step), step_points(region, step), step_note(step))
                for step in ladder.steps]
    title = capitalize(ladder.name)
    return Checklist(ladder.id, title, checklist_context(
        region, title, "Houd per stap bij wat er gedaan is. Een stap start alleen wie dat mag; "
        "sla geen stap over zonder dat de afspraken dat toestaan.", sections, ladder.source,
        ladder_picture(ladder)))


def route_points(step: Step) -> tuple[list[dict[str, str]], str]:
    """What every route into `step` has passed (a box each), and a note on the steps only
    some routes pass: derived from the ladder's allowed jumps (dominators), not its numbers."""
    ladder = step.ladder
    passed = ladder.dominators.get(step.number, frozenset()) - {step.number}
    boxes = [point(f"Stap {s.number} ({s.name}) heeft geen resultaat opgeleverd")
             for s in ladder.steps if s.number in passed]
    optional = [s for s in ladder.preceding(step) if s.number not in passed]
    notes = [f"Stap {s.number} ({s.name}) is niet altijd gezet: {choice_text(s)} Is stap "
             f"{s.number} gezet, dan heeft ook die geen resultaat opgeleverd." for s in optional]
    return boxes, " ".join(notes)


def meeting_checklist(region: Region, step: Step) -> Checklist:
    ladder = step.ladder
    preparation, route_note = route_points(step)
    preparation.append(point(f"Belegd door {starters(step).lower()}"))
    if step.form is not None:
        preparation.append(point(f"{capitalize(step.form.name)} volledig ingevuld "
                                 "en vooraf gedeeld"))
    if step.participants:
        preparation.append(point(f"Uitgenodigd: {names_text(step.participants)}"))
    conditions = [point(condition.text) for condition in step.meeting_conditions]
    closing = []
    if step.closes_only_with_solution:
        closing.append(point("Er is een passende oplossing gevonden voordat de bespreking "
                             "wordt afgesloten"))
    closing.append(point(OUTCOME, "Afspraken en uitkomst"))
    title = f"Voor de {step.name.lower()}"
    return Checklist(f"voor-{slug(step.name)}", title, checklist_context(
        region, capitalize(title), f"Controleer deze punten vóór en tijdens stap {step.number} "
        f"van de {ladder.name.lower()}.",
        [section("Voorbereiding", preparation, route_note),
         section("Randvoorwaarden", conditions), section("Afronding", closing)], step.source))


def form_checklist(region: Region, form: Form) -> Checklist:
    sections = [section(s.title, [point(field_text(f), f.note) for f in s.fields])
                for s in form.sections]
    title = f"{capitalize(form.name)} compleet"
    return Checklist(f"{form.id}-compleet", title, checklist_context(
        region, title, "Controleer of elk verplicht onderdeel is ingevuld voordat het formulier "
        "wordt verstuurd of besproken.", sections, form.source))
