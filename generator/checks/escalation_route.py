"""escalatie-route: a stuck case is escalated the agreed way, within the region's term.

* a `knelpunt` on a route that is not solved gets an escalation on that route;
* a step that ended without result gets a next step when one applies to the case;
* a step taken together with another (`tegelijk_met`) is started alongside it, not after it
  ended without result, where it applies to the case (ZOU: for youth the regional doorbraakteam,
  called in while the case is escalated);
* a step with `alle_initiatiefnemers` is taken by every initiator (both the regisseur and the
  therapist escalate to their own manager).

Each is due within the region's `opschaaltermijn` (working days after the bottleneck, the step
without result, the step a companion goes with, or the first initiator's escalation) and reported
only once that has passed: never on the very day a step ends without result.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.checks.base import Violation, role_names, should, step_text, working_term
from generator.model.case import Case, Escalation, Outcome
from generator.model.region import ESCALATION_TERM_DEFAULT, Ladder, Role, Source, Step
from generator.workdays import calendar_for

KIND = "escalatie-route"


def check(case: Case) -> Iterator[Violation]:
    yield from _unescalated(case)
    for ladder in case.region.ladders:
        yield from _stopped(case, ladder)
        yield from _alongside(case, ladder)
        yield from _not_all_initiators(case, ladder)


def _term(case: Case) -> int:
    term = case.region.escalation_term
    return term.days if term is not None else ESCALATION_TERM_DEFAULT


def _overdue(case: Case, start: date) -> date | None:
    """The due date `start` + the region's term, if the case's peildatum is past it."""
    due = calendar_for(case.region).add(start, _term(case))
    return due if case.reference_date > due else None


def _term_text(case: Case, start: date, due: date) -> str:
    return working_term(case.region, start, _term(case), due, since=False)


def _unescalated(case: Case) -> Iterator[Violation]:
    for stuck in case.bottlenecks:
        ladder = stuck.ladder
        if ladder is None or stuck.solved:
            continue
        if any(event.date >= stuck.date for event in case.escalations_on(ladder)):
            continue
        due = _overdue(case, stuck.date)
        if due is not None:
            yield Violation(stuck.path, should(
                f"een knelpunt van {stuck.date.isoformat()}",
                f"uiterlijk {due.isoformat()} opgeschaald te zijn via '{ladder.name}'",
                "niet opgeschaald", _term_text(case, stuck.date, due)), ladder.source)


def _stopped(case: Case, ladder: Ladder) -> Iterator[Violation]:
    events = case.escalations_on(ladder)
    if not events:
        return
    last = events[-1]  # which step came next is ladder-volgorde's concern; here only that one did
    if last.step is None or last.outcome != Outcome.NO_RESULT:
        return
    following = case.next_steps(last.step)
    ended = last.closed or last.date
    due = _overdue(case, ended) if following else None
    if due is not None:
        yield Violation(last.at("outcome"), should(
            f"na {step_text(last.step)} zonder resultaat op {ended.isoformat()}",
            f"{' of '.join(step_text(step) for step in following)} uiterlijk {due.isoformat()} "
            "te starten", "niet gestart", _term_text(case, ended, due)), last.step.source)


def _alongside(case: Case, ladder: Ladder) -> Iterator[Violation]:
    """Each step's companions that apply: started with it, not only after it ended."""
    events = case.escalations_on(ladder)
    seen: set[int] = set()
    for event in events:
        if event.step is None or event.number in seen:
            continue
        seen.add(event.number)
        for companion in case.companions_due(event.step):
            taken = [e for e in events if e.number == companion.number]
            if taken:
                yield from _after_instead_of_alongside(event, taken[0], companion)
                continue
            due = _overdue(case, event.date)
            if due is not None:
                yield Violation(event.at("number"), should(
                    f"bij {step_text(event.step)}",
                    f"tegelijk {step_text(companion)} gestart te zijn, uiterlijk "
                    f"{due.isoformat()}", "niet gestart", _term_text(case, event.date, due)),
                    companion.source)


def _after_instead_of_alongside(event: Escalation, taken: Escalation,
                                companion: Step) -> Iterator[Violation]:
    """A companion started only after its partner ended: sequential, where the agreement says
    at the same time."""
    assert event.step is not None
    ended = event.closed
    if ended is not None and taken.date > ended:
        yield Violation(taken.at("date"), should(
            step_text(companion), f"tegelijk met {step_text(event.step)} gestart te worden, "
            "niet erna", f"gestart op {taken.date.isoformat()}, nadat {step_text(event.step)} "
            f"op {ended.isoformat()} was afgerond"), companion.source)


def _not_all_initiators(case: Case, ladder: Ladder) -> Iterator[Violation]:
    firsts: dict[int, tuple[Escalation, set[Role]]] = {}
    for event in case.escalations_on(ladder):
        if event.step is not None and event.step.all_initiators:
            _, roles = firsts.setdefault(event.number, (event, set()))
            roles |= case.actor_roles(event.started_by, event.date)
    for first, roles in firsts.values():
        assert first.step is not None
        missing = [role for role in first.step.initiators if role not in roles]
        due = _overdue(case, first.date) if missing else None
        if due is not None:
            yield _not_all(case, first, missing, due, first.step.source)


def _not_all(case: Case, first: Escalation, missing: list[Role], due: date,
             source: Source) -> Violation:
    assert first.step is not None
    return Violation(first.at("started_by"), should(
        f"{step_text(first.step)}", f"uiterlijk {due.isoformat()} door elke initiatiefnemer "
        f"zelf gezet te zijn ({role_names(first.step.initiators)})",
        f"niet door {role_names(missing)}", _term_text(case, first.date, due)), source)
