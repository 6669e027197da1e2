"""reactietermijn: replies within the step's term in working days (region calendar).

The deadline is `reactietermijn_werkdagen` working days after the step started; a late reply,
an organisation asked that has not replied, or no reply at all once the deadline has passed
(at the case's peildatum) is reported with the deadline's date and the holidays the term
skipped (5 May counts every year in the Netherlands, which surprises people outside lustrum
years).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.checks.base import Violation, organisation_name, role_name, should, working_term
from generator.model.case import Case, Escalation, Reply
from generator.workdays import calendar_for

KIND = "reactietermijn"


def deadline(case: Case, event: Escalation) -> date | None:
    """The reply deadline of an escalation step, or None if its step has no term."""
    term = event.step.reply_term_days if event.step is not None else None
    return calendar_for(case.region).add(event.date, term) if term else None


def check(case: Case) -> Iterator[Violation]:
    for event in case.escalations_in_order:
        due = deadline(case, event)
        if due is not None:
            yield from _late_replies(case, event, due)
            yield from _missing_replies(case, event, due)


def _term(case: Case, event: Escalation, due: date) -> str:
    assert event.step is not None and event.step.reply_term_days is not None
    return working_term(case.region, event.date, event.step.reply_term_days, due)


def _late_replies(case: Case, event: Escalation, due: date) -> Iterator[Violation]:
    assert event.step is not None
    calendar = calendar_for(case.region)
    for reply in event.replies:
        if reply.date > due:
            late = calendar.count_between(due, reply.date)
            yield Violation(reply.at("date"), should(
                f"reactie van {_sender_name(reply)} op {reply.date.isoformat()}",
                f"uiterlijk {due.isoformat()} te zijn", f"{late} "
                f"{'werkdag' if late == 1 else 'werkdagen'} te laat",
                _term(case, event, due)), event.step.source)


def _sender_name(reply: Reply) -> str:
    """The organisation that replied, else the role; as the agreement names them."""
    sender = reply.sender
    organisation = sender.acting_organisation if sender is not None else None
    if organisation is not None:
        return organisation_name(organisation)
    return role_name(sender.acting_role if sender is not None else None)


def _missing_replies(case: Case, event: Escalation, due: date) -> Iterator[Violation]:
    assert event.step is not None
    if case.reference_date <= due:
        return
    now = f"geen reactie op de peildatum {case.reference_date.isoformat()}"
    answered = {reply.sender.acting_organisation for reply in event.replies if reply.sender}
    for position, organisation in enumerate(event.addressed):
        if organisation not in answered:
            yield Violation(event.at_item("addressed", position), should(
                f"een reactie van {organisation_name(organisation)}",
                f"uiterlijk {due.isoformat()} te komen", now, _term(case, event, due)),
                event.step.source)
    if not event.addressed and event.resolves("addressed") and not event.replies:
        yield Violation(event.at("number"), should(
            "reacties", f"uiterlijk {due.isoformat()} te komen", now, _term(case, event, due)),
            event.step.source)
