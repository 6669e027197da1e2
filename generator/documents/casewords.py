"""Wording shared by the documents of one case: who acted, which step, the case's own date.

Only names from the region (roles, organisations, ladders, steps), step numbers and dates: never
anything written in the case itself.
"""

from __future__ import annotations

from datetime import date

from generator.documents.context import Context, document_block, name
from generator.documents.words import capitalize, dutch_date
from generator.model.case import Actor, Case, Escalation

OUTCOMES = {"lopend": "loopt nog", "oplossing": "oplossing gevonden",
            "geen-resultaat": "geen resultaat"}
"""An escalation's `uitkomst` as a reader reads it."""


def person(actor: Actor | None) -> str:
    """`Gecertificeerde instelling (GI), Jeugdbescherming Gelderland` for an actor of the case."""
    if actor is None:
        return ""
    parts = [name(actor.acting_role), name(actor.acting_organisation)]
    return capitalize(", ".join(p for p in parts if p))


def step_label(escalation: Escalation) -> str:
    """`stap 2 (Digitale zorgtafel) van de escalatieladder complexe casuïstiek, 7 maart 2024`."""
    step = escalation.step
    named = f" ({step.name})" if step else ""
    ladder = f" van de {escalation.ladder.name.lower()}" if escalation.ladder else ""
    return f"stap {escalation.number}{named}{ladder}, {dutch_date(escalation.date)}"


def case_block(case: Case, kind: str, title: str, day: date) -> Context:
    """Title-page data of a case document: the footer carries the document's own date."""
    block = document_block(case.region, kind, title)
    block["footer"] = " · ".join([kind, case.region.name, dutch_date(day)])
    return block
