"""ladder-volgorde: escalation steps in order, only the jumps the ladder allows.

A ladder starts at its first step that applies to the case; after a step only a step from its
`vervolg.stappen` may follow (steps whose conditions do not hold are passed through), a step
taken together with it (`tegelijk_met`, in either order), the same step again (another
initiator), or the first step (a new round). Where the ladder leaves a choice, the role in
`vervolg.besluit_door` makes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import (
    Violation,
    actor_text,
    conditions_text,
    role_name,
    should,
    situation,
    step_text,
)
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
            yield Violation(event.at("number"), should(
                step_text(step), f"alleen gezet te worden als geldt: {conditions_text(failed)}",
                situation(case)), step.source)
        elif previous is None:
            if first is not None and event.number != first.number and \
                    step.together_with is not first:
                yield Violation(event.at("number"), should(
                    f"'{ladder.name}'", f"te beginnen bij {step_text(first)}",
                    step_text(step)), step.source)
        elif event.number not in (previous.number, first and first.number):
            yield from _check_jump(case, previous, event)
        previous = event


def _check_jump(case: Case, previous: Escalation, event: Escalation) -> Iterator[Violation]:
    step: Step | None = previous.step
    assert step is not None
    alongside = case.companions_due(step) + ([step.together_with] if step.together_with else [])
    allowed = [following.number for following in case.next_steps(step)]
    if event.number in [companion.number for companion in alongside]:
        return
    if event.number not in allowed:
        after = " of ".join(step_text(following) for following in case.next_steps(step))
        taken = step_text(event.step) if event.step else f"stap {event.number}"
        yield Violation(event.at("number"), should(
            f"na {step_text(step)}", f"{after} te volgen" if after else "geen stap meer te volgen",
            taken), step.source)
        return
    chooser = step.chooser
    actor = event.chosen_by or event.started_by
    if len(allowed) > 1 and chooser and chooser not in case.actor_roles(actor, event.date):
        yield Violation(event.at("chosen_by"), should(
            f"de keuze voor stap {event.number} na {step_text(step)}",
            f"te liggen bij {role_name(chooser)}", actor_text(actor)), step.source)
