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
    Data,
    RegionView,
    cadence,
    clean,
    document_block,
    field_text,
    next_steps,
    region_summary,
    reply_term,
    slug,
    starters,
)
from generator.documents.words import capitalize, join_or


@dataclass(frozen=True)
class Checklist:
    """One checklist document: its file-name part and its template context."""

    name: str
    title: str
    context: Context


def point(text: str, note: str = "") -> dict[str, str]:
    return {"tekst": text, "toelichting": note}


def section(title: str, points: list[dict[str, str]], note: str = "") -> Context:
    return {"kop": title, "toelichting": note, "punten": points}


def checklists(data: Data) -> list[Checklist]:
    """Every checklist of the region, in a stable order with unique names."""
    view = RegionView(data)
    found = [start_checklist(view)]
    for ladder_data in data.get("ladders", []):
        found.append(ladder_checklist(view, ladder_data))
        found.extend(meeting_checklist(view, ladder_data, step)
                     for step in ladder_data["stappen"] if step.get("overlegvoorwaarden"))
    found.extend(form_checklist(view, form) for form in data.get("formulieren", []))
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


def _context(view: RegionView, title: str, intro: str, sections: list[Context],
             bron: Data | None) -> Context:
    return clean({  # type: ignore[no-any-return]
        "regio": region_summary(view),
        "doc": document_block(view, "Checklist", title),
        "inleiding": intro,
        "invulvelden": FILL_IN,
        "secties": [s for s in sections if s["punten"]],
        "bron": view.source(bron),
    })


def start_checklist(view: RegionView) -> Checklist | None:
    data = view.data
    if not (data.get("functies") or data.get("toewijzingen") or data.get("overleggen")):
        return None
    need = [point(f"{capitalize(str(f['naam']))} is aan de orde", str(f["wanneer"]))
            for f in data.get("functies", []) if f.get("wanneer")]
    sections = [section("Is coördinatie van zorg nodig?", need)]
    for assignment in data.get("toewijzingen", []):
        sections.append(assignment_section(view, assignment))
    assigned = dict.fromkeys(str(a["rol"]) for a in data.get("toewijzingen", []))
    sections.extend(tasks_section(view, role_id) for role_id in assigned)
    meetings = [point(f"{capitalize(str(o['naam']))} is gepland ({cadence(view, o['frequentie'])})",
                      f"Voorzitter: {view.role(o['voorzitter'])}")
                for o in data.get("overleggen", [])]
    sections.append(section("Overleg", meetings))
    return Checklist("start-coordinatie", "Starten met coördinatie van zorg", _context(
        view, "Starten met coördinatie van zorg",
        "Loop deze punten na wanneer de coördinatie van zorg voor een gezin of huishouden "
        "begint. Zet een vinkje als het punt geregeld en vastgelegd is.", sections,
        None))


def assignment_section(view: RegionView, assignment: Data) -> Context:
    role_name = view.role(assignment["rol"])
    points = [point(f"Vastgesteld dat de afspraak geldt: {c}")
              for c in view.conditions(assignment.get("voorwaarden"))]
    points.append(point(f"{capitalize(role_name)} aangewezen",
                        "Standaard: " + join_or([view.candidate(k)
                                                 for k in assignment["kandidaten"]])))
    points.extend(point(f"Keuze gebaseerd op: {c}") for c in assignment.get("keuzecriteria", []))
    if assignment.get("tenzij_anders_afgesproken"):
        points.append(point("Als van de standaard is afgeweken: de afwijking is expliciet "
                            "afgesproken en vastgelegd",
                            join_or([view.candidate(k)
                                     for k in assignment.get("alternatieven", [])])))
    if assignment.get("besluit_door"):
        points.append(point(f"Besluit genomen door de {view.role(assignment['besluit_door'])}"))
    if assignment.get("moment"):
        points.append(point("Toewijzing op het afgesproken moment", str(assignment["moment"])))
    conditions = "; ".join(c.rstrip(".") for c in view.conditions(assignment.get("voorwaarden")))
    title = f"Wie wordt {role_name}?" + (f" ({conditions.lower()})" if conditions else "")
    return section(title, points)


def tasks_section(view: RegionView, role_id: str) -> Context:
    tasks = view.roles.get(role_id, {}).get("taken", [])
    return section(f"Taken van de {view.role(role_id)} afgesproken",
                   [point(capitalize(str(t))) for t in tasks],
                   "Bespreek met de aangewezen professional en het gezin wat deze taken inhouden.")


def step_points(view: RegionView, step: Data) -> list[dict[str, str]]:
    points = [point("Gestart door iemand die dat mag", f"Mag starten: {starters(view, step)}")]
    if step.get("formulier"):
        points.append(point(f"{capitalize(view.form(step['formulier']))} volledig ingevuld",
                            f"Formulier: formulier-{step['formulier']}.docx"))
    if step.get("deelnemers"):
        points.append(point(f"Deelnemers betrokken: {view.roles_text(step['deelnemers'])}"))
    if step.get("reactietermijn_werkdagen"):
        points.append(point("Uiterste reactiedatum berekend en genoteerd",
                            f"Reactietermijn: {reply_term(step['reactietermijn_werkdagen'])}"))
    points.extend(point(str(c["tekst"])) for c in step.get("overlegvoorwaarden", []))
    points.append(point("Uitkomst vastgelegd", next_steps(view, step)))
    return points


def ladder_checklist(view: RegionView, ladder_data: Data) -> Checklist:
    sections = [section(f"Stap {s['nummer']}. {capitalize(str(s['naam']))}", step_points(view, s))
                for s in ladder_data["stappen"]]
    title = capitalize(str(ladder_data["naam"]))
    return Checklist(str(ladder_data["id"]), title, _context(
        view, title, "Houd per stap bij wat er gedaan is. Een stap start alleen wie dat mag; "
        "sla geen stap over zonder dat de afspraken dat toestaan.", sections,
        ladder_data.get("bron")))


def meeting_checklist(view: RegionView, ladder_data: Data, step: Data) -> Checklist:
    earlier = [s for s in ladder_data["stappen"]
               if step["nummer"] in s.get("vervolg", {}).get("stappen", [])]
    preparation = [point(f"Stap {s['nummer']} ({s['naam']}) heeft geen resultaat opgeleverd")
                   for s in earlier]
    preparation.append(point(f"Belegd door {starters(view, step).lower()}"))
    if step.get("formulier"):
        preparation.append(point(f"{capitalize(view.form(step['formulier']))} volledig ingevuld "
                                 "en vooraf gedeeld"))
    if step.get("deelnemers"):
        preparation.append(point(f"Uitgenodigd: {view.roles_text(step['deelnemers'])}"))
    conditions = [point(str(c["tekst"])) for c in step["overlegvoorwaarden"]]
    closing = []
    if step.get("afsluiten_alleen_met_oplossing"):
        closing.append(point("Er is een passende oplossing gevonden voordat de bespreking "
                             "wordt afgesloten"))
    closing.append(point("Afspraken en uitkomst vastgelegd"))
    title = f"Voor de {str(step['naam']).lower()}"
    return Checklist(f"voor-{slug(str(step['naam']))}", title, _context(
        view, capitalize(title), f"Controleer deze punten vóór en tijdens stap {step['nummer']} "
        f"van de {str(ladder_data['naam']).lower()}.",
        [section("Voorbereiding", preparation), section("Randvoorwaarden", conditions),
         section("Afronding", closing)], step.get("bron")))


def form_checklist(view: RegionView, form: Data) -> Checklist:
    sections = [section(str(s["titel"]), [
        point(field_text(v), str(v.get("toelichting", ""))) for v in s["velden"]])
        for s in form["secties"]]
    title = f"{capitalize(str(form['naam']))} compleet"
    return Checklist(f"{form['id']}-compleet", title, _context(
        view, title, "Controleer of elk verplicht onderdeel is ingevuld voordat het formulier "
        "wordt verstuurd of besproken.", sections, form.get("bron")))
