"""ladder-volgorde: escalation steps in order, only the jumps the ladder allows.

A ladder starts at its first step that applies to the case; after a step only a step from its
`vervolg.stappen` may follow (steps whose conditions do not hold are passed through), the same
step again (another initiator), or the first step (a new round). Where the ladder leaves a choice,
the role in `vervolg.besluit_door` makes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Escalation, Violation, source_of, texts

KIND = "ladder-volgorde"


def check(case: CaseContext) -> Iterator[Violation]:
    for ladder_id in case.region.ladders:
        yield from _check_ladder(case, ladder_id)


def _check_ladder(case: CaseContext, ladder_id: str) -> Iterator[Violation]:
    first = case.first_step(ladder_id)
    previous: Escalation | None = None
    for event in case.escalations(ladder_id):
        if event.step is None:
            continue
        if not case.holds(event.step.get("voorwaarden")):
            failed = case.failed_conditions(event.step.get("voorwaarden"))
            yield Violation(("escalaties", event.index, "stap"),
                            f"stap {event.number} van '{ladder_id}' geldt niet voor deze casus "
                            f"({texts(c['tekst'] for c in failed)})", source_of(event.step))
        elif previous is None:
            if first is not None and event.number != first["nummer"]:
                yield Violation(("escalaties", event.index, "stap"),
                                f"ladder '{ladder_id}' begint bij stap {first['nummer']}, "
                                f"niet bij stap {event.number}", source_of(event.step))
        elif event.number not in (previous.number, first and first["nummer"]):
            yield from _check_jump(case, ladder_id, previous, event)
        previous = event


def _check_jump(case: CaseContext, ladder_id: str, previous: Escalation,
                event: Escalation) -> Iterator[Violation]:
    assert previous.step is not None
    allowed = case.next_steps(ladder_id, previous.step)
    if event.number not in allowed:
        after = f"alleen stap {texts(allowed)}" if allowed else "geen stap meer"
        yield Violation(("escalaties", event.index, "stap"),
                        f"na stap {previous.number} van '{ladder_id}' volgt {after}, "
                        f"niet stap {event.number}", source_of(previous.step))
        return
    chooser = (previous.step.get("vervolg") or {}).get("besluit_door")
    actor = event.data.get("gekozen_door") or event.data["gestart_door"]
    if len(allowed) > 1 and chooser and chooser not in case.actor_roles(actor, event.started):
        chosen_by = case.actor_role(actor)
        yield Violation(("escalaties", event.index, "gekozen_door"),
                        f"de keuze voor stap {event.number} na stap {previous.number} ligt bij "
                        f"{case.region.role_name(chooser)}, niet bij "
                        f"{case.region.role_name(chosen_by)}", source_of(previous.step))
