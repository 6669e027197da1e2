"""reactietermijn: replies within the step's term in working days (region calendar).

The deadline is `reactietermijn_werkdagen` working days after the step started; a late reply,
an organisation asked that has not replied, or no reply at all once the deadline has passed
(at the case's peildatum) is reported with the deadline's date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.checks.base import CaseContext, Escalation, Violation, parse_date, source_of

KIND = "reactietermijn"


def deadline(case: CaseContext, event: Escalation) -> date | None:
    """The reply deadline of an escalation step, or None if its step has no term."""
    term = (event.step or {}).get("reactietermijn_werkdagen")
    return case.region.calendar.add(event.started, int(term)) if term else None


def check(case: CaseContext) -> Iterator[Violation]:
    for event in case.escalations():
        due = deadline(case, event)
        if due is not None:
            yield from _late_replies(case, event, due)
            yield from _missing_replies(case, event, due)


def _term(event: Escalation, due: date) -> str:
    assert event.step is not None
    return (f"termijn {event.step['reactietermijn_werkdagen']} werkdagen na "
            f"{event.started.isoformat()}: uiterlijk {due.isoformat()}")


def _late_replies(case: CaseContext, event: Escalation, due: date) -> Iterator[Violation]:
    for index, reply in enumerate(event.data.get("antwoorden") or ()):
        replied = parse_date(reply["datum"])
        if replied and replied > due:
            who = case.actor_organisation(reply.get("van")) or case.actor_role(reply.get("van"))
            name = (case.region.organisation_name(who) if who in case.region.organisations
                    else case.region.role_name(who))
            yield Violation(event.path + ("antwoorden", index, "datum"),
                            f"reactie van {name} op {replied.isoformat()} is te laat "
                            f"({_term(event, due)})", source_of(event.step))


def _missing_replies(case: CaseContext, event: Escalation, due: date) -> Iterator[Violation]:
    if case.reference_date <= due:
        return
    replies = event.data.get("antwoorden") or []
    answered = {case.actor_organisation(reply.get("van")) for reply in replies}
    asked = event.data.get("aangeschreven") or []
    for index, organisation in enumerate(asked):
        if organisation not in answered:
            yield Violation(event.path + ("aangeschreven", index),
                            f"geen reactie van {case.region.organisation_name(organisation)} "
                            f"({_term(event, due)})", source_of(event.step))
    if not asked and not replies:
        yield Violation(event.path + ("stap",), f"geen reactie ontvangen ({_term(event, due)})",
                        source_of(event.step))
