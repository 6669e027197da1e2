"""What every case check shares: the Violation it yields and how it names the region's objects.

A check reads one case's model (`generator.model.case.Case`, which knows its region) and takes its
parameters from the region (terms, initiators, forms, cadences), never from code. Messages name
only ids, dates, step numbers and names from the REGION, never free text or anything else written
in the case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from generator.loader import JsonPath
from generator.model.case import Actor, Case
from generator.model.region import Condition, Organisation, Region, Role, Source, Step
from generator.workdays import calendar_for


@dataclass(frozen=True)
class Violation:
    """One breach of a rule at `path` in the case; the runner stamps rule id and severity.

    `source` is the `bron` of the region element the check read, when it has one; otherwise the
    runner names the rule's own source.
    """

    path: JsonPath
    message: str
    source: Source | None = None


def role_name(role: Role | None) -> str:
    return role.name if role is not None else "een onbekende rol"


def role_names(roles: Iterable[Role | None]) -> str:
    return ", ".join(role_name(role) for role in roles)


def organisation_name(organisation: Organisation | None) -> str:
    return organisation.name if organisation is not None else "een onbekende organisatie"


def texts(values: Iterable[object]) -> str:
    return ", ".join(str(value) for value in values)


# --- wording a case worker reads: "hoort X te zijn (kader: ...); nu: Y" (issue 8) ----------------

def should(subject: str, expected: str, now: str, context: str = "") -> str:
    """`<subject> hoort <expected> (<context>); nu: <now>`: what the agreement asks, then what
    the case shows."""
    return f"{subject} hoort {expected}" + (f" ({context})" if context else "") + f"; nu: {now}"


def phrase(text: str) -> str:
    """A region text as part of a sentence: `Vrijwillig kader.` -> `vrijwillig kader`."""
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def situation(case: Case) -> str:
    """The case's own situation as the conditions name it: `gedwongen kader, volwassenen`."""
    parts = [f"{case.framework} kader" if case.framework else "", case.target_group or ""]
    return ", ".join(part for part in parts if part)


def conditions_text(conditions: Iterable[Condition]) -> str:
    return "; ".join(phrase(condition.text) for condition in conditions)


def step_text(step: Step) -> str:
    """`stap 2 (Digitale zorgtafel)`."""
    return f"stap {step.number} ({step.name})"


def actor_text(actor: Actor | None) -> str:
    """Who an actor is, by the region's names (never an id or text from the case): its role,
    its organisation, or the kind of party it is."""
    if actor is None:
        return "niemand vastgelegd"
    role, organisation = actor.acting_role, actor.acting_organisation
    if role is not None or organisation is not None:
        return ", ".join(part.name for part in (role, organisation) if part is not None)
    return actor.member.describe() if actor.member is not None else "een onbekende rol"


def working_term(region: Region, start: date, days: int, due: date, *, since: bool = True) -> str:
    """`4 werkdagen na 2026-05-04; niet meegeteld: Bevrijdingsdag 5 mei, ...`: a term in working
    days, naming the holidays it skipped (weekends go without saying)."""
    text = f"{days} {'werkdag' if days == 1 else 'werkdagen'}"
    if since:
        text += f" na {start.isoformat()}"
    skipped = calendar_for(region).holidays_between(start, due)
    if skipped:
        text += "; niet meegeteld: " + "; ".join(day.describe() for day in skipped)
    return text
