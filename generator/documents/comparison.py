"""The comparison of regions side by side, aspect by aspect, as seed 000 compares its pilots.

Who holds the regie and chairs the case meeting (and how often it meets), what the case-level
role is called and who may take it, how it is assigned, how escalation goes, and whether the
working method fits the national and provincial frameworks. One row per region in each table,
so the document reads the same for two regions or twenty.
"""

from __future__ import annotations

from generator.documents.context import (
    Context,
    cadence,
    candidates_text,
    clean,
    condition_texts,
    names_text,
)
from generator.documents.words import capitalize, dutch_date, join_and, plural, working_days
from generator.model.region import Assignment, Ladder, Meeting, Region, Role

NONE = "—"


def lines(parts: list[str]) -> str:
    """Several facts in one table cell, one per line."""
    return "\n".join(p for p in parts if p) or NONE


def chair_roles(region: Region) -> list[Role]:
    """Roles that chair a meeting, else roles of the first function: who holds the regie."""
    chairs = {meeting.chair for meeting in region.meetings}
    roles = [role for role in region.roles if role in chairs]
    if not roles and region.functions:
        roles = region.holders_of(region.functions[0])
    if not roles:
        deciders = {step.chooser for ladder in region.ladders for step in ladder.steps}
        roles = [role for role in region.roles if role in deciders]
    return roles


def role_line(role: Role) -> str:
    details = [role.position] if role.position else []
    if role.employer is not None:
        details.append(f"in dienst van {role.employer.name}")
    if role.independent:
        details.append("onafhankelijk")
    if role.supported_by:
        details.append(f"ondersteund door {names_text(role.supported_by)}")
    name = capitalize(role.name)
    return f"{name} ({', '.join(details)})" if details else name


def meeting_line(meeting: Meeting) -> str:
    name = f"{meeting.name} ({meeting.abbreviation})" if meeting.abbreviation else meeting.name
    return (f"{capitalize(name)}: {cadence(meeting.frequency)}, "
            f"voorgezeten door de {meeting.chair.name}")


def regie(region: Region) -> str:
    return lines([role_line(role) for role in chair_roles(region)]
                 + [meeting_line(meeting) for meeting in region.meetings])


def case_roles(region: Region) -> list[Role]:
    assigned = {assignment.role for assignment in region.assignments}
    return [role for role in region.roles if role in assigned]


def case_role(region: Region) -> str:
    parts = []
    for role in case_roles(region):
        organisations = [eligible.organisation.name
                         + (f" (alleen: {'; '.join(condition_texts(eligible.conditions))})"
                            if eligible.conditions else "")
                         for eligible in role.eligible_organisations]
        parts.append(capitalize(role.name)
                     + (f"; kan worden vervuld door {join_and(organisations)}"
                        if organisations else ""))
    return lines(parts)


def assignment_line(item: Assignment) -> str:
    role_name = item.role.name
    who = candidates_text(item.candidates)
    conditions = " ".join(condition_texts(item.conditions))
    text = f"{capitalize(role_name)}: {who}"
    if conditions:
        text = f"{conditions.rstrip('.')}: {role_name} is {who}"
    if item.selection_criteria:
        text += f"; keuze op basis van: {'; '.join(item.selection_criteria)}"
    if item.decided_by is not None:
        text += f"; besluit door de {item.decided_by.name}"
    return text


def assignment(region: Region) -> str:
    return lines([assignment_line(item) for item in region.assignments])


def ladder_line(ladder: Ladder, *, detailed: bool) -> str:
    steps = ladder.steps
    if not detailed:
        return f"{capitalize(ladder.name)} ({plural(len(steps), 'stap', 'stappen')})"
    described = []
    for step in steps:
        term = step.reply_term_days
        starters = names_text(step.initiators, either=True)
        described.append(f"{step.number}. {step.name} (start: {starters}"
                         + (f"; reactie binnen {working_days(term)}" if term
                            else "") + ")")
    return f"{capitalize(ladder.name)}:\n" + "\n".join(described)


def escalation(region: Region, *, detailed: bool) -> str:
    return lines([ladder_line(ladder, detailed=detailed) for ladder in region.ladders])


def frameworks(region: Region) -> str:
    fits = [f"{fit.framework}: {'past' if fit.fits else 'past niet'}"
            for fit in region.framework_fits]
    evaluations = [f"Evaluatie uiterlijk {dutch_date(evaluation.date)}: {evaluation.subject}"
                   for evaluation in region.evaluations]
    return lines(fits + evaluations)


def functions(regions: list[Region]) -> list[Context]:
    """One aspect per function name found in any region: which role performs it where."""
    names: dict[str, str] = {}
    for region in regions:
        for function in region.functions:
            names.setdefault(function.name.lower(), capitalize(function.name))
    aspects = []
    for key, title in names.items():
        rows = []
        for region in regions:
            matching = [f for f in region.functions if f.name.lower() == key]
            holders = [role_line(role) for f in matching for role in region.holders_of(f)]
            rows.append({"name": region.name, "value": lines(holders) if matching
                         else "Deze functie is niet apart beschreven."})
        aspects.append({"heading": f"Functie: {title}", "note": "", "rows": rows})
    return aspects


ASPECTS = [
    ("Regie en casusoverleg", "Wie de regie houdt, hoe het overleg heet, hoe vaak het is en "
                              "wie het voorzit.", regie),
    ("Rol op casusniveau", "Hoe de rol per gezin of huishouden heet en welke organisaties "
                           "die mogen vervullen.", case_role),
    ("Toewijzing: wie wordt regisseur of casemanager", "Wie de rol standaard krijgt, waarop de "
     "keuze berust en wie besluit.", assignment),
    ("Escalatie", "De afgesproken escalatieladders en -routes, stap voor stap.",
     lambda region: escalation(region, detailed=True)),
    ("Kaders en evaluatie", "Past de werkwijze binnen de landelijke en regionale kaders, en "
                            "wanneer wordt ze geëvalueerd?", frameworks),
]


def comparison_context(regions: list[Region]) -> Context:
    """The context of `vergelijking.docx` for the given regions, in the order given."""
    overview = [{"name": r.name, "coordination": regie(r), "case_role": case_role(r),
                 "assignment": assignment(r), "escalation": escalation(r, detailed=False)}
                for r in regions]
    aspects = [{"heading": title, "note": note,
                "rows": [{"name": r.name, "value": describe(r)} for r in regions]}
               for title, note, describe in ASPECTS]
    names = [r.name for r in regions]
    return clean({  # type: ignore[no-any-return]
        "doc": {"kind": "Vergelijking",
                "title": "Coördinatie van zorg: de regio's naast elkaar",
                "subtitle": join_and(names),
                "footer": "Vergelijking van " + plural(len(names), "regio", "regio's")},
        "introduction": "Dit overzicht zet de afspraken van de regio's naast elkaar, functie "
                        "voor functie: wie de zorgregie heeft, hoe het casusoverleg is "
                        "georganiseerd, wie op casusniveau coördineert en hoe die wordt "
                        "aangewezen, en hoe er wordt opgeschaald. Elke regio staat in zijn "
                        "eigen werkinstructie volledig beschreven.",
        "overview": overview,
        "aspects": functions(regions) + aspects,
    })
