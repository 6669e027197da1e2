"""ladder-initiatief: each escalation step started by a role the region allows to start it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, actor_text, role_names, should, step_text
from generator.model.case import Case

KIND = "ladder-initiatief"


def check(case: Case) -> Iterator[Violation]:
    for event in case.escalations_in_order:
        step, starter = event.step, event.started_by
        if step is None or not starter.resolves("member"):
            continue  # an unknown step or member is reported by casus-verwijzingen
        if not case.actor_roles(starter, event.date) & set(step.initiators):
            yield Violation(event.at("started_by"), should(
                step_text(step), f"gestart te worden door {role_names(step.initiators)}",
                actor_text(starter)), step.source)
