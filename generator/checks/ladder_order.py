"""ladder-volgorde: escalation steps in order, only the jumps the ladder allows.

A ladder starts at its first step that applies to the case; after a step only a step from its
`vervolg.stappen` may follow (steps whose conditions do not hold are passed through), the same
step again (another initiator), or the first step (a new round). Where the ladder leaves a choice,
the role in `vervolg.besluit_door` makes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, role_name, texts
from generator.model.case import Case, Escalation
from generator.model.region import Ladder, Step

KIND = "ladder-volgorde"


def check(case: Case) -> Iterator[Violation]:
    for ladder in case.region.ladders:
        yield from _check_ladder(case, ladder)


def _check_ladder(case: Case, ladder: Ladder) -> Iterator[Violation]:
    first = case.first_step(ladder)
    previous: Escalation | None = None
    for event in case.escalations_on(ladder):
        step = event.step
        if step is None:
            continue
        if not case.holds(step.conditions):
            failed = case.failed_conditions(step.conditions)
            yield Violation(event.at("number"),
                            f"stap {event.number} van '{ladder.id}' geldt niet voor deze casus "
                            f"({texts(c.text for c in failed)})", step.source)
        elif previous is None:
            if first is not None and event.number != first.number:
                yield Violation(event.at("number"),
                                f"ladder '{ladder.id}' begint bij stap {first.number}, "
                                f"niet bij stap {event.number}", step.source)
        elif event.number not in (previous.number, first and first.number):
            yield from _check_jump(case, previous, event)
        previous = event


def _check_jump(case: Case, previous: Escalation, event: Escalation) -> Iterator[Violation]:
    step: Step | None = previous.step
    assert step is not None
    allowed = [following.number for following in case.next_steps(step)]
    if event.number not in allowed:
        after = f"alleen stap {texts(allowed)}" if allowed else "geen stap meer"
        yield Violation(event.at("number"),
                        f"na stap {previous.number} van '{step.ladder.id}' volgt {after}, "
                        f"niet stap {event.number}", step.source)
        return
    chooser = step.chooser
    actor = event.chosen_by or event.started_by
    if len(allowed) > 1 and chooser and chooser not in case.actor_roles(actor, event.date):
        yield Violation(event.at("chosen_by"),
                        f"de keuze voor stap {event.number} na stap {previous.number} ligt bij "
                        f"{role_name(chooser)}, niet bij {role_name(actor.acting_role)}",
                        step.source)
