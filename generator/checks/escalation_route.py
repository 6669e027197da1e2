"""escalatie-route: a stuck case is escalated the agreed way.

* a `knelpunt` on a route that is not solved gets an escalation on that route;
* a step that ended without result gets a next step when one applies to the case (for youth in
  ZOU: the regional doorbraakteam);
* a step with `alle_initiatiefnemers` is taken by every initiator (both the regisseur and the
  therapist escalate to their own manager).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, role_names, texts
from generator.model.case import Case, Escalation, Outcome
from generator.model.region import Ladder, Role

KIND = "escalatie-route"


def check(case: Case) -> Iterator[Violation]:
    yield from _unescalated(case)
    for ladder in case.region.ladders:
        yield from _stopped(case, ladder)
        yield from _not_all_initiators(case, ladder)


def _unescalated(case: Case) -> Iterator[Violation]:
    for stuck in case.bottlenecks:
        ladder = stuck.ladder
        if ladder is None or stuck.solved:
            continue
        if not any(event.date >= stuck.date for event in case.escalations_on(ladder)):
            yield Violation(stuck.path,
                            f"knelpunt van {stuck.date.isoformat()} is niet opgeschaald via "
                            f"'{ladder.name}'", ladder.source)


def _stopped(case: Case, ladder: Ladder) -> Iterator[Violation]:
    events = case.escalations_on(ladder)
    for position, event in enumerate(events):
        if event.step is None or event.outcome != Outcome.NO_RESULT:
            continue
        following = case.next_steps(event.step)
        # Which step came next is ladder-volgorde's concern; here only that one came.
        if following and position == len(events) - 1:
            yield Violation(event.at("outcome"),
                            f"stap {event.number} van '{ladder.id}' bleef zonder resultaat; "
                            f"daarna hoort stap {texts(step.number for step in following)}",
                            event.step.source)


def _not_all_initiators(case: Case, ladder: Ladder) -> Iterator[Violation]:
    firsts: dict[int, tuple[Escalation, set[Role]]] = {}
    for event in case.escalations_on(ladder):
        if event.step is not None and event.step.all_initiators:
            _, roles = firsts.setdefault(event.number, (event, set()))
            roles |= case.actor_roles(event.started_by, event.date)
    for first, roles in firsts.values():
        assert first.step is not None
        missing = [role for role in first.step.initiators if role not in roles]
        if missing:
            yield Violation(first.at("started_by"),
                            f"stap {first.number} van '{ladder.id}' zetten alle "
                            f"initiatiefnemers zelf; niet opgeschaald door: {role_names(missing)}",
                            first.step.source)
