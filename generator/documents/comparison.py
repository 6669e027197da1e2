"""The comparison of regions side by side, as seed 000 compares its pilots.

First two matrices that read at a glance: the functions by kind (each region names its own
functions; their kind, from one shared vocabulary, lines them up), and which agreements each
region has (✓ or —). Then one table per aspect, one row per region: who holds the regie and
chairs the case meeting, the case-level role and who may take it, how it is assigned, how
escalation goes, and the frameworks and evaluation. Organisations that may take a role only
under a condition are listed once, with their condition and the regions where it applies, instead
of in every row. The matrices have a column per region, the aspect tables a row per region, so
the document reads the same for two regions or twenty.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.documents.context import (
    Context,
    cadence,
    candidates_text,
    clean,
    condition_texts,
    names_text,
)
from generator.documents.words import capitalize, dutch_date, join_and, plural, working_days
from generator.model.region import (
    Assignment,
    EligibleOrganisation,
    Function,
    FunctionKind,
    Ladder,
    Meeting,
    Region,
    Role,
    Step,
)

NONE = "—"
YES = "✓"


def lines(parts: list[str]) -> str:
    """Several facts in one table cell, one per line."""
    return "\n".join(p for p in parts if p) or NONE


# --- the matrices -----------------------------------------------------------------------------

def matrix(corner: str, regions: list[Region], rows: list[tuple[str, list[str]]]) -> Context:
    """A table with a column per region: `corner` heads the row labels."""
    return {"corner": corner, "columns": [region.name for region in regions],
            "rows": [{"heading": label, "cells": cells} for label, cells in rows]}


def function_cell(region: Region, kind: str) -> str:
    """The region's functions of this kind with who holds them, or — when it has none."""
    found = [function for function in region.functions if function.kind == kind]
    return lines([_function_line(region, function, kind) for function in found])


def _function_line(region: Region, function: Function, kind: str) -> str:
    holders = names_text(region.holders_of(function)) or NONE
    if function.name.lower() == FunctionKind.LABELS[kind].lower():
        return holders
    return f"{capitalize(function.name)}: {holders}"


def functions_by_kind(regions: list[Region]) -> Context:
    used = {function.kind for region in regions for function in region.functions}
    rows = [(FunctionKind.LABELS[kind], [function_cell(region, kind) for region in regions])
            for kind in FunctionKind.ALL if kind in used]
    return matrix("Soort functie", regions, rows)


def _steps(region: Region) -> list[Step]:
    return [step for ladder in region.ladders for step in ladder.steps]


FEATURES: list[tuple[str, Callable[[Region], bool]]] = [
    ("Regisseur werkt onafhankelijk", lambda r: any(role.independent for role in r.roles)),
    ("Casusoverleg of multidisciplinair overleg", lambda r: bool(r.meetings)),
    ("Afspraak wie regisseur of casemanager wordt", lambda r: bool(r.assignments)),
    ("Afwijken van de standaard na expliciete afspraak",
     lambda r: any(a.unless_agreed_otherwise for a in r.assignments)),
    ("Organisaties alleen onder voorwaarden",
     lambda r: bool(conditional_organisations(r))),
    ("Rol die alleen tijdelijk wordt ingezet", lambda r: any(role.temporary for role in r.roles)),
    ("Escalatie in meer dan één stap", lambda r: any(len(ladder.steps) > 1
                                                     for ladder in r.ladders)),
    ("Reactietermijn in werkdagen", lambda r: any(s.reply_term_days for s in _steps(r))),
    ("Vast formulier voor de casusbeschrijving", lambda r: bool(r.forms)),
    ("Randvoorwaarden voor een overleg aan tafel",
     lambda r: any(s.meeting_conditions for s in _steps(r))),
    ("Protocol dat bij signalen verplicht is", lambda r: any(p.required_for
                                                             for p in r.protocols)),
    ("Evaluatiemoment vastgelegd", lambda r: bool(r.evaluations)),
    ("Uitgewerkte voorbeelden", lambda r: bool(r.examples)),
]
"""Agreements a region has or has not, each read from the model (never from a region's name)."""


def features(regions: list[Region]) -> Context:
    rows = [(label, [YES if test(region) else NONE for region in regions])
            for label, test in FEATURES]
    return matrix("Afspraak", regions, rows)


# --- organisations under a condition, once ----------------------------------------------------

def conditional_organisations(region: Region) -> list[tuple[Role, EligibleOrganisation]]:
    return [(role, eligible) for role in region.roles
            for eligible in role.eligible_organisations if eligible.conditions]


def conditions_once(regions: list[Region]) -> list[Context]:
    """Each organisation with its condition and the roles and regions where it applies."""
    found: dict[tuple[str, str], list[str]] = {}
    for region in regions:
        for role, eligible in conditional_organisations(region):
            condition = " ".join(condition_texts(eligible.conditions))
            where = f"{region.name} ({role.name})"
            found.setdefault((eligible.organisation.name, condition), []).append(where)
    return [{"organisation": organisation, "condition": condition, "regions": join_and(where)}
            for (organisation, condition), where in found.items()]


# --- the aspects, one row per region ----------------------------------------------------------

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
    """The case-level roles with who may take them; organisations under a condition by name
    only (their conditions stand once, in their own table)."""
    parts = []
    for role in case_roles(region):
        free = [e.organisation.name for e in role.eligible_organisations if not e.conditions]
        bound = [e.organisation.name for e in role.eligible_organisations if e.conditions]
        text = capitalize(role.name)
        if free:
            text += f"; kan worden vervuld door {join_and(free)}"
        if bound:
            text += f"; onder voorwaarden ook {join_and(bound)}"
        parts.append(text)
    return lines(parts)


def assignment_line(item: Assignment) -> str:
    text = f"{capitalize(item.role.name)}: {candidates_text(item.candidates)}"
    if item.decided_by is not None:
        text += f"; besluit door de {item.decided_by.name}"
    conditions = [f"• {c}" for c in condition_texts(item.conditions)]
    criteria = [f"• {c}" for c in item.selection_criteria]
    return lines([text]
                 + (["Alleen als:", *conditions] if conditions else [])
                 + (["Keuze op basis van:", *criteria] if criteria else []))


def assignment(region: Region) -> str:
    return lines([assignment_line(item) for item in region.assignments])


def ladder_line(ladder: Ladder) -> str:
    described = []
    for step in ladder.steps:
        term = step.reply_term_days
        starters = names_text(step.initiators, either=True)
        described.append(f"{step.number}. {step.name} (start: {starters}"
                         + (f"; reactie binnen {working_days(term)}" if term else "") + ")")
    return f"{capitalize(ladder.name)}:\n" + "\n".join(described)


def escalation(region: Region) -> str:
    return lines([ladder_line(ladder) for ladder in region.ladders])


def frameworks(region: Region) -> str:
    fits = [f"{fit.framework}: {'past' if fit.fits else 'past niet'}"
            for fit in region.framework_fits]
    evaluations = [f"Evaluatie uiterlijk {dutch_date(evaluation.date)}: {evaluation.subject}"
                   for evaluation in region.evaluations]
    return lines(fits + evaluations)


ASPECTS = [
    ("Regie en casusoverleg", "Wie de regie houdt, hoe het overleg heet, hoe vaak het is en "
                              "wie het voorzit.", regie),
    ("Rol op casusniveau", "Hoe de rol per gezin of huishouden heet en welke organisaties "
                           "die mogen vervullen.", case_role),
    ("Toewijzing: wie wordt regisseur of casemanager", "Wie de rol standaard krijgt, wanneer, "
     "waarop de keuze berust en wie besluit.", assignment),
    ("Escalatie", "De afgesproken escalatieladders en -routes, stap voor stap.", escalation),
    ("Kaders en evaluatie", "Past de werkwijze binnen de landelijke en regionale kaders, en "
                            "wanneer wordt ze geëvalueerd?", frameworks),
]


def comparison_context(regions: list[Region]) -> Context:
    """The context of `vergelijking.docx` for the given regions, in the order given."""
    names = [r.name for r in regions]
    return clean({  # type: ignore[no-any-return]
        "doc": {"kind": "Vergelijking",
                "title": "Coördinatie van zorg: de regio's naast elkaar",
                "subtitle": join_and(names),
                "footer": "Vergelijking van " + plural(len(names), "regio", "regio's")},
        "introduction": "Dit overzicht zet de afspraken van de regio's naast elkaar. Elke regio "
                        "geeft haar functies een eigen naam; de soort functie, uit één "
                        "gedeelde woordenlijst, zet ze op één rij. Elke regio staat in haar "
                        "eigen werkinstructie volledig beschreven.",
        "functions": functions_by_kind(regions),
        "features": features(regions),
        "conditional": conditions_once(regions),
        "aspects": [{"heading": title, "note": note,
                     "rows": [{"name": r.name, "value": describe(r)} for r in regions]}
                    for title, note, describe in ASPECTS],
    })
