"""Checklists to tick off, derived from a region's agreements.

Which checklists a region gets follows from what it agreed: starting care coordination (when it
has functions, assignments or meetings), one per escalation ladder, one before each step that
has meeting conditions (the fysieke zorgtafel), and one per form ("casusbeschrijving compleet").
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.documents.context import (
    FILL_IN,
    Context,
    cadence,
    candidates_text,
    clean,
    condition_texts,
    conditions_brief,
    document_block,
    field_text,
    form_file,
    names_text,
    next_steps,
    region_summary,
    reply_term,
    slug,
    source_text,
    starters,
    step_heading,
)
from generator.documents.diagrams import ladder_picture
from generator.documents.figures import Picture
from generator.documents.words import capitalize
from generator.model.region import Assignment, Form, Ladder, Region, Role, Source, Step


@dataclass(frozen=True)
class Checklist:
    """One checklist document: its file-name part and its template context."""

    name: str
    title: str
    context: Context


def point(text: str, note: str = "") -> dict[str, str]:
    return {"text": text, "note": note}


def section(title: str, points: list[dict[str, str]], note: str = "") -> Context:
    return {"heading": title, "note": note, "points": points}


def checklists(region: Region) -> list[Checklist]:
    """Every checklist of the region, in a stable order with unique names."""
    found = [start_checklist(region)]
    for ladder in region.ladders:
        found.append(ladder_checklist(region, ladder))
        found.extend(meeting_checklist(region, step)
                     for step in ladder.steps if step.meeting_conditions)
    found.extend(form_checklist(region, form) for form in region.forms)
    return _unique([c for c in found if c is not None])


def _unique(found: list[Checklist]) -> list[Checklist]:
    seen: dict[str, int] = {}
    result = []
    for item in found:
        count = seen.get(item.name, 0)
        seen[item.name] = count + 1
        name = item.name if not count else f"{item.name}-{count + 1}"
        result.append(Checklist(name, item.title, item.context))
    return result


def _context(region: Region, title: str, intro: str, sections: list[Context],
             source: Source | None, diagram: Picture | None = None) -> Context:
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
    sections.extend(assignment_section(assignment) for assignment in region.assignments)
    assigned = dict.fromkeys(assignment.role for assignment in region.assignments)
    sections.extend(tasks_section(role) for role in assigned)
    meetings = [point(f"{capitalize(meeting.name)} is gepland ({cadence(meeting.frequency)})",
                      f"Voorzitter: {meeting.chair.name}")
                for meeting in region.meetings]
    sections.append(section("Overleg", meetings))
    return Checklist("start-coordinatie", "Starten met coördinatie van zorg", _context(
        region, "Starten met coördinatie van zorg",
        "Loop deze punten na wanneer de coördinatie van zorg voor een gezin of huishouden "
        "begint. Zet een vinkje als het punt geregeld en vastgelegd is.", sections,
        None))


def assignment_section(assignment: Assignment) -> Context:
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
    if assignment.moment:
        points.append(point("Toewijzing op het afgesproken moment", assignment.moment))
    conditions = conditions_brief(assignment.conditions)
    title = f"Wie wordt {role_name}?" + (f" ({conditions.lower()})" if conditions else "")
    return section(title, points)


def tasks_section(role: Role) -> Context:
    return section(f"Taken van de {role.name} afgesproken",
                   [point(capitalize(task)) for task in role.tasks],
                   "Bespreek met de aangewezen professional en het gezin wat deze taken inhouden.")


def step_points(step: Step) -> list[dict[str, str]]:
    points = [point("Gestart door iemand die dat mag", f"Mag starten: {starters(step)}")]
    if step.form is not None:
        points.append(point(f"{capitalize(step.form.name)} volledig ingevuld",
                            f"Formulier: {form_file(step.form)}"))
    if step.participants:
        points.append(point(f"Deelnemers betrokken: {names_text(step.participants)}"))
    if step.reply_term_days:
        points.append(point("Uiterste reactiedatum berekend en genoteerd",
                            f"Reactietermijn: {reply_term(step.reply_term_days)}"))
    points.extend(point(condition.text) for condition in step.meeting_conditions)
    points.append(point("Uitkomst vastgelegd", next_steps(step)))
    return points


def ladder_checklist(region: Region, ladder: Ladder) -> Checklist:
    sections = [section(step_heading(step), step_points(step)) for step in ladder.steps]
    title = capitalize(ladder.name)
    return Checklist(ladder.id, title, _context(
        region, title, "Houd per stap bij wat er gedaan is. Een stap start alleen wie dat mag; "
        "sla geen stap over zonder dat de afspraken dat toestaan.", sections, ladder.source,
        ladder_picture(ladder)))


def meeting_checklist(region: Region, step: Step) -> Checklist:
    ladder = step.ladder
    earlier = [s for s in ladder.steps
               if s.follow_up is not None and step.number in s.follow_up.step_numbers]
    preparation = [point(f"Stap {s.number} ({s.name}) heeft geen resultaat opgeleverd")
                   for s in earlier]
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
    closing.append(point("Afspraken en uitkomst vastgelegd"))
    title = f"Voor de {step.name.lower()}"
    return Checklist(f"voor-{slug(step.name)}", title, _context(
        region, capitalize(title), f"Controleer deze punten vóór en tijdens stap {step.number} "
        f"van de {ladder.name.lower()}.",
        [section("Voorbereiding", preparation), section("Randvoorwaarden", conditions),
         section("Afronding", closing)], step.source))


def form_checklist(region: Region, form: Form) -> Checklist:
    sections = [section(s.title, [point(field_text(f), f.note) for f in s.fields])
                for s in form.sections]
    title = f"{capitalize(form.name)} compleet"
    return Checklist(f"{form.id}-compleet", title, _context(
        region, title, "Controleer of elk verplicht onderdeel is ingevuld voordat het formulier "
        "wordt verstuurd of besproken.", sections, form.source))
